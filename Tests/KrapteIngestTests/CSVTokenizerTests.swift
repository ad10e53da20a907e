import Foundation
import KrapteCore
import KrapteTesting
import Testing

@testable import KrapteIngest

@Suite struct CSVTokenizerTests {
    func records(_ text: String, separator: Character = ";", blockSize: Int = 1 << 20) throws -> [[String]] {
        var out: [[String]] = []
        try CSVTokenizer(separator: separator.asciiValue!, blockSize: blockSize).forEachRecord(in: Data(text.utf8), file: "t") { r in
            out.append((0..<r.count).map { r.string($0)! })
        }
        return out
    }

    @Test func readsQuotedFieldsAndLineEnds() throws {
        let text = "\u{FEFF}\"ID\";\"a\"\r\n\"1\";\"x;\"\"y\"\"\"\r\n2;\"two\nlines\"\n3;\n"
        #expect(try records(text) == [["ID", "a"], ["1", "x;\"y\""], ["2", "two\nlines"], ["3", ""]])
    }

    @Test func anUnclosedQuoteIsAnError() {
        #expect(throws: IngestError.self) { try records("a;b\n1;\"open\n") }
    }

    /// A reference splitter for fields without quotes.
    @Test func blockBoundariesDoNotMatter() throws {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<200 {
            var rows: [[String]] = []
            for _ in 0..<(1 + Int(rng.next() % 20)) {
                rows.append((0..<(1 + Int(rng.next() % 5))).map { _ in String(repeating: "ab", count: Int(rng.next() % 4)) + "\(rng.next() % 100)" })
            }
            let text = rows.map { $0.joined(separator: ",") }.joined(separator: rng.next() % 2 == 0 ? "\n" : "\r\n")
            let block = 1 + Int(rng.next() % 16)
            #expect(try records(text, separator: ",", blockSize: block) == rows, "block \(block)")
        }
    }
}

@Suite struct NumberParserTests {
    @Test(arguments: [
        ("451.9", 451.9), ("    93.7", 93.7), ("-0.2", -0.2), ("1e3", 1000), ("0", 0), ("+5", 5),
    ])
    func parsesPointNumbers(text: String, value: Double) {
        #expect(NumberParser().parse(text) == .number(value))
    }

    @Test func parsesDutchNumbers() {
        let p = NumberParser(decimal: UInt8(ascii: ","), thousands: UInt8(ascii: "."))
        #expect(p.parse("22.600") == .number(22_600))
        #expect(p.parse("1.234.567,5") == .number(1_234_567.5))
        #expect(p.parse("7,7") == .number(7.7))
        #expect(p.parse("22.60") == .invalid)
    }

    @Test(arguments: ["abc", "1.2.3", "12a", "--1", "e5"])
    func rejectsText(text: String) {
        #expect(NumberParser().parse(text) == .invalid)
    }

    @Test func missingSymbols() {
        #expect(NumberParser().parse("       .") == .missing(symbol: "."))
        #expect(NumberParser().parse("") == .missing(symbol: ""))
        #expect(NumberParser().parse("x") == .missing(symbol: "x"))
        #expect(NumberParser().parse(" NA ") == .missing(symbol: "NA"))
        #expect(NumberParser().parse("-5") == .number(-5) && NumberParser().parse(".5") == .number(0.5))
        #expect(NumberParser().parse("NAN") == .invalid && NumberParser().parse("N") == .invalid)
        // Tokens of a mapping replace the defaults: here `n.b.` is missing and `NA` and an empty field are not.
        let own = NumberParser(missing: ["n.b."])
        #expect(own.parse("n.b.") == .missing(symbol: "n.b.") && own.parse("NA") == .invalid && own.parse("") == .invalid)
        #expect(own.parse("12") == .number(12))
    }

    @Test func agreesWithTheStandardLibrary() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<20_000 {
            let digits = 1 + Int(rng.next() % 17)
            var text = String((0..<digits).map { _ in Character(String(rng.next() % 10)) })
            if rng.next() % 2 == 0 { text.insert(".", at: text.index(text.startIndex, offsetBy: Int(rng.next() % UInt64(digits)))) }
            if rng.next() % 3 == 0 { text = "-" + text }
            #expect(NumberParser().parse(text) == .number(Double(text)!), "\(text)")
        }
    }
}
