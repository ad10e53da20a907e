import KrapteCore

/// Small multiples: one small line chart per panel (a region, a sector), side by side on one shared value axis so
/// that the panels can be compared at a glance.
public struct SmallMultiples: Sendable {
    /// One panel: its title and one value per x label.
    public struct Panel: Sendable {
        /// The panel's title.
        public var title: String
        /// One value per x label; nil where there is none.
        public var values: [Double?]

        /// Makes a panel.
        public init(title: String, values: [Double?]) {
            self.title = title
            self.values = values
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
    /// Short labels for the first and last tick of each panel (`2019 K1`, `2024 K4`); the x labels when nil.
    public var xTicks: [String]?
    /// The panels, left to right, top to bottom.
    public var panels: [Panel]
    /// Decimals of the values in tooltips.
    public var decimals: Int
    /// Panels per row.
    public var columns = 3
    /// The chart's width in pixels.
    public var width = 720

    /// Makes small multiples.
    public init(id: String, title: String, summary: String, xLabels: [String], panels: [Panel], decimals: Int) {
        self.id = id
        self.title = title
        self.summary = summary
        self.xLabels = xLabels
        self.panels = panels
        self.decimals = decimals
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let panelHeight = 150.0
        let rows = (panels.count + columns - 1) / columns
        let height = Int(Double(rows) * panelHeight)
        var canvas = SVGCanvas(id: id, width: width, height: height, title: title, description: summary)
        let scale = ChartScale(panels.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite), includeZero: false, ticks: 3)
        let panelWidth = Double(width) / Double(columns)
        for (p, panel) in panels.enumerated() {
            let originX = Double(p % columns) * panelWidth
            let originY = Double(p / columns) * panelHeight
            let frame = ChartFrame(
                width: panelWidth,
                height: panelHeight,
                left: 48,
                right: 12,
                top: 24,
                bottom: 28
            )
            canvas.translated(originX, originY) { inner in
                inner.label(frame.left, 14, BarChart.shortened(panel.title, limit: 28))
                for tick in scale.ticks {
                    let ty = frame.y(scale.fraction(tick))
                    inner.line(frame.left, ty, frame.width - frame.right, ty, stroke: ChartPalette.grid)
                    inner.label(frame.left - 4, ty + 4, DutchNumberFormat.format(tick, decimals: scale.decimals), anchor: "end")
                }
                let count = max(1, xLabels.count - 1)
                func x(_ i: Int) -> Double { frame.left + frame.plotWidth * (xLabels.count == 1 ? 0.5 : Double(i) / Double(count)) }
                let ticks = xTicks ?? xLabels
                if let first = ticks.first, let last = ticks.last {
                    inner.label(x(0), frame.bottomY + 16, first, anchor: "start")
                    if ticks.count > 1 { inner.label(x(ticks.count - 1), frame.bottomY + 16, last, anchor: "end") }
                }
                inner.path(
                    panel.values.enumerated().map { i, v in v.flatMap { $0.isFinite && i < xLabels.count ? (x(i), frame.y(scale.fraction($0))) : nil }
                    },
                    stroke: ChartPalette.colour(0)
                )
                if let i = panel.values.lastIndex(where: { $0 != nil }), let v = panel.values[i], v.isFinite, i < xLabels.count {
                    inner.dot(
                        x(i),
                        frame.y(scale.fraction(v)),
                        fill: ChartPalette.colour(0),
                        tooltip: "\(panel.title), \(xLabels[i]): \(DutchNumberFormat.format(v, decimals: decimals))"
                    )
                }
            }
        }
        return canvas.finished()
    }
}
