import KrapteCore
import KrapteRender

extension ExplorerView {
    /// The levels of region the explorer draws on a map.
    static let mapLevels: [RegionLevel] = [.provincie, .arbeidsmarktregio]

    /// For each level with a map of which the geography dimension holds at least two regions, a link that chooses
    /// all of them in the state of the page (`Alle provincies op de kaart`).
    static func mapLinks(_ dataset: Dataset, _ state: [(String, String)], id: String, t: Texts) -> [FormChoice] {
        guard let g = dataset.dimensions.first(where: { $0.kind == .geography }) else { return [] }
        return mapLevels.compactMap { level in
            let codes = g.members.filter { RegionLevel(code: $0.code) == level }.map(\.code)
            guard codes.count >= 2, codes.count <= maxSeries, RegionMap.shipped(level) != nil else { return nil }
            let chosen = state.filter { $0.0 != g.code } + [(g.code, codes.joined(separator: ","))]
            return FormChoice(
                value: "/verkenner/\(id.pathEncoded)?" + chosen.queryString,
                label: t(Message("ExplorerView.allOnMap", level.pluralName(in: t.language))),
                selected: false
            )
        }
    }

    /// The chosen regions at `last` on a map in fifths of their values, when only the geography dimension varies
    /// and its regions are of one level with a map; each region a link to the explorer for it alone.
    static func regionsMap(
        _ dataset: Dataset,
        _ choice: Choice,
        _ all: [(members: [Member], series: TimeSeries)],
        at last: Period?,
        state: [(String, String)],
        t: Texts
    ) -> String? {
        guard let last, let g = dataset.dimensions.firstIndex(where: { $0.kind == .geography }),
            choice.members.indices.allSatisfy({ $0 == g || choice.members[$0].count == 1 }), choice.members.indices.contains(g),
            choice.members[g].count >= 2,
            let level = RegionLevel(code: choice.members[g][0].code), choice.members[g].allSatisfy({ RegionLevel(code: $0.code) == level }),
            let shapes = RegionMap.shipped(level)
        else { return nil }
        let code = dataset.dimensions[g].code
        let measure = choice.measure
        let values = all.compactMap { entry -> (Member, Double)? in
            guard entry.members.indices.contains(g), let v = entry.series.value(at: last), v.isFinite else { return nil }
            return (entry.members[g], v)
        }
        guard let low = values.map(\.1).min(), let high = values.map(\.1).max() else { return nil }
        let bounds = ChoroplethMap.quintiles(values.map(\.1))
        let edges = [low] + bounds + [high]
        let written = { (v: Double) in DutchNumberFormat.format(v, decimals: measure.decimals) }
        // As many colours as classes, spread over the sequential palette from light to dark.
        let palette = ChartPalette.sequential
        let colours = (0...bounds.count).map { palette[bounds.isEmpty ? palette.count / 2 : $0 * (palette.count - 1) / bounds.count] }
        let classes = (0...bounds.count).map { i in
            ChoroplethMap.MapClass(label: t(Message("Map.range", written(edges[i]), written(edges[i + 1]))), colour: colours[i])
        }
        var regions: [String: ChoroplethMap.Region] = [:]
        for (member, value) in values {
            let one = state.filter { $0.0 != code } + [(code, member.code)]
            regions[member.code] = ChoroplethMap.Region(
                label: member.label,
                value: written(value),
                classIndex: ChoroplethMap.classIndex(of: value, bounds: bounds),
                link: "/verkenner/\(dataset.id.pathEncoded)?" + one.queryString
            )
        }
        let when = last.label(in: t.language)
        let title = t(Message("ExplorerView.mapTitle", measure.title + unit(measure), level.pluralName(in: t.language), when))
        return ChoroplethMap(
            id: "kaart",
            title: title,
            summary: t(Message("ExplorerView.mapSummary", measure.title, when, regions.count)),
            map: shapes,
            regions: regions,
            classes: classes,
            noData: t(Message("Map.noData"))
        ).svg()
    }
}
