import Foundation
import KrapteCore
import KrapteIngest
import KrapteSQLite
import KrapteTesting
import Testing

/// A CBS table loaded from its CSV dump and then from its OData v4 responses (or the other way round) keeps the
/// measure codes of its first load, so that queries, indicators and links go on working.
@Suite struct MeasureIdentityTests {
    @Test func namingsAreRecognised() {
        #expect(MeasureIdentity.v3Place("Totaal_19") == 19)
        #expect(MeasureIdentity.v3Place("k_3HboWo_4") == 4)
        #expect(MeasureIdentity.v3Place("A048156_2") == nil && MeasureIdentity.v3Place("vacatures") == nil)
        for id in ["M001906", "A048156_2", "2018700_1", "30000811", "T001143_2"] { #expect(MeasureIdentity.isV4Identifier(id), "\(id)") }
        for code in ["Totaal_19", "vacatures", "M01", "M001906_", "A048156_x"] { #expect(!MeasureIdentity.isV4Identifier(code), "\(code)") }
    }

    func load(_ store: SQLiteStore, _ release: Release, file: String) async throws -> LoadOutcome {
        var release = release
        try await store.keepStoredMeasureCodes(of: &release, file: file)
        return try await store.load(try release.finish(file: file), loadedAt: Date())
    }

    /// The latest figure of a seasonally adjusted measure of 85224NED.
    func value(_ store: SQLiteStore, _ measure: String, period: String) async throws -> Double? {
        let r = try await store.query(
            ObservationQuery(
                dataset: "85224NED",
                measure: measure,
                filters: [.init(dimension: "SeizoenEnWerkdagcorrectie", members: ["A050903"])],
                periods: PeriodRange(parsing: period)
            )
        )
        return r.rows.first?.value
    }

    @Test func aTableLoadedFromAnotherFormatKeepsItsMeasureCodes() async throws {
        let csv = TestData.real("cbs-arbeidsmarkt/85224NED.csv")
        let v4 = TestData.real("cbs-odata4-fixtures/85224NED")
        let store = try SQLiteStore()
        _ = try await load(store, try CBSCSVReader().read(csv), file: csv.path)
        let second = try await load(store, try await ODataV4Reader().read(.folder(v4)), file: v4.path)
        let codes = try await store.metadata(of: "85224NED", vintage: second.vintage.id).measures.map(\.code)
        #expect(codes.first == "Totaal_1" && codes.contains("Werkloosheidspercentage_25") && codes.count == 34)
        // The latest vintage, read from OData v4, answers for the code of the CSV dump with CBS's figure.
        #expect(try await value(store, "Werkloosheidspercentage_25", period: "2024KW03") == 3.7)

        // The other way round: the v4 identifiers stay.
        let other = try SQLiteStore()
        _ = try await load(other, try await ODataV4Reader().read(.folder(v4)), file: v4.path)
        let again = try await load(other, try CBSCSVReader().read(csv), file: csv.path)
        let kept = try await other.metadata(of: "85224NED", vintage: again.vintage.id).measures.map(\.code)
        #expect(kept.contains("M001906") && !kept.contains("Werkloosheidspercentage_25"))
    }

    /// Two namings whose measures cannot be matched place by place are refused with the reason, and a release
    /// that skipped the matching is refused by the store itself.
    @Test func measuresThatCannotBeMatchedAreRefused() async throws {
        func dataset(_ codes: [String], unit: String = "%") -> Dataset {
            Dataset(
                id: "t",
                title: "t",
                source: Source(publisher: "CBS", location: "t", licence: ""),
                dimensions: [],
                measures: codes.map { Measure(code: $0, title: $0, unit: unit, decimals: 1, kind: .rate) }
            )
        }
        let stored = dataset(["Totaal_1", "Werkloosheidspercentage_2"])
        #expect(try MeasureIdentity.renames(of: dataset(["M001", "M001906"]), toKeep: stored, file: "f").isEmpty)
        #expect(
            try MeasureIdentity.renames(of: dataset(["T001143_2", "M001906"]), toKeep: stored, file: "f")
                == ["T001143_2": "Totaal_1", "M001906": "Werkloosheidspercentage_2"]
        )
        let fewer = try #require(throws: IngestError.self) {
            try MeasureIdentity.renames(of: dataset(["M001906"]), toKeep: stored, file: "f")
        }
        #expect(fewer.code == .structure && fewer.message.english.contains("2 and 1 measures"))
        let units = try #require(throws: IngestError.self) {
            try MeasureIdentity.renames(of: dataset(["T001143_2", "M001906"], unit: "x 1 000"), toKeep: stored, file: "f")
        }
        #expect(units.message.english.contains("x 1 000"))
        // A new measure of the same naming is not a different table.
        #expect(try MeasureIdentity.renames(of: dataset(["Totaal_1", "Nieuw_3"]), toKeep: stored, file: "f").isEmpty)
    }

    /// A release in the other naming whose measures cannot be matched is refused before anything is stored.
    @Test func aRefusedLoadLeavesTheStoreAsItWas() async throws {
        let csv = TestData.real("cbs-arbeidsmarkt/85224NED.csv")
        let store = try SQLiteStore()
        _ = try await load(store, try CBSCSVReader().read(csv), file: csv.path)
        let stored = try await store.metadata(of: "85224NED", vintage: 1)
        var other = stored
        other.measures = [Measure(code: "M001906", title: "Werkloosheidspercentage", unit: "%", decimals: 1, kind: .rate)]
        var release = try Release(dataset: other, format: "cbs-odata-v4")
        release.append(SeriesKey(measure: 0, members: [0]), period: try #require(Period(code: "2024KW03")), value: 3.7, status: .definitief, row: 1)
        let error = try await #require(throws: IngestError.self) { try await load(store, release, file: "85224NED") }
        #expect(error.code == .structure && error.message.english.contains("34 and 1 measures"))
        #expect(try await store.vintages(of: "85224NED").count == 1)
    }
}
