import Testing

@testable import KrapteCore

/// Back-tests computed by hand: the naive method on a straight line misses by the steps ahead, and the seasonal
/// naive method's in-sample error on it is the period.
@Suite struct ForecastBacktestTests {
    static func line(_ count: Int, plus: Double = 0) -> TimeSeries {
        TimeSeries((0..<count).map { (Period.quarter(2020 + $0 / 4, $0 % 4 + 1)!, Double($0 + 1) + plus) })
    }

    @Test func aRollingOriginScalesTheErrorsByTheSeasonalNaiveOne() throws {
        let test = try ForecastBacktest.rollingOrigin(Self.line(12), method: .naive, horizon: 3, origins: 4)
        // Origins 2021KW04 … 2022KW03 (the last four with a later value), up to 3 steps each as far as observed.
        #expect(
            test.checks.map(\.origin.code) == [
                "2021KW04", "2021KW04", "2021KW04", "2022KW01", "2022KW01", "2022KW01", "2022KW02", "2022KW02", "2022KW03",
            ]
        )
        #expect(test.checks.map(\.steps) == [1, 2, 3, 1, 2, 3, 1, 2, 1])
        // The naive forecast misses a line by the steps ahead; the seasonal naive method by 4 per period.
        #expect(test.checks.map(\.scaledError) == test.checks.map { Double($0.steps) / 4 })
        #expect(test.maseBySteps == [1: 0.25, 2: 0.5, 3: 0.75])
        #expect(abs((test.mase ?? 0) - (4 * 0.25 + 3 * 0.5 + 2 * 0.75) / 9) < 1e-15)
        #expect(test.aYearAgo == nil, "no forecast 4 steps ahead was checked")
        let longer = try ForecastBacktest.rollingOrigin(Self.line(12), method: .naive, horizon: 4, origins: 4)
        let check = try #require(longer.aYearAgo)
        #expect(check.origin.code == "2021KW04" && check.period.code == "2022KW04" && check.forecast == 8 && check.actual == 12)
        #expect(abs(check.relativeError - -1.0 / 3) < 1e-15)
    }

    @Test func overReleasesEachEarlierForecastMeetsTheLatestFigures() {
        // The earlier release ends in 2021KW04; the latest revised everything up by 1 and runs to 2022KW04.
        let earlier = TimeSeries(Self.line(8).points)
        let test = ForecastBacktest.overReleases([(vintage: 1, series: earlier)], latest: Self.line(12, plus: 1), method: .naive, horizon: 6)
        #expect(test.checks.count == 4, "only the forecast periods the latest release has")
        #expect(test.checks.allSatisfy { $0.vintage == 1 && $0.origin.code == "2021KW04" && $0.forecast == 8 })
        #expect(test.checks.map(\.actual) == [10, 11, 12, 13])
    }
}
