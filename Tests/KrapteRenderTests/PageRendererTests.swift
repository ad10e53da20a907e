import KrapteCore
import KrapteRender
import Testing

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
}
