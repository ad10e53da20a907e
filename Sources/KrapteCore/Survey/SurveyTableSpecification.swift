/// A published table of a survey as the design file lists it; see Guides/SurveyTables.md. Three layouts, those of
/// the figures in the appendix of UWV's employer survey (seed 003):
/// - one question: a column per wave and answer category (figures 8 and 9);
/// - one or more questions and a `category`: a column per wave and question, each the share that gave that answer
///   (figures 10, 11 and 12);
/// - with `columns` as well: a row per question, and a column for the total and for each domain of `columns`
///   (figure 13);
/// - with `standsOutBy` instead: a row per question, the total's share, and per domain type in `rows` the domains
///   more than that many points above it (figure 5), and below it with `standsOutBelow`.
///
/// In the first two layouts the rows are the total, then a section per domain type in `rows`.
public struct SurveyTableSpecification: Sendable, Hashable, Codable {
    /// The name `krapte survey table --table` takes (`figuur8`).
    public var name: String
    /// The caption.
    public var title: String
    /// The questions' columns.
    public var questions: [String]
    /// The answer whose share each column shows; nil for the layout of one question's categories.
    public var category: String?
    /// The waves side by side; nil for every wave, latest first.
    public var waves: [String]?
    /// The domain types of the sections after the total (`size_class`, `sector`, `sector_x_size_class`).
    public var rows: [String]
    /// The sections whose rows go by the first column's share, highest first; the others keep the order of
    /// `levels`.
    public var sorted: [String]
    /// The domain types whose domains are the columns, after the total; rows are then the questions.
    public var columns: [String]?
    /// Whether a row whose every cell is suppressed is left out (with a note) instead of shown with `x`.
    public var omitsSuppressedRows: Bool
    /// Figure 5's layout: the percentage points above the total beyond which a domain of `rows` is named; nil for
    /// the other layouts.
    public var standsOutBy: Double?
    /// With `standsOutBy`: also name the domains that many points below the total.
    public var standsOutBelow: Bool

    /// Makes a table specification.
    public init(
        name: String,
        title: String? = nil,
        questions: [String],
        category: String? = nil,
        waves: [String]? = nil,
        rows: [String] = [],
        sorted: [String] = [],
        columns: [String]? = nil,
        omitsSuppressedRows: Bool = false,
        standsOutBy: Double? = nil,
        standsOutBelow: Bool = false
    ) {
        self.name = name
        self.title = title ?? name
        self.questions = questions
        self.category = category
        self.waves = waves
        self.rows = rows
        self.sorted = sorted
        self.columns = columns
        self.omitsSuppressedRows = omitsSuppressedRows
        self.standsOutBy = standsOutBy
        self.standsOutBelow = standsOutBelow
    }

    enum CodingKeys: String, CodingKey {
        case name, title, questions, category, waves, rows, sorted, columns, omitsSuppressedRows, standsOutBy, standsOutBelow
    }

    /// Reads a table; everything but `name` and `questions` may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? name
        questions = try c.decode([String].self, forKey: .questions)
        category = try c.decodeIfPresent(String.self, forKey: .category)
        waves = try c.decodeIfPresent([String].self, forKey: .waves)
        rows = try c.decodeIfPresent([String].self, forKey: .rows) ?? []
        sorted = try c.decodeIfPresent([String].self, forKey: .sorted) ?? []
        columns = try c.decodeIfPresent([String].self, forKey: .columns)
        omitsSuppressedRows = try c.decodeIfPresent(Bool.self, forKey: .omitsSuppressedRows) ?? false
        standsOutBy = try c.decodeIfPresent(Double.self, forKey: .standsOutBy)
        standsOutBelow = try c.decodeIfPresent(Bool.self, forKey: .standsOutBelow) ?? false
    }

    /// What is wrong with the table in `design`, and how to fix it; nil when nothing is.
    public func problem(in design: SurveySpecification) -> (message: Message, fix: Message)? {
        let types = Set(design.domains.filter { !$0.isEmpty }.map { $0.joined(separator: "_x_") })
        let known = types.sorted().joined(separator: ", ")
        guard !questions.isEmpty else { return (Message("SurveyTableSpecification.questions"), Message("SurveyTableSpecification.questions.fix")) }
        for name in questions {
            guard let q = design.question(name) else {
                return (
                    Message("SurveyTableSpecification.question", name.excerpt),
                    Message("SurveyTableSpecification.question.fix", design.questions.map(\.name).joined(separator: ", "))
                )
            }
            if let category, !q.categories.contains(category) {
                return (
                    Message("SurveyTableSpecification.category", category.excerpt, name),
                    Message("SurveyTableSpecification.category.fix", q.categories.joined(separator: ", "))
                )
            }
        }
        if category == nil, questions.count > 1 {
            return (
                Message("SurveyTableSpecification.severalQuestionsNeedCategory"), Message("SurveyTableSpecification.severalQuestionsNeedCategory.fix")
            )
        }
        for type in rows + (columns ?? []) + sorted where !types.contains(type) {
            return (Message("SurveyTableSpecification.domainDesign", type.excerpt), Message("SurveyTableSpecification.domainDesign.fix", known))
        }
        if let points = standsOutBy {
            guard category != nil, columns == nil, !rows.isEmpty, points >= 0, points < 100 else {
                return (Message("SurveyTableSpecification.standsOut"), Message("SurveyTableSpecification.standsOut.fix"))
            }
        }
        if columns != nil {
            guard category != nil else {
                return (Message("SurveyTableSpecification.columnsNeedCategory"), Message("SurveyTableSpecification.columnsNeedCategory.fix"))
            }
            guard rows.isEmpty, sorted.isEmpty else {
                return (Message("SurveyTableSpecification.columnsRowsQuestions"), Message("SurveyTableSpecification.columnsRowsQuestions.fix"))
            }
        }
        return nil
    }
}
