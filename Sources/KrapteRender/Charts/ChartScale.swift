import Foundation

/// A linear value axis with "nice" ticks (1, 2 or 5 times a power of ten), as a reader expects them.
struct ChartScale: Sendable, Equatable {
    /// The lowest and highest value on the axis (tick values).
    let lower: Double
    let upper: Double
    /// The distance between ticks.
    let step: Double

    /// A scale that holds every value in `values` and, when `includeZero`, zero; about `ticks` ticks.
    init(_ values: [Double], includeZero: Bool, ticks: Int = 5) {
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low == high {
            low -= low == 0 ? 0 : abs(low) * 0.1
            high += high == 0 ? 1 : abs(high) * 0.1
        }
        let raw = (high - low) / Double(max(1, ticks))
        let power = pow(10, floor(log10(raw)))
        let fraction = raw / power
        let nice = fraction <= 1 ? 1.0 : fraction <= 2 ? 2.0 : fraction <= 5 ? 5.0 : 10.0
        step = nice * power
        lower = floor(low / step) * step
        upper = ceil(high / step) * step
    }

    /// The tick values from `lower` to `upper`.
    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...count).map { lower + Double($0) * step }
    }

    /// The number of decimals a tick label needs.
    var decimals: Int { max(0, -Int(floor(log10(step) + 1e-9))) }

    /// Where `value` lies from 0 (lower) to 1 (upper).
    func fraction(_ value: Double) -> Double { upper == lower ? 0 : (value - lower) / (upper - lower) }
}
