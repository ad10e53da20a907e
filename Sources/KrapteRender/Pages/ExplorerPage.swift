/// The dataset explorer: a measure, members per dimension and a period range chosen in a form (GET, so every state
/// is a permalink), with a line chart over time, a bar chart across members, the table beneath, and downloads of
/// exactly what is shown.
public struct ExplorerPage: Page {
    public static let template = "explorer"
    /// The fixed texts of the page's language; the renderer sets them.
    public var t = Texts.dutch

    /// A dimension's filter: a multiple choice of its members, in groups (regions by level) and indented by their
    /// place in the hierarchy, narrowed to those that name `query` when the reader searched.
    public struct Filter: Sendable {
        /// The dimension's code, the name of the query parameter.
        public var code: String
        /// The dimension's title.
        public var title: String
        /// The members, in groups.
        public var groups: [OptionGroup]
        /// The height of the list.
        public var size: Int
        /// What the list is narrowed to; empty for every member.
        public var query: String
        /// Whether the list is long enough to need a search field.
        public var searchable: Bool

        /// Makes a filter.
        public init(code: String, title: String, groups: [OptionGroup], query: String = "", searchable: Bool = false) {
            self.code = code
            self.title = title
            self.groups = groups
            self.query = query
            self.searchable = searchable
            self.size = min(10, max(2, groups.reduce(0) { $0 + $1.options.count + ($1.label == nil ? 0 : 1) }))
        }
    }

    /// Options under a heading (`Provincies`), or without one.
    public struct OptionGroup: Sendable {
        /// The heading; nil for options outside a group.
        public var label: String?
        /// The options.
        public var options: [FormChoice]

        /// Makes a group.
        public init(label: String?, options: [FormChoice]) {
            self.label = label
            self.options = options
        }
    }

    public var pageTitle: String
    /// The dataset's id.
    public var dataset: String
    /// The measures.
    public var measures: [FormChoice]
    /// The dimension filters.
    public var filters: [Filter]
    /// The first period shown.
    public var from: [FormChoice]
    /// The last period shown.
    public var to: [FormChoice]
    /// Notices about the choice (too many series for the chart, nothing found).
    public var notices: [String]
    /// The line chart over time (SVG), if there is one.
    public var lineChart: String?
    /// The bar chart across members at the last period (SVG), if more than one member is chosen.
    public var barChart: String?
    /// The table of what the charts show.
    public var table: DataTable?
    /// The unit, source and vintage under the table.
    public var sourceLine: String
    /// The download of the table as CSV.
    public var csvURL: String
    /// The download as JSON.
    public var jsonURL: String
    /// The address of this view.
    public var permalink: String
    /// Whether the page shows illustrative figures: the layout then says so in a banner above the content.
    public var illustrative = false
    /// The chosen regions of one level on a map, at the last period shown.
    public var map: String?
    /// The source line under the map, with the map's own source.
    public var mapSource: String?
    /// The downloads of the line chart, the bar chart and the map as SVG files.
    public var lineChartURL: String?
    /// The bar chart as an SVG file.
    public var barChartURL: String?
    /// The map as an SVG file.
    public var mapURL: String?
    /// The download of what is shown as CSV for Dutch Excel.
    public var excelURL: String?
    /// Links that choose every region of a level that has a map (`Alle provincies op de kaart`).
    public var mapLinks: [FormChoice] = []

    /// Makes the page.
    public init(
        pageTitle: String,
        dataset: String,
        measures: [FormChoice],
        filters: [Filter],
        from: [FormChoice],
        to: [FormChoice],
        notices: [String],
        lineChart: String?,
        barChart: String?,
        table: DataTable?,
        sourceLine: String,
        csvURL: String,
        jsonURL: String,
        permalink: String
    ) {
        self.pageTitle = pageTitle
        self.dataset = dataset
        self.measures = measures
        self.filters = filters
        self.from = from
        self.to = to
        self.notices = notices
        self.lineChart = lineChart
        self.barChart = barChart
        self.table = table
        self.sourceLine = sourceLine
        self.csvURL = csvURL
        self.jsonURL = jsonURL
        self.permalink = permalink
    }
}
