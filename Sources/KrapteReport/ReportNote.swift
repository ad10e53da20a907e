import Foundation
import KrapteCore

/// A numbered note of a report: one series (dataset, measure, members, release) and what the report used of it, each
/// value with its period and status, each computed number with its formula and inputs. Every number, table and chart
/// of the same series refers to the same note.
public struct ReportNote: Sendable, Hashable {
    /// The note's number, from 1.
    public var number: Int
    /// The series: dataset, measure, members and release.
    public var head: String
    /// What the report used of it, in order.
    public var uses: [String]
    /// The traces of the numbers that refer to the note.
    public var traces: [Trace]
    /// How many places in the text refer to the note.
    public var references: Int

    /// The note as one text.
    public var text: String { ([head] + uses).joined(separator: " ") }

    /// The series of `trace`: `80472ned Vacatures; ...; Openstaande vacatures (x 1 000); Bedrijfskenmerken: C
    /// Industrie; versie 3, gepubliceerd op 14 februari 2025.`, with the indicator's formula for a computed dataset.
    static func head(_ trace: Trace) -> String {
        var parts = ["\(trace.dataset) \(trace.datasetTitle)", trace.measureTitle]
        if !trace.members.isEmpty { parts.append(trace.members.map { "\($0.dimension): \($0.label)" }.joined(separator: ", ")) }
        parts.append(release(trace.vintage, publishedAt: trace.publishedAt, loadedAt: trace.loadedAt))
        var text = parts.joined(separator: "; ") + "."
        if let derivation = trace.derivation { text += " " + Message("ReportNote.derivation", derivation).description }
        return text
    }

    /// What a number used: `2024 4e kwartaal (voorlopig): 383,8.`, or for a computed number `Berekend als (b / a - 1)
    /// x 100, met a = 2023 4e kwartaal: 389,2, b = 2024 4e kwartaal: 383,8 (voorlopig).`
    static func use(_ trace: Trace) -> String {
        let letters = ["a", "b", "c", "d"]
        let status = trace.status.label(in: .nl)
        guard let formula = trace.formula else {
            let values = trace.inputs.map { "\(DutchNumberFormat.shortest($0.value))" }.joined(separator: ", ")
            return Message("ReportNote.value", trace.periods.map { $0.label(in: .nl) }.joined(separator: " en "), status, values).description
        }
        let inputs = trace.inputs.prefix(letters.count).enumerated().map { i, input in
            "\(letters[i]) = \(input.period.label(in: .nl)): \(DutchNumberFormat.shortest(input.value))"
        }
        return Message("ReportNote.formula", formula, inputs.joined(separator: ", "), status).description
    }

    /// A number's own trace, as its tooltip: the series and what the number used of it.
    static func describe(_ trace: Trace) -> String { head(trace) + " " + use(trace) }

    /// `versie 3, gepubliceerd op 14 februari 2025`, or `versie 3, geladen op ...` when the source gave no
    /// publication date.
    static func release(_ vintage: Int64, publishedAt: Date?, loadedAt: Date) -> String {
        if let publishedAt { return Message("ReportNote.published", vintage, dutchDate(publishedAt)).description }
        return Message("ReportNote.loaded", vintage, dutchDate(loadedAt)).description
    }

    /// A date as Dutch texts write it: `14 februari 2025`.
    static func dutchDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day, Period.dutchMonthNames.indices.contains(month - 1) else {
            return ""
        }
        return "\(day) \(Period.dutchMonthNames[month - 1]) \(year)"
    }
}
