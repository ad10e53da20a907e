import Foundation
import KrapteCore
import Mustache

/// Renders Krapte's HTML pages from the Mustache templates in `Templates/`: every page fills the layout
/// (`layout.mustache`) with its own `main` block. `{{value}}` escapes HTML; only the charts, which `SVGCanvas`
/// has escaped already, are inserted raw (`{{{chart}}}`).
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
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
    /// - Throws: when a template does not parse or a file cannot be read.
    public init(directory: URL) throws {
        Self.registerEscaping
        var library = MustacheLibrary()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        for name in names where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        self.library = library
        stylesheet = try String(contentsOf: directory.appendingPathComponent("krapte.css"), encoding: .utf8)
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
        guard let html = library.render(page, withTemplate: type(of: page).template) else {
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
