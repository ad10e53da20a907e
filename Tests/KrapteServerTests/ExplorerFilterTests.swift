import KrapteCore
import KrapteRender
import Testing

@testable import KrapteServer

/// A member list reads as its tree: each member indented by its depth under the parents the dimension holds.
@Suite struct ExplorerFilterTests {
    static let sectors = KrapteCore.Dimension(
        code: "SBI",
        title: "Bedrijfstak",
        kind: .classification,
        members: [
            Member(code: "A-U", label: "A-U Alle economische activiteiten"),
            Member(code: "B-F", label: "B-F Nijverheid en energie", parent: "A-U"),
            Member(code: "C", label: "C Industrie", parent: "B-F"),
            Member(code: "10", label: "10 Voedingsmiddelenindustrie", parent: "C"),
            Member(code: "X", label: "X Elders", parent: "Z-Z"),
        ]
    )

    @Test func membersAreIndentedUnderTheirParents() {
        #expect(ExplorerView.depths(Self.sectors.members) == ["A-U": 0, "B-F": 1, "C": 2, "10": 3, "X": 0])
        let filter = ExplorerView.filter(Self.sectors, chosen: [Self.sectors.members[0]], query: "", t: .dutch)
        let labels = filter.groups.flatMap(\.options).map(\.label)
        #expect(labels[2] == "\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}C Industrie" && labels[4] == "X Elders")
        #expect(!filter.searchable && filter.groups.count == 1 && filter.groups[0].label == nil)
    }

    @Test func aQueryNarrowsTheListButKeepsWhatIsChosen() {
        let filter = ExplorerView.filter(Self.sectors, chosen: [Self.sectors.members[0]], query: " industrie ", t: .dutch)
        #expect(filter.groups.flatMap(\.options).map(\.value) == ["A-U", "C", "10"] && filter.query == "industrie")
    }

    @Test func regionsAreGroupedByLevel() {
        let regions = KrapteCore.Dimension(
            code: "RegioS",
            title: "Regio's",
            kind: .geography,
            members: [
                Member(code: "NL01", label: "Nederland"), Member(code: "PV26", label: "Utrecht (PV)"),
                Member(code: "AM13", label: "Midden-Utrecht (AM)"), Member(code: "PV27", label: "Noord-Holland (PV)"),
            ]
        )
        let filter = ExplorerView.filter(regions, chosen: [], query: "", t: .english)
        #expect(filter.groups.map(\.label) == [nil, "Provinces", "Labour-market regions"])
        #expect(filter.groups[1].options.map(\.value) == ["PV26", "PV27"])
    }
}
