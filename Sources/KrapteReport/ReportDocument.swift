import Foundation
import Ink
import KrapteCore
import KrapteRender

/// A built report as one standalone HTML file: the Markdown turned into HTML with every directive filled in, the notes
/// ("Noten") and the sources ("Bronnen") at the end, the style sheet inline with print rules for A4 (page numbers
/// and a running header), and no outside requests.
public enum ReportDocument {
    /// The style sheet shipped with KrapteReport.
    static let stylesheet: String = {
        guard let url = Bundle.module.url(forResource: "report", withExtension: "css"), let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            return ""
        }
        return text
    }()

    /// The report as HTML.
    public static func html(_ report: BuiltReport) -> String {
        let source = report.source
        var body = MarkdownParser().html(from: source.markdown)
        for (n, filled) in report.filled.enumerated() {
            let marker = ReportSource.marker(n)
            body = body.replacingOccurrences(of: "<p>\(marker)</p>", with: filled).replacingOccurrences(of: marker, with: filled)
        }
        // A card's title is a heading one level below the heading it stands under (the title's h1 when none).
        body = cardHeadings(body)
        // Key-figure cards one after another form one sheet.
        body = body.replacing(/(?:<div class="kaart">.*?<\/div>\s*)+/.dotMatchesNewlines()) { "<div class=\"kaarten\">\($0.output)</div>\n" }
        let title = source.title
        let byline = [source.parameters["auteur"], source.parameters["datum"]].compactMap { $0 }.filter { !$0.isEmpty }
        let illustrative = report.releases.contains { $0.vintage.source.illustrative }
        var html = """
            <!doctype html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Markup.escape(title))</title>
            <meta name="author" content="\(Markup.escape(source.parameters["auteur"] ?? ""))">
            <style>
            \(stylesheet)
            @page { @top-left { content: "\(cssString(title))"; } }
            </style>
            </head>
            <body>
            <header class="kop"><h1>\(Markup.escape(title))</h1>
            """
        if !byline.isEmpty { html += "<p class=\"byline\">\(Markup.escape(byline.joined(separator: " · ")))</p>" }
        html += "</header>\n<main>\n"
        if illustrative {
            html += "<p class=\"illustratief\" role=\"note\">\(Markup.escape(Message("ReportDocument.illustrative").description))</p>\n"
        }
        html += body + "\n"
        if !report.notes.isEmpty {
            html += "<section class=\"noten\"><h2>\(Markup.escape(Message("ReportDocument.notes").description))</h2><ol>\n"
            for note in report.notes {
                html +=
                    "<li id=\"noot-\(note.number)\">\(Markup.escape(note.text)) <a href=\"#ref-\(note.number)\" aria-label=\"\(Markup.escape(Message("ReportDocument.back").description))\">↩</a></li>\n"
            }
            html += "</ol></section>\n"
        }
        if !report.releases.isEmpty {
            html += "<section class=\"bronnen\"><h2>\(Markup.escape(Message("ReportDocument.sources").description))</h2><ul>\n"
            for release in report.releases {
                let source = release.vintage.source
                let publisher = source.publisher.isEmpty ? "" : source.publisher + ", "
                let version = ReportNote.release(release.vintage.id, publishedAt: release.vintage.publishedAt, loadedAt: release.vintage.loadedAt)
                var line = "\(publisher)\(release.dataset): \(release.title); \(version)."
                if !source.licence.isEmpty { line += " " + Message("ReportDocument.licence", source.licence).description }
                html += "<li>\(Markup.escape(line))"
                if source.location.hasPrefix("http") {
                    html += " <a href=\"\(Markup.escape(source.location))\">\(Markup.escape(source.location))</a>"
                }
                html += "</li>\n"
            }
            html += "</ul></section>\n"
        }
        return html + "</main>\n</body>\n</html>\n"
    }

    /// `html` with each card's title (`<h3>`) a heading one level below the last heading before it, so that headings
    /// never skip a level.
    static func cardHeadings(_ html: String) -> String {
        var out = ""
        var level = 1
        var rest = html[...]
        while let match = rest.firstMatch(of: /<h([1-6])>|<div class="kaart"><h3>(.*?)<\/h3>/) {
            out += rest[..<match.range.lowerBound]
            if let n = match.output.1.flatMap({ Int($0) }) {
                level = n
                out += rest[match.range]
            } else {
                let own = min(level + 1, 6)
                out += "<div class=\"kaart\"><h\(own)>\(match.output.2 ?? "")</h\(own)>"
            }
            rest = rest[match.range.upperBound...]
        }
        return out + rest
    }

    /// `text` as a CSS string's contents.
    static func cssString(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "<", with: "\\3C ")
    }
}
