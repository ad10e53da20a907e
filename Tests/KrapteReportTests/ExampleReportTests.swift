import Foundation
import KrapteCore
import KrapteIngest
import KrapteReport
import KrapteSQLite
import KrapteTesting
import Testing

/// The reports shipped in `Examples/rapporten`, built from the real CBS tables of `../shared/data/real`, against the
/// figures their seeds print, and against their golden HTML.
@Suite(.serialized) struct ExampleReportTests {
    static let snapshot = Snapshot(besides: #filePath)
    static let loadedAt = Date(timeIntervalSince1970: 1_739_500_000)
    static let examples = TestData.root.appendingPathComponent("Examples/rapporten")

    /// A store with `tables` and every shipped indicator their data can give.
    static func store(_ tables: [String]) async throws -> SQLiteStore {
        let store = try SQLiteStore()
        for path in tables { _ = try await store.load(try await TestData.readRealTable(path), loadedAt: loadedAt) }
        let engine = IndicatorEngine(store: store, definitions: .shipped)
        var present = Set(try await store.datasets().map(\.id))
        for d in try IndicatorDefinitions.shipped.dependencyOrder() where d.inputDatasets.isSubset(of: present) {
            _ = try await engine.computeAndStore(d.id, loadedAt: loadedAt)
            present.insert(d.id)
        }
        return store
    }

    /// The report `name` built, as HTML.
    static func build(_ name: String, _ store: any Store, settings: [String: String] = [:]) async throws -> (BuiltReport, String) {
        let text = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
        let report = try await ReportBuilder(store: store, folder: examples).build(try ReportSource.parse(text, file: name, settings: settings))
        return (report, ReportDocument.html(report))
    }

    /// The text of a report's body, tags and note numbers taken out.
    static func text(_ html: String) -> String {
        html.replacing(/<sup>\d+<\/sup>/, with: "").replacing(/<[^>]+>/, with: "").replacingOccurrences(of: "&#39;", with: "'")
    }

    @Test func theICTReportPrintsSeed000sFigures() async throws {
        let store = try await Self.store([
            "cbs-arbeidsmarkt/85276NED.csv", "cbs-vacatures/80472ned.csv", "cbs-ict-gebruik/86075NED.csv", "cbs-faillissementen/82242NED.csv",
            "cbs-productiviteit/85880NED.csv", "cbs-productiviteit/85920NED.csv",
        ])
        let (report, html) = try await Self.build("ict-arbeidsmarkt.md", store)
        let text = Self.text(html)
        // Seed 000: "+161 duizend (+40,9%)" werkzame ICT'ers from 2020 1e kwartaal to 2024 4e kwartaal.
        #expect(text.contains("Sinds het 1e kwartaal van 2020 kwamen er 161.000 werkzame ICT'ers bij, een groei van 40,9%."))
        // Seed 000, from 86075NED: AI 58% in informatie en communicatie against 23% of all firms; cloud 71%.
        #expect(text.contains("58% van de bedrijven in de sector informatie en communicatie gebruikt AI, tegen 23% van alle bedrijven."))
        #expect(text.contains("In 2024 gebruikte 71% van de bedrijven clouddiensten."))
        // Seed 000's productivity table: the yearly growth per sector, to a tenth where CBS has not revised it since.
        #expect(text.contains("Informatie en communicatie1,18,3-1,82,4"))
        #expect(
            text.contains("De groei van de arbeidsproductiviteit was in 2024 bij Informatie en communicatie hoger dan bij Totaal: 2,4% tegen -0,2%.")
        )
        // Every number has its note (numbers of one series share one), and every note its trace back to a release.
        #expect(report.notes.map(\.references).reduce(0, +) == html.matches(of: /class="noot"/).count)
        #expect(report.notes.allSatisfy { $0.text.contains("versie ") })
        #expect(Set(report.releases.map(\.dataset)).isSuperset(of: ["85276NED", "80472ned", "86075NED", "82242NED", "arbeidsproductiviteit-groei"]))
        let mismatch = try Self.snapshot.mismatch(html, named: "ict-arbeidsmarkt.html")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    static let sheetTables = [
        "cbs-regionaal/85268NED.csv", "cbs-regionaal/86088NED.csv", "cbs-regionaal/85554NED.csv", "cbs-conjunctuur/85614NED.csv",
        "cbs-ziekteverzuim/80072ned.csv", "cbs-vacatures/80472ned.csv",
    ]

    @Test func theRegionalSheetPrintsSeed001sFiguresForAnyRegion() async throws {
        let store = try await Self.store(Self.sheetTables)
        let (_, utrecht) = try await Self.build("kerncijfers-regio.md", store)
        let text = Self.text(utrecht)
        // Seed 001 (Utrecht, December 2024): werkloosheid 3,5% in Utrecht and 3,7% in Nederland in 2024 3e kwartaal,
        // ziekteverzuim 5,1% in 2024 2e kwartaal.
        #expect(text.contains("De werkloosheid was in het 3e kwartaal van 2024 bij Utrecht (PV) lager dan bij Nederland: 3,5% tegen 3,7%."))
        #expect(text.contains("Ziekteverzuim Nederland5,1%2024 2e kwartaal"))
        #expect(!text.contains("jaarcijfer"))
        let mismatch = try Self.snapshot.mismatch(utrecht, named: "kerncijfers-regio.html")
        #expect(mismatch == nil, "\(mismatch ?? "")")
        // Seed 001's ondernemersvertrouwen of Utrecht, -2,2 in April 2024: the sheet as it stood in the 2nd quarter.
        let (_, spring) = try await Self.build("kerncijfers-regio.md", store, settings: ["kwartaal": "2024KW02"])
        #expect(Self.text(spring).contains("Ondernemersvertrouwen-2,22024 april"))
        // An arbeidsmarktregio gets the yearly figures of 86088NED; the quarterly ones its data does not hold are
        // left out, not an error.
        let (_, region) = try await Self.build(
            "kerncijfers-regio.md",
            store,
            settings: ["regio": "AM13", "arbeidsmarktregio": "AM13", "regionaam": "Midden-Utrecht"]
        )
        let regionText = Self.text(region)
        #expect(regionText.contains("Kerncijfers arbeidsmarkt Midden-Utrecht") && regionText.contains("Werkloosheid (jaarcijfer)"))
        #expect(!regionText.contains("De werkloosheid was in het 3e kwartaal"))
    }

    /// Whether Chromium and poppler's tools are here, or required.
    static let printing: Bool = {
        if ProcessInfo.processInfo.environment["KRAPTE_REQUIRE_BROWSER"] == "1" { return true }
        return ["/usr/bin/chromium", "/usr/bin/pdfinfo", "/usr/bin/pdftotext"].allSatisfy { FileManager.default.fileExists(atPath: $0) }
    }()

    @Test(.enabled(if: printing), .timeLimit(.minutes(3)))
    func theSheetPrintsOnOnePageOfA4WithItsTitleAndAuthor() async throws {
        let store = try await Self.store(Self.sheetTables)
        let (report, html) = try await Self.build("kerncijfers-regio.md", store)
        let folder = try TestData.temporaryFolder()
        let input = folder.appendingPathComponent("kerncijfers-regio.html")
        let output = folder.appendingPathComponent("kerncijfers-regio.pdf")
        try Data(html.utf8).write(to: input)
        let printer = try PDFPrinter.installed(file: "kerncijfers-regio.md")
        try await printer.print(input, to: output, title: report.source.title, author: report.source.parameters["auteur"] ?? "")
        let info = try Command.run(["pdfinfo", output.path]).output
        #expect(info.contains("Title:           Kerncijfers arbeidsmarkt Utrecht"))
        #expect(info.contains("Author:          Krapte, naar het voorbeeld van ArbeidsmarktInZicht (december 2024)"))
        #expect(info.contains("Pages:           1") && info.contains("(A4)"))
        let text = try Command.run(["pdftotext", "-layout", output.path, "-"]).output
        #expect(text.contains("3,5%") && text.contains("Pagina 1 van 1") && text.contains("Noten") && text.contains("Bronnen"))
    }

    @Test func theSurveyReportSaysHigherOnlyWhenTheChangeIsSignificant() async throws {
        let store = try SQLiteStore()
        for release in try DemoData.releases(cube: .sized(occupations: 4, regions: 2, quarters: 8)) {
            _ = try await store.load(release, loadedAt: Self.loadedAt)
        }
        let (report, html) = try await Self.build("werkgeversenquete-ai.md", store)
        let text = Self.text(html)
        // Generated figures, labelled as such.
        #expect(html.contains("<p class=\"illustratief\" role=\"note\">"))
        // Each wave sentence against the test computed here from the stored shares and standard errors.
        var checked = 0
        for answer in ["Ja, veel", "Nee", "Ja, een beetje"] {
            var cells: [String: Double] = [:]
            for measure in ["Aandeel", "Standaardfout", "StandaardfoutZonderEPC"] {
                let result = try await store.query(
                    ObservationQuery(
                        dataset: "werkgeversenquete-synthetisch",
                        measure: measure,
                        filters: [
                            .init(dimension: "Vraag", members: ["q_ai_gebruik"]), .init(dimension: "sector", members: ["totaal"]),
                            .init(dimension: "size_class", members: ["totaal"]), .init(dimension: "Antwoord", members: [answer]),
                        ]
                    )
                )
                for row in result.rows { cells["\(measure) \(row.period.year)"] = row.value }
            }
            let change = SurveyChange(
                from: SurveyEstimate(
                    estimate: cells["Aandeel 2024"]! / 100,
                    se: cells["Standaardfout 2024"]! / 100,
                    seNoFPC: cells["StandaardfoutZonderEPC 2024"]! / 100
                ),
                to: SurveyEstimate(
                    estimate: cells["Aandeel 2025"]! / 100,
                    se: cells["Standaardfout 2025"]! / 100,
                    seNoFPC: cells["StandaardfoutZonderEPC 2025"]! / 100
                )
            )
            let word = !change.isSignificant ? "vergelijkbaar met 2024" : change.change > 0 ? "hoger dan in 2024" : "lager dan in 2024"
            let shares =
                "\(DutchNumberFormat.format(cells["Aandeel 2025"]!, decimals: 1))% tegen \(DutchNumberFormat.format(cells["Aandeel 2024"]!, decimals: 1))%"
            #expect(text.contains("was in 2025 \(word): \(shares)"), "\(answer): \(word), \(shares)")
            checked += 1
        }
        #expect(checked == 3)
        #expect(report.releases.map(\.dataset) == ["werkgeversenquete-synthetisch"])
        // Figure 8's layout: a row per sector, a column per answer, sectors by their first answer, highest first.
        let figure = try #require(html.firstRange(of: "Gebruik van AI per sector, 2025 (%)").map { String(html[$0.lowerBound...]) })
        #expect(
            figure.contains(
                "<th scope=\"col\">Sector</th><th scope=\"col\" class=\"num\">Ja, veel</th><th scope=\"col\" class=\"num\">Ja, een beetje</th>"
            )
        )
        let firsts = figure.matches(of: /<tr><th scope="row">[^<]+<\/th><td class="num" title="[^"]*">([\d,]+)<\/td>/).prefix(9).compactMap {
            Double($0.1.replacingOccurrences(of: ",", with: "."))
        }
        #expect(firsts.count == 9 && firsts == firsts.sorted(by: >), "\(firsts)")
        // The design's tables laid out from the stored estimates as krapte survey table lays them out from the
        // microdata: whole percentages, 2025 beside 2024, the sectors by their first answer.
        let eight = try #require(html.firstRange(of: "Zoals figuur 8.").map { String(html[$0.lowerBound...]) })
        #expect(
            eight.contains("<th scope=\"colgroup\" colspan=\"4\" class=\"num\">2025</th><th scope=\"colgroup\" colspan=\"4\" class=\"num\">2024</th>")
        )
        let total = try #require(eight.firstMatch(of: /<tr><th scope="row">Totaal<\/th><td class="num">(\d+)%<\/td>/).flatMap { Int($0.1) })
        #expect(total == 24, "all employers who use AI much in 2025: 23,8% as a whole percentage")
        let mismatch = try Self.snapshot.mismatch(html, named: "werkgeversenquete-ai.html")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test(.enabled(if: printing), .timeLimit(.minutes(3)))
    func theICTReportPrintsANumberedPageAfterPage() async throws {
        let store = try await Self.store([
            "cbs-arbeidsmarkt/85276NED.csv", "cbs-vacatures/80472ned.csv", "cbs-ict-gebruik/86075NED.csv", "cbs-faillissementen/82242NED.csv",
            "cbs-productiviteit/85880NED.csv", "cbs-productiviteit/85920NED.csv",
        ])
        let (report, html) = try await Self.build("ict-arbeidsmarkt.md", store)
        let folder = try TestData.temporaryFolder()
        let input = folder.appendingPathComponent("ict.html")
        let output = folder.appendingPathComponent("ict.pdf")
        try Data(html.utf8).write(to: input)
        try await PDFPrinter.installed(file: "ict-arbeidsmarkt.md").print(input, to: output, title: report.source.title, author: "Krapte")
        let info = try Command.run(["pdfinfo", output.path]).output
        let pages = try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) })
        #expect(pages >= 3)
        // Every page has its number and the running header; the charts are vectors, not images.
        for page in 1...pages {
            let text = try Command.run(["pdftotext", "-f", "\(page)", "-l", "\(page)", "-layout", output.path, "-"]).output
            #expect(text.contains("Pagina \(page) van \(pages)") && text.contains("De arbeidsmarkt voor ICT'ers"), "page \(page)")
        }
        let all = try Command.run(["pdftotext", output.path, "-"]).output
        #expect(all.contains("161.000") && all.contains("40,9%") && all.contains("Bronnen"))
        #expect(try Command.run(["pdfimages", "-list", output.path]).output.split(separator: "\n").count <= 2)
    }

    /// Whether Chromium, its driver, selenium and axe-core are here, or required.
    static let browser: Bool = {
        if ProcessInfo.processInfo.environment["KRAPTE_REQUIRE_BROWSER"] == "1" { return true }
        guard FileManager.default.fileExists(atPath: "/usr/bin/chromium"), FileManager.default.fileExists(atPath: "/usr/bin/chromedriver") else {
            return false
        }
        return (try? Command.run(["python3", "-c", "import selenium, axe_selenium_python"]).status) == 0
    }()

    @Test(.enabled(if: browser), .timeLimit(.minutes(5)))
    func theRealDataReportsAreAccessibleFilesInChromium() async throws {
        let folder = try TestData.temporaryFolder()
        let ict = try await Self.store([
            "cbs-arbeidsmarkt/85276NED.csv", "cbs-vacatures/80472ned.csv", "cbs-ict-gebruik/86075NED.csv", "cbs-faillissementen/82242NED.csv",
            "cbs-productiviteit/85880NED.csv", "cbs-productiviteit/85920NED.csv",
        ])
        try Data(try await Self.build("ict-arbeidsmarkt.md", ict).1.utf8).write(to: folder.appendingPathComponent("ict-arbeidsmarkt.html"))
        let sheet = try await Self.store(Self.sheetTables)
        try Data(try await Self.build("kerncijfers-regio.md", sheet).1.utf8).write(to: folder.appendingPathComponent("kerncijfers-regio.html"))
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/check_reports.py")
        let (status, output) = try await Command.running([
            "python3", script.path, folder.path, folder.appendingPathComponent("ict-arbeidsmarkt.html").path,
            folder.appendingPathComponent("kerncijfers-regio.html").path,
        ])
        #expect(status == 0, "\(output)")
        let shots = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }
        #expect(shots.count == 4, "\(shots)")
    }
}
