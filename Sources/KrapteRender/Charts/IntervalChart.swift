import KrapteCore

/// A horizontal bar chart of survey shares with their 95% intervals as whiskers: one row per domain or question,
/// in each row a bar per series (two waves, several questions), the total as a dashed reference line, and a mark
/// after a value (a significant change). Rows may be set in bold (a domain far from the total, figure 5 of seed
/// 003); a row without an estimate says it has too few respondents.
public struct IntervalChart: Sendable {
    /// A share and its 95% interval, in percent.
    public struct Estimate: Sendable, Equatable {
        /// The share.
        public var value: Double
        /// The interval's ends; nil when unknown.
        public var low: Double?
        public var high: Double?
        /// Drawn after the value: `*` for a significant change, or nothing.
        public var mark: String

        /// Makes an estimate.
        public init(value: Double, low: Double?, high: Double?, mark: String = "") {
            self.value = value
            self.low = low
            self.high = high
            self.mark = mark
        }
    }

    /// One row: its label and an estimate per series (nil where suppressed or missing).
    public struct Row: Sendable {
        /// The domain's or question's label, wrapped over two lines when long.
        public var label: String
        /// One per series.
        public var estimates: [Estimate?]
        /// Whether the label is set in bold.
        public var bold: Bool

        /// Makes a row.
        public init(label: String, estimates: [Estimate?], bold: Bool = false) {
            self.label = label
            self.estimates = estimates
            self.bold = bold
        }
    }

    /// The chart's id, unique on its page.
    public var id: String
    /// What the chart shows, announced as its title.
    public var title: String
    /// A sentence that says what the chart shows, for screen readers.
    public var summary: String
    /// The series' names, in the order of the bars in a row; the legend shows them when there are several.
    public var series: [String]
    /// The rows, top to bottom.
    public var rows: [Row]
    /// A vertical dashed line and what it is (the total's share), or nil.
    public var reference: (label: String, value: Double)?
    /// Lines under the legend that explain the marks and bold rows.
    public var notes: [String] = []
    /// The chart's width in pixels; the height follows from the rows and the legend.
    public var width = 720
    /// The language of the chart's own words.
    public var language = Language.nl

    /// Makes an interval chart.
    public init(id: String, title: String, summary: String, series: [String], rows: [Row], language: Language = .nl) {
        self.id = id
        self.title = title
        self.summary = summary
        self.series = series
        self.rows = rows
        self.language = language
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let labels = rows.map { SVGCanvas.lines($0.label) }
        let bar = 16.0
        let rowHeight = max(labels.contains { $0.count > 1 } ? 32 : 24, Double(series.count) * bar + 8)
        let columns = ChartFrame.legendColumns(series, plotWidth: Double(width - 220 - 72))
        let seriesLines = series.count > 1 ? (series.count + columns - 1) / columns : 0
        let legend = seriesLines + 1 + (reference == nil ? 0 : 1) + notes.count
        let height = Int(12 + Double(rows.count) * rowHeight + 36 + Double(legend) * 18)
        let frame = ChartFrame(width: Double(width), height: Double(height), left: 220, right: 72, top: 12, bottom: 36 + Double(legend) * 18)
        var canvas = SVGCanvas(id: id, width: width, height: height, title: title, description: summary)
        // A Wald interval may reach past 0% or 100%; a share cannot, so neither do the whiskers (the tooltip keeps it).
        let ends = rows.flatMap(\.estimates).compactMap { $0 }.flatMap { [$0.value, min(100, $0.high ?? $0.value)] }.filter(\.isFinite)
        let scale = ChartScale([0] + ends, includeZero: true)
        frame.horizontalValueAxis(scale, on: &canvas, percent: true)
        let zero = frame.x(scale.fraction(0))
        let tooFew = Message("Chart.tooFew").text(in: language)
        for (i, row) in rows.enumerated() {
            let top = frame.top + Double(i) * rowHeight
            canvas.rowLabel(frame.left - 8, middle: top + rowHeight / 2, labels[i], bold: row.bold)
            let first = top + (rowHeight - Double(series.count) * bar) / 2
            for (k, name) in series.enumerated() {
                let middle = first + (Double(k) + 0.5) * bar
                let who = series.count > 1 ? "\(row.label), \(name)" : row.label
                guard k < row.estimates.count, let e = row.estimates[k], e.value.isFinite else {
                    canvas.label(zero + 4, middle + 4, series.count > 1 ? "\(name): \(tooFew)" : tooFew, fill: ChartPalette.axis)
                    continue
                }
                let text = DutchNumberFormat.percent(e.value)
                let end = frame.x(scale.fraction(e.value))
                var tooltip = "\(who): \(text)"
                if let low = e.low, let high = e.high {
                    tooltip +=
                        " (" + Message("Chart.interval", DutchNumberFormat.percent(low), DutchNumberFormat.percent(high)).text(in: language) + ")"
                }
                canvas.rect(zero, middle - 6, end - zero, 12, fill: ChartPalette.colour(k), tooltip: tooltip)
                var right = end
                if let low = e.low, let high = e.high, low.isFinite, high.isFinite {
                    let (a, b) = (frame.x(scale.fraction(max(0, scale.lower, low))), frame.x(scale.fraction(min(100, high))))
                    canvas.line(a, middle, b, middle, stroke: "#1A1A1A", width: 1.5)
                    canvas.line(a, middle - 4, a, middle + 4, stroke: "#1A1A1A", width: 1.5)
                    canvas.line(b, middle - 4, b, middle + 4, stroke: "#1A1A1A", width: 1.5)
                    right = max(right, b)
                }
                canvas.label(right + 4, middle + 4, text + (e.mark.isEmpty ? "" : " " + e.mark))
            }
        }
        if let reference, reference.value.isFinite {
            let x = frame.x(scale.fraction(reference.value))
            canvas.path([(x, frame.top), (x, frame.bottomY)], stroke: "#1A1A1A", width: 1, dashed: true)
        }
        canvas.line(zero, frame.top, zero, frame.bottomY, stroke: ChartPalette.axis)
        var y = frame.bottomY + 36
        if series.count > 1 {
            frame.legend(series, top: y, on: &canvas)
            y += Double(seriesLines) * 18
        }
        canvas.line(frame.left, y - 4, frame.left + 12, y - 4, stroke: "#1A1A1A", width: 1.5)
        canvas.line(frame.left, y - 8, frame.left, y, stroke: "#1A1A1A", width: 1.5)
        canvas.line(frame.left + 12, y - 8, frame.left + 12, y, stroke: "#1A1A1A", width: 1.5)
        canvas.label(frame.left + 18, y, Message("Chart.intervalLegend").text(in: language))
        y += 18
        if let reference {
            canvas.path([(frame.left + 6, y - 11), (frame.left + 6, y + 1)], stroke: "#1A1A1A", width: 1, dashed: true)
            canvas.label(frame.left + 18, y, "\(reference.label): \(DutchNumberFormat.percent(reference.value))")
            y += 18
        }
        for note in notes {
            canvas.label(frame.left, y, note)
            y += 18
        }
        return canvas.finished()
    }
}
