extension IndicatorEngine {
    /// Forecasts each series of `results` (its observations, as `IndicatorOperation.forecast` selected them): the
    /// forecast becomes the series, with the status "prognose" and the observed span as its input periods; the
    /// interval bounds become the other measures. A series that cannot be forecast (too short, a gap) is left out
    /// and its refusal kept in its record.
    /// - Throws: `DefinitionError` when no series can be forecast, with the first refusal.
    func forecast(_ results: [ComputedSeries], _ parameters: IndicatorOperation.Resolved, place: String) throws -> [ComputedSeries] {
        let forecast = results.parallelMap { result -> ComputedSeries in
            var out = result
            let members = result.members.map(\.code)
            out.series = TimeSeries([TimeSeries.Point]())
            do throws(ForecastError) {
                let made = try SeriesForecast.make(result.series, method: parameters.method, horizon: parameters.horizon)
                let inputs: InputPeriods = [made.first, made.last]
                func series(_ value: (SeriesForecast.Step) -> Double) -> TimeSeries {
                    TimeSeries(made.steps.map { TimeSeries.Point(period: $0.period, value: value($0), status: .prognose, inputs: inputs) })
                }
                out.series = series(\.mean)
                out.bounds = [series(\.lower80), series(\.upper80), series(\.lower95), series(\.upper95)]
                out.forecast = ForecastRecord(members: members, forecast: made)
            } catch {
                out.forecast = ForecastRecord(members: members, method: parameters.method, refusal: error)
            }
            return out
        }
        if forecast.allSatisfy({ $0.series.isEmpty }), let refusal = forecast.first?.forecast?.refusal {
            throw DefinitionError(
                file: definitions.file,
                path: place,
                message: Message("IndicatorEngine.noForecast", refusal),
                fix: Message("IndicatorEngine.noForecast.fix")
            )
        }
        return forecast
    }
}
