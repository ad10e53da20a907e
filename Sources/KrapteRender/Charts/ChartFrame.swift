import KrapteCore

/// The plot area of a chart inside its margins, and the parts every chart draws the same way: the value axis with
/// its grid and the legend.
struct ChartFrame {
    let width: Double
    let height: Double
    let left: Double
    let right: Double
    let top: Double
    let bottom: Double

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }
    var bottomY: Double { height - bottom }

    /// The y coordinate of a fraction (0 at the bottom, 1 at the top) of the plot's height.
    func y(_ fraction: Double) -> Double { bottomY - plotHeight * fraction }

    /// The x coordinate of a fraction of the plot's width.
    func x(_ fraction: Double) -> Double { left + plotWidth * fraction }

    /// A vertical value axis: a grid line and a Dutch label per tick.
    func valueAxis(_ scale: ChartScale, on canvas: inout SVGCanvas) {
        for tick in scale.ticks {
            let ty = y(scale.fraction(tick))
            canvas.line(left, ty, width - right, ty, stroke: tick == 0 ? ChartPalette.axis : ChartPalette.grid)
            canvas.label(left - 6, ty + 4, DutchNumberFormat.format(tick, decimals: scale.decimals), anchor: "end")
        }
        canvas.line(left, top, left, bottomY, stroke: ChartPalette.axis)
    }

    /// A horizontal value axis along the bottom: a grid line and a Dutch label per tick.
    func horizontalValueAxis(_ scale: ChartScale, on canvas: inout SVGCanvas, percent: Bool = false) {
        for tick in scale.ticks {
            let tx = x(scale.fraction(tick))
            canvas.line(tx, top, tx, bottomY, stroke: tick == 0 ? ChartPalette.axis : ChartPalette.grid)
            let text = DutchNumberFormat.format(tick, decimals: scale.decimals) + (percent ? "%" : "")
            canvas.label(tx, bottomY + 16, text, anchor: "middle")
        }
    }

    /// How many names a legend row holds: three short ones, two longer ones, or one; so that names fit whole in a
    /// plot `plotWidth` pixels wide (about 6,8 pixels a character and 24 for the square).
    static func legendColumns(_ names: [String], plotWidth: Double) -> Int {
        let longest = names.map(\.count).max() ?? 0
        let fits = [3, 2].first { plotWidth / Double($0) >= Double(longest) * 6.8 + 24 } ?? 1
        return min(fits, longest <= 28 ? 3 : longest <= 45 ? 2 : 1)
    }

    /// A legend of coloured squares with names, as many to a row as fit them whole (`legendColumns`), from `top`;
    /// only a name longer than the whole width is cut with an ellipsis (the chart's table and tooltips keep it).
    func legend(_ names: [String], top: Double, on canvas: inout SVGCanvas, hatched: String? = nil) {
        let columns = Self.legendColumns(names, plotWidth: plotWidth)
        let column = plotWidth / Double(columns)
        for (i, name) in names.enumerated() {
            let lx = left + Double(i % columns) * column
            let ly = top + Double(i / columns) * 18
            canvas.rect(lx, ly - 10, 12, 12, fill: ChartPalette.colour(i))
            canvas.label(lx + 18, ly, BarChart.shortened(name, limit: max(8, Int((column - 24) / 6.8))))
        }
        if let hatched {
            let ly = top + Double((names.count + columns - 1) / columns) * 18
            canvas.rect(left, ly - 10, 12, 12, fill: "", pattern: true)
            canvas.label(left + 18, ly, hatched)
        }
    }
}
