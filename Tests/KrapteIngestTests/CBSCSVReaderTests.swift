import Foundation
import KrapteCore
import KrapteIngest
import KrapteSQLite
import KrapteTesting
import Testing

@Suite struct CBSCSVReaderTests {
    func load(_ url: URL, options: IngestOptions = IngestOptions()) async throws -> any Store {
        let store = try SQLiteStore()
        _ = try await store.load(try CBSCSVReader(options: options).read(url).finish(file: url.path), loadedAt: Date())
        return store
    }

    func value(_ store: any Store, _ dataset: String, _ measure: String, _ filters: [String: String], _ period: String) async throws -> Double? {
        let rows = try await store.rows(of: dataset, measure, where: filters, period: period)
        #expect(rows.count == 1)
        return rows.first?.value
    }

    @Test func openVacanciesOf80472ned() async throws {
        let store = try await load(TestData.real("cbs-vacatures/80472ned.csv"))
        #expect(try await value(store, "80472ned", "OpenstaandeVacatures_1", ["Bedrijfskenmerken": "A-U"], "2022KW03") == 451.9)
        #expect(try await value(store, "80472ned", "Openstaande vacatures", ["Bedrijfskenmerken": "C Industrie"], "2022KW02") == 38.1)
        let meta = try await store.metadata(of: "80472ned", vintage: 1)
        #expect(meta.measure(named: "OpenstaandeVacatures_1")?.unit == "x 1 000")
        #expect(meta.dimensions[0].member(named: "GK100+") != nil)
    }

    /// 85224NED's CSV dump comes without metadata. The catalogue gives its 34 measures' titles and decimals, equal to
    /// what CBS's own metadata (the saved OData v4 responses of the same table) gives; the same dump under an id the
    /// catalogue does not know gets them from the values, marked as such and kept through the store: 3,6% stays 3,6,
    /// not 4.
    @Test func decimalsADumpDoesNotGiveAreTakenFromTheValues() async throws {
        let url = TestData.real("cbs-arbeidsmarkt/85224NED.csv")
        let published = try JSONSerialization.jsonObject(
            with: Data(contentsOf: TestData.real("cbs-odata4-fixtures/85224NED/measure-codes.json"))
        )
        let decimals = try #require((published as? [String: Any])?["value"] as? [[String: Any]]).compactMap { $0["Decimals"] as? Int }
        let known = try CBSCSVReader().read(url).dataset.measures
        #expect(known.count == 34 && decimals.count == 34)
        #expect(known.map(\.decimals) == decimals)
        #expect(known.allSatisfy { !$0.decimalsInferred })
        #expect(known.map(\.title).contains("Werkzaam minder dan 20 uur per week"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("krapte-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let unknown = folder.appendingPathComponent("99999NED.csv")
        try FileManager.default.copyItem(at: url, to: unknown)
        let measures = try CBSCSVReader().read(unknown).dataset.measures
        #expect(measures.map(\.decimals) == decimals)
        #expect(measures.allSatisfy { $0.decimalsInferred })
        let store = try await load(unknown)
        let stored = try await store.metadata(of: "99999NED", vintage: 1).measure(named: "Werkloosheidspercentage_25")
        #expect(stored?.decimals == 1 && stored?.decimalsInferred == true)
    }

    /// The source of a file read on this machine names the file, never its path: in the store, on pages and in the
    /// API. A source stored with a path before is read without it; URLs and descriptions are kept.
    @Test func aLocalPathDoesNotLeaveTheMachine() async throws {
        let url = TestData.real("cbs-arbeidsmarkt/85224NED.csv")
        let store = try await load(url)
        #expect(try await store.metadata(of: "85224NED", vintage: 1).source.location == "85224NED.csv")
        let stored = #"{"publisher": "CBS", "location": "/srv/krapte/uploads/80472ned.csv"}"#
        #expect(try JSONDecoder().decode(Source.self, from: Data(stored.utf8)).location == "80472ned.csv")
        #expect(Source(publisher: "CBS", location: "../data/85224NED.csv").location == "85224NED.csv")
        let web = "https://opendata.cbs.nl/ODataApi/odata/85224NED"
        #expect(Source(publisher: "CBS", location: web).location == web)
        #expect(Source(publisher: "UWV", location: "UWV, Sectorbeschrijving ICT (2025)").location == "UWV, Sectorbeschrijving ICT (2025)")
    }

    @Test func ictOccupationsOf85276NED() async throws {
        let store = try await load(TestData.real("cbs-arbeidsmarkt/85276NED.csv"))
        #expect(try await value(store, "85276NED", "WerkzameBeroepsbevolking_1", ["Beroep": "08"], "2020KW01") == 394)
        #expect(try await value(store, "85276NED", "WerkzameBeroepsbevolking_1", ["Beroep": "08 ICT beroepen"], "2024KW04") == 555)
        #expect(try await value(store, "85276NED", "WerkzameBeroepsbevolking_1", ["Beroep": "08"], "2024") == 547)
    }

    @Test func provisionalPeriodsOf37789ksz() async throws {
        let store = try await load(TestData.real("cbs-arbeidsmarkt/37789ksz.csv"))
        let r = try await store.query(
            ObservationQuery(dataset: "37789ksz", measure: "NietSeizoengecorrigeerd_8", periods: PeriodRange(parsing: "2024MM12"))
        )
        #expect(r.rows.first?.status == .voorlopig)
        #expect(r.rows.first?.value == 174.8)
    }

    /// A table without a Perioden column that the catalogue does not know needs `--period`, and says so.
    @Test func aTableOfOnePeriodTheCatalogueDoesNotKnowNeedsItsPeriod() throws {
        let folder = try TestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("99998NED.csv")
        try FileManager.default.copyItem(at: TestData.real("cbs-ict-gebruik/86075NED.csv"), to: url)
        let error = try #require(throws: IngestError.self) { try CBSCSVReader().read(url) }
        #expect(error.fix.english.contains("--period"))
        #expect(try CBSCSVReader(options: IngestOptions(period: Period.year(2024))).read(url).observationCount > 5_000)
    }

    @Test func statLineDownloadWithMetadata() async throws {
        let store = try await load(TestData.real("statline-csv-sample/82608ENG_UntypedDataSet_26122020_004554.csv"))
        let r = try await store.query(
            ObservationQuery(
                dataset: "82608ENG",
                measure: "Indices_1",
                filters: [.init(dimension: "ConsumptionByHouseholds", members: ["A047837"])],
                periods: PeriodRange(parsing: "2020MM10")
            )
        )
        #expect(r.rows.first?.value == 96.0)
        #expect(r.rows.first?.status == .voorlopig)
        #expect(r.measure.unit == "2015=100")
        #expect(r.vintage.publishedAt != nil)
    }

    static let header = "ID;Bedrijfskenmerken;Perioden;OpenstaandeVacatures_1\n"

    static let badFiles: [(String, IngestError.Code, Int?, String?)] = [
        (header + "0;C Industrie;2022 2e kwartaal;38.1;9\n", IngestError.Code.raggedRow, 2, nil),
        (header + "0;C Industrie;2022 2e kwartaal;38.1\n1;C Industrie;2022 3e kwartaal;veel\n", .notANumber, 3, "OpenstaandeVacatures_1"),
        (header + "0;C Industrie;2022 13e kwartaal;38.1\n", .unknownPeriod, 2, "Perioden"),
        (header + "0;Z Onbekende sector;2022 2e kwartaal;38.1\n", .unknownMember, 2, "Bedrijfskenmerken"),
        ("ID;Bedrijfskenmerken;OpenstaandeVacatures_1\n0;C Industrie;1\n", .missingColumn, 1, "Perioden"),
        (header + "0;C Industrie;2022 2e kwartaal;38.1\n1;C Industrie;2022 2e kwartaal;38.2\n", .duplicate, 3, nil),
        (header, .empty, nil, nil), ("", .empty, nil, nil),
    ]

    @Test(arguments: badFiles)
    func badFilesNameRowAndColumn(text: String, code: IngestError.Code, row: Int?, column: String?) throws {
        let url = try TestData.file("80472ned.csv", text)
        let error = try #require(throws: IngestError.self) { try CBSCSVReader().read(url).finish(file: url.path) }
        #expect(error.code == code)
        #expect(error.row == row)
        #expect(error.column == column)
        #expect(error.file == url.path)
        #expect(!error.fix.english.isEmpty)
    }

    @Test func windows1252BytesAreAnEncodingError() throws {
        var bytes = Array(Self.header.utf8)
        bytes += Array("0;".utf8) + [0x43, 0xE9] + Array(";2022 2e kwartaal;38.1\n".utf8)
        let url = try TestData.file("80472ned.csv", bytes: bytes)
        let error = try #require(throws: IngestError.self) { try CBSCSVReader().read(url) }
        #expect(error.code == .encoding && error.row == 2 && error.column == "Bedrijfskenmerken")
    }

    @Test func fuzzedFilesNeverCrash() throws {
        let good = Array((Self.header + "0;C Industrie;2022 2e kwartaal;38.1\n1;J;2022 3e kwartaal;\"12.5\"\n").utf8)
        var rng = SplitMix64(seed: 99)
        for _ in 0..<300 {
            var bytes = good
            for _ in 0..<(1 + Int(rng.next() % 6)) {
                let i = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes[i] = UInt8(truncatingIfNeeded: rng.next())
                case 1: bytes.remove(at: i)
                default: bytes.insert([UInt8(ascii: ";"), UInt8(ascii: "\""), 10, 0xFF][Int(rng.next() % 4)], at: i)
                }
            }
            let url = try TestData.file("80472ned.csv", bytes: bytes)
            do {
                _ = try CBSCSVReader().read(url).finish(file: url.path)
            } catch let error as IngestError {
                #expect(!error.message.english.isEmpty)
            }
        }
    }
}
