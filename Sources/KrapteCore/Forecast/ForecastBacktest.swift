/// How forecasts made earlier did against what was observed later: per origin (the last period a forecast rested
/// on) and step ahead, the forecast, the value observed since, and the error scaled as the mean absolute scaled
/// error (MASE) of Hyndman and Koehler (2006): the absolute error over the mean absolute error the seasonal naive
/// method made on the observations up to the origin. A MASE under 1 beats the seasonal naive method.
public struct ForecastBacktest: Sendable, Hashable {
    /// One forecast checked.
    public struct Check: Sendable, Hashable {
        /// The last observed period the forecast rested on.
        public var origin: Period
        /// The release it rested on, for a back-test over releases; nil for a rolling origin over one release.
        public var vintage: Int64?
        /// The period forecast, and how many steps after the origin it lies.
        public var period: Period
        public var steps: Int
        /// The forecast and its 95% interval.
        public var forecast: Double
        public var lower95: Double
        public var upper95: Double
        /// The value observed for that period in the latest release.
        public var actual: Double
        /// The absolute error scaled by the seasonal naive method's in-sample mean absolute error.
        public var scaledError: Double

        /// The error as a share of the observed value: 0.03 when the forecast was 3% too high.
        public var relativeError: Double { (forecast - actual) / actual }
    }

    /// The method tested.
    public var method: SeriesForecast.Method
    /// Every forecast checked, by origin, then step.
    public var checks: [Check]

    /// The mean MASE over all checks; nil without checks.
    public var mase: Double? {
        let finite = checks.map(\.scaledError).filter(\.isFinite)
        return finite.isEmpty ? nil : finite.reduce(0, +) / Double(finite.count)
    }

    /// The mean MASE per number of steps ahead.
    public var maseBySteps: [Int: Double] {
        Dictionary(grouping: checks.filter(\.scaledError.isFinite), by: \.steps).mapValues { c in
            c.reduce(0) { $0 + $1.scaledError } / Double(c.count)
        }
    }

    /// The check of the forecast made a year (`perYear` periods) before the latest observed period, for that period:
    /// what "de prognose van een jaar geleden" said about now.
    public var aYearAgo: Check? {
        guard let last = checks.map(\.period).max() else { return nil }
        return checks.first { $0.period == last && $0.steps == last.frequency.perYear }
    }

    /// A rolling-origin back-test over one release: forecasts from each of the last `origins` periods that have a
    /// later observation, `1...horizon` steps ahead as far as observed, each from the observations up to its origin.
    /// - Throws: `ForecastError` when the series itself cannot be forecast (mixed frequencies, a gap); origins too
    ///   early to forecast from are skipped.
    public static func rollingOrigin(
        _ series: TimeSeries,
        method: SeriesForecast.Method = .ets,
        horizon: Int,
        origins: Int
    ) throws(ForecastError) -> ForecastBacktest {
        let observed = series.points.filter { $0.value != nil }
        // The whole series must be one frequency without gaps; the forecast of it checks that.
        _ = try SeriesForecast.make(TimeSeries(observed), method: .naive, horizon: 1)
        let values = observed.map { $0.value ?? .nan }
        var checks: [Check] = []
        let firstOrigin = max(0, observed.count - 1 - origins)
        for origin in firstOrigin..<max(firstOrigin, observed.count - 1) {
            let training = TimeSeries(Array(observed[0...origin]))
            let steps = min(horizon, observed.count - 1 - origin)
            guard let made = try? SeriesForecast.make(training, method: method, horizon: steps) else { continue }
            let scale = seasonalNaiveError(Array(values[0...origin]), period: observed[0].period.frequency.perYear)
            checks += Self.checks(of: made, vintage: nil, scale: scale) { h, _ in values[origin + 1 + h] }
        }
        return ForecastBacktest(method: method, checks: checks)
    }

    /// A back-test over releases: the forecast made from each earlier release's series, checked against the latest
    /// release's values for the periods it forecast (revisions included, as a reader of the old forecast met them).
    public static func overReleases(
        _ releases: [(vintage: Int64, series: TimeSeries)],
        latest: TimeSeries,
        method: SeriesForecast.Method = .ets,
        horizon: Int
    ) -> ForecastBacktest {
        var checks: [Check] = []
        for (vintage, series) in releases {
            guard let made = try? SeriesForecast.make(series, method: method, horizon: horizon) else { continue }
            let values = series.points.compactMap(\.value)
            let scale = seasonalNaiveError(values, period: made.first.frequency.perYear)
            checks += Self.checks(of: made, vintage: vintage, scale: scale) { _, step in latest[step.period]?.value }
        }
        return ForecastBacktest(method: method, checks: checks)
    }

    /// The checks of one forecast's steps against the values `actual` gives (by step number and step; nil where
    /// nothing was observed), scaled by `scale`.
    private static func checks(
        of made: SeriesForecast,
        vintage: Int64?,
        scale: Double,
        actual: (Int, SeriesForecast.Step) -> Double?
    ) -> [Check] {
        made.steps.enumerated().compactMap { h, step in
            actual(h, step).map { value in
                Check(
                    origin: made.last,
                    vintage: vintage,
                    period: step.period,
                    steps: h + 1,
                    forecast: step.mean,
                    lower95: step.lower95,
                    upper95: step.upper95,
                    actual: value,
                    scaledError: abs(step.mean - value) / scale
                )
            }
        }
    }

    /// The mean absolute error of the seasonal naive method (the naive one for yearly data) on `y`.
    static func seasonalNaiveError(_ y: [Double], period: Int) -> Double {
        let lag = max(period, 1)
        guard y.count > lag else { return .nan }
        return (lag..<y.count).reduce(0) { $0 + abs(y[$1] - y[$1 - lag]) } / Double(y.count - lag)
    }
}
