/// The monitor of policy targets: a card per target and series with its status in colour and words, a progress bar,
/// the latest value, the path and the projection (a forecast, so labelled, with its intervals), the source, and a
/// chart of the observed series, the path and the projection's fan; then the targets the data cannot measure.
public struct MonitorPage: Page {
    public static let template = "monitor"
    /// The fixed texts of the page's language; the renderer sets them.
    public var t = Texts.dutch

    /// One target's series.
    public struct Card: Sendable {
        /// The anchor of the card (`digitaal-geschoolden-ict-specialisten`).
        public var id: String
        /// The sentences: heading, figures, progress, needed change, projection, proxy, origin, explanation, source.
        public var lines: TargetLines
        /// The status in words (`achter`).
        public var status: String
        /// The class that colours it (`doel-achter`).
        public var statusClass: String
        /// The progress as a whole percentage from 0 to 100 for the bar; nil without one.
        public var progressBar: Int?
        /// The progress in words for the bar's label (`-0,3% van de weg`).
        public var progressText: String?
        /// The latest value as shown (`684`), its unit and its period with status (`2024, definitief`).
        public var latestValue: String?
        public var unit: String
        public var latestPeriod: String?
        /// The chart (SVG); nil without observations.
        public var chart: String?

        /// Makes a card.
        public init(
            id: String,
            lines: TargetLines,
            status: String,
            statusClass: String,
            progressBar: Int?,
            progressText: String?,
            latestValue: String?,
            unit: String,
            latestPeriod: String?,
            chart: String?
        ) {
            self.id = id
            self.lines = lines
            self.status = status
            self.statusClass = statusClass
            self.progressBar = progressBar
            self.progressText = progressText
            self.latestValue = latestValue
            self.unit = unit
            self.latestPeriod = latestPeriod
            self.chart = chart
        }
    }

    /// A target without a card: its selection does not fit the store, or no data measure it.
    public struct Missing: Sendable {
        /// The target's title.
        public var title: String
        /// Where it comes from.
        public var origin: String
        /// Why it has no figures.
        public var reason: String

        /// Makes an entry.
        public init(title: String, origin: String, reason: String) {
            self.title = title
            self.origin = origin
            self.reason = reason
        }
    }

    public var pageTitle: String
    /// The cards, in the order of the targets file.
    public var cards: [Card]
    /// Targets whose data are not in the store.
    public var notMeasured: [Missing]
    public var hasNotMeasured: Bool
    /// Targets no data here measure ("geen gegevens").
    public var withoutData: [Missing]
    public var hasWithoutData: Bool
    /// How the status is decided and what the projection is.
    public var foot: String
    /// Whether the page shows illustrative figures: the layout then says so in a banner above the content.
    public var illustrative = false
    /// The JSON of the page.
    public var jsonURL = "/api/v1/targets"

    /// Makes the page.
    public init(pageTitle: String, cards: [Card], notMeasured: [Missing], withoutData: [Missing], foot: String) {
        self.pageTitle = pageTitle
        self.cards = cards
        self.notMeasured = notMeasured
        self.hasNotMeasured = !notMeasured.isEmpty
        self.withoutData = withoutData
        self.hasWithoutData = !withoutData.isEmpty
        self.foot = foot
    }
}
