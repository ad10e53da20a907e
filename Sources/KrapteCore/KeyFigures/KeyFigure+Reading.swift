extension KeyFigure {
    /// A figure read from its series: the latest value, the value it is compared with, and the direction.
    public struct Reading: Sendable, Hashable {
        /// The latest period with a value.
        public var latest: TimeSeries.Point
        /// The base period's point, when the series has it with a value.
        public var base: TimeSeries.Point?
        /// Whether the value rose, fell or stayed the same against the base; nil without a base.
        public var direction: Direction?
        /// Whether that direction is good news, bad news or neither.
        public var news: Derivation.Rise?

        /// The direction of a change.
        public enum Direction: String, Sendable, Hashable {
            case up, down, flat
        }

        /// The change in percent against the base; nil without a base or from zero.
        public var percentChange: Double? {
            guard let b = base?.value, b != 0, let x = latest.value else { return nil }
            return (x / b - 1) * 100
        }
    }

    /// Reads the figure from its series: the latest period with a value, of the series' finest frequency (months
    /// before quarters before years), compared with the period `compare` names.
    ///
    /// The direction is that of the values as published to `decimals` places, so that a change that rounds away
    /// shows as level. A rise is good or bad news as `rise` says; a fall the opposite; level is neither.
    ///
    /// - Parameter asOf: read the sheet as it stood at the end of this period: the latest period that ends no later
    ///   (a month series read as of a quarter gives the quarter's last month with a value).
    /// - Returns: nil when no period has a value.
    public func read(_ series: TimeSeries, rise: Derivation.Rise, decimals: Int, asOf: Period? = nil) -> Reading? {
        let series = series.finestFrequency.map { series.only($0) } ?? series
        let end = asOf.map { $0.year * 12 + $0.lastMonth }
        let read = series.points.filter { point in end.map { point.period.year * 12 + point.period.lastMonth <= $0 } ?? true }
        guard let latest = read.last(where: { $0.value != nil }), let x = latest.value else { return nil }
        let base = compare.base.base(for: latest.period).flatMap { series[$0] }.flatMap { $0.value == nil ? nil : $0 }
        guard let y = base?.value else { return Reading(latest: latest, base: nil, direction: nil, news: nil) }
        let scale = pow10(decimals)
        let (a, b) = ((x * scale).rounded(), (y * scale).rounded())
        let direction: Reading.Direction = a > b ? .up : a < b ? .down : .flat
        let news: Derivation.Rise =
            switch (direction, rise) {
            case (.flat, _), (_, .neutral): .neutral
            case (.up, .good), (.down, .bad): .good
            case (.up, .bad), (.down, .good): .bad
            }
        return Reading(latest: latest, base: base, direction: direction, news: news)
    }

    private func pow10(_ n: Int) -> Double {
        (0..<max(0, n)).reduce(1.0) { r, _ in r * 10 }
    }
}
