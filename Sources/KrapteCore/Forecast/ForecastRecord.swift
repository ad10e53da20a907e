/// What one stored forecast rests on, kept with the derivation of a forecast's dataset: the series, the method and
/// model with its parameters, the observed span, or why the series got no forecast.
public struct ForecastRecord: Sendable, Hashable, Codable {
    /// The member codes of the series, one per dimension of the dataset.
    public var members: [String]
    /// The method.
    public var method: SeriesForecast.Method
    /// The model as analysts name it: `ETS(M,Ad,M)`, `naïef`; nil without a forecast.
    public var model: String?
    /// The smoothing parameters of an ETS model.
    public var parameters: ETSParameters?
    /// The AICc of an ETS model.
    public var aicc: Double?
    /// The variance of the model's one-step errors.
    public var sigma2: Double?
    /// The first and last observed periods the forecast rests on, and how many observations.
    public var first: Period?
    public var last: Period?
    public var observations: Int
    /// Why the series got no forecast, in Dutch; nil when it got one.
    public var refusal: String?

    /// The record of a forecast made.
    init(members: [String], forecast: SeriesForecast) {
        self.members = members
        method = forecast.method
        model = forecast.modelName
        parameters = forecast.model?.parameters
        aicc = forecast.model?.aicc
        sigma2 = forecast.model?.sigma2
        first = forecast.first
        last = forecast.last
        observations = forecast.observations
    }

    /// The record of a series refused.
    init(members: [String], method: SeriesForecast.Method, refusal: ForecastError) {
        self.members = members
        self.method = method
        observations = 0
        self.refusal = refusal.description
    }
}
