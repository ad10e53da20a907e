import KrapteCore

/// A line chart over periods: one line per series, a value axis with Dutch tick labels, a legend when there is more
/// than one series, and a tooltip on every point. Missing values break the line.
public struct LineChart: Sendable {
    /// One line.
    public struct Series: Sendable {
        /// The name in the legend.
        public var name: String
        /// One value per x label; nil where there is none.
        public var values: [Double?]
        /// Whether the line is dashed; nil for every second line of several.
        public var dashed: Bool?

        /// Makes a series.
        public init(name: String, values: [Double?], dashed: Bool? = nil) {
            self.name = name
            self.values = values
            self.dashed = dashed
        }
    }

    /// An interval around a line (a forecast's 80% or 95% prediction interval), drawn as a light area behind the
    /// lines where both bounds have a value.
    public struct Fan: Sendable {
        /// What the area is, in its tooltip (`95%-interval van de prognose`).
        public var name: String
        /// One lower and one upper bound per x label; nil where there is none.
        public var lower: [Double?]
        public var upper: [Double?]
        /// The colour: that of the line it belongs to.
        public var colour: String
        /// How strongly it is filled (0.15 for a 95% interval, 0.3 for 80%).
        public var opacity: Double

        /// Makes a fan.
        public init(name: String, lower: [Double?], upper: [Double?], colour: String, opacity: Double) {
            self.name = name
            self.lower = lower
            self.upper = upper
            self.colour = colour
            self.opacity = opacity
        }

        /// A forecast's 95% interval lightly and its 80% interval more strongly filled in `colour`, named in
        /// `language`; `bound` gives the values of one bound of the steps, one per x label.
        public static func forecast(
            _ bound: ((SeriesForecast.Step) -> Double) -> [Double?],
            colour: String,
            in language: Language
        ) -> [Fan] {
            [
                Fan(
                    name: Message("MonitorView.fan95").text(in: language),
                    lower: bound(\.lower95),
                    upper: bound(\.upper95),
                    colour: colour,
                    opacity: 0.14
                ),
                Fan(
                    name: Message("MonitorView.fan80").text(in: language),
                    lower: bound(\.lower80),
                    upper: bound(\.upper80),
                    colour: colour,
                    opacity: 0.28
                ),
            ]
        }
    }

    /// The chart's id, unique on its page.
    public var id: String
    /// What the chart shows, announced as its title.
    public var title: String
    /// A sentence that says what the chart shows, for screen readers.
    public var summary: String
    /// The labels of the x positions (periods, `2024 4e kwartaal`), in tooltips.
    public var xLabels: [String]
    /// Shorter labels for the ticks of the x axis (`2024 K4`, or `2024` at the start of a year), one per x label,
    /// empty where there is no tick (`PeriodAxis.ticks`); nil for a tick at every few x labels.
    public var xTicks: [String]?
    /// The lines.
    public var series: [Series]
    /// Horizontal bands drawn behind the lines, each from a lower to an upper value (a class of a typering).
    public var bands: [Band] = []
    /// Intervals drawn behind the lines, the first lowest.
    public var fans: [Fan] = []

    /// A band of values behind the lines, with its name at the right edge.
    public struct Band: Sendable {
        /// The lowest value of the band; nil for no lower limit.
        public var from: Double?
        /// The highest value; nil for no upper limit.
        public var to: Double?
        /// The name (`krap`).
        public var name: String
        /// The colour, drawn light.
        public var colour: String

        /// Makes a band.
        public init(from: Double?, to: Double?, name: String, colour: String) {
            self.from = from
            self.to = to
            self.name = name
            self.colour = colour
        }
    }
    /// Decimals of the values in tooltips.
    public var decimals: Int
    /// The chart's size in pixels.
    public var width = 720
    public var height = 320

    /// Makes a line chart.
    public init(id: String, title: String, summary: String, xLabels: [String], xTicks: [String]? = nil, series: [Series], decimals: Int) {
        self.id = id
        self.title = title
        self.summary = summary
        self.xLabels = xLabels
        self.xTicks = xTicks
        self.series = series
        self.decimals = decimals
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let columns = ChartFrame.legendColumns(series.map(\.name), plotWidth: Double(width - 64 - 36))
        let legendRows = series.count > 1 ? (series.count + columns - 1) / columns : 0
        let frame = ChartFrame(width: Double(width), height: Double(height), left: 64, right: 36, top: 12, bottom: 30 + Double(legendRows) * 22)
        var canvas = SVGCanvas(id: id, width: width, height: height, title: title, description: summary)
        let values = (series.flatMap(\.values) + fans.flatMap { $0.lower + $0.upper }).compactMap { $0 }.filter(\.isFinite)
        let scale = ChartScale(values, includeZero: false)
        drawBands(scale, frame, on: &canvas)
        frame.valueAxis(scale, on: &canvas)
        let count = max(1, xLabels.count - 1)
        func x(_ i: Int) -> Double { frame.left + frame.plotWidth * (xLabels.count == 1 ? 0.5 : Double(i) / Double(count)) }
        for fan in fans {
            let spans = xLabels.indices.compactMap { i -> (Int, Double, Double)? in
                guard i < fan.lower.count, i < fan.upper.count, let low = fan.lower[i], let high = fan.upper[i], low.isFinite, high.isFinite
                else { return nil }
                return (i, low, high)
            }
            canvas.area(
                upper: spans.map { (x($0.0), frame.y(scale.fraction($0.2))) },
                lower: spans.map { (x($0.0), frame.y(scale.fraction($0.1))) },
                fill: fan.colour,
                opacity: fan.opacity,
                tooltip: fan.name
            )
        }
        let every = max(1, Int((Double(xLabels.count) / 8).rounded(.up)))
        // The ticks given, else every `every`-th label, counted back from the latest period so that it is always
        // labelled.
        for (i, label) in xLabels.enumerated() {
            let tick = xTicks.map { $0.indices.contains(i) ? $0[i] : "" } ?? ((xLabels.count - 1 - i) % every == 0 ? label : "")
            guard !tick.isEmpty else { continue }
            canvas.line(x(i), frame.bottomY, x(i), frame.bottomY + 4, stroke: ChartPalette.axis)
            canvas.label(x(i), frame.bottomY + 16, tick, anchor: "middle")
        }
        for (s, line) in series.enumerated() {
            let colour = ChartPalette.colour(s)
            let points = line.values.enumerated().map { i, v -> (Double, Double)? in
                guard let v, v.isFinite, i < xLabels.count else { return nil }
                return (x(i), frame.y(scale.fraction(v)))
            }
            canvas.path(points, stroke: colour, dashed: line.dashed ?? (s % 2 == 1 && series.count > 1))
            if xLabels.count <= 120 {
                for (i, point) in points.enumerated() {
                    guard let (px, py) = point, let v = line.values[i] else { continue }
                    canvas.dot(px, py, fill: colour, tooltip: "\(line.name), \(xLabels[i]): \(DutchNumberFormat.format(v, decimals: decimals))")
                }
            }
        }
        if legendRows > 0 { frame.legend(series.map(\.name), top: frame.bottomY + 40, on: &canvas) }
        return canvas.finished()
    }

    /// The bands within the value axis, lightly filled, each named at the right edge where it is tall enough.
    private func drawBands(_ scale: ChartScale, _ frame: ChartFrame, on canvas: inout SVGCanvas) {
        for band in bands {
            let low = max(0, min(1, band.from.map { scale.fraction($0) } ?? 0))
            let high = max(0, min(1, band.to.map { scale.fraction($0) } ?? 1))
            guard high > low else { continue }
            let top = frame.y(high)
            let bottom = frame.y(low)
            canvas.rect(frame.left, top, frame.plotWidth, bottom - top, fill: band.colour, opacity: 0.16)
            if bottom - top >= 14 { canvas.label(frame.width - frame.right - 4, top + 12, band.name, anchor: "end", fill: ChartPalette.axis) }
        }
    }
}
