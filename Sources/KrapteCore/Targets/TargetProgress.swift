import Foundation

/// Where one series stands against a target: the computed figures of a monitor's card (see Guides/Targets.md).
public struct TargetProgress: Sendable, Hashable {
    /// A value in a period, with the status of the figure.
    public struct Figure: Sendable, Hashable {
        public var period: Period
        public var value: Double
        public var status: ObservationStatus
    }

    /// The projection to the target period by the forecast engine.
    public struct Projection: Sendable, Hashable {
        /// The period projected (the target period, in the series' frequency).
        public var period: Period
        /// The forecast and its intervals.
        public var mean: Double
        public var lower80: Double
        public var upper80: Double
        public var lower95: Double
        public var upper95: Double
        /// The model, as `SeriesForecast.modelName` writes it.
        public var model: String
        /// The chance that the value reaches the target under the forecast's normal distribution.
        public var chance: Double
        /// Every period from the latest observed one to the target period, with its forecast and intervals (the
        /// fan of a chart).
        public var steps: [SeriesForecast.Step]
    }

    /// The target.
    public var target: Target
    /// The members of the series (one per dimension the selection leaves varying; empty for one series).
    public var members: [Member]
    /// The observed values the assessment rests on, oldest first.
    public var observed: TimeSeries
    /// The baseline as read from the data; nil when the data have no value for the baseline period.
    public var baseline: Figure?
    /// The latest observed value.
    public var latest: Figure?
    /// The share of the way from baseline to target covered by the latest value (1 = reached).
    public var progress: Double?
    /// The value the path asks for at the latest period, and how far the latest value is from it (positive when
    /// ahead: above the path for a rising target, below it for a falling one).
    public var pathValue: Double?
    public var gap: Double?
    /// The change per year needed from the latest period to reach the target, and the change per year over the last
    /// (up to three) years; in the series' unit for a linear path or milestones, in percent for a compound path.
    public var requiredYearlyChange: Double?
    public var recentYearlyChange: Double?
    /// The number of years the recent change is measured over.
    public var recentYears: Double?
    /// The projection to the target period; nil when the target period has passed or the series cannot be forecast.
    public var projection: Projection?
    /// Why there is no projection, in Dutch.
    public var projectionRefusal: String?
    /// The track record of the projection's method on the series: the forecast made a year before the latest value
    /// (from the observations up to then) against that value; nil when the series is too short for it.
    public var yearAgo: ForecastBacktest.Check?
    /// The status.
    public var status: TargetStatus

    /// Whether the target rises from its baseline (more is the goal) rather than falls.
    public var rising: Bool { (baseline?.value ?? target.value) <= target.value }

    /// Assesses `series` (one frequency, as the target's indicator selects it) against `target`.
    public static func assess(_ target: Target, members: [Member] = [], series: TimeSeries) -> TargetProgress {
        let observed = series.points.filter { $0.value != nil }
        var out = TargetProgress(target: target, members: members, observed: TimeSeries(observed), status: .onvoldoendeGegevens)
        let base = observed.first {
            $0.period == target.baseline
                || (target.baseline.frequency == .year && $0.period.frequency != .year
                    && $0.period == Self.lastPeriod(of: target.baseline, in: $0.period.frequency))
        }
        guard let base, let baseValue = base.value, let last = observed.last, let lastValue = last.value, last.period > base.period else {
            if let last = observed.last, let value = last.value { out.latest = Figure(period: last.period, value: value, status: last.status) }
            if let base, let value = base.value { out.baseline = Figure(period: base.period, value: value, status: base.status) }
            return out
        }
        out.baseline = Figure(period: base.period, value: baseValue, status: base.status)
        out.latest = Figure(period: last.period, value: lastValue, status: last.status)
        let (t0, t1, t) = (TargetPath.time(base.period), TargetPath.time(target.period), TargetPath.time(last.period))
        let distance = target.value - baseValue
        out.progress = distance == 0 ? (lastValue == target.value ? 1 : nil) : (lastValue - baseValue) / distance
        let sign: Double = out.rising ? 1 : -1
        out.pathValue = target.path.value(at: min(t, t1), from: (t0, baseValue), to: (t1, target.value))
        if let path = out.pathValue { out.gap = sign * (lastValue - path) }
        let compound = target.path == .compound
        // The change needed per year from now, and the change per year over the last (up to) three years.
        if t1 > t {
            let years = t1 - t
            out.requiredYearlyChange =
                compound
                ? (lastValue > 0 && target.value > 0 ? (pow(target.value / lastValue, 1 / years) - 1) * 100 : nil)
                : (target.value - lastValue) / years
        }
        if let earlier = observed.last(where: { TargetPath.time($0.period) <= t - 3 + 1e-9 })
            ?? observed.first(where: { TargetPath.time($0.period) <= t - 1 + 1e-9 }),
            let earlierValue = earlier.value
        {
            let years = t - TargetPath.time(earlier.period)
            if years >= 1 - 1e-9 {
                out.recentYears = years
                out.recentYearlyChange =
                    compound
                    ? (earlierValue > 0 && lastValue > 0 ? (pow(lastValue / earlierValue, 1 / years) - 1) * 100 : nil)
                    : (lastValue - earlierValue) / years
            }
        }
        // The projection to the target period.
        if t1 > t {
            let end = Self.lastPeriod(of: target.period, in: last.period.frequency)
            let horizon = Int(((TargetPath.time(end) - t) * Double(last.period.frequency.perYear)).rounded())
            do throws(ForecastError) {
                let forecast = try SeriesForecast.make(TimeSeries(observed), horizon: max(1, min(horizon, 120)))
                if let step = forecast.steps.last(where: { $0.period == end }) {
                    let sd = (step.upper95 - step.lower95) / (2 * NormalQuantile.of(0.975))
                    let z = sd > 0 ? (target.value - step.mean) / sd : (step.mean >= target.value ? -.infinity : .infinity)
                    let below = 0.5 * erfc(-z / 2.0.squareRoot())
                    out.projection = Projection(
                        period: end,
                        mean: step.mean,
                        lower80: step.lower80,
                        upper80: step.upper80,
                        lower95: step.lower95,
                        upper95: step.upper95,
                        model: forecast.modelName,
                        chance: out.rising ? 1 - below : below,
                        steps: Array(forecast.steps.prefix { $0.period <= end })
                    )
                } else {
                    out.projectionRefusal = Message("Target.tooFar", target.period).description
                }
            } catch {
                out.projectionRefusal = error.description
            }
            let perYear = last.period.frequency.perYear
            out.yearAgo = (try? ForecastBacktest.rollingOrigin(TimeSeries(observed), horizon: perYear, origins: perYear))?.aYearAgo
        }
        // The status: reached, or ahead of, on or behind the path by the margin.
        if let progress = out.progress, progress >= 1 {
            out.status = .voor
        } else if let gap = out.gap {
            let margin = TargetStatus.margin * abs(distance)
            out.status = gap > margin ? .voor : gap < -margin ? .achter : .opKoers
        }
        return out
    }

    /// The last period of `frequency` within `period` (the 4th quarter of a year), or `period` itself when it has
    /// that frequency.
    public static func lastPeriod(of period: Period, in frequency: Period.Frequency) -> Period {
        guard period.frequency != frequency, period.frequency == .year else { return period }
        return Period(year: period.year, frequency: frequency, number: frequency.perYear) ?? period
    }
}

extension TargetProgress {
    private init(target: Target, members: [Member], observed: TimeSeries, status: TargetStatus) {
        self.target = target
        self.members = members
        self.observed = observed
        self.status = status
    }
}
