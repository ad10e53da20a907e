import Foundation

/// Every text Krapte writes for a reader in one language, read from `Texts/Catalogue/<language>.json`: one catalogue
/// per language, every key in both (`TextsTests` checks that). Pages read the texts by key; messages
/// (`Message`) fill the placeholders `{0}`, `{1}`, ... of theirs.
public struct Catalogue: Sendable {
    /// The language.
    public let language: Language
    private let texts: [String: String]

    /// The catalogue of `language` shipped with KrapteCore.
    public static func shipped(_ language: Language) -> Catalogue {
        switch language {
        case .nl: dutch
        case .en: english
        }
    }

    /// The Dutch catalogue.
    public static let dutch = load(.nl)
    /// The English catalogue.
    public static let english = load(.en)

    private static func load(_ language: Language) -> Catalogue {
        let url = Bundle.module.resourceURL?.appendingPathComponent("Catalogue/\(language.rawValue).json")
        let data = url.flatMap { try? Data(contentsOf: $0) }
        let texts = data.flatMap { try? JSONDecoder().decode([String: String].self, from: $0) }
        return Catalogue(language: language, texts: texts ?? [:])
    }

    init(language: Language, texts: [String: String]) {
        self.language = language
        self.texts = texts
    }

    /// The text of `key`, or nil when the catalogue lacks it.
    public func text(_ key: String) -> String? { texts[key] }

    /// The text of `key`; the key itself when the catalogue lacks it, so that a missing text shows, not a blank.
    public subscript(key: String) -> String { texts[key] ?? key }

    /// The keys of the catalogue.
    public var keys: Set<String> { Set(texts.keys) }
}
