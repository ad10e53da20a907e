import Foundation
import KrapteCore
import KrapteRender

extension ReportBuilder {
    /// `{{kerncijfer ...}}`: a key-figure card as the kerncijfers page draws it (Guides/KeyFigures.md): the latest
    /// value up to `periode` (the latest by default) with its period and status, and its change on a year
    /// (`vergelijk=jaar`, the default) or on the period before (`vergelijk=periode`), marked as good or bad news as
    /// `stijging` says (`goed`, `slecht`, `neutraal`; by default the indicator's own). Cards one after another stand
    /// side by side as a sheet.
    func card(_ directive: Directive, _ context: inout Context) async throws -> String {
        let selection = try await select(directive, &context)
        let series = try single(selection, directive, context)
        let compare: KeyFigure.Comparison
        switch directive["vergelijk"] ?? "jaar" {
        case "jaar": compare = .samePeriodLastYear
        case "periode": compare = .previousPeriod
        case let other:
            throw context.error(directive, Message("ReportBuilder.badCompare", other.excerpt), fix: Message("ReportBuilder.badCompareFix"))
        }
        let rise: Derivation.Rise
        switch directive["stijging"] {
        case nil: rise = selection.dataset.derivation?.rise ?? .neutral
        case "goed": rise = .good
        case "slecht": rise = .bad
        case "neutraal": rise = .neutral
        case let other?:
            throw context.error(directive, Message("ReportBuilder.badRise", other.excerpt), fix: Message("ReportBuilder.badRiseFix"))
        }
        let title = directive["titel"] ?? selection.measure.title
        let figure = KeyFigure(title: title, dataset: selection.dataset.id, measure: selection.measure.code, compare: compare, rise: rise)
        let asOf = try period(directive, "periode", in: [series], context)
        guard let reading = figure.read(series, rise: rise, decimals: selection.measure.decimals, asOf: asOf) else {
            throw SentenceError(Message("SentenceWriter.empty", title))
        }
        let writer = try self.writer(selection, series, directive, context)
        let status = reading.latest.status == .definitief ? "" : " (\(reading.latest.status.label(in: .nl)))"
        var html = "<div class=\"kaart\"><h3>\(Markup.escape(title))</h3>"
        html += "<p class=\"kaart-waarde\">\(Self.html(TracedText([writer.number(reading.latest)]), &context))</p>"
        html += "<p class=\"kaart-periode\">\(Markup.escape(reading.latest.period.label(in: .nl) + status))</p>"
        if let base = reading.base, let direction = reading.direction {
            let (change, _) = try writer.change(from: base, to: reading.latest, signed: true)
            let arrow = direction == .up ? "▲" : direction == .down ? "▼" : "●"
            let against = compare == .samePeriodLastYear ? Message("ReportBuilder.cardYear") : Message("ReportBuilder.cardPeriod")
            let news = reading.news.map { " kaart-\($0.rawValue)" } ?? ""
            html += "<p class=\"kaart-richting\(news)\"><span aria-hidden=\"true\">\(arrow)</span> "
            html += Self.html(TracedText([change, .text(" " + against.description)]), &context)
            if let word = reading.news, word != .neutral {
                html += " <span class=\"kaart-nieuws\">(\(Markup.escape(Message("ReportBuilder.news.\(word.rawValue)").description)))</span>"
            }
            html += "</p>"
        }
        return html + "<p class=\"bron\">\(Markup.escape(sourceLine(selection)))</p></div>"
    }
}
