import Hummingbird
import KrapteCore
import KrapteRender

/// Builds the explorer of a dataset from the query parameters: `measure`, a dimension's code with members
/// (repeated or comma-separated), and `van` and `tot` for the periods. Without a choice, the first measure and the
/// first member of each dimension, over every period of the finest frequency.
struct ExplorerView: Sendable {
    let store: any Store
    /// The texts of the page's language.
    let t: Texts
    /// Where the server keeps what pages derive from the store (a dataset's latest metadata, whole member lists)
    /// while the store is unchanged; nil to make them for each page.
    var kept: PageCache? = nil

    /// The most lines one chart draws; more series are drawn as small multiples, a panel each.
    static let maxLines = 8
    /// The most series the explorer shows at once.
    static let maxSeries = 60

    /// What the parameters choose: the measure and the members of each dimension.
    struct Choice {
        var measure: Measure
        var members: [[Member]]
    }

    /// One series as the charts and the table name it.
    typealias NamedSeries = (name: String, series: TimeSeries)

    /// - Throws: `PageRoutes.Redirect` to `/prognose` for a forecast's dataset, whose figures are shown only with
    ///   their intervals; `APIError` for a choice the dataset does not have.
    func page(_ id: String, _ parameters: Parameters) async throws -> ExplorerPage {
        let latest = if let kept { try await kept.latest(id, of: store) } else { try await store.latest(id) }
        let dataset = latest.metadata
        if dataset.derivation?.isForecast == true { throw PageRoutes.Redirect(to: "/prognose?" + [("prognose", id)].queryString) }
        let choice = try Self.choice(dataset, parameters)
        let (from, to) = (try Self.period(parameters, "van"), try Self.period(parameters, "tot"))
        let measure = choice.measure
        let result = try await store.query(
            ObservationQuery(
                dataset: id,
                measure: measure.code,
                filters: zip(dataset.dimensions, choice.members).map { .init(dimension: $0.code, members: $1.map(\.code)) }
            ),
            latest: latest
        )
        let all = result.timeSeries()
        let frequency = all.compactMap(\.series.finestFrequency).min { $0.perYear > $1.perYear }
        let periods = Set(all.flatMap { $0.series.periods }).filter { $0.frequency == frequency }.sorted()
        let shownRange: PeriodRange? =
            periods.isEmpty
            ? nil
            : PeriodRange(
                from.flatMap { f in periods.first { $0 >= f } } ?? periods[0],
                to.flatMap { t in periods.last { $0 <= t } } ?? periods[periods.count - 1]
            )
        // Each period labelled once: the two lists of the form, the chart and the table all name it.
        let labels = periods.map { $0.label(in: t.language) }
        let shownIndices = shownRange.map { r in periods.indices.filter { r.contains(periods[$0]) } } ?? []
        let shown = shownIndices.map { periods[$0] }
        let shownLabels = shownIndices.map { labels[$0] }
        let varying = choice.members.indices.filter { choice.members[$0].count > 1 }
        let series: [NamedSeries] = all.map { entry in
            (varying.isEmpty ? measure.title : varying.map { entry.members[$0].label }.joined(separator: " · "), entry.series)
        }
        var notices: [String] = []
        if shown.isEmpty { notices.append(t(Message("ExplorerView.noFigures"))) }
        let chosen = zip(dataset.dimensions, choice.members).map { d, members in (d.code, members.map(\.code).joined(separator: ",")) }
        var api = [("measure", measure.code)] + chosen
        var state = api
        if let shownRange {
            api.append(("period", shownRange.description))
            state += [("van", shownRange.lowerBound.code), ("tot", shownRange.upperBound.code)]
        }
        var filters: [ExplorerPage.Filter] = []
        for (d, members) in zip(dataset.dimensions, choice.members) {
            filters.append(try await filter(d, of: id, vintage: result.vintage.id, chosen: members, query: parameters.get("zoek-\(d.code)") ?? ""))
        }
        // The downloads ask for the largest page, which holds every row the explorer can show (at most `maxSeries`
        // series).
        let base = "/api/v1/datasets/\(id.pathEncoded)/observations?"
        var page = ExplorerPage(
            pageTitle: dataset.title,
            dataset: id,
            measures: dataset.measures.map { FormChoice(value: $0.code, label: $0.title, selected: $0 == measure) },
            filters: filters,
            from: zip(periods, labels).map { FormChoice(value: $0.code, label: $1, selected: $0 == shownRange?.lowerBound) },
            to: zip(periods, labels).map { FormChoice(value: $0.code, label: $1, selected: $0 == shownRange?.upperBound) },
            notices: notices,
            lineChart: Self.lineChart(measure, series, shown, labels: shownLabels, frequency: frequency, t: t),
            barChart: Self.barChart(measure, series, at: shown.last, periods: shown.count, t: t),
            table: Self.table(measure, series, shown, labels: shownLabels, t: t),
            sourceLine: t(
                Message(
                    "ExplorerView.sourceLine",
                    measure.unit.isEmpty ? t(Message("DatasetView.unknown")) : measure.unit,
                    dataset.source.line(dataset: id, vintage: result.vintage.id, in: t.language)
                )
            ),
            csvURL: base + (api + [("format", "csv"), ("limit", String(APIRoutes.maximumPageSize))]).queryString,
            jsonURL: base + (api + [("format", "json"), ("limit", String(APIRoutes.maximumPageSize))]).queryString,
            permalink: "/verkenner/\(id.pathEncoded)?" + state.queryString
        )
        page.illustrative = dataset.source.illustrative
        page.excelURL = base + (api + [("format", "csv-nl"), ("limit", String(APIRoutes.maximumPageSize))]).queryString
        let chartBase = "/verkenner/\(id.pathEncoded)/"
        page.lineChartURL = chartBase + "lijn.svg?" + state.queryString
        page.barChartURL = chartBase + "staaf.svg?" + state.queryString
        page.mapURL = chartBase + "kaart.svg?" + state.queryString
        page.mapLinks = Self.mapLinks(dataset, state, id: id, t: t)
        page.map = Self.regionsMap(dataset, choice, all, at: shown.last, state: state, t: t)
        page.mapSource = t(Message("Map.source", dataset.source.line(dataset: id, vintage: result.vintage.id, in: t.language)))
        return page
    }

    /// The measure and members the parameters choose: by default the first measure and the first member of each
    /// dimension.
    /// - Throws: `APIError` 404 for an unknown measure or member, 400 for more than `maxSeries` series.
    static func choice(_ dataset: Dataset, _ parameters: Parameters) throws -> Choice {
        let measure: Measure
        if let name = parameters.get("measure"), !name.isEmpty {
            guard let m = dataset.measure(named: name) else {
                throw APIError(
                    .notFound,
                    Message(
                        "ExplorerView.datasetHeeftGeenOnderwerp",
                        dataset.id,
                        name.excerpt,
                        Suggestions.sentence(name, among: dataset.measures.flatMap { [($0.code, $0.title), ($0.title, $0.title)] })
                    )
                )
            }
            measure = m
        } else {
            guard let m = dataset.measures.first else { throw APIError(.notFound, Message("ExplorerView.datasetHeeftGeenOnderwerpen", dataset.id)) }
            measure = m
        }
        var chosen: [[Member]] = []
        for d in dataset.dimensions {
            let asked = parameters.filter { String($0.key) == d.code }.flatMap { $0.value.split(separator: ",").map(String.init) }
            var members: [Member] = []
            for name in asked where !name.isEmpty {
                guard let m = d.member(named: name) else {
                    throw APIError(
                        .notFound,
                        Message("ExplorerView.vanHeeftGeenLid", d.title, dataset.id, name.excerpt, d.suggestion(for: name))
                    )
                }
                if !members.contains(m) { members.append(m) }
            }
            if members.isEmpty, let first = d.members.first { members = [first] }
            chosen.append(members)
        }
        let combinations = chosen.reduce(1) { $0 * $1.count }
        guard combinations <= maxSeries else {
            throw APIError(
                .badRequest,
                Message("ExplorerView.dezeKeuzeGeeftReeksen", combinations, maxSeries)
            )
        }
        return Choice(measure: measure, members: chosen)
    }

    static func unit(_ measure: Measure) -> String { measure.unit.isEmpty ? "" : " (\(measure.unit))" }

    /// The series over the periods shown (`labels` their labels): one line each, or for more than `maxLines` series a
    /// small chart each.
    static func lineChart(
        _ measure: Measure,
        _ series: [NamedSeries],
        _ shown: [Period],
        labels: [String],
        frequency: Period.Frequency?,
        t: Texts
    ) -> String? {
        // One period is a bar chart, not a column of dots.
        guard shown.count > 1, let first = labels.first, let last = labels.last else { return nil }
        let language = t.language
        let title = t(Message("ExplorerView.lineTitle", measure.title + unit(measure), first, last))
        let per = frequency?.name(in: language) ?? t(Message("ExplorerView.period"))
        guard series.count <= maxLines else {
            var panels = SmallMultiples(
                id: "lijn",
                title: title,
                summary: t(Message("ExplorerView.panelsSummary", measure.title, per, series.count)),
                xLabels: labels,
                panels: series.map { s in SmallMultiples.Panel(title: s.name, values: shown.map { s.series.value(at: $0) }) },
                decimals: measure.decimals
            )
            panels.xTicks = shown.map { $0.axisLabel(in: language) }
            return panels.svg()
        }
        let drawn = series
        return LineChart(
            id: "lijn",
            title: title,
            summary: t(Message("ExplorerView.lineSummary", measure.title, per, drawn.map(\.name).joined(separator: ", "))),
            xLabels: labels,
            xTicks: PeriodAxis.ticks(shown, in: language),
            series: drawn.map { s in LineChart.Series(name: s.name, values: shown.map { s.series.value(at: $0) }) },
            decimals: measure.decimals
        ).svg()
    }

    /// Every series at the last period shown, largest first, when there is more than one series or only one period.
    static func barChart(_ measure: Measure, _ series: [NamedSeries], at last: Period?, periods: Int, t: Texts) -> String? {
        guard series.count > 1 || periods == 1, let last else { return nil }
        let sorted = series.sorted { ($0.series.value(at: last) ?? -.infinity) > ($1.series.value(at: last) ?? -.infinity) }
        return BarChart(
            id: "staaf",
            title: "\(measure.title)\(unit(measure)), \(last.label(in: t.language))",
            summary: t(Message("ExplorerView.barSummary", measure.title, last.phrase(in: t.language), series.count)),
            bars: sorted.map { BarChart.Bar(label: $0.name, value: $0.series.value(at: last)) },
            decimals: measure.decimals,
            language: t.language
        ).svg()
    }

    /// A row per period shown (`labels` their labels) and a column per series, each value with its status mark.
    static func table(_ measure: Measure, _ series: [NamedSeries], _ shown: [Period], labels: [String], t: Texts) -> DataTable? {
        guard !shown.isEmpty else { return nil }
        return DataTable(
            caption: "\(measure.title)\(unit(measure))",
            headings: [DataTable.Heading(t(Message("ExplorerView.periodHeading")))] + series.map { DataTable.Heading($0.name, numeric: true) },
            rows: zip(shown, labels).map { p, label in
                DataTable.Row(
                    [DataTable.Cell(label, rowHeader: true)]
                        + series.map { s in
                            let point = s.series[p]
                            return DataTable.valueCell(
                                point?.value,
                                decimals: measure.decimals,
                                status: point?.status ?? .definitief,
                                attribute: point?.attribute ?? .notAvailable,
                                in: t.language
                            )
                        }
                )
            }
        )
    }

    /// A member as a reader sees it: its label as the publisher writes it, without Krapte's or CBS's internal code
    /// (`T001038`, `52052`), which stays in links and downloads; the code only for a member without a label.
    static func label(_ m: Member) -> String {
        m.label.isEmpty ? m.code : m.label
    }

    /// The period of parameter `name`, if given.
    /// - Throws: `APIError` 400 when it is not a period.
    static func period(_ parameters: Parameters, _ name: String) throws -> Period? {
        guard let text = parameters.get(name), !text.isEmpty else { return nil }
        guard let p = Period.parseLabel(text)?.period else {
            throw APIError(.badRequest, Message("ExplorerView.neemtEenPeriodeZoals", name.excerpt, text.excerpt))
        }
        return p
    }
}
