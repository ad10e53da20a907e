extension TimeSeries {
    /// The highest point of a series and how far the latest value lies below (or above) it.
    public struct PeakChange: Sendable, Hashable {
        /// The highest value; the earliest of equal highs.
        public var peak: Point
        /// The latest point with a value.
        public var latest: Point
        /// `latest - peak`, in the measure's unit.
        public var absolute: Double
        /// `(latest / peak - 1) x 100`; nil when the peak is zero.
        public var percent: Double?
        /// The least final status of the two.
        public var status: ObservationStatus
    }

    /// The peak among the points of one frequency within `range` (all when nil), and the change from it to the
    /// latest value in that range. Nil when no point has a value.
    public func sincePeak(_ frequency: Period.Frequency, in range: PeriodRange? = nil) -> PeakChange? {
        let candidates = points.filter { $0.period.frequency == frequency && $0.value != nil && (range?.contains($0.period) ?? true) }
        guard var peak = candidates.first, let latest = candidates.last else { return nil }
        for p in candidates where p.value! > peak.value! { peak = p }
        let (top, now) = (peak.value!, latest.value!)
        return PeakChange(
            peak: peak,
            latest: latest,
            absolute: now - top,
            percent: top == 0 ? nil : (now / top - 1) * 100,
            status: max(peak.status, latest.status)
        )
    }

    /// For every point of `frequency` within `range` (all when nil), the change against the highest value so far
    /// in that range (the earliest of equal highs), in percent or absolute. The latest point gives what
    /// `sincePeak` gives; the inputs of each point are the peak's period and its own.
    public func changeSincePeak(_ frequency: Period.Frequency, in range: PeriodRange? = nil, as form: ChangeForm = .percent) -> TimeSeries {
        var out: [Point] = []
        var peak: Point?
        for p in points where p.period.frequency == frequency && (range?.contains(p.period) ?? true) {
            guard let x = p.value else {
                if let top = peak { out.append(Self.computed(p.period, nil, from: top, p)) }
                continue
            }
            if peak == nil || x > peak!.value! { peak = p }
            let top = peak!.value!
            let value: Double? =
                switch form {
                case .absolute: x - top
                case .percent: top == 0 ? nil : (x / top - 1) * 100
                }
            out.append(Self.computed(p.period, value, from: peak!, p, missing: .impossible))
        }
        return TimeSeries(out)
    }

    /// Which way a run goes.
    public enum Direction: String, Sendable, Hashable, Codable {
        /// Every period lower than the one before.
        case decline
        /// Every period higher than the one before.
        case rise
    }

    /// A run of consecutive periods, each lower (or higher) than the one before.
    public struct Run: Sendable, Hashable {
        /// The period the run starts from: the last one before the first fall (or rise).
        public var from: Period
        /// The last period of the run.
        public var to: Period
        /// How many consecutive falls (or rises): two years of falling quarters is 8.
        public var length: Int
        /// The value at `to` minus the value at `from`.
        public var change: Double
    }

    /// The maximal runs of at least `minimumLength` consecutive falls (or rises) among the points of one
    /// frequency. A missing period or value ends a run; an equal value ends it too.
    public func runs(_ direction: Direction, _ frequency: Period.Frequency, minimumLength: Int = 1) -> [Run] {
        let series = points.filter { $0.period.frequency == frequency }
        var runs: [Run] = []
        var start: Int?
        func close(_ end: Int) {
            if let s = start, end - s >= minimumLength {
                runs.append(
                    Run(from: series[s].period, to: series[end].period, length: end - s, change: series[end].value! - series[s].value!)
                )
            }
            start = nil
        }
        for i in series.indices.dropFirst() {
            let (a, b) = (series[i - 1], series[i])
            let adjacent = a.period.next == b.period
            if adjacent, let x = a.value, let y = b.value, direction == .decline ? y < x : y > x {
                if start == nil { start = i - 1 }
            } else {
                close(i - 1)
            }
        }
        if let last = series.indices.last { close(last) }
        return runs
    }
}
