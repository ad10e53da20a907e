/// The reports of the server's report folder (`krapte serve --reports MAP`): each with its title, its file and its
/// downloads as HTML and PDF, built from the store's current figures when asked.
public struct ReportsPage: Page {
    public static let template = "rapporten"
    /// The fixed texts of the page's language; the renderer sets them.
    public var t = Texts.dutch

    /// One report.
    public struct Entry: Sendable {
        /// The title of its front matter, or its file's name.
        public var title: String
        /// The file (`vacatures.md`).
        public var file: String
        /// The address of its HTML.
        public var htmlURL: String
        /// The address of its PDF.
        public var pdfURL: String

        /// Makes an entry.
        public init(title: String, file: String, htmlURL: String, pdfURL: String) {
            self.title = title
            self.file = file
            self.htmlURL = htmlURL
            self.pdfURL = pdfURL
        }
    }

    public var pageTitle: String
    /// The reports, by title.
    public var entries: [Entry]
    /// Whether there is a report to list.
    public var hasEntries: Bool
    /// A notice when there are none: no folder configured, or an empty one.
    public var notice: String?

    /// Makes the page.
    public init(pageTitle: String, entries: [Entry], notice: String?) {
        self.pageTitle = pageTitle
        self.entries = entries
        self.hasEntries = !entries.isEmpty
        self.notice = notice
    }
}
