import KrapteCore
import KrapteRender

extension TensionView {
    /// The sentences and the chart of the chosen occupation in the region: the figure with its counts and typering,
    /// the change since the peak, Nederland beside it, and the course over time with the typering bands behind it.
    func history(_ choice: Choice, selected: Row?) async throws -> (String?, String?) {
        guard let selected, let value = selected.value else { return (nil, nil) }
        let period = choice.period
        let language = t.language
        let name = Self.name(choice.occupation, t)
        let typering = Spanningsindicator.typering(value, in: period)?.rawValue ?? ""
        var headline = t(
            Message(
                "TensionView.headline",
                choice.region.label,
                name,
                period.phrase(in: language),
                DutchNumberFormat.format(value, decimals: 1),
                typering
            )
        )
        if let vacancies = selected.vacancies, let benefits = selected.benefits {
            headline += t(
                Message("TensionView.counts", DutchNumberFormat.format(vacancies, decimals: 0), DutchNumberFormat.format(benefits, decimals: 0))
            )
        }
        if let peak = selected.peak, let pct = peak.percent, let top = peak.peak.value, peak.peak.period != period {
            headline += t(
                Message(
                    pct < 0 ? "TensionView.sincePeakDown" : "TensionView.sincePeakUp",
                    peak.peak.period.phrase(in: language),
                    DutchNumberFormat.format(top, decimals: 1),
                    DutchNumberFormat.percent(abs(pct))
                )
            )
        }
        let shown = selected.series.points.filter { $0.period.frequency == .quarter && $0.period <= period }
        var lines = [LineChart.Series(name: choice.region.label, values: shown.map(\.value))]
        if choice.region.code != Self.nederland, let nederland = try await national(choice), let figure = nederland.value(at: period) {
            let typering = Spanningsindicator.typering(figure, in: period)?.rawValue ?? ""
            headline += t(Message("TensionView.national", DutchNumberFormat.format(figure, decimals: 1), typering))
            lines.append(LineChart.Series(name: t(Message("KeyFiguresView.netherlands")), values: shown.map { nederland.value(at: $0.period) }))
        }
        var chart = LineChart(
            id: "spanning-regio",
            title: t(Message("TensionView.chartTitle", choice.region.label, name)),
            summary: t(Message("TensionView.chartSummary", choice.region.label, name, period.phrase(in: language))),
            xLabels: shown.map { $0.period.label(in: language) },
            xTicks: PeriodAxis.ticks(shown.map(\.period), in: language),
            series: lines,
            decimals: 2
        )
        chart.bands = Self.typeringBands(at: period)
        return (headline, chart.svg())
    }

    /// The chosen occupation's series for Nederland, when the indicator has it.
    private func national(_ choice: Choice) async throws -> TimeSeries? {
        guard choice.regions.members.contains(where: { $0.code == Self.nederland }) else { return nil }
        let result = try await store.query(
            ObservationQuery(
                dataset: Self.tension,
                measure: Self.tension,
                filters: [
                    .init(dimension: choice.regions.code, members: [Self.nederland]),
                    .init(dimension: choice.occupations.code, members: [choice.occupation.code]),
                ]
            )
        )
        return result.singleSeries
    }

    /// The five typeringen as bands behind a chart, by the boundaries valid in `period`, in the colours of the map.
    static func typeringBands(at period: Period) -> [LineChart.Band] {
        guard let limits = Spanningsindicator.boundaries(for: period)?.limits, limits.count == 4 else { return [] }
        let edges: [Double?] = [nil] + limits.map { Optional($0) } + [nil]
        return Spanningsindicator.Typering.allCases.enumerated().map { i, typering in
            LineChart.Band(from: edges[i], to: edges[i + 1], name: typering.rawValue, colour: ChartPalette.typering[i])
        }
    }
}
