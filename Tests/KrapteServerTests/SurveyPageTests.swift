import Foundation
import Hummingbird
import KrapteCore
import KrapteIngest
import KrapteRender
import KrapteSQLite
import KrapteServer
import KrapteTesting
import Testing

/// The survey page as seed 003 publishes a survey: the comparison of two waves as `krapte survey compare` gives it,
/// the answers in the design's order, figure 5's rule, the answer across questions, and a download per chart.
@Suite struct SurveyPageTests {
    /// The generated survey, estimated and stored as `krapte survey estimate --store` does.
    static func stored(respondents: Int = 1_500) async throws -> (any Store, [SurveyRow], SurveySpecification) {
        let folder = try TestData.temporaryFolder()
        try SyntheticSurvey(respondentsPerWave: respondents).write(to: folder)
        let design = try SurveySpecification(decoding: Data(contentsOf: folder.appendingPathComponent("design.json")), file: "design.json")
        let data = try SurveyFileReader(design).read(
            responses: folder.appendingPathComponent("responses.csv"),
            population: folder.appendingPathComponent("population.csv")
        )
        let rows = try SurveyEstimator(design).estimate(data)
        let store = try SQLiteStore(path: folder.appendingPathComponent("k.sqlite").path)
        _ = try await store.load(SurveyDataset.release(rows, design: design, source: design.source!), loadedAt: DemoStore.loadedAt)
        return (store, rows, design)
    }

    /// Every table of a page: its caption and rows (the row's heading and its cells, tags removed).
    static func tables(_ html: String) -> [(caption: String, rows: [(String, [String])])] {
        html.components(separatedBy: "<table>").dropFirst().map { part in
            let table = part.components(separatedBy: "</table>")[0]
            let caption = table.firstMatch(of: /<caption>(.*?)<\/caption>/).map { String($0.1) } ?? ""
            return (caption, PageTests.table(table))
        }
    }

    static let page = "/enquete/werkgeversenquete-synthetisch"

    /// The change per sector on the page is what `krapte survey compare` prints, rounded as the page shows it:
    /// both shares, the change in points marked `*` when p < 0,05, its interval and p.
    @Test func theComparisonIsTheOneKrapteSurveyComparePrints() async throws {
        let (store, rows, design) = try await Self.stored()
        let (status, html, _) = try await PageTests.get(store, Self.page + "?vraag=q_krapte&meting=2025&antwoord=Ja&vergelijk=2024&lang=nl")
        #expect(status == .ok)
        let printed = SurveyDocument.comparisons(SurveyComparison.pairs(rows, first: "2024", second: "2025"), first: "2024", second: "2025")
        let lines = printed.split(separator: "\n").map { TestData.csvFields($0) }
        let header = try #require(lines.first)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let (question, type, domain, category) = (try column("question"), try column("domain_type"), try column("domain"), try column("category"))
        let (a, b, change, low, high, p) = (
            try column("share_2024"), try column("share_2025"), try column("change"), try column("ci_low"), try column("ci_high"),
            try column("p_value")
        )
        let sectors = try #require(Self.tables(html).first { $0.caption.contains("naar sector: 2024 en 2025 vergeleken") })
        var significant = 0
        var compared = 0
        for f in lines.dropFirst() where f[question] == "q_krapte" && f[category] == "Ja" && ["overall", "sector"].contains(f[type]) {
            let label = f[type] == "overall" ? "Totaal" : design.label("sector", f[domain])
            let row = try #require(sectors.rows.first { $0.0 == label }, "\(label) is missing")
            guard let x = Double(f[a]), let y = Double(f[b]), let d = Double(f[change]), let lo = Double(f[low]), let hi = Double(f[high]),
                let pValue = Double(f[p])
            else {
                #expect(row.1.contains("x"), "\(label): compare has no change, the page shows \(row.1)")
                continue
            }
            let points = { (v: Double) in DutchNumberFormat.format(v * 100, decimals: 1) }
            let expected = [
                DutchNumberFormat.percent(x * 100), DutchNumberFormat.percent(y * 100),
                (d > 0 && points(d) != points(0) ? "+" : "") + points(d) + (pValue < 0.05 ? "*" : ""), "\(points(lo)) tot \(points(hi))",
                pValue < 0.001 ? "&lt; 0,001" : DutchNumberFormat.format(pValue, decimals: 3),
            ]
            #expect(row.1 == expected, "\(label)")
            significant += pValue < 0.05 ? 1 : 0
            compared += 1
        }
        #expect(compared == 17 && significant > 0, "\(compared) compared, \(significant) significant")
        // The total's answers side by side (figure 1), and the chart marks the significant ones.
        let total = try #require(Self.tables(html).first { $0.caption.contains("aandeel per antwoord in 2024 en 2025") })
        #expect(total.rows.map(\.0) == ["Ja", "Nee"])
        #expect(html.contains("* verschil tussen 2024 en 2025 significant (p &lt; 0,05)"))
    }

    /// The answers come in the design's order, also where another question lists them differently, and the
    /// default answer is the question's first.
    @Test func answersComeInTheDesignsOrder() async throws {
        #expect(
            SurveyDataset.answerOrder([["Ja, veel", "Ja, een beetje", "Nee", "Weet niet"], ["Ja", "Nee"]])
                == ["Ja, veel", "Ja, een beetje", "Ja", "Nee", "Weet niet"]
        )
        // Opposite orders cannot both be kept: the first question's wins, and every answer is still listed once.
        #expect(SurveyDataset.answerOrder([["Eens", "Oneens"], ["Oneens", "Eens", "Neutraal"]]) == ["Eens", "Oneens", "Neutraal"])
        let (store, _, _) = try await Self.stored(respondents: 300)
        let (_, html, _) = try await PageTests.get(store, Self.page + "?vraag=q_krapte")
        let select = try #require(html.firstMatch(of: /<select id="f-antwoord" name="antwoord">(.*?)<\/select>/)).output.1
        #expect(select.matches(of: /<option value="([^"]*)"/).map { String($0.1) } == ["Ja", "Nee"])
        #expect(select.contains(#"<option value="Ja" selected>"#))
        let table = try #require(Self.tables(html).first { $0.caption.hasPrefix("Moeilijk vervulbare vacatures naar sector, 2025") })
        #expect(table.rows.count == 17)
        #expect(html.contains(#"<th scope="col" class="num">Ja</th><th scope="col" class="num">Nee</th>"#))
    }

    /// Figure 5's rule: the domains more than the chosen number of points above the total are named with their
    /// share, highest first, then those as far below it, lowest first, and all are set in bold in the chart; 0 turns
    /// the rule off.
    @Test func domainsFarFromTheTotalStandOut() async throws {
        let (store, rows, design) = try await Self.stored()
        func share(_ domain: String, _ type: String) -> Double? {
            rows.first { $0.wave == "2025" && $0.question == "q_krapte" && $0.category == "Ja" && $0.domainType == type && $0.domain == domain }?
                .estimate?.share?.estimate
        }
        let total = try #require(share("totaal", "overall")) * 100
        let sectors = SyntheticSurvey.sectors.compactMap { code in share(code, "sector").map { (design.label("sector", code), $0 * 100) } }
        let above = sectors.filter { $0.1 - total > 5 }.sorted { $0.1 > $1.1 }
        let below = sectors.filter { total - $0.1 > 5 }.sorted { $0.1 < $1.1 }
        #expect(!above.isEmpty && !below.isEmpty)
        func named(_ list: [(String, Double)]) -> String { list.map { "\($0.0) (\(DutchNumberFormat.percent($0.1)))" }.joined(separator: ", ") }
        let (_, html, _) = try await PageTests.get(store, Self.page + "?vraag=q_krapte&antwoord=Ja&afwijking=5&lang=nl")
        let sentence =
            "<p>Meer dan 5 procentpunt boven het totaal (\(DutchNumberFormat.percent(total))) bij &#39;Ja&#39;: \(named(above)). "
            + "Meer dan 5 procentpunt eronder: \(named(below)).</p>"
        #expect(html.contains(sentence), "\(sentence)")
        for (label, _) in above + below {
            let first = label.split(separator: " ").prefix(2).joined(separator: " ")
            #expect(html.contains(#"font-weight="700"><tspan x="212" dy="0">\#(first)"#), "\(label) is not bold")
        }
        let (_, off, _) = try await PageTests.get(store, Self.page + "?vraag=q_krapte&antwoord=Ja&afwijking=0&lang=nl")
        // Only the question shown stays bold, in the chart across questions.
        #expect(!off.contains("procentpunt van het totaal") && off.components(separatedBy: #"font-weight="700"><tspan"#).count == 2)
    }

    /// The chosen answer across every question that has it (figure 7), and per sector when two or three do
    /// (figure 14).
    @Test func anAnswerIsShownAcrossTheQuestionsThatHaveIt() async throws {
        let (store, _, _) = try await Self.stored(respondents: 300)
        let (_, yes, _) = try await PageTests.get(store, Self.page + "?vraag=q_krapte&antwoord=Ja&vergelijk=geen&lang=nl")
        let across = try #require(Self.tables(yes).first { $0.caption.hasPrefix("Aandeel &#39;Ja&#39; per vraag, 2025") })
        #expect(
            Set(across.rows.map(\.0)) == [
                "Moeilijk vervulbare vacatures", "Verwacht: scholingsbehoefte verandert", "Verwacht: andere vaardigheden nodig",
                "Verwacht: banen verdwijnen",
            ]
        )
        let shares = across.rows.compactMap { Int($0.1[0].prefix { $0.isNumber }) }
        #expect(shares == shares.sorted(by: >), "highest first: \(shares)")
        #expect(yes.contains(#"id="enquete-vragen-title""#) && !yes.contains(#"id="enquete-sector-vragen-title""#))
        let (_, much, _) = try await PageTests.get(store, Self.page + "?vraag=q_ai_gebruik&antwoord=Ja%2C%20veel&lang=nl")
        #expect(much.contains(#"id="enquete-sector-vragen-title""#) && much.contains(#"id="enquete-size_class-vragen-title""#))
        let (_, unsure, _) = try await PageTests.get(store, Self.page + "?vraag=q_ai_gebruik&antwoord=Weet%20niet&lang=nl")
        #expect(unsure.contains(#"id="enquete-vragen-title""#))
    }

    /// Every chart downloads as SVG with the source under it; a name the page does not have is a 404.
    @Test func everyChartDownloads() async throws {
        let (store, _, _) = try await Self.stored(respondents: 300)
        let (_, html, _) = try await PageTests.get(store, Self.page + "?vraag=q_ai_gebruik&lang=nl")
        let links = html.matches(of: /<a href="(\/enquete\/[^"]+\.svg\?[^"]*)" download>/).map {
            String($0.1).replacingOccurrences(of: "&amp;", with: "&")
        }
        #expect(links.count == 8, "\(links)")
        for link in links {
            let (status, svg, type) = try await PageTests.get(store, link)
            #expect(status == .ok && type == "image/svg+xml; charset=utf-8" && svg.contains("Illustratief"), "\(link)")
        }
        let (missing, _, _) = try await PageTests.get(store, Self.page + "/enquete-nope.svg?vraag=q_ai_gebruik")
        #expect(missing == .notFound)
    }

    /// A wrong choice is answered with what to choose instead.
    @Test(arguments: [
        (
            "?antwoord=Misschien", HTTPResponse.Status.notFound,
            "heeft geen antwoord &#39;Misschien&#39;; kies uit: Ja, veel, Ja, een beetje, Nee, Weet niet."
        ),
        ("?meting=2025&vergelijk=2025", .badRequest, "noemt de getoonde meting zelf"),
        ("?vergelijk=gisteren", .badRequest, "&#39;vergelijk&#39; neemt een jaar"),
        ("?vergelijk=1999", .notFound, "geen meting &#39;1999&#39;; er zijn metingen van 2024, 2025"),
        ("?afwijking=veel", .badRequest, "&#39;afwijking&#39; neemt een aantal procentpunten"),
        ("?afwijking=101", .badRequest, "niet &#39;101&#39;"),
    ])
    func wrongChoicesSayWhatToChoose(query: String, status: HTTPResponse.Status, message: String) async throws {
        let (store, _, _) = try await Self.stored(respondents: 150)
        let (answer, html, _) = try await PageTests.get(store, Self.page + query + "&lang=nl")
        #expect(answer == status && html.contains(message), "\(query): \(answer)")
    }
}
