/// One series over time, as indicators compute with it: points in chronological order, each with a value or none,
/// its status and, for a computed value, the input periods it came from.
///
/// A series may mix frequencies, as CBS tables do (years beside quarters); operations that compare a period with
/// another (previous period, same period last year) stay within a frequency.
public struct TimeSeries: Sendable, Hashable {
    /// One observation or computed value.
    public struct Point: Sendable, Hashable {
        /// The period.
        public var period: Period
        /// The value; nil when there is none.
        public var value: Double?
        /// How final it is; a value computed from a provisional input is provisional.
        public var status: ObservationStatus
        /// Why there is no value.
        public var attribute: ValueAttribute
        /// The periods of the inputs this value was computed from; empty for a source observation.
        public var inputs: InputPeriods

        /// Makes a point.
        public init(
            period: Period,
            value: Double?,
            status: ObservationStatus = .definitief,
            attribute: ValueAttribute? = nil,
            inputs: InputPeriods = []
        ) {
            self.period = period
            self.value = value
            self.status = status
            self.attribute = attribute ?? (value == nil ? .notAvailable : .present)
            self.inputs = inputs
        }
    }

    /// The points, in chronological order, one per period.
    public private(set) var points: [Point]

    /// Makes a series from points in any order; a later point for a period replaces an earlier one.
    public init(_ points: [Point]) {
        if zip(points, points.dropFirst()).allSatisfy({ $0.period < $1.period }) {
            self.points = points
            return
        }
        let order = points.indices.sorted { a, b in
            points[a].period == points[b].period ? a < b : points[a].period < points[b].period
        }
        var sorted: [Point] = []
        sorted.reserveCapacity(points.count)
        for i in order {
            if sorted.last?.period == points[i].period {
                sorted[sorted.count - 1] = points[i]
            } else {
                sorted.append(points[i])
            }
        }
        self.points = sorted
    }

    /// Makes a series of values, all definitief, for tests and small examples.
    public init(_ values: [(Period, Double?)]) {
        self.init(values.map { Point(period: $0.0, value: $0.1) })
    }

    /// Reads a stored series.
    public init(_ data: SeriesData) {
        self.init(
            (0..<data.count).map { i in
                let o = data.observation(at: i)
                return Point(period: o.period, value: o.value, status: o.status, attribute: o.attribute, inputs: data.inputs(at: i))
            }
        )
    }

    /// The point of a period, if the series has one (a binary search).
    public subscript(period: Period) -> Point? {
        var (low, high) = (0, points.count)
        while low < high {
            let middle = (low + high) / 2
            if points[middle].period < period { low = middle + 1 } else { high = middle }
        }
        return low < points.count && points[low].period == period ? points[low] : nil
    }

    /// The value of a period, if there is one.
    public func value(at period: Period) -> Double? { self[period]?.value }

    /// The periods, in order.
    public var periods: [Period] { points.map(\.period) }

    /// Whether the series has no points.
    public var isEmpty: Bool { points.isEmpty }

    /// The points of one frequency.
    public func only(_ frequency: Period.Frequency) -> TimeSeries {
        TimeSeries(points.filter { $0.period.frequency == frequency })
    }

    /// The points within a range of periods.
    public func restricted(to range: PeriodRange) -> TimeSeries {
        TimeSeries(points.filter { range.contains($0.period) })
    }

    /// The finest frequency among the points (months before quarters before years).
    public var finestFrequency: Period.Frequency? {
        points.map(\.period.frequency).max { $0.rawValue < $1.rawValue }
    }

    /// The series as stores keep it.
    public var data: SeriesData {
        var data = SeriesData()
        data.periods.reserveCapacity(points.count)
        data.values.reserveCapacity(points.count)
        data.flags.reserveCapacity(points.count)
        if points.contains(where: { !$0.inputs.isEmpty }) {
            data.inputStarts.reserveCapacity(points.count + 1)
            data.inputPeriods.reserveCapacity(points.count * 2)
        }
        for p in points {
            data.append(period: p.period.storageKey, value: p.value, status: p.status, attribute: p.attribute, inputs: p.inputs)
        }
        return data
    }

    /// A computed point: the value (nil becomes `attribute`), the least final status of the inputs, and the input
    /// periods, each once, in the order given.
    static func computed(
        _ period: Period,
        _ value: Double?,
        from inputs: [Point],
        missing attribute: ValueAttribute = .notAvailable
    ) -> Point {
        var status = ObservationStatus.definitief
        var periods = InputPeriods()
        for p in inputs {
            status = max(status, p.status)
            if !periods.contains(p.period) { periods.append(p.period) }
        }
        return point(period, value, status, periods, attribute)
    }

    /// A computed point from two inputs (the common case: a ratio, a change), without an array of inputs.
    static func computed(_ period: Period, _ value: Double?, from a: Point, _ b: Point, missing attribute: ValueAttribute = .notAvailable) -> Point {
        point(period, value, max(a.status, b.status), a.period == b.period ? [a.period] : [a.period, b.period], attribute)
    }

    private static func point(
        _ period: Period,
        _ value: Double?,
        _ status: ObservationStatus,
        _ inputs: InputPeriods,
        _ attribute: ValueAttribute
    ) -> Point {
        let finite = value.flatMap { $0.isFinite ? $0 : nil }
        return Point(period: period, value: finite, status: status, attribute: finite == nil ? attribute : .present, inputs: inputs)
    }
}
