import Foundation
import Mustache

/// The language a page is written in: Dutch for Krapte's readers, English on request.
public enum Language: String, Sendable, CaseIterable {
    case nl
    case en

    /// The language a request asks for: `?lang=en` or `?lang=nl` first, else the first of Dutch and English that
    /// `Accept-Language` names (`en-GB,en;q=0.9` is English), else Dutch.
    public static func negotiate(query: String?, acceptLanguage: String?) -> Language {
        if let query, let asked = Language(rawValue: query.lowercased()) { return asked }
        let ranked = (acceptLanguage ?? "").split(separator: ",").enumerated().compactMap { i, part -> (Double, Int, Language)? in
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = fields.first, let language = Language(rawValue: String(tag.prefix(2))) else { return nil }
            let q = fields.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return q > 0 ? (q, i, language) : nil
        }
        return ranked.max { ($0.0, -$0.1) < ($1.0, -$1.1) }?.2 ?? .nl
    }
}

/// The texts of the pages in one language, read from `Texts/<language>.json`: one catalogue per language, every key
/// in both (`TextsTests` checks that). Templates read them as `{{t.key}}`.
public struct Texts: Sendable, MustacheParent {
    /// The language.
    public let language: Language
    private let strings: [String: String]

    /// The catalogue of `language` shipped with KrapteRender.
    public static func shipped(_ language: Language) -> Texts {
        switch language {
        case .nl: dutch
        case .en: english
        }
    }

    /// The Dutch catalogue.
    public static let dutch = load(.nl)
    /// The English catalogue.
    public static let english = load(.en)

    private static func load(_ language: Language) -> Texts {
        let url = Bundle.module.resourceURL?.appendingPathComponent("Texts/\(language.rawValue).json")
        let strings = url.flatMap { try? Data(contentsOf: $0) }.flatMap { try? JSONDecoder().decode([String: String].self, from: $0) }
        return Texts(language: language, strings: strings ?? [:])
    }

    init(language: Language, strings: [String: String]) {
        self.language = language
        self.strings = strings
    }

    /// The text of `key`; the key itself when the catalogue lacks it, so that a missing text shows, not a blank.
    public subscript(key: String) -> String { strings[key] ?? key }

    /// The keys of the catalogue.
    public var keys: Set<String> { Set(strings.keys) }

    public func child(named name: String) -> Any? { strings[name] ?? name }
}
