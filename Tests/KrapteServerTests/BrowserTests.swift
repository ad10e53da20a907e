import Foundation
import Hummingbird
import HummingbirdTesting
import KrapteCore
import KrapteServer
import KrapteTesting
import Logging
import Testing

/// The pages in real headless Chromium (Debian `chromium` and `chromium-driver`, driven by selenium) with axe-core
/// for accessibility (in Dutch and, for a browser set to English, in English), and the OpenAPI document through openapi-spec-validator: `Browser/check_pages.py` against
/// a live server over the demo store. Runs when those tools are installed, and must run when
/// `KRAPTE_REQUIRE_BROWSER=1` (CI sets it).
@Suite struct BrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/check_pages.py")

    /// Whether the tools are here, or required.
    static let ready: Bool = {
        if ProcessInfo.processInfo.environment["KRAPTE_REQUIRE_BROWSER"] == "1" { return true }
        guard FileManager.default.fileExists(atPath: "/usr/bin/chromium"), FileManager.default.fileExists(atPath: "/usr/bin/chromedriver") else {
            return false
        }
        return (try? Command.run(["python3", "-c", "import selenium, axe_selenium_python, openapi_spec_validator"]).status) == 0
    }()

    @Test(.enabled(if: ready), .timeLimit(.minutes(5)))
    func pagesRenderInChromiumAreAccessibleAndDownloadWhatTheyShow() async throws {
        let store = try await DemoStore.make()
        try await DemoStore.addTargetTables(to: store)
        var logger = Logger(label: "krapte.test")
        logger.logLevel = .warning
        let app = Application(
            router: WebServer.router(store: store, configuration: .init(reports: try Self.reports())),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            logger: logger
        )
        let screenshots = try TestData.temporaryFolder()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let (status, output) = try await Command.running(["python3", Self.script.path, "http://127.0.0.1:\(port)", screenshots.path])
            #expect(status == 0, "\(output)")
            let shots = try FileManager.default.contentsOfDirectory(atPath: screenshots.path).filter { $0.hasSuffix(".png") }
            #expect(
                shots.count == 26 && shots.contains("monitor.png") && shots.contains("kerncijfers-en.png")
                    && shots.contains("rapport-werkgeversenquete-ai-390.png"),
                "\(shots)"
            )
        }
    }

    /// The reports the browser opens: the routes' test report, and the shipped survey report, which reads the demo
    /// store's generated survey.
    static func reports() throws -> URL {
        let folder = try ReportRoutesTests.folder()
        for file in ["werkgeversenquete-ai.md", "werkgeversenquete-synthetisch.design.json"] {
            let example = TestData.root.appendingPathComponent("Examples/rapporten/" + file)
            try FileManager.default.copyItem(at: example, to: folder.appendingPathComponent(file))
        }
        return folder
    }
}
