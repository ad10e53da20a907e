/// The key-figure sheet of a region: a card per figure with its value and period, an arrow for its direction, a
/// colour and a sentence for whether that is good or bad news, its source and status, and the explanation on demand.
public struct KeyFiguresPage: Page {
    public static let template = "kerncijfers"
    /// The fixed texts of the page's language; the renderer sets them.
    public var t = Texts.dutch

    /// One figure.
    public struct Card: Sendable {
        /// The heading.
        public var title: String
        /// The value in Dutch format.
        public var value: String
        /// The unit after the value.
        public var unit: String
        /// The period (`2024 4e kwartaal`).
        public var period: String
        /// `↑`, `↓` or `→`; nil without a base to compare with.
        public var arrow: String?
        /// The direction in words (`gestegen t.o.v. 2023 4e kwartaal (+3%)`).
        public var direction: String
        /// `news-good`, `news-bad` or `news-neutral`.
        public var newsClass: String
        /// The news in words (`goed nieuws`), for readers who do not see colour; nil for a figure whose rise is
        /// neither good nor bad.
        public var news: String?
        /// For the spanningsindicator, its typering (`krap`).
        public var typering: String?
        /// The class that colours the typering as on the spanningsindicator page (`typering-zeer-krap`).
        public var typeringClass: String?
        /// `voorlopig` or `nader voorlopig`; nil when final.
        public var status: String?
        /// The source (`Bron: CBS (80590ned, versie 3)`).
        public var source: String
        /// The explanation.
        public var explanation: String
        /// The explorer showing the figure's series.
        public var explorerURL: String

        /// Makes a card.
        public init(
            title: String,
            value: String,
            unit: String,
            period: String,
            arrow: String?,
            direction: String,
            newsClass: String,
            news: String?,
            typering: String? = nil,
            status: String?,
            source: String,
            explanation: String,
            explorerURL: String
        ) {
            self.title = title
            self.value = value
            self.unit = unit
            self.period = period
            self.arrow = arrow
            self.direction = direction
            self.newsClass = newsClass
            self.news = news
            self.typering = typering
            self.typeringClass = typering.map { ReaderNames.typeringClass($0) }
            self.status = status
            self.source = source
            self.explanation = explanation
            self.explorerURL = explorerURL
        }
    }

    /// A group of cards.
    public struct Section: Sendable {
        /// The heading (`Midden-Utrecht (AM)`, `Nederland`).
        public var title: String
        /// The cards.
        public var cards: [Card]

        /// Makes a section.
        public init(title: String, cards: [Card]) {
            self.title = title
            self.cards = cards
        }
    }

    public var pageTitle: String
    /// The regions to choose from.
    public var regions: [FormChoice]
    /// The sections: the region's figures, then the national ones.
    public var sections: [Section]
    /// Figures that could not be shown, and why.
    public var missing: [String]
    /// Whether any figure is missing.
    public var hasMissing: Bool
    /// The period the sheet was asked to stand at (`2024 3e kwartaal`), if any.
    public var asOf: String?
    /// Whether the page shows illustrative figures: the layout then says so in a banner above the content.
    public var illustrative = false

    /// Makes the page.
    public init(pageTitle: String, regions: [FormChoice], sections: [Section], missing: [String]) {
        self.pageTitle = pageTitle
        self.regions = regions
        self.sections = sections
        self.missing = missing
        self.hasMissing = !missing.isEmpty
    }
}
