import Foundation
import Hummingbird
import KrapteCore
import KrapteIngest
import KrapteRender
import KrapteSQLite
import KrapteTesting
import Testing

/// Every page, on the demo store and on a store of real CBS tables, as its Dutch reader sees it: no CBS period code
/// outside links and attributes, none of Krapte's English words, a source line under every chart and card, and no
/// path of this machine. Its tests run one after another: each builds a store of real tables and computes every
/// indicator on all cores, and two at once starve the suites that time a live server.
@Suite(.serialized) struct ReaderTextTests {
    /// A store of the real CBS tables (but the 1.45 million observations of 85609NED) with every shipped indicator
    /// their data allows computed.
    static func realStore() async throws -> any Store {
        let store = try SQLiteStore()
        for path in TestData.realCBSTables where !path.hasSuffix("85609NED.csv") {
            _ = try await store.load(try await TestData.readRealTable(path), loadedAt: DemoStore.loadedAt)
        }
        let engine = IndicatorEngine(store: store, definitions: .shipped)
        var present = Set(try await store.datasets().map(\.id))
        for d in try IndicatorDefinitions.shipped.dependencyOrder() where d.inputDatasets.isSubset(of: present) {
            _ = try await engine.computeAndStore(d.id, loadedAt: DemoStore.loadedAt)
            present.insert(d.id)
        }
        return store
    }

    /// Every page of a store: the start page, each dataset's page and explorer (a forecast's page for a forecast),
    /// the survey pages, the key figures for Nederland, a province and an arbeidsmarktregio, the spanningsindicator,
    /// the monitor and the forecasts.
    static func uris(_ store: any Store) async throws -> [String] {
        var uris = ["/", "/datasets", "/kerncijfers"]
        let (_, sheet, _) = try await PageTests.get(store, "/kerncijfers")
        let regions = sheet.matches(of: /<option value="([^"]+)"/).map { String($0.1) }
        for code in ["NL01", "PV26", "AM13", regions.last ?? ""] where regions.contains(code) { uris.append("/kerncijfers?regio=\(code)") }
        let datasets = try await store.datasets()
        if datasets.contains(where: { $0.id == "spanningsindicator" }) { uris.append("/spanningsindicator") }
        uris += ["/monitor", "/prognose"]
        for d in datasets {
            // A forecast is shown on its own page, with its intervals; the explorer sends it there.
            let forecast = try await store.latest(d.id).metadata.derivation?.isForecast == true
            uris += ["/datasets/\(d.id.pathEncoded)", forecast ? "/prognose?prognose=\(d.id)" : "/verkenner/\(d.id.pathEncoded)"]
            if d.id.hasPrefix("werkgeversenquete") { uris.append("/enquete/\(d.id.pathEncoded)") }
        }
        return uris
    }

    /// What a reader reads on a page: its text, without tags and so without the attributes that hold codes.
    static func text(_ html: String) -> String {
        html.replacing(/<[^>]*>/, with: " ").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    static let englishWords = [
        "classification", "geography", "stock", "flow", "vacancies", "derived", "tidy-csv", "vintage", "vintages", "numerator",
        "denominator", "series", "store",
    ]

    /// The problems of one page, each naming the page.
    static func problems(_ uri: String, _ html: String) -> [String] {
        var found: [String] = []
        let text = Self.text(html)
        for m in text.matches(of: /\b(19|20)\d\d(KW|MM|JJ|HJ)\d\d\b/) { found.append("\(uri): period code \(m.output.0)") }
        // Words as a reader sees them: runs of letters, digits, hyphens and underscores (so `ww-kort-regio` is no
        // `ww`, and `WW-uitkeringen` none either).
        let words = Set(text.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }.map { $0.lowercased() })
        for word in englishWords where words.contains(word) { found.append("\(uri): English '\(word)'") }
        // `ww` alone is a role's code; readers read WW-uitkeringen.
        if text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }).contains("ww") {
            found.append("\(uri): English 'ww'")
        }
        if text.contains(/(^|[\s(])\/(work|tmp|home|Users|var|root)\//) || text.contains("file://") { found.append("\(uri): a local path") }
        for figure in html.matches(of: /<figure>(?s:.*?)<\/figure>/) where figure.output.contains("<svg") {
            if !figure.output.contains(#/class="source">[^<]*(Bron:|Illustratief)/#) { found.append("\(uri): a chart without its source") }
        }
        for card in html.matches(of: /<li class="figure">(?s:.*?)<\/li>/) where !card.output.contains(#/class="source">(Bron:|Illustratief)/#) {
            found.append("\(uri): a card without its source")
        }
        return found
    }

    func check(_ store: any Store) async throws {
        var problems: [String] = []
        for uri in try await Self.uris(store) {
            let (status, html, _) = try await PageTests.get(store, uri)
            if status != .ok { problems.append("\(uri): \(status.code)") }
            problems += Self.problems(uri, html)
        }
        #expect(problems.isEmpty, "\(problems.prefix(40).joined(separator: "\n"))")
    }

    @Test func theDemoPagesReadAsDutchReadersExpect() async throws {
        try await check(try await DemoStore.make())
    }

    /// Krapte's own Dutch words, which an English page must not show (the titles, labels and explanations of the
    /// figures are the publisher's and stay as they are, so words such as `kwartaal` can be in them).
    static let dutchWords = [
        "versie", "versies", "gestegen", "gedaald", "eenheid", "verkenner", "bewerking", "toon", "perioden", "onderwerpen",
        "dimensies", "geladen", "bron", "lijngrafiek", "staafgrafiek", "onbekend", "voorlopig", "gearceerd",
    ]

    /// Every page of the demo store in English: no period codes, none of Krapte's Dutch words, every chart and card
    /// with its source.
    @Test func theDemoPagesReadAsEnglishReadersExpect() async throws {
        let store = try await DemoStore.make()
        var problems: [String] = []
        for uri in try await Self.uris(store) {
            let english = uri + (uri.contains("?") ? "&" : "?") + "lang=en"
            let (status, html, _) = try await PageTests.get(store, english)
            if status != .ok { problems.append("\(english): \(status.code)") }
            let text = Self.text(html)
            for m in text.matches(of: /\b(19|20)\d\d(KW|MM|JJ|HJ)\d\d\b/) { problems.append("\(english): period code \(m.output.0)") }
            let words = Set(text.split { !($0.isLetter || $0.isNumber || $0 == "-") }.map { $0.lowercased() })
            for word in Self.dutchWords where words.contains(word) { problems.append("\(english): Dutch '\(word)'") }
            for figure in html.matches(of: /<figure>(?s:.*?)<\/figure>/) where figure.output.contains("<svg") {
                if !figure.output.contains(#/class="source">[^<]*(Source:|Illustrative)/#) {
                    problems.append("\(english): a chart without its source")
                }
            }
            for card in html.matches(of: /<li class="figure">(?s:.*?)<\/li>/) where !card.output.contains(#/class="source">(Source:|Illustrative)/#) {
                problems.append("\(english): a card without its source")
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(40).joined(separator: "\n"))")
    }

    @Test func theRealTablesReadAsDutchReadersExpect() async throws {
        try await check(try await Self.realStore())
    }

    /// Golden pages from the real CBS tables: the key figures of the province of Utrecht as they stood in the 3rd
    /// quarter of 2024, a table's page and its explorer.
    static let realPages: [(String, String)] = [
        ("/kerncijfers?regio=PV26&periode=2024KW03", "real-kerncijfers-utrecht.html"),
        ("/datasets/85268NED", "real-dataset-85268NED.html"),
        ("/verkenner/85268NED?measure=Werkloosheidspercentage_13&RegioS=NL01,PV26,gemeente-utrecht&van=2023KW01&tot=2024KW04", "real-explorer.html"),
    ]

    @Test func theRealPagesMatchTheirGoldenFiles() async throws {
        let store = try await Self.realStore()
        for (uri, name) in Self.realPages {
            let (status, html, _) = try await PageTests.get(store, uri)
            #expect(status == .ok, "\(uri)")
            #expect(try PageTests.snapshot.mismatch(html, named: name) == nil)
        }
    }

    /// The checks find what they look for.
    @Test func theChecksCanFail() {
        let bad =
            #"<p>2024KW04 vintage 3, classification, ww</p><p>/tmp/x/85224NED.csv</p><figure><svg></svg></figure><li class="figure"><h3>x</h3></li>"#
        #expect(Self.problems("x", bad).count == 7, "\(Self.problems("x", bad))")
        #expect(Self.problems("x", #"<a href="/api?period=2024KW04">WW-uitkeringen</a><option value="2024KW04">2024 4e kwartaal</option>"#).isEmpty)
    }
}
