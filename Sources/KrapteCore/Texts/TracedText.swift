/// A text with numbers in it, each number kept with its trace, so that a report can put a note beside every number
/// it filled in.
public struct TracedText: Sendable, Hashable {
    /// A piece of the text.
    public enum Part: Sendable, Hashable {
        /// Words as they are.
        case text(String)
        /// A number as written (`ruim 22.600`, `-13%`), and where it came from.
        case number(String, Trace)
    }

    /// The pieces, in order.
    public var parts: [Part]

    /// Makes a text of `parts`.
    public init(_ parts: [Part] = []) {
        self.parts = parts
    }

    /// The text without its traces.
    public var plain: String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .number(let text, _): text
            }
        }
        .joined()
    }

    /// The traces of the numbers, in order.
    public var traces: [Trace] {
        parts.compactMap { part in
            if case .number(_, let trace) = part { return trace }
            return nil
        }
    }

    /// The catalogue's text of `key` with `{0}`, `{1}`, ... filled in by `arguments`: a number keeps its trace, a
    /// text is written as it is.
    public static func filled(_ key: String, _ arguments: [Part], in language: Language = .nl) -> TracedText {
        let template = Catalogue.shipped(language)[key]
        var parts: [Part] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let n = Int(rest[afterOpen..<close]), arguments.indices.contains(n) {
                parts.append(arguments[n])
                rest = rest[rest.index(after: close)...]
            } else {
                parts.append(.text("{"))
                rest = rest[afterOpen...]
            }
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return TracedText(parts).merged
    }

    /// The text with its first letter a capital, as a sentence starts.
    public var capitalized: TracedText {
        guard case .text(let first)? = parts.first, let letter = first.first else { return self }
        var copy = self
        copy.parts[0] = .text(letter.uppercased() + first.dropFirst())
        return copy
    }

    /// Adjacent words joined into one part, empty words left out.
    var merged: TracedText {
        var out: [Part] = []
        for part in parts {
            if case .text(let text) = part {
                if text.isEmpty { continue }
                if case .text(let before)? = out.last {
                    out[out.count - 1] = .text(before + text)
                    continue
                }
            }
            out.append(part)
        }
        return TracedText(out)
    }
}
