import Foundation

/// The simple methods every forecast is measured against, as R's `forecast` computes them (`naive`, `snaive`,
/// `rwf(drift = TRUE)`, all through its `lagwalk`): the last value, the value a year before, or the last value plus
/// the average change, with intervals that widen with the square root of the steps.
public enum BenchmarkForecast {
    /// One of the simple methods.
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// The last value, for every step.
        case naive
        /// The value of the same period a season (a year) before.
        case seasonalNaive
        /// The last value plus the average change per period so far.
        case drift
    }

    /// The forecasts of `method` `horizon` steps ahead of `y` (with seasonal period `period`).
    /// - Throws: `ForecastError.tooShort` with fewer observations than the method needs (2, the period plus 1,
    ///   or 3); `.notFinite` for a value that is not a number.
    public static func forecast(_ y: [Double], period: Int, method: Method, horizon: Int) throws(ForecastError) -> ForecastPath {
        guard y.allSatisfy(\.isFinite) else { throw .notFinite }
        let lag = method == .seasonalNaive ? max(period, 1) : 1
        let needed = method == .drift ? 3 : lag + 1
        guard y.count >= needed else { throw .tooShort(count: y.count, needed: needed) }
        var residuals = (lag..<y.count).map { y[$0] - y[$0 - lag] }
        var drift = 0.0
        var driftError = 0.0
        if method == .drift {
            let k = Double(residuals.count)
            drift = residuals.reduce(0, +) / k
            residuals = residuals.map { $0 - drift }
            let sigma = sqrt(residuals.reduce(0) { $0 + $1 * $1 } / (k - 1))
            driftError = sigma / sqrt(k)
        }
        let meanSquare = residuals.reduce(0) { $0 + $1 * $1 } / (Double(residuals.count) - (drift != 0 ? 1 : 0))
        let last = Array(y.suffix(lag))
        var mean: [Double] = []
        var variance: [Double] = []
        for h in 0..<max(horizon, 0) {
            let steps = Double(h / lag + 1)
            mean.append(last[h % lag] + steps * drift)
            variance.append(meanSquare * steps + (steps * driftError) * (steps * driftError))
        }
        return ForecastPath(mean: mean, variance: variance)
    }
}
