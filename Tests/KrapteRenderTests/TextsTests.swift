import Foundation
import KrapteRender
import KrapteTesting
import Testing

/// The fixed texts of the pages come from one catalogue per language, and both hold every text the templates use.
@Suite struct TextsTests {
    @Test func bothCataloguesHoldTheSameTexts() {
        #expect(!Texts.dutch.keys.isEmpty)
        #expect(Texts.dutch.keys == Texts.english.keys)
        #expect(Texts.dutch["lang"] == "nl" && Texts.english["lang"] == "en")
        #expect(Texts.dutch["navKeyFigures"] == "Kerncijfers" && Texts.english["navKeyFigures"] == "Key figures")
    }

    @Test func everyTextATemplateUsesIsInTheCatalogues() throws {
        let folder = TestData.root.appendingPathComponent("Sources/KrapteRender/Templates")
        var used: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for m in text.matches(of: /\{\{t\.([A-Za-z]+)\}\}/) { used.insert(String(m.1)) }
        }
        #expect(used.count > 50)
        #expect(used.subtracting(Texts.dutch.keys).isEmpty, "\(used.subtracting(Texts.dutch.keys).sorted())")
    }

    @Test func theLanguageARequestAsksFor() {
        #expect(Language.asked(nil) == .nl && Language.asked("en") == .en && Language.asked("EN") == .en)
        #expect(Language.asked("nl") == .nl && Language.asked("xx") == .nl)
    }
}
