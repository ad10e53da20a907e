/// The forecast of one series over time: its method and model, the observed span it rests on, and per period
/// ahead the forecast with its 80% and 95% prediction intervals. Every figure in it has the status "prognose";
/// it never mixes with observed values.
public struct SeriesForecast: Sendable, Hashable, Codable {
    /// How a series is forecast.
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// Exponential smoothing, the form chosen by AICc (`ETSModel.select`).
        case ets
        /// The last value.
        case naive
        /// The value a year before.
        case seasonalNaive
        /// The last value plus the average change.
        case drift
    }

    /// One period ahead.
    public struct Step: Sendable, Hashable, Codable {
        /// The period forecast.
        public var period: Period
        /// The point forecast.
        public var mean: Double
        /// The 80% prediction interval.
        public var lower80: Double
        public var upper80: Double
        /// The 95% prediction interval.
        public var lower95: Double
        public var upper95: Double

        /// Makes a step.
        public init(period: Period, mean: Double, lower80: Double, upper80: Double, lower95: Double, upper95: Double) {
            self.period = period
            self.mean = mean
            self.lower80 = lower80
            self.upper80 = upper80
            self.lower95 = lower95
            self.upper95 = upper95
        }
    }

    /// The method.
    public var method: Method
    /// The ETS model, for that method.
    public var model: ETSModel?
    /// The first and last observed periods the forecast rests on.
    public var first: Period
    public var last: Period
    /// The number of observations it rests on.
    public var observations: Int
    /// The periods ahead, the next first.
    public var steps: [Step]

    /// The model in words, as analysts write it: `ETS(M,Ad,M)`, `naïef`, `seizoensnaïef`, `drift`.
    public var modelName: String {
        switch method {
        case .ets: model?.form.description ?? "ETS"
        case .naive: "naïef"
        case .seasonalNaive: "seizoensnaïef"
        case .drift: "drift"
        }
    }

    /// Forecasts the values of `series` `horizon` periods ahead of its last value.
    ///
    /// The series must have one frequency and no gap between its first and last value (periods before the first and
    /// after the last value are left out). Years, half years, quarters and months have seasonal periods 1, 2, 4 and 12.
    /// - Throws: `ForecastError` for mixed frequencies, a gap, too few observations or values that are not numbers.
    public static func make(_ series: TimeSeries, method: Method = .ets, horizon: Int) throws(ForecastError) -> SeriesForecast {
        let observed = series.points.filter { $0.value != nil }
        guard let first = observed.first?.period, let last = observed.last?.period else {
            throw .tooShort(count: 0, needed: method == .ets ? ETSModel.minimumObservations : 2)
        }
        guard observed.allSatisfy({ $0.period.frequency == first.frequency }) else { throw .mixedFrequencies }
        var values: [Double] = []
        var expected: Period? = first
        for point in observed {
            guard let wanted = expected else { break }
            guard point.period == wanted else { throw .gap(wanted) }
            values.append(point.value ?? .nan)
            expected = point.period.next
        }
        let period = first.frequency.perYear
        let path: ForecastPath
        var model: ETSModel?
        switch method {
        case .ets:
            let chosen = try ETSModel.select(values, period: period)
            model = chosen
            path = chosen.forecast(horizon: horizon)
        case .naive: path = try BenchmarkForecast.forecast(values, period: period, method: .naive, horizon: horizon)
        case .seasonalNaive: path = try BenchmarkForecast.forecast(values, period: period, method: .seasonalNaive, horizon: horizon)
        case .drift: path = try BenchmarkForecast.forecast(values, period: period, method: .drift, horizon: horizon)
        }
        let (lower80, upper80) = path.interval(80)
        let (lower95, upper95) = path.interval(95)
        var steps: [Step] = []
        var next = last.next
        for h in 0..<path.mean.count {
            guard let period = next else { break }
            steps.append(
                Step(period: period, mean: path.mean[h], lower80: lower80[h], upper80: upper80[h], lower95: lower95[h], upper95: upper95[h])
            )
            next = period.next
        }
        return SeriesForecast(method: method, model: model, first: first, last: last, observations: values.count, steps: steps)
    }
}
