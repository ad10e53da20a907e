import Foundation
import KrapteCore
import KrapteTesting
import Testing

@Suite struct KeyFigureTests {
    static func series(_ values: [Double?], from start: Period = Period.quarter(2023, 1)!) -> TimeSeries {
        TimeSeries(values.enumerated().map { (start.advanced(by: $0.offset)!, $0.element) })
    }

    /// (values 2023KW01..2024KW01, compare, rise, decimals) → (direction, news)
    static let cases: [([Double?], KeyFigure.Comparison, Derivation.Rise, Int, KeyFigure.Reading.Direction?, Derivation.Rise?)] = [
        ([10, 11, 12, 13, 14], .samePeriodLastYear, .good, 0, .up, .good),
        ([10, 11, 12, 13, 14], .samePeriodLastYear, .bad, 0, .up, .bad),
        ([14, 11, 12, 13, 10], .samePeriodLastYear, .bad, 0, .down, .good),
        ([14, 11, 12, 13, 10], .samePeriodLastYear, .good, 0, .down, .bad),
        ([14, 11, 12, 13, 10], .previousPeriod, .neutral, 0, .down, .neutral),
        // 3,04 against 3,01 with one decimal is 3,0 against 3,0: level, and no news.
        ([3.01, 1, 1, 1, 3.04], .samePeriodLastYear, .bad, 1, .flat, .neutral),
        ([3.01, 1, 1, 1, 3.04], .samePeriodLastYear, .bad, 2, .up, .bad),
        // No base period with a value: no direction.
        ([nil, 1, 1, 1, 3], .samePeriodLastYear, .bad, 0, nil, nil),
        // The latest period with a value is read, not the latest period.
        ([1, 2, 3, 4, nil], .previousPeriod, .good, 0, .up, .good),
    ]

    @Test(arguments: cases)
    func aFigureReadsItsDirectionAndNews(
        values: [Double?],
        compare: KeyFigure.Comparison,
        rise: Derivation.Rise,
        decimals: Int,
        direction: KeyFigure.Reading.Direction?,
        news: Derivation.Rise?
    ) throws {
        let figure = KeyFigure(title: "t", dataset: "d", measure: "m", compare: compare)
        let reading = try #require(figure.read(Self.series(values), rise: rise, decimals: decimals))
        #expect(reading.direction == direction)
        #expect(reading.news == news)
    }

    @Test func theFinestFrequencyIsRead() throws {
        let figure = KeyFigure(title: "t", dataset: "d", measure: "m", compare: .previousPeriod)
        let mixed = TimeSeries([(Period.year(2024)!, 5.0), (Period.month(2025, 2)!, 3.9), (Period.month(2025, 3)!, 3.8)])
        let reading = try #require(figure.read(mixed, rise: .bad, decimals: 1))
        #expect(reading.latest.period == Period.month(2025, 3)!)
        #expect(reading.base?.period == Period.month(2025, 2)! && reading.news == .good)
        #expect(figure.read(TimeSeries([(Period.year(2024)!, nil)]), rise: .bad, decimals: 0) == nil)
    }

    @Test func theShippedSheetReadsAndAWrongOneIsNamed() throws {
        #expect(KeyFigureSheet.shipped.figures.count >= 6)
        let wrong = #"{"title": "x", "defaultRegion": "AM13", "figures": [{"title": "a", "dataset": "d"}]}"#
        let error = try #require(throws: DefinitionError.self) { try KeyFigureSheet(decoding: Data(wrong.utf8), file: "mine.json") }
        #expect(error.file == "mine.json" && error.message.english.contains("measure"))
    }
}
