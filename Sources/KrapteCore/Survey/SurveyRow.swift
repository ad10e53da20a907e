/// One estimated cell: a wave, question, domain and answer category, with the share and its margins, or
/// suppressed (`share` nil) when the domain has fewer respondents than the minimum.
public struct SurveyRow: Sendable, Hashable {
    /// The wave.
    public var wave: String
    /// The question's column.
    public var question: String
    /// `overall`, a stratum column, or columns joined with `_x_`.
    public var domainType: String
    /// `totaal`, or the domain's values joined with `|`.
    public var domain: String
    /// The answer category.
    public var category: String
    /// The respondents of the domain who answered.
    public var respondents: Int
    /// The estimates; nil when suppressed.
    public var estimate: ShareEstimate?

    /// Makes a row.
    public init(wave: String, question: String, domainType: String, domain: String, category: String, respondents: Int, estimate: ShareEstimate?) {
        self.wave = wave
        self.question = question
        self.domainType = domainType
        self.domain = domain
        self.category = category
        self.respondents = respondents
        self.estimate = estimate
    }

    /// Whether the cell is suppressed.
    public var suppressed: Bool { estimate == nil }
}
