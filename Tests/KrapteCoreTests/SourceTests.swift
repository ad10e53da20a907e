import Foundation
import KrapteCore
import Testing

/// Every figure names its source once: a computed dataset cites the published tables behind it, through every
/// indicator in between, with the publisher each really has; illustrative figures say so.
@Suite struct SourceTests {
    let cbs = Source(publisher: "CBS", location: "85880NED.csv", licence: "CC BY 4.0")
    let uwv = Source(publisher: "UWV", location: "uwv.csv", licence: "CC BY 4.0")

    @Test func aComputedDatasetCitesTheTablesBehindIt() {
        let growth = Source.computed(from: [cbs, cbs], inputs: ["85880NED", "85920NED"], location: "krapte compute groei")
        #expect(growth.citation == "Bron: CBS (85880NED, 85920NED); bewerking Krapte")
        #expect(growth.line(dataset: "groei", vintage: 7) == "Bron: CBS (85880NED, 85920NED); bewerking Krapte (groei, versie 7)")
        // An indicator computed from an indicator keeps CBS, and adds the table read directly.
        let chained = Source.computed(from: [growth, uwv], inputs: ["groei", "uwv-vacatures"], location: "krapte compute x")
        #expect(chained.citation == "Bron: CBS (85880NED, 85920NED), UWV (uwv-vacatures); bewerking Krapte")
        #expect(chained.origins.map(\.dataset) == ["85880NED", "85920NED", "uwv-vacatures"])
        #expect(chained.licence == "CC BY 4.0" && !chained.illustrative)
    }

    @Test func illustrativeFiguresSaySoThroughEveryStep() throws {
        let cube = Source(
            publisher: "Krapte (illustratief)",
            location: "krapte demo",
            citation: "Illustratief: gegenereerde cijfers, geen echte data",
            illustrative: true
        )
        let computed = Source.computed(from: [cube, cube], inputs: ["demo-spanning", "demo-spanning"], location: "krapte compute s")
        #expect(computed.illustrative && computed.citation.hasPrefix("Illustratief"))
        #expect(!computed.line(dataset: "s", vintage: 2).contains("Bron: Krapte"))
        // The flag and the origins survive the store's JSON; a source stored before them reads without.
        let decoded = try JSONDecoder().decode(Source.self, from: try JSONEncoder().encode(computed))
        #expect(decoded == computed)
        let old = try JSONDecoder().decode(Source.self, from: Data(#"{"publisher": "CBS", "location": "x.csv"}"#.utf8))
        #expect(!old.illustrative && old.origins.isEmpty && old.citation == "Bron: CBS")
    }
}

/// "Bedoelde u …?" for a mistyped dataset, measure or member; a member found by its label without its code.
@Suite struct SuggestionTests {
    @Test func theNearestNamesComeFirst() {
        #expect(Suggestions.nearest("80472nde", in: ["80590ned", "80472ned", "85224NED"]) == ["80472ned"])
        #expect(Suggestions.sentence("Industri", in: ["A Landbouw", "C Industrie"]).description == " Bedoelde u C Industrie?")
        #expect(Suggestions.sentence("zzzz", in: ["A Landbouw", "C Industrie"]).description.isEmpty)
        #expect(Suggestions.nearest("kiten", in: ["sitting", "kitten"]) == ["kitten"])
    }

    @Test func aMemberIsFoundByItsLabelAloneWhenThatIsUnambiguous() {
        let sectors = Dimension(
            code: "Bedrijfskenmerken",
            title: "Bedrijfskenmerken",
            members: [Member(code: "C", label: "C Industrie"), Member(code: "J", label: "J Informatie en communicatie")]
        )
        #expect(sectors.member(named: "Industrie")?.code == "C" && sectors.member(named: "informatie en communicatie")?.code == "J")
        let regions = Dimension(
            code: "RegioS",
            title: "Regio's",
            members: [Member(code: "PV26", label: "Utrecht (PV)"), Member(code: "gemeente-utrecht", label: "Utrecht (gemeente)")]
        )
        #expect(regions.member(named: "Utrecht") == nil)
        #expect(regions.member(named: "Utrecht (PV)")?.code == "PV26")
    }
}
