import ArgumentParser
import Foundation
import KrapteCore
import KrapteTesting
import Testing

@testable import KrapteCLI

/// `krapte targets` on the real tables: every target with its status, figures, projection marked prognose and
/// source; the targets without data listed; a wrong file named.
@Suite struct TargetsCommandTests {
    static let store = Task<String, any Error> {
        let db = try TestData.temporaryFolder().appendingPathComponent("k.sqlite").path
        let mapping = TestData.root.appendingPathComponent("Examples/eurostat-ict-specialisten/mapping.json").path
        try await
            (try #require(
                try Krapte.parseAsRoot([
                    "ingest", TestData.real("eurostat-ict-specialisten/panel_annual_presentation.csv").path, "--mapping", mapping, "--db", db,
                ]) as? Ingest
            )).run()
        for table in ["cbs-arbeidsmarkt/85276NED.csv", "cbs-vacatures/80472ned.csv"] {
            try await (try #require(try Krapte.parseAsRoot(["ingest", TestData.real(table).path, "--db", db]) as? Ingest)).run()
        }
        return db
    }

    static func output(_ arguments: [String]) async throws -> String {
        let db = try await store.value
        return try await (try #require(try Krapte.parseAsRoot(["targets"] + arguments + ["--db", db]) as? Targets)).output()
    }

    @Test func everyTargetIsShownWithItsStatusAndProjection() async throws {
        let text = try await Self.output([])
        #expect(text.contains("Meer dan 1 miljoen digitaal geschoolden in 2030, gemeten als ICT-specialisten: achter"))
        #expect(text.contains("Basis 2022: 685; laatste 2024: 684; doel 2030: 1.000 (lineair)"))
        #expect(text.contains("Benadering: Niet iedere digitaal geschoolde"))
        #expect(text.contains("Minder openstaande vacatures in de ICT-sector: 15 duizend eind 2030 (illustratief): voor"))
        #expect(text.contains("Projectie 2030 ("), "the projection names its model and says prognose")
        #expect(
            text.split(separator: "\n").filter { $0.contains("Projectie") }.allSatisfy { $0.contains(", prognose)") && $0.contains("95%-interval") }
        )
        #expect(text.contains("Bron: Eurostat"))
        #expect(text.contains("Doelen zonder gegevens in Krapte:\nKlimaat- en energiedoelen"))
        let json = try await Self.output(["--id", "vacatures-ict-sector", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let target = try #require((object["targets"] as? [[String: Any]])?.first)
        let series = try #require((target["series"] as? [[String: Any]])?.first)
        #expect(series["status"] as? String == "voor")
        #expect((series["projection"] as? [String: Any])?["status"] as? String == "prognose")
    }

    @Test func aWrongFileOrIdIsNamed() async throws {
        let file = try TestData.file("doelen.json", #"{ "targets": [ { "id": "X y" } ] }"#)
        await #expect {
            _ = try await Self.output(["--file", file.path])
        } throws: { error in
            "\(error)".contains("doelen.json: targets[0]")
        }
        await #expect {
            _ = try await Self.output(["--id", "onbekend"])
        } throws: { error in
            "\(error)".contains("er is geen doel 'onbekend'")
        }
        // The server refuses the same file before it listens, naming the file and the place in it.
        let db = try await Self.store.value
        let serve = try #require(try Krapte.parseAsRoot(["serve", "--targets", file.path, "--db", db, "--port", "18099"]) as? Serve)
        await #expect {
            try await serve.run()
        } throws: { error in
            "\(error)".contains("doelen.json: targets[0]")
        }
    }
}
