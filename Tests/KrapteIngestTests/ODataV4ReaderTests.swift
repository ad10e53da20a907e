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
    func withReplayServer(pages: Int, failing: Int? = nil, _ body: @Sendable (URL) async throws -> Void) async throws {
        let folder = self.folder
        let port = 20_000 + Int(UInt64.random(in: 0..<30_000))
        let base = "http://127.0.0.1:\(port)/CBS/82242NED"
        let observations =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("observations-page-1.json"))) as! [String: Any]
        let rows = observations["value"] as! [[String: Any]]
        let size = (rows.count + pages - 1) / pages
        let pageBodies: [String] = try (0..<pages).map { p in
            var page: [String: Any] = ["value": Array(rows[(p * size)..<min(rows.count, (p + 1) * size)])]
            if p + 1 < pages { page["@odata.nextLink"] = "\(base)/Observations?page=\(p + 2)" }
            return String(decoding: try JSONSerialization.data(withJSONObject: page), as: UTF8.self)
        }
        let router = Router()
        router.get("CBS/82242NED/:endpoint") { request, context -> String in
            let endpoint = context.parameters.get("endpoint") ?? ""
            if endpoint == "Observations" {
                let page = Int(request.uri.queryParameters.get("page") ?? "1") ?? 1
                if page == failing { throw HTTPError(.internalServerError) }
                return pageBodies[page - 1]
            }
            let names = ["Properties": "properties.json", "Dimensions": "dimensions.json", "MeasureCodes": "measure-codes.json"]
            let name = names[endpoint] ?? "codes-\(endpoint.replacingOccurrences(of: "Codes", with: "")).json"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { throw HTTPError(.notFound) }
            return String(decoding: data, as: UTF8.self)
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            for _ in 0..<100 {
                if (try? await ODataV4Reader.probe(URL(string: "\(base)/Properties")!)) == true { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            try await body(URL(string: base)!)
            group.cancelAll()
        }
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

extension ODataV4Reader {
    /// Whether a URL answers, for waiting on a test server.
    static func probe(_ url: URL) async throws -> Bool {
        #if canImport(FoundationNetworking)
        return try await FoundationNetworkingProbe.get(url)
        #else
        let (_, response) = try await URLSession.shared.data(from: url)
        return (response as? HTTPURLResponse)?.statusCode == 200
        #endif
    }
}
