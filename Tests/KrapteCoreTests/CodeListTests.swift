import KrapteCore
import Testing

@Suite struct CodeListTests {
    @Test func brcHasTheCBSStructure() {
        let members = BuiltInCodeLists.brc2014.members
        #expect(members.filter { $0.code.count == 2 }.count == 13)
        #expect(members.filter { $0.code.count == 3 }.count == 41)
        #expect(members.filter { $0.code.count == 4 }.count == 114)
    }

    @Test func regionsHaveProvincesAndThirtyFiveRegionsIn2024() {
        let regions = BuiltInCodeLists.regions.members
        #expect(regions.filter { $0.code.hasPrefix("PV") && $0.code != "PV99" }.count == 12)
        #expect(regions.filter { $0.code.hasPrefix("AM") && $0.code != "AM99" && $0.isValid(in: 2024) }.count == 35)
        #expect(BuiltInCodeLists.regions.member(code: "AM04")?.isValid(in: 2015) == true)
        #expect(BuiltInCodeLists.regions.member(code: "AM04")?.isValid(in: 2016) == false)
    }

    @Test(arguments: [
        ("A-U Alle economische activiteiten", "A-U"), ("T001081", "A-U"), ("J Informatie en communicatie", "J"), ("J", "J"),
        ("47 Detailhandel (niet in auto's)", "47"), ("Bedrijfsgrootte: 0 tot 10 werkzame pe...", "GK0-10"),
    ])
    func resolvesSectors(text: String, code: String) {
        let lists = BuiltInCodeLists.lists(forDimension: "Bedrijfskenmerken").lists
        let found = lists.lazy.compactMap { list -> String? in
            if case .found(let m) = list.resolve(text) { return m.code }
            return nil
        }.first
        #expect(found == code)
    }

    @Test func resolvesTruncatedOccupationLabels() {
        // CBS truncates the same title differently in 85276NED and 85517NED.
        for label in ["013 Leidsters kinderopvang en onderwi.", "013 Leidsters kinderopvang en onderw...", "013 Leidsters kinderopvang..."] {
            guard case .found(let m) = BuiltInCodeLists.brc2014.resolve(label) else {
                Issue.record("\(label) not found")
                continue
            }
            #expect(m.code == "013")
        }
        // Without the marks of truncation a label must match in full.
        #expect(BuiltInCodeLists.brc2014.resolve("013 Leidsters kinderopvang") == .notFound)
        #expect(BuiltInCodeLists.brc2014.resolve("013 Vrachtwagenchauffeurs...") == .notFound)
    }

    @Test func anAmbiguousNameIsNotGuessed() {
        // "Groningen" is both the province and the arbeidsmarktregio.
        guard case .ambiguous(let codes) = BuiltInCodeLists.regions.resolve("Groningen") else {
            Issue.record("expected ambiguous")
            return
        }
        #expect(Set(codes) == ["PV20", "AM01"])
        #expect(BuiltInCodeLists.regions.resolve("Groningen (PV)") == .found(BuiltInCodeLists.regions.member(code: "PV20")!))
    }
}
