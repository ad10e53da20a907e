import Foundation
import Hummingbird
import HummingbirdTesting
import KrapteCore
import KrapteRender
import KrapteSQLite
import KrapteServer
import KrapteTesting
import Logging
import Testing

/// The API in process, over a SQLite store with one small dataset.
@Suite struct APITests {
    /// A store holding dataset `t`: region A and B, four quarters of measure m, the last one voorlopig.
    static func store() throws -> any Store {
        try SQLiteStore(path: try TestData.temporaryFolder().appendingPathComponent("k.sqlite").path)
    }

    /// An empty release of dataset `id`: dimension Regio, measure m.
    static func emptyRelease(id: String = "t") throws -> Release {
        try Release(
            dataset: Dataset(
                id: id,
                title: "Test",
                source: Source(publisher: "CBS", location: "test"),
                dimensions: [KrapteCore.Dimension(code: "Regio", title: "Regio")],
                measures: [Measure(code: "m", title: "Vacatures", unit: "aantal")]
            ),
            format: "test"
        )
    }

    static func release(id: String = "t", label: String = "Alpha") throws -> Release.Finished {
        var r = try emptyRelease(id: id)
        let a = r.memberIndex(Member(code: "A", label: label), dimension: 0)
        let b = r.memberIndex(Member(code: "B", label: "Beta"), dimension: 0)
        for (i, member) in [a, b].enumerated() {
            for q in 0..<4 {
                r.append(
                    SeriesKey(measure: 0, members: [member]),
                    period: Period.quarter(2024, q + 1)!,
                    value: Double(100 * (i + 1) + q),
                    status: q == 3 ? .voorlopig : .definitief,
                    row: i * 4 + q + 2
                )
            }
        }
        return try r.finish(file: "t")
    }

    static func loaded() async throws -> any Store {
        let store = try store()
        _ = try await store.load(try release(), loadedAt: Date())
        return store
    }

    /// The application over `store`, logging only warnings and errors.
    static func app(_ store: any Store) -> some ApplicationProtocol {
        var logger = Logger(label: "krapte.test")
        logger.logLevel = .warning
        return Application(router: WebServer.router(store: store), logger: logger)
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
    }

    @Test func datasetsListsEveryDatasetWithItsLatestVintage() async throws {
        let app = APITests.app(try await Self.loaded())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/datasets", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let list = try #require(try Self.json(response)["datasets"] as? [[String: Any]])
                #expect(list.count == 1 && list[0]["id"] as? String == "t" && list[0]["vintages"] as? Int == 1)
                #expect((list[0]["latest"] as? [String: Any])?["observationCount"] as? Int == 8)
            }
            try await client.execute(uri: "/api/v1/datasets/t", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                let dataset = try #require(body["dataset"] as? [String: Any])
                #expect((dataset["measures"] as? [[String: Any]])?.first?["unit"] as? String == "aantal")
                #expect((body["vintages"] as? [Any])?.count == 1)
            }
        }
    }

    @Test func observationsAnswerAsKrapteQueryDoesInJSONAndCSV() async throws {
        let store = try await Self.loaded()
        let app = APITests.app(store)
        let expected = try await store.query(
            ObservationQuery(
                dataset: "t",
                measure: "m",
                filters: [.init(dimension: "Regio", members: ["A"])],
                periods: PeriodRange(parsing: "2024KW02..")
            )
        )
        try await app.test(.router) { client in
            let uri = "/api/v1/datasets/t/observations?measure=m&Regio=A&period=2024KW02.."
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                let paging = QueryResultDocument.Paging(offset: 0, count: 3, total: 3, next: nil)
                #expect(String(buffer: response.body) == QueryResultDocument(expected, paging: paging).json)
                let observations = try #require(try Self.json(response)["observations"] as? [[String: Any]])
                #expect(observations.map { $0["period"] as? String } == ["2024KW02", "2024KW03", "2024KW04"])
                #expect(observations.last?["status"] as? String == "voorlopig" && observations.last?["value"] as? Double == 103)
            }
            var acceptCSV = HTTPFields()
            acceptCSV[.accept] = "text/csv"
            for (path, headers) in [(uri + "&format=csv", HTTPFields()), (uri, acceptCSV)] {
                try await client.execute(uri: path, method: .get, headers: headers) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                    #expect(response.headers[.contentDisposition] == "attachment; filename=\"t.csv\"")
                    #expect(String(buffer: response.body) == QueryResultDocument(expected).csv)
                    #expect(String(buffer: response.body).contains("A,Alpha,2024KW04,103.0,voorlopig,"))
                }
            }
            // For Dutch Excel: a byte order mark, `;`, a decimal comma and CR LF, the same rows and columns.
            try await client.execute(uri: uri + "&format=csv-nl", method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentDisposition] == "attachment; filename=\"t-nl.csv\"")
                let bytes = Array(response.body.readableBytesView)
                #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
                let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
                #expect(text.contains("A;Alpha;2024KW04;103,0;voorlopig;\r\n") && !text.contains("\n\n"))
                let standard = QueryResultDocument(expected).csv.split(separator: "\n").map {
                    $0.split(separator: ",", omittingEmptySubsequences: false).count
                }
                let dutch = text.split(separator: "\r\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).count }
                #expect(dutch == standard)
            }
        }
    }

    /// A field that holds the separator is quoted; a comma is no separator in Dutch Excel's CSV.
    @Test func csvFieldsAreQuotedForTheirSeparator() {
        #expect(QueryResultDocument.csvField("a,b") == "\"a,b\"" && QueryResultDocument.csvField("a;b") == "a;b")
        #expect(QueryResultDocument.csvField("a;b", separator: ";") == "\"a;b\"" && QueryResultDocument.csvField("a,b", separator: ";") == "a,b")
        #expect(QueryResultDocument.csvField("say \"x\"", separator: ";") == "\"say \"\"x\"\"\"")
    }

    /// Wrong requests get the status that says so and a JSON message naming what to fix.
    @Test(arguments: [
        ("/api/v1/datasets/onbekend", HTTPResponse.Status.notFound, "geen dataset 'onbekend'"),
        ("/api/v1/datasets/onbekend/observations?measure=m", .notFound, "geen dataset 'onbekend'"),
        ("/api/v1/datasets/t/observations?measure=zz", .notFound, "zz"),
        ("/api/v1/datasets/t/observations?measure=m&Regio=ZZ", .notFound, "ZZ"),
        ("/api/v1/datasets/t/observations?measure=m&Land=A", .notFound, "Land"),
        ("/api/v1/datasets/t/observations", .badRequest, "?measure="),
        ("/api/v1/datasets/t/observations?measure=m&period=2024Q5", .badRequest, "'period' neemt een CBS-periode"),
        ("/api/v1/datasets/t/observations?measure=m&asOf=gisteren", .badRequest, "'asOf' neemt"),
        ("/api/v1/datasets/t/observations?measure=m&format=xml", .badRequest, "'format' neemt"),
        ("/api/v1/bestaat-niet", .notFound, "Op dit adres staat niets"),
    ])
    func wrongRequestsAreNamed(uri: String, status: HTTPResponse.Status, fragment: String) async throws {
        try await Self.expectError(uri, status: status, fragment: fragment, headers: [:])
    }

    /// A client that asks for English gets its messages in English; Dutch is the default.
    @Test(arguments: [
        ("/api/v1/datasets/t/observations?measure=m&period=2024Q5", "en-GB,en;q=0.9", "'period' takes a CBS period"),
        ("/api/v1/datasets/t/observations?measure=m&period=2024Q5&lang=nl", "en", "'period' neemt een CBS-periode"),
        ("/api/v1/datasets/t/observations?measure=m&format=xml&lang=en", "", "'format' takes json, csv or csv-nl, not 'xml'."),
        ("/api/v1/bestaat-niet", "en", "There is nothing at this address"),
    ])
    func messagesAreInTheLanguageAskedFor(uri: String, acceptLanguage: String, fragment: String) async throws {
        let status: HTTPResponse.Status = uri.contains("bestaat-niet") ? .notFound : .badRequest
        try await Self.expectError(uri, status: status, fragment: fragment, headers: acceptLanguage.isEmpty ? [:] : [.acceptLanguage: acceptLanguage])
    }

    private static func expectError(_ uri: String, status: HTTPResponse.Status, fragment: String, headers: HTTPFields) async throws {
        let app = APITests.app(try await Self.loaded())
        try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: headers) { response in
                #expect(response.status == status)
                let error = try #require(try Self.json(response)["error"] as? [String: Any])
                #expect(error["status"] as? Int == Int(status.code))
                let message = try #require(error["message"] as? String)
                #expect(message.contains(fragment), "\(message)")
                #expect(!message.contains("/tmp/") && !message.contains("SELECT"))
            }
        }
    }

    /// Hostile labels come back as data, escaped as JSON and CSV require, never interpreted.
    @Test func hostileLabelsAreEscaped() async throws {
        let store = try Self.store()
        let label = "<script>alert(\"x\")</script> & 'Alpha', \"B\""
        _ = try await store.load(try Self.release(label: label), loadedAt: Date())
        let app = APITests.app(store)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/datasets/t/observations?measure=m&Regio=A&format=csv", method: .get) { response in
                let lines = String(buffer: response.body).split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines[1].hasPrefix("A,\"<script>alert(\"\"x\"\")</script> & 'Alpha', "))
            }
            try await client.execute(uri: "/api/v1/datasets/t", method: .get) { response in
                let dataset = try #require(try Self.json(response)["dataset"] as? [String: Any])
                let members = (dataset["dimensions"] as? [[String: Any]])?.first?["members"] as? [[String: Any]]
                #expect(members?.first?["label"] as? String == label)
            }
        }
    }

    /// Fuzzed paths and query strings never get a 5xx, and every error is JSON.
    @Test func fuzzedRequestsNeverBreakTheServer() async throws {
        let app = APITests.app(try await Self.loaded())
        var random = SplitMix64(seed: 6)
        let pieces = [
            "measure=m", "measure=", "period=", "period=2024KW01..2023KW01", "asOf=2024-13-45", "Regio=A,,B", "Regio=",
            "%00", "%ZZ", "=", "&&", "format=csv", "Regio=%3Cscript%3E", "t", "..", "observations", "datasets", "'", "\"", "%2F",
        ]
        let uris = (0..<300).map { _ in
            let path = (0..<Int(random.next() % 4)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined(separator: "/")
            let query = (0..<Int(random.next() % 4)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined(separator: "&")
            return "/api/v1/datasets/\(path)?\(query)"
        }
        try await app.test(.router) { client in
            for uri in uris {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status.code < 500, "\(uri)")
                    if response.status != .ok { #expect((try? Self.json(response)["error"]) != nil, "\(uri)") }
                }
            }
        }
    }
}
