import ArgumentParser
import Foundation
import KrapteCore
import KrapteIngest
import KrapteSQLite
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
        #expect(query.query().filters.first?.members == ["A-U", "C"])
        #expect(query.query().periods?.description == "2022KW01..2022KW04")
        #expect(query.format == .csv)
    }

    @Test(arguments: [
        ["query", "x", "--measure", "m", "--where", "nodimension"], ["query", "x", "--measure", "m", "--period", "2024Q4"],
        ["query", "x", "--measure", "m", "--as-of", "gisteren"], ["ingest", "f.csv", "--published", "2024-13-45"],
        ["compute"], ["compute", "x", "--all"], ["compute", "x", "--period", "KW4"], ["demo", "--cube-size", "93x36"],
        ["demo", "--cube-size", "0x1x1"], ["serve", "--port", "70000"], ["serve", "--port", "http"],
    ])
    func rejectsBadOptions(arguments: [String]) {
        #expect(throws: (any Error).self) { try Krapte.parseAsRoot(arguments) }
    }

    @Test func demoThenQueryThroughTheCommands() async throws {
        let db = try TestData.temporaryFolder().appendingPathComponent("k.sqlite").path
        let demo = try #require(try Krapte.parseAsRoot(["demo", "--db", db]) as? Demo)
        try await demo.run()
        let query = try #require(
            try Krapte.parseAsRoot([
                "query", "demo-vacatures", "--measure", "OpenstaandeVacatures", "--where", "Bedrijfskenmerken=J", "--period", "2024KW04", "--db", db,
            ]) as? Query
        )
        let result = try await query.store.open().query(query.query())
        #expect(result.rows.map(\.value) == [18.1])
        #expect(Query.render(result, format: .table).contains("18,1"))
        #expect(Query.render(result, format: .csv).contains("J,J Informatie en communicatie,2024KW04,18.1,definitief,"))
        // A dataset of one measure needs no --measure; one of several names them.
        let db2 = try await query.store.open()
        #expect(try await Query.measure(nil, of: "demo-vacatures", in: db2) == "OpenstaandeVacatures")
        let several = await #expect(throws: CLIError.self) { try await Query.measure(nil, of: "demo-spanning", in: db2) }
        #expect(several?.description.contains("kies er een met --measure") == true, "\(String(describing: several))")
        let ingest = try #require(try Krapte.parseAsRoot(["ingest", "/nonexistent.csv", "--db", db]) as? Ingest)
        await #expect(throws: CLIError.self) { try await ingest.run() }
    }

    /// A command that reads refuses a database file that does not exist, saying so, and creates none: a mistyped
    /// `--db` is not a new, empty store.
    @Test(arguments: [
        ["datasets"], ["show", "80472ned"], ["query", "80472ned", "--measure", "m"], ["compute", "--all"], ["remove", "80472ned", "--yes"],
    ])
    func aReadCommandRefusesADatabaseThatDoesNotExist(arguments: [String]) async throws {
        let db = try TestData.temporaryFolder().appendingPathComponent("typo.sqlite").path
        guard var command = try Krapte.parseAsRoot(arguments + ["--db", db]) as? any AsyncParsableCommand else {
            Issue.record("not an async command")
            return
        }
        let error = await #expect(throws: CLIError.self) { try await command.run() }
        #expect(error?.description.contains("bestaat niet") == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// `--lang en` (anywhere among the arguments) or `KRAPTE_LANG` turns the messages and tables into English.
    @Test func theCommandLineSpeaksTheLanguageAskedFor() async throws {
        let (english, rest) = Krapte.language(in: ["show", "80472ned", "--lang", "en", "--db", "x.sqlite"])
        #expect(english == .en && rest == ["show", "80472ned", "--db", "x.sqlite"])
        #expect(Krapte.language(in: ["--lang=en", "datasets"]) == (.en, ["datasets"]))
        #expect(Krapte.language(in: ["datasets"]).0 == Language.chosen(nil, environment: ProcessInfo.processInfo.environment))
        let db = try TestData.temporaryFolder().appendingPathComponent("typo.sqlite").path
        let command = try #require(try Krapte.parseAsRoot(["show", "80472ned", "--db", db]) as? Show)
        let said = await Output.$language.withValue(.en) { () async -> String in
            do {
                try await command.run()
                return ""
            } catch {
                return String(describing: error)
            }
        }
        #expect(said.hasPrefix("the database '\(db)' does not exist; give the path of an existing database"), "\(said)")
        let store = try SQLiteStore()
        for release in try DemoData.releases() { _ = try await store.load(release, loadedAt: Date()) }
        let table = try await store.query(
            ObservationQuery(dataset: "demo-vacatures", measure: "OpenstaandeVacatures", periods: PeriodRange(parsing: "2024KW04..2024KW04"))
        )
        let rendered = Output.$language.withValue(.en) { Query.render(table, format: .table) }
        #expect(rendered.contains("2024 4th quarter") && rendered.contains("Unit: x 1 000. Source: CBS (demo-vacatures, version"), "\(rendered)")
        #expect(Query.render(table, format: .table).contains("2024 4e kwartaal"))
    }

    @Test func surveyEstimateAndCompareWriteTheirColumns() async throws {
        let folder = try TestData.temporaryFolder()
        let demo = try #require(try Krapte.parseAsRoot(["demo", "--survey-respondents", "800", "--survey-folder", folder.path]) as? Demo)
        try await demo.run()
        let files = ["--design", "design.json", "--responses", "responses.csv", "--population", "population.csv"].enumerated().map {
            $0.offset % 2 == 1 ? folder.appendingPathComponent($0.element).path : $0.element
        }
        let estimates = folder.appendingPathComponent("estimates.csv")
        let estimate = try #require(try Krapte.parseAsRoot(["survey", "estimate"] + files + ["--out", estimates.path]) as? Survey.Estimate)
        try await estimate.run()
        let lines = try String(contentsOf: estimates, encoding: .utf8).split(separator: "\n")
        #expect(
            lines[0]
                == "wave,question,domain_type,domain,category,share,se,ci_low,ci_high,se_nofpc,ci_low_nofpc,ci_high_nofpc,n_domain,n_category,weighted_n_domain,weighted_n_category,se_weighted_n_category"
        )
        #expect(lines.count == 1 + 2 * 16 * 68)
        let db = folder.appendingPathComponent("k.sqlite").path
        let stored = try #require(try Krapte.parseAsRoot(["survey", "estimate"] + files + ["--store", "--db", db]) as? Survey.Estimate)
        try await stored.run()
        let dataset = try await SQLiteStore(path: db).metadata(of: "werkgeversenquete-synthetisch", vintage: 1)
        #expect(
            dataset.dimensions.map(\.code) == ["Vraag", "sector", "size_class", "Antwoord"] && dataset.source.publisher == "Krapte (illustratief)"
        )
        #expect(dataset.dimensions[1].member(named: "J")?.label == "Informatie en communicatie")
        let comparisons = folder.appendingPathComponent("compare.csv")
        let compare = try #require(
            try Krapte.parseAsRoot(["survey", "compare"] + files + ["--waves", "2024,2025", "--out", comparisons.path]) as? Survey.Compare
        )
        try await compare.run()
        let compared = try String(contentsOf: comparisons, encoding: .utf8).split(separator: "\n")
        #expect(
            compared[0].hasPrefix("question,domain_type,domain,category,share_2024,share_2025,change,se_change,") && compared.count == 1 + 16 * 68
        )
        let tableFile = folder.appendingPathComponent("table.txt")
        let table = try #require(
            try Krapte.parseAsRoot(["survey", "table"] + files + ["--question", "q_krapte", "--sorted", "sector", "--out", tableFile.path])
                as? Survey.Table
        )
        try await table.run()
        let text = try String(contentsOf: tableFile, encoding: .utf8)
        #expect(text.contains("2025") && text.contains("Totaal") && text.contains("x: te weinig respondenten"))
        let named = try #require(
            try Krapte.parseAsRoot(["survey", "table"] + files + ["--table", "krapte", "--format", "csv", "--out", tableFile.path]) as? Survey.Table
        )
        try await named.run()
        let csv = try String(contentsOf: tableFile, encoding: .utf8).split(separator: "\n")
        #expect(csv[0] == "group_type,group,2025 Moeilijk vervulbare vacatures,2024 Moeilijk vervulbare vacatures")
        #expect(csv[2].hasPrefix("size_class,1 t/m 9 werkzame personen,") && csv[4].hasPrefix("size_class,50+ werkzame personen,"))
        let unknown = try #require(try Krapte.parseAsRoot(["survey", "table"] + files + ["--table", "figuur99"]) as? Survey.Table)
        await #expect(throws: CLIError.self) { try await unknown.run() }
        let wrong = try #require(try Krapte.parseAsRoot(["survey", "compare"] + files + ["--waves", "2023,2025"]) as? Survey.Compare)
        await #expect(throws: CLIError.self) { try await wrong.run() }
        let missing = try #require(
            try Krapte.parseAsRoot(["survey", "estimate", "--design", "/nonexistent.json", "--responses", "r", "--population", "p"])
                as? Survey.Estimate
        )
        await #expect(throws: CLIError.self) { try await missing.run() }
    }

    /// `krapte survey estimate --store` with a bad file, or with estimates that cannot be a dataset, names the place
    /// and stores nothing.
    @Test func surveyStoreRefusesBadInputAndStoresNothing() async throws {
        let folder = try TestData.temporaryFolder()
        func write(_ name: String, _ text: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
        let design = try write(
            "design.json",
            #"{"dataset": "e", "strata": ["sector"], "minimumRespondents": 1, "questions": [{"name": "q", "categories": ["Ja", "Nee"]}]}"#
        )
        let db = folder.appendingPathComponent("k.sqlite").path
        func run(wave: String, answer: String) async throws -> String? {
            let population = try write("population.csv", "wave,sector,N\n\(wave),C,10\n")
            let responses = try write("responses.csv", "id,wave,sector,q\n1,\(wave),C,Ja\n2,\(wave),C,\(answer)\n")
            let command = try #require(
                try Krapte.parseAsRoot([
                    "survey", "estimate", "--design", design, "--responses", responses, "--population", population, "--store", "--db", db,
                ]) as? Survey.Estimate
            )
            do {
                try await command.run()
                return nil
            } catch let error as CLIError {
                return error.description
            }
        }
        let notAYear = try await run(wave: "voorjaar", answer: "Nee")
        #expect(notAYear?.hasPrefix("responses.csv, kolom wave: meting 'voorjaar' is geen jaar") == true, "\(notAYear ?? "")")
        let badAnswer = try await run(wave: "2025", answer: "Misschien")
        #expect(badAnswer?.hasPrefix("responses.csv, rij 3, kolom q") == true, "\(badAnswer ?? "")")
        #expect(try await SQLiteStore(path: db).datasets().isEmpty)
        #expect(try await run(wave: "2025", answer: "Nee") == nil)
        #expect(try await SQLiteStore(path: db).datasets().map(\.id) == ["e"])
    }

    @Test func computeStoresAndShowsAnIndicatorWithItsInputs() async throws {
        let folder = try TestData.temporaryFolder()
        let db = folder.appendingPathComponent("k.sqlite").path
        let demo = try #require(try Krapte.parseAsRoot(["demo", "--db", db]) as? Demo)
        try await demo.run()
        let store = try SQLiteStore(path: db)
        // The demo computes the shipped indicators whose inputs it has.
        let ids = try await store.datasets().map(\.id)
        #expect(ids.contains("spanningsindicator") && ids.contains("faillissementen-jaarmutatie") && !ids.contains("arbeidsproductiviteit-groei"))
        let rows = try await store.query(
            ObservationQuery(
                dataset: "faillissementen-jaarmutatie",
                measure: "faillissementen-jaarmutatie",
                filters: [.init(dimension: "Groep", members: ["Informatie en communicatie"])]
            )
        ).rows
        #expect(rows.map { $0.value.map { Int($0.rounded()) } } == [65, 35])  // 72 -> 119 -> 161
        #expect(rows.last?.inputs == [Period.year(2023)!, Period.year(2024)!])
        let compute = try #require(
            try Krapte.parseAsRoot([
                "compute", "spanningsindicator", "--where", "Beroep=0811", "--where", "RegioS=AM13", "--period", "2024KW04", "--format", "csv",
                "--db", db,
            ]) as? Compute
        )
        try await compute.run()
        let definitions = folder.appendingPathComponent("mine.json")
        try Data(
            #"{"indicators": [{"id": "x", "operation": "ratio", "inputs": {"numerator": {"dataset": "demo-spanning", "measure": "Vacatures"}}}]}"#
                .utf8
        )
        .write(to: definitions)
        let wrong = try #require(try Krapte.parseAsRoot(["compute", "x", "--definitions", definitions.path, "--db", db]) as? Compute)
        let error = await #expect(throws: CLIError.self) { try await wrong.run() }
        #expect(
            error?.description.contains(
                "mine.json: indicators[0] (x) inputs: ratio vraagt een invoer 'denominator'; geef als invoer numerator en denominator"
            ) == true
        )
    }
}
