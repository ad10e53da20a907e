/// A dataset's metadata: its source and licence, dimensions, measures with units, the status of its latest
/// periods, its vintages, and for a computed indicator how it was derived.
public struct DatasetPage: Page {
    public static let template = "dataset"
    /// The fixed texts of the page's language; the renderer sets them.
    public var t = Texts.dutch

    /// A dimension.
    public struct DimensionInfo: Sendable {
        /// The code.
        public var code: String
        /// The title.
        public var title: String
        /// Its kind in Dutch (`tijd`, `geografie`, `classificatie`).
        public var kind: String
        /// The code list, if any.
        public var codeList: String
        /// The number of members, in Dutch format.
        public var count: String
        /// The members (code and label), at most 200.
        public var members: [String]

        /// Makes a dimension's description.
        public init(code: String, title: String, kind: String, codeList: String, count: String, members: [String]) {
            self.code = code
            self.title = title
            self.kind = kind
            self.codeList = codeList
            self.count = count
            self.members = members
        }
    }

    public var pageTitle: String
    /// The id.
    public var id: String
    /// The summary.
    public var summary: String
    /// The publisher.
    public var publisher: String
    /// Where it came from: an address or a file.
    public var location: String
    /// Whether `location` is a web address (shown as a link).
    public var locationIsLink: Bool
    /// The licence.
    public var licence: String
    /// How to cite it.
    public var citation: String
    /// The dimensions.
    public var dimensions: [DimensionInfo]
    /// The measures.
    public var measures: DataTable
    /// The periods that are not final, per status (`voorlopig: 2024 3e kwartaal, 2024 4e kwartaal`).
    public var statuses: [String]
    /// The periods, as a sentence.
    public var periods: String
    /// The vintages.
    public var vintages: DataTable
    /// For a computed indicator, how it was derived.
    public var derivation: DataTable?
    /// The formula in words.
    public var formula: String?
    /// The explorer.
    public var explorerURL: String
    /// The metadata as JSON.
    public var apiURL: String
    /// For survey estimates, their page.
    public var surveyURL: String?

    /// Whether the page shows illustrative figures: the layout then says so in a banner above the content.
    public var illustrative = false

    /// Makes the page.
    public init(
        pageTitle: String,
        id: String,
        summary: String,
        publisher: String,
        location: String,
        licence: String,
        citation: String,
        dimensions: [DimensionInfo],
        measures: DataTable,
        statuses: [String],
        periods: String,
        vintages: DataTable,
        derivation: DataTable?,
        formula: String?,
        explorerURL: String,
        apiURL: String,
        surveyURL: String? = nil
    ) {
        self.pageTitle = pageTitle
        self.id = id
        self.summary = summary
        self.publisher = publisher
        self.location = location
        self.locationIsLink = location.hasPrefix("https://") || location.hasPrefix("http://")
        self.licence = licence
        self.citation = citation
        self.dimensions = dimensions
        self.measures = measures
        self.statuses = statuses
        self.periods = periods
        self.vintages = vintages
        self.derivation = derivation
        self.formula = formula
        self.explorerURL = explorerURL
        self.apiURL = apiURL
        self.surveyURL = surveyURL
    }
}
