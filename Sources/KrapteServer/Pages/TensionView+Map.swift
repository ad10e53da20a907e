import KrapteCore
import KrapteRender

extension TensionView {
    /// The chosen occupation's spanningsindicator in every arbeidsmarktregio in the quarter, on a map classed by
    /// typering and in a table; each region leads to the same occupation there.
    func regionsMap(_ choice: Choice) async throws -> TensionPage.RegionsMap? {
        guard let shapes = RegionMap.shipped(.arbeidsmarktregio) else { return nil }
        let members = choice.regions.members.filter { RegionLevel(code: $0.code) == .arbeidsmarktregio }
        guard !members.isEmpty else { return nil }
        let period = choice.period
        let result = try await store.query(
            ObservationQuery(
                dataset: Self.tension,
                measure: Self.tension,
                filters: [
                    .init(dimension: choice.regions.code, members: members.map(\.code)),
                    .init(dimension: choice.occupations.code, members: [choice.occupation.code]),
                ],
                periods: PeriodRange(period, period)
            )
        )
        let classes = Spanningsindicator.Typering.allCases
        var regions: [String: ChoroplethMap.Region] = [:]
        var rows: [TensionPage.RegionsMap.Row] = []
        for row in result.rows {
            guard row.members.count > choice.g, let value = row.value else { continue }
            let member = row.members[choice.g]
            let typering = Spanningsindicator.typering(value, in: period)
            let written = DutchNumberFormat.format(value, decimals: 2)
            let link = choice.link(region: member.code)
            regions[member.code] = ChoroplethMap.Region(
                label: member.label,
                value: typering.map { "\(written) (\($0.rawValue))" } ?? written,
                classIndex: typering.flatMap { classes.firstIndex(of: $0) },
                link: link,
                selected: member.code == choice.region.code
            )
            rows.append(
                .init(
                    label: member.label,
                    link: link,
                    value: written,
                    typering: typering?.rawValue ?? "",
                    typeringClass: ReaderNames.typeringClass(typering?.rawValue),
                    selected: member.code == choice.region.code
                )
            )
        }
        guard !regions.isEmpty else { return nil }
        let when = period.label(in: t.language)
        let name = Self.name(choice.occupation, t)
        let title = t(Message("TensionView.mapTitle", name, when))
        let map = ChoroplethMap(
            id: "kaart",
            title: title,
            summary: t(Message("TensionView.mapSummary", name, when)),
            map: shapes,
            regions: regions,
            classes: classes.enumerated().map { .init(label: $1.rawValue, colour: ChartPalette.typering[$0]) },
            noData: t(Message("Map.noData"))
        )
        return TensionPage.RegionsMap(
            svg: map.svg(),
            source: t(Message("Map.source", choice.dataset.source.line(dataset: choice.dataset.id, vintage: choice.vintage, in: t.language))),
            caption: title,
            rows: rows
        )
    }
}
