/// The results of an employer survey stored by `krapte survey estimate --store`, as seed 003 publishes them: for
/// one question and wave, the change since another wave (figure 1), per domain column (sector, size class) the share
/// of one answer with its 95% interval and the domains far from the total (figure 5), every answer stacked, and
/// the share of that answer across the questions that have it (figures 7 and 14). Suppressed domains are hatched or
/// say so, and `x` in the tables.
public struct SurveyPage: Page {
    public static let template = "survey"
    /// The fixed texts of the page's language; the renderer sets them.
    public var t = Texts.dutch

    /// A chart with the address of its SVG download.
    public struct Figure: Sendable {
        /// The chart's id on the page; the download is `{id}.svg`.
        public var id: String
        /// The chart (SVG).
        public var svg: String
        /// Where to download it.
        public var downloadURL: String

        /// Makes a figure.
        public init(id: String, svg: String, downloadURL: String) {
            self.id = id
            self.svg = svg
            self.downloadURL = downloadURL
        }
    }

    /// A titled part of the page: a chart and its table, and a sentence under them.
    public struct Block: Sendable {
        /// The heading.
        public var title: String
        /// The chart.
        public var figure: Figure
        /// The figures of the chart, and more.
        public var table: DataTable
        /// What the marks mean, or nil.
        public var note: String?

        /// Makes a block.
        public init(title: String, figure: Figure, table: DataTable, note: String? = nil) {
            self.title = title
            self.figure = figure
            self.table = table
            self.note = note
        }
    }

    /// One domain column: the chosen answer per domain, every answer per domain, and the change since the other wave.
    public struct Section: Sendable {
        /// The column's title.
        public var title: String
        /// The domains far from the total, as a sentence (figure 5); nil when none are or the rule is off.
        public var outstanding: String?
        /// The share of the chosen answer per domain with its interval.
        public var shares: Figure
        /// Every answer per domain, stacked.
        public var answers: Figure
        /// The shares of every answer and the respondents per domain.
        public var table: DataTable
        /// The change of the chosen answer per domain since the other wave; nil without a comparison.
        public var changes: DataTable?

        /// Makes a section.
        public init(title: String, outstanding: String?, shares: Figure, answers: Figure, table: DataTable, changes: DataTable?) {
            self.title = title
            self.outstanding = outstanding
            self.shares = shares
            self.answers = answers
            self.table = table
            self.changes = changes
        }
    }

    public var pageTitle: String
    /// The dataset's id.
    public var dataset: String
    /// The questions to choose from.
    public var questions: [FormChoice]
    /// The waves to choose from.
    public var waves: [FormChoice]
    /// The answers of the question, in the design's order.
    public var answers: [FormChoice]
    /// The waves to compare with, and none.
    public var baselines: [FormChoice]
    /// The points from the total beyond which a domain stands out (figure 5's rule), as the form shows it.
    public var deviation: String
    /// Every answer of the total in the two waves, and the change; nil without a comparison.
    public var comparison: Block?
    /// One section per domain column.
    public var sections: [Section]
    /// The chosen answer across the questions that have it; nil when only this question does.
    public var acrossQuestions: Block?
    /// The chosen answer per domain for each of those questions (figure 14); nil when too many questions have it.
    public var acrossDomains: [Figure]
    /// The source, vintage and suppression rule.
    public var sourceLine: String
    /// The shares shown, as CSV from the API.
    public var csvURL: String
    /// The same figures in the explorer.
    public var explorerURL: String
    /// Whether the page shows illustrative figures: the layout then says so in a banner above the content.
    public var illustrative = false

    /// Makes the page.
    public init(
        pageTitle: String,
        dataset: String,
        questions: [FormChoice],
        waves: [FormChoice],
        answers: [FormChoice],
        baselines: [FormChoice],
        deviation: String,
        comparison: Block?,
        sections: [Section],
        acrossQuestions: Block?,
        acrossDomains: [Figure],
        sourceLine: String,
        csvURL: String,
        explorerURL: String
    ) {
        self.pageTitle = pageTitle
        self.dataset = dataset
        self.questions = questions
        self.waves = waves
        self.answers = answers
        self.baselines = baselines
        self.deviation = deviation
        self.comparison = comparison
        self.sections = sections
        self.acrossQuestions = acrossQuestions
        self.acrossDomains = acrossDomains
        self.sourceLine = sourceLine
        self.csvURL = csvURL
        self.explorerURL = explorerURL
    }

    /// Every chart of the page, for its download.
    public var figures: [Figure] {
        (comparison.map { [$0.figure] } ?? []) + sections.flatMap { [$0.shares, $0.answers] } + (acrossQuestions.map { [$0.figure] } ?? [])
            + acrossDomains
    }
}
