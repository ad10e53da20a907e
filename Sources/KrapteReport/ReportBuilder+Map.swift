import Foundation
import KrapteCore
import KrapteRender

extension ReportBuilder {
    /// `{{kaart ...}}`: the regions of one level (`niveau=provincie` or `arbeidsmarktregio`: every region of that level
    /// the dataset has) at `periode` (the latest by default) on a map in fifths of their values, with the map's
    /// source ("Bron kaart: CBS/PDOK") and a table of the same figures for screen readers.
    func map(_ directive: Directive, _ context: inout Context) async throws -> String {
        guard let id = directive["dataset"], let name = directive["niveau"], let level = RegionLevel(rawValue: name),
            let shapes = RegionMap.shipped(level)
        else {
            throw context.error(
                directive,
                Message("ReportBuilder.badLevel", (directive["niveau"] ?? "").excerpt),
                fix: Message("ReportBuilder.badLevelFix")
            )
        }
        // Every region of the level, in the geography dimension of the dataset.
        let dataset = try await store.latest(id).metadata
        guard let g = dataset.dimensions.first(where: { $0.kind == .geography }) else {
            throw context.error(directive, Message("ReportBuilder.noGeography", id), fix: Message("ReportBuilder.badLevelFix"))
        }
        var widened = directive
        widened.arguments.removeAll { $0.key == g.code || $0.key == g.title }
        widened.arguments.append((g.code, g.members.filter { RegionLevel(code: $0.code) == level }.map(\.code).joined(separator: ";")))
        let selection = try await select(widened, &context)
        let all = selection.series.map(\.series)
        guard let at = try period(directive, "periode", in: all, context) ?? all.compactMap({ $0.points.last { $0.value != nil }?.period }).max()
        else { throw SentenceError(Message("SentenceWriter.empty", selection.measure.title)) }
        guard let gi = selection.dataset.dimensions.firstIndex(where: { $0.code == g.code }) else { return "" }
        let values = selection.series.compactMap { entry -> (Member, TimeSeries.Point, Double)? in
            guard entry.members.indices.contains(gi), let p = entry.series[at], let v = p.value, v.isFinite else { return nil }
            return (entry.members[gi], p, v)
        }
        guard let low = values.map(\.2).min(), let high = values.map(\.2).max() else {
            throw SentenceError(Message("SentenceWriter.noValue", selection.measure.title, at.label(in: .nl)))
        }
        let decimals = selection.measure.decimals
        let bounds = ChoroplethMap.quintiles(values.map(\.2))
        let edges = [low] + bounds + [high]
        let written = { (v: Double) in DutchNumberFormat.format(v, decimals: decimals) }
        let palette = ChartPalette.sequential
        let colours = (0...bounds.count).map { palette[bounds.isEmpty ? palette.count / 2 : $0 * (palette.count - 1) / bounds.count] }
        let classes = (0...bounds.count).map { i in
            ChoroplethMap.MapClass(label: Message("Map.range", written(edges[i]), written(edges[i + 1])).description, colour: colours[i])
        }
        var regions: [String: ChoroplethMap.Region] = [:]
        for (member, _, value) in values {
            regions[member.code] = ChoroplethMap.Region(
                label: member.label,
                value: written(value),
                classIndex: ChoroplethMap.classIndex(of: value, bounds: bounds)
            )
        }
        let unit = selection.measure.unit.isEmpty ? "" : " (\(selection.measure.unit))"
        let title =
            directive["titel"]
            ?? Message("ExplorerView.mapTitle", selection.measure.title + unit, level.pluralName(in: .nl), at.label(in: .nl)).description
        let svg = ChoroplethMap(
            id: "kaart-\(directive.line)",
            title: title,
            summary: Message("ReportBuilder.mapSummary", selection.measure.title, at.label(in: .nl), regions.count).description,
            map: shapes,
            regions: regions,
            classes: classes,
            noData: Message("Map.noData").description
        )
        .svg()
        context.traces += values.compactMap { member, point, _ in
            selection.series.firstIndex { $0.members.indices.contains(gi) && $0.members[gi].code == member.code }.map {
                selection.trace($0).at(point)
            }
        }
        let note = context.note(ReportNote.head(selection.traceOfAll), use: Message("ReportNote.map", at.label(in: .nl)).description)
        var html = "<figure class=\"kaart-figuur\">\(svg)<figcaption class=\"bron\">"
        html += Markup.escape(Message("Map.source", sourceLine(selection)).description) + Self.noteLink(note) + "</figcaption>"
        // The figures of the map as a table, for a reader who cannot see it.
        html +=
            "<details><summary>\(Markup.escape(Message("ReportBuilder.mapTable").description))</summary><table><caption>\(Markup.escape(title))</caption>"
        html += "<thead><tr><th scope=\"col\">\(Markup.escape(Message("ReportBuilder.regionHeading").description))</th>"
        html += "<th scope=\"col\" class=\"num\">\(Markup.escape(at.label(in: .nl)))</th></tr></thead><tbody>"
        for (member, _, value) in values.sorted(by: { $0.2 > $1.2 }) {
            html += "<tr><th scope=\"row\">\(Markup.escape(member.label))</th><td class=\"num\">\(written(value))</td></tr>"
        }
        return html + "</tbody></table></details></figure>"
    }
}
