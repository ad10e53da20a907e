import Foundation
import KrapteCore

/// A numbered note of a report: where a filled-in number, table or chart came from.
public struct ReportNote: Sendable, Hashable {
    /// The note's number, from 1.
    public var number: Int
    /// The note's text.
    public var text: String
    /// The trace of a single number; nil for a table or chart.
    public var trace: Trace?

    /// The note of a number: dataset, measure, members, period or periods with their status, release, and for a
    /// computed number its formula with the values it used.
    static func describe(_ trace: Trace) -> String {
        var parts = ["\(trace.dataset) \(trace.datasetTitle)", trace.measureTitle]
        if !trace.members.isEmpty { parts.append(trace.members.map { "\($0.dimension): \($0.label)" }.joined(separator: ", ")) }
        if !trace.periods.isEmpty {
            parts.append(
                Message("ReportNote.periods", trace.periods.map { $0.label(in: .nl) }.joined(separator: " en "), trace.status.label(in: .nl))
                    .description
            )
        }
        parts.append(release(trace.vintage, publishedAt: trace.publishedAt, loadedAt: trace.loadedAt))
        var text = parts.joined(separator: "; ") + "."
        if let formula = trace.formula {
            let letters = ["a", "b", "c", "d"]
            let inputs = trace.inputs.prefix(letters.count).enumerated().map { i, input in
                "\(letters[i]) = \(input.period.label(in: .nl)): \(DutchNumberFormat.format(input.value, decimals: 10).trimmedDecimals)"
            }
            text += " " + Message("ReportNote.formula", formula, inputs.joined(separator: ", ")).description
        }
        if let derivation = trace.derivation { text += " " + Message("ReportNote.derivation", derivation).description }
        return text
    }

    /// The note of a table or chart: the dataset, measure, members and release it shows.
    static func describe(selection trace: Trace, periods: String) -> String {
        var parts = ["\(trace.dataset) \(trace.datasetTitle)", trace.measureTitle]
        if !trace.members.isEmpty { parts.append(trace.members.map { "\($0.dimension): \($0.label)" }.joined(separator: ", ")) }
        if !periods.isEmpty { parts.append(periods) }
        parts.append(release(trace.vintage, publishedAt: trace.publishedAt, loadedAt: trace.loadedAt))
        var text = parts.joined(separator: "; ") + "."
        if let derivation = trace.derivation { text += " " + Message("ReportNote.derivation", derivation).description }
        return text
    }

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

extension String {
    /// A number written with ten decimals, its trailing zeros (and a trailing comma) taken off: `434,0000000000` is
    /// `434`.
    var trimmedDecimals: String {
        guard contains(",") else { return self }
        var text = self
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(",") { text.removeLast() }
        return text
    }
}
