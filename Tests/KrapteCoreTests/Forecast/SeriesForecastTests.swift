import Testing

@testable import KrapteCore

/// Forecasts of series over periods: the periods ahead, and refusals for gaps, mixed frequencies and short series.
@Suite struct SeriesForecastTests {
    static func quarters(from year: Int, _ values: [Double?]) -> TimeSeries {
        TimeSeries(values.enumerated().map { i, v in (Period.quarter(year + i / 4, i % 4 + 1)!, v) })
    }

    @Test func theForecastStartsAfterTheLastValueWithItsIntervals() throws {
        let values: [Double?] = (0..<24).map { 100 + Double($0) + [3, -2, 1, -2][$0 % 4] } + [nil, nil]
        let forecast = try SeriesForecast.make(Self.quarters(from: 2019, values), horizon: 8)
        #expect(forecast.first == Period.quarter(2019, 1))
        #expect(forecast.last == Period.quarter(2024, 4))
        #expect(forecast.observations == 24)
        #expect(
            forecast.steps.map(\.period.code) == ["2025KW01", "2025KW02", "2025KW03", "2025KW04", "2026KW01", "2026KW02", "2026KW03", "2026KW04"]
        )
        for step in forecast.steps {
            #expect(step.lower95 <= step.lower80 && step.lower80 <= step.mean && step.mean <= step.upper80 && step.upper80 <= step.upper95)
        }
        #expect(forecast.modelName.hasPrefix("ETS("))
    }

    @Test func aGapIsRefusedByItsPeriod() {
        var values: [Double?] = (0..<16).map { 10 + Double($0) }
        values[9] = nil
        #expect(throws: ForecastError.gap(Period.quarter(2022, 2)!)) { try SeriesForecast.make(Self.quarters(from: 2020, values), horizon: 4) }
        #expect(ForecastError.gap(Period.quarter(2022, 2)!).description.contains("2022 2e kwartaal"))
        // A missing period (no point at all) is a gap too.
        let missing = TimeSeries(Self.quarters(from: 2020, (0..<16).map { 10 + Double($0) }).points.filter { $0.period != Period.quarter(2021, 3) })
        #expect(throws: ForecastError.gap(Period.quarter(2021, 3)!)) { try SeriesForecast.make(missing, horizon: 4) }
    }

    @Test func mixedFrequenciesAndEmptySeriesAreRefused() {
        let mixed = TimeSeries([(Period.year(2020)!, 1.0), (Period.quarter(2021, 1)!, 2.0)])
        #expect(throws: ForecastError.mixedFrequencies) { try SeriesForecast.make(mixed, horizon: 4) }
        #expect(throws: ForecastError.tooShort(count: 0, needed: 7)) { try SeriesForecast.make(TimeSeries([TimeSeries.Point]()), horizon: 4) }
    }

    @Test func theSimpleMethodsForecastAsTheyShould() throws {
        let series = Self.quarters(from: 2020, [10, 20, 30, 40, 12, 22, 32, 42])
        let naive = try SeriesForecast.make(series, method: .naive, horizon: 2)
        #expect(naive.steps.map(\.mean) == [42, 42])
        let seasonal = try SeriesForecast.make(series, method: .seasonalNaive, horizon: 5)
        #expect(seasonal.steps.map(\.mean) == [12, 22, 32, 42, 12])
        let drift = try SeriesForecast.make(series, method: .drift, horizon: 1)
        #expect(abs(drift.steps[0].mean - (42 + 32.0 / 7)) < 1e-12)
        #expect(seasonal.modelName == "seizoensnaïef")
    }
}
