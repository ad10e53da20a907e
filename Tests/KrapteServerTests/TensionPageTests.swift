import Foundation
import Hummingbird
import HummingbirdTesting
import KrapteCore
import KrapteRender
import KrapteTesting
import Testing

/// The spanningsindicator dashboard over the demo store: Nederland and every arbeidsmarktregio on a map, the
/// occupations of each BRC level with the counts behind the ratio, sortable, and a page per occupation.
@Suite struct TensionPageTests {
    /// The rows of the occupations' table: the name and the cells after it (vacancies, WW, spanningsindicator,
    /// typering, changes), as text.
    static func occupations(_ html: String) throws -> [(String, [String])] {
        let table = try #require(html.firstMatch(of: /<table id="beroepen">(?s:.*?)<\/table>/)).output
        return PageTests.table(String(table)).map { row in (row.1[0], Array(row.1.dropFirst())) }
    }

    /// A number as the page writes it (`1.234`, `0,85`, `-12%`).
    static func number(_ text: String) -> Double? {
        Double(text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "%", with: ""))
    }

    @Test func theMapShowsEveryRegionAndTheTableTheClassesWithTheirCounts() async throws {
        let store = try await DemoStore.make()
        let (status, html, _) = try await PageTests.get(store, "/spanningsindicator?regio=AM02&periode=2024KW03")
        #expect(status == .ok)
        let map = try #require(html.firstMatch(of: /<svg[^>]*class="map"(?s:.*?)<\/svg>/)).output
        #expect(map.matches(of: /<path id="AM\d\d"/).count == 35)
        // The demo store's small cube has a few regions; the others are drawn as having no figures.
        let regional = try await store.rows(
            of: "spanningsindicator-beroepen",
            "spanningsindicator-beroepen",
            where: ["Beroep": "totaal"],
            period: "2024KW03"
        )
        let computed = regional.filter { $0.members[1].code.hasPrefix("AM") }.count
        #expect(computed > 1 && computed < 35)
        #expect(
            map.matches(of: /<a href="\/spanningsindicator\?regio=AM\d\d&amp;beroep=totaal&amp;periode=2024KW03&amp;niveau=klasse"/).count == computed
        )
        #expect(map.matches(of: /: geen cijfers<\/title>/).count == 35 - computed && map.contains(">geen cijfers</text>"))
        #expect(map.contains("<title>Friesland (AM): ") && map.contains(##"stroke="#1A1A1A" stroke-width="2.5""##))
        // Each region's value on the map equals the one in the table beside it and the indicator's own figure.
        let friesland = try #require(regional.first { $0.members[1].code == "AM02" }?.value)
        let written = DutchNumberFormat.format(friesland, decimals: 2)
        #expect(map.contains("<title>Friesland (AM): \(written) ("))
        #expect(html.contains(#"aria-current="page">Friesland (AM)</a></th><td class="num">\#(written)</td>"#))
        #expect(html.contains("Bron kaart: CBS/PDOK."))
        // Nederland beside the region: summed over every occupation and region first, then divided.
        let national = try #require(regional.first { $0.members[1].code == "NL01" }?.value)
        #expect(html.contains("In heel Nederland was dat \(DutchNumberFormat.format(national, decimals: 1)) ("))
        let chart = try #require(html.firstMatch(of: /<svg[^>]*class="chart"(?s:.*?)<\/svg>/)).output
        #expect(chart.matches(of: /fill-opacity="0.16"/).count >= 2 && chart.contains(">gemiddeld</text>"))
        #expect(chart.contains(">Nederland</text>") && chart.contains(">Friesland (AM)</text>"))
        // The classes of the cube (01, 02, 03), each with the counts summed by hand from the groups under it.
        let rows = try Self.occupations(html)
        #expect(
            rows.map(\.0)
                == ["Pedagogische beroepen", "Creatieve en taalkundige beroepen", "Commerciële beroepen"].sorted { a, b in
                    let values = Dictionary(rows.map { ($0.0, Self.number($0.1[2]) ?? 0) }, uniquingKeysWith: { x, _ in x })
                    return (values[a] ?? 0) > (values[b] ?? 0)
                }
        )
        for (name, klasse) in [("Pedagogische beroepen", "01"), ("Creatieve en taalkundige beroepen", "02"), ("Commerciële beroepen", "03")] {
            var vacancies = 0.0
            var benefits = 0.0
            for group in try await store.rows(of: "demo-spanning", "OpenstaandeVacatures", where: ["RegioS": "AM02"], period: "2024KW03")
            where group.members[0].code.hasPrefix(klasse) {
                vacancies += try #require(group.value)
            }
            for group in try await store.rows(of: "demo-spanning", "WWKorterDan6Maanden", where: ["RegioS": "AM02"], period: "2024KW03")
            where group.members[0].code.hasPrefix(klasse) {
                benefits += try #require(group.value)
            }
            let row = try #require(rows.first { $0.0 == name }?.1)
            #expect(row[0] == DutchNumberFormat.format(vacancies, decimals: 0) && row[1] == DutchNumberFormat.format(benefits, decimals: 0))
            #expect(row[2] == DutchNumberFormat.format(vacancies / benefits, decimals: 2), "\(name): \(row)")
        }
        // The chart and the map download as SVG files with their source lines.
        try await APITests.app(store).test(.router) { client in
            for (name, source) in [("lijn.svg", "Spanningsindicator: openstaande vacatures"), ("kaart.svg", "Bron kaart: CBS/PDOK.")] {
                let response = try await client.execute(uri: "/spanningsindicator/\(name)?regio=AM02&beroep=01&periode=2024KW03", method: .get)
                #expect(response.status == .ok && response.headers[.contentType] == "image/svg+xml; charset=utf-8")
                #expect(String(buffer: response.body).hasPrefix("<?xml") && String(buffer: response.body).contains(source), "\(name)")
            }
            #expect(try await client.execute(uri: "/spanningsindicator/taart.svg", method: .get).status == .notFound)
        }
    }

    @Test func theTableSortsByAnyColumnAndLeadsDownTheHierarchy() async throws {
        let store = try await DemoStore.make()
        let (_, html, _) = try await PageTests.get(store, "/spanningsindicator?regio=AM02&periode=2024KW03&sorteer=vacatures&volgorde=op")
        let vacancies = try Self.occupations(html).map { Self.number($0.1[0]) ?? -1 }
        #expect(vacancies.count == 3 && vacancies == vacancies.sorted())
        #expect(
            html.contains(
                #"aria-sort="ascending"><a href="/spanningsindicator?regio=AM02&amp;beroep=totaal&amp;periode=2024KW03&amp;niveau=klasse&amp;sorteer=vacatures&amp;volgorde=af#beroepen">"#
            )
        )
        #expect(html.matches(of: /aria-sort=/).count == 1)
        // By name, A to Z in the BRC's order; without a column, tightest first.
        let (_, byName, _) = try await PageTests.get(store, "/spanningsindicator?regio=AM02&periode=2024KW03&sorteer=beroep")
        #expect(try Self.occupations(byName).map(\.0) == ["Pedagogische beroepen", "Creatieve en taalkundige beroepen", "Commerciële beroepen"])
        // An occupation's page: its segments in the table, the path back up, and the map of that occupation.
        let (status, klasse, _) = try await PageTests.get(store, "/spanningsindicator?regio=AM02&beroep=01&periode=2024KW03")
        #expect(status == .ok)
        #expect(klasse.contains("<caption>Beroepssegmenten van Pedagogische beroepen in Friesland (AM), 2024 3e kwartaal"))
        #expect(
            try Self.occupations(klasse).map(\.0).sorted() == ["Docenten", "Leidsters kinderopvang en onderwijsassistenten", "Sportinstructeurs"]
        )
        #expect(
            klasse.contains(
                #"<li><a href="/spanningsindicator?regio=AM02&amp;beroep=totaal&amp;periode=2024KW03&amp;niveau=klasse">Alle beroepen</a></li><li><span aria-current="page">Pedagogische beroepen</span>"#
            )
        )
        #expect(klasse.contains("<h1>Spanningsindicator Friesland (AM), Pedagogische beroepen</h1>"))
        let map = try #require(klasse.firstMatch(of: /<svg[^>]*class="map"(?s:.*?)<\/svg>/)).output
        #expect(map.contains("&amp;beroep=01&amp;"))
        // The groups of every class, when asked for, and a group's own page lists every group with it marked.
        let (_, groups, _) = try await PageTests.get(store, "/spanningsindicator?regio=AM02&niveau=groep&periode=2024KW03")
        #expect(try Self.occupations(groups).count == 16)
        #expect(groups.contains("<h2>Meest krap</h2>"))
        let (_, group, _) = try await PageTests.get(store, "/spanningsindicator?regio=NL01&beroep=0114&periode=2024KW03")
        #expect(try Self.occupations(group).count == 16 && group.contains(#"<tr class="selected"><td class="num">"#))
    }
}
