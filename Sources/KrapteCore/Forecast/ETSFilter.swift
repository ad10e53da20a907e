import Foundation

/// The recursion of an ETS model through a series: one-step forecasts, their errors and the states after each
/// observation, with the likelihood criterion R's `forecast` minimises (its C function `etscalc`, step for step, so
/// that the same parameters give the same numbers).
///
/// A state vector is `[level, slope?, s1, …, sm]`, the seasonal states newest first: `sm` is the one of the period
/// a season ago, which the next forecast uses.
struct ETSFilter {
    let form: ETSForm
    /// The seasonal period; 1 without a season.
    let period: Int
    let alpha: Double
    /// 0 without a trend.
    let beta: Double
    /// 0 without a season.
    let gamma: Double
    /// 1 without damping.
    let phi: Double

    /// What running the recursion gives.
    struct Run {
        /// `n log(SSE)`, plus `2 Σ log|ŷ|` for a multiplicative error: twice the negative log-likelihood up to a
        /// constant, as R's `ets` reports it.
        var criterion: Double
        /// The one-step errors: `y - ŷ`, or `(y - ŷ) / ŷ` for a multiplicative error.
        var errors: [Double]
        /// The state after the last observation.
        var state: [Double]
    }

    /// Runs the recursion over `y` from `initial`, a whole state vector.
    func run(_ y: [Double], from initial: [Double], keepErrors: Bool = true) -> Run {
        let m = form.season == .none ? 1 : period
        let hasTrend = form.trend != .none
        var level = initial[0]
        var slope = hasTrend ? initial[1] : 0
        // The seasonal states in a ring: s[j] is ring[(start + j) % m].
        var ring = form.season == .none ? [] : Array(initial[(hasTrend ? 2 : 1)...])
        var start = 0
        var sse = 0.0
        var logs = 0.0
        var errors: [Double] = []
        if keepErrors { errors.reserveCapacity(y.count) }
        for value in y {
            let oldLevel = level
            let damped = hasTrend ? phi * slope : 0
            let q = oldLevel + damped
            let oldestIndex = (start + m - 1) % m
            let oldest = form.season == .none ? 0 : ring[oldestIndex]
            var forecast = q
            switch form.season {
            case .none: break
            case .additive: forecast += oldest
            case .multiplicative: forecast *= oldest
            }
            let error = form.error == .additive ? value - forecast : (value - forecast) / forecast
            if keepErrors { errors.append(error) }
            let p: Double
            switch form.season {
            case .none: p = value
            case .additive: p = value - oldest
            case .multiplicative: p = abs(oldest) < 1e-10 ? 1e10 : value / oldest
            }
            level = q + alpha * (p - q)
            if hasTrend { slope = damped + (beta / alpha) * ((level - oldLevel) - damped) }
            if form.season != .none {
                let t: Double
                if form.season == .additive { t = value - q } else { t = abs(q) < 1e-10 ? 1e10 : value / q }
                ring[oldestIndex] = oldest + gamma * (t - oldest)
                start = oldestIndex
            }
            sse += error * error
            logs += log(abs(forecast))
        }
        var criterion = Double(y.count) * log(sse)
        if form.error == .multiplicative { criterion += 2 * logs }
        var state = [level]
        if hasTrend { state.append(slope) }
        for j in 0..<ring.count { state.append(ring[(start + j) % m]) }
        return Run(criterion: criterion, errors: errors, state: state)
    }
}
