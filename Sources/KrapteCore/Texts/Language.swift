import Foundation

/// The language a reader reads: Dutch for Krapte's readers, English on request.
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl
    case en

    /// The language a request asks for with `?lang=en` or `?lang=nl`, else the first of `Accept-Language` that
    /// Krapte writes (`en-GB,en;q=0.9` is English, `fr,nl;q=0.5` Dutch); Dutch otherwise.
    public static func asked(_ query: String?, acceptLanguage: String? = nil) -> Language {
        if let query, let asked = Language(rawValue: query.lowercased()) { return asked }
        return acceptLanguage.flatMap(preferred(in:)) ?? .nl
    }

    /// The language a command asks for with `--lang`, else `KRAPTE_LANG` (`en`, `en_GB.UTF-8`); Dutch otherwise.
    public static func chosen(_ option: String?, environment: [String: String]) -> Language {
        if let option, let chosen = Language(tag: option) { return chosen }
        return environment["KRAPTE_LANG"].flatMap { Language(tag: $0) } ?? .nl
    }

    /// The language of a tag such as `en`, `en-GB` or `nl_NL.UTF-8`; nil for a language Krapte does not write.
    public init?(tag: String) {
        let primary = tag.prefix { $0.isLetter }.lowercased()
        guard let language = Language(rawValue: primary) else { return nil }
        self = language
    }

    /// The language of `Accept-Language` with the highest weight that Krapte writes; nil when there is none.
    static func preferred(in header: String) -> Language? {
        var best: (language: Language, weight: Double)?
        for part in header.split(separator: ",").prefix(32) {
            let fields = part.split(separator: ";")
            guard let tag = fields.first, let language = Language(tag: tag.trimmingCharacters(in: .whitespaces)) else { continue }
            var weight = 1.0
            for field in fields.dropFirst() {
                let pair = field.trimmingCharacters(in: .whitespaces)
                if pair.hasPrefix("q="), let q = Double(pair.dropFirst(2)), q.isFinite { weight = q }
            }
            if weight > 0, weight > (best?.weight ?? 0) { best = (language, weight) }
        }
        return best?.language
    }
}
