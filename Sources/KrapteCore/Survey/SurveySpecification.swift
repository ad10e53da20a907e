import Foundation

/// How a survey is read and estimated: the columns of the respondent file, the strata, the questions with their
/// answer categories in order, the domains to report, the minimum number of respondents of a cell, and an optional
/// calibration. Read from a JSON design file; see Guides/SurveyEstimation.md.
public struct SurveySpecification: Sendable, Hashable, Codable {
    /// The dataset id the estimates are stored under.
    public var dataset: String
    /// The title of that dataset.
    public var title: String
    /// The respondent id column.
    public var id: String
    /// The wave (year) column, in both the respondent and the population file.
    public var wave: String
    /// The stratum columns, in both files (`sector`, `size_class`).
    public var strata: [String]
    /// The population file's count column.
    public var population: String
    /// The questions.
    public var questions: [Question]
    /// The domains: each a list of columns whose combinations are reported; `[]` is the whole population
    /// (`totaal`).
    public var domains: [[String]]
    /// Cells with fewer respondents are suppressed.
    public var minimumRespondents: Int
    /// Calibration of the weights, if any.
    public var calibration: CalibrationSpecification?
    /// Per stratum or domain column, its values in the order they are reported, with their labels; a column not
    /// listed is reported in the order of its values' text.
    public var levels: [String: [Level]]
    /// The published tables.
    public var tables: [SurveyTableSpecification]
    /// Who ran the survey, for the stored dataset; nil for the respondent file.
    public var source: Source?
    /// Titles of the stratum and domain columns for the stored dataset and its pages (`size_class` → `Grootteklasse`);
    /// a column without one is titled by its name.
    public var titles: [String: String]

    /// A value of a stratum or domain column and its label (`J`, `Informatie en communicatie`).
    public struct Level: Sendable, Hashable, Codable {
        /// The value as the respondent file has it.
        public var code: String
        /// The label tables show; the code when absent.
        public var label: String?
    }

    /// A question: its column and its answer categories in the order they are reported.
    public struct Question: Sendable, Hashable, Codable {
        /// The column.
        public var name: String
        /// The title; the column when absent.
        public var title: String?
        /// The answer labels, in order.
        public var categories: [String]
    }

    /// Calibration to population counts.
    public struct CalibrationSpecification: Sendable, Hashable, Codable {
        /// `postStratify` (one margin) or `rake`.
        public var method: Method
        /// The margins: a respondent column and the population count of each of its values.
        public var margins: [MarginSpecification]

        /// The method.
        public enum Method: String, Sendable, Hashable, Codable {
            case postStratify, rake
        }
    }

    /// One calibration margin.
    public struct MarginSpecification: Sendable, Hashable, Codable {
        /// The respondent column.
        public var variable: String
        /// The population count per value.
        public var totals: [String: Double]
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case dataset, title, id, wave, strata, population, questions, domains, minimumRespondents, calibration, levels, tables, source, titles
    }

    /// Reads a design; `id`, `wave`, `population`, `domains` (overall, each stratum, the crossing of the first two),
    /// `minimumRespondents` (10), `calibration`, `levels`, `tables`, `source` and `titles` may be left out.
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dataset = try c.decode(String.self, forKey: .dataset)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? dataset
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? "id"
        wave = try c.decodeIfPresent(String.self, forKey: .wave) ?? "wave"
        strata = try c.decode([String].self, forKey: .strata)
        population = try c.decodeIfPresent(String.self, forKey: .population) ?? "N"
        questions = try c.decode([Question].self, forKey: .questions)
        domains =
            try c.decodeIfPresent([[String]].self, forKey: .domains)
            ?? ([[]] + strata.map { [$0] } + (strata.count >= 2 ? [Array(strata.prefix(2))] : []))
        minimumRespondents = try c.decodeWholeNumberIfPresent(forKey: .minimumRespondents, in: 1...1_000_000) ?? 10
        calibration = try c.decodeIfPresent(CalibrationSpecification.self, forKey: .calibration)
        levels = try c.decodeIfPresent([String: [Level]].self, forKey: .levels) ?? [:]
        tables = try c.decodeIfPresent([SurveyTableSpecification].self, forKey: .tables) ?? []
        source = try c.decodeIfPresent(Source.self, forKey: .source)
        titles = try c.decodeIfPresent([String: String].self, forKey: .titles) ?? [:]
    }

    /// Reads and checks a design file.
    /// - Throws: `DefinitionError` naming the file and the place.
    public init(decoding data: Data, file: String) throws {
        do {
            self = try JSONDecoder().decode(SurveySpecification.self, from: data)
        } catch let error as DecodingError {
            throw IndicatorDefinitions.error(error, file: file)
        } catch let problem as DecodingProblem {
            throw problem.definitionError(file: file)
        }
        func fail(_ path: String, _ message: Message, _ fix: Message?) -> DefinitionError {
            DefinitionError(file: file, path: path, message: message, fix: fix)
        }
        // The estimates are stored as a dataset with this id.
        if let problem = DatasetRules.identifierProblem(dataset) {
            throw fail("dataset", Message("SurveySpecification.id", dataset.excerpt, problem), DatasetRules.identifierFix)
        }
        guard !strata.isEmpty else {
            throw fail("strata", Message("SurveySpecification.stratumColumns"), Message("SurveySpecification.stratumColumns.fix"))
        }
        guard !questions.isEmpty else {
            throw fail("questions", Message("SurveySpecification.questions"), Message("SurveySpecification.questions.fix"))
        }
        // Each column has one part: the id only identifies, the wave only dates, a question is asked once.
        let named = [("wave", [wave]), ("strata", strata), ("questions", questions.map(\.name)), ("domains", Array(domains.joined()))]
        for (key, columns) in named where columns.contains(id) {
            throw fail(key, Message("SurveySpecification.respondentsIdColumn", id.excerpt), Message("SurveySpecification.respondentsIdColumn.fix"))
        }
        for (key, columns) in named.dropFirst() where columns.contains(wave) {
            throw fail(key, Message("SurveySpecification.waveColumn", wave.excerpt), Message("SurveySpecification.waveColumn.fix"))
        }
        for (key, columns) in [("strata", strata), ("questions", questions.map(\.name))] where Set(columns).count != columns.count {
            throw fail(key, Message("SurveySpecification.columnNamedTwice"), Message("SurveySpecification.columnNamedTwice.fix"))
        }
        if let q = questions.first(where: { strata.contains($0.name) }) {
            throw fail(
                "questions",
                Message("SurveySpecification.stratumColumnToo", q.name.excerpt),
                Message("SurveySpecification.stratumColumnToo.fix")
            )
        }
        for (k, q) in questions.enumerated() {
            guard !q.categories.isEmpty, Set(q.categories).count == q.categories.count else {
                throw fail(
                    "questions[\(k)] (\(q.name))",
                    Message("SurveySpecification.categoriesEmptyRepeat"),
                    Message("SurveySpecification.categoriesEmptyRepeat.fix")
                )
            }
        }
        if let calibration, calibration.method == .postStratify, calibration.margins.count != 1 {
            throw fail(
                "calibration.margins",
                Message("SurveySpecification.postStratificationTakesOne"),
                Message("SurveySpecification.postStratificationTakesOne.fix")
            )
        }
        let classifying = Set(strata + domains.joined())
        for (column, list) in levels.sorted(by: { $0.key < $1.key }) {
            guard classifying.contains(column) else {
                throw fail(
                    "levels.\(column)",
                    Message("SurveySpecification.stratumDomainColumn", column.excerpt),
                    Message("SurveySpecification.stratumDomainColumn.fix")
                )
            }
            guard Set(list.map(\.code)).count == list.count else {
                throw fail("levels.\(column)", Message("SurveySpecification.valueListedTwice"), Message("SurveySpecification.valueListedTwice.fix"))
            }
        }
        for column in titles.keys.sorted() where !classifying.contains(column) {
            throw fail(
                "titles.\(column)",
                Message("SurveySpecification.stratumDomainColumn", column.excerpt),
                Message("SurveySpecification.stratumDomainColumn.fix2")
            )
        }
        for (k, table) in tables.enumerated() {
            if let problem = table.problem(in: self) { throw fail("tables[\(k)] (\(table.name))", problem.message, problem.fix) }
        }
    }

    /// The question with this column.
    public func question(_ name: String) -> Question? { questions.first { $0.name == name } }

    /// The label of a value of a stratum or domain column: its label in `levels`, else the value.
    public func label(_ column: String, _ value: String) -> String {
        levels[column]?.first { $0.code == value }?.label ?? value
    }

    /// Per value of a column (in `values`), its rank in the reported order: its place in `levels`, else its place
    /// among `values` sorted as text. Values outside `levels` come last.
    public func ranks(_ column: String, values: [String]) -> [Int] {
        if let list = levels[column] {
            let place = Dictionary(list.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
            return values.map { place[$0] ?? list.count }
        }
        let sorted = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Int](repeating: 0, count: values.count)
        for (r, i) in sorted.enumerated() { ranks[i] = r }
        return ranks
    }
}
