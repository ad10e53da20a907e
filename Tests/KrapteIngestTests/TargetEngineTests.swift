import Foundation
import KrapteCore
import KrapteIngest
import KrapteSQLite
import KrapteTesting
import Testing

/// The shipped targets over the real tables: each assessed from the data, the numbers as the tables give them, and a
/// selection that does not fit the store named by its target.
@Suite struct TargetEngineTests {
    static func store() async throws -> SQLiteStore {
        let store = try SQLiteStore(path: try TestData.temporaryFolder().appendingPathComponent("k.sqlite").path)
        let mapping = TestData.root.appendingPathComponent("Examples/eurostat-ict-specialisten/mapping.json")
        let panel = TestData.real("eurostat-ict-specialisten/panel_annual_presentation.csv")
        let release = try TidyCSVReader(mapping: try TidyMapping.load(mapping)).read(panel, mappingFile: mapping.path)
        _ = try await store.load(try release.finish(file: panel.path), loadedAt: Date())
        for table in ["cbs-arbeidsmarkt/85276NED.csv", "cbs-vacatures/80472ned.csv"] {
            _ = try await store.load(try await TestData.readRealTable(table), loadedAt: Date())
        }
        return store
    }

    @Test func theShippedTargetsAreAssessedFromTheRealTables() async throws {
        let engine = TargetEngine(store: try await Self.store(), targets: .shipped)
        let specialists = try await engine.assess(0)
        let p = try #require(specialists.progress.first)
        #expect(specialists.progress.count == 1 && p.members.isEmpty)
        #expect(p.baseline?.value == 685 && p.baseline?.period == Period.year(2022))
        #expect(p.latest?.value == 684 && p.latest?.period == Period.year(2024))
        #expect(p.pathValue == 763.75)  // 685 + 315 x 2/8
        #expect(p.status == .achter)
        #expect(specialists.input.dataset == "eurostat-ict-specialisten" && specialists.measure.unit == "x 1 000")
        let projection = try #require(p.projection)
        #expect(projection.period == Period.year(2030) && projection.chance < 0.5)

        let occupations = try #require(try await engine.assess(1).progress.first)
        #expect(occupations.baseline?.value == 552 && occupations.latest?.value == 547 && occupations.status == .achter)

        let vacancies = try #require(try await engine.assess(3).progress.first)
        #expect(vacancies.baseline?.value == 22.9 && vacancies.latest?.value == 18.1)
        #expect(!vacancies.rising && vacancies.status == .voor)
        #expect(vacancies.projection?.period == Period.quarter(2030, 4))
    }

    @Test func aSelectionThatDoesNotFitTheStoreNamesItsTarget() async throws {
        let json = TargetsFile.shippedJSON.replacingOccurrences(of: #""measure": "ict_employed_ths""#, with: #""measure": "bestaat_niet""#)
        let engine = TargetEngine(store: try await Self.store(), targets: try TargetsFile(decoding: Data(json.utf8), file: "doelen.json"))
        await #expect {
            _ = try await engine.assess(0)
        } throws: { error in
            "\(error)".hasPrefix("doelen.json: targets[0] (digitaal-geschoolden-ict-specialisten) indicator.measure")
                && "\(error)".contains("bestaat_niet")
        }
    }
}
