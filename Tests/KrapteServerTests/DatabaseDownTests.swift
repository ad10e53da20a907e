import Foundation
import Hummingbird
import HummingbirdTesting
import KrapteCore
import KraptePostgres
import KrapteServer
import KrapteTesting
import Testing

/// The server over PostgreSQL when the database goes away: 503 with a message, then 200 again by itself.
@Suite(.enabled(if: TestPostgres.url != nil, "needs KRAPTE_TEST_POSTGRES (scripts/with-postgres.sh swift test)"))
struct DatabaseDownTests {
    @Test func theServerAnswers503WhileTheDatabaseIsDownAndRecoversByItself() async throws {
        let url = try #require(URLComponents(string: try TestPostgres.newDatabase()))
        let proxy = try await TCPProxy(to: url.host ?? "127.0.0.1", port: url.port ?? 5432)
        var viaProxy = url
        viaProxy.port = proxy.port
        let store = try await PostgresStore.open(url: try #require(viaProxy.string), connectTimeout: .seconds(2), deadline: .seconds(3))
        _ = try await store.load(try APITests.release(), loadedAt: Date())
        let app = APITests.app(store)
        try await app.test(.router) { client in
            let uri = "/api/v1/datasets/t/observations?measure=m"
            try await client.execute(uri: uri, method: .get) { #expect($0.status == .ok) }

            try await proxy.down()
            for path in [uri, "/api/v1/health", "/api/v1/datasets"] {
                let started = Date()
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(response.headers[.retryAfter] == "10")
                    let error = try #require(try APITests.json(response)["error"] as? [String: Any])
                    let message = try #require(error["message"] as? String)
                    // The address of the database is for the log, not for a web client.
                    #expect(message == "De database is nu niet bereikbaar; probeer het over een ogenblik opnieuw.", "\(message)")
                }
                #expect(Date().timeIntervalSince(started) < 10)
            }

            try await proxy.up()
            let deadline = Date().addingTimeInterval(30)
            var status = HTTPResponse.Status.serviceUnavailable
            while status != .ok && Date() < deadline {
                status = try await client.execute(uri: uri, method: .get) { $0.status }
                if status != .ok { try await Task.sleep(for: .milliseconds(200)) }
            }
            #expect(status == .ok, "the server did not recover within 30 s of the database's return")
        }
        try await proxy.down()
    }
}
