import Foundation
import KrapteCore
import Testing

@Suite struct ReleaseTests {
    func release(_ rows: [(String, String, Double)]) throws -> Release {
        var r = try Release(
            dataset: Dataset(
                id: "t",
                title: "t",
                source: Source(publisher: "test", location: "test"),
                dimensions: [KrapteCore.Dimension(code: "Regio", title: "Regio")],
                measures: [Measure(code: "m", title: "m")]
            ),
            format: "test"
        )
        for (i, row) in rows.enumerated() {
            let m = r.memberIndex(Member(code: row.0, label: row.0), dimension: 0)
            r.append(SeriesKey(measure: 0, members: [m]), period: Period(code: row.1)!, value: row.2, row: i + 2)
        }
        return r
    }

    @Test func sortsSeriesChronologically() throws {
        let finished = try release([("A", "2024KW02", 2), ("A", "2024JJ00", 9), ("A", "2024KW01", 1)]).finish(file: "f")
        #expect(finished.series[0].data.periods.map { Period(storageKey: $0)!.code } == ["2024JJ00", "2024KW01", "2024KW02"])
        #expect(finished.series[0].data.values == [9, 1, 2])
    }

    @Test func aDuplicateNamesBothRows() throws {
        let error = try #require(throws: IngestError.self) {
            try release([("A", "2024KW01", 1), ("B", "2024KW01", 5), ("A", "2024KW01", 2)]).finish(file: "f.csv")
        }
        #expect(error.code == .duplicate)
        #expect(error.row == 4)
        #expect(error.message.contains("row 2"))
    }

    @Test func theFingerprintIgnoresRowOrder() throws {
        let a = try release([("A", "2024KW01", 1), ("B", "2024KW01", 5)]).finish(file: "f")
        let b = try release([("B", "2024KW01", 5), ("A", "2024KW01", 1)]).finish(file: "f")
        let c = try release([("B", "2024KW01", 5), ("A", "2024KW01", 1.5)]).finish(file: "f")
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.fingerprint != c.fingerprint)
    }

    @Test func seriesRoundTripThroughTheirEncoding() throws {
        var s = SeriesData()
        s.append(period: Period(code: "2024KW01")!.storageKey, value: 1.25, status: .voorlopig, attribute: .present)
        s.append(period: Period(code: "2024KW02")!.storageKey, value: nil, status: .definitief, attribute: .confidential)
        let decoded = try SeriesData(decoding: s.encoded())
        #expect(decoded.periods == s.periods && decoded.flags == s.flags)
        #expect(decoded.observation(at: 0).value == 1.25 && decoded.observation(at: 1).value == nil)
        #expect(decoded.observation(at: 1).attribute == .confidential && decoded.observation(at: 0).status == .voorlopig)
        #expect(throws: StoreError.self) { try SeriesData(decoding: Data([1, 0, 0])) }
    }
}
