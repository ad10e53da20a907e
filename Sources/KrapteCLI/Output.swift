import Foundation
import KrapteCore

/// Writes lines to standard error: progress and messages that must not mix with data on standard output.
enum Output {
    /// The language of the command line: `--lang` or `KRAPTE_LANG`, Dutch by default (set by `Krapte.run`).
    @TaskLocal static var language: Language = .nl

    /// `message` in the command line's language.
    static func text(_ message: Message) -> String { message.text(in: language) }

    /// Writes `text` to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes `message` to standard error in the command line's language.
    static func error(_ message: Message) { error(text(message)) }

    /// Writes `message` to standard output in the command line's language.
    static func print(_ message: Message) { Swift.print(text(message)) }

    /// Whether standard error is a terminal (then progress lines are shown).
    static var isTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// A plain text table with aligned columns; numeric columns are right-aligned.
    static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        var widths = header.map(\.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - c.count)
                return rightAligned.contains(i) ? pad + c : c + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line)).joined(separator: "\n")
    }
}
