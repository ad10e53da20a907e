import Foundation
import KrapteCore

/// A report as written: a front matter of `key: value` lines between `---` lines (title, author, date and
/// parameters such as `regio: PV26`), then Markdown with directives. Parsing checks the form of every directive and
/// fills in the parameters (`$regio`); reading the store comes later (`ReportBuilder`). See Guides/Reports.md.
public struct ReportSource: Sendable {
    /// The directives a report can hold.
    public static let directiveNames = ["waarde", "zin", "tabel", "enquetetabel", "grafiek", "kaart", "kerncijfer", "herzieningen"]
    /// The directives that fill in a block of their own (a table, a chart, a card, the revisions); the others fill
    /// in text.
    public static let blockNames: Set<String> = ["tabel", "enquetetabel", "grafiek", "kaart", "kerncijfer", "herzieningen"]

    /// The report file's name, for errors.
    public var file: String
    /// The front matter with the settings given on the command line over it.
    public var parameters: [String: String]
    /// The Markdown, each directive replaced by its marker (`marker(n)`).
    public var markdown: String
    /// The directives, in order.
    public var directives: [Directive]

    /// The title (`titel`); the file's name when there is none.
    public var title: String { parameters["titel"] ?? file }

    /// The marker that stands for directive `n` in `markdown`: letters and digits only, so that Markdown leaves it
    /// as it is.
    public static func marker(_ n: Int) -> String { "KRAPTEDIRECTIVE\(n)X" }

    /// Parses `text`, the contents of `file`; `settings` (`--set regio=PV26`) override the front matter.
    /// - Throws: `ReportError` naming the line: a front matter without its closing `---`, a directive not closed on
    ///   its line, an unknown directive, a malformed argument or an unknown parameter.
    public static func parse(_ text: String, file: String, settings: [String: String] = [:]) throws -> ReportSource {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var parameters: [String: String] = [:]
        var firstBodyLine = 0
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
            guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else {
                throw ReportError(file: file, line: 1, Message("ReportSource.frontMatterOpen"), fix: Message("ReportSource.frontMatterOpenFix"))
            }
            for i in 1..<close {
                let line = lines[i].trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                guard let colon = line.firstIndex(of: ":") else {
                    throw ReportError(
                        file: file,
                        line: i + 1,
                        Message("ReportSource.frontMatterLine", line.excerpt),
                        fix: Message("ReportSource.frontMatterLineFix")
                    )
                }
                parameters[String(line[..<colon]).trimmingCharacters(in: .whitespaces)] = unquoted(
                    String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                )
            }
            firstBodyLine = close + 1
        }
        for (key, value) in settings { parameters[key] = value }
        // A front-matter value may name another parameter: `titel: Kerncijfers $regio`.
        for (key, value) in parameters where value.contains("$") {
            parameters[key] = try filled(value, parameters: parameters) { message in
                ReportError(file: file, line: 1, message, fix: Message("ReportSource.argumentFix"))
            }
        }
        var directives: [Directive] = []
        var body: [String] = []
        for i in firstBodyLine..<lines.count {
            var line = lines[i]
            let scanned = try scan(line, number: i + 1, file: file, parameters: parameters)
            for (k, found) in scanned.enumerated().reversed() {
                // A block stands alone in its own paragraph, also between lines without an empty line between.
                line.replaceSubrange(found.1, with: found.0.isBlock ? "\n" + marker(directives.count + k) + "\n" : marker(directives.count + k))
            }
            directives += scanned.map(\.0)
            body.append(textFilled(line.replacingOccurrences(of: "\\{{", with: "{{"), parameters: parameters))
        }
        return ReportSource(file: file, parameters: parameters, markdown: body.joined(separator: "\n"), directives: directives)
    }

    /// The directives of one line and where each stands, `\{{` taken as the text `{{`.
    static func scan(_ line: String, number: Int, file: String, parameters: [String: String]) throws -> [(Directive, Range<String.Index>)] {
        var found: [(Directive, Range<String.Index>)] = []
        var i = line.startIndex
        while let open = line[i...].range(of: "{{") {
            if open.lowerBound > line.startIndex, line[line.index(before: open.lowerBound)] == "\\" {
                i = open.upperBound
                continue
            }
            guard let close = line[open.upperBound...].range(of: "}}") else {
                throw ReportError(file: file, line: number, Message("ReportSource.notClosed"), fix: Message("ReportSource.notClosedFix"))
            }
            let inside = String(line[open.upperBound..<close.lowerBound])
            let isBlock =
                line.trimmingCharacters(in: .whitespaces) == String(line[open.lowerBound..<close.upperBound])
                && blockNames.contains(String(line[open.upperBound...].drop { $0 == " " }.prefix { $0.isLetter }))
            found.append(
                (try directive(inside, line: number, file: file, parameters: parameters, isBlock: isBlock), open.lowerBound..<close.upperBound)
            )
            i = close.upperBound
        }
        return found
    }

    /// The directive written as `inside` (between `{{` and `}}`).
    static func directive(_ inside: String, line: Int, file: String, parameters: [String: String], isBlock: Bool) throws -> Directive {
        var rest = Substring(inside).drop { $0 == " " }
        let name = String(rest.prefix { $0.isLetter })
        guard directiveNames.contains(name) else {
            throw ReportError(
                file: file,
                line: line,
                directive: name.isEmpty ? nil : name,
                Message("ReportSource.unknownDirective", String(inside.prefix(40))),
                fix: Message("ReportSource.unknownDirectiveFix", Suggestions.sentence(name, in: directiveNames), Message.either(directiveNames))
            )
        }
        rest = rest.dropFirst(name.count)
        var arguments: [(key: String, value: String)] = []
        func fail(_ message: Message) -> ReportError {
            ReportError(file: file, line: line, directive: name, message, fix: Message("ReportSource.argumentFix"))
        }
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard !rest.isEmpty else { break }
            let key = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
            rest = rest.dropFirst(key.count)
            guard !key.isEmpty, rest.first == "=" else { throw fail(Message("ReportSource.argumentForm", String(rest.prefix(30)).excerpt)) }
            rest = rest.dropFirst()
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var closed = false
                while let c = rest.first {
                    rest = rest.dropFirst()
                    if c == "\\", let next = rest.first {
                        value.append(next)
                        rest = rest.dropFirst()
                    } else if c == "\"" {
                        closed = true
                        break
                    } else {
                        value.append(c)
                    }
                }
                guard closed else { throw fail(Message("ReportSource.quoteOpen", String(key))) }
            } else {
                value = String(rest.prefix { $0 != " " && $0 != "\t" })
                rest = rest.dropFirst(value.count)
            }
            arguments.append((String(key), try filled(value, parameters: parameters, fail: fail)))
        }
        return Directive(name: name, arguments: arguments, line: line, isBlock: isBlock)
    }

    /// `value` with `$name` and `${name}` replaced by the parameters; `$$` is a `$`.
    static func filled(_ value: String, parameters: [String: String], fail: (Message) -> ReportError) throws -> String {
        guard value.contains("$") else { return value }
        var out = ""
        var rest = Substring(value)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" {
                out.append("$")
                rest = rest.dropFirst()
                continue
            }
            let braced = rest.first == "{"
            if braced { rest = rest.dropFirst() }
            let name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            rest = rest.dropFirst(name.count)
            if braced {
                guard rest.first == "}" else { throw fail(Message("ReportSource.parameterOpen", name)) }
                rest = rest.dropFirst()
            }
            guard let given = parameters[name] else {
                throw fail(Message("ReportSource.unknownParameter", name.excerpt, Message.all(parameters.keys.sorted().map { "$" + $0 })))
            }
            out += given
        }
        return out + rest
    }

    /// A line of text with `$name` replaced where `name` is a parameter; any other `$` stays as it is (`$5`).
    static func textFilled(_ line: String, parameters: [String: String]) -> String {
        guard line.contains("$") else { return line }
        var out = ""
        var rest = Substring(line)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            let name = String(after.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            if let value = parameters[name], !name.isEmpty {
                out += value
                rest = after.dropFirst(name.count)
            } else {
                out.append("$")
                rest = after
            }
        }
        return out + rest
    }

    /// A front-matter value without the quotes around it.
    static func unquoted(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else { return value }
        return String(value.dropFirst().dropLast())
    }
}
