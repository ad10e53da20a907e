import Foundation
import Hummingbird
import HummingbirdTesting
import KrapteServer
import KrapteTesting
import Logging
import Testing

/// The API fuzzed from its own OpenAPI document by schemathesis (PyPI) against a live server over the demo store
/// with the tables of the shipped targets:
/// no 5xx, no answer that breaks the document, every request the document allows accepted, 401 without a token and
/// 405 for a method an address does not take. Runs when schemathesis is installed, and must run when
/// `KRAPTE_REQUIRE_SCHEMATHESIS=1` (CI sets it; scripts/install-test-tools.sh installs it).
@Suite struct SchemathesisTests {
    /// Whether schemathesis is here, or required.
    static let ready: Bool = {
        if ProcessInfo.processInfo.environment["KRAPTE_REQUIRE_SCHEMATHESIS"] == "1" { return true }
        return (try? Command.run(["schemathesis", "--version"]).status) == 0
    }()

    @Test(.enabled(if: ready), .timeLimit(.minutes(10)))
    func theAPIKeepsToItsDocumentUnderSchemathesis() async throws {
        let store = try await DemoStore.make()
        try await DemoStore.addTargetTables(to: store)
        var logger = Logger(label: "krapte.test")
        logger.logLevel = .critical
        let app = Application(
            router: WebServer.router(store: store),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            logger: logger
        )
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let (status, output) = try await Command.running([
                "schemathesis", "run", "http://127.0.0.1:\(port)/api/v1/openapi.json", "--max-examples", "25", "--max-time", "100",
                "--seed", "14", "--request-timeout", "30", "--warnings", "off",
            ])
            #expect(status == 0, "\(output.suffix(6_000))")
            #expect(output.contains("generated"), "\(output.suffix(2_000))")
        }
    }
}
