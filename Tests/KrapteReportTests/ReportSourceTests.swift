import KrapteCore
import KrapteReport
import Testing

/// The form of a report source: its front matter, directives with quoted and filled-in arguments, and mistakes named
/// by line.
@Suite struct ReportSourceTests {
    @Test func frontMatterAndDirectivesAreRead() throws {
        let source = try ReportSource.parse(
            """
            ---
            titel: "Kerncijfers $regio"
            regio: PV26
            ---
            Tekst met {{waarde dataset=85268NED RegioS=$regio titel="Twee woorden"}} en \\{{geen opdracht}}.
            {{tabel dataset=80472ned}}
            """,
            file: "r.md",
            settings: ["regio": "AM13"]
        )
        #expect(source.parameters["regio"] == "AM13")
        #expect(source.directives.count == 2)
        #expect(source.directives[0].name == "waarde" && !source.directives[0].isBlock && source.directives[0].line == 5)
        #expect(source.directives[0]["RegioS"] == "AM13" && source.directives[0]["titel"] == "Twee woorden")
        #expect(source.directives[1].isBlock && source.directives[1].line == 6)
        #expect(source.markdown.contains("Tekst met KRAPTEDIRECTIVE0X en {{geen opdracht}}."))
    }

    @Test(arguments: [
        ("---\ntitel: x\n", "r.md, regel 1: de kop (front matter) begint met --- maar sluit niet met een regel ---"),
        ("a\nb {{waarde dataset=x", "r.md, regel 2: een opdracht die met {{ begint sluit niet met }} op dezelfde regel"),
        (
            "{{waard dataset=x}}",
            "r.md, regel 1 ({{waard}}): onbekende opdracht {{waard dataset=x}}. Oplossing: gebruik een van de opdrachten waarde, zin, tabel, enquetetabel, grafiek, kaart, kerncijfer of herzieningen. Bedoelde u waarde of kaart?"
        ),
        ("\n\n{{zin dataset=$land}}", "r.md, regel 3 ({{zin}}): de parameter $'land' staat niet in de kop"),
        ("{{zin dataset=\"x}}", "r.md, regel 1 ({{zin}}): de waarde van dataset opent een aanhalingsteken dat niet sluit"),
        ("{{zin dataset}}", "r.md, regel 1 ({{zin}}): een argument is niet geschreven als naam=waarde"),
    ])
    func mistakesNameTheLine(text: String, expected: String) {
        #expect {
            try ReportSource.parse(text, file: "r.md")
        } throws: { error in
            "\(error)".hasPrefix(expected) && "\(error)".contains("Oplossing:")
        }
    }

    /// Seeded random sources from the characters that matter to the parser: each parses or is refused with a
    /// `ReportError` naming the file and a line of the source, never a crash.
    @Test func randomSourcesParseOrAreRefusedByLine() {
        var random = SplitMix64(seed: 27)
        let pieces = ["{{", "}}", "waarde", "zin", "tabel", "dataset", "=", "\"", "\\", "$", "${", "}", " ", "a", "x=y", "\n", "---\n", "\\{{", "é"]
        for _ in 0..<2_000 {
            let text = (0..<Int(random.next() % 24)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            do {
                let source = try ReportSource.parse(text, file: "r.md", settings: ["a": "1"])
                #expect(source.directives.allSatisfy { (1...lines).contains($0.line) })
            } catch let error as ReportError {
                #expect(error.file == "r.md" && error.line.map { (1...lines).contains($0) } ?? false, "\(error)")
            } catch {
                Issue.record("\(text.debugDescription): \(error)")
            }
        }
    }
}
