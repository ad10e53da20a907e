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
    /// (in Dutch) and attribute, and for a derived dataset the input periods (`writeCSV` writes it in chunks).
    public var csv: String { String(decoding: csvBytes(dutchExcel: false), as: UTF8.self) }

    /// CSV as Dutch Excel opens it by a double click: the same columns, fields separated by `;`, values with a
    /// decimal comma (every digit kept, no thousands separator), lines ended by CR LF, and a byte order mark so that
    /// Excel reads UTF-8.
    public var dutchExcelCSV: String { String(decoding: csvBytes(dutchExcel: true), as: UTF8.self) }

    /// JSON: the dataset, measure, source, vintage and derivation, and the observations with their members by
    /// dimension code (`writeJSON` writes it in chunks).
    public var json: String {
        var all: [UInt8] = []
        writeJSON { all += $0 }
        return String(decoding: all, as: UTF8.self)
    }

    /// A CSV field, quoted when it holds the separator, a quote or a line break.
    public static func csvField(_ s: String, separator: Character = ",") -> String {
        var out = CSVBytes(separator: separator.asciiValue ?? UInt8(ascii: ","), decimalComma: false)
        out.field(s)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
