import Foundation
import KrapteCore

/// A query result as a download: CSV or JSON, with the same columns and fields wherever it is written (`krapte
/// query`, `krapte compute`, the server's API), so that what a page shows and what it downloads agree.
public struct QueryResultDocument: Sendable {
    /// A column shown beside the values, one entry per row (the typering beside the spanningsindicator).
    public struct Column: Sendable {
        /// The column's heading.
        public var title: String
        /// One value per row of the result.
        public var values: [String]

        /// Makes a column.
        public init(title: String, values: [String]) {
            self.title = title
            self.values = values
        }
    }

    /// Where a page of a longer answer lies, for the API's paged answers.
    public struct Paging: Sendable, Encodable {
        /// The number of the page's first row (0-based).
        public var offset: Int
        /// How many rows the page holds.
        public var count: Int
        /// How many rows the whole answer holds.
        public var total: Int
        /// The address of the next page, nil on the last.
        public var next: String?

        /// Makes a description of a page.
        public init(offset: Int, count: Int, total: Int, next: String?) {
            self.offset = offset
            self.count = count
            self.total = total
            self.next = next
        }
    }

    /// The result.
    public var result: QueryResult
    /// Columns beside the values.
    public var extra: [Column]
    /// Where this page lies in a longer answer; nil for an answer given whole.
    public var paging: Paging?

    /// Wraps a result with the columns to show beside its values.
    public init(_ result: QueryResult, extra: [Column] = [], paging: Paging? = nil) {
        self.result = result
        self.extra = extra
        self.paging = paging
    }

    /// CSV: per dimension its code and label, then period, value (with a full stop), the extra columns, status
    /// (in Dutch) and attribute, and for a derived dataset the input periods.
    public var csv: String { csv(separator: ",", decimalComma: false, lineEnd: "\n") }

    /// CSV as Dutch Excel opens it by a double click: the same columns, fields separated by `;`, values with a
    /// decimal comma (every digit kept, no thousands separator), lines ended by CR LF, and a byte order mark so that
    /// Excel reads UTF-8.
    public var dutchExcelCSV: String { "\u{FEFF}" + csv(separator: ";", decimalComma: true, lineEnd: "\r\n") }

    private func csv(separator: Character, decimalComma: Bool, lineEnd: String) -> String {
        let r = result
        let derived = r.dataset.derivation != nil
        let header =
            r.dataset.dimensions.flatMap { [$0.code, "\($0.code)_label"] } + ["period", "value"] + extra.map(\.title)
            + ["status", "attribute"] + (derived ? ["inputs"] : [])
        let field = { (s: String) in Self.csvField(s, separator: separator) }
        var lines = [header.map(field).joined(separator: String(separator))]
        for (i, row) in r.rows.enumerated() {
            let value = row.value.map { decimalComma ? String($0).replacingOccurrences(of: ".", with: ",") : String($0) } ?? ""
            var cells = row.members.flatMap { [$0.code, $0.label] } + [row.period.code, value]
            // A number beside the value (a forecast's bound) is written as the value is.
            cells += extra.map { column in
                let cell = column.values.indices.contains(i) ? column.values[i] : ""
                return decimalComma && Double(cell) != nil ? cell.replacingOccurrences(of: ".", with: ",") : cell
            }
            cells += [row.status.dutchLabel, row.attribute == .present ? "" : "\(row.attribute)"]
            if derived { cells.append(row.inputs.map(\.code).joined(separator: " ")) }
            lines.append(cells.map(field).joined(separator: String(separator)))
        }
        return lines.joined(separator: lineEnd) + lineEnd
    }

    /// JSON: the dataset, measure, source, vintage and derivation, and the observations with their members by
    /// dimension code.
    public var json: String {
        let r = result
        let dims = r.dataset.dimensions
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let doc = Body(
            dataset: r.dataset.id,
            title: r.dataset.title,
            measure: .init(code: r.measure.code, title: r.measure.title, unit: r.measure.unit, decimals: r.measure.decimals),
            source: r.dataset.source,
            vintage: r.vintage.id,
            publishedAt: r.vintage.publishedAt,
            loadedAt: r.vintage.loadedAt,
            derivation: r.dataset.derivation,
            page: paging,
            observations: r.rows.enumerated().map { i, row in
                .init(
                    members: Dictionary(zip(dims.map(\.code), row.members.map(\.code)), uniquingKeysWith: { first, _ in first }),
                    period: row.period.code,
                    value: row.value,
                    status: row.status.dutchLabel,
                    attribute: row.attribute == .present ? nil : "\(row.attribute)",
                    extra: extra.isEmpty
                        ? nil
                        : Dictionary(
                            extra.map { ($0.title, $0.values.indices.contains(i) ? $0.values[i] : "") },
                            uniquingKeysWith: { first, _ in first }
                        ),
                    inputs: row.inputs.isEmpty ? nil : row.inputs.map(\.code)
                )
            }
        )
        return String(decoding: (try? encoder.encode(doc)) ?? Data(), as: UTF8.self)
    }

    /// A CSV field, quoted when it holds the separator, a quote or a line break.
    public static func csvField(_ s: String, separator: Character = ",") -> String {
        s.contains(separator) || s.contains("\"") || s.contains("\n") || s.contains("\r")
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    private struct Body: Encodable {
        struct MeasureInfo: Encodable {
            var code, title, unit: String
            var decimals: Int
        }
        struct Observation: Encodable {
            var members: [String: String]
            var period: String
            var value: Double?
            var status: String
            var attribute: String?
            var extra: [String: String]?
            var inputs: [String]?
        }
        var dataset, title: String
        var measure: MeasureInfo
        var source: Source
        var vintage: Int64
        var publishedAt: Date?
        var loadedAt: Date
        var derivation: Derivation?
        var page: Paging?
        var observations: [Observation]
    }
}
