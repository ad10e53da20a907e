import Foundation

/// Escaping for HTML and SVG: every label and value that comes from data passes through here before it reaches a
/// page, a chart or an attribute.
public enum Markup {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in element content and in quoted attributes.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func escape(_ text: String) -> String {
        // Most labels and values need no escaping: they are returned as they are, after a look at their bytes.
        guard needsEscaping(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Whether `text` holds a byte that `escape` replaces: a control character or one of `&<>"'`.
    private static func needsEscaping(_ text: String) -> Bool {
        func special(_ b: UInt8) -> Bool { b < 0x20 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 }
        // A native string's bytes are read in place, without the iterator `utf8.contains` goes through.
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes in bytes.contains(where: special) }) { return found }
        return text.utf8.contains(where: special)
    }
}

extension String {
    /// The text percent-encoded for one segment of a path (`/datasets/<segment>`): a dataset id with a space, a
    /// quote or a slash still makes one working link.
    public var pathEncoded: String {
        isUnreserved ? self : addingPercentEncoding(withAllowedCharacters: Self.pathSegmentAllowed) ?? ""
    }

    /// Whether the text is only ASCII letters, digits and `-._~`, which stay as they are anywhere in a URL: most ids,
    /// codes and names need no encoding.
    public var isUnreserved: Bool {
        utf8.allSatisfy { b in
            (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
        }
    }

    /// What one path segment keeps unencoded: what a path allows, but for `/?#;'"`.
    private static let pathSegmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#;'\""))
}

extension Markup {
    /// `text` escaped, with each span between backticks set as code: the way the OpenAPI document marks names and
    /// examples (`` `2024KW04` `` becomes `<code>2024KW04</code>`). An unpaired backtick stays a backtick.
    public static func inlineCode(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count > 2 else { return escape(text) }
        var out = ""
        for (i, part) in parts.enumerated() {
            let escaped = escape(String(part))
            if i % 2 == 0 {
                out += escaped
            } else if i == parts.count - 1 {
                out += "`" + escaped
            } else {
                out += "<code>" + escaped + "</code>"
            }
        }
        return out
    }
}
