import Foundation

/// Forecasts for the periods after a series' last: a mean and a variance per step, from which prediction
/// intervals follow under normal errors.
public struct ForecastPath: Sendable, Hashable, Codable {
    /// The point forecast per step, one step ahead first.
    public var mean: [Double]
    /// The variance of the forecast error per step.
    public var variance: [Double]

    /// Makes a path.
    public init(mean: [Double], variance: [Double]) {
        self.mean = mean
        self.variance = variance
    }

    /// The bounds of the `level`% prediction interval per step (80 or 95, as analysts publish them):
    /// `mean ± z √variance`, with `z` the normal quantile of `0.5 + level/200`.
    public func interval(_ level: Double) -> (lower: [Double], upper: [Double]) {
        let z = NormalQuantile.of(0.5 + level / 200)
        let margins = variance.map { z * sqrt(max($0, 0)) }
        return (zip(mean, margins).map { $0 - $1 }, zip(mean, margins).map { $0 + $1 })
    }
}
