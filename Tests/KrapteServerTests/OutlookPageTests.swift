import Foundation
import Hummingbird
import HummingbirdTesting
import KrapteCore
import KrapteServer
import KrapteTesting
import Testing

/// The outlook in process: `/monitor` over the demo store with the shipped targets' tables, `/prognose` over the
/// demo store's forecast of the spanningsindicator, their JSON under `/api/v1`, and the rule that no page and no
/// export shows a forecast without its status "prognose" and its interval.
@Suite struct OutlookPageTests {
    /// The demo store with the tables of the shipped targets, made once for the suite.
    static let store = Task<any Store, any Error> {
        let store = try await DemoStore.make()
        try await DemoStore.addTargetTables(to: store)
        return store
    }

    static let forecast = "prognose-spanningsindicator"

    @Test func theMonitorShowsEveryTargetWithItsStatusProgressProjectionAndSource() async throws {
        let store = try await Self.store.value
        let (status, html, _) = try await PageTests.get(store, "/monitor")
        #expect(status == .ok)
        let mismatch = try PageTests.snapshot.mismatch(html, named: "monitor.html")
        #expect(mismatch == nil, "\(mismatch ?? "")")
        for target in TargetsFile.shipped.targets {
            let card = try #require(html.firstMatch(of: try Regex(#"<section class="target" id="\#(target.id)"(?s:.*?)</section>"#)), "\(target.id)")
            let text = String(html[card.range])
            #expect(text.contains("<h2 id=\"\(target.id)-kop\">\(target.title)</h2>"))
            #expect(text.contains(#"<span class="doel-status doel-"#), "\(target.id) has no status")
            #expect(text.contains("<progress id=\"\(target.id)-voortgang\" max=\"100\" value=\""), "\(target.id) has no progress bar")
            #expect(text.contains("<svg") && text.contains("pad naar het doel"), "\(target.id) has no chart with its path")
            #expect(text.contains("Bron: "), "\(target.id) has no source")
            #expect(target.proxy == nil || text.contains(#"<p class="proxy" role="note">Benadering: "#), "\(target.id) does not say it is a proxy")
        }
        // The ICT specialists: 684 thousand in 2024, behind the linear path to 1 million (763,75 in 2024).
        #expect(html.contains(#"<span class="doel-status doel-achter">achter</span> <span class="value">684</span> x 1 000"#))
        #expect(html.contains("het pad vraagt 764 in 2024, de stand ligt 80 achter"))
        for unmeasured in TargetsFile.shipped.withoutData {
            #expect(html.contains("<strong>\(unmeasured.title)</strong>"), "\(unmeasured.title)")
        }
        #expect(html.contains(#"<span class="doel-status doel-geen-gegevens">geen gegevens</span>"#))
        let (_, english, _) = try await PageTests.get(store, "/monitor?lang=en")
        #expect(english.contains("<h1>Monitor of policy targets</h1>") && english.contains(#"doel-achter">behind</span>"#))
    }

    @Test func withoutItsTablesATargetSaysWhatIsMissing() async throws {
        let (status, html, _) = try await PageTests.get(try await DemoStore.make(), "/monitor")
        #expect(status == .ok)
        #expect(!html.contains(#"<section class="target""#))
        #expect(html.contains("<h2>Doelen waarvan de gegevens niet geladen zijn</h2>"))
        #expect(html.contains("85276NED") && html.contains("eurostat-ict-specialisten"))
    }

    @Test func theForecastPageShowsTheFanTheTableTheModelAndTheTrackRecord() async throws {
        let store = try await Self.store.value
        let (status, html, _) = try await PageTests.get(store, "/prognose?prognose=\(Self.forecast)&reeks=totaal")
        #expect(status == .ok)
        let mismatch = try PageTests.snapshot.mismatch(html, named: "prognose.html")
        #expect(mismatch == nil, "\(mismatch ?? "")")
        #expect(html.contains(#"<p class="illustrative" role="note">"#), "the demo's forecast is not labelled illustrative")
        #expect(html.contains("<h2>Model</h2>") && html.contains("gekozen op AICc"))
        #expect(
            html.contains("<h2>Hoe de prognose het eerder deed</h2>") && html.contains("De prognose van een jaar eerder voor 2024 4e kwartaal was ")
        )
        #expect(html.contains("fill-opacity=\"0.14\"") && html.contains("fill-opacity=\"0.28\""), "no fans")
        #expect(html.contains("prognose: bewerking Krapte (prognose-spanningsindicator, versie "))
        // The explorer sends a forecast to its page, which shows its intervals.
        try await APITests.app(store).test(.router) { client in
            for uri in ["/verkenner/\(Self.forecast)?measure=\(Self.forecast)", "/verkenner/\(Self.forecast)/lijn.svg"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .seeOther && response.headers[.location] == "/prognose?prognose=\(Self.forecast)", "\(uri)")
            }
        }
    }

    @Test(arguments: [
        ("/prognose?prognose=bestaat-niet", HTTPResponse.Status.notFound, "Er is geen prognose &#39;bestaat-niet&#39;"),
        ("/prognose?prognose=demo-spanning", .notFound, "kies prognose-spanningsindicator"),
        ("/prognose?reeks=%3Cscript%3E", .notFound, "heeft geen reeks &#39;&lt;script&gt;&#39;"),
        ("/api/v1/forecasts/demo-spanning", .notFound, "is geen prognose"),
        ("/api/v1/forecasts/prognose-spanningsindicator?reeks=9999", .notFound, "geen reeks"),
    ])
    func aWrongChoiceSaysWhatToChoose(uri: String, status: HTTPResponse.Status, fragment: String) async throws {
        let store = try await Self.store.value
        try await APITests.app(store).test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get, headers: [.acceptLanguage: "nl"])
            let body = String(buffer: response.body)
            #expect(response.status == status, "\(uri)")
            #expect(body.contains(fragment) || body.contains(fragment.replacingOccurrences(of: "&#39;", with: "'")), "\(uri): \(body.prefix(500))")
            #expect(!body.contains("<script>"))
        }
    }

    /// Every forecast and projection on the pages, in the API and in the downloads comes with its status and its
    /// interval.
    @Test func noForecastIsShownOrExportedWithoutItsStatusAndInterval() async throws {
        let store = try await Self.store.value
        try await APITests.app(store).test(.router) { client in
            let base = "/api/v1/datasets/\(Self.forecast)/observations?measure=\(Self.forecast)"
            let csv = String(buffer: try await client.execute(uri: base + "&format=csv", method: .get).body)
            let lines = csv.split(separator: "\n").map(Self.fields)
            let header = try #require(lines.first)
            let columns = ["value", "ondergrens80", "bovengrens80", "ondergrens95", "bovengrens95", "status"].map { header.firstIndex(of: $0) }
            #expect(columns.allSatisfy { $0 != nil }, "\(header)")
            #expect(lines.count > 20)
            for row in lines.dropFirst() {
                let cells = columns.map { $0.map { row[$0] } ?? "" }
                let numbers = cells.prefix(5).compactMap(Double.init)
                #expect(numbers.count == 5 && cells[5] == "prognose", "\(row)")
                #expect(
                    numbers.count < 5
                        || (numbers[3] <= numbers[1] && numbers[1] <= numbers[0] && numbers[0] <= numbers[2] && numbers[2] <= numbers[4])
                )
            }
            let excel = String(buffer: try await client.execute(uri: base + "&format=csv-nl", method: .get).body)
            #expect(excel.contains(";ondergrens80;bovengrens80;ondergrens95;bovengrens95;status;"))
            let json = try APITests.json(try await client.execute(uri: base, method: .get))
            let observations = try #require(json["observations"] as? [[String: Any]])
            #expect(!observations.isEmpty)
            for o in observations {
                let extra = o["extra"] as? [String: String] ?? [:]
                #expect(
                    o["status"] as? String == "prognose"
                        && ["ondergrens80", "bovengrens80", "ondergrens95", "bovengrens95"].allSatisfy { Double(extra[$0] ?? "") != nil }
                )
            }

            let forecast = try APITests.json(try await client.execute(uri: "/api/v1/forecasts/\(Self.forecast)", method: .get))
            let series = try #require(forecast["series"] as? [[String: Any]])
            #expect(series.count > 10)
            for s in series {
                let steps = s["steps"] as? [[String: Any]] ?? []
                #expect(steps.count == 4 || s["refusal"] != nil)
                #expect(
                    steps.allSatisfy { step in
                        step["status"] as? String == "prognose"
                            && ["mean", "lower80", "upper80", "lower95", "upper95"].allSatisfy { step[$0] is Double }
                    }
                )
            }

            let targets = try APITests.json(try await client.execute(uri: "/api/v1/targets", method: .get))
            let projections = (targets["targets"] as? [[String: Any]] ?? []).flatMap { ($0["series"] as? [[String: Any]]) ?? [] }.compactMap {
                $0["projection"] as? [String: Any]
            }
            #expect(projections.count == 4)
            for p in projections {
                #expect(p["status"] as? String == "prognose" && p["lower95"] is Double && p["upper95"] is Double && p["lower80"] is Double)
                #expect((p["steps"] as? [[String: Any]] ?? []).allSatisfy { $0["status"] as? String == "prognose" && $0["lower95"] is Double })
            }
        }
        let (_, page, _) = try await PageTests.get(store, "/prognose?prognose=\(Self.forecast)&reeks=totaal")
        let rows = PageTests.table(page)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.1.count == 4 && $0.1[1].contains(" – ") && $0.1[2].contains(" – ") && $0.1[3] == "prognose" }, "\(rows)")
        let (_, monitor, _) = try await PageTests.get(store, "/monitor")
        let lines = monitor.matches(of: /<li class="forecast">(.*?)<\/li>/).map { String($0.1) }
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.contains("prognose") && $0.contains("80%-interval") && $0.contains("95%-interval") }, "\(lines)")
    }

    @Test func aKeyFigureSheetDoesNotShowAForecastAsAFigure() async throws {
        let sheet = KeyFigureSheet(
            title: "Vooruitblik",
            defaultRegion: "NL01",
            figures: [KeyFigure(title: "Spanning straks", dataset: Self.forecast, measure: Self.forecast, explanation: "")]
        )
        let app = Application(router: WebServer.router(store: try await Self.store.value, configuration: .init(sheet: sheet)))
        try await app.test(.router) { client in
            let html = String(buffer: try await client.execute(uri: "/kerncijfers", method: .get).body)
            #expect(!html.contains(#"<li class="figure">"#))
            #expect(
                html.contains("Spanning straks: prognose-spanningsindicator is een prognose; die staat met haar intervallen op de pagina Prognoses.")
            )
        }
    }

    /// The fields of a CSV line, quotes taken off.
    static func fields(_ line: Substring) -> [String] {
        let chars = Array(line)
        var fields: [String] = []
        var field = ""
        var quoted = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted && c == "\"" && i + 1 < chars.count && chars[i + 1] == "\"" {
                field.append(c)
                i += 1
            } else if c == "\"" {
                quoted.toggle()
            } else if c == "," && !quoted {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
            i += 1
        }
        return fields + [field]
    }
}
