import Foundation
import KrapteCore
import KrapteIngest
import KrapteSQLite
import KrapteTesting
import Testing

/// Every real table in `../shared/data/real` loads as it is, without `--new-members`: region names by their level,
/// CBS's aggregate labels, a table of one period, and a Eurostat panel that writes missing values as `NA`. The
/// figures of seed 001 that these tables hold come out as published.
@Suite struct RealTablesTests {
    /// The CBS CSV dumps, by path under `../shared/data/real`.
    static let cbsTables = TestData.realCBSTables

    @Test func theCBSTablesAreFound() {
        #expect(Self.cbsTables.count >= 22, "\(Self.cbsTables)")
    }

    @Test(arguments: cbsTables) func loadsWithoutNewMembers(_ path: String) async throws {
        let release = try await TestData.readRealTable(path)
        let dataset = release.dataset
        #expect(release.observationCount > 0)
        // The catalogue knows every real table: a title in words and a unit for every measure.
        #expect(dataset.title != dataset.id, "\(path)")
        #expect(dataset.measures.allSatisfy { !$0.unit.isEmpty }, "\(path)")
        // A dimension with a code list holds members of that list, and regions only listed ones or gemeenten.
        for d in dataset.dimensions where d.codeList != nil {
            let lists = BuiltInCodeLists.lists(forDimension: d.code).lists
            for m in d.members where !lists.contains(where: { $0.member(code: m.code) != nil }) {
                #expect(d.kind == .geography && m.code.hasPrefix("gemeente-"), "\(path): \(d.code) \(m.code) \(m.label)")
            }
        }
    }

    /// 86088NED names gemeente Amersfoort and arbeidsmarktregio Amersfoort (AM) side by side; each is its own region.
    @Test func regionNamesAreReadByTheirLevel() async throws {
        let dataset = try await TestData.readRealTable("cbs-regionaal/86088NED.csv").dataset
        let regions = try #require(dataset.dimensions.first { $0.code == "RegioS" })
        #expect(regions.members.count == 435)
        func code(_ label: String) -> String? { regions.members.first { $0.label == label }?.code }
        #expect(code("Amersfoort") == "gemeente-amersfoort")
        #expect(code("Amersfoort (AM)") == "AM14")
        #expect(code("Utrecht (gemeente)") == "gemeente-utrecht")
        #expect(code("Utrecht (PV)") == "PV26")
        #expect(code("Utrecht (CR)") == "CR17")
        #expect(code("Noord-Nederland (LD)") == "LD01")
        // AM06 under its name of 2024 (the code list has the older name as its label).
        #expect(regions.members.contains { $0.code == "AM06" })
        #expect(regions.members.first { $0.code == "CR17" }?.parent == "PV26")
    }

    @Test func aSuffixMustNameItsLevel() throws {
        let url = try TestData.file("12345NED.csv", "ID;RegioS;Perioden;Waarde_1\n0;Nederland;2024;1\n1;Utrecht (AM);2024;2\n")
        #expect {
            try CBSCSVReader().read(url)
        } throws: { error in
            let e = error as? IngestError
            return e?.row == 3 && e?.column == "RegioS" && e?.message.english.contains("names no arbeidsmarktregio") == true
        }
    }

    @Test func levelsOfRegions() {
        #expect(RegionLevel.split("Utrecht (PV)") == ("Utrecht", .provincie))
        #expect(RegionLevel.split("'s-Gravenhage (gemeente)") == ("'s-Gravenhage", .gemeente))
        #expect(RegionLevel.split("Amersfoort") == ("Amersfoort", nil))
        #expect(RegionLevel(code: "AM14") == .arbeidsmarktregio && RegionLevel(code: "CR01") == .corop && RegionLevel(code: "X1") == nil)
        #expect(RegionLevel(code: "gemeente-amersfoort") == .gemeente)
    }

    /// A table of one period without a Perioden column gets its period from the catalogue.
    @Test func aTableOfOnePeriodGetsItsPeriod() async throws {
        let series = try await TestData.readRealTable("cbs-ict-gebruik/86075NED.csv").allSeries()
        let year = try #require(Period(code: "2024JJ00"))
        #expect(!series.isEmpty && series.allSatisfy { s in s.data.periods.allSatisfy { Period(storageKey: $0) == year } })
    }

    /// The Eurostat panel loads with the example mapping: codes with their labels from another column, `NA` kept
    /// as a value that is not available.
    @Test func theEurostatPanelLoadsWithItsMapping() async throws {
        let mapping = TestData.root.appendingPathComponent("Examples/eurostat-ict-specialisten/mapping.json")
        let url = TestData.real("eurostat-ict-specialisten/panel_annual_presentation.csv")
        let release = try TidyCSVReader(mapping: try TidyMapping.load(mapping)).read(url, mappingFile: mapping.path)
        let countries = try #require(release.dataset.dimensions.first)
        #expect(countries.members.first { $0.code == "NL" }?.label == "Netherlands")
        let store = try SQLiteStore()
        _ = try await store.load(try release.finish(file: url.path), loadedAt: Date())
        let share = try await store.rows(of: "eurostat-ict-specialisten", "ict_share_pc_emp", where: ["Land": "NL"], period: "2024JJ00")
        #expect(share.map(\.value) == [7.0])
        let missing = try await store.rows(of: "eurostat-ict-specialisten", "wbl_exposure_share", where: ["Land": "AT"], period: "2014JJ00")
        #expect(missing.count == 1 && missing.first?.value == nil && missing.first?.attribute == .notAvailable)
    }

    /// Seed 001 (ArbeidsmarktInZicht, December 2024) from the real tables: werkloosheid 3,5% in Utrecht and 3,7% in
    /// Nederland (2024 3e kwartaal), ziekteverzuim 5,1% (2024 2e kwartaal), ondernemersvertrouwen Utrecht -2,2.
    @Test func seed001FiguresComeOutOfTheRealTables() async throws {
        let store = try SQLiteStore()
        for path in ["cbs-regionaal/85268NED.csv", "cbs-ziekteverzuim/80072ned.csv", "cbs-conjunctuur/85614NED.csv"] {
            _ = try await store.load(try await TestData.readRealTable(path), loadedAt: Date())
        }
        func value(_ dataset: String, _ measure: String, _ filters: [String: String], _ period: String) async throws -> Double? {
            let rows = try await store.rows(of: dataset, measure, where: filters, period: period)
            return rows.count == 1 ? rows.first?.value : nil
        }
        #expect(try await value("85268NED", "Werkloosheidspercentage_13", ["RegioS": "PV26"], "2024KW03") == 3.5)
        #expect(try await value("85268NED", "Werkloosheidspercentage_13", ["RegioS": "NL01"], "2024KW03") == 3.7)
        #expect(try await value("80072ned", "Ziekteverzuimpercentage_1", ["BedrijfskenmerkenSBI2008": "A-U"], "2024KW02") == 5.1)
        #expect(
            try await value(
                "85614NED",
                "Ondernemersvertrouwen_1",
                ["RegioS": "PV26", "SectorBranchesSBI2008": "A-U-ex-D-E-K", "Marges": "MW00000"],
                "2024MM04"
            ) == -2.2
        )
    }
}
