/// The start page: the pages built on the store, and its datasets.
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
        /// The latest vintage as a sentence.
        public var latest: String

        /// Makes an entry.
        public init(id: String, title: String, latest: String) {
            self.id = id
            self.path = id.pathEncoded
            self.title = title
            self.latest = latest
        }
    }

    public var pageTitle: String
    /// The datasets.
    public var entries: [Entry]
    /// Whether the store is empty.
    public var empty: Bool

    /// Makes the page.
    public init(pageTitle: String, entries: [Entry]) {
        self.pageTitle = pageTitle
        self.entries = entries
        self.empty = entries.isEmpty
    }
}
