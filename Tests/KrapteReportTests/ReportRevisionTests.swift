import Foundation
import KrapteCore
import KrapteIngest
import KrapteReport
import KrapteSQLite
import KrapteTesting
import Testing

/// A report built as it was on a past date (`--as-of`), and what changed since (`report diff`, `{{herzieningen}}`),
/// on two releases of the real 80472ned table: the second revises 2024 4e kwartaal and adds 2025 1e kwartaal.
@Suite(.serialized) struct ReportRevisionTests {
    static let first = Date(timeIntervalSince1970: 1_739_500_000)  // 14 February 2025
    static let second = Date(timeIntervalSince1970: 1_747_200_000)  // 14 May 2025

    /// 80472ned as published, then again with A-U 2024 4e kwartaal revised from 383,8 to 385,1 and a row for 2025 1e
    /// kwartaal.
    static func store() async throws -> SQLiteStore {
        let store = try SQLiteStore()
        _ = try await store.load(try await TestData.readRealTable("cbs-vacatures/80472ned.csv"), loadedAt: first)
        let text = try String(contentsOf: TestData.real("cbs-vacatures/80472ned.csv"), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let old = "138;A-U Alle economische activiteiten;2024 4e kwartaal;383.8;342.0;355.0"
        let index = try #require(lines.firstIndex { $0.hasPrefix(old) })
        lines[index] = lines[index].replacingOccurrences(of: ";383.8;", with: ";385.1;")
        lines.insert("139;A-U Alle economische activiteiten;2025 1e kwartaal;379.0;340.0;350.0", at: index + 1)
        let folder = try TestData.temporaryFolder()
        let revised = folder.appendingPathComponent("80472ned.csv")
        try lines.joined(separator: "\n").write(to: revised, atomically: true, encoding: .utf8)
        _ = try await store.load(try CBSCSVReader().read(revised).finish(file: revised.path), loadedAt: second)
        return store
    }

    static let source = """
        ---
        titel: Vacatures
        ---
        In het 4e kwartaal van 2024 stonden er {{waarde dataset=80472ned onderwerp=OpenstaandeVacatures_1 Bedrijfskenmerken=A-U periode=2024KW04}} vacatures open.
        {{zin dataset=80472ned onderwerp=OpenstaandeVacatures_1 Bedrijfskenmerken=A-U regel=niveau naam="het aantal openstaande vacatures"}}
        {{zin dataset=80472ned onderwerp=OpenstaandeVacatures_1 Bedrijfskenmerken="C Industrie" regel=niveau periode=2024KW04 naam="het aantal vacatures in de industrie"}}

        {{herzieningen sinds=2025-03-01}}
        """

    @Test func aReportIsBuiltFromTheReleasesOfADate() async throws {
        let store = try await Self.store()
        let source = try ReportSource.parse(Self.source, file: "vacatures.md")
        let then = try await ReportBuilder(store: store, asOf: ISO8601DateFormatter.day.date(from: "2025-03-01")).build(source)
        let now = try await ReportBuilder(store: store).build(source)
        #expect(then.results[0].plain == "383.800" && now.results[0].plain == "385.100")
        #expect(then.results[1].plain == "In het 4e kwartaal van 2024 was het aantal openstaande vacatures 383.800.")
        #expect(now.results[1].plain == "In het 1e kwartaal van 2025 was het aantal openstaande vacatures 379.000.")
        #expect(then.releases.map(\.vintage.id) == [1] && now.releases.map(\.vintage.id) == [2])
        await #expect {
            try await ReportBuilder(store: store, asOf: ISO8601DateFormatter.day.date(from: "2025-01-01")).build(source)
        } throws: { "\($0)".contains("80472ned had op 1 januari 2025 nog geen release") }
    }

    @Test func theDiffSaysWhatChangedAndWhy() async throws {
        let store = try await Self.store()
        let source = try ReportSource.parse(Self.source, file: "vacatures.md")
        let then = try await ReportBuilder(store: store, asOf: ISO8601DateFormatter.day.date(from: "2025-03-01")).build(source)
        let now = try await ReportBuilder(store: store).build(source)
        let diff = ReportDiff(from: then, to: now)
        // The revised value and the new period; the industry, not revised, is not listed.
        #expect(diff.changes.map(\.line) == [4, 5])
        let revised =
            "80472ned Openstaande vacatures (x 1 000), A-U Alle economische activiteiten: 2024 4e kwartaal herzien van 383,8 naar 385,1 (versie 1 werd versie 2)"
        #expect(diff.changes[0].reasons == [revised])
        #expect(
            diff.changes[1].reasons.contains(
                "80472ned Openstaande vacatures (x 1 000), A-U Alle economische activiteiten: 2025 1e kwartaal is nieuw (379)"
            )
        )
        #expect(diff.text.hasPrefix("regel 4 ({{waarde}}):\n  was: 383.800\n  nu:  385.100\n  - \(revised)"))
        // The report's own section.
        let html = ReportDocument.html(now)
        #expect(html.contains("Wat dit rapport zei op 1 maart 2025 en wat het nu zegt"))
        #expect(html.contains("<del>383.800</del> <ins>385.100</ins>"))
        // Nothing changed between two builds from the same releases.
        #expect(ReportDiff(from: now, to: now).changes.isEmpty)
        // A build's record, written and read back, gives the same diff as building again from its date.
        let record = try BuiltReport.Record(decoding: try then.record(asOf: ISO8601DateFormatter.day.date(from: "2025-03-01")).encoded())
        #expect(record.releases == ["80472ned": 1] && record.title == "Vacatures")
        #expect(ReportDiff(from: record.results, to: now.results).changes == diff.changes)
    }
}
