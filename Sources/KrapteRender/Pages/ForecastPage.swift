/// The forecasts Krapte computed (`/prognose`): per forecast and series the observed values and the forecast with
/// its 80% and 95% fans, a table of the periods ahead with their status "prognose" and intervals, the model, and the
/// track record of the method on the series.
public struct ForecastPage: Page {
    public static let template = "prognose"
    /// The fixed texts of the page's language; the renderer sets them.
    public var t = Texts.dutch

    /// One period ahead, as shown.
    public struct Row: Sendable {
        /// The period (`2025 4e kwartaal`).
        public var period: String
        /// The forecast in Dutch format.
        public var mean: String
        /// `506 – 862`.
        public var interval80: String
        public var interval95: String
        /// `prognose`.
        public var status: String

        /// Makes a row.
        public init(period: String, mean: String, interval80: String, interval95: String, status: String) {
            self.period = period
            self.mean = mean
            self.interval80 = interval80
            self.interval95 = interval95
            self.status = status
        }
    }

    public var pageTitle: String
    /// The forecasts and the series to choose from.
    public var forecasts: [FormChoice]
    public var series: [FormChoice]
    /// Whether there are series to choose from.
    public var hasSeries: Bool
    /// What the page says when there is nothing to show (no forecasts computed, or the series got none).
    public var notice: String?
    /// The forecast in a sentence.
    public var headline: String?
    /// The chart (SVG) and its caption.
    public var chart: String?
    public var chartKey: String?
    /// The table of the periods ahead.
    public var tableCaption: String
    public var rows: [Row]
    public var hasRows: Bool
    /// The model and what it rests on.
    public var model: String?
    /// The track record: how it was tested, the MASE, and the forecast of a year before.
    public var trackIntro: String?
    public var track: [String]
    public var hasTrack: Bool
    /// The source line.
    public var sourceLine: String
    /// The downloads: CSV with the intervals, and the JSON of the API.
    public var csvURL: String?
    public var jsonURL: String?
    /// Whether the page shows illustrative figures: the layout then says so in a banner above the content.
    public var illustrative = false

    /// Makes the page.
    public init(
        pageTitle: String,
        forecasts: [FormChoice],
        series: [FormChoice],
        notice: String?,
        tableCaption: String,
        rows: [Row],
        sourceLine: String
    ) {
        self.pageTitle = pageTitle
        self.forecasts = forecasts
        self.series = series
        self.hasSeries = !series.isEmpty
        self.notice = notice
        self.tableCaption = tableCaption
        self.rows = rows
        self.hasRows = !rows.isEmpty
        self.track = []
        self.hasTrack = false
        self.sourceLine = sourceLine
    }
}
