import Foundation
import KrapteCore
import KrapteRender

/// What changed in a report between two builds (from the releases of two dates): each sentence or figure whose text
/// or numbers changed, and why: a value CBS revised, a new period, a status that became final. `krapte report diff`
/// prints it; `{{herzieningen sinds=DATUM}}` puts it in the report as a section "Herzieningen".
public struct ReportDiff: Sendable {
    /// One directive that filled in something else.
    public struct Change: Sendable, Hashable {
        /// Its line in the report file.
        public var line: Int
        /// Its name (`zin`, `tabel`).
        public var directive: String
        /// What it said before (empty for a table or chart).
        public var before: String
        /// What it says now.
        public var after: String
        /// Why: each revised value, new period or changed status.
        public var reasons: [String]
    }

    /// The changes, in the order of the report.
    public var changes: [Change]

    /// What changed from `old` to `new`, two builds of the same source.
    public init(from old: BuiltReport, to new: BuiltReport) {
        self.init(from: old.results, to: new.results)
    }

    /// What changed from `old` to `new`, what two builds of the same source filled in (kept in their records).
    public init(from old: [BuiltReport.Result], to new: [BuiltReport.Result]) {
        changes = zip(old, new).compactMap { a, b in
            let reasons = Self.reasons(a.traces, b.traces)
            guard a.plain != b.plain || !reasons.isEmpty else { return nil }
            return Change(line: b.line, directive: b.name, before: a.plain, after: b.plain, reasons: reasons)
        }
    }

    /// The series of a trace, as a key: dataset, measure and members.
    static func series(_ trace: Trace) -> String {
        ([trace.dataset, trace.measure] + trace.members.map { "\($0.dimension)=\($0.code)" }).joined(separator: "|")
    }

    /// The series as a reader names it: `80472ned Openstaande vacatures (x 1 000), A-U Alle economische activiteiten`.
    static func name(_ trace: Trace) -> String {
        ([trace.dataset + " " + trace.measureTitle] + trace.members.map(\.label)).joined(separator: ", ")
    }

    /// Why the numbers of `new` differ from those of `old`: every value read again with another value or status,
    /// and every period read now that was not before.
    static func reasons(_ old: [Trace], _ new: [Trace]) -> [String] {
        var before: [String: (value: Double, status: ObservationStatus, vintage: Int64)] = [:]
        for trace in old {
            for input in trace.inputs {
                let status = trace.formula == nil ? trace.status : before[series(trace) + input.period.code]?.status ?? trace.status
                before[series(trace) + input.period.code] = (input.value, status, trace.vintage)
            }
        }
        var out: [String] = []
        for trace in new {
            for input in trace.inputs {
                let value = DutchNumberFormat.shortest(input.value)
                guard let was = before[series(trace) + input.period.code] else {
                    out.append(Message("ReportDiff.newPeriod", name(trace), input.period.label(in: .nl), value).description)
                    continue
                }
                if was.value != input.value {
                    let old = DutchNumberFormat.shortest(was.value)
                    out.append(
                        Message("ReportDiff.revised", name(trace), input.period.label(in: .nl), old, value, was.vintage, trace.vintage).description
                    )
                }
                if trace.formula == nil, was.status != trace.status {
                    out.append(
                        Message(
                            "ReportDiff.status",
                            name(trace),
                            input.period.label(in: .nl),
                            was.status.label(in: .nl),
                            trace.status.label(in: .nl)
                        )
                        .description
                    )
                }
            }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    /// The changes as text, a block per directive: `regel 12 ({{zin}}): "..." werd "..."`, then its reasons.
    public var text: String {
        guard !changes.isEmpty else { return Message("ReportDiff.none").description + "\n" }
        return changes.map { change in
            var lines = [Message("ReportDiff.line", change.line, change.directive).description]
            if !change.before.isEmpty || !change.after.isEmpty {
                lines.append("  " + Message("ReportDiff.was", change.before).description)
                lines.append("  " + Message("ReportDiff.is", change.after).description)
            }
            lines += change.reasons.map { "  - " + $0 }
            return lines.joined(separator: "\n")
        }
        .joined(separator: "\n\n") + "\n"
    }

    /// The changes as the section "Herzieningen" of a report, since `date`.
    public func html(since date: Date) -> String {
        var html = "<section class=\"herzieningen\"><p>\(Markup.escape(Message("ReportDiff.since", ReportNote.dutchDate(date)).description))</p>"
        guard !changes.isEmpty else { return html + "<p>\(Markup.escape(Message("ReportDiff.none").description))</p></section>" }
        html += "<ul>"
        for change in changes {
            html += "<li>"
            if change.after.isEmpty {
                html += Markup.escape(Message("ReportDiff.block", change.directive).description)
            } else {
                html += "<del>\(Markup.escape(change.before))</del> <ins>\(Markup.escape(change.after))</ins>"
            }
            html += "<ul>" + change.reasons.map { "<li>\(Markup.escape($0))</li>" }.joined() + "</ul></li>"
        }
        return html + "</ul></section>"
    }
}

extension ReportBuilder {
    /// `{{herzieningen sinds=2025-02-14}}`: what the report said then against what it says now, and why.
    func revisionsSection(_ directive: Directive, _ report: BuiltReport, _ context: Context) async throws -> String {
        guard let since = directive["sinds"], let date = ISO8601DateFormatter.day.date(from: since) else {
            throw context.error(
                directive,
                Message("ReportBuilder.badSince", (directive["sinds"] ?? "").excerpt),
                fix: Message("ReportBuilder.badSinceFix")
            )
        }
        var earlier = ReportBuilder(store: store, asOf: date, folder: folder)
        earlier.revisions = false
        return ReportDiff(from: try await earlier.build(report.source), to: report).html(since: date)
    }
}
