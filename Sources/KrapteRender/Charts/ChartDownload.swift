/// A chart as a file of its own: the page's SVG on a white ground with its source line under it, so that a chart
/// pasted into a report still says where its figures come from.
public enum ChartDownload {
    /// `chart` (an SVG element as Krapte's charts and maps write it) with `source` written under it; nil for a text
    /// that is not such an element.
    public static func standalone(_ chart: String, source: String) -> String? {
        guard let size = chart.firstMatch(of: /^<svg [^>]*width="(\d+)" height="(\d+)"/), let width = Int(size.output.1),
            let height = Int(size.output.2)
        else { return nil }
        let lines = SVGCanvas.wrapped(source, width: Double(width) * 1.5)
        let total = height + 12 + lines.count * 15
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(total)" viewBox="0 0 \(width) \(total)" \
            font-family="system-ui, sans-serif">
            <rect width="\(width)" height="\(total)" fill="#FFFFFF"/>
            \(chart)<text x="0" y="\(height + 4)" font-size="11" fill="#595959">\
            \(lines.map { "<tspan x=\"0\" dy=\"15\">\(Markup.escape($0))</tspan>" }.joined())</text>
            </svg>

            """
    }
}
