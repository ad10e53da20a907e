import KrapteCore

/// A published survey table like the figures in the appendix of UWV's employer survey (seed 003, figures 8 to 13):
/// a row for the total, then per section (size classes, sectors) a row per domain, the answer categories of each
/// wave side by side as whole percentages, a suppressed cell as `x`. Within a section the rows are ordered by the
/// first wave's share of the first category, highest first, as the figures are.
public struct SurveyTable: Sendable {
    /// The question's column.
    public var question: String
    /// The waves, in the order of their column groups.
    public var waves: [String]
    /// The answer categories, in order.
    public var categories: [String]
    /// The domain types of the sections after the total (`size_class`, `sector`).
    public var sections: [String]
    /// Per domain type, labels for domain values (`J` → `Informatie en communicatie`).
    public var labels: [String: [String: String]]
    /// Whether a section's rows are ordered by the first category's share (else as the estimates come).
    public var sortsSections: [Bool]

    /// What a suppressed cell shows.
    public static let suppressed = "x"

    /// Makes a table.
    public init(
        question: String,
        waves: [String],
        categories: [String],
        sections: [String],
        labels: [String: [String: String]] = [:],
        sortsSections: [Bool]? = nil
    ) {
        self.question = question
        self.waves = waves
        self.categories = categories
        self.sections = sections
        self.labels = labels
        self.sortsSections = sortsSections ?? sections.map { _ in true }
    }

    /// The table's rows: per section its rows, each a label and a cell per wave and category.
    public func rows(_ estimates: [SurveyRow]) -> [[(label: String, cells: [String])]] {
        let mine = estimates.filter { $0.question == question }
        func cell(_ type: String, _ domain: String, _ wave: String, _ category: String) -> String {
            guard let row = mine.first(where: { $0.domainType == type && $0.domain == domain && $0.wave == wave && $0.category == category }) else {
                return ""
            }
            guard let share = row.estimate?.share else { return Self.suppressed }
            return DutchNumberFormat.percent(share.estimate * 100)
        }
        func line(_ type: String, _ domain: String) -> (label: String, cells: [String]) {
            (labels[type]?[domain] ?? (type == "overall" ? "Totaal" : domain), waves.flatMap { w in categories.map { cell(type, domain, w, $0) } })
        }
        var out: [[(label: String, cells: [String])]] = [[line("overall", "totaal")]]
        for (s, type) in sections.enumerated() {
            var domains: [String] = []
            for r in mine where r.domainType == type && !domains.contains(r.domain) { domains.append(r.domain) }
            if sortsSections[s], let first = waves.first, let category = categories.first {
                let key = Dictionary(
                    mine.filter { $0.domainType == type && $0.wave == first && $0.category == category }.map {
                        ($0.domain, $0.estimate?.share?.estimate ?? -1)
                    },
                    uniquingKeysWith: { a, _ in a }
                )
                domains = domains.enumerated().sorted { a, b in
                    let (x, y) = (key[a.element] ?? -1, key[b.element] ?? -1)
                    return x == y ? a.offset < b.offset : x > y
                }.map(\.element)
            }
            out.append(domains.map { line(type, $0) })
        }
        return out
    }

    /// The table as aligned text: a line naming the waves, a line of categories, then the rows, sections apart.
    public func text(_ estimates: [SurveyRow]) -> String {
        let sections = rows(estimates)
        let labelWidth = sections.joined().map(\.label.count).max() ?? 0
        let width = max(4, categories.map(\.count).max() ?? 0)
        func pad(_ s: String, _ n: Int, right: Bool = true) -> String {
            let fill = String(repeating: " ", count: max(0, n - s.count))
            return right ? fill + s : s + fill
        }
        let groups = waves.map { _ in categories.map { pad($0, width) }.joined(separator: " ") }
        var out = pad("", labelWidth, right: false) + "  " + waves.map { pad($0, categories.count * (width + 1) - 1) }.joined(separator: "   ") + "\n"
        out += pad("", labelWidth, right: false) + "  " + groups.joined(separator: "   ") + "\n"
        for (k, section) in sections.enumerated() {
            if k > 0 { out += "\n" }
            for row in section {
                let cells = stride(from: 0, to: row.cells.count, by: categories.count).map { start in
                    row.cells[start..<start + categories.count].map { pad($0, width) }.joined(separator: " ")
                }
                out += pad(row.label, labelWidth, right: false) + "  " + cells.joined(separator: "   ") + "\n"
            }
        }
        out += "\n\(Self.suppressed): te weinig respondenten (onderdrukt)\n"
        return out
    }

    /// The table as CSV: `group_type,group`, then a column per wave and category (`2025 Nee`).
    public func csv(_ estimates: [SurveyRow]) -> String {
        let header = ["group_type", "group"] + waves.flatMap { w in categories.map { "\(w) \($0)" } }
        var out = header.map(QueryResultDocument.csvField).joined(separator: ",") + "\n"
        for (k, section) in rows(estimates).enumerated() {
            let type = k == 0 ? "overall" : sections[k - 1]
            for row in section { out += ([type, row.label] + row.cells).map(QueryResultDocument.csvField).joined(separator: ",") + "\n" }
        }
        return out
    }
}
