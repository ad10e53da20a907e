import Foundation
import KrapteCore
import KrapteIngest
import KrapteReport
import KrapteSQLite
import KrapteTesting
import Testing

/// A report over the real 80472ned table: every directive filled in from the store, every number with its note, the
/// sources at the end, and mistakes named by file and line.
@Suite(.serialized) struct ReportBuilderTests {
    static func store() async throws -> SQLiteStore {
        let store = try SQLiteStore()
        _ = try await store.load(try await TestData.readRealTable("cbs-vacatures/80472ned.csv"), loadedAt: Date(timeIntervalSince1970: 1_739_500_000))
        return store
    }

    static let source = """
        ---
        titel: Vacatures in $sector
        auteur: Team Arbeidsmarkt
        sector: C Industrie
        ---
        # Vacatures

        Eind 2024 stonden er {{waarde dataset=80472ned onderwerp=OpenstaandeVacatures_1 Bedrijfskenmerken="A-U Alle economische activiteiten" periode=2024KW04}} vacatures open, {{waarde dataset=80472ned onderwerp=OpenstaandeVacatures_1 Bedrijfskenmerken="A-U Alle economische activiteiten" periode=2024KW04 verandering=jaar}} op een jaar.

        {{zin dataset=80472ned onderwerp=OpenstaandeVacatures_1 Bedrijfskenmerken="$sector" regel=jaar periode=2024KW04}}

        {{tabel dataset=80472ned onderwerp=OpenstaandeVacatures_1 Bedrijfskenmerken="A-U Alle economische activiteiten,$sector" van=2024KW01 tot=2024KW04}}

        {{grafiek dataset=80472ned onderwerp=OpenstaandeVacatures_1 Bedrijfskenmerken="$sector" van=2023KW01}}
        """

    @Test func everyDirectiveIsFilledInWithItsNote() async throws {
        let store = try await Self.store()
        let report = try await ReportBuilder(store: store).build(try ReportSource.parse(Self.source, file: "vacatures.md"))
        let html = ReportDocument.html(report)
        // 383,8 thousand in 2024 4e kwartaal, against 389,2 a year before: -1,4%, written as published.
        #expect(html.contains("<title>Vacatures in C Industrie</title>"))
        #expect(html.contains(">383.800</span>") || html.contains(">383,8</span>"))
        #expect(html.contains(">-1%</span>"))
        #expect(html.contains("Berekend als (b / a - 1) x 100, met a = 2023 4e kwartaal: 389,2, b = 2024 4e kwartaal: 383,8 (definitief)."))
        #expect(html.contains("<h2>Noten</h2>") && html.contains("<h2>Bronnen</h2>"))
        #expect(html.contains("<svg") && html.contains("<table>"))
        // Numbers of one series share a note: the total's two numbers, the sector's sentence and chart, the table.
        #expect(report.notes.count == 3 && report.notes.map(\.references).reduce(0, +) == 5)
        #expect(!html.contains("KRAPTEDIRECTIVE"))
        // Every note is linked from the text and back.
        for note in report.notes {
            #expect(html.contains("href=\"#noot-\(note.number)\"") && html.contains("id=\"noot-\(note.number)\""))
        }
        #expect(report.releases.map(\.dataset) == ["80472ned"])
    }

    @Test func aSentenceSaysTheChangeWithItsDirection() async throws {
        let store = try await Self.store()
        let source = try ReportSource.parse(
            """
            {{zin dataset=80472ned onderwerp=OpenstaandeVacatures_1 Bedrijfskenmerken="A-U Alle economische activiteiten" regel=jaar periode=2024KW04 naam="het aantal openstaande vacatures"}}
            """,
            file: "zin.md"
        )
        let report = try await ReportBuilder(store: store).build(source)
        let text = report.filled[0].replacing(/<[^>]+>/, with: "").replacing(/\d+$/, with: "")
        #expect(text.hasPrefix("Het aantal openstaande vacatures daalde in het 4e kwartaal van 2024 met 1"))
        #expect(text.contains("ten opzichte van een jaar eerder."))
    }

    @Test func aDirectiveTheStoreCannotAnswerNamesItsLine() async throws {
        let store = try await Self.store()
        let source = try ReportSource.parse("# Kop\n\nTekst {{waarde dataset=80472ned onderwerp=Bestaatniet}}.\n", file: "fout.md")
        await #expect {
            try await ReportBuilder(store: store).build(source)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("fout.md, regel 3 ({{waarde}}): 80472ned heeft geen onderwerp 'Bestaatniet'") && text.contains("Oplossing:")
        }
        let unknownDimension = try ReportSource.parse("{{waarde dataset=80472ned Sector=C}}", file: "fout.md")
        await #expect {
            try await ReportBuilder(store: store).build(unknownDimension)
        } throws: { error in "\(error)".contains("'Sector' is geen argument van de opdracht en geen dimensie van 80472ned") }
        let twoSeries = try ReportSource.parse(
            "{{waarde dataset=80472ned Bedrijfskenmerken=\"A-U Alle economische activiteiten,C Industrie\"}}",
            file: "fout.md"
        )
        await #expect {
            try await ReportBuilder(store: store).build(twoSeries)
        } throws: { error in "\(error)".contains("de keuze geeft 2 reeksen") }
        // A forecast is refused: a report's figures and charts would show it without its status and intervals.
        _ = try await IndicatorEngine(store: store, definitions: .shipped).computeAndStore("prognose-vacatures-sector")
        for directive in ["waarde", "tabel", "grafiek"] {
            let forecast = try ReportSource.parse("{{\(directive) dataset=prognose-vacatures-sector Bedrijfskenmerken=J}}", file: "fout.md")
            await #expect {
                try await ReportBuilder(store: store).build(forecast)
            } throws: { error in
                "\(error)".hasPrefix("fout.md, regel 1 ({{\(directive)}}): prognose-vacatures-sector is een prognose")
                    && "\(error)".contains("/prognose?prognose=prognose-vacatures-sector")
            }
        }
    }

    @Test func aMapShowsEveryRegionOfItsLevelWithItsSourceAndTable() async throws {
        let store = try SQLiteStore()
        _ = try await store.load(try await TestData.readRealTable("cbs-regionaal/85268NED.csv"), loadedAt: Date(timeIntervalSince1970: 1_739_500_000))
        let source = try ReportSource.parse(
            "{{kaart dataset=85268NED onderwerp=Werkloosheidspercentage_13 niveau=provincie periode=2024KW03}}",
            file: "kaart.md"
        )
        let report = try await ReportBuilder(store: store).build(source)
        let html = report.filled[0]
        #expect(html.contains("<svg") && html.contains("Werkloosheidspercentage (%) per regio (provincies), 2024 3e kwartaal"))
        #expect(html.contains("Bron: CBS (85268NED, versie 1). Bron kaart: CBS/PDOK."))
        // A row per province in the table beside the map, and a region per province on it.
        #expect(html.matches(of: /<tr><th scope="row">/).count == 12)
        #expect(html.contains("<th scope=\"row\">Utrecht (PV)</th><td class=\"num\">3,5</td>"))
        #expect(report.results[0].traces.count == 12)
        let wrong = try ReportSource.parse("{{kaart dataset=85268NED niveau=gemeente}}", file: "kaart.md")
        await #expect { try await ReportBuilder(store: store).build(wrong) } throws: {
            "\($0)".contains("niveau='gemeente' is geen niveau met een kaart")
        }
    }
}
