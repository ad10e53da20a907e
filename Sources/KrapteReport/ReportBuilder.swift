import Foundation
import KrapteCore

/// Fills in a report's directives from a store: every value, sentence, table and chart read from the latest releases
/// (or those of `asOf`), every number with a note that says where it came from, and a list of sources. The result is
/// a standalone HTML document (`BuiltReport`); `PDFPrinter` turns it into a PDF. See Guides/Reports.md.
public struct ReportBuilder: Sendable {
    /// The store the figures come from.
    public var store: any Store
    /// Build from the releases as they were on this day; nil for the latest.
    public var asOf: Date?
    /// The report's folder, from which the files it names (a survey's design) are read.
    public var folder: URL?
    /// Whether `{{herzieningen}}` is filled in; off for the earlier build it compares with.
    var revisions = true

    /// A builder over `store`.
    public init(store: any Store, asOf: Date? = nil, folder: URL? = nil) {
        self.store = store
        self.asOf = asOf
        self.folder = folder
    }

    /// The report of `source`, filled in.
    /// - Throws: `ReportError` naming the file, line and directive that cannot be filled in.
    public func build(_ source: ReportSource) async throws -> BuiltReport {
        var context = Context(file: source.file)
        var filled: [String] = []
        var results: [BuiltReport.Result] = []
        for directive in source.directives {
            context.plain = ""
            context.traces = []
            defer { results.append(BuiltReport.Result(line: directive.line, name: directive.name, plain: context.plain, traces: context.traces)) }
            // `ontbreekt=weglaten`: a figure the data does not hold (a region a table has no figures for) is left
            // out instead of stopping the report, so that one sheet serves regions of every level.
            let optional = directive["ontbreekt"] == "weglaten"
            let before = context
            do {
                filled.append(try await fill(directive, &context))
            } catch let error as ReportError {
                throw error
            } catch let error as StoreError {
                guard optional, error.code == .notFound else {
                    throw context.error(directive, error.message, fix: Message("ReportBuilder.storeFix", directive["dataset"] ?? ""))
                }
                context = before
                filled.append("")
            } catch let error as SentenceError {
                guard optional else { throw context.error(directive, error.message, fix: Message("ReportBuilder.sentenceFix")) }
                context = before
                filled.append("")
            }
        }
        var report = BuiltReport(
            source: source,
            filled: filled,
            notes: context.notes,
            releases: context.releases.values.sorted { $0.dataset < $1.dataset },
            results: results
        )
        if revisions {
            for (i, directive) in source.directives.enumerated() where directive.name == "herzieningen" {
                report.filled[i] = try await revisionsSection(directive, report, context)
            }
        }
        return report
    }

    /// The HTML of one directive.
    func fill(_ directive: Directive, _ context: inout Context) async throws -> String {
        switch directive.name {
        case "waarde": try await value(directive, &context)
        case "zin": try await sentence(directive, &context)
        case "tabel": try await table(directive, &context)
        case "kerncijfer": try await card(directive, &context)
        case "kaart": try await map(directive, &context)
        case "enquetetabel": try await surveyTable(directive, &context)
        case "herzieningen": ""
        default: try await chart(directive, &context)
        }
    }

    /// What building collects on the way: the notes and the release of every dataset read.
    struct Context {
        var file: String
        var notes: [ReportNote] = []
        var releases: [String: BuiltReport.Release] = [:]
        /// The text the directive being filled in wrote, without its markup.
        var plain = ""
        /// The numbers it filled in, with their traces.
        var traces: [Trace] = []

        /// The note of the series `head`, with `use` added when it is new, and the anchor of this reference to it:
        /// numbers of the same series share one note.
        mutating func note(_ head: String, use: String, trace: Trace? = nil) -> (number: Int, anchor: String) {
            guard let i = notes.firstIndex(where: { $0.head == head }) else {
                notes.append(ReportNote(number: notes.count + 1, head: head, uses: [use], traces: trace.map { [$0] } ?? [], references: 1))
                return (notes.count, "ref-\(notes.count)")
            }
            if !notes[i].uses.contains(use) { notes[i].uses.append(use) }
            if let trace { notes[i].traces.append(trace) }
            notes[i].references += 1
            return (notes[i].number, "ref-\(notes[i].number)-\(notes[i].references)")
        }

        /// An error in `directive`.
        func error(_ directive: Directive, _ message: Message, fix: Message) -> ReportError {
            ReportError(file: file, line: directive.line, directive: directive.name, message, fix: fix)
        }
    }
}
