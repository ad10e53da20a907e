/// The dataset explorer: a measure, members per dimension and a period range chosen in a form (GET, so every state
/// is a permalink), with a line chart over time, a bar chart across members, the table beneath, and downloads of
/// exactly what is shown.
public struct ExplorerPage: Page {
    public static let template = "explorer"
    /// The fixed texts of the page's language; the renderer sets them.
    public var t = Texts.dutch

    /// A dimension's filter: a multiple choice of its members.
    public struct Filter: Sendable {
        /// The dimension's code, the name of the query parameter.
        public var code: String
        /// The dimension's title.
        public var title: String
        /// The members.
        public var options: [FormChoice]
        /// The height of the list.
        public var size: Int

        /// Makes a filter.
        public init(code: String, title: String, options: [FormChoice]) {
            self.code = code
            self.title = title
            self.options = options
            self.size = min(8, max(2, options.count))
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
