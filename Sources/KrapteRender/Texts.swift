import Foundation
import Mustache

/// The language a page is written in: Dutch for Krapte's readers, English on request.
public enum Language: String, Sendable, CaseIterable {
    case nl
    case en

    /// The language a request asks for with `?lang=en` or `?lang=nl`; Dutch otherwise.
    ///
    /// `Accept-Language` is not followed yet: the pages' fixed texts are in both catalogues, but the sentences, notes
    /// and messages the views write are Dutch only, so a browser set to English would get a page in two languages
    /// without asking for it.
    public static func asked(_ query: String?) -> Language {
        query.flatMap { Language(rawValue: $0.lowercased()) } ?? .nl
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
