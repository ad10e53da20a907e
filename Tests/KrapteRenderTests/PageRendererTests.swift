import KrapteCore
import Mustache
import Testing

@testable import KrapteRender

/// The templates escape what they are given as `Markup.escape` does, every template alike.
@Suite struct PageRendererTests {
    @Test func everyValueIsEscapedAsMarkupEscapes() {
        let hostile = "<script>alert('x')</script> & \"Zorg\"\u{1}"
        let html = PageRenderer.shipped.render(ErrorPage(pageTitle: hostile, message: hostile))
        #expect(!html.contains("<script>") && !html.contains("\u{1}"))
        #expect(html.contains("<h1>" + Markup.escape(hostile) + "</h1>"))
        #expect(Markup.escape(hostile) == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Zorg&quot;\u{FFFD}")
        // The content type is named by every template, and never written to the page.
        #expect(html.hasPrefix("<!doctype html>") && !html.contains("CONTENT_TYPE"))
    }

    /// The fixed texts are written into the templates once, as the engine would have written them: escaped for
    /// `{{t.key}}`, as they are for `{{{t.key}}}`, the key itself for a text the catalogue lacks.
    @Test func theFixedTextsAreWrittenInAsTheEngineWritesThem() throws {
        let template = """
            {{% CONTENT_TYPE: KRAPTE_HTML}}<p title="{{t.provisional}}">{{t.footer}} {{name}}</p>
            {{{t.skip}}}{{t.geenTekst}}{{#list}}<li>{{t.show}} {{.}}</li>{{/list}}
            """
        _ = PageRenderer.shipped  // registers the content type
        let texts = Texts.english
        let filled = try PageRenderer.filled(template, with: texts)
        #expect(!filled.contains("{{t.") && !filled.contains("{{{t."))
        let context: [String: Any] = ["t": texts, "name": "a & b", "list": ["<x>", "y"]]
        let byEngine = try MustacheTemplate(string: template).render(context)
        #expect(try MustacheTemplate(string: filled).render(context) == byEngine)
        #expect(byEngine.contains("<li>" + texts["show"] + " &lt;x&gt;</li>") && byEngine.contains("geenTekst"))
    }
}
