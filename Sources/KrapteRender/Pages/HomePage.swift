/// The start page: what the store holds, the pages built on it (key figures, the spanningsindicator, the monitor,
/// forecasts, surveys), a search over the datasets, and the datasets with their publication and load dates.
public struct HomePage: Page {
    public static let template = "home"
    /// The fixed texts of the page's language; the renderer sets them.
    public var t = Texts.dutch

    /// A dataset with its links.
    public struct Entry: Sendable {
        /// The id.
        public var id: String
        /// The id as a segment of a link.
        public var path: String
        /// The title.
        public var title: String
        /// The day the source published the latest vintage, when it says so.
        public var published: String
        /// The latest vintage and the day it was loaded.
        public var latest: String
        /// For a survey's estimates, the address of their page.
        public var surveyURL: String?
        /// Where its figures are shown: the explorer, or for a forecast its page with the intervals.
        public var explorerURL: String

        /// Makes an entry.
        public init(id: String, title: String, published: String, latest: String, surveyURL: String? = nil, explorerURL: String? = nil) {
            self.id = id
            self.path = id.pathEncoded
            self.explorerURL = explorerURL ?? "/verkenner/\(id.pathEncoded)"
            self.title = title
            self.published = published
            self.latest = latest
            self.surveyURL = surveyURL
        }
    }

    public var pageTitle: String
    /// A sentence on what the store holds.
    public var summary: String?
    /// The datasets shown: all, or those the search finds.
    public var entries: [Entry]
    /// Whether the store is empty.
    public var empty: Bool
    /// Whether the spanningsindicator is computed, so that its page has figures.
    public var hasTension = false
    /// Whether a forecast is computed, so that `/prognose` has figures.
    public var hasForecasts = false
    /// The survey pages, by title.
    public var surveys: [FormChoice] = []
    /// What was searched for; empty for no search.
    public var query = ""
    /// What the search found, as a sentence; nil without a search.
    public var searchResult: String?

    /// Makes the page.
    public init(pageTitle: String, entries: [Entry]) {
        self.pageTitle = pageTitle
        self.entries = entries
        self.empty = entries.isEmpty
    }
}
