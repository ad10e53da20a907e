import Foundation
import KrapteCore
import KrapteSQLite
import KrapteTesting
import Testing

@testable import KrapteCLI

/// `krapte remove`: nothing without `--yes`, then exactly the vintage or dataset named.
@Suite struct RemoveTests {
    @Test func removesOnlyWithYesAndOnlyWhatItNames() async throws {
        let db = try TestData.temporaryFolder().appendingPathComponent("k.sqlite").path
        let header = "ID;Bedrijfskenmerken;Perioden;OpenstaandeVacatures_1\n"
        let first = try TestData.file("80472ned.csv", header + "0;A-U Alle economische activiteiten;2024 1e kwartaal;10.5\n")
        try await BadInputTests.run(["ingest", first.path, "--db", db])
        let second = try TestData.file("80472ned.csv", header + "0;A-U Alle economische activiteiten;2024 1e kwartaal;11.5\n")
        try await BadInputTests.run(["ingest", second.path, "--db", db])
        let store = try SQLiteStore(path: db)
        try await BadInputTests.run(["remove", "80472ned", "--vintage", "2", "--db", db])
        #expect(try await store.vintages(of: "80472ned").map(\.id) == [1, 2])
        await #expect(throws: CLIError.self) { try await BadInputTests.run(["remove", "80472ned", "--vintage", "7", "--yes", "--db", db]) }
        await #expect(throws: CLIError.self) { try await BadInputTests.run(["remove", "geen", "--yes", "--db", db]) }
        try await BadInputTests.run(["remove", "80472ned", "--vintage", "2", "--yes", "--db", db])
        #expect(try await store.vintages(of: "80472ned").map(\.id) == [1])
        try await BadInputTests.run(["remove", "80472ned", "--yes", "--db", db])
        #expect(try await store.datasets().isEmpty)
    }

    @Test func describesWhatItRemovesInDutch() {
        let vintage = Vintage(
            id: 3,
            dataset: "80472ned",
            publishedAt: nil,
            loadedAt: Date(timeIntervalSince1970: 0),
            source: Source(publisher: "CBS", location: "80472ned.csv"),
            format: "cbs-csv",
            fingerprint: "",
            observationCount: 12_345
        )
        #expect(Remove.describe([vintage], of: "80472ned", whole: false).description == "versie 3 van 80472ned (12.345 observaties)")
        #expect(
            Remove.describe([vintage, vintage], of: "80472ned", whole: true).description == "dataset 80472ned met alle 2 versies (24.690 observaties)"
        )
    }
}
