/// The form of an exponential smoothing model in the taxonomy of Hyndman et al. (2008), written as R's `forecast`
/// package writes it: ETS(error, trend, season), as in ETS(A,Ad,N) or ETS(M,N,M).
///
/// Krapte fits the forms R's `forecast::ets` tries by default: additive or multiplicative error, no trend, an
/// additive or a damped trend, and no, additive or multiplicative season, without additive error beside a
/// multiplicative season (those models are numerically unstable) and without multiplicative trends.
public struct ETSForm: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How a component enters the model.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Not in the model.
        case none = "N"
        /// Added.
        case additive = "A"
        /// Multiplied.
        case multiplicative = "M"
    }

    /// How the error enters: additive or multiplicative.
    public let error: Kind
    /// The trend: none or additive.
    public let trend: Kind
    /// Whether the trend is damped.
    public let damped: Bool
    /// The season: none, additive or multiplicative.
    public let season: Kind

    /// The form, or nil for one Krapte does not fit (no error, a multiplicative trend, a damped trend without a
    /// trend, or additive error with a multiplicative season).
    public init?(error: Kind, trend: Kind, damped: Bool = false, season: Kind) {
        guard error != .none, trend != .multiplicative, !(damped && trend == .none),
            !(error == .additive && season == .multiplicative)
        else { return nil }
        self.error = error
        self.trend = trend
        self.damped = damped
        self.season = season
    }

    /// Reads R's model code: `ANN`, `AAdN`, `MAM`.
    public init?(code: String) {
        let letters = Array(code)
        let damped = letters.count == 4 && letters[2] == "d"
        guard letters.count == (damped ? 4 : 3),
            let error = Kind(rawValue: String(letters[0])),
            let trend = Kind(rawValue: String(letters[1])),
            let season = Kind(rawValue: String(letters[letters.count - 1]))
        else { return nil }
        self.init(error: error, trend: trend, damped: damped, season: season)
    }

    /// R's model code: `AAdN`.
    public var code: String { error.rawValue + trend.rawValue + (damped ? "d" : "") + season.rawValue }

    /// The name as R prints it: `ETS(A,Ad,N)`.
    public var description: String { "ETS(\(error.rawValue),\(trend.rawValue)\(damped ? "d" : ""),\(season.rawValue))" }

    /// The forms a model is chosen from, in the order R's `ets` tries them (a later form must be strictly better
    /// to be chosen): seasonal forms only for seasonal data, multiplicative ones only for positive data.
    static func candidates(seasonal: Bool, positive: Bool) -> [ETSForm] {
        var forms: [ETSForm] = []
        for error in [Kind.additive, .multiplicative] where positive || error == .additive {
            for trend in [Kind.none, .additive] {
                for season in seasonal ? [Kind.none, .additive, .multiplicative] : [.none] {
                    for damped in [true, false] {
                        if let form = ETSForm(error: error, trend: trend, damped: damped, season: season) {
                            forms.append(form)
                        }
                    }
                }
            }
        }
        return forms
    }
}
