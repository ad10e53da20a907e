import Foundation
import KrapteCore
import Mustache

/// Renders Krapte's HTML pages from the Mustache templates in `Templates/`: every page fills the layout
/// (`layout.mustache`) with its own `main` block. `{{value}}` escapes HTML; only the charts, which `SVGCanvas`
/// has escaped already, are inserted raw (`{{{chart}}}`).
public struct PageRenderer: Sendable {
    /// The templates of each language, its fixed texts (`{{t.key}}`) written into them.
    let libraries: [Language: MustacheLibrary]
    /// The style sheet, served at `/static/krapte.css`.
    public let stylesheet: String

    /// The renderer over the templates shipped with KrapteRender.
    public static let shipped: PageRenderer = {
        do {
            return try PageRenderer(directory: Bundle.module.resourceURL!.appendingPathComponent("Templates"))
        } catch {
            preconditionFailure("the page templates do not read: \(error)")
        }
    }()

    /// Reads the templates (`*.mustache`) and `krapte.css` of `directory`.
    /// - Throws: when a template does not parse, a fixed text holds a Mustache tag, or a file cannot be read.
    public init(directory: URL) throws {
        Self.registerEscaping
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        var templates: [(name: String, text: String)] = []
        for name in names where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            templates.append((String(name.dropLast(".mustache".count)), text))
        }
        var libraries: [Language: MustacheLibrary] = [:]
        for language in Language.allCases {
            var library = MustacheLibrary()
            for template in templates {
                try library.register(Self.filled(template.text, with: .shipped(language)), named: template.name)
            }
            libraries[language] = library
        }
        self.libraries = libraries
        stylesheet = try String(contentsOf: directory.appendingPathComponent("krapte.css"), encoding: .utf8)
    }

    /// `template` with each `{{t.key}}` replaced by the text of `key`, escaped as the tag would have escaped it
    /// (`{{{t.key}}}` unescaped). The fixed texts are the same on every page of a language, so they are written in
    /// once, when the templates are read, instead of being looked up by the template engine on every page: a
    /// page has some thirty of them, a quarter of the engine's look-ups.
    /// - Throws: `TemplateError` when a text holds `{{` or `}}`, which would change the template.
    static func filled(_ template: String, with texts: Texts) throws -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{t.") {
            let raw = open.lowerBound > rest.startIndex && rest[rest.index(before: open.lowerBound)] == "{"
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let key = String(rest[open.upperBound..<close.lowerBound])
            let text = texts[key]
            guard !text.contains("{{"), !text.contains("}}") else { throw TemplateError(key: key, language: texts.language) }
            out += rest[..<(raw ? rest.index(before: open.lowerBound) : open.lowerBound)]
            out += raw ? text : Markup.escape(text)
            let end = raw && rest[close.upperBound...].hasPrefix("}") ? rest.index(after: close.upperBound) : close.upperBound
            rest = rest[end...]
        }
        return out + rest
    }

    /// A fixed text that would change the template it is written into.
    struct TemplateError: Error, CustomStringConvertible {
        let key: String
        let language: Language
        var description: String { "the text \(key) (\(language.rawValue)) holds {{ or }}" }
    }

    /// The content type every template names first (`{{% CONTENT_TYPE: KRAPTE_HTML}}`): HTML escaped as
    /// `Markup.escape` does, which passes a text without special characters as it is (swift-mustache's own escaping
    /// looks at every character, a tenth of an explorer page's time).
    private static let registerEscaping: Void = MustacheContentTypes.register(PageHTML(), named: "KRAPTE_HTML")

    /// HTML text escaped by `Markup.escape`.
    private struct PageHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { Markup.escape(text) }
    }

    /// The page as HTML, its fixed texts in `language`.
    public func render(_ page: some Page, in language: Language = .nl) -> String {
        var page = page
        page.t = Texts.shipped(language)
        guard let html = libraries[language]?.render(page, withTemplate: type(of: page).template) else {
            preconditionFailure("no template \(type(of: page).template)")
        }
        return html
    }
}

/// A page: a value the template of the same name renders, with what the layout needs.
public protocol Page: Sendable {
    /// The template's name (`explorer` for `Templates/explorer.mustache`).
    static var template: String { get }
    /// The title in the browser tab and the heading.
    var pageTitle: String { get }
    /// The fixed texts of the page's language (`{{t.key}}` in the templates); the renderer sets them.
    var t: Texts { get set }
}
