import ArgumentParser
import Foundation
import KrapteCore
import KrapteTesting
import Testing

@testable import KrapteCLI

@Suite struct CommandTests {
    @Test func parsesAQuery() throws {
        let command = try Krapte.parseAsRoot([
            "query", "80472ned", "--measure", "OpenstaandeVacatures_1", "--where", "Bedrijfskenmerken=A-U,C", "--period", "2022KW01..2022KW04",
            "--format", "csv",
        ])
        let query = try #require(command as? Query)
        #expect(query.query.filters.first?.members == ["A-U", "C"])
        #expect(query.query.periods?.description == "2022KW01..2022KW04")
        #expect(query.format == .csv)
    }

    @Test(arguments: [
        ["query", "x", "--measure", "m", "--where", "nodimension"], ["query", "x", "--measure", "m", "--period", "2024Q4"],
        ["query", "x", "--measure", "m", "--as-of", "gisteren"], ["ingest", "f.csv", "--published", "2024-13-45"],
        ["datasets", "--db", "postgres://localhost/k"],
    ])
    func rejectsBadOptions(arguments: [String]) {
        #expect(throws: (any Error).self) { try Krapte.parseAsRoot(arguments) }
    }

    @Test func demoThenQueryThroughTheCommands() async throws {
        let db = try TestData.temporaryFolder().appendingPathComponent("k.sqlite").path
        var demo = try #require(try Krapte.parseAsRoot(["demo", "--db", db]) as? Demo)
        try await demo.run()
        let query = try #require(
            try Krapte.parseAsRoot([
                "query", "demo-vacatures", "--measure", "OpenstaandeVacatures", "--where", "Bedrijfskenmerken=J", "--period", "2024KW04", "--db", db,
            ]) as? Query
        )
        let result = try await query.store.open().query(query.query)
        #expect(result.rows.map(\.value) == [18.1])
        #expect(Query.render(result, format: .table).contains("18,1"))
        #expect(Query.render(result, format: .csv).contains("J,J Informatie en communicatie,2024KW04,18.1,definitief,"))
        var ingest = try #require(try Krapte.parseAsRoot(["ingest", "/nonexistent.csv", "--db", db]) as? Ingest)
        await #expect(throws: CLIError.self) { try await ingest.run() }
        _ = demo
        _ = ingest
    }
}
