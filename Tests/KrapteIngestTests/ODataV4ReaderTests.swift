import Foundation
import Hummingbird
import KrapteCore
import KrapteIngest
import KrapteSQLite
import KrapteTesting
import Testing

@Suite struct ODataV4ReaderTests {
    let folder = TestData.real("cbs-odata4-fixtures/82242NED")

    @Test func readsASavedFolder() async throws {
        let release = try await ODataV4Reader().read(.folder(folder))
        let finished = try release.finish(file: folder.path)
        #expect(finished.dataset.id == "82242NED")
        #expect(finished.observationCount == 3_084)
        #expect(finished.dataset.source.licence == "CC BY 4.0")
        let store = try SQLiteStore()
        _ = try await store.load(finished, loadedAt: Date())
        let years = try await store.query(
            ObservationQuery(
                dataset: "82242NED",
                measure: "M001327",
                filters: [.init(dimension: "TypeGefailleerde", members: ["T001243"])],
                periods: PeriodRange(parsing: "2022JJ00..2024JJ00")
            )
        )
        #expect(years.rows.map(\.value) == [2432, 3599, 4659])
        let latest = try await store.query(ObservationQuery(dataset: "82242NED", measure: "M001327", periods: PeriodRange(parsing: "2026MM05")))
        #expect(latest.rows.allSatisfy { $0.status == .voorlopig })
    }

    @Test func mapsCBSKeysToKnownCodeLists() async throws {
        let release = try await ODataV4Reader().read(.folder(TestData.real("cbs-odata4-fixtures/80590ned")))
        #expect(release.dataset.dimensions.map(\.code) == ["Geslacht", "Leeftijd"])
        #expect(release.dataset.dimensions[0].members.first?.label == "Totaal")
    }

    /// Serves the saved responses of 82242NED over HTTP, with the observations split over `pages` pages linked by
    /// `@odata.nextLink`; page `failing` answers 500.
    func withReplayServer(pages: Int, failing: Int? = nil, _ body: (URL) async throws -> Void) async throws {
        let folder = self.folder
        let observations = try Data(contentsOf: folder.appendingPathComponent("observations-page-1.json"))
        let names = ["Properties": "properties.json", "Dimensions": "dimensions.json", "MeasureCodes": "measure-codes.json"]
        try await ReplayServer.run(
            table: "82242NED",
            answer: { endpoint, page, base in
                if endpoint == "Observations" {
                    if page == failing { throw HTTPError(.internalServerError) }
                    let rows = (try JSONSerialization.jsonObject(with: observations) as! [String: Any])["value"] as! [[String: Any]]
                    return try ReplayServer.page(page, of: rows, count: pages, endpoint: endpoint, base: base, nextLinkKey: "@odata.nextLink")
                }
                let name = names[endpoint] ?? "codes-\(endpoint.replacingOccurrences(of: "Codes", with: "")).json"
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                    throw HTTPError(.notFound)
                }
                return String(decoding: data, as: UTF8.self)
            },
            body
        )
    }

    @Test func followsNextLinksOnALiveServer() async throws {
        try await withReplayServer(pages: 4) { base in
            let finished = try await ODataV4Reader().read(.http(base)).finish(file: base.absoluteString)
            #expect(finished.observationCount == 3_084)
            let fromFolder = try await ODataV4Reader().read(.folder(folder)).finish(file: "f")
            #expect(finished.fingerprint == fromFolder.fingerprint)
        }
    }

    @Test func aFailureHalfwayStoresNothing() async throws {
        try await withReplayServer(pages: 4, failing: 3) { base in
            let store = try SQLiteStore()
            let error = try await #require(throws: IngestError.self) {
                _ = try await store.load(try await ODataV4Reader().read(.http(base)).finish(file: "x"), loadedAt: Date())
            }
            #expect(error.code == .unreadable)
            #expect(error.file.contains("page=3"))
            #expect(try await store.datasets().isEmpty)
        }
    }
}
