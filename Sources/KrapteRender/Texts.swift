import KrapteCore
import Mustache

/// The fixed texts of the pages in one language, from KrapteCore's `Catalogue`. Templates read them as `{{t.key}}`.
public struct Texts: Sendable, MustacheParent {
    /// The catalogue.
    public let catalogue: Catalogue

    /// The texts of `language`.
    public static func shipped(_ language: Language) -> Texts { Texts(catalogue: .shipped(language)) }

    /// The Dutch texts.
    public static let dutch = Texts(catalogue: .dutch)
    /// The English texts.
    public static let english = Texts(catalogue: .english)

    /// The language.
    public var language: Language { catalogue.language }

    /// The text of `key`; the key itself when the catalogue lacks it, so that a missing text shows, not a blank.
    public subscript(key: String) -> String { catalogue[key] }

    /// `message` in the language of these texts.
    public func callAsFunction(_ message: Message) -> String { message.text(in: language) }

    /// The keys of the catalogue.
    public var keys: Set<String> { catalogue.keys }

    public func child(named name: String) -> Any? { catalogue[name] }
}
