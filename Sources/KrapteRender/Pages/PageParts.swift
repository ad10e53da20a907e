import KrapteCore

/// A choice in a `<select>`.
public struct FormChoice: Sendable, Hashable {
    /// The value sent.
    public var value: String
    /// The text shown.
    public var label: String
    /// Whether it is chosen.
    public var selected: Bool

    /// Makes an option.
    public init(value: String, label: String, selected: Bool = false) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}

/// A table as the pages show it, with a caption, its headings, and cells that know whether they hold a number.
public struct DataTable: Sendable {
    /// A heading.
    public struct Heading: Sendable {
        /// The text.
        public var text: String
        /// Whether the column holds numbers (aligned right).
        public var numeric: Bool

        /// Makes a heading.
        public init(_ text: String, numeric: Bool = false) {
            self.text = text
            self.numeric = numeric
        }
    }

    /// A cell.
    public struct Cell: Sendable {
        /// The text.
        public var text: String
        /// Whether it holds a number (aligned right).
        public var numeric: Bool
        /// The status mark after the value (`*` voorlopig, `**` nader voorlopig); nil when final.
        public var mark: String?
        /// The status the mark stands for.
        public var markTitle: String
        /// Whether the cell heads its row.
        public var rowHeader: Bool

        /// Makes a cell.
        public init(_ text: String, numeric: Bool = false, mark: String? = nil, markTitle: String = "", rowHeader: Bool = false) {
            self.text = text
            self.numeric = numeric
            self.mark = mark
            self.markTitle = markTitle
            self.rowHeader = rowHeader
        }
    }

    /// A row.
    public struct Row: Sendable {
        /// The cells.
        public var cells: [Cell]

        /// Makes a row.
        public init(_ cells: [Cell]) { self.cells = cells }
    }

    /// What the table shows.
    public var caption: String
    /// The headings.
    public var headings: [Heading]
    /// The rows.
    public var rows: [Row]

    /// A cell for a value with its status: the number in Dutch format with `decimals` decimals, marked when the
    /// status is not final, or the attribute's label when there is no value.
    public static func valueCell(
        _ value: Double?,
        decimals: Int,
        status: ObservationStatus,
        attribute: ValueAttribute = .present,
        in language: Language = .nl
    ) -> Cell {
        let text = value.map { DutchNumberFormat.format($0, decimals: decimals) } ?? (attribute == .present ? "." : attribute.label(in: language))
        return Cell(text, numeric: true, mark: status.mark, markTitle: status.label(in: language))
    }

    /// Makes a table.
    public init(caption: String, headings: [Heading], rows: [Row]) {
        self.caption = caption
        self.headings = headings
        self.rows = rows
    }
}
