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

    @Test(
        arguments: [
            (nil, nil, Language.nl), ("en", nil, .en), ("EN", "nl", .en), ("nl", "en", .nl), (nil, "en-GB,en;q=0.9,nl;q=0.8", .en),
            (nil, "nl-NL,nl;q=0.9,en;q=0.8", .nl), (nil, "de-DE,de;q=0.9", .nl), (nil, "en;q=0", .nl), (nil, "fr;q=0.9, en;q=0.5", .en),
            ("xx", "en", .en),
        ] as [(String?, String?, Language)]
    )
    func theLanguageARequestAsksFor(query: String?, accept: String?, expected: Language) {
        #expect(Language.negotiate(query: query, acceptLanguage: accept) == expected)
    }
}
