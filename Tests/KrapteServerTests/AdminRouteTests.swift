import Foundation
import Hummingbird
import HummingbirdTesting
import KrapteCore
import KrapteServer
import Logging
import NIOCore
import Testing

/// `POST /api/v1/ingest` and `DELETE /api/v1/datasets/{id}`: only with the admin token, one transaction, and a
/// message naming the upload's row and column when the file is wrong.
@Suite struct AdminRouteTests {
    static let token = "0123456789abcdef0123"
    static let header = "ID;Bedrijfskenmerken;Perioden;OpenstaandeVacatures_1\n"
    static let good = header + "0;C Industrie;2022 2e kwartaal;38.1\n1;C Industrie;2022 3e kwartaal;37.5\n"

    static func app(_ store: any Store, token: String? = token, maxUploadBytes: Int = 1 << 20) -> some ApplicationProtocol {
        var logger = Logger(label: "krapte.test")
        logger.logLevel = .warning
        let configuration = WebServer.Configuration(adminToken: token, maxUploadBytes: maxUploadBytes)
        return Application(router: WebServer.router(store: store, configuration: configuration), logger: logger)
    }

    static func post(
        _ client: some TestClientProtocol,
        _ body: String,
        uri: String = "/api/v1/ingest?file=80472ned.csv",
        type: String = "text/csv",
        token: String? = token
    ) async throws -> (HTTPResponse.Status, [String: Any], HTTPFields) {
        // The cases name what the messages say in English.
        var headers: HTTPFields = [.contentType: type, .acceptLanguage: "en"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        let json = (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]) ?? [:]
        return (response.status, json, response.headers)
    }

    static func message(_ json: [String: Any]) -> String { (json["error"] as? [String: Any])?["message"] as? String ?? "" }

    @Test func aGoodFileIsStoredOnceWithTheToken() async throws {
        let store = try APITests.store()
        try await Self.app(store).test(.router) { client in
            // The start page is kept; a load through the server shows on it at once.
            let before = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(before.contains("De database is leeg"))
            let (status, json, _) = try await Self.post(client, Self.good)
            #expect(status == .created)
            let after = String(buffer: try await client.execute(uri: "/", method: .get).body)
            #expect(after.contains("href=\"/datasets/80472ned\""))
            #expect(json["dataset"] as? String == "80472ned" && json["observations"] as? Int == 2 && json["unchanged"] as? Bool == false)
            let (again, second, _) = try await Self.post(client, Self.good)
            #expect(again == .ok && second["unchanged"] as? Bool == true)
        }
        let result = try await store.query(
            ObservationQuery(dataset: "80472ned", measure: "OpenstaandeVacatures_1", filters: [.init(dimension: "Bedrijfskenmerken", members: ["C"])])
        )
        #expect(result.rows.map(\.value) == [38.1, 37.5])
    }

    @Test func aTidyFileWithItsMappingIsStored() async throws {
        let store = try APITests.store()
        let mapping: [String: Any] = [
            "dataset": "mijn-tabel", "title": "Mijn tabel", "period": "periode",
            "dimensions": [["column": "regio", "code": "RegioS", "title": "Regio", "codeList": "regio"]],
            "measures": [["code": "Vacatures", "column": "vacatures", "title": "Vacatures", "unit": "aantal", "decimals": 0, "kind": "stock"]],
        ]
        let body = try JSONSerialization.data(withJSONObject: [
            "mapping": mapping, "csv": "periode,regio,vacatures\n2024KW01,AM13,120\n2024KW02,AM13,130\n",
        ])
        try await Self.app(store).test(.router) { client in
            let (status, json, _) = try await Self.post(
                client,
                String(decoding: body, as: UTF8.self),
                uri: "/api/v1/ingest?file=mijn.csv",
                type: "application/json"
            )
            #expect(status == .created, "\(json)")
            #expect(json["dataset"] as? String == "mijn-tabel" && json["observations"] as? Int == 2)
        }
    }

    @Test func withoutTheTokenNothingIsStored() async throws {
        let store = try APITests.store()
        try await Self.app(store).test(.router) { client in
            let (missing, json, headers) = try await Self.post(client, Self.good, token: nil)
            #expect(missing == .unauthorized && headers[.wwwAuthenticate] == "Bearer" && Self.message(json).contains("Authorization: Bearer"))
            #expect(try await Self.post(client, Self.good, token: "wrong-token-wrong-token").0 == .unauthorized)
            #expect(try await Self.post(client, Self.good, token: Self.token + "x").0 == .unauthorized)
        }
        try await Self.app(store, token: nil).test(.router) { client in
            let (status, json, _) = try await Self.post(client, Self.good)
            #expect(status == .forbidden && Self.message(json).contains("read-only"))
        }
        #expect(try await store.datasets().isEmpty)
    }

    static let wrongUploads: [(String, String, String, HTTPResponse.Status, String)] = [
        (
            header + "0;C Industrie;2022 2e kwartaal;38.1\n1;C Industrie;2022 3e kwartaal;veel\n", "/api/v1/ingest?file=80472ned.csv", "text/csv",
            .unprocessableContent, "80472ned.csv, row 3, column OpenstaandeVacatures_1"
        ),
        (
            header + "0;Z Onbekend;2022 2e kwartaal;38.1\n", "/api/v1/ingest?file=80472ned.csv", "text/csv", .unprocessableContent,
            "row 2, column Bedrijfskenmerken"
        ),
        ("", "/api/v1/ingest?file=80472ned.csv", "text/csv", .unprocessableContent, "80472ned.csv"),
        ("{\"csv\": 1}", "/api/v1/ingest", "application/json", .badRequest, "missing 'mapping'"),
        ("not json", "/api/v1/ingest", "application/json", .badRequest, "not JSON"),
        (good, "/api/v1/ingest", "application/pdf", .unsupportedMediaType, "text/csv"),
        (good, "/api/v1/ingest?file=80472ned.csv&published=gisteren", "text/csv", .badRequest, "'published'"),
        (String(repeating: "x", count: 5_000), "/api/v1/ingest?file=80472ned.csv", "text/csv", .contentTooLarge, "4096 bytes"),
    ]

    @Test func aWrongUploadIsNamedAndChangesNothing() async throws {
        let store = try APITests.store()
        try await Self.app(store, maxUploadBytes: 4096).test(.router) { client in
            for (body, uri, type, expected, fragment) in Self.wrongUploads {
                let (status, json, _) = try await Self.post(client, body, uri: uri, type: type)
                #expect(status == expected, "\(uri) \(type): \(json)")
                #expect(Self.message(json).contains(fragment), "\(Self.message(json))")
                #expect(!Self.message(json).contains("/tmp") && !Self.message(json).contains("krapte-upload"))
            }
        }
        #expect(try await store.datasets().isEmpty)
    }

    /// Sends DELETE for `uri`, with the token unless it is nil.
    static func delete(_ client: some TestClientProtocol, _ uri: String, token: String? = token) async throws -> (HTTPResponse.Status, [String: Any])
    {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(uri: uri, method: .delete, headers: headers)
        return (response.status, (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]) ?? [:])
    }

    /// DELETE removes a vintage or a dataset only with the token, names what it removed, and the pages show the
    /// store as it is after it; an unknown dataset or vintage removes nothing.
    @Test func deleteRemovesOnlyWithTheTokenAndOnlyWhatItNames() async throws {
        let store = try APITests.store()
        _ = try await store.load(try APITests.release(), loadedAt: Date())
        var newer = try APITests.emptyRelease()
        let a = newer.memberIndex(Member(code: "A", label: "Alpha"), dimension: 0)
        newer.append(SeriesKey(measure: 0, members: [a]), period: Period.quarter(2025, 1)!, value: 5, row: 2)
        _ = try await store.load(try newer.finish(file: "t"), loadedAt: Date())
        _ = try await store.load(try APITests.release(id: "ander"), loadedAt: Date())
        try await Self.app(store).test(.router) { client in
            #expect(String(buffer: try await client.execute(uri: "/", method: .get).body).contains("href=\"/datasets/ander\""))
            #expect(try await Self.delete(client, "/api/v1/datasets/t", token: nil).0 == .unauthorized)
            #expect(try await Self.delete(client, "/api/v1/datasets/t", token: "fout-fout-fout-fout").0 == .unauthorized)
            #expect(try await Self.delete(client, "/api/v1/datasets/geen").0 == .notFound)
            #expect(try await Self.delete(client, "/api/v1/datasets/t?vintage=3").0 == .notFound)
            #expect(try await Self.delete(client, "/api/v1/datasets/t?vintage=twee").0 == .badRequest)
            #expect(try await store.datasets().map(\.vintageCount) == [1, 2])
            let (status, json) = try await Self.delete(client, "/api/v1/datasets/t?vintage=2")
            #expect(status == .ok && (json["removed"] as? [[String: Any]])?.map { $0["id"] as? Int } == [2])
            #expect(try await store.vintages(of: "t").map(\.id) == [1])
            let (_, whole) = try await Self.delete(client, "/api/v1/datasets/ander")
            #expect(whole["dataset"] as? String == "ander" && (whole["dependents"] as? [String]) == [])
            #expect(!String(buffer: try await client.execute(uri: "/", method: .get).body).contains("href=\"/datasets/ander\""))
        }
        try await Self.app(store, token: nil).test(.router) { client in
            let (status, _) = try await Self.delete(client, "/api/v1/datasets/t")
            #expect(status == .forbidden)
        }
        #expect(try await store.datasets().map(\.id) == ["t"])
    }
}
