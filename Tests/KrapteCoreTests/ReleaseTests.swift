import Foundation
import KrapteCore
import KrapteTesting
import Testing

@Suite struct ReleaseTests {
    func release(_ rows: [(String, String, Double)], chunkSize: Int = 1 << 19) throws -> Release {
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
        r.chunkSize = chunkSize
        for (i, row) in rows.enumerated() {
            let m = r.memberIndex(Member(code: row.0, label: row.0), dimension: 0)
            r.append(SeriesKey(measure: 0, members: [m]), period: Period(code: row.1)!, value: row.2, row: i + 2)
        }
        return r
    }

    @Test func sortsSeriesChronologically() throws {
        let finished = try release([("A", "2024KW02", 2), ("A", "2024JJ00", 9), ("A", "2024KW01", 1)]).finish(file: "f")
        #expect(try finished.allSeries()[0].data.periods.map { Period(storageKey: $0)!.code } == ["2024JJ00", "2024KW01", "2024KW02"])
        #expect(try finished.allSeries()[0].data.values == [9, 1, 2])
    }

    @Test func aDuplicateNamesBothRows() throws {
        let error = try #require(throws: IngestError.self) {
            try release([("A", "2024KW01", 1), ("B", "2024KW01", 5), ("A", "2024KW01", 2)]).finish(file: "f.csv")
        }
        #expect(error.code == .duplicate)
        #expect(error.row == 4)
        #expect(error.message.english.contains("row 2"))
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

    /// Many series appended in a shuffled order (seeded) come out grouped exactly as a plain dictionary groups them,
    /// whether they are held in one chunk or written out in runs of 1,000 or of 7 observations, with one fingerprint.
    @Test(arguments: [1 << 19, 1_000, 7])
    func groupsShuffledObservationsLikeAReferenceGrouping(chunkSize: Int) throws {
        var rng = SplitMix64(seed: 2024)
        var r = try Release(
            dataset: Dataset(
                id: "t",
                title: "t",
                source: Source(publisher: "test", location: "test"),
                dimensions: [KrapteCore.Dimension(code: "A", title: "A"), KrapteCore.Dimension(code: "B", title: "B")],
                measures: [Measure(code: "m", title: "m"), Measure(code: "n", title: "n")]
            ),
            format: "test"
        )
        r.chunkSize = chunkSize
        var cells: [(m: Int, a: Int, b: Int, q: Int)] = []
        for m in 0..<2 {
            for a in 0..<37 {
                for b in 0..<11 {
                    for q in 0..<9 { cells.append((m, a, b, q)) }
                }
            }
        }
        for i in stride(from: cells.count - 1, to: 0, by: -1) { cells.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        var reference: [String: [(String, Double)]] = [:]
        for (row, c) in cells.enumerated() {
            let a = r.memberIndex(Member(code: "a\(c.a)", label: "a\(c.a)"), dimension: 0)
            let b = r.memberIndex(Member(code: "b\(c.b)", label: "b\(c.b)"), dimension: 1)
            let period = Period.quarter(2020, 1)!.advanced(by: c.q)!
            let value = Double(row)
            r.append(SeriesKey(measure: c.m, members: [a, b]), period: period, value: value, row: row)
            reference["\(["m", "n"][c.m]) a\(c.a) b\(c.b)", default: []].append((period.code, value))
        }
        let finished = try r.finish(file: "f")
        #expect(finished.fingerprint == Self.shuffledFingerprint)
        #expect(try finished.allSeries().count == reference.count)
        #expect(finished.observationCount == cells.count)
        for series in try finished.allSeries() {
            let expected = reference["\(series.measure) \(series.members.joined(separator: " "))"]!.sorted { $0.0 < $1.0 }
            #expect(series.data.periods.map { Period(storageKey: $0)!.code } == expected.map(\.0))
            #expect(series.data.values == expected.map(\.1))
        }
    }
}

extension ReleaseTests {
    /// The fingerprint of the shuffled release above, the same for every chunk size.
    static let shuffledFingerprint = "9a83dad14186da32706ee91632961b81"

    /// A duplicate is found when its two rows are in different chunks, as the runs are merged (while a store writes
    /// them), and both rows are named.
    @Test func aDuplicateAcrossChunksNamesBothRows() throws {
        let rows = [("A", "2024KW01", 1.0), ("B", "2024KW01", 5), ("C", "2024KW01", 6), ("D", "2024KW01", 7), ("A", "2024KW01", 2)]
        let finished = try release(rows, chunkSize: 2).finish(file: "f.csv")
        let error = try #require(throws: IngestError.self) { try finished.allSeries() }
        #expect(error.code == .duplicate && error.file == "f.csv")
        #expect(error.row == 6)
        #expect(error.message.english.contains("the first is on row 2"))
    }

    /// A value that is not finite in a chunk written out long before the end is refused by its row.
    @Test func anInfiniteValueInAnEarlyChunkIsNamed() throws {
        let rows = [("A", "2024KW01", 1.0), ("B", "2024KW01", .infinity), ("C", "2024KW01", 6), ("D", "2024KW01", 7), ("E", "2024KW01", 2)]
        let error = try #require(throws: IngestError.self) { try release(rows, chunkSize: 2).finish(file: "f.csv") }
        #expect(error.file == "f.csv" && error.row == 3)
    }

    /// The three ways to a fingerprint agree: a release grouped in memory, one merged from runs, and the same series
    /// handed over already grouped (as the indicator engine does).
    @Test func theFingerprintIsTheSameHoweverTheSeriesWereGrouped() throws {
        let rows = (0..<40).map { ("R\($0 % 7)", Period.quarter(2020, 1)!.advanced(by: $0 / 7)!.code, Double($0) * 1.5) }
        let memory = try release(rows).finish(file: "f")
        let runs = try release(rows.reversed(), chunkSize: 3).finish(file: "f")
        let given = try Release.finished(dataset: memory.dataset, format: "test", series: try memory.allSeries())
        #expect(memory.fingerprint == runs.fingerprint && memory.fingerprint == given.fingerprint)
        #expect(try release(rows.dropLast()).finish(file: "f").fingerprint != memory.fingerprint)
    }

    /// The runs of a large release are a temporary file that goes with the release. (Other tests that load large
    /// tables at the same time write runs of their own, so the check is on the files that appeared meanwhile.)
    @Test func theTemporaryFileGoesWithTheRelease() throws {
        func spills() throws -> Set<String> {
            Set(
                try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path).filter {
                    $0.hasPrefix("krapte-release-")
                }
            )
        }
        let before = try spills()
        var finished: Release.Finished? = try release((0..<50).map { ("R\($0)", "2024KW01", Double($0)) }, chunkSize: 8).finish(file: "f")
        let during = try spills().subtracting(before)
        #expect(!during.isEmpty)
        #expect(try finished?.allSeries().count == 50)
        #expect(finished?.observationCount == 50 && finished?.seriesCount == 50)
        finished = nil
        #expect(!during.isSubset(of: try spills()))
    }
}

@Suite struct SeriesDataInputsTests {
    @Test func computedFiguresKeepTheirInputPeriodsThroughStorage() throws {
        let q = { (code: String) in Period(code: code)! }
        let series = TimeSeries([
            TimeSeries.Point(period: q("2024KW02"), value: 2, inputs: [q("2023KW02"), q("2024KW02")]),
            TimeSeries.Point(period: q("2024KW01"), value: 1, inputs: [q("2023KW01"), q("2024KW01")]),
            TimeSeries.Point(period: q("2024KW03"), value: nil, inputs: [q("2022KW03"), q("2023KW03"), q("2024KW03")]),
            TimeSeries.Point(period: q("2024KW04"), value: 4),
        ])
        let dataset = Dataset(
            id: "d",
            title: "d",
            source: Source(publisher: "test", location: "test"),
            dimensions: [KrapteCore.Dimension(code: "Regio", title: "Regio", members: [Member(code: "A", label: "A")])],
            measures: [Measure(code: "m", title: "m")]
        )
        let finished = try Release.finished(dataset: dataset, format: "derived", series: [.init(measure: "m", members: ["A"], data: series.data)])
        let data = try finished.allSeries()[0].data
        #expect(data.inputs(at: 0) == [q("2023KW01"), q("2024KW01")])
        #expect(data.inputs(at: 1) == [q("2023KW02"), q("2024KW02")])
        #expect(data.inputs(at: 2) == [q("2022KW03"), q("2023KW03"), q("2024KW03")])
        #expect(data.inputs(at: 3) == [])
        let decoded = try SeriesData(decoding: data.encoded())
        #expect(decoded.periods == data.periods && decoded.flags == data.flags && decoded.values.map(\.bitPattern) == data.values.map(\.bitPattern))
        #expect(decoded.inputStarts == data.inputStarts && decoded.inputPeriods == data.inputPeriods)
        #expect(TimeSeries(decoded).points == series.points)
        #expect(throws: StoreError.self) {
            try Release.finished(dataset: dataset, format: "derived", series: [.init(measure: "m", members: ["B"], data: series.data)])
        }
    }

    @Test func sourceSeriesKeepTheirFormatAndDamagedInputsAreRefused() throws {
        var data = SeriesData()
        data.append(period: Period.year(2024)!.storageKey, value: 1, status: .voorlopig, attribute: .present)
        #expect(data.encoded().count == 4 + 13)
        #expect(try SeriesData(decoding: data.encoded()) == data)
        data.append(period: Period.year(2025)!.storageKey, value: 2, status: .voorlopig, attribute: .present, inputs: [Period.year(2024)!])
        #expect(data.inputs(at: 0) == [] && data.inputs(at: 1) == [Period.year(2024)!])
        var bytes = [UInt8](data.encoded())
        #expect(throws: StoreError.self) { try SeriesData(decoding: Data(bytes.dropLast())) }
        bytes[4 + 2 * 13 + 4] = 0xFF  // the second input start, now past the end
        #expect(throws: StoreError.self) { try SeriesData(decoding: Data(bytes)) }
    }
}
