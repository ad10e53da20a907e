import KrapteCore

/// A map of the regions of one level, each filled with the colour of its class (a typering, or a fifth of the values)
/// and a legend under it; a region is a link to its own page, with its name and value as a tooltip. Pages show the
/// same figures in a table beside it, for readers who do not see the map.
public struct ChoroplethMap: Sendable {
    /// A region's figure.
    public struct Region: Sendable {
        /// The name as readers know it (`Groningen (AM)`).
        public var label: String
        /// The value as written (`1,53`), with its class when it has one (`1,53 (krap)`).
        public var value: String
        /// The class, an index into `classes`; nil for a region without a figure.
        public var classIndex: Int?
        /// The address of the region's own page.
        public var link: String?
        /// Whether the region is the one the page is about: drawn last, with a dark outline.
        public var selected: Bool

        /// Makes a region's figure.
        public init(label: String, value: String, classIndex: Int?, link: String? = nil, selected: Bool = false) {
            self.label = label
            self.value = value
            self.classIndex = classIndex
            self.link = link
            self.selected = selected
        }
    }

    /// A class of the legend: its name (`krap`, `1,0 tot 1,5`) and colour.
    public struct MapClass: Sendable {
        /// The name.
        public var label: String
        /// The fill.
        public var colour: String

        /// Makes a class.
        public init(label: String, colour: String) {
            self.label = label
            self.colour = colour
        }
    }

    /// The map's id, unique on its page.
    public var id: String
    /// The title a screen reader announces.
    public var title: String
    /// What the map shows, in a sentence.
    public var summary: String
    /// The regions' outlines.
    public var map: RegionMap
    /// The figures by region code; a region of the map without one is drawn as having no figures.
    public var regions: [String: Region]
    /// The classes, in the legend's order.
    public var classes: [MapClass]
    /// The legend's name for a region without figures (`geen cijfers`).
    public var noData: String
    /// The width in pixels; the height follows from the country's shape.
    public var width = 420

    /// Makes a map.
    public init(
        id: String,
        title: String,
        summary: String,
        map: RegionMap,
        regions: [String: Region],
        classes: [MapClass],
        noData: String
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.map = map
        self.regions = regions
        self.classes = classes
        self.noData = noData
    }

    /// The map as an SVG element: the regions in RD New, north up, then the legend.
    public func svg() -> String {
        let padding = 4.0
        let spanX = max(map.maximum.x - map.minimum.x, 1)
        let spanY = max(map.maximum.y - map.minimum.y, 1)
        let scale = (Double(width) - 2 * padding) / spanX
        let mapHeight = spanY * scale + 2 * padding
        let missing = map.regions.contains { regions[$0.code]?.classIndex == nil }
        let legend = classes.count + (missing ? 1 : 0)
        let rowHeight = 20.0
        let height = Int((mapHeight + 8 + Double(legend) * rowHeight).rounded(.up))
        var canvas = SVGCanvas(id: id, width: width, height: height, title: title, description: summary, role: "group", kind: "map")
        // The selected region last, so that its outline lies on top of its neighbours'.
        for shape in map.regions.filter({ regions[$0.code]?.selected != true }) + map.regions.filter({ regions[$0.code]?.selected == true }) {
            let region = regions[shape.code]
            let fill = region?.classIndex.flatMap { classes.indices.contains($0) ? classes[$0].colour : nil } ?? ChartPalette.noData
            let d = Self.path(shape) { p in (padding + (p.x - map.minimum.x) * scale, padding + (map.maximum.y - p.y) * scale) }
            let tooltip = region.map { "\($0.label): \($0.value)" } ?? "\(shape.name): \(noData)"
            canvas.region(id: shape.code, d: d, fill: fill, tooltip: tooltip, link: region?.link, selected: region?.selected ?? false)
        }
        let entries = classes.map { ($0.label, $0.colour) } + (missing ? [(noData, ChartPalette.noData)] : [])
        for (i, entry) in entries.enumerated() {
            let top = mapHeight + 8 + Double(i) * rowHeight
            canvas.rect(padding, top, 14, 14, fill: entry.1, outline: entry.1 == ChartPalette.noData)
            canvas.label(padding + 22, top + 12, entry.0)
        }
        return canvas.finished()
    }

    /// The outline as an SVG path: every ring moved and closed, a point that rounds to the one before left out.
    static func path(_ shape: RegionShape, _ project: (RegionShape.Point) -> (Double, Double)) -> String {
        var d = ""
        for ring in shape.polygons.flatMap({ $0 }) {
            var previous = ""
            var first = true
            for point in ring {
                let (x, y) = project(point)
                let xy = SVGCanvas.n(x) + " " + SVGCanvas.n(y)
                guard xy != previous else { continue }
                d += (first ? "M" : "L") + xy
                previous = xy
                first = false
            }
            if !first { d += "Z" }
        }
        return d
    }

    /// The classes of a value in fifths: the boundaries at the 20th, 40th, 60th and 80th percentile of `values`
    /// (interpolated between neighbours), fewer when values repeat, none at the smallest or largest value.
    /// `classIndex(of:bounds:)` places a value.
    public static func quintiles(_ values: [Double]) -> [Double] {
        let sorted = values.filter(\.isFinite).sorted()
        guard let first = sorted.first, let last = sorted.last else { return [] }
        var bounds: [Double] = []
        for k in 1...4 {
            let position = Double(k) / 5 * Double(sorted.count - 1)
            let low = sorted[Int(position.rounded(.down))]
            let high = sorted[min(Int(position.rounded(.up)), sorted.count - 1)]
            let bound = low + (high - low) * (position - position.rounded(.down))
            if bound > first, bound < last, bounds.last.map({ bound > $0 }) ?? true { bounds.append(bound) }
        }
        return bounds
    }

    /// The class of `value` among classes split at `bounds` (a value on a bound is in the class above it).
    public static func classIndex(of value: Double, bounds: [Double]) -> Int {
        bounds.firstIndex { value < $0 } ?? bounds.count
    }
}
