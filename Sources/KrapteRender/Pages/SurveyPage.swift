/// The results of an employer survey stored by `krapte survey estimate --store`: for one question and wave, a
/// stacked bar chart and a table per domain column (sector, size class), the total first; suppressed domains
/// hatched in the chart and `x` in the table.
public struct SurveyPage: Page {
    public static let template = "survey"
    /// The fixed texts of the page's language; the renderer sets them.
    public var t = Texts.dutch

    /// One domain column: its chart and its table.
    public struct Section: Sendable {
        /// The column's title.
        public var title: String
        /// The stacked bar chart (SVG).
        public var chart: String
        /// The shares and respondents per domain.
        public var table: DataTable

        /// Makes a section.
        public init(title: String, chart: String, table: DataTable) {
            self.title = title
            self.chart = chart
            self.table = table
        }
    }

    public var pageTitle: String
    /// The dataset's id.
    public var dataset: String
    /// The questions to choose from.
    public var questions: [FormChoice]
    /// The waves to choose from.
    public var waves: [FormChoice]
    /// One section per domain column.
    public var sections: [Section]
    /// The source, vintage and suppression rule.
    public var sourceLine: String
    /// The shares shown, as CSV from the API.
    public var csvURL: String
    /// The same figures in the explorer.
    public var explorerURL: String
    /// Whether the page shows illustrative figures: the layout then says so in a banner above the content.
    public var illustrative = false

    /// Makes the page.
    public init(
        pageTitle: String,
        dataset: String,
        questions: [FormChoice],
        waves: [FormChoice],
        sections: [Section],
        sourceLine: String,
        csvURL: String,
        explorerURL: String
    ) {
        self.pageTitle = pageTitle
        self.dataset = dataset
        self.questions = questions
        self.waves = waves
        self.sections = sections
        self.sourceLine = sourceLine
        self.csvURL = csvURL
        self.explorerURL = explorerURL
    }
}
