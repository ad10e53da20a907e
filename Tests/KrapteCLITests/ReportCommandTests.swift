import ArgumentParser
import Foundation
import KrapteCore
import KrapteReport
import KrapteTesting
import Testing

@testable import KrapteCLI

/// `krapte report build` and `krapte report diff` through the command line, on the demo store.
@Suite struct ReportCommandTests {
    static let report = """
        ---
        titel: Vacatures per sector
        auteur: Team Arbeidsmarkt
        ---
        Eind 2024: {{waarde dataset=demo-vacatures Bedrijfskenmerken=J periode=2024KW04}} vacatures in de ICT.
        """

    @Test func buildWritesTheHTMLBesideTheReportOrInTheFolderAsked() async throws {
        let folder = try TestData.temporaryFolder()
        let db = folder.appendingPathComponent("k.sqlite").path
        try await (try #require(try Krapte.parseAsRoot(["demo", "--db", db]) as? Demo)).run()
        let file = folder.appendingPathComponent("ict.md")
        try Self.report.write(to: file, atomically: true, encoding: .utf8)
        let build = try #require(
            try Krapte.parseAsRoot(["report", "build", file.path, "--db", db, "--out", folder.appendingPathComponent("uit").path]) as? Report.Build
        )
        try await build.run()
        let html = try String(contentsOf: folder.appendingPathComponent("uit/ict.html"), encoding: .utf8)
        #expect(html.contains("<title>Vacatures per sector</title>") && html.contains(">18.100</span>"))
        // The build's record, beside the HTML, is what a later diff compares with.
        let record = folder.appendingPathComponent("uit/ict.bouw.json").path
        let fromRecord = try #require(try Krapte.parseAsRoot(["report", "diff", file.path, "--db", db, "--from", record]) as? Report.Diff)
        let source = try KrapteReport.ReportSource.parse(Self.report, file: "ict.md")
        #expect(try await fromRecord.results(of: source, at: record) == (try await fromRecord.results(of: source, at: nil)))
        let diff = try #require(try Krapte.parseAsRoot(["report", "diff", file.path, "--db", db, "--from", "2020-01-01"]) as? Report.Diff)
        // No release of the demo set existed then: the error names the report's line.
        let error = await #expect(throws: CLIError.self) { try await diff.run() }
        #expect(error?.description.contains("ict.md, regel 5 ({{waarde}}): demo-vacatures had op 1 januari 2020 nog geen release") == true)
    }

    @Test(arguments: [
        ["report", "build", "r.md", "--set", "regio"], ["report", "build", "r.md", "--as-of", "gisteren"], ["report", "diff", "r.md"],
        ["report", "diff", "r.md", "--from", "2025-13-01"], ["report", "diff", "r.md", "--from", "gisteren"],
    ])
    func rejectsBadOptions(arguments: [String]) {
        #expect(throws: (any Error).self) { try Krapte.parseAsRoot(arguments) }
    }

    @Test func aMissingReportIsNamed() async throws {
        let build = try #require(try Krapte.parseAsRoot(["report", "build", "/nonexistent/r.md"]) as? Report.Build)
        let error = await #expect(throws: CLIError.self) { try await build.run() }
        #expect(error?.description.contains("het rapport '/nonexistent/r.md' bestaat niet") == true, "\(String(describing: error))")
    }
}
