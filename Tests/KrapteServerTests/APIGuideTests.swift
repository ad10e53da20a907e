import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KrapteCore
import KrapteRender
import KrapteTesting
import Testing

/// The API guide at `/api`: every route of the OpenAPI document in Dutch (or English) with an example request and
/// answer, and every example what the server answers to it.
@Suite struct APIGuideTests {
    /// The OpenAPI document as the server serves it, and its operations by id with their method and path.
    static func document(_ client: some TestClientProtocol) async throws -> [(id: String, method: String, path: String, operation: [String: Any])] {
        let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        return paths.sorted { $0.key < $1.key }.flatMap { path, entry in
            ["get", "post", "delete"].compactMap { method in
                (entry[method] as? [String: Any]).map { o in (o["operationId"] as? String ?? "", method.uppercased(), path, o) }
            }
        }
    }

    @Test func theGuideListsEveryRouteInDutchWithAnExample() async throws {
        try await APITests.app(try APITests.store()).test(.router) { client in
            let operations = try await Self.document(client)
            #expect(operations.count >= 10)
            let dutch = String(buffer: try await client.execute(uri: "/api", method: .get, headers: [.acceptLanguage: "nl"]).body)
            let english = String(buffer: try await client.execute(uri: "/api", method: .get, headers: [.acceptLanguage: "en"]).body)
            #expect(dutch.contains("<h1>API-handleiding</h1>") && english.contains("<h1>API guide</h1>"))
            #expect(dutch.matches(of: /<section id="[A-Za-z]+" class="route">/).count == operations.count)
            for (id, method, path, o) in operations {
                let nl = try #require(o["x-nl"] as? [String: Any], "\(id) has no Dutch texts")
                let summary = try #require(nl["summary"] as? String)
                let section = try #require(dutch.firstMatch(of: Regex(#"<section id="\#(id)" class="route">(?s:.*?)</section>"#)))
                let text = String(dutch[section.range])
                #expect(text.contains("<h2><code>\(method) \(path)</code></h2>"), "\(id)")
                #expect(text.contains(Markup.inlineCode(summary)), "\(id)")
                #expect(!text.contains(Markup.inlineCode(o["summary"] as? String ?? "-")), "\(id) shows its English summary")
                #expect(text.contains("<pre><code>curl "), "\(id) has no example request")
                #expect(id == "openapi" || text.contains("<pre class=\"answer\" tabindex=\"0\"><code>{"), "\(id) has no example answer")
                for parameter in o["parameters"] as? [[String: Any]] ?? [] {
                    let name = parameter["name"] as? String ?? ""
                    let words = try #require(parameter["x-nl"] as? String, "\(id) \(name) has no Dutch text")
                    #expect(text.contains("<th scope=\"row\"><code>\(name)</code></th>") && text.contains(Markup.inlineCode(words)), "\(id) \(name)")
                }
                #expect(english.contains(Markup.inlineCode(o["summary"] as? String ?? "-")), "\(id)")
            }
            // The menu leads to the guide.
            #expect(dutch.contains(#"<a href="/api">API</a>"#))
        }
    }

    /// Each example in the document is sent to a server over the demo store with the tables of the shipped targets: the status is the one documented and
    /// the answer has the example's shape (the same keys, with values of the same kinds), so that the guide cannot
    /// drift from what the server does.
    @Test func everyExampleIsWhatTheServerAnswers() async throws {
        let store = try await DemoStore.make()
        try await DemoStore.addTargetTables(to: store)
        try await AdminRouteTests.app(store).test(.router) { client in
            // Loading comes before removing: the example removes what the example load stored.
            let operations = try await Self.document(client).sorted { a, _ in a.method != "DELETE" }
            for (id, method, _, o) in operations {
                let example = try #require(o["x-example"] as? [String: Any], "\(id) has no example")
                #expect(example["method"] as? String == method)
                let path = try #require(example["path"] as? String)
                var headers: HTTPFields = [.acceptLanguage: "nl"]
                for (name, value) in example["headers"] as? [String: String] ?? [:] {
                    let field = try #require(HTTPField.Name(name))
                    headers[field] = value == "Bearer $KRAPTE_ADMIN_TOKEN" ? "Bearer \(AdminRouteTests.token)" : value
                }
                let body = (example["body"] as? String).map { ByteBuffer(string: $0) }
                let response = try await client.execute(uri: path, method: HTTPRequest.Method(method) ?? .get, headers: headers, body: body)
                #expect("\(response.status.code)" == example["status"] as? String, "\(id): \(response.status)")
                guard id != "openapi" else { continue }
                let status = try #require(example["status"] as? String)
                let documented = try #require(
                    ((((o["responses"] as? [String: Any])?[status] as? [String: Any])?["content"] as? [String: Any])?["application/json"]
                        as? [String: Any])?["example"],
                    "\(id) has no example answer"
                )
                let live = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))
                #expect(Self.differences(documented, live, at: id) == [], "\(id)")
            }
        }
    }

    /// Where `example` and `live` differ in shape: an object's keys, or the kind of a value. An example's list holds
    /// the first elements of the live list.
    static func differences(_ example: Any, _ live: Any, at place: String) -> [String] {
        switch (example, live) {
        case let (e as [String: Any], l as [String: Any]):
            guard Set(e.keys) == Set(l.keys) else { return ["\(place): keys \(e.keys.sorted()) against \(l.keys.sorted())"] }
            return e.keys.sorted().flatMap { key in differences(e[key] as Any, l[key] as Any, at: "\(place).\(key)") }
        case let (e as [Any], l as [Any]):
            guard let first = l.first else { return e.isEmpty ? [] : ["\(place): the live list is empty"] }
            return e.enumerated().flatMap { i, element in differences(element, i < l.count ? l[i] : first, at: "\(place)[\(i)]") }
        case (is String, is String), (is NSNull, is NSNull): return []
        case (is [String: Any], _), (is [Any], _), (is String, _), (is NSNull, _): return ["\(place): \(example) against \(live)"]
        default:
            let scalar = !(live is String || live is NSNull || live is [Any] || live is [String: Any])
            return scalar ? [] : ["\(place): \(example) against \(live)"]
        }
    }
}
