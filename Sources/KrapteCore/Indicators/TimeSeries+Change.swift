import Foundation

extension TimeSeries {
    /// The change of every point against its base period (see `ChangeBase`), as a percentage or a difference.
    ///
    /// Points whose base period the series does not have are left out; a missing value on either side gives no
    /// value, and a percentage change from zero is impossible. The base period is recorded as an input.
    public func change(against base: ChangeBase, as form: ChangeForm = .percent) -> TimeSeries {
        var out: [Point] = []
        out.reserveCapacity(points.count)
        for p in points {
            guard let b = base.base(for: p.period), b != p.period, let q = self[b] else { continue }
            guard let x = p.value, let y = q.value else {
                out.append(Self.computed(p.period, nil, from: q, p))
                continue
            }
            let value: Double? =
                switch form {
                case .absolute: x - y
                case .percent: y == 0 ? nil : (x / y - 1) * 100
                }
            out.append(Self.computed(p.period, value, from: q, p, missing: .impossible))
        }
        return TimeSeries(out)
    }

    /// Compounds a series of growth rates in percent over `n` consecutive periods ending at each point:
    /// ((1 + g₁/100) x ... x (1 + gₙ/100) - 1) x 100, as in "ontwikkeling laatste 3 jaar".
    ///
    /// A point needs the `n - 1` periods before it, of its frequency, with values.
    public func compounded(over n: Int) -> TimeSeries {
        precondition(n >= 1, "compounding needs at least one period")
        var out: [Point] = []
        out.reserveCapacity(points.count)
        for p in points {
            let window = (0..<n).reversed().map { k in p.period.advanced(by: -k).flatMap { self[$0] } }
            guard window.allSatisfy({ $0 != nil }) else { continue }
            let inputs = window.map { $0! }
            let rates = inputs.compactMap(\.value)
            let value = rates.count == n ? (rates.reduce(1) { $0 * (1 + $1 / 100) } - 1) * 100 : nil
            out.append(Self.computed(p.period, value, from: inputs))
        }
        return TimeSeries(out)
    }

    /// The average yearly growth in percent from one period to a later one of the same frequency:
    /// ((to / from)^(1 / years) - 1) x 100. Nil without both values, from a value that is not positive, or when
    /// `to` is not later.
    public func averageYearlyGrowth(from start: Period, to end: Period) -> Point? {
        guard start.frequency == end.frequency, start < end, let a = self[start], let b = self[end] else { return nil }
        let years = Double(end.index - start.index) / Double(start.frequency.perYear)
        guard let x = a.value, let y = b.value, x > 0, y >= 0 else { return Self.computed(end, nil, from: a, b, missing: .impossible) }
        return Self.computed(end, (pow(y / x, 1 / years) - 1) * 100, from: a, b)
    }

    /// Index numbers: every value divided by the value of `base`, times 100. Empty when the base has no value or
    /// is zero.
    public func indexed(base: Period) -> TimeSeries {
        guard let b = self[base], let y = b.value, y != 0 else { return TimeSeries([Point]()) }
        return TimeSeries(points.map { p in Self.computed(p.period, p.value.map { $0 / y * 100 }, from: b, p) })
    }

    /// The trailing moving average over `window` consecutive periods of the same frequency ending at each point;
    /// points without a full window with values are left out.
    public func movingAverage(_ window: Int) -> TimeSeries {
        precondition(window >= 1, "a moving average needs a window of at least one period")
        var out: [Point] = []
        out.reserveCapacity(points.count)
        for p in points {
            let inputs = (0..<window).reversed().compactMap { k in p.period.advanced(by: -k).flatMap { self[$0] } }
            guard inputs.count == window else { continue }
            let values = inputs.compactMap(\.value)
            out.append(Self.computed(p.period, values.count == window ? values.reduce(0, +) / Double(window) : nil, from: inputs))
        }
        return TimeSeries(out)
    }
}
