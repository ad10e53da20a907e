import KrapteCore

/// A horizontal 100% stacked bar chart of shares per answer category, one bar per group (sector, size class), as
/// figures 1 and 2 of seed 003 show survey results. A suppressed group (too few respondents) is hatched and says so,
/// and never shows a share.
public struct StackedBarChart: Sendable {
    /// One bar: a group and its shares per category, or nil when the group is suppressed.
    public struct Bar: Sendable {
        /// The group's label.
        public var label: String
        /// Per category, the share in percent; nil for the whole bar when the group is suppressed.
        public var shares: [Double]?

        /// Makes a bar.
        public init(label: String, shares: [Double]?) {
            self.label = label
            self.shares = shares
        }
    }

    /// The chart's id, unique on its page.
    public var id: String
    /// What the chart shows, announced as its title.
    public var title: String
    /// A sentence that says what the chart shows, for screen readers.
    public var summary: String
    /// The answer categories, in the order of the stack and the legend.
    public var categories: [String]
    /// The bars, top to bottom.
    public var bars: [Bar]
    /// The chart's width in pixels; the height follows from the bars and the legend.
    public var width = 720
    /// The language of the chart's own words ("te weinig respondenten").
    public var language = Language.nl

    /// Makes a stacked bar chart.
    public init(id: String, title: String, summary: String, categories: [String], bars: [Bar], language: Language = .nl) {
        self.id = id
        self.title = title
        self.summary = summary
        self.categories = categories
        self.bars = bars
        self.language = language
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let labels = bars.map { SVGCanvas.lines($0.label) }
        // A label too long for one line takes two, and every row the room for them.
        let rowHeight = labels.contains { $0.count > 1 } ? 32.0 : 24.0
        let suppressed = bars.contains { $0.shares == nil }
        let columns = ChartFrame.legendColumns(categories, plotWidth: Double(width - 220 - 24))
        let legendRows = Double((categories.count + columns - 1) / columns + (suppressed ? 1 : 0))
        let height = Int(12 + Double(bars.count) * rowHeight + 36 + legendRows * 18)
        let frame = ChartFrame(
            width: Double(width),
            height: Double(height),
            left: 220,
            right: 24,
            top: 12,
            bottom: 36 + legendRows * 18
        )
        var canvas = SVGCanvas(id: id, width: width, height: height, title: title, description: summary)
        if suppressed { canvas.hatchPattern() }
        let scale = ChartScale([0, 100], includeZero: true)
        frame.horizontalValueAxis(scale, on: &canvas, percent: true)
        for (i, bar) in bars.enumerated() {
            let middle = frame.top + (Double(i) + 0.5) * rowHeight
            canvas.rowLabel(frame.left - 8, middle: middle, labels[i])
            guard let shares = bar.shares else {
                canvas.rect(
                    frame.left,
                    middle - 8,
                    frame.plotWidth,
                    16,
                    fill: "",
                    tooltip: "\(bar.label): " + Message("Chart.tooFew").text(in: language),
                    pattern: true
                )
                canvas.label(frame.left + 8, middle + 4, Message("Chart.tooFew").text(in: language))
                continue
            }
            var start = 0.0
            for (c, share) in shares.enumerated() where c < categories.count {
                let text = DutchNumberFormat.percent(share)
                let x = frame.x(start / 100)
                let width = frame.plotWidth * share / 100
                canvas.rect(x, middle - 8, width, 16, fill: ChartPalette.colour(c), tooltip: "\(bar.label), \(categories[c]): \(text)")
                if width >= 30 {
                    let ink = [0, 6].contains(c % ChartPalette.colours.count) ? "#FFFFFF" : "#000000"
                    canvas.label(x + width / 2, middle + 4, text, anchor: "middle", fill: ink)
                }
                start += share
            }
        }
        frame.legend(categories, top: frame.bottomY + 36, on: &canvas, hatched: suppressed ? Message("Chart.tooFew").text(in: language) : nil)
        return canvas.finished()
    }
}
