import Foundation
import KrapteCore
import KrapteRender
import KrapteTesting
import Testing

/// Every text a reader reads comes from one catalogue per language; both hold every key the code and the templates
/// use, with the same placeholders.
@Suite struct TextsTests {
    @Test func bothCataloguesHoldTheSameTexts() {
        #expect(Catalogue.dutch.keys.count > 600)
        #expect(Catalogue.dutch.keys == Catalogue.english.keys)
        #expect(Texts.dutch["lang"] == "nl" && Texts.english["lang"] == "en")
        #expect(Texts.dutch["navKeyFigures"] == "Kerncijfers" && Texts.english["navKeyFigures"] == "Key figures")
    }

    @Test func bothLanguagesFillTheSamePlaceholders() {
        for key in Catalogue.dutch.keys {
            let dutch = Set(Catalogue.dutch[key].matches(of: /\{(\d+)\}/).map { String($0.1) })
            let english = Set(Catalogue.english[key].matches(of: /\{(\d+)\}/).map { String($0.1) })
            #expect(dutch == english, "\(key): \(Catalogue.dutch[key]) / \(Catalogue.english[key])")
        }
    }

    @Test func everyTextATemplateUsesIsInTheCatalogues() throws {
        let folder = TestData.root.appendingPathComponent("Sources/KrapteRender/Templates")
        var used: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for m in text.matches(of: /\{\{t\.([A-Za-z]+)\}\}/) { used.insert(String(m.1)) }
        }
        #expect(used.count > 50)
        #expect(used.subtracting(Catalogue.dutch.keys).isEmpty, "\(used.subtracting(Catalogue.dutch.keys).sorted())")
    }

    /// Every `Message("key", ...)` and `t["key"]` in the sources names a text both catalogues hold.
    @Test func everyMessageTheCodeWritesIsInTheCatalogues() throws {
        let sources = TestData.root.appendingPathComponent("Sources")
        var used: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for m in text.matches(of: /Message\("([A-Za-z0-9.+]+)"/) { used.insert(String(m.1)) }
            for m in text.matches(of: /\bt\["([A-Za-z0-9.]+)"\]/) { used.insert(String(m.1)) }
        }
        #expect(used.count > 400)
        #expect(used.subtracting(Catalogue.dutch.keys).isEmpty, "\(used.subtracting(Catalogue.dutch.keys).sorted())")
    }

    /// The names the code looks up by a case's name: every case has one in both languages.
    @Test func everyNameOfACaseIsInTheCatalogues() {
        for language in Language.allCases {
            let catalogue = Catalogue.shipped(language)
            var keys = DimensionKind.allCases.map { "kind.dimension.\($0.rawValue)" } + MeasureKind.allCases.map { "kind.measure.\($0.rawValue)" }
            keys += ObservationStatus.allCases.map { "status.\($0)" } + RegionLevel.allCases.map { "RegionLevel.plural.\($0.rawValue)" }
            keys += ValueAttribute.allCases.filter { $0 != .present }.map { "attribute.\($0)" }
            keys += [Period.Frequency.year, .halfYear, .quarter, .month].map { "frequency.\($0)" }
            keys += ["up", "down", "flat"].flatMap { ["KeyFiguresView.direction.\($0)", "KeyFiguresView.directionBy.\($0)"] }
            for key in keys { #expect(catalogue.text(key) != nil, "\(language): \(key)") }
            #expect(Period.Frequency.quarter.name(in: language) == (language == .nl ? "kwartaal" : "quarter"))
        }
    }

    @Test func aMessageIsWrittenInTheLanguageAskedFor() {
        let error = IngestError(
            file: "vacatures.csv",
            row: 12,
            column: "Perioden",
            code: .unknownPeriod,
            message: Message("CBSCSVReader.cbsPeriod", "'2024Q5'"),
            fix: Message("CBSCSVReader.cbsPeriod.fix")
        )
        #expect(error.description.hasPrefix("vacatures.csv, rij 12, kolom Perioden: '2024Q5' is geen CBS-periode. Oplossing: schrijf"))
        #expect(error.description(in: .en).hasPrefix("vacatures.csv, row 12, column Perioden: '2024Q5' is not a CBS period. Fix: write"))
        #expect(Message("Suggestions.several", "A, B", "C").text(in: .en) == " Did you mean A, B or C?")
        #expect(Message("Suggestions.none").text(in: .nl).isEmpty)
        #expect(Message("Source.version", 1.5).text(in: .nl) == ", versie 1,5")
        // A key no catalogue holds still says what it was given.
        #expect(Message("no.such.key", "x").text(in: .nl) == "no.such.key x")
    }

    @Test func theLanguageARequestAsksFor() {
        #expect(Language.asked(nil) == .nl && Language.asked("en") == .en && Language.asked("EN") == .en)
        #expect(Language.asked("nl") == .nl && Language.asked("xx") == .nl)
        #expect(Language.asked(nil, acceptLanguage: "en-US,en;q=0.9") == .en)
        #expect(Language.asked(nil, acceptLanguage: "fr-FR,fr;q=0.9,nl;q=0.8,en;q=0.5") == .nl)
        #expect(Language.asked(nil, acceptLanguage: "de,fr") == .nl)
        #expect(Language.asked(nil, acceptLanguage: "nl;q=0.2,en;q=0.3") == .en)
        #expect(Language.asked(nil, acceptLanguage: "en;q=0") == .nl)
        #expect(Language.asked("nl", acceptLanguage: "en") == .nl)
        #expect(Language.asked(nil, acceptLanguage: String(repeating: "x;q=,", count: 10_000)) == .nl)
    }

    @Test func theLanguageACommandAsksFor() {
        #expect(Language.chosen(nil, environment: [:]) == .nl)
        #expect(Language.chosen("en", environment: [:]) == .en)
        #expect(Language.chosen(nil, environment: ["KRAPTE_LANG": "en_GB.UTF-8"]) == .en)
        #expect(Language.chosen("nl", environment: ["KRAPTE_LANG": "en"]) == .nl)
        #expect(Language.chosen("xx", environment: [:]) == .nl)
    }

    @Test func periodsAndStatusesInEitherLanguage() throws {
        let quarter = try #require(Period(code: "2024KW04"))
        let month = try #require(Period(code: "2025MM03"))
        #expect(quarter.label(in: .nl) == "2024 4e kwartaal" && quarter.label(in: .en) == "2024 4th quarter")
        #expect(quarter.phrase(in: .en) == "the 4th quarter of 2024" && month.label(in: .en) == "2025 March")
        #expect(quarter.axisLabel(in: .en) == "2024 Q4" && month.axisLabel(in: .nl) == "2025 mrt" && month.axisLabel(in: .en) == "2025 Mar")
        #expect(ObservationStatus.naderVoorlopig.label(in: .en) == "revised provisional")
        #expect(ObservationStatus.voorlopig.label(in: .nl) == "voorlopig")
    }
}
