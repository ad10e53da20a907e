import Foundation
import KrapteCore
import KrapteRender
import KrapteSQLite
import KrapteTesting
import Testing

/// The downloads of a query as Krapte writes them by hand, a chunk at a time: the JSON byte for byte what
/// `JSONEncoder` writes of the same document, on the demo store's datasets and on hostile codes and values.
@Suite struct ExportTests {
    /// The document as `JSONEncoder` writes it, pretty-printed with sorted keys: the reference.
    static func encoded(_ d: QueryResultDocument) throws -> String {
        struct MeasureInfo: Encodable {
            var code, title, unit: String
            var decimals: Int
        }
        struct Observation: Encodable {
            var members: [String: String]
            var period: String
            var value: Double?
            var status: String
            var attribute: String?
            var extra: [String: String]?
            var inputs: [String]?
        }
        struct Body: Encodable {
            var dataset, title: String
            var measure: MeasureInfo
            var source: Source
            var vintage: Int64
            var publishedAt: Date?
            var loadedAt: Date
            var derivation: Derivation?
            var page: QueryResultDocument.Paging?
            var observations: [Observation]
        }
        let r = d.result
        let codes = r.dataset.dimensions.map(\.code)
        let body = Body(
            dataset: r.dataset.id,
            title: r.dataset.title,
            measure: .init(code: r.measure.code, title: r.measure.title, unit: r.measure.unit, decimals: r.measure.decimals),
            source: r.dataset.source,
            vintage: r.vintage.id,
            publishedAt: r.vintage.publishedAt,
            loadedAt: r.vintage.loadedAt,
            derivation: r.dataset.derivation,
            page: d.paging,
            observations: r.rows.enumerated().map { i, row in
                Observation(
                    members: Dictionary(zip(codes, row.members.map(\.code)), uniquingKeysWith: { a, _ in a }),
                    period: row.period.code,
                    value: row.value,
                    status: row.status.dutchLabel,
                    attribute: row.attribute == .present ? nil : "\(row.attribute)",
                    extra: d.extra.isEmpty ? nil : Dictionary(d.extra.map { ($0.title, $0.values[i]) }, uniquingKeysWith: { a, _ in a }),
                    inputs: row.inputs.isEmpty ? nil : row.inputs.map(\.code)
                )
            }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return String(decoding: try encoder.encode(body), as: UTF8.self)
    }

    @Test func theJSONIsWhatJSONEncoderWritesByteForByte() async throws {
        let store = try await DemoStore.make()
        let queries = [
            ObservationQuery(dataset: "demo-vacatures", measure: "OpenstaandeVacatures"),
            ObservationQuery(dataset: "spanningsindicator-beroepen", measure: "spanningsindicator-beroepen"),
            ObservationQuery(dataset: "prognose-spanningsindicator", measure: "prognose-spanningsindicator"),
            ObservationQuery(dataset: "demo-spanning", measure: "OpenstaandeVacatures", periods: PeriodRange(parsing: "2030KW01..")),
        ]
        for q in queries {
            let result = try await store.query(q)
            let extra = try await QueryResultDocument.forecastColumns(for: result, of: q, in: store)
            let document = QueryResultDocument(result, extra: extra, paging: .init(offset: 0, count: result.rows.count, total: 9, next: "/x?a=1"))
            let (mine, reference) = (document.json, try Self.encoded(document))
            let at = zip(mine, reference).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(mine.count, reference.count)
            #expect(
                mine == reference,
                "\(q.dataset) at \(at): \(mine.dropFirst(max(0, at - 80)).prefix(160)) against \(reference.dropFirst(max(0, at - 80)).prefix(160))"
            )
        }
        // Codes, labels and titles that need escaping, and numbers at the edges of how Swift writes them.
        let hostile = "\"quote\" \\ back/slash <é € 😀>"
        var release = try Release(
            dataset: Dataset(
                id: "h",
                title: hostile,
                summary: hostile,
                source: Source(publisher: hostile, location: hostile, licence: hostile),
                dimensions: [KrapteCore.Dimension(code: "Dim", title: hostile), KrapteCore.Dimension(code: "A", title: "a")],
                measures: [Measure(code: "m", title: hostile, unit: hostile)]
            ),
            format: "test"
        )
        let values: [Double?] = [-0.0, 1e21, 1e-7, 26, 0.1, 1_500_000_000_000_000, nil, 123.456, -2.5e-300]
        for (i, value) in values.enumerated() {
            let member = release.memberIndex(Member(code: "c\(i)\"\\", label: hostile), dimension: 0)
            let other = release.memberIndex(Member(code: "z", label: "z"), dimension: 1)
            release.append(
                SeriesKey(measure: 0, members: [member, other]),
                period: Period.quarter(2024, 1)!,
                value: value,
                status: i % 2 == 0 ? .voorlopig : .definitief,
                attribute: value == nil ? .confidential : .present,
                row: i
            )
        }
        let hostileStore = try SQLiteStore()
        _ = try await hostileStore.load(try release.finish(file: "h"), loadedAt: DemoStore.loadedAt)
        let document = QueryResultDocument(try await hostileStore.query(ObservationQuery(dataset: "h", measure: "m")))
        #expect(document.result.rows.count == values.count)
        #expect(document.json == (try Self.encoded(document)))
    }

    /// Written a chunk at a time, the CSV and JSON are the same as written whole.
    @Test func chunksMakeTheSameDownload() async throws {
        let store = try await DemoStore.make()
        let document = QueryResultDocument(try await store.query(ObservationQuery(dataset: "demo-spanning", measure: "OpenstaandeVacatures")))
        for dutchExcel in [false, true] {
            var chunks = 0
            var bytes: [UInt8] = []
            document.writeCSV(dutchExcel: dutchExcel, chunkSize: 10_000) {
                chunks += 1
                bytes += $0
            }
            #expect(chunks > 10 && String(decoding: bytes, as: UTF8.self) == (dutchExcel ? document.dutchExcelCSV : document.csv))
        }
        var chunks = 0
        var bytes: [UInt8] = []
        document.writeJSON(chunkSize: 10_000) {
            chunks += 1
            bytes += $0
        }
        #expect(chunks > 10 && String(decoding: bytes, as: UTF8.self) == document.json)
    }
}
