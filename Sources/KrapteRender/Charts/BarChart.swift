import KrapteCore

/// A horizontal bar chart across members (regions, sectors, occupations): one bar per member with its value at the
/// end, an axis through zero, and room for long labels. Bars without a value are listed with "geen waarde".
public struct BarChart: Sendable {
    /// One bar.
    public struct Bar: Sendable {
        /// The member's label.
        public var label: String
        /// The value; nil when there is none.
        public var value: Double?

        /// Makes a bar.
        public init(label: String, value: Double?) {
            self.label = label
            self.value = value
        }
    }

    /// The chart's id, unique on its page.
    public var id: String
    /// What the chart shows, announced as its title.
    public var title: String
    /// A sentence that says what the chart shows, for screen readers.
    public var summary: String
    /// The bars, top to bottom.
    public var bars: [Bar]
    /// Decimals of the values.
    public var decimals: Int
    /// The chart's width in pixels; the height follows from the number of bars.
    public var width = 720
    /// The language of the chart's own words ("geen waarde").
    public var language = Language.nl

    /// Makes a bar chart.
    public init(id: String, title: String, summary: String, bars: [Bar], decimals: Int, language: Language = .nl) {
        self.id = id
        self.title = title
        self.summary = summary
        self.bars = bars
        self.decimals = decimals
        self.language = language
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let labels = bars.map { SVGCanvas.lines($0.label) }
        // A label too long for one line takes two, and every row the room for them.
        let rowHeight = labels.contains { $0.count > 1 } ? 30.0 : 22.0
        let height = Int(12 + Double(bars.count) * rowHeight + 28)
        let frame = ChartFrame(width: Double(width), height: Double(height), left: 220, right: 64, top: 12, bottom: 28)
        var canvas = SVGCanvas(id: id, width: width, height: height, title: title, description: summary)
        let scale = ChartScale(bars.compactMap(\.value).filter(\.isFinite), includeZero: true)
        frame.horizontalValueAxis(scale, on: &canvas)
        let zero = frame.x(scale.fraction(0))
        for (i, bar) in bars.enumerated() {
            let middle = frame.top + (Double(i) + 0.5) * rowHeight
            canvas.rowLabel(frame.left - 8, middle: middle, labels[i])
            guard let value = bar.value, value.isFinite else {
                canvas.label(zero + 4, middle + 4, Message("Chart.noValue").text(in: language), fill: ChartPalette.axis)
                continue
            }
            let end = frame.x(scale.fraction(value))
            let text = DutchNumberFormat.format(value, decimals: decimals)
            canvas.rect(min(zero, end), middle - 7, abs(end - zero), 14, fill: ChartPalette.colour(0), tooltip: "\(bar.label): \(text)")
            canvas.label(value < 0 ? min(zero, end) - 4 : max(zero, end) + 4, middle + 4, text, anchor: value < 0 ? "end" : "start")
        }
        canvas.line(zero, frame.top, zero, frame.bottomY, stroke: ChartPalette.axis)
        return canvas.finished()
    }

    /// A label cut to `limit` characters with an ellipsis; the full label stays in the tooltip.
    static func shortened(_ label: String, limit: Int = 30) -> String {
        label.count <= limit ? label : String(label.prefix(limit - 1)) + "…"
    }
}
