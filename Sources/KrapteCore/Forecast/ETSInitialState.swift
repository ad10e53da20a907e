import Foundation

/// The starting values of an ETS model's states from the first observations, as R's `forecast` computes them
/// (its `initstate`) before it optimises them with the smoothing parameters:
/// - the season from a classical decomposition (centred moving average, then the mean deviation per position in
///   the year), or for fewer than three years from the residuals of a linear trend with one Fourier pair;
/// - the level (and slope) from the first `max(10, 2m)` seasonally adjusted observations: their mean, or a least
///   squares line.
enum ETSInitialState {
    /// `[level, slope?, s0, …, s(m-2)]`: every state but the last seasonal one, which follows from the others
    /// (additive seasons sum to 0, multiplicative ones to `m`). Nil for seasonal data of fewer than 4 observations or
    /// no more than a season.
    static func states(_ y: [Double], trend: ETSForm.Kind, season: ETSForm.Kind, period m: Int) -> [Double]? {
        var adjusted = y
        var seasons: [Double] = []
        var width = 1
        if season != .none {
            width = m
            let n = y.count
            guard n >= 4, n > m else { return nil }
            let seasonal: [Double]
            if n < 3 * m {
                guard let line = fourierTrend(y, period: m) else { return nil }
                seasonal = (0..<n).map { t in
                    let fitted = line.intercept + line.slope * Double(t + 1)
                    return season == .additive ? y[t] - fitted : y[t] / fitted
                }
            } else {
                seasonal = decomposition(y, period: m, multiplicative: season == .multiplicative)
            }
            seasons = Array(seasonal[1..<m].reversed())
            if season == .additive {
                adjusted = zip(y, seasonal).map { $0 - $1 }
            } else {
                seasons = seasons.map { max($0, 1e-2) }
                let sum = seasons.reduce(0, +)
                if sum > Double(m) {
                    let divisor = seasons.map { $0 + 1e-2 }.reduce(0, +)
                    seasons = seasons.map { $0 / divisor }
                }
                adjusted = zip(y, seasonal).map { $0 / max($1, 1e-2) }
            }
        }
        let first = Array(adjusted.prefix(min(max(10, 2 * width), adjusted.count)))
        switch trend {
        case .none:
            return [rMean(first)] + seasons
        default:
            let line = leastSquaresLine(first)
            var (level, slope) = (line.intercept, line.slope)
            if abs(level + slope) < 1e-8 {
                level *= 1 + 1e-3
                slope *= 1 - 1e-3
            }
            return [level, slope] + seasons
        }
    }

    /// The seasonal figure of R's `decompose`, repeated over the series: the detrended values (by the centred
    /// moving average of one year) averaged per position from the series' start, then centred.
    static func decomposition(_ y: [Double], period m: Int, multiplicative: Bool) -> [Double] {
        let n = y.count
        let weights: [Double] =
            m % 2 == 0
            ? [0.5 / Double(m)] + Array(repeating: 1 / Double(m), count: m - 1) + [0.5 / Double(m)]
            : Array(repeating: 1 / Double(m), count: m)
        let offset = weights.count / 2
        var detrended = [Double?](repeating: nil, count: n)
        for i in 0..<n where i + offset - (weights.count - 1) >= 0 && i + offset < n {
            var trend = 0.0
            for j in 0..<weights.count { trend += weights[j] * y[i + offset - j] }
            detrended[i] = multiplicative ? y[i] / trend : y[i] - trend
        }
        var figure = (0..<m).map { i in
            rMean(stride(from: i, to: n, by: m).compactMap { detrended[$0] })
        }
        let centre = rMean(figure)
        figure = figure.map { multiplicative ? $0 / centre : $0 - centre }
        return (0..<n).map { figure[$0 % m] }
    }

    /// The intercept and slope of a least squares line through `y` at times 1, 2, ….
    static func leastSquaresLine(_ y: [Double]) -> (intercept: Double, slope: Double) {
        let n = Double(y.count)
        let meanTime = (n + 1) / 2
        let meanValue = rMean(y)
        var sxy = 0.0
        var sxx = 0.0
        for (i, value) in y.enumerated() {
            let dt = Double(i + 1) - meanTime
            sxy += dt * (value - meanValue)
            sxx += dt * dt
        }
        let slope = sxx == 0 ? 0 : sxy / sxx
        return (meanValue - slope * meanTime, slope)
    }

    /// The intercept and time coefficient of `y ~ trend + fourier(y, 1)` (R's `tslm`), by least squares on the
    /// normal equations; nil when they are singular.
    static func fourierTrend(_ y: [Double], period m: Int) -> (intercept: Double, slope: Double)? {
        var columns: [[Double]] = [
            y.indices.map { _ in 1 },
            y.indices.map { Double($0 + 1) },
        ]
        let sine = y.indices.map { sin(2 * Double.pi * Double($0 + 1) / Double(m)) }
        if m > 2 { columns.append(sine) }
        columns.append(y.indices.map { cos(2 * Double.pi * Double($0 + 1) / Double(m)) })
        let k = columns.count
        var matrix = (0..<k).map { a in (0..<k).map { b in zip(columns[a], columns[b]).map(*).reduce(0, +) } }
        var right = (0..<k).map { a in zip(columns[a], y).map(*).reduce(0, +) }
        guard let solution = LinearSystem.solve(&matrix, &right) else { return nil }
        return (solution[0], solution[1])
    }

    /// The mean as R computes it: the sum divided by the count, then corrected by the mean deviation from it.
    static func rMean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let count = Double(values.count)
        let mean = values.reduce(0, +) / count
        guard mean.isFinite else { return mean }
        return mean + values.reduce(0) { $0 + ($1 - mean) } / count
    }
}
