extension TimeSeries {
    /// Aggregates months or quarters to quarters or years by the measure's kind, as CBS makes its
    /// "jaargem. /jaartotaal" rows: a flow is summed, a stock, rate or index averaged.
    ///
    /// Only points of frequency `source` are used, and a target period gets a value only when every one of its
    /// sub-periods has one: a year of three quarters is not a year. Points of other frequencies are dropped.
    public func aggregated(from source: Period.Frequency, to target: Period.Frequency, kind: MeasureKind) -> TimeSeries {
        precondition(source.perYear > target.perYear && source.perYear % target.perYear == 0, "aggregate to a coarser frequency")
        let parts = source.perYear / target.perYear
        var groups: [Period: [Point]] = [:]
        for p in points where p.period.frequency == source {
            let number = target == .year ? 0 : (p.period.number - 1) / parts + 1
            guard let t = Period(year: p.period.year, frequency: target, number: number) else { continue }
            groups[t, default: []].append(p)
        }
        var out: [Point] = []
        for (t, members) in groups where members.count == parts {
            let values = members.compactMap(\.value)
            var value: Double?
            if values.count == parts {
                let total = values.reduce(0, +)
                value = kind == .flow ? total : total / Double(parts)
            }
            out.append(Self.computed(t, value, from: members.sorted { $0.period < $1.period }))
        }
        return TimeSeries(out)
    }
}
