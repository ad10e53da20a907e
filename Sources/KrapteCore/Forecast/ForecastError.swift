/// Why a series gets no forecast: a refusal, never a number.
public enum ForecastError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer observations than the method needs.
    case tooShort(count: Int, needed: Int)
    /// A period without a value between the first and the last.
    case gap(Period)
    /// A value that is not a finite number.
    case notFinite
    /// Periods of more than one frequency (years beside quarters).
    case mixedFrequencies
    /// No model could be fitted.
    case noModel(count: Int)

    /// The refusal as a message.
    public var said: Message {
        switch self {
        case .tooShort(let count, let needed): Message("Forecast.tooShort", count, needed)
        case .gap(let period): Message("Forecast.gap", period)
        case .notFinite: Message("Forecast.notFinite")
        case .mixedFrequencies: Message("Forecast.mixedFrequencies")
        case .noModel(let count): Message("Forecast.noModel", count)
        }
    }

    /// The refusal in Dutch.
    public var description: String { said.text(in: .nl) }
}
