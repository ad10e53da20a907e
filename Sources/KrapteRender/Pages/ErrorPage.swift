/// A request the pages cannot answer: the status and a sentence that says what to do.
public struct ErrorPage: Page {
    public static let template = "error"
    /// The fixed texts of the page's language; the renderer sets them.
    public var t = Texts.dutch

    public var pageTitle: String
    /// What went wrong and how to go on.
    public var message: String

    /// Makes the page.
    public init(pageTitle: String, message: String) {
        self.pageTitle = pageTitle
        self.message = message
    }
}
