import Foundation
import Hummingbird
import KrapteCore
import KrapteIngest
import KrapteSQLite
import KrapteTesting
import Testing

/// The shipped key-figure sheet on real CBS tables reproduces the figures of seed 001 (ArbeidsmarktInZicht Utrecht,
/// December 2024) where the tables hold them, and shows a region what its data holds.
@Suite(.serialized) struct KeyFiguresRealDataTests {
    static func store() async throws -> SQLiteStore {
        let store = try SQLiteStore()
        for path in [
            "cbs-regionaal/85268NED.csv", "cbs-regionaal/86088NED.csv", "cbs-ziekteverzuim/80072ned.csv", "cbs-conjunctuur/85614NED.csv",
            "cbs-vacatures/80472ned.csv",
        ] {
            _ = try await store.load(try await TestData.readRealTable(path), loadedAt: Date())
        }
        return store
    }

    /// The value of the card titled `title` on a page, as shown.
    static func card(_ html: String, _ title: String) -> String? {
        guard let start = html.range(of: "<h3>\(title)</h3>") else { return nil }
        let rest = html[start.upperBound...]
        return rest.firstMatch(of: /<span class="value">([^<]*)<\/span>/).map { String($0.1) }
    }

    @Test func seed001FiguresOnTheSheet() async throws {
        let store = try await Self.store()
        let (status, utrecht, _) = try await PageTests.get(store, "/kerncijfers?regio=PV26&periode=2024KW03")
        #expect(status == .ok)
        #expect(Self.card(utrecht, "Werkloosheid") == "3,5%")
        #expect(utrecht.contains("De laatste cijfers tot en met 2024 3e kwartaal."))
        let (_, nederland, _) = try await PageTests.get(store, "/kerncijfers?regio=NL01&periode=2024KW03")
        #expect(Self.card(nederland, "Werkloosheid") == "3,7%")
        let (_, spring, _) = try await PageTests.get(store, "/kerncijfers?regio=PV26&periode=2024KW02")
        #expect(Self.card(spring, "Ziekteverzuim") == "5,1%")
        let (_, april, _) = try await PageTests.get(store, "/kerncijfers?regio=PV26&periode=2024MM04")
        #expect(Self.card(april, "Ondernemersvertrouwen") == "-2,2")
        // Thousands as people write them.
        #expect(Self.card(utrecht, "Openstaande vacatures")?.hasSuffix(".000") == false)
        #expect(Self.card(utrecht, "Openstaande vacatures")?.contains(".") == true)
    }

    /// The provinces and arbeidsmarktregio's to choose from, Utrecht by default; an arbeidsmarktregio gets the yearly
    /// figures of 86088NED and a note for the quarterly ones its data does not hold; no choice is empty.
    @Test func eachRegionShowsWhatItsDataHolds() async throws {
        let store = try await Self.store()
        let (_, html, _) = try await PageTests.get(store, "/kerncijfers")
        #expect(html.contains("<title>Kerncijfers arbeidsmarkt: Utrecht (PV) · Krapte</title>"))
        let options = html.matches(of: /<option value="([^"]+)"/).map { String($0.1) }
        #expect(options.first == "NL01" && options.contains("PV26") && options.contains("AM13"))
        #expect(!options.contains { $0.hasPrefix("gemeente-") || $0.hasPrefix("CR") || $0.hasPrefix("LD") })
        let (status, region, _) = try await PageTests.get(store, "/kerncijfers?regio=AM13")
        #expect(status == .ok)
        #expect(Self.card(region, "Werkloosheid (jaarcijfer)") != nil)
        #expect(region.contains("85268NED heeft geen cijfers voor Midden-Utrecht (AM) (wel voor Nederland, landsdelen, provincies en gemeenten)"))
        #expect(!region.contains("niet goed of slecht"))
    }
}
