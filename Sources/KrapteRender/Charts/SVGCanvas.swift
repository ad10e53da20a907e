import Foundation

/// Writes an SVG document: the accessible frame (`role="img"`, `<title>`, `<desc>`) and the elements charts draw,
/// with every text escaped and coordinates rounded to a tenth of a pixel so that the output is stable.
struct SVGCanvas {
    private(set) var text: String
    /// The chart's id, unique on its page; ids inside the chart start with it.
    let id: String

    /// Starts a document whose title and description a screen reader announces: an image, or for a chart with
    /// links in it (a map) a group, whose links a reader can reach. The title is also written at the top, so that
    /// the chart says what it shows wherever it is shown or downloaded; the chart draws its `width` x `height` below
    /// it, in its own coordinates.
    init(id: String, width: Int, height: Int, title: String, description: String, role: String = "img", kind: String = "chart") {
        let id = Markup.escape(id)
        self.id = id
        let lines = Self.wrapped(title, width: Double(width))
        let top = Self.titleHeight(lines.count)
        text = """
            <svg xmlns="http://www.w3.org/2000/svg" class="\(kind)" viewBox="0 0 \(width) \(height + top)" width="\(width)" \
            height="\(height + top)" role="\(role)" aria-labelledby="\(id)-title \(id)-desc" font-family="system-ui, sans-serif" \
            font-size="12">
            <title id="\(id)-title">\(Markup.escape(title))</title>
            <desc id="\(id)-desc">\(Markup.escape(description))</desc>
            <text x="0" y="0" font-size="15" font-weight="700" fill="#1A1A1A" aria-hidden="true">\
            \(lines.map { "<tspan x=\"0\" dy=\"18\">\(Markup.escape($0))</tspan>" }.joined())</text>
            <g transform="translate(0 \(top))">

            """
    }

    /// The height the title takes above the chart: 18 pixels a line and a gap.
    static func titleHeight(_ lines: Int) -> Int { lines * 18 + 10 }

    /// The title in lines that fit `width` at 15 pixels bold (about 9 pixels a character), broken between words.
    static func wrapped(_ title: String, width: Double) -> [String] { broken(title, limit: max(20, Int(width / 9))) }

    /// `text` broken between words into lines of at most `limit` characters (a longer word keeps a line of its own).
    static func broken(_ text: String, limit: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > limit {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return lines + (line.isEmpty ? [] : [line])
    }

    /// A coordinate as SVG writes it: at most one decimal, a full stop.
    static func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        guard abs(tenths) < 1e15 else { return String(format: "%.1f", tenths / 10) }
        let whole = Int(tenths)
        if whole % 10 == 0 { return String(whole / 10) }
        // Written from the integer tenths (not with String(format:), a tenth of a page's time): -0.5, 12.3.
        return (whole < 0 ? "-" : "") + String(abs(whole) / 10) + "." + String(abs(whole) % 10)
    }

    /// Appends a coordinate as `n` writes it, without making a text of it first: a chart writes hundreds.
    private mutating func put(_ value: Double) {
        let tenths = (value * 10).rounded()
        guard abs(tenths) < 1e15 else {
            text += Self.n(value)
            return
        }
        let whole = Int(tenths)
        if whole < 0 { text += "-" }
        text += String(abs(whole) / 10)
        if whole % 10 != 0 { text += "." + String(abs(whole) % 10) }
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1) {
        text += "<line x1=\""
        put(x1)
        text += "\" y1=\""
        put(y1)
        text += "\" x2=\""
        put(x2)
        text += "\" y2=\""
        put(y2)
        text += "\" stroke=\""
        text += stroke
        text += width == 1 ? "\"/>\n" : "\" stroke-width=\"\(Self.n(width))\"/>\n"
    }

    /// Text at a point; `anchor` is start, middle or end.
    mutating func label(_ x: Double, _ y: Double, _ content: String, anchor: String = "start", fill: String = "#1A1A1A") {
        text += "<text x=\""
        put(x)
        text += "\" y=\""
        put(y)
        text += "\" text-anchor=\"" + anchor + "\" fill=\"" + fill + "\">"
        text += Markup.escape(content)
        text += "</text>\n"
    }

    /// A label of one or more lines, right-aligned at `x` and centred on `y` (the row's middle), 13 pixels apart:
    /// the labels of a bar chart's rows, wrapped instead of cut (`SVGCanvas.lines`).
    mutating func rowLabel(_ x: Double, middle y: Double, _ lines: [String], bold: Bool = false) {
        let first = y + 4 - Double(lines.count - 1) * 6.5
        let weight = bold ? " font-weight=\"700\"" : ""
        text += "<text x=\"\(Self.n(x))\" y=\"\(Self.n(first))\" text-anchor=\"end\" fill=\"#1A1A1A\"\(weight)>"
        text += lines.enumerated().map { i, line in "<tspan x=\"\(Self.n(x))\" dy=\"\(i == 0 ? "0" : "13")\">\(Markup.escape(line))</tspan>" }
            .joined()
        text += "</text>\n"
    }

    /// A label broken between words into lines of at most `limit` characters (about 6,8 pixels each at 12 pixels),
    /// at most `maximum` lines; only what still does not fit is cut with an ellipsis (tooltips and tables keep it).
    static func lines(_ label: String, limit: Int = 31, maximum: Int = 2) -> [String] {
        let lines = broken(label, limit: limit)
        guard lines.count > maximum else { return lines.map { BarChart.shortened($0, limit: limit) } }
        let kept = Array(lines.prefix(maximum - 1)) + [lines.dropFirst(maximum - 1).joined(separator: " ")]
        return kept.map { BarChart.shortened($0, limit: limit) }
    }

    /// A rectangle with a tooltip (`<title>`) that says what it shows.
    mutating func rect(
        _ x: Double,
        _ y: Double,
        _ width: Double,
        _ height: Double,
        fill: String,
        tooltip: String? = nil,
        pattern: Bool = false,
        outline: Bool = false,
        opacity: Double? = nil
    ) {
        let box = "x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, width)))\" height=\"\(Self.n(max(0, height)))\""
        let paint =
            pattern
            ? "fill=\"url(#\(id)-hatch)\" stroke=\"\(ChartPalette.axis)\""
            : "fill=\"\(fill)\"" + (outline ? " stroke=\"\(ChartPalette.axis)\"" : "")
                + (opacity.map { " fill-opacity=\"\(String(format: "%.2f", $0))\"" } ?? "")
        if let tooltip {
            text += "<rect \(box) \(paint)><title>\(Markup.escape(tooltip))</title></rect>\n"
        } else {
            text += "<rect \(box) \(paint)/>\n"
        }
    }

    /// A line through points; nil breaks the line.
    /// A filled area between an upper and a lower edge (the same x positions, left to right), with a tooltip.
    mutating func area(upper: [(Double, Double)], lower: [(Double, Double)], fill: String, opacity: Double, tooltip: String) {
        guard !upper.isEmpty, upper.count == lower.count else { return }
        let edge = upper + lower.reversed()
        let d = edge.enumerated().map { i, p in (i == 0 ? "M" : "L") + Self.n(p.0) + " " + Self.n(p.1) }.joined() + "Z"
        text += "<path d=\"\(d)\" fill=\"\(fill)\" fill-opacity=\"\(String(format: "%.2f", opacity))\" stroke=\"none\">"
        text += "<title>\(Markup.escape(tooltip))</title></path>\n"
    }

    mutating func path(_ points: [(Double, Double)?], stroke: String, width: Double = 2, dashed: Bool = false) {
        guard points.contains(where: { $0 != nil }) else { return }
        text += "<path d=\""
        var pen = false
        for point in points {
            guard let (x, y) = point else {
                pen = false
                continue
            }
            text += pen ? "L" : "M"
            put(x)
            text += " "
            put(y)
            pen = true
        }
        text += "\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\""
        text += dashed ? " stroke-dasharray=\"6 3\"/>\n" : "/>\n"
    }

    /// A point with a tooltip.
    mutating func dot(_ x: Double, _ y: Double, fill: String, tooltip: String) {
        text += "<circle cx=\""
        put(x)
        text += "\" cy=\""
        put(y)
        text += "\" r=\"3\" fill=\"" + fill + "\"><title>"
        text += Markup.escape(tooltip)
        text += "</title></circle>\n"
    }

    /// The hatch pattern that marks suppressed cells (`rect(..., pattern: true)`).
    mutating func hatchPattern() {
        text += """
            <defs><pattern id="\(id)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
            <rect width="6" height="6" fill="#FFFFFF"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8C8C8C" stroke-width="2"/>\
            </pattern></defs>

            """
    }

    /// Draws `body` shifted by `dx`, `dy` (a panel of small multiples).
    mutating func translated(_ dx: Double, _ dy: Double, _ body: (inout SVGCanvas) -> Void) {
        text += "<g transform=\"translate(\(Self.n(dx)) \(Self.n(dy)))\">\n"
        body(&self)
        text += "</g>\n"
    }

    /// The finished document.
    /// A region of a map: its outline (`d`, an SVG path) filled with `fill`, its name and value as a tooltip, and,
    /// when given, a link to its own page; the selected region with a dark outline.
    mutating func region(id: String, d: String, fill: String, tooltip: String, link: String?, selected: Bool) {
        let (stroke, width) = selected ? ("#1A1A1A", "2.5") : (fill == ChartPalette.noData ? ChartPalette.axis : "#FFFFFF", "0.8")
        let shape = """
            <path id="\(Markup.escape(id))" d="\(d)" fill="\(fill)" stroke="\(stroke)" stroke-width="\(width)" stroke-linejoin="round">\
            <title>\(Markup.escape(tooltip))</title></path>
            """
        if let link {
            text += "<a href=\"\(Markup.escape(link))\" aria-label=\"\(Markup.escape(tooltip))\">\(shape)</a>\n"
        } else {
            text += shape + "\n"
        }
    }

    func finished() -> String { text + "</g>\n</svg>\n" }
}
