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
    func run(_ y: [Double], from initial: [Double]) -> Run {
        let hasTrend = form.trend != .none
        var seasons = form.season == .none ? [0] : Array(initial[(hasTrend ? 2 : 1)...])
        var errors: [Double] = []
        errors.reserveCapacity(y.count)
        let end = y.withUnsafeBufferPointer { values in
            seasons.withUnsafeMutableBufferPointer { ring in
                recurse(values, level: initial[0], slope: hasTrend ? initial[1] : 0, seasons: ring) { errors.append($0) }
            }
        }
        var state = [end.level]
        if hasTrend { state.append(end.slope) }
        if form.season != .none {
            for j in 0..<period { state.append(seasons[(end.start + j) % period]) }
        }
        return Run(criterion: end.criterion, errors: errors, state: state)
    }

    /// The criterion alone, for the optimiser: the seasonal states (newest first) in `seasons`, which it overwrites.
    func criterion(_ y: UnsafeBufferPointer<Double>, level: Double, slope: Double, seasons: UnsafeMutableBufferPointer<Double>) -> Double {
        recurse(y, level: level, slope: slope, seasons: seasons) { _ in }.criterion
    }

    /// The recursion itself. The seasonal states form a ring: `s[j]` is `seasons[(start + j) % m]`, so that a step
    /// writes one state instead of shifting them all.
    @inline(__always)
    private func recurse(
        _ y: UnsafeBufferPointer<Double>,
        level initialLevel: Double,
        slope initialSlope: Double,
        seasons ring: UnsafeMutableBufferPointer<Double>,
        error: (Double) -> Void
    ) -> (criterion: Double, level: Double, slope: Double, start: Int) {
        let m = form.season == .none ? 1 : period
        let hasTrend = form.trend != .none
        let multiplicativeError = form.error == .multiplicative
        var level = initialLevel
        var slope = initialSlope
        var start = 0
        var sse = 0.0
        // Σ log|ŷ| as the logarithm of a product, scaled by powers of two to stay in range: one logarithm instead
        // of one per observation.
        var product = 1.0
        var twos = 0
        for value in y {
            let oldLevel = level
            let damped = hasTrend ? phi * slope : 0
            let q = oldLevel + damped
            let oldestIndex = start == 0 ? m - 1 : start - 1
            let oldest = form.season == .none ? 0 : ring[oldestIndex]
            var forecast = q
            switch form.season {
            case .none: break
            case .additive: forecast += oldest
            case .multiplicative: forecast *= oldest
            }
            let e = multiplicativeError ? (value - forecast) / forecast : value - forecast
            error(e)
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
            sse += e * e
            if multiplicativeError {
                product *= abs(forecast)
                // Scaled by powers of two, exactly, before it leaves the range of doubles.
                if product > 0x1p600 {
                    product *= 0x1p-600
                    twos += 600
                } else if product < 0x1p-600 && product > 0 {
                    product *= 0x1p600
                    twos -= 600
                }
            }
        }
        var criterion = Double(y.count) * log(sse)
        if multiplicativeError { criterion += 2 * (log(product) + Double(twos) * M_LN2) }
        return (criterion, level, slope, start)
    }
}
