/// The spanningsindicator dashboard: for a region (Nederland or an arbeidsmarktregio), an occupation at any level of
/// the BRC and a quarter, the figure with its counts and typering, its course over time, the map of every
/// arbeidsmarktregio, and the occupations one level down with their counts, changes and typering, sortable.
public struct TensionPage: Page {
    public static let template = "spanningsindicator"
    /// The fixed texts of the page's language; the renderer sets them.
    public var t = Texts.dutch

    /// One occupation's row.
    public struct Occupation: Sendable {
        /// The rank by tension, 1 the tightest.
        public var rank: Int
        /// The occupation's name.
        public var label: String
        /// Its own page (the same region and quarter).
        public var link: String
        /// Open vacancies, Dutch format, `.` without a figure.
        public var vacancies: String
        /// WW benefits shorter than six months, Dutch format.
        public var benefits: String
        /// The spanningsindicator in Dutch format.
        public var value: String
        /// The typering (`zeer krap`).
        public var typering: String
        /// The CSS class of its colour (`typering-zeer-krap`).
        public var typeringClass: String
        /// The spanningsindicator's change on the same quarter a year earlier (`-12%`), or `.`.
        public var yearChange: String
        /// The change since the peak (`-52%`), or `.` without one.
        public var sincePeak: String
        /// The peak's period.
        public var peak: String
        /// Whether it is the occupation the page is about.
        public var selected: Bool

        /// Makes an occupation's row.
        public init(
            rank: Int,
            label: String,
            link: String,
            vacancies: String,
            benefits: String,
            value: String,
            typering: String,
            typeringClass: String,
            yearChange: String,
            sincePeak: String,
            peak: String,
            selected: Bool
        ) {
            self.rank = rank
            self.label = label
            self.link = link
            self.vacancies = vacancies
            self.benefits = benefits
            self.value = value
            self.typering = typering
            self.typeringClass = typeringClass
            self.yearChange = yearChange
            self.sincePeak = sincePeak
            self.peak = peak
            self.selected = selected
        }
    }

    /// A column heading of the occupations' table: a link that sorts by it.
    public struct Column: Sendable {
        /// The heading.
        public var label: String
        /// The page sorted by this column (the other way round when it already is); nil when it does not sort.
        public var link: String?
        /// `ascending` or `descending` when the table is sorted by it, else nil.
        public var sort: String?
        /// Whether the column holds numbers.
        public var numeric: Bool

        /// Makes a column heading.
        public init(label: String, link: String?, sort: String?, numeric: Bool) {
            self.label = label
            self.link = link
            self.sort = sort
            self.numeric = numeric
        }
    }

    /// A link to another view, marked when it is the one shown.
    public struct Choice: Sendable {
        /// The text.
        public var label: String
        /// The address.
        public var link: String
        /// Whether it is the view shown.
        public var current: Bool

        /// Makes a choice.
        public init(label: String, link: String, current: Bool) {
            self.label = label
            self.link = link
            self.current = current
        }
    }

    public var pageTitle: String
    /// The regions to choose from (Nederland first).
    public var regions: [FormChoice]
    /// The occupations to choose from, indented in their hierarchy.
    public var occupationChoices: [FormChoice]
    /// The quarters to choose from.
    public var periods: [FormChoice]
    /// The chosen figure with its counts, typering and change since the peak, as sentences.
    public var headline: String?
    /// The chosen occupation's spanningsindicator in the region over time (SVG), with Nederland beside it.
    public var chart: String?
    /// The path from all occupations down to the chosen one, each a link.
    public var trail: [Choice] = []
    /// The levels the table can show.
    public var levels: [Choice] = []
    /// The table's caption.
    public var tableCaption: String = ""
    /// The table's column headings.
    public var columns: [Column] = []
    /// The tightest occupations in the table.
    public var tightest: [Occupation]
    /// The loosest occupations in the table.
    public var loosest: [Occupation]
    /// The occupations of the table, in the order asked for.
    public var occupations: [Occupation]
    /// The source, vintage and notes.
    public var sourceLine: String
    /// The download of the figures as CSV.
    public var csvURL: String
    /// The same download for Dutch Excel.
    public var excelURL: String = ""
    /// Whether the page shows illustrative figures: the layout then says so in a banner above the content.
    public var illustrative = false
    /// The map of every arbeidsmarktregio in the quarter.
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
        occupationChoices: [FormChoice],
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
        self.occupationChoices = occupationChoices
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
