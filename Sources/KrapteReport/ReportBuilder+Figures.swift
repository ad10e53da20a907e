import Foundation
import KrapteCore
import KrapteRender

extension ReportBuilder {
    /// `{{waarde ...}}`: one number, as stored (`periode`, the latest by default) or its change with a sign
    /// (`verandering=jaar`, `periode` or a period such as `2020KW01`), in percent (or procentpunt for a percentage) or
    /// as a difference (`als=verschil`), rounded as `afronden` asks (`exact`, `rond`, `deel` or a step such as `10`)
    /// and a change in percent with `decimalen` decimals.
    func value(_ directive: Directive, _ context: inout Context) async throws -> String {
        let selection = try await select(directive, &context)
        let series = try single(selection, directive, context)
        let writer = try self.writer(selection, series, directive, context)
        let at = try period(directive, "periode", in: [series], context)
        let point = try writer.point(at)
        guard let change = directive["verandering"] else { return Self.html(TracedText([writer.number(point)]), &context) }
        let base: ChangeBase
        switch change {
        case "jaar": base = .samePeriodLastYear
        case "periode": base = .previousPeriod
        default:
            guard let reference = Period.parseLabel(change)?.period else {
                throw context.error(directive, Message("ReportBuilder.badChange", change.excerpt), fix: Message("ReportBuilder.badChangeFix"))
            }
            base = .reference(reference)
        }
        guard let basePeriod = base.base(for: point.period), let before = series[basePeriod], before.value != nil else {
            throw SentenceError(Message("SentenceWriter.noBase", writer.subject.name, point.period.label(in: .nl)))
        }
        switch directive["als"] ?? "procent" {
        case "procent": return Self.html(TracedText([try writer.change(from: before, to: point, signed: true).0]), &context)
        case "verschil": return Self.html(TracedText([try writer.difference(from: before, to: point)]), &context)
        case let other:
            throw context.error(directive, Message("ReportBuilder.badForm", other.excerpt), fix: Message("ReportBuilder.badFormFix"))
        }
    }

    /// `{{zin ...}}`: a generated sentence by `regel`: about one series `niveau`, `verandering` (on the period before),
    /// `jaar` (on a year), `reeks` (a run), `piek` or `record`; about the series of the members chosen `vergelijk`
    /// (two of them) or `rangorde` (`volgorde=hoogst` or `laagst`, the first `aantal`).
    func sentence(_ directive: Directive, _ context: inout Context) async throws -> String {
        let selection = try await select(directive, &context)
        let rule = directive["regel"] ?? "niveau"
        if rule == "vergelijk" || rule == "rangorde" { return try groups(rule, selection, directive, &context) }
        if rule == "meting" { return try await waves(selection, directive, &context) }
        let series = try single(selection, directive, context)
        let writer = try self.writer(selection, series, directive, context)
        let at = try period(directive, "periode", in: [series], context)
        let text: TracedText
        switch rule {
        case "niveau": text = try writer.level(at: at)
        case "verandering": text = try writer.change(.previousPeriod, at: at)
        case "jaar": text = try writer.change(.samePeriodLastYear, at: at)
        case "reeks": text = try writer.run(at: at)
        case "piek": text = try writer.peak(at: at)
        case "record": text = try writer.record(at: at)
        case "typering": text = try writer.typering(at: at)
        default:
            throw context.error(
                directive,
                Message("ReportBuilder.unknownRule", rule.excerpt),
                fix: Message(
                    "ReportBuilder.unknownRuleFix",
                    Message.either(["niveau", "verandering", "jaar", "reeks", "piek", "record", "typering", "vergelijk", "rangorde", "meting"])
                )
            )
        }
        return Self.html(text, &context)
    }

    /// A survey's share in two waves (`regel=meting`): the wave of `periode` (the latest by default) against that of
    /// `vergelijk` (the wave before by default), higher or lower only when the change is significant at 95%.
    func waves(_ selection: Selection, _ directive: Directive, _ context: inout Context) async throws -> String {
        let series = try single(selection, directive, context)
        guard let se = try await companion(selection, 0, measure: "Standaardfout"),
            let seNoFPC = try await companion(selection, 0, measure: "StandaardfoutZonderEPC")
        else {
            throw context.error(directive, Message("ReportBuilder.notASurvey", selection.dataset.id), fix: Message("ReportBuilder.notASurveyFix"))
        }
        let writer = try self.writer(selection, series, directive, context)
        let point = try writer.point(try period(directive, "periode", in: [series], context))
        let earlier =
            try period(directive, "vergelijk", in: [series], context)
            ?? series.points.last { $0.period < point.period && $0.period.frequency == point.period.frequency && $0.value != nil }?.period
        guard let earlier, let base = series[earlier], let a = base.value, let b = point.value, let seA = se.value(at: earlier),
            let seB = se.value(at: point.period), let sA = seNoFPC.value(at: earlier), let sB = seNoFPC.value(at: point.period)
        else { throw SentenceError(Message("SentenceWriter.noBase", writer.subject.name, point.period.label(in: .nl))) }
        // The store keeps shares and standard errors in percent; the test works on proportions, as the survey page does.
        let change = SurveyChange(
            from: SurveyEstimate(estimate: a / 100, se: seA / 100, seNoFPC: sA / 100),
            to: SurveyEstimate(estimate: b / 100, se: seB / 100, seNoFPC: sB / 100)
        )
        return Self.html(writer.waves(from: base, to: point, change: change), &context)
    }

    /// A sentence that compares or ranks the series of the members chosen, each named by its members.
    func groups(_ rule: String, _ selection: Selection, _ directive: Directive, _ context: inout Context) throws -> String {
        let groups = try selection.series.indices.map { i in
            (label: selection.name(i), writer: try writer(selection, selection.series[i].series, directive, context))
        }
        let name = directive["naam"] ?? subject(selection, TimeSeries([TimeSeries.Point]()), directive, leaving: Set(selection.varying)).name
        let at = try period(directive, "periode", in: selection.series.map(\.series), context)
        if rule == "vergelijk" {
            guard groups.count == 2 else {
                throw context.error(directive, Message("ReportBuilder.compareTwo", groups.count), fix: Message("ReportBuilder.compareTwoFix"))
            }
            return Self.html(try SentenceWriter.compare(name, groups[0], groups[1], at: at), &context)
        }
        let count = Int(directive["aantal"] ?? "3") ?? 3
        let highest = (directive["volgorde"] ?? "hoogst") != "laagst"
        return Self.html(try SentenceWriter.ranking(name, groups, at: at, highest: highest, count: count), &context)
    }

    /// A writer about `series` of the selection, its numbers rounded as `afronden` asks, with the band of "vrijwel
    /// gelijk" (`band`) and the decimals of a change in percent (`decimalen`).
    func writer(_ selection: Selection, _ series: TimeSeries, _ directive: Directive, _ context: Context) throws -> SentenceWriter {
        var writer = SentenceWriter(subject(selection, series, directive), rounding: try rounding(directive, context))
        if let band = directive["band"] {
            guard let value = Double(band.replacingOccurrences(of: ",", with: ".")), value >= 0 else {
                throw context.error(directive, Message("ReportBuilder.badBand", band.excerpt), fix: Message("ReportBuilder.badBandFix"))
            }
            writer.steadyBand = value
        }
        if let decimals = directive["decimalen"] {
            guard let n = Int(decimals), (0...4).contains(n) else {
                throw context.error(directive, Message("ReportBuilder.badDecimals", decimals.excerpt), fix: Message("ReportBuilder.badDecimalsFix"))
            }
            writer.percentDecimals = n
        }
        return writer
    }

    /// The series as sentences name it: `naam`, else `het aantal` and the measure's title for a count, the title for
    /// a percentage, with the chosen members that are not a total in brackets.
    func subject(_ selection: Selection, _ series: TimeSeries, _ directive: Directive, leaving: Set<Int> = []) -> SentenceWriter.Subject {
        let measure = selection.measure
        let isRate = measure.kind == .rate || measure.unit.trimmingCharacters(in: .whitespaces) == "%"
        let name: String
        if let given = directive["naam"], !given.isEmpty {
            name = given
        } else {
            let title = measure.title.prefix(1).lowercased() + measure.title.dropFirst()
            let members = (selection.series.first?.members ?? []).enumerated().filter { !leaving.contains($0.offset) && !Self.isTotal($0.element) }
                .map { $0.element.label.isEmpty ? $0.element.code : $0.element.label }
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
        context.plain += text.plain
        context.traces += text.traces
        return text.parts.map { part in
            switch part {
            case .text(let words): return Markup.escape(words)
            case .number(let written, let trace):
                let note = context.note(ReportNote.head(trace), use: ReportNote.use(trace), trace: trace)
                return "<span class=\"getal\" title=\"\(Markup.escape(ReportNote.describe(trace)))\">\(Markup.escape(written))</span>"
                    + noteLink(note)
            }
        }
        .joined()
    }
}
