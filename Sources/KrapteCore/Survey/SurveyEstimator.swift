/// Estimates a survey as its specification says: per wave, weights N_h / n_h over the strata (n_h counts every
/// respondent of the stratum, also those who skipped a question), an optional calibration, and per question, domain
/// and answer category the share among those who answered, with its standard errors and counts; cells with fewer
/// respondents than the minimum are suppressed. See Guides/SurveyEstimation.md.
public struct SurveyEstimator: Sendable {
    /// The specification.
    public var specification: SurveySpecification

    /// Makes an estimator.
    public init(_ specification: SurveySpecification) {
        self.specification = specification
    }

    /// The waves in the data, in order.
    public func waves(_ data: SurveyMicrodata) -> [String] {
        (data.columns[specification.wave]?.levels ?? []).sorted()
    }

    /// Every row, wave by wave, question by question, domain by domain.
    /// - Throws: `SurveyError` naming the file, row and column of what is wrong.
    public func estimate(_ data: SurveyMicrodata, waves only: [String]? = nil) throws -> [SurveyRow] {
        var out: [SurveyRow] = []
        for wave in only ?? waves(data) {
            out += try estimate(data, wave: wave)
        }
        return out
    }

    /// The rows of one wave.
    public func estimate(_ data: SurveyMicrodata, wave: String) throws -> [SurveyRow] {
        let spec = specification
        let needed =
            [spec.wave] + spec.strata + spec.questions.map(\.name) + spec.domains.flatMap { $0 } + (spec.calibration?.margins.map(\.variable) ?? [])
        for name in needed where data.columns[name] == nil {
            throw SurveyError(
                file: data.file,
                row: 1,
                column: name,
                message: Message("SurveyEstimator.column", name.excerpt),
                fix: Message("SurveyEstimator.column.fix")
            )
        }
        let waveColumn = data.columns[spec.wave]!
        guard let waveCode = waveColumn.levels.firstIndex(of: wave).map(Int32.init) else {
            throw SurveyError(
                file: data.file,
                column: spec.wave,
                message: Message("SurveyEstimator.respondentsWave", wave),
                fix: Message("SurveyEstimator.respondentsWave.fix")
            )
        }
        let units = waveColumn.codes.indices.filter { waveColumn.codes[$0] == waveCode }
        // Strata: the combinations of the stratum columns' codes, numbered as they first appear.
        let (strata, firstUnit) = Self.combinations(spec.strata.map { data.columns[$0]! }, of: units)
        let keys = firstUnit.map { i in spec.strata.map { data.columns[$0]![i] }.joined(separator: "|") }
        var sampled = [Int](repeating: 0, count: firstUnit.count)
        for h in strata { sampled[h] += 1 }
        var population = [Double?](repeating: nil, count: firstUnit.count)
        for (h, key) in keys.enumerated() {
            guard let N = data.population[wave]?[key]?.count else {
                throw SurveyError(
                    file: data.file,
                    row: data.rows[firstUnit[h]],
                    column: spec.strata.joined(separator: ", "),
                    message: Message("SurveyEstimator.stratumWavePopulationCount", Self.describe(spec.strata, key), wave, data.populationFile),
                    fix: Message("SurveyEstimator.stratumWavePopulationCount.fix", data.populationFile)
                )
            }
            population[h] = N
        }
        let base: SampleDesign
        do {
            base = try SampleDesign(strata: strata, weights: strata.map { population[$0]! / Double(sampled[$0]) }, populationClusters: population)
        } catch let error as SurveyError {
            guard let h = sampled.firstIndex(of: 1) else { throw error }
            let key = keys[h]
            throw SurveyError(
                file: data.file,
                row: data.rows[firstUnit[h]],
                column: spec.strata.joined(separator: ", "),
                message: Message("SurveyEstimator.stratumWaveSingleRespondent", Self.describe(spec.strata, key), wave),
                fix: Message("SurveyEstimator.stratumWaveSingleRespondent.fix")
            )
        }
        let design: any SurveyDesign = try spec.calibration.map { try calibrated(base, $0, data, units) } ?? base
        // The domains do not depend on the question: each unit's domain, the labels and the reported order, once.
        let domainSets = spec.domains.map { domain in
            let (domains, first) = Self.combinations(domain.map { data.columns[$0]! }, of: units)
            return (
                numbers: domains,
                labels: first.map { i in domain.isEmpty ? "totaal" : domain.map { data.columns[$0]![i] }.joined(separator: "|") },
                order: reportedOrder(domain, data, first),
                type: domain.isEmpty ? "overall" : domain.joined(separator: "_x_")
            )
        }
        var out: [SurveyRow] = []
        for question in spec.questions {
            let column = data.columns[question.name]!
            let category = column.levels.map { question.categories.firstIndex(of: $0) ?? -1 }
            let answers = units.map { category[Int(column.codes[$0])] }
            for (domains, labels, order, type) in domainSets {
                let estimates = design.shares(answers, categories: question.categories.count, domains: domains, domainCount: labels.count)
                for d in order {
                    for (c, category) in question.categories.enumerated() {
                        let e = estimates[d][c]
                        out.append(
                            SurveyRow(
                                wave: wave,
                                question: question.name,
                                domainType: type,
                                domain: labels[d],
                                category: category,
                                respondents: e.respondents,
                                estimate: e.respondents < spec.minimumRespondents ? nil : e
                            )
                        )
                    }
                }
            }
        }
        return out
    }

    /// The base design calibrated as the specification says, the levels of each margin taken from the respondents.
    private func calibrated(
        _ base: SampleDesign,
        _ c: SurveySpecification.CalibrationSpecification,
        _ data: SurveyMicrodata,
        _ units: [Int]
    ) throws
        -> CalibratedDesign
    {
        let margins = try c.margins.map { m -> Calibration.Margin in
            let levels = m.totals.keys.sorted()
            let values = data.columns[m.variable]!
            let level = values.levels.map { levels.firstIndex(of: $0) }
            let codes = try units.map { i -> Int in
                guard let l = level[Int(values.codes[i])] else {
                    throw SurveyError(
                        file: data.file,
                        row: data.rows[i],
                        column: m.variable,
                        message: Message("SurveyEstimator.populationCountCalibration", values[i].excerpt),
                        fix: Message("SurveyEstimator.populationCountCalibration.fix")
                    )
                }
                return l
            }
            return Calibration.Margin(levels: codes, totals: levels.map { m.totals[$0]! })
        }
        let calibration: Calibration =
            c.method == .postStratify ? .postStratify(cells: margins[0].levels, totals: margins[0].totals) : .rake(margins: margins)
        return try CalibratedDesign(base, to: calibration)
    }

    /// The domains of `columns` to report, given by their first units, in the order of the design's `levels`
    /// (else of the values' text); a domain where a column is empty (a respondent outside every group of a domain
    /// column) is left out.
    private func reportedOrder(_ columns: [String], _ data: SurveyMicrodata, _ first: [Int]) -> [Int] {
        let ranks = columns.map { specification.ranks($0, values: data.columns[$0]!.levels) }
        let keys = first.map { i in columns.indices.map { ranks[$0][Int(data.columns[columns[$0]]!.codes[i])] } }
        return first.indices
            .filter { d in !columns.contains { data.columns[$0]![first[d]].isEmpty } }
            .sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
    }

    /// Per unit of `units`, the number of its combination of the columns' values, numbered as they first appear,
    /// and for each combination its first unit.
    static func combinations(_ columns: [SurveyColumn], of units: [Int]) -> (numbers: [Int], first: [Int]) {
        // Each combination's key in a mixed radix; the keys index an array, or a dictionary when there are many.
        let size = columns.reduce(1) { $0.multipliedReportingOverflow(by: max(1, $1.levels.count)).partialValue }
        var array = [Int](repeating: -1, count: size <= 1 << 20 && size > 0 ? size : 0)
        var dictionary: [[Int32]: Int] = [:]
        var first: [Int] = []
        let codes = columns.map(\.codes)
        let radices = columns.map(\.levels.count)
        let numbers = units.map { i in
            if array.isEmpty {
                let key = codes.map { $0[i] }
                if let n = dictionary[key] { return n }
                dictionary[key] = first.count
                first.append(i)
                return first.count - 1
            }
            var key = 0
            for k in codes.indices { key = key * radices[k] + Int(codes[k][i]) }
            if array[key] < 0 {
                array[key] = first.count
                first.append(i)
            }
            return array[key]
        }
        return (numbers, first)
    }

    /// `sector=J, size_class=10-49`.
    static func describe(_ columns: [String], _ key: String) -> String {
        zip(columns, key.split(separator: "|", omittingEmptySubsequences: false)).map { "\($0)=\($1)" }.joined(separator: ", ")
    }
}
