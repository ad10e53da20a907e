import Foundation

/// Where a number in a text came from: the dataset, measure, members, period or periods, status and release it was
/// read from, and for a number computed from others (a change, a distance from a peak) the formula and its inputs.
/// Reports show it as a note beside the number.
public struct Trace: Sendable, Hashable, Codable {
    /// A member that picks the series: its dimension's title, its code and its label.
    public struct Member: Sendable, Hashable, Codable {
        /// The dimension's title (`Bedrijfskenmerken`).
        public var dimension: String
        /// The member's code (`T001081`).
        public var code: String
        /// The member's label (`A-U Alle economische activiteiten`).
        public var label: String

        /// Makes a member.
        public init(dimension: String, code: String, label: String) {
            self.dimension = dimension
            self.code = code
            self.label = label
        }
    }

    /// A value a computed number was computed from.
    public struct Input: Sendable, Hashable, Codable {
        /// The period of the value.
        public var period: Period
        /// The value as stored.
        public var value: Double

        /// Makes an input.
        public init(period: Period, value: Double) {
            self.period = period
            self.value = value
        }
    }

    /// The dataset's id (`80472ned`).
    public var dataset: String
    /// The dataset's title.
    public var datasetTitle: String
    /// The measure's code.
    public var measure: String
    /// The measure's title.
    public var measureTitle: String
    /// The members that pick the series.
    public var members: [Member]
    /// The period of the number, or the periods it was computed over (base first).
    public var periods: [Period]
    /// The least final status of the values used.
    public var status: ObservationStatus
    /// The release (vintage) the values came from.
    public var vintage: Int64
    /// When that release was published, if known.
    public var publishedAt: Date?
    /// When that release was loaded into the store.
    public var loadedAt: Date
    /// How the number was computed from `inputs` (`(b / a - 1) x 100`); nil for a number as stored.
    public var formula: String?
    /// The values the number was read from: the one stored value, or the values the formula used.
    public var inputs: [Input]
    /// For a dataset Krapte computed (an indicator), the indicator's own formula.
    public var derivation: String?

    /// Makes a trace of a number as stored; `computed(_:from:)` adds a formula.
    public init(
        dataset: String,
        datasetTitle: String,
        measure: String,
        measureTitle: String,
        members: [Member],
        periods: [Period] = [],
        status: ObservationStatus = .definitief,
        vintage: Int64,
        publishedAt: Date?,
        loadedAt: Date,
        derivation: String? = nil
    ) {
        self.dataset = dataset
        self.datasetTitle = datasetTitle
        self.measure = measure
        self.measureTitle = measureTitle
        self.members = members
        self.periods = periods
        self.status = status
        self.vintage = vintage
        self.publishedAt = publishedAt
        self.loadedAt = loadedAt
        self.formula = nil
        self.inputs = []
        self.derivation = derivation
    }

    /// The trace of the value at `point`.
    public func at(_ point: TimeSeries.Point) -> Trace {
        var trace = self
        trace.periods = [point.period]
        trace.status = point.status
        trace.inputs = point.value.map { [Input(period: point.period, value: $0)] } ?? []
        return trace
    }

    /// The trace of a number computed by `formula` from the values at `points` (base first).
    public func computed(_ formula: String, from points: [TimeSeries.Point]) -> Trace {
        var trace = self
        trace.periods = points.map(\.period)
        trace.status = points.map(\.status).max() ?? status
        trace.formula = formula
        trace.inputs = points.compactMap { p in p.value.map { Input(period: p.period, value: $0) } }
        return trace
    }
}
