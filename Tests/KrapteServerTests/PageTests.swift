import Foundation
import Hummingbird
import HummingbirdTesting
import KrapteCore
import KrapteIngest
import KrapteRender
import KrapteSQLite
import KrapteServer
import KrapteTesting
import Logging
import Testing

/// The Dutch pages in process, over the demo store: each renders, matches its golden file, escapes what comes
/// from data, answers a wrong choice with a page that says what to do, and downloads what it shows.
@Suite struct PageTests {
    static let snapshot = Snapshot(besides: #filePath)

    static func get(_ store: any Store, _ uri: String) async throws -> (HTTPResponse.Status, String, String?) {
        try await APITests.app(store).test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get)
            return (response.status, String(buffer: response.body), response.headers[.contentType])
        }
    }

    static let pages: [(String, String)] = [
        ("/", "home.html"),
        ("/datasets/demo-vacatures", "dataset.html"),
        ("/datasets/spanningsindicator-regio", "dataset-indicator.html"),
        ("/verkenner/demo-vacatures?measure=OpenstaandeVacatures&Bedrijfskenmerken=A-U,C,J&van=2022KW01&tot=2024KW04", "explorer.html"),
        (
            "/verkenner/werkgeversenquete-synthetisch?measure=Aandeel&Vraag=q_krapte&sector=B-E&size_class=totaal,1-9,50%2B&Antwoord=Ja",
            "explorer-survey.html"
        ),
        ("/enquete/werkgeversenquete-synthetisch?vraag=q_ai_gebruik&meting=2025", "survey.html"),
        ("/kerncijfers", "kerncijfers.html"),
        ("/spanningsindicator?regio=AM02&periode=2024KW03", "spanningsindicator.html"),
    ]

    @Test func everyPageRendersAndMatchesItsGoldenFile() async throws {
        let store = try await DemoStore.make()
        for (uri, name) in Self.pages {
            let (status, html, type) = try await Self.get(store, uri)
            #expect(status == .ok, "\(uri): \(html.prefix(400))")
            #expect(type == "text/html; charset=utf-8")
            #expect(html.hasPrefix("<!doctype html>") && html.contains("<html lang=\"nl\">") && html.contains("<h1>"))
            let mismatch = try Self.snapshot.mismatch(html, named: name)
            #expect(mismatch == nil, "\(mismatch ?? "")")
        }
        let (status, css, type) = try await Self.get(store, "/static/krapte.css")
        #expect(status == .ok && type == "text/css; charset=utf-8" && css.contains(".typering-zeer-krap"))
    }

    /// The explorer's table, as (row heading, cells) with the cells' text and status mark.
    static func table(_ html: String) -> [(String, [String])] {
        guard
            let body = html.range(of: "<tbody>").flatMap({ start in
                html.range(of: "</tbody>", range: start.upperBound..<html.endIndex).map { start.upperBound..<$0.lowerBound }
            })
        else { return [] }
        return html[body].components(separatedBy: "</tr>").compactMap { row in
            let cells = row.matches(of: /<t[hd][^>]*>(.*?)<\/t[hd]>/).map { String($0.1).replacing(/<[^>]+>/, with: "") }
            return cells.isEmpty ? nil : (cells[0], Array(cells.dropFirst()))
        }
    }

    static func link(_ html: String, id: String) throws -> String {
        let match = try #require(html.firstMatch(of: try Regex("id=\"\(id)\" href=\"([^\"]+)\"")))
        return String(match.output[1].substring ?? "").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func theExplorerDownloadsExactlyWhatItShows() async throws {
        let store = try await DemoStore.make()
        let uri = "/verkenner/demo-spanning?measure=WWKorterDan6Maanden&Beroep=0111,0112&RegioS=AM01,AM02&van=2023KW02&tot=2024KW04"
        let (status, html, _) = try await Self.get(store, uri)
        #expect(status == .ok)
        let table = Self.table(html)
        // Periods as StatLine writes them; the codes are in the download.
        #expect(
            table.map(\.0) == [
                "2023 2e kwartaal", "2023 3e kwartaal", "2023 4e kwartaal", "2024 1e kwartaal", "2024 2e kwartaal", "2024 3e kwartaal",
                "2024 4e kwartaal",
            ]
        )
        #expect(table.allSatisfy { $0.1.count == 4 })
        let (csvStatus, csv, _) = try await Self.get(store, try Self.link(html, id: "download-csv"))
        #expect(csvStatus == .ok)
        var columns: [String] = []
        var rows = 0
        for line in csv.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let key = f[0] + "/" + f[2]
            if !columns.contains(key) { columns.append(key) }
            let row = try #require(table.first { $0.0 == Period(code: f[4])?.dutchLabel }, "\(f[4]) is downloaded but not shown")
            let mark = f[6] == "voorlopig" ? "*" : f[6] == "nader voorlopig" ? "**" : ""
            #expect(row.1[columns.firstIndex(of: key)!] == DutchNumberFormat.format(Double(f[5])!, decimals: 0) + mark)
            rows += 1
        }
        #expect(rows == table.count * 4 && columns.count == 4)
        let (jsonStatus, json, _) = try await Self.get(store, try Self.link(html, id: "download-json"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(jsonStatus == .ok && (document["observations"] as? [Any])?.count == rows)
        // The permalink gives the same page.
        let (_, again, _) = try await Self.get(store, try Self.link(html, id: "permalink"))
        #expect(again == html)
    }

    /// Survey estimates stored by `krapte survey estimate --store` show in the explorer like any table; a suppressed
    /// cell shows as confidential, never with a number.
    @Test func surveyEstimatesShowInTheExplorerWithSuppressedCellsHidden() async throws {
        let store = try await DemoStore.make()
        let (status, html, _) = try await Self.get(store, Self.pages.first { $0.1 == "explorer-survey.html" }!.0)
        #expect(status == .ok)
        let rows = Self.table(html)
        #expect(rows.map(\.0) == ["2024", "2025"])
        #expect(rows.allSatisfy { $0.1.count == 3 && $0.1[1] == "geheim" && $0.1[0].contains(",") && $0.1[2].contains(",") })
        #expect(html.contains("Aandeel (%)") && html.contains("1 t/m 9 werkzame personen"))
    }

    /// The survey page of a thin sample: a sector with too few respondents is hatched in the chart and `x` in the
    /// table, never a share; the total is always shown.
    @Test func theSurveyPageHidesSuppressedDomains() async throws {
        let (store, rows, design) = try await SurveyPageTests.stored(respondents: 150)
        let (status, html, _) = try await Self.get(store, "/enquete/werkgeversenquete-synthetisch?vraag=q_krapte&meting=2024")
        #expect(status == .ok)
        let table = Self.table(html)
        let hidden = rows.filter { $0.wave == "2024" && $0.question == "q_krapte" && $0.domainType == "sector" && $0.suppressed }
        #expect(!hidden.isEmpty)
        for sector in Set(hidden.map(\.domain)) {
            let label = design.label("sector", sector)
            #expect(table.first { $0.0 == label }?.1 == ["x", "x", "\(hidden.first { $0.domain == sector }!.respondents)"], "\(label)")
        }
        #expect(table.first?.0 == "Totaal" && table.first?.1.allSatisfy { !$0.isEmpty && $0 != "x" } == true)
        #expect(html.contains("te weinig respondenten") && html.contains("<pattern"))
        // Each shown share carries its margin: half the width of the 95% interval the estimator gives.
        // The first column's answer, as the table's head names it.
        let first = try #require(html.firstMatch(of: /<th scope="col" class="num">([^<]+)<\/th>/)).output.1
        let share = try #require(
            rows.first { $0.wave == "2024" && $0.question == "q_krapte" && $0.domainType == "overall" && $0.category == String(first) }?.estimate?
                .share
        )
        let (low, high) = share.interval()
        let margin = DutchNumberFormat.format((high - low) * 100 / 2, decimals: 0)
        #expect(table.first?.1.first == DutchNumberFormat.percent(share.estimate * 100) + " ±" + margin, "\(table.first?.1 ?? [])")
        let (missing, _, _) = try await Self.get(store, "/enquete/werkgeversenquete-synthetisch?vraag=nope")
        #expect(missing == .notFound)
        let (notASurvey, _, _) = try await Self.get(try await DemoStore.make(), "/enquete/demo-vacatures")
        #expect(notASurvey == .notFound)
    }

    @Test func theExplorerStartsWithTheFirstMeasureAndMembers() async throws {
        let store = try await DemoStore.make()
        let (status, html, _) = try await Self.get(store, "/verkenner/demo-vacatures")
        #expect(status == .ok)
        #expect(html.contains("<option value=\"A-U\" selected>"))
        #expect(Self.table(html).count == 24 && html.contains("<svg"))
    }

    static let wrongChoices: [(String, HTTPResponse.Status, String)] = [
        ("/datasets/nope", .notFound, "nope"),
        ("/verkenner/nope", .notFound, "nope"),
        ("/verkenner/demo-vacatures?measure=x", .notFound, "geen onderwerp 'x'"),
        ("/verkenner/demo-vacatures?Bedrijfskenmerken=Q", .notFound, "geen lid 'Q'"),
        ("/verkenner/demo-vacatures?van=2024XX01", .badRequest, "'van' neemt een periode"),
        ("/kerncijfers?regio=AM99", .notFound, "geen kerncijfers voor regio 'AM99'"),
        ("/kerncijfers?periode=gisteren", .badRequest, "'periode' neemt een periode"),
        ("/spanningsindicator?regio=Atlantis", .notFound, "geen regio 'Atlantis'"),
        ("/spanningsindicator?regio=Frieslan", .notFound, "Bedoelde u Friesland (AM)?"),
        ("/verkenner/demo-vacatures?measure=openstaande", .notFound, "Bedoelde u Openstaande vacatures?"),
        ("/datasets/demo-vacature", .notFound, "Bedoelde u demo-vacatures?"),
        ("/spanningsindicator?periode=gisteren", .badRequest, "'periode' neemt een kwartaal"),
        ("/spanningsindicator?periode=2030KW01", .notFound, "geen cijfers over het 1e kwartaal van 2030"),
        ("/spanningsindicator?beroep=Atlantis", .notFound, "geen beroep 'Atlantis'"),
        ("/spanningsindicator?niveau=alles", .badRequest, "'niveau' neemt klasse, segment of groep"),
        ("/spanningsindicator?sorteer=kleur", .badRequest, "'sorteer' neemt beroep, vacatures"),
        ("/spanningsindicator?sorteer=ww&volgorde=omhoog", .badRequest, "'volgorde' neemt op of af"),
        ("/enquete/nope", .notFound, "nope"),
        ("/enquete/demo-vacatures", .notFound, "bevat geen enquêteschattingen"),
        ("/enquete/werkgeversenquete-synthetisch?vraag=nope", .notFound, "geen vraag 'nope'"),
        ("/enquete/werkgeversenquete-synthetisch?meting=1999", .notFound, "geen meting '1999'"),
        ("/enquete/werkgeversenquete-synthetisch?meting=gisteren", .badRequest, "'meting' neemt een jaar"),
        ("/nergens", .notFound, "Op dit adres staat niets"),
    ]

    @Test func aWrongChoiceGetsAPageThatSaysWhatToDo() async throws {
        let store = try await DemoStore.make()
        for (uri, expected, fragment) in Self.wrongChoices {
            let (status, html, type) = try await Self.get(store, uri)
            #expect(status == expected, "\(uri)")
            #expect(type == "text/html; charset=utf-8", "\(uri)")
            #expect(html.contains(Markup.escape(fragment)) && html.contains("role=\"alert\""), "\(uri): \(html)")
        }
        // Every occupation in every region is more series than the explorer shows at once.
        let cube = try await store.metadata(of: "demo-spanning", vintage: try await store.vintages(of: "demo-spanning")[0].id)
        let all = cube.dimensions.map { d in "\(d.code)=" + d.members.map(\.code).joined(separator: ",") }.joined(separator: "&")
        let (status, html, _) = try await Self.get(store, "/verkenner/demo-spanning?" + all)
        #expect(status == .badRequest && html.contains("64 reeksen"))
        let long = "/verkenner/demo-vacatures?Bedrijfskenmerken=" + String(repeating: "A", count: 9_000)
        #expect(try await Self.get(store, long).0 == .uriTooLong)
    }

    /// The explorer draws regions of one level on a map in fifths of their values when only the region varies, and
    /// offers to choose every region of a level with a map.
    @Test func theExplorerMapsRegionsOfOneLevel() async throws {
        let store = try await DemoStore.make()
        let (oneStatus, one, _) = try await Self.get(store, "/verkenner/demo-spanning?measure=OpenstaandeVacatures&Beroep=0111&RegioS=AM01")
        #expect(oneStatus == .ok && !one.contains(#"class="map""#))
        let link = try #require(one.firstMatch(of: /<a href="([^"]+)">Alle arbeidsmarktregio&#39;s op de kaart<\/a>/)?.output.1)
        let (status, html, _) = try await Self.get(store, String(link).replacingOccurrences(of: "&amp;", with: "&"))
        #expect(status == .ok)
        let map = try #require(html.firstMatch(of: /<svg[^>]*class="map"(?s:.*?)<\/svg>/)).output
        #expect(map.matches(of: /<path id="AM\d\d"/).count == 35)
        let linked = map.matches(of: /<a href="\/verkenner\/demo-spanning\?[^"]*RegioS=(AM\d\d)"/).map { String($0.output.1) }
        #expect(linked.count == 4 && Set(linked).count == 4)
        #expect(map.contains(" tot ") && map.contains(">geen cijfers</text>") && html.contains("Bron kaart: CBS/PDOK."))
        // Two dimensions varying: no map.
        let (_, two, _) = try await Self.get(store, "/verkenner/demo-spanning?measure=OpenstaandeVacatures&Beroep=0111,0112&RegioS=AM01,AM02")
        #expect(!two.contains(#"class="map""#))
    }

    /// Each chart of the explorer downloads as an SVG file with its title and its source line; one period shows as
    /// bars, not as a line; a chart the choice does not have is a 404.
    @Test func theExplorersChartsDownloadAsSVG() async throws {
        let store = try await DemoStore.make()
        let state = "measure=OpenstaandeVacatures&Bedrijfskenmerken=A-U,C,J&van=2022KW01&tot=2024KW04"
        let (_, page, _) = try await Self.get(store, "/verkenner/demo-vacatures?" + state)
        #expect(page.contains(#"id="download-line" href="/verkenner/demo-vacatures/lijn.svg?"#))
        try await APITests.app(store).test(.router) { client in
            let response = try await client.execute(uri: "/verkenner/demo-vacatures/lijn.svg?" + state, method: .get)
            let svg = String(buffer: response.body)
            #expect(response.status == .ok && response.headers[.contentType] == "image/svg+xml; charset=utf-8")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"demo-vacatures-lijn.svg\"")
            #expect(svg.hasPrefix("<?xml") && svg.contains("Openstaande vacatures (x 1 000), 2022 1e kwartaal tot en met 2024 4e kwartaal"))
            #expect(svg.contains("Bron: CBS (demo-vacatures, versie"))
            let bars = try await client.execute(uri: "/verkenner/demo-vacatures/staaf.svg?" + state, method: .get)
            #expect(bars.status == .ok && String(buffer: bars.body).contains("<svg"))
            let one = "measure=OpenstaandeVacatures&Bedrijfskenmerken=A-U&van=2024KW04&tot=2024KW04"
            #expect(try await client.execute(uri: "/verkenner/demo-vacatures/lijn.svg?" + one, method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/verkenner/demo-vacatures/staaf.svg?" + one, method: .get).status == .ok)
            #expect(try await client.execute(uri: "/verkenner/demo-vacatures/taart.svg?" + state, method: .get).status == .notFound)
        }
    }

    /// The start page says what the store holds, leads to the pages built on it (a survey's too), and finds
    /// datasets by their ids, titles, measures and members.
    @Test func theStartPageSaysWhatTheStoreHoldsAndFindsDatasets() async throws {
        let store = try await DemoStore.make()
        let (_, home, _) = try await Self.get(store, "/")
        let count = try await store.datasets().count
        #expect(home.contains("De database houdt \(count) datasets met ") && home.contains(" cijfers van CBS; een deel is gegenereerd"))
        #expect(home.contains(#"<a href="/enquete/werkgeversenquete-synthetisch">Enquête: "#))
        #expect(home.contains(#"<a href="/spanningsindicator">Spanningsindicator</a>"#))
        let (_, found, _) = try await Self.get(store, "/datasets?zoek=faillissement")
        let rows = found.matches(of: /<th scope="row"><a href="\/datasets\/([^"]+)">/).map { String($0.output.1) }
        #expect(Set(rows) == ["demo-faillissementen", "faillissementen-jaarmutatie"], "\(rows)")
        #expect(found.contains("2 van de \(count) datasets noemen &quot;faillissement&quot;."))
        // A member's label finds its dataset: Industrie is a sector of demo-vacatures.
        let (_, member, _) = try await Self.get(store, "/datasets?zoek=industrie")
        #expect(member.contains(#"href="/datasets/demo-vacatures""#))
        let (_, none, _) = try await Self.get(store, "/datasets?zoek=%3Cscript%3E")
        #expect(none.contains("0 van de \(count) datasets") && !none.contains("<script>"))
    }

    /// Member lists read as their hierarchy: regions under a heading per level, sectors indented under their
    /// total; a long list has a field that narrows it, keeping what is chosen.
    @Test func memberListsShowTheirHierarchyAndNarrow() async throws {
        let store = try await DemoStore.make()
        let (_, regions, _) = try await Self.get(store, "/verkenner/demo-spanning")
        #expect(regions.contains(#"<optgroup label="Arbeidsmarktregio&#39;s"><option value="AM01" selected>Groningen (AM)</option>"#))
        let occupations = try #require(regions.firstMatch(of: /<select id="f-Beroep"(?s:.*?)<\/select>/)).output
        #expect(occupations.matches(of: #/<option /#).count == 16 && !regions.contains(#"id="z-Beroep""#))
        // 16 occupations need no search field (more than 20 would); a narrowed list keeps the chosen member.
        let (_, narrowed, _) = try await Self.get(store, "/verkenner/demo-spanning?Beroep=0111&zoek-Beroep=0112")
        let list = try #require(narrowed.firstMatch(of: /<select id="f-Beroep"(?s:.*?)<\/select>/)).output
        #expect(list.matches(of: /<option value="(\d+)"/).map { String($0.output.1) } == ["0111", "0112"])
        #expect(list.contains(#"<option value="0111" selected>"#))
    }

    /// A whole member list is made once and kept by the server; each page marks its own choice on it, and no other.
    @Test func eachPageMarksOnlyItsOwnChoiceOnTheKeptLists() async throws {
        let store = try await DemoStore.make()
        try await APITests.app(store).test(.router) { client in
            for (query, chosen) in [("Beroep=0111", ["0111"]), ("Beroep=0112,0113", ["0112", "0113"]), ("", ["0111"]), ("Beroep=0113", ["0113"])] {
                let response = try await client.execute(uri: "/verkenner/demo-spanning?" + query, method: .get)
                let html = String(buffer: response.body)
                let list = try #require(html.firstMatch(of: /<select id="f-Beroep"(?s:.*?)<\/select>/)).output
                #expect(list.matches(of: /<option value="(\d+)" selected>/).map { String($0.output.1) } == chosen, "\(query)")
                #expect(list.matches(of: #/<option /#).count == 16)
            }
        }
    }

    @Test func theSpanningsindicatorPageAsksForTheIndicatorFirst() async throws {
        let (status, html, _) = try await Self.get(try await APITests.loaded(), "/spanningsindicator")
        #expect(status == .notFound && html.contains("krapte compute --all"))
    }

    @Test func hostileLabelsAreEscapedOnEveryPage() async throws {
        let store = try APITests.store()
        let hostile = "<script>alert('x')</script> & \"quotes\""
        var release = try Release(
            dataset: Dataset(
                id: "h",
                title: hostile,
                summary: hostile,
                source: Source(publisher: hostile, location: "javascript:alert(1)", licence: hostile),
                dimensions: [KrapteCore.Dimension(code: "RegioS", title: hostile, kind: .geography)],
                measures: [Measure(code: "m", title: hostile, unit: hostile)]
            ),
            format: "test"
        )
        let a = release.memberIndex(Member(code: "X1", label: hostile), dimension: 0)
        let b = release.memberIndex(Member(code: "X2", label: "<img src=x onerror=alert(1)>"), dimension: 0)
        for (i, m) in [a, b].enumerated() {
            for q in 1...4 {
                release.append(
                    SeriesKey(measure: 0, members: [m]),
                    period: Period.quarter(2024, q)!,
                    value: Double(i + q),
                    status: .definitief,
                    row: q
                )
            }
        }
        _ = try await store.load(try release.finish(file: "h"), loadedAt: Date())
        let sheet = KeyFigureSheet(
            title: hostile,
            defaultRegion: "X1",
            figures: [KeyFigure(title: hostile, dataset: "h", measure: "m", explanation: hostile)]
        )
        var logger = Logger(label: "krapte.test")
        logger.logLevel = .warning
        let app = Application(router: WebServer.router(store: store, configuration: .init(sheet: sheet)), logger: logger)
        try await app.test(.router) { client in
            for uri in ["/", "/datasets/h", "/verkenner/h?RegioS=X1,X2", "/kerncijfers", "/kerncijfers?regio=X2"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok, "\(uri)")
                    #expect(!html.contains("<script") && !html.contains("<img"), "\(uri)")
                    #expect(html.contains("&lt;script&gt;"), "\(uri)")
                    #expect(!html.contains("href=\"javascript:"), "\(uri)")
                }
            }
        }
    }

    @Test func fuzzedPageRequestsNeverBreakTheServer() async throws {
        let store = try await DemoStore.make()
        var rng = SplitMix64(seed: 11)
        let paths = [
            "/", "/datasets/", "/verkenner/", "/enquete/", "/kerncijfers", "/spanningsindicator", "/static/", "/verkenner/demo-spanning/lijn.svg",
            "/verkenner/demo-spanning/kaart.svg", "/verkenner/demo-vacatures/staaf.svg", "/spanningsindicator/kaart.svg",
            "/spanningsindicator/lijn.svg", "/spanningsindicator/taart.svg", "/monitor", "/prognose", "/verkenner/prognose-spanningsindicator",
        ]
        let names = [
            "measure", "van", "tot", "regio", "periode", "vraag", "meting", "Beroep", "RegioS", "Bedrijfskenmerken", "x", "zoek", "zoek-Beroep",
            "zoek-RegioS", "lang", "prognose", "reeks",
        ]
        let values = [
            "", "demo-spanning", "2024KW04", "0111", "AM01", "%00", "%ZZ", "<b>", "..", "2019KW01..", "A-U,C", "'", "%E2%82%AC", "9999KW09",
            "q_krapte", "2025", "en", "Groningen", "ICT", String(repeating: "a", count: 300), "prognose-spanningsindicator", "totaal",
        ]
        let uris = (0..<300).map { _ in
            var uri = paths[Int(rng.next() % UInt64(paths.count))]
            if uri.hasSuffix("/"), uri.count > 1 {
                uri += ["demo-spanning", "demo-vacatures", "werkgeversenquete-synthetisch", "nope", "%2e%2e", ""][Int(rng.next() % 6)]
            }
            let n = Int(rng.next() % 4)
            return uri + "?"
                + (0..<n).map { _ in names[Int(rng.next() % UInt64(names.count))] + "=" + values[Int(rng.next() % UInt64(values.count))] }
                .joined(separator: "&")
        }
        try await APITests.app(store).test(.router) { client in
            for uri in uris {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status.code < 500, "\(uri): \(String(buffer: response.body).prefix(300))")
                }
            }
        }
    }
}
