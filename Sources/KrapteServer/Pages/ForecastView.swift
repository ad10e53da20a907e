import Foundation
import Hummingbird
import KrapteCore
import KrapteRender

/// Builds the forecast page (`/prognose?prognose=ID&reeks=CODES`) from the forecasts in the store (derived datasets
/// of the operation `forecast`): the chosen series' observed values (its definition's selection, read again) with
/// the forecast and its fans, the periods ahead, the model, and a rolling-origin back-test of the method on the
/// series with "de prognose van een jaar eerder".
struct ForecastView: Sendable {
    let store: any Store
    /// The definitions the forecasts were computed from, for their selections.
    let definitions: IndicatorDefinitions
    /// The texts of the page's language.
    let t: Texts

    func page(_ parameters: Parameters) async throws -> ForecastPage {
        let stored = try await store.forecasts()
        let title = t(Message("ForecastView.title"))
        guard let first = stored.first else {
            return ForecastPage(
                pageTitle: title,
                forecasts: [],
                series: [],
                notice: t(Message("ForecastView.none")),
                tableCaption: "",
                rows: [],
                sourceLine: ""
            )
        }
        var chosen = first
        if let asked = parameters.get("prognose"), !asked.isEmpty {
            guard let s = stored.first(where: { $0.dataset.id == asked }) else {
                throw APIError(.notFound, Message("ForecastView.unknown", asked.excerpt, Message.either(stored.map(\.dataset.id))))
            }
            chosen = s
        }
        let records = chosen.derivation.forecasts ?? []
        let names = records.map { name(of: $0, in: chosen.dataset) }
        let codes = records.map { $0.members.joined(separator: ",") }
        var index = records.firstIndex { $0.refusal == nil } ?? 0
        if let asked = parameters.get("reeks"), !asked.isEmpty {
            guard let i = codes.firstIndex(of: asked) ?? names.firstIndex(of: asked) else {
                throw APIError(.notFound, Message("ForecastView.unknownSeries", chosen.dataset.title, asked.excerpt))
            }
            index = i
        }
        var inputs: [String] = []
        var illustrative = chosen.dataset.source.illustrative
        for input in chosen.derivation.inputs {
            let source = try await store.metadata(of: input.dataset, vintage: input.vintage).source
            let line = source.line(dataset: input.dataset, vintage: input.vintage, in: t.language)
            illustrative = illustrative || source.illustrative
            if !inputs.contains(line) { inputs.append(line) }
        }
        let source = t(Message("ForecastView.source", chosen.dataset.id, chosen.vintage, inputs.joined(separator: "; ")))
        var page = ForecastPage(
            pageTitle: title + ": " + chosen.dataset.title,
            forecasts: stored.map { FormChoice(value: $0.dataset.id, label: $0.dataset.title, selected: $0.dataset.id == chosen.dataset.id) },
            series: records.indices.map { FormChoice(value: codes[$0], label: names[$0], selected: $0 == index) },
            notice: nil,
            tableCaption: "",
            rows: [],
            sourceLine: source
        )
        page.illustrative = illustrative
        guard records.indices.contains(index) else { return page }
        let record = records[index]
        if let refusal = record.refusal {
            page.notice = t(Message("ForecastView.refused", refusal))
            return page
        }
        try await fill(&page, chosen, record, name: names[index])
        return page
    }

    /// The series' name for a reader: the labels of its members in the dimensions that have more than one.
    private func name(of record: ForecastRecord, in dataset: Dataset) -> String {
        let labels = zip(dataset.dimensions, record.members).map { d, code in
            (d.members.count > 1, d.members.first { $0.code == code }.map(ExplorerView.label) ?? code)
        }
        let varying = labels.filter(\.0).map(\.1)
        return (varying.isEmpty ? labels.map(\.1) : varying).joined(separator: ", ")
    }

    /// The forecast's figures, chart, model and track record.
    private func fill(_ page: inout ForecastPage, _ chosen: StoredForecast, _ record: ForecastRecord, name: String) async throws {
        let language = t.language
        let id = chosen.dataset.id
        let decimals = chosen.dataset.measures.first?.decimals ?? 1
        let number = { (x: Double) in DutchNumberFormat.format(x, decimals: decimals) }
        let filters = zip(chosen.dataset.dimensions, record.members).map { ObservationQuery.Filter(dimension: $0.code, members: [$1]) }
        let steps = try await store.steps(of: chosen, members: record.members)[record.members] ?? []
        guard let last = steps.last else { return }
        let unit = chosen.dataset.measures.first.map { ["aantal", ""].contains($0.unit) ? "" : " (\($0.unit))" } ?? ""
        let title = chosen.dataset.title
        let interval = { (a: Double, b: Double) in "\(number(a)) – \(number(b))" }
        page.headline = t(
            Message(
                "ForecastView.headline",
                (chosen.dataset.measures.first?.title ?? title) + unit,
                name,
                number(last.mean),
                last.period,
                interval(last.lower80, last.upper80),
                interval(last.lower95, last.upper95)
            )
        )
        page.tableCaption = t(Message("ForecastView.tableCaption", (chosen.dataset.measures.first?.title ?? title) + unit, name))
        page.rows = steps.map {
            ForecastPage.Row(
                period: $0.period.label(in: language),
                mean: number($0.mean),
                interval80: interval($0.lower80, $0.upper80),
                interval95: interval($0.lower95, $0.upper95),
                status: ObservationStatus.prognose.label(in: language)
            )
        }
        page.hasRows = !page.rows.isEmpty
        page.model = model(record)
        let state = [("measure", id)] + filters.map { ($0.dimension, $0.members.joined(separator: ",")) } + [("format", "csv")]
        page.csvURL = "/api/v1/datasets/\(id.pathEncoded)/observations?" + state.queryString
        page.jsonURL = "/api/v1/forecasts/\(id.pathEncoded)?" + [("reeks", record.members.joined(separator: ","))].queryString
        let observed = try await observedSeries(chosen, record)
        page.chart = chart(observed, steps, title: chosen.dataset.measures.first?.title ?? title, name: name, decimals: decimals)
        page.chartKey = t(Message("ForecastView.chartKey"))
        let texts = t
        let horizon = steps.count
        if let observed,
            let (intro, lines) = await CPUWork.run({
                Self.track(observed, record, horizon: horizon, name: name, decimals: decimals, t: texts)
            })
        {
            page.trackIntro = intro
            page.track = lines
            page.hasTrack = !lines.isEmpty
        }
    }

    /// The model in a sentence: its form, parameters and AICc, and the observations it rests on.
    private func model(_ record: ForecastRecord) -> String? {
        guard let first = record.first, let last = record.last else { return nil }
        guard record.method == .ets, let p = record.parameters else {
            return t(Message("ForecastView.simpleModel", record.model ?? record.method.rawValue, record.observations, first, last))
        }
        let shown = { (x: Double) in DutchNumberFormat.format(x, decimals: 3) }
        var named = ["α = \(shown(p.alpha))"]
        if let beta = p.beta { named.append("β = \(shown(beta))") }
        if let gamma = p.gamma { named.append("γ = \(shown(gamma))") }
        if let phi = p.phi { named.append("φ = \(shown(phi))") }
        let details = t(Message("ForecastView.parameters", named.joined(separator: ", "), DutchNumberFormat.format(record.aicc ?? .nan, decimals: 1)))
        return t(Message("ForecastView.model", record.model ?? "ETS", record.observations, first, last, details))
    }

    /// The observed values the forecast rests on: its definition's selection read again, in the record's frequency
    /// and span; nil when the definition is not among the server's or its selection no longer reads.
    private func observedSeries(_ chosen: StoredForecast, _ record: ForecastRecord) async throws -> TimeSeries? {
        guard let definition = definitions.indicators.first(where: { $0.id == chosen.derivation.indicator }),
            let selection = definition.inputs["input"], let first = record.first, let last = record.last
        else { return nil }
        do {
            let computed = try await IndicatorEngine.values(
                of: selection,
                store: store,
                id: definition.id + "-waargenomen",
                decimals: definition.decimals,
                file: definitions.file
            )
            guard let series = computed.series.first(where: { $0.members.map(\.code) == record.members }) else { return nil }
            return TimeSeries(series.series.points.filter { $0.period.frequency == first.frequency && $0.period >= first && $0.period <= last })
        } catch is DefinitionError {
            return nil
        }
    }

    /// The last five years observed and the forecast with its fans, joined at the last observed value.
    private func chart(_ observed: TimeSeries?, _ steps: [SeriesForecast.Step], title: String, name: String, decimals: Int) -> String? {
        guard let firstStep = steps.first, let lastStep = steps.last else { return nil }
        let language = t.language
        let frequency = firstStep.period.frequency
        let history = (observed?.points ?? []).filter { $0.value != nil }.suffix(5 * frequency.perYear)
        let periods = history.map(\.period) + steps.map(\.period)
        let joined = history.last.flatMap { p in p.value.map { (p.period, $0) } }
        let ahead = Dictionary(steps.map { ($0.period, $0) }, uniquingKeysWith: { a, _ in a })
        func line(_ value: (SeriesForecast.Step) -> Double) -> [Double?] {
            periods.map { q in q == joined?.0 ? joined?.1 : ahead[q].map(value) }
        }
        let orange = ChartPalette.colour(1)
        var chart = LineChart(
            id: "prognose",
            title: "\(title): \(name)",
            summary: t(Message("ForecastView.chartSummary", title, name, history.last?.period ?? firstStep.period, lastStep.period)),
            xLabels: periods.map { $0.label(in: language) },
            xTicks: PeriodAxis.ticks(periods, in: language),
            series: [
                LineChart.Series(name: t(Message("ForecastView.observed")), values: periods.map { observed?.value(at: $0) }, dashed: false),
                LineChart.Series(name: t(Message("ForecastView.forecast")), values: line(\.mean), dashed: true),
            ],
            decimals: decimals
        )
        chart.fans = LineChart.Fan.forecast(line, colour: orange, in: language)
        return chart.svg()
    }

    /// A rolling-origin back-test of the record's method on the observed series, from each of the last two years'
    /// origins: how it is tested, and the sentences of `BacktestLines`.
    private static func track(
        _ observed: TimeSeries,
        _ record: ForecastRecord,
        horizon: Int,
        name: String,
        decimals: Int,
        t: Texts
    ) -> (String, [String])? {
        guard let frequency = record.first?.frequency,
            let test = try? ForecastBacktest.rollingOrigin(observed, method: record.method, horizon: horizon, origins: 2 * frequency.perYear)
        else { return nil }
        let lines = BacktestLines(test, name: name, decimals: decimals, in: t.language)
        return (t(Message("Forecast.backtest.rolling")), [lines.yearAgo, lines.heading, lines.bySteps].compactMap { $0 })
    }
}
