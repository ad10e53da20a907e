import Foundation
import KrapteCore
import KrapteRender

extension ReportBuilder {
    /// The most periods a table or chart shows when `van` is not given: the last eight.
    static let defaultPeriods = 8

    /// `{{tabel ...}}`: with `periode`, a row per series (members of the dimensions given more than one) at that
    /// period, largest first with `sorteer=ja`, or with `kolommen=DIMENSIE` a column per member of that dimension
    /// (a survey's answers per sector, as seed 003's figures 8 to 13); else a row per period from `van` to `tot`
    /// (the last eight by default) and a column per series, or with `transponeer=ja` a row per series and a column
    /// per period. Every cell's tooltip says where it came from; the caption has a note.
    func table(_ directive: Directive, _ context: inout Context) async throws -> String {
        let selection = try await select(directive, &context)
        let decimals = selection.measure.decimals
        let all = selection.series.map(\.series)
        var rows: [(header: String, cells: [String])] = []
        var headings: [String] = []
        var periodsText = ""
        var cells: [(Int, Period)] = []
        let at = try period(directive, "periode", in: all, context)
        if let at, let columns = directive["kolommen"] {
            guard let d = selection.dataset.dimensions.firstIndex(where: { $0.code == columns || $0.title == columns }) else {
                throw context.error(directive, Message("ReportBuilder.badColumns", columns.excerpt), fix: Message("ReportBuilder.badColumnsFix"))
            }
            (headings, rows, cells) = pivot(selection, by: d, at: at, sorted: directive["sorteer"] == "ja")
            periodsText = at.label(in: .nl)
        } else if let at {
            headings = [Message("ReportBuilder.seriesHeading").description, at.label(in: .nl)]
            var order = Array(selection.series.indices)
            if directive["sorteer"] == "ja" {
                order.sort { (selection.series[$0].series.value(at: at) ?? -.infinity) > (selection.series[$1].series.value(at: at) ?? -.infinity) }
            }
            rows = order.map { i in (selection.name(i), [cell(selection, i, at, decimals)]) }
            cells = order.map { ($0, at) }
            periodsText = at.label(in: .nl)
        } else {
            let shown = try periods(directive, all, context)
            cells = shown.flatMap { p in selection.series.indices.map { ($0, p) } }
            if directive["transponeer"] == "ja" {
                headings = [Message("ReportBuilder.seriesHeading").description] + shown.map { $0.label(in: .nl) }
                rows = selection.series.indices.map { i in (selection.name(i), shown.map { cell(selection, i, $0, decimals) }) }
            } else {
                headings = [Message("ReportBuilder.periodHeading").description] + selection.series.indices.map { selection.name($0) }
                rows = shown.map { p in (p.label(in: .nl), selection.series.indices.map { cell(selection, $0, p, decimals) }) }
            }
            periodsText = shown.first.map { "\($0.label(in: .nl)) - \(shown.last?.label(in: .nl) ?? "")" } ?? ""
        }
        let title = directive["titel"] ?? selection.heading
        context.traces += Self.traces(selection, cells)
        let note = context.note(ReportNote.head(selection.traceOfAll), use: Message("ReportNote.table", periodsText).description)
        var html =
            "<figure class=\"tabel\"><div class=\"table-scroll\" role=\"region\" aria-label=\"\(Markup.escape(title))\" tabindex=\"0\"><table><caption>\(Markup.escape(title))\(Self.noteLink(note))</caption><thead><tr>"
        for (i, heading) in headings.enumerated() {
            html += "<th scope=\"col\"\(i == 0 ? "" : " class=\"num\"")>\(Markup.escape(heading))</th>"
        }
        html += "</tr></thead><tbody>"
        for row in rows {
            html += "<tr><th scope=\"row\">\(Markup.escape(row.header))</th>" + row.cells.joined() + "</tr>"
        }
        html += "</tbody></table></div><figcaption class=\"bron\">\(Markup.escape(sourceLine(selection)))</figcaption></figure>"
        return html
    }

    /// `{{grafiek ...}}`: a line chart over the periods from `van` to `tot` (the last eight by default), or with
    /// `periode` (or `soort=staaf`) a bar chart of every series at that period, largest first.
    func chart(_ directive: Directive, _ context: inout Context) async throws -> String {
        let selection = try await select(directive, &context)
        let measure = selection.measure
        let all = selection.series.map(\.series)
        let svg: String
        let periodsText: String
        let cells: [(Int, Period)]
        if let at = try period(directive, "periode", in: all, context)
            ?? (directive["soort"] == "staaf" ? all.compactMap { $0.points.last?.period }.max() : nil)
        {
            let bars = selection.series.indices
                .map { BarChart.Bar(label: selection.name($0), value: all[$0].value(at: at)) }
                .sorted { ($0.value ?? -.infinity) > ($1.value ?? -.infinity) }
            svg = BarChart(
                id: "grafiek-\(directive.line)",
                title: directive["titel"] ?? "\(selection.heading), \(at.label(in: .nl))",
                summary: Message("ExplorerView.barSummary", measure.title, at.phrase(in: .nl), bars.count).description,
                bars: bars,
                decimals: measure.decimals
            )
            .svg()
            periodsText = at.label(in: .nl)
            cells = selection.series.indices.map { ($0, at) }
        } else {
            let shown = try periods(directive, all, context)
            cells = shown.flatMap { p in selection.series.indices.map { ($0, p) } }
            guard let first = shown.first, let last = shown.last else {
                throw context.error(directive, Message("ReportBuilder.noPeriods"), fix: Message("ReportBuilder.noPeriodsFix"))
            }
            svg = LineChart(
                id: "grafiek-\(directive.line)",
                title: directive["titel"]
                    ?? Message("ExplorerView.lineTitle", selection.heading, first.label(in: .nl), last.label(in: .nl)).description,
                summary: Message(
                    "ExplorerView.lineSummary",
                    measure.title,
                    first.frequency.name(in: .nl),
                    selection.series.indices.map { selection.name($0) }.joined(separator: ", ")
                )
                .description,
                xLabels: shown.map { $0.label(in: .nl) },
                xTicks: PeriodAxis.ticks(shown, in: .nl),
                series: selection.series.indices.map { i in LineChart.Series(name: selection.name(i), values: shown.map { all[i].value(at: $0) }) },
                decimals: measure.decimals
            )
            .svg()
            periodsText = "\(first.label(in: .nl)) - \(last.label(in: .nl))"
        }
        let note = context.note(ReportNote.head(selection.traceOfAll), use: Message("ReportNote.chart", periodsText).description)
        context.traces += Self.traces(selection, cells)
        return
            "<figure class=\"grafiek\" tabindex=\"0\">\(svg)<figcaption class=\"bron\">\(Markup.escape(sourceLine(selection)))\(Self.noteLink(note))</figcaption></figure>"
    }

    /// A table of the series at `at` with a column per member of dimension `d` and a row per combination of the
    /// other members, rows in the order they come or by the first column, highest first.
    func pivot(_ selection: Selection, by d: Int, at: Period, sorted: Bool) -> ([String], [(header: String, cells: [String])], [(Int, Period)]) {
        var columns: [Member] = []
        var rowKeys: [[String]] = []
        var rowNames: [[String]: String] = [:]
        var index: [[String]: [String: Int]] = [:]
        let others = selection.varying.filter { $0 != d }
        for (i, entry) in selection.series.enumerated() where entry.members.indices.contains(d) {
            let column = entry.members[d]
            if !columns.contains(where: { $0.code == column.code }) { columns.append(column) }
            let key = others.compactMap { entry.members.indices.contains($0) ? entry.members[$0].code : nil }
            if index[key] == nil {
                rowKeys.append(key)
                rowNames[key] = others.compactMap { entry.members.indices.contains($0) ? entry.members[$0].label : nil }.joined(separator: " · ")
            }
            index[key, default: [:]][column.code] = i
        }
        if sorted, let first = columns.first {
            let value = { (key: [String]) in index[key]?[first.code].flatMap { selection.series[$0].series.value(at: at) } ?? -.infinity }
            rowKeys.sort { value($0) > value($1) }
        }
        let decimals = selection.measure.decimals
        let rowTitle = others.map { selection.dataset.dimensions[$0].title }.joined(separator: " · ")
        let rowHeading =
            rowTitle.isEmpty ? Message("ReportBuilder.seriesHeading").description : rowTitle.prefix(1).uppercased() + rowTitle.dropFirst()
        let headings = [rowHeading] + columns.map { $0.label.isEmpty ? $0.code : $0.label }
        let rows = rowKeys.map { key in
            (
                header: rowNames[key].flatMap { $0.isEmpty ? nil : $0 } ?? selection.heading,
                cells: columns.map { c in index[key]?[c.code].map { cell(selection, $0, at, decimals) } ?? "<td class=\"num\">.</td>" }
            )
        }
        let cells = rowKeys.flatMap { key in columns.compactMap { c in index[key]?[c.code].map { ($0, at) } } }
        return (headings, rows, cells)
    }

    /// The traces of the cells a table or chart shows, each series at a period.
    static func traces(_ selection: Selection, _ cells: [(Int, Period)]) -> [Trace] {
        cells.compactMap { i, p in selection.series.indices.contains(i) ? selection.series[i].series[p].map { selection.trace(i).at($0) } : nil }
    }

    /// The periods from `van` to `tot` of the finest frequency, or the last eight.
    func periods(_ directive: Directive, _ all: [TimeSeries], _ context: Context) throws -> [Period] {
        let frequency = all.compactMap(\.finestFrequency).min { $0.perYear > $1.perYear }
        let periods = Set(all.flatMap(\.periods)).filter { $0.frequency == frequency }.sorted()
        let from = try period(directive, "van", in: all, context)
        let to = try period(directive, "tot", in: all, context)
        var shown = periods.filter { p in (from.map { p >= $0 } ?? true) && (to.map { p <= $0 } ?? true) }
        if from == nil { shown = Array(shown.suffix(Self.defaultPeriods)) }
        return shown
    }

    /// A table cell (`<td>`): the value with the measure's decimals and its status mark, its tooltip where it came from.
    func cell(_ selection: Selection, _ i: Int, _ period: Period, _ decimals: Int) -> String {
        guard let point = selection.series[i].series[period], let value = point.value else { return "<td class=\"num\">.</td>" }
        let mark = point.status.mark ?? ""
        let note = ReportNote.describe(selection.trace(i).at(point))
        return "<td class=\"num\" title=\"\(Markup.escape(note))\">\(DutchNumberFormat.format(value, decimals: decimals))\(mark)</td>"
    }

    /// `Bron: CBS, 80472ned (release 3)`, as pages write it.
    func sourceLine(_ selection: Selection) -> String {
        selection.dataset.source.line(dataset: selection.dataset.id, vintage: selection.vintage.id, in: .nl)
    }

    /// The link to a note from one place in the text.
    static func noteLink(_ note: (number: Int, anchor: String)) -> String {
        let label = Markup.escape(Message("ReportNote.label", note.number).description)
        return "<a class=\"noot\" href=\"#noot-\(note.number)\" id=\"\(note.anchor)\" aria-label=\"\(label)\"><sup>\(note.number)</sup></a>"
    }
}
