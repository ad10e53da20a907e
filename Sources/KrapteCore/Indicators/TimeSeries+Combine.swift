extension TimeSeries {
    /// Combines two series period by period, over the periods both have. A missing value on either side gives no
    /// value; `operation` returning nil gives no value with attribute `.impossible` (a division by zero).
    public static func combine(_ a: TimeSeries, _ b: TimeSeries, _ operation: (Double, Double) -> Double?) -> TimeSeries {
        var out: [Point] = []
        out.reserveCapacity(a.points.count)
        var j = 0
        for p in a.points {
            // Both series are in period order: walk them side by side.
            while j < b.points.count && b.points[j].period < p.period { j += 1 }
            guard j < b.points.count && b.points[j].period == p.period else { continue }
            let q = b.points[j]
            guard let x = p.value, let y = q.value else {
                out.append(computed(p.period, nil, from: p, q))
                continue
            }
            out.append(computed(p.period, operation(x, y), from: p, q, missing: .impossible))
        }
        return TimeSeries(out)
    }

    /// `a / b` times `scale`, per period; no value where `b` is zero.
    public static func ratio(_ a: TimeSeries, _ b: TimeSeries, scale: Double = 1) -> TimeSeries {
        combine(a, b) { x, y in y == 0 ? nil : x / y * scale }
    }

    /// The share of `part` in `total`, in percent.
    public static func share(_ part: TimeSeries, of total: TimeSeries) -> TimeSeries {
        ratio(part, total, scale: 100)
    }

    /// The sum of several series (for example a group of sectors), over the periods all of them have. A period in
    /// which any member lacks a value has no value: a partial sum would be published as if it were complete.
    public static func sum(_ series: [TimeSeries]) -> TimeSeries {
        guard let first = series.first else { return TimeSeries([Point]()) }
        var out: [Point] = []
        for p in first.points {
            let members = series.compactMap { $0[p.period] }
            guard members.count == series.count else { continue }
            let values = members.compactMap(\.value)
            let total: Double? = values.count == members.count ? values.reduce(0, +) : nil
            out.append(computed(p.period, total, from: members))
        }
        return TimeSeries(out)
    }
}
