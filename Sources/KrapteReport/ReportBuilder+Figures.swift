import Foundation
import KrapteCore
import KrapteRender

extension ReportBuilder {
    /// `{{waarde ...}}`: one number, as stored (`periode`, the latest by default) or its change (`verandering=jaar` or
    /// `periode`), rounded as `afronden` asks (`exact`, `rond`, `deel` or a step such as `10`).
    func value(_ directive: Directive, _ context: inout Context) async throws -> String {
        let selection = try await select(directive, &context)
        let series = try single(selection, directive, context)
        let writer = SentenceWriter(
            subject(selection, series, directive),
            rounding: try rounding(directive, context)
        )
        let at = try period(directive, "periode", in: [series], context)
        let point = try writer.point(at)
        let part: TracedText.Part
        switch directive["verandering"] {
        case nil: part = writer.number(point)
        case "jaar", "periode":
            let base: ChangeBase = directive["verandering"] == "jaar" ? .samePeriodLastYear : .previousPeriod
            guard let basePeriod = base.base(for: point.period), let before = series[basePeriod], before.value != nil else {
                throw SentenceError(Message("SentenceWriter.noBase", writer.subject.name, point.period.label(in: .nl)))
            }
            part = try writer.change(from: before, to: point, signed: true).0
        case let other?:
            throw context.error(directive, Message("ReportBuilder.badChange", other.excerpt), fix: Message("ReportBuilder.badChangeFix"))
        }
        return Self.html(TracedText([part]), &context)
    }

    /// `{{zin ...}}`: a generated sentence by `regel`: `niveau`, `verandering` (on the period before), `jaar` (on a
    /// year), `reeks` (a run), `piek` or `record`.
    func sentence(_ directive: Directive, _ context: inout Context) async throws -> String {
        let selection = try await select(directive, &context)
        let series = try single(selection, directive, context)
        var writer = SentenceWriter(subject(selection, series, directive), rounding: try rounding(directive, context))
        if let band = directive["band"] {
            guard let value = Double(band.replacingOccurrences(of: ",", with: ".")), value >= 0 else {
                throw context.error(directive, Message("ReportBuilder.badBand", band.excerpt), fix: Message("ReportBuilder.badBandFix"))
            }
            writer.steadyBand = value
        }
        let at = try period(directive, "periode", in: [series], context)
        let text: TracedText
        switch directive["regel"] ?? "niveau" {
        case "niveau": text = try writer.level(at: at)
        case "verandering": text = try writer.change(.previousPeriod, at: at)
        case "jaar": text = try writer.change(.samePeriodLastYear, at: at)
        case "reeks": text = try writer.run(at: at)
        case "piek": text = try writer.peak(at: at)
        case "record": text = try writer.record(at: at)
        case let other:
            throw context.error(
                directive,
                Message("ReportBuilder.unknownRule", other.excerpt),
                fix: Message("ReportBuilder.unknownRuleFix", Message.either(["niveau", "verandering", "jaar", "reeks", "piek", "record"]))
            )
        }
        return Self.html(text, &context)
    }

    /// The series as sentences name it: `naam`, else `het aantal` and the measure's title for a count, the title for
    /// a percentage, with the chosen members that are not a total in brackets.
    func subject(_ selection: Selection, _ series: TimeSeries, _ directive: Directive) -> SentenceWriter.Subject {
        let measure = selection.measure
        let isRate = measure.kind == .rate || measure.unit.trimmingCharacters(in: .whitespaces) == "%"
        let name: String
        if let given = directive["naam"], !given.isEmpty {
            name = given
        } else {
            let title = measure.title.prefix(1).lowercased() + measure.title.dropFirst()
            let members = (selection.series.first?.members ?? []).filter { !Self.isTotal($0) }.map { $0.label.isEmpty ? $0.code : $0.label }
            name = (isRate || measure.kind == .index ? "" : "het aantal ") + title + (members.isEmpty ? "" : " (\(members.joined(separator: ", ")))")
        }
        return SentenceWriter.Subject(
            name: name,
            series: series,
            unit: measure.unit,
            decimals: measure.decimals,
            isRate: isRate,
            trace: selection.trace(0)
        )
    }

    /// Whether a member is a total that a name leaves out (`T001081`, `A-U`, `NL01`, "Totaal ...", "Alle ...").
    static func isTotal(_ m: Member) -> Bool {
        let label = m.label.lowercased()
        return m.code == "NL01" || m.code == "A-U" || m.code.hasPrefix("T00") || label.hasPrefix("totaal") || label.hasPrefix("alle ")
    }

    /// The rounding `afronden` asks for.
    func rounding(_ directive: Directive, _ context: Context) throws -> PublishedNumber.Rounding {
        switch directive["afronden"] {
        case nil, "exact": return .exact
        case "rond": return .round
        case "deel": return .share
        case let step?:
            guard let value = Double(step.replacingOccurrences(of: ",", with: ".")), value > 0, value.isFinite else {
                throw context.error(directive, Message("ReportBuilder.badRounding", step.excerpt), fix: Message("ReportBuilder.badRoundingFix"))
            }
            return .step(value)
        }
    }

    /// A traced text as HTML: each number in a `<span>` whose tooltip is its note, with the note's number after it.
    static func html(_ text: TracedText, _ context: inout Context) -> String {
        text.parts.map { part in
            switch part {
            case .text(let words): return Markup.escape(words)
            case .number(let written, let trace):
                let note = ReportNote.describe(trace)
                let n = context.note(note, trace: trace)
                return "<span class=\"getal\" title=\"\(Markup.escape(note))\">\(Markup.escape(written))</span>"
                    + "<a class=\"noot\" href=\"#noot-\(n)\" id=\"ref-\(n)\" aria-label=\"\(Markup.escape(Message("ReportNote.label", n).description))\"><sup>\(n)</sup></a>"
            }
        }
        .joined()
    }
}
