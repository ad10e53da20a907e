import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KrapteCore
import KrapteServer
import KrapteTesting
import Logging
import Testing

/// `/rapporten`: the reports of the configured folder, each built from the store on request, kept while neither the
/// store nor the file changes, and nothing outside the folder reachable.
@Suite struct ReportRoutesTests {
    static let report = """
        ---
        titel: Vacatures per sector
        auteur: Team Arbeidsmarkt
        ---
        # Vacatures

        In het laatste kwartaal stonden er {{waarde dataset=demo-vacatures Bedrijfskenmerken=A-U}} vacatures open.
        In de gegenereerde kubus: {{waarde dataset=demo-spanning}}.

        {{tabel dataset=demo-vacatures Bedrijfskenmerken=A-U,C,J}}
        """

    /// A folder with `vacatures.md` (and a report with a mistake when asked).
    static func folder(withMistake: Bool = false) throws -> URL {
        let folder = try TestData.temporaryFolder()
        try report.write(to: folder.appendingPathComponent("vacatures.md"), atomically: true, encoding: .utf8)
        if withMistake {
            try "# Fout\n\n{{waarde dataset=demo-vacatures onderwerp=Nee}}\n".write(
                to: folder.appendingPathComponent("fout.md"),
                atomically: true,
                encoding: .utf8
            )
        }
        try "geen rapport".write(to: folder.appendingPathComponent("notities.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    static func app(_ store: any Store, reports: URL?) -> some ApplicationProtocol {
        var logger = Logger(label: "krapte.test")
        logger.logLevel = .warning
        return Application(router: WebServer.router(store: store, configuration: .init(reports: reports)), logger: logger)
    }

    @Test func theFolderIsListedAndEachReportBuiltFromTheStore() async throws {
        let store = try await DemoStore.make()
        let folder = try Self.folder(withMistake: true)
        try await Self.app(store, reports: folder).test(.router) { client in
            let list = try await client.execute(uri: "/rapporten?lang=nl", method: .get)
            let page = String(buffer: list.body)
            #expect(list.status == .ok)
            #expect(page.contains("<a href=\"/rapporten/vacatures\">Vacatures per sector</a>") && page.contains("/rapporten/vacatures.pdf"))
            #expect(!page.contains("notities"))
            let report = try await client.execute(uri: "/rapporten/vacatures", method: .get)
            let html = String(buffer: report.body)
            #expect(report.status == .ok && report.headers[.contentType] == "text/html; charset=utf-8")
            #expect(report.headers[.contentSecurityPolicy]?.contains("style-src 'unsafe-inline'") == true)
            #expect(report.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(html.contains("<h1>Vacatures per sector</h1>") && html.contains("class=\"getal\"") && html.contains("<h2>Bronnen</h2>"))
            // The generated cube is labelled as such.
            #expect(html.contains("<p class=\"illustratief\" role=\"note\">Illustratief: dit rapport gebruikt gegenereerde cijfers"))
            let broken = try await client.execute(uri: "/rapporten/fout", method: .get)
            #expect(broken.status == .internalServerError)
            #expect(String(buffer: broken.body).contains("fout.md, regel 3 ({{waarde}}): demo-vacatures heeft geen onderwerp"))
        }
    }

    @Test(arguments: ["/rapporten/nope", "/rapporten/..%2Fvacatures", "/rapporten/.vacatures", "/rapporten/notities", "/rapporten/%2Fetc%2Fpasswd"])
    func onlyReportsOfTheFolderAreReachable(uri: String) async throws {
        let store = try await DemoStore.make()
        try await Self.app(store, reports: try Self.folder()).test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .notFound, "\(uri)")
        }
    }

    @Test func aServerWithoutAFolderSaysHowToGiveOne() async throws {
        let store = try await DemoStore.make()
        try await Self.app(store, reports: nil).test(.router) { client in
            let list = try await client.execute(uri: "/rapporten?lang=nl", method: .get)
            #expect(list.status == .ok && String(buffer: list.body).contains("krapte serve --reports MAP"))
            #expect(try await client.execute(uri: "/rapporten/vacatures", method: .get).status == .notFound)
        }
    }

    @Test func aChangedReportFileIsBuiltAgain() async throws {
        let store = try await DemoStore.make()
        let folder = try Self.folder()
        try await Self.app(store, reports: folder).test(.router) { client in
            let first = String(buffer: try await client.execute(uri: "/rapporten/vacatures", method: .get).body)
            #expect(first.contains("<h1>Vacatures per sector</h1>"))
            try Self.report.replacingOccurrences(of: "titel: Vacatures per sector", with: "titel: Vacatures, herzien")
                .write(to: folder.appendingPathComponent("vacatures.md"), atomically: true, encoding: .utf8)
            let second = String(buffer: try await client.execute(uri: "/rapporten/vacatures", method: .get).body)
            #expect(second.contains("<h1>Vacatures, herzien</h1>"))
        }
    }
}
