/// The share of one answer category in one domain, over the units that answered the question.
public struct ShareEstimate: Sendable, Hashable {
    /// Units in the domain that answered (n_domain).
    public var respondents: Int
    /// Of those, units that gave this answer (n_category).
    public var categoryRespondents: Int
    /// Σ w over the domain's respondents (the weighted n of the domain).
    public var weightedRespondents: Double
    /// Σ w over those that gave this answer, as an estimated total with its standard error.
    public var weightedCategory: SurveyEstimate
    /// The share: weightedCategory / weightedRespondents, with its linearised standard error; nil when no one in
    /// the domain answered.
    public var share: SurveyEstimate?

    /// Makes a share.
    public init(respondents: Int, categoryRespondents: Int, weightedRespondents: Double, weightedCategory: SurveyEstimate, share: SurveyEstimate?) {
        self.respondents = respondents
        self.categoryRespondents = categoryRespondents
        self.weightedRespondents = weightedRespondents
        self.weightedCategory = weightedCategory
        self.share = share
    }
}
