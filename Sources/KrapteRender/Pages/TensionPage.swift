/// The spanningsindicator of a region: its course over time, the figure of the chosen quarter with its typering,
/// the tightest and loosest occupations, and every occupation with its typering and its change since the peak.
public struct TensionPage: Page {
    public static let template = "spanningsindicator"
    /// The fixed texts of the page's language; the renderer sets them.
    public var t = Texts.dutch

    /// One occupation.
    public struct Occupation: Sendable {
        /// The rank by tension, 1 the tightest.
        public var rank: Int
        /// The occupation's code and label.
        public var label: String
        /// The spanningsindicator in Dutch format.
        public var value: String
        /// The typering (`zeer krap`).
        public var typering: String
        /// The CSS class of its colour (`typering-zeer-krap`).
        public var typeringClass: String
        /// The change since the peak (`-52%`), or `.` without one.
        public var sincePeak: String
        /// The peak's period.
        public var peak: String

        /// Makes an occupation's row.
        public init(rank: Int, label: String, value: String, typering: String, typeringClass: String, sincePeak: String, peak: String) {
            self.rank = rank
            self.label = label
            self.value = value
            self.typering = typering
            self.typeringClass = typeringClass
            self.sincePeak = sincePeak
            self.peak = peak
        }
    }

    public var pageTitle: String
    /// The regions to choose from.
    public var regions: [FormChoice]
    /// The quarters to choose from.
    public var periods: [FormChoice]
    /// The region's figure over all occupations, as a sentence.
    public var headline: String?
    /// The region's spanningsindicator over time (SVG).
    public var chart: String?
    /// The tightest occupations.
    public var tightest: [Occupation]
    /// The loosest occupations.
    public var loosest: [Occupation]
    /// Every occupation, tightest first.
    public var occupations: [Occupation]
    /// The source, vintage and notes.
    public var sourceLine: String
    /// The download of the figures as CSV.
    public var csvURL: String
    /// Whether the page shows illustrative figures: the layout then says so in a banner above the content.
    public var illustrative = false
    /// The map of every arbeidsmarktregio in the quarter, when the indicator per region is computed.
    public var map: RegionsMap?
    /// The history chart as an SVG file.
    public var chartURL: String?
    /// The map as an SVG file.
    public var mapURL: String?

    /// The map of the regions and the same figures as a table.
    public struct RegionsMap: Sendable {
        /// The map as SVG.
        public var svg: String
        /// The source line under it, with the map's own source.
        public var source: String
        /// The table's caption.
        public var caption: String
        /// A row per region.
        public var rows: [Row]

        /// A region's row.
        public struct Row: Sendable {
            /// The region's name.
            public var label: String
            /// Its page.
            public var link: String
            /// The value as written.
            public var value: String
            /// The typering.
            public var typering: String
            /// The typering's colour class.
            public var typeringClass: String
            /// Whether it is the region the page is about.
            public var selected: Bool

            /// Makes a row.
            public init(label: String, link: String, value: String, typering: String, typeringClass: String, selected: Bool) {
                self.label = label
                self.link = link
                self.value = value
                self.typering = typering
                self.typeringClass = typeringClass
                self.selected = selected
            }
        }

        /// Makes the map and its table.
        public init(svg: String, source: String, caption: String, rows: [Row]) {
            self.svg = svg
            self.source = source
            self.caption = caption
            self.rows = rows
        }
    }

    /// Makes the page.
    public init(
        pageTitle: String,
        regions: [FormChoice],
        periods: [FormChoice],
        headline: String?,
        chart: String?,
        tightest: [Occupation],
        loosest: [Occupation],
        occupations: [Occupation],
        sourceLine: String,
        csvURL: String
    ) {
        self.pageTitle = pageTitle
        self.regions = regions
        self.periods = periods
        self.headline = headline
        self.chart = chart
        self.tightest = tightest
        self.loosest = loosest
        self.occupations = occupations
        self.sourceLine = sourceLine
        self.csvURL = csvURL
    }
}
