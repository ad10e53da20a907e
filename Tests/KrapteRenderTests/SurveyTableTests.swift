import Foundation
import KrapteCore
import KrapteRender
import KrapteTesting
import Testing

/// Figure 8 of seed 003 ("In welke mate wordt AI op dit moment gebruikt?", 2025 and 2024) rendered from estimates:
/// the shares published in `publications/ai-gebruik-nu.csv` as estimates, laid out as the figure is.
@Suite struct SurveyTableTests {
    static let snapshot = Snapshot(besides: #filePath)
    static let categories = ["In (zeer) hoge mate", "In redelijke mate", "Nauwelijks", "Helemaal niet"]

    /// The published figure as estimates. Its sectors are ordered by the unrounded 2025 share of the first
    /// category; the rounded shares tie, so each row gets a share smaller by 1e-9 than the one above it.
    static func estimates(suppressing: String? = nil) throws -> [SurveyRow] {
        let file = TestData.real.deletingLastPathComponent().appendingPathComponent("publications/ai-gebruik-nu.csv")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst()
        var rows: [SurveyRow] = []
        for (k, line) in lines.enumerated() {
            var fields = line.components(separatedBy: "\"")
            // A quoted group holds commas.
            let group = fields.count == 3 ? fields[1] : line.split(separator: ",")[2].description
            if fields.count == 3 { fields = [fields[0] + "G" + fields[2]] }
            let f = fields[0].split(separator: ",").map(String.init)
            let type = ["totaal": "overall", "grootteklasse": "size_class", "sector": "sector"][f[1]]!
            for (c, category) in categories.enumerated() {
                let share = Double(f[3 + c])! / 100 - Double(k) * 1e-9
                let estimate = ShareEstimate(
                    respondents: 100,
                    categoryRespondents: 0,
                    weightedRespondents: 0,
                    weightedCategory: SurveyEstimate(estimate: 0, se: 0, seNoFPC: 0),
                    share: SurveyEstimate(estimate: share, se: 0.01, seNoFPC: 0.01)
                )
                rows.append(
                    SurveyRow(
                        wave: f[0],
                        question: "ai_gebruik",
                        domainType: type,
                        domain: type == "overall" ? "totaal" : group,
                        category: category,
                        respondents: 100,
                        estimate: group == suppressing ? nil : estimate
                    )
                )
            }
        }
        return rows
    }

    // Size classes keep their order; sectors go by the first category, as in the figure.
    static let table = SurveyTable(
        question: "ai_gebruik",
        waves: ["2025", "2024"],
        categories: categories,
        sections: ["size_class", "sector"],
        sortsSections: [false, true]
    )

    @Test func figure8IsRenderedAsPublished() throws {
        let rows = try Self.estimates()
        let rendered = Self.table.rows(rows)
        #expect(rendered.map(\.count) == [1, 3, 15])
        #expect(rendered[0][0].label == "Totaal" && rendered[0][0].cells == ["7%", "25%", "34%", "34%", "3%", "13%", "23%", "60%"])
        #expect(rendered[1].map(\.label) == ["2 t/m 19 werkzame personen", "20 t/m 99 werkzame personen", "100+ werkzame personen"])
        #expect(rendered[2].map(\.label).prefix(3) == ["Informatie en communicatie", "Onderwijs", "Vervoer en opslag"])
        #expect(rendered[2].last?.label == "Bouw" && rendered[2].last?.cells == ["0%", "16%", "31%", "54%", "1%", "8%", "29%", "62%"])
        #expect(try Self.snapshot.mismatch(Self.table.text(rows), named: "figure8.txt") == nil)
        #expect(try Self.snapshot.mismatch(Self.table.csv(rows), named: "figure8.csv") == nil)
    }

    @Test func aSuppressedCellShowsNoShare() throws {
        let rows = try Self.estimates(suppressing: "Horeca")
        let horeca = try #require(Self.table.rows(rows)[2].first { $0.label == "Horeca" })
        #expect(horeca.cells.allSatisfy { $0 == SurveyTable.suppressed })
        let text = Self.table.text(rows)
        #expect(text.contains("x: te weinig respondenten"))
        #expect(!Self.table.csv(rows).contains("Horeca,3%"))
    }
}
