import Foundation
import Hummingbird
import KrapteCore
import KrapteRender

/// Builds the spanningsindicator page of a region and quarter (`?regio=CODE&periode=2024KW04`) from the computed
/// indicators `spanningsindicator` (per occupation and region) and `spanningsindicator-regio` (per region).
struct TensionView: Sendable {
    let store: any Store
    /// The texts of the page's language.
    let t: Texts

    /// The indicator per occupation and region.
    static let perOccupation = "spanningsindicator"
    /// The indicator per region over all occupations.
    static let perRegion = "spanningsindicator-regio"
    /// The indicator for Nederland over all occupations and regions.
    static let national = "spanningsindicator-nederland"
    /// How many occupations the top lists show.
    static let top = 5

    func page(_ parameters: Parameters) async throws -> TensionPage {
        let present = Set(try await store.datasets().map(\.id))
        guard present.contains(Self.perOccupation) else {
            throw APIError(
                .notFound,
                Message("TensionView.deSpanningsindicatorNogNiet")
            )
        }
        let dataset = try await store.latest(Self.perOccupation).metadata
        guard let g = dataset.dimensions.firstIndex(where: { $0.kind == .geography }),
            let o = dataset.dimensions.firstIndex(where: { $0.kind == .classification })
        else {
            throw APIError(.notFound, Message("TensionView.deSpanningsindicatorDeDatabase"))
        }
        let regions = dataset.dimensions[g].members
        let region: Member
        if let asked = parameters.get("regio"), !asked.isEmpty {
            guard let m = regions.first(where: { $0.code == asked || $0.label == asked }) else {
                throw APIError(
                    .notFound,
                    Message("TensionView.deSpanningsindicatorHeeftGeen", asked.excerpt, dataset.dimensions[g].suggestion(for: asked))
                )
            }
            region = m
        } else {
            guard let first = regions.first(where: { $0.code == KeyFigureSheet.shipped.defaultRegion }) ?? regions.first else {
                throw APIError(.notFound, Message("TensionView.deSpanningsindicatorDeDatabase2"))
            }
            region = first
        }
        let regionFilter = ObservationQuery.Filter(dimension: dataset.dimensions[g].code, members: [region.code])
        // Naming every occupation lets the store read just this region's series.
        let occupationFilter = ObservationQuery.Filter(dimension: dataset.dimensions[o].code, members: dataset.dimensions[o].members.map(\.code))
        let result = try await store.query(
            ObservationQuery(dataset: Self.perOccupation, measure: Self.perOccupation, filters: [regionFilter, occupationFilter])
        )
        let all = result.timeSeries()
        let quarters = Set(all.flatMap { $0.series.periods }).filter { $0.frequency == .quarter }.sorted()
        guard let latest = quarters.last else { throw APIError(.notFound, Message("TensionView.deSpanningsindicatorHeeftGeen2", region.label)) }
        var period = latest
        if let asked = parameters.get("periode"), !asked.isEmpty {
            guard let p = Period.parseLabel(asked)?.period else {
                throw APIError(.badRequest, Message("TensionView.periodeNeemtEenKwartaal", asked.excerpt))
            }
            guard quarters.contains(p) else {
                throw APIError(
                    .notFound,
                    Message(
                        "TensionView.deSpanningsindicatorHeeftGeen3",
                        p.phrase(in: t.language),
                        quarters[0].label(in: t.language),
                        latest.label(in: t.language)
                    )
                )
            }
            period = p
        }
        let upTo = PeriodRange(quarters[0], period)
        let rows = all.compactMap { entry -> (Member, Double, TimeSeries.PeakChange?)? in
            guard let v = entry.series.value(at: period) else { return nil }
            return (entry.members[o], v, entry.series.sincePeak(.quarter, in: upTo))
        }
        let ranked = Ranking.ranked(rows.enumerated().map { ($0.offset, Optional($0.element.1)) })
        let occupations = ranked.map { item in
            let (member, value, peak) = rows[item.key]
            let typering = Spanningsindicator.typering(value, in: period)
            return TensionPage.Occupation(
                rank: item.rank,
                label: ExplorerView.label(member),
                value: DutchNumberFormat.format(value, decimals: 2),
                typering: typering?.rawValue ?? "",
                typeringClass: ReaderNames.typeringClass(typering?.rawValue),
                sincePeak: peak?.percent.map { DutchNumberFormat.percent($0, decimals: 0, signed: true) } ?? ".",
                peak: peak?.peak.period.label(in: t.language) ?? ""
            )
        }
        let (headline, chart) = try await regional(region, period: period, present: present)
        var page = TensionPage(
            pageTitle: t(Message("TensionView.title", region.label)),
            regions: regions.map { FormChoice(value: $0.code, label: $0.label, selected: $0 == region) },
            periods: quarters.reversed().map { FormChoice(value: $0.code, label: $0.label(in: t.language), selected: $0 == period) },
            headline: headline,
            chart: chart,
            tightest: Array(occupations.prefix(Self.top)),
            loosest: Array(occupations.suffix(Self.top).reversed()),
            occupations: occupations,
            sourceLine: Self.sourceLine(dataset, vintage: result.vintage.id, t: t),
            csvURL: "/api/v1/datasets/\(Self.perOccupation)/observations?"
                + [("measure", Self.perOccupation), (regionFilter.dimension, region.code), ("period", period.code), ("format", "csv")].queryString
        )
        page.illustrative = dataset.source.illustrative
        page.map = try await regionsMap(region, period: period, present: present)
        let state = [("regio", region.code), ("periode", period.code)].queryString
        page.chartURL = "/spanningsindicator/lijn.svg?" + state
        page.mapURL = "/spanningsindicator/kaart.svg?" + state
        return page
    }

    /// Every arbeidsmarktregio's spanningsindicator in `period` on a map classed by typering, and in a table, when
    /// `spanningsindicator-regio` is computed.
    private func regionsMap(_ selected: Member, period: Period, present: Set<String>) async throws -> TensionPage.RegionsMap? {
        guard present.contains(Self.perRegion), let shapes = RegionMap.shipped(.arbeidsmarktregio) else { return nil }
        let (dataset, vintages) = try await store.latest(Self.perRegion)
        guard let g = dataset.dimensions.first(where: { $0.kind == .geography }) else { return nil }
        let members = g.members.filter { RegionLevel(code: $0.code) == .arbeidsmarktregio }
        guard !members.isEmpty else { return nil }
        let result = try await store.query(
            ObservationQuery(
                dataset: Self.perRegion,
                measure: Self.perRegion,
                filters: [.init(dimension: g.code, members: members.map(\.code))],
                periods: PeriodRange(period, period)
            )
        )
        let classes = Spanningsindicator.Typering.allCases
        var regions: [String: ChoroplethMap.Region] = [:]
        var rows: [TensionPage.RegionsMap.Row] = []
        for row in result.rows {
            guard let member = row.members.first, let value = row.value else { continue }
            let typering = Spanningsindicator.typering(value, in: period)
            let written = DutchNumberFormat.format(value, decimals: 2)
            let link = "/spanningsindicator?" + [("regio", member.code), ("periode", period.code)].queryString
            regions[member.code] = ChoroplethMap.Region(
                label: member.label,
                value: typering.map { "\(written) (\($0.rawValue))" } ?? written,
                classIndex: typering.flatMap { classes.firstIndex(of: $0) },
                link: link,
                selected: member.code == selected.code
            )
            rows.append(
                .init(
                    label: member.label,
                    link: link,
                    value: written,
                    typering: typering?.rawValue ?? "",
                    typeringClass: ReaderNames.typeringClass(typering?.rawValue),
                    selected: member.code == selected.code
                )
            )
        }
        guard !regions.isEmpty else { return nil }
        let when = period.label(in: t.language)
        let map = ChoroplethMap(
            id: "kaart",
            title: t(Message("TensionView.mapTitle", when)),
            summary: t(Message("TensionView.mapSummary", when)),
            map: shapes,
            regions: regions,
            classes: classes.enumerated().map { .init(label: $1.rawValue, colour: ChartPalette.typering[$0]) },
            noData: t(Message("Map.noData"))
        )
        return TensionPage.RegionsMap(
            svg: map.svg(),
            source: t(Message("Map.source", dataset.source.line(dataset: dataset.id, vintage: vintages.last?.id, in: t.language))),
            caption: t(Message("TensionView.mapTitle", when)),
            rows: rows
        )
    }

    /// The sentence and chart of the region over all occupations, when `spanningsindicator-regio` is computed.
    private func regional(_ region: Member, period: Period, present: Set<String>) async throws -> (String?, String?) {
        guard present.contains(Self.perRegion) else { return (nil, nil) }
        let dataset = try await store.latest(Self.perRegion).metadata
        guard let g = dataset.dimensions.first(where: { $0.kind == .geography }), g.members.contains(where: { $0.code == region.code }),
            let series = try await store.query(
                ObservationQuery(dataset: Self.perRegion, measure: Self.perRegion, filters: [.init(dimension: g.code, members: [region.code])])
            ).singleSeries?.only(.quarter),
            let value = series.value(at: period)
        else { return (nil, nil) }
        let typering = Spanningsindicator.typering(value, in: period)?.rawValue ?? ""
        let language = t.language
        var headline = t(
            Message("TensionView.headline", region.label, period.phrase(in: language), DutchNumberFormat.format(value, decimals: 1), typering)
        )
        if let first = series.periods.first, let peak = series.sincePeak(.quarter, in: PeriodRange(first, period)), let pct = peak.percent,
            let top = peak.peak.value, peak.peak.period != period
        {
            let since = peak.peak.period.phrase(in: language)
            headline += t(
                Message(
                    pct < 0 ? "TensionView.sincePeakDown" : "TensionView.sincePeakUp",
                    since,
                    DutchNumberFormat.format(top, decimals: 1),
                    DutchNumberFormat.percent(abs(pct))
                )
            )
        }
        let shown = series.points.filter { $0.period <= period }
        var lines = [LineChart.Series(name: region.label, values: shown.map(\.value))]
        // Nederland beside the region, when its indicator is computed: the national sentence and a second line.
        if present.contains(Self.national),
            let nederland = try await store.query(ObservationQuery(dataset: Self.national, measure: Self.national)).singleSeries?.only(.quarter),
            let national = nederland.value(at: period)
        {
            let typering = Spanningsindicator.typering(national, in: period)?.rawValue ?? ""
            headline += t(Message("TensionView.national", DutchNumberFormat.format(national, decimals: 1), typering))
            lines.append(LineChart.Series(name: t(Message("KeyFiguresView.netherlands")), values: shown.map { nederland.value(at: $0.period) }))
        }
        var chart = LineChart(
            id: "spanning-regio",
            title: t(Message("TensionView.chartTitle", region.label)),
            summary: t(Message("TensionView.chartSummary", region.label, period.phrase(in: language))),
            xLabels: shown.map { $0.period.label(in: language) },
            xTicks: PeriodAxis.ticks(shown.map(\.period), in: language),
            series: lines,
            decimals: 2
        )
        chart.bands = Self.typeringBands(at: period)
        return (headline, chart.svg())
    }

    /// The five typeringen as bands behind a chart, by the boundaries valid in `period`, in the colours of the map.
    static func typeringBands(at period: Period) -> [LineChart.Band] {
        guard let limits = Spanningsindicator.boundaries(for: period)?.limits, limits.count == 4 else { return [] }
        let edges: [Double?] = [nil] + limits.map { Optional($0) } + [nil]
        return Spanningsindicator.Typering.allCases.enumerated().map { i, typering in
            LineChart.Band(from: edges[i], to: edges[i + 1], name: typering.rawValue, colour: ChartPalette.typering[i])
        }
    }

    /// What the figures are and where they come from, through the derivation to the published tables.
    static func sourceLine(_ dataset: Dataset, vintage: Int64, t: Texts) -> String {
        t(Message("TensionView.sourceLine", dataset.source.line(dataset: dataset.id, vintage: vintage, in: t.language)))
    }
}
