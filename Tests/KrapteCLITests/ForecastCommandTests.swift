import ArgumentParser
import Foundation
import KrapteCore
import KrapteTesting
import Testing

@testable import KrapteCLI

/// `krapte forecast` and `krapte forecast backtest` on the real vacancies table: every forecast printed or
/// exported with its status "prognose" and its intervals, refusals named per series.
@Suite struct ForecastCommandTests {
    /// A store with the real vacancies table, loaded once for the suite's tests.
    static let store = Task<String, any Error> {
        let db = try TestData.temporaryFolder().appendingPathComponent("k.sqlite").path
        let ingest = try #require(try Krapte.parseAsRoot(["ingest", TestData.real("cbs-vacatures/80472ned.csv").path, "--db", db]) as? Ingest)
        try await ingest.run()
        return db
    }

    static func loaded() async throws -> String { try await store.value }

    static func make(_ arguments: [String]) async throws -> String {
        let db = try await loaded()
        return try await (try #require(try Krapte.parseAsRoot(["forecast"] + arguments + ["--db", db]) as? Forecast.Make)).output()
    }

    @Test func everyForecastIsShownWithItsStatusAndIntervals() async throws {
        let table = try await Self.make(["80472ned", "--measure", "OpenstaandeVacatures_1", "--where", "Bedrijfskenmerken=J", "--horizon", "4"])
        #expect(table.contains("J Informatie en communicatie: ETS("))
        #expect(table.contains("80%-interval") && table.contains("95%-interval"))
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("2025 ") }
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.hasSuffix("prognose") && $0.contains(" – ") })
        #expect(table.contains("Bron: CBS (80472ned, versie 1); prognose: bewerking Krapte. Een prognose is geen waarneming"))

        let csv = try await Self.make([
            "80472ned", "--measure", "OpenstaandeVacatures_1", "--where", "Bedrijfskenmerken=J", "--horizon", "4", "--format", "csv",
        ])
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "Bedrijfskenmerken,periode,prognose,ondergrens80,bovengrens80,ondergrens95,bovengrens95,status,model")
        #expect(lines.dropFirst().count == 4 && lines.dropFirst().allSatisfy { $0.hasPrefix("J,2025KW0") && $0.contains(",prognose,\"ETS(") })

        let json = try await Self.make(["80472ned", "--measure", "OpenstaandeVacatures_1", "--where", "Bedrijfskenmerken=J", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "prognose")
        let series = try #require(object["series"] as? [[String: Any]])
        let steps = try #require((series.first?["forecast"] as? [String: Any])?["steps"] as? [[String: Any]])
        #expect(steps.count == 8 && steps.allSatisfy { $0["lower95"] is Double && $0["upper80"] is Double })
    }

    @Test func aShortSeriesIsRefusedByNameAndTheOthersStillForecast() async throws {
        let table = try await Self.make([
            "80472ned", "--measure", "OpenstaandeVacatures_1", "--where", "Bedrijfskenmerken=J", "--period", "2024KW01..2024KW04",
        ])
        #expect(table.contains("J Informatie en communicatie: geen prognose, de reeks heeft 4 waarnemingen en een prognose vraagt er minstens 7"))
        let naive = try await Self.make([
            "80472ned", "--measure", "OpenstaandeVacatures_1", "--where", "Bedrijfskenmerken=J", "--period", "2024KW01..2024KW04", "--method",
            "naive",
        ])
        #expect(naive.contains("J Informatie en communicatie: naïef, uit 4 waarnemingen (2024 1e kwartaal tot en met 2024 4e kwartaal)"))
    }

    /// A member whose label holds a comma is given by that label; a list of codes still splits at commas.
    @Test func aLabelWithACommaIsOneMember() async throws {
        let one = try await Self.make([
            "80472ned", "--measure", "OpenstaandeVacatures_1", "--where", "Bedrijfskenmerken=A Landbouw, bosbouw en visserij",
        ])
        #expect(one.contains("A Landbouw, bosbouw en visserij: ETS("))
        let two = try await Self.make(["80472ned", "--measure", "OpenstaandeVacatures_1", "--where", "Bedrijfskenmerken=A,J", "--horizon", "1"])
        #expect(two.contains("A Landbouw, bosbouw en visserij: ") && two.contains("J Informatie en communicatie: "))
        let db = try await Self.loaded()
        let query = try #require(
            try Krapte.parseAsRoot([
                "query", "80472ned", "--measure", "OpenstaandeVacatures_1", "--where", "Bedrijfskenmerken=A Landbouw, bosbouw en visserij", "--db",
                db,
            ])
                as? Query
        )
        try await query.run()
    }

    /// `--where DIM=` with nothing after the `=` is an error for that input (it used to stop the process).
    @Test func anEmptyMemberIsAnErrorNotACrash() async throws {
        await #expect(throws: (any Error).self) {
            _ = try await Self.make(["80472ned", "--measure", "OpenstaandeVacatures_1", "--where", "Bedrijfskenmerken="])
        }
        let db = try await Self.loaded()
        let query = try #require(
            try Krapte.parseAsRoot(["query", "80472ned", "--measure", "OpenstaandeVacatures_1", "--where", "Bedrijfskenmerken=", "--db", db])
                as? Query
        )
        await #expect(throws: (any Error).self) { try await query.run() }
    }

    @Test(arguments: [
        ["forecast", "x", "--method", "arima"], ["forecast", "x", "--frequency", "week"], ["forecast", "x", "--horizon", "0"],
        ["forecast", "backtest", "x", "--origins", "0"], ["forecast", "x", "--period", "gisteren"],
    ])
    func rejectsBadOptions(arguments: [String]) {
        #expect(throws: (any Error).self) { try Krapte.parseAsRoot(arguments) }
    }

    /// With an earlier release in the store (80472ned without 2024), its forecasts are held against the latest.
    @Test func theBacktestHoldsEarlierReleasesAgainstTheLatest() async throws {
        let folder = try TestData.temporaryFolder()
        let db = folder.appendingPathComponent("k.sqlite").path
        let full = try String(contentsOf: TestData.real("cbs-vacatures/80472ned.csv"), encoding: .utf8)
        let earlier = folder.appendingPathComponent("80472ned.csv")
        try full.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(";2024") }.joined(separator: "\n")
            .write(to: earlier, atomically: true, encoding: .utf8)
        for file in [earlier.path, TestData.real("cbs-vacatures/80472ned.csv").path] {
            try await (try #require(try Krapte.parseAsRoot(["ingest", file, "--db", db]) as? Ingest)).run()
        }
        let command = try #require(
            try Krapte.parseAsRoot([
                "forecast", "backtest", "80472ned", "--measure", "OpenstaandeVacatures_1", "--where", "Bedrijfskenmerken=J", "--horizon", "4",
                "--format", "csv", "--db", db,
            ]) as? Forecast.Backtest
        )
        let rows = try await command.output().split(separator: "\n").dropFirst()
        // The forecast from release 1, whose last quarter is 2023KW04, for the four quarters of 2024.
        #expect(
            rows.map { $0.split(separator: ",")[1...4].joined(separator: ",") } == [
                "2023KW04,1,2024KW01,1", "2023KW04,1,2024KW02,2", "2023KW04,1,2024KW03,3", "2023KW04,1,2024KW04,4",
            ]
        )
        #expect(rows.allSatisfy { $0.split(separator: ",")[8] != "nan" })
        let table = try #require(
            try Krapte.parseAsRoot([
                "forecast", "backtest", "80472ned", "--measure", "OpenstaandeVacatures_1", "--where", "Bedrijfskenmerken=J", "--horizon", "4", "--db",
                db,
            ]) as? Forecast.Backtest
        )
        let text = try await table.output()
        #expect(text.hasPrefix("Prognoses uit de eerdere publicatie in de database, getoetst aan de laatste publicatie."))
        #expect(
            text.contains(
                "De prognose van een jaar eerder voor 2024 4e kwartaal was 19,6, waargenomen is 18,1: de prognose zat er 8% naast (te hoog)."
            )
        )
    }

    @Test func theBacktestSaysHowTheForecastOfAYearAgoDid() async throws {
        let db = try await Self.loaded()
        let command = try #require(
            try Krapte.parseAsRoot([
                "forecast", "backtest", "80472ned", "--measure", "OpenstaandeVacatures_1", "--where", "Bedrijfskenmerken=J", "--horizon", "4",
                "--origins", "4", "--db", db,
            ]) as? Forecast.Backtest
        )
        let text = try await command.output()
        #expect(text.contains("Eén publicatie in de database: getoetst met een rollende oorsprong"))
        #expect(text.contains("J Informatie en communicatie: 10 prognoses getoetst, MASE "))
        #expect(text.contains("De prognose van een jaar eerder voor 2024 4e kwartaal was "))
    }
}
