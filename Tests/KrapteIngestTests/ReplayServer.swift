import Foundation
import Hummingbird

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A local HTTP server for testing the live OData clients: it answers `GET /CBS/<table>/<endpoint>[?page=n]` with
/// what `answer` returns for the endpoint, page and the table's base URL, and a thrown `HTTPError` as that status.
enum ReplayServer {
    /// Starts the server on a free-looking port, runs `body` with the table's base URL, then stops the server.
    static func run(
        table: String,
        answer: @escaping @Sendable (_ endpoint: String, _ page: Int, _ base: URL) throws -> String,
        _ body: (URL) async throws -> Void
    ) async throws {
        let port = 20_000 + Int(UInt64.random(in: 0..<30_000))
        let base = URL(string: "http://127.0.0.1:\(port)/CBS/\(table)")!
        let router = Router()
        router.get("ping") { _, _ in "ok" }
        router.get("CBS/\(table)/:endpoint") { request, context -> String in
            let page = Int(request.uri.queryParameters.get("page") ?? "1") ?? 1
            return try answer(context.parameters.get("endpoint") ?? "", page, base)
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            let ping = URL(string: "http://127.0.0.1:\(port)/ping")!
            for _ in 0..<100 {
                if (try? await isUp(ping)) == true { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            try await body(base)
            group.cancelAll()
        }
    }

    /// Page `p` (from 1) of `rows` split into `count` pages of a collection response; each page but the last links
    /// to the next with `nextLinkKey` (`@odata.nextLink` in v4, `odata.nextLink` in v3) as `<base>/<endpoint>?page=n`.
    static func page(_ p: Int, of rows: [[String: Any]], count: Int, endpoint: String, base: URL, nextLinkKey: String) throws -> String {
        let size = (rows.count + count - 1) / count
        var page: [String: Any] = ["value": Array(rows[min(rows.count, (p - 1) * size)..<min(rows.count, p * size)])]
        if p < count { page[nextLinkKey] = "\(base.absoluteString)/\(endpoint)?page=\(p + 1)" }
        return String(decoding: try JSONSerialization.data(withJSONObject: page), as: UTF8.self)
    }

    private static func isUp(_ url: URL) async throws -> Bool {
        let (_, response) = try await URLSession.shared.data(for: URLRequest(url: url, timeoutInterval: 1))
        return (response as? HTTPURLResponse)?.statusCode == 200
    }
}
