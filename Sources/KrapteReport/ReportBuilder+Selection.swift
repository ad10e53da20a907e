import Foundation
import KrapteCore

extension ReportBuilder {
    /// The arguments a directive may have besides dimensions.
    static let reserved: Set<String> = [
        "dataset", "onderwerp", "periode", "van", "tot", "regel", "naam", "afronden", "band", "soort", "titel", "verandering", "sorteer",
        "als", "decimalen", "transponeer", "volgorde", "aantal", "vergelijk", "stijging", "ontbreekt", "sinds", "niveau", "kolommen", "ontwerp",
        "tabel", "metingen",
    ]

    /// The series a directive reads: its dataset, measure and members, as stored, with their trace.
    struct Selection {
        var dataset: Dataset
        var measure: Measure
        var vintage: Vintage
        var series: [(members: [Member], series: TimeSeries)]
        /// The dimensions with more than one member chosen.
        var varying: [Int]
        /// The members asked, per dimension.
        var filters: [ObservationQuery.Filter]

        /// The trace of series `i`, without periods.
        func trace(_ i: Int) -> Trace {
            let members = series.indices.contains(i) ? series[i].members : []
            return Trace(
                dataset: dataset.id,
                datasetTitle: dataset.title,
                measure: measure.code,
                measureTitle: measure.title + (measure.unit.isEmpty ? "" : " (\(measure.unit))"),
                members: zip(dataset.dimensions, members).map {
                    Trace.Member(dimension: $0.title, code: $1.code, label: $1.label.isEmpty ? $1.code : $1.label)
                },
                vintage: vintage.id,
                publishedAt: vintage.publishedAt,
                loadedAt: vintage.loadedAt,
                derivation: dataset.derivation?.formula
            )
        }

        /// The trace of every series together, for the note of a table or chart: the members of each dimension
        /// that were chosen, all of them.
        var traceOfAll: Trace {
            var trace = self.trace(0)
            trace.members = dataset.dimensions.indices.compactMap { d in
                var labels: [String] = []
                for s in series where s.members.indices.contains(d) {
                    let label = s.members[d].label.isEmpty ? s.members[d].code : s.members[d].label
                    if !labels.contains(label) { labels.append(label) }
                }
                guard let first = labels.first else { return nil }
                return Trace.Member(dimension: dataset.dimensions[d].title, code: first, label: labels.joined(separator: ", "))
            }
            return trace
        }

        /// The heading of a table or chart: the measure with its unit, and the members chosen alone that are not a
        /// total (`Openstaande vacatures (x 1 000), C Industrie`).
        var heading: String {
            let fixed = (series.first?.members ?? []).enumerated().filter { d, m in !varying.contains(d) && !ReportBuilder.isTotal(m) }
            let unit = measure.unit.isEmpty ? "" : " (\(measure.unit))"
            return ([measure.title + unit] + fixed.map { $0.1.label.isEmpty ? $0.1.code : $0.1.label }).joined(separator: ", ")
        }

        /// The name of series `i` in a table or legend: the labels of the varying members, else the measure.
        func name(_ i: Int) -> String {
            guard !varying.isEmpty, series.indices.contains(i) else { return measure.title }
            return varying.map { d in series[i].members.indices.contains(d) ? series[i].members[d].label : "" }.joined(separator: " · ")
        }
    }

    /// Reads what `directive` selects: `dataset`, `onderwerp` (the measure, by code or title; the first by default)
    /// and members per dimension (`Bedrijfskenmerken=T001081,300003`; the first member by default).
    /// - Throws: `ReportError` for a missing dataset argument or an unknown argument; `StoreError` for what the
    ///   store does not hold.
    func select(_ directive: Directive, _ context: inout Context) async throws -> Selection {
        guard let id = directive["dataset"], !id.isEmpty else {
            throw context.error(directive, Message("ReportBuilder.noDataset"), fix: Message("ReportBuilder.noDatasetFix"))
        }
        let vintages = try await store.vintages(of: id)
        let vintage: Vintage
        if let asOf {
            let endOfDay = asOf.addingTimeInterval(86_400)
            guard let v = vintages.last(where: { $0.effectiveDate < endOfDay }) else {
                throw context.error(
                    directive,
                    Message("ReportBuilder.nothingAsOf", id, ReportNote.dutchDate(asOf)),
                    fix: Message("ReportBuilder.nothingAsOfFix")
                )
            }
            vintage = v
        } else {
            guard let v = vintages.last else { throw StoredForm.noDataset(id) }
            vintage = v
        }
        let dataset = try await store.metadata(of: id, vintage: vintage.id)
        // A forecast is shown only with its status and intervals, which a report's figures and charts do not carry.
        if dataset.derivation?.isForecast == true {
            throw context.error(directive, Message("ReportBuilder.forecast", id), fix: Message("ReportBuilder.forecastFix", id))
        }
        let measure: Measure
        if let name = directive["onderwerp"] {
            guard let m = dataset.measure(named: name) else {
                throw context.error(
                    directive,
                    Message("ReportBuilder.unknownMeasure", id, name.excerpt),
                    fix: Message("ReportBuilder.unknownMeasureFix", Suggestions.sentence(name, in: dataset.measures.map(\.code)), id)
                )
            }
            measure = m
        } else {
            guard let m = dataset.measures.first else { throw StoredForm.noDataset(id) }
            measure = m
        }
        var filters: [ObservationQuery.Filter] = []
        var varying: [Int] = []
        for (key, value) in directive.arguments where !Self.reserved.contains(key) {
            guard let d = dataset.dimensions.firstIndex(where: { $0.code == key || $0.title == key }) else {
                throw context.error(
                    directive,
                    Message("ReportBuilder.unknownArgument", key.excerpt, id),
                    fix: Message(
                        "ReportBuilder.unknownArgumentFix",
                        Suggestions.sentence(key, in: dataset.dimensions.map(\.code) + Self.reserved.sorted()),
                        dataset.dimensions.map(\.code).joined(separator: ", ")
                    )
                )
            }
            // Members are separated by `;`, or by `,` when there is no `;`; a value that names one member as a
            // whole (`Antwoord="Ja, veel"`) is that member.
            let whole = dataset.dimensions[d].member(named: value) != nil
            let separator: Character = value.contains(";") ? ";" : ","
            let members =
                whole ? [value] : value.split(separator: separator).map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if members.count > 1 { varying.append(d) }
            filters.append(.init(dimension: dataset.dimensions[d].code, members: members))
        }
        for dimension in dataset.dimensions where !filters.contains(where: { $0.dimension == dimension.code }) {
            if let first = dimension.members.first { filters.append(.init(dimension: dimension.code, members: [first.code])) }
        }
        let result = try await store.query(ObservationQuery(dataset: id, measure: measure.code, filters: filters, asOf: asOf))
        context.releases[id] = BuiltReport.Release(dataset: id, title: dataset.title, vintage: vintage)
        // The series in the order the members were asked (`Reeks=J,A-U` compares J with A-U).
        var asked: [Int: [String: Int]] = [:]
        for filter in filters {
            guard let d = dataset.dimensions.firstIndex(where: { $0.code == filter.dimension }) else { continue }
            for (i, name) in filter.members.enumerated() {
                if let m = dataset.dimensions[d].member(named: name) { asked[d, default: [:]][m.code] = i }
            }
        }
        let order = { (members: [Member]) in members.enumerated().map { asked[$0.offset]?[$0.element.code] ?? 0 } }
        let series = result.timeSeries().enumerated().sorted { a, b in
            let (x, y) = (order(a.element.members) + [a.offset], order(b.element.members) + [b.offset])
            return x.lexicographicallyPrecedes(y)
        }
        .map(\.element)
        return Selection(dataset: dataset, measure: measure, vintage: vintage, series: series, varying: varying.sorted(), filters: filters)
    }

    /// Series `i` of the selection in another measure of its dataset (a survey share's standard error), from the same
    /// release; nil when the dataset has no such measure.
    func companion(_ selection: Selection, _ i: Int, measure: String) async throws -> TimeSeries? {
        guard selection.dataset.measure(named: measure) != nil, selection.series.indices.contains(i) else { return nil }
        let members = selection.series[i].members
        let filters = zip(selection.dataset.dimensions, members).map { ObservationQuery.Filter(dimension: $0.code, members: [$1.code]) }
        let result = try await store.query(ObservationQuery(dataset: selection.dataset.id, measure: measure, filters: filters, asOf: asOf))
        return result.timeSeries().first?.series
    }

    /// The period of argument `key` (`2024KW04`, or `laatste` for the latest with a value in `series`); nil when not
    /// given.
    func period(_ directive: Directive, _ key: String, in series: [TimeSeries], _ context: Context) throws -> Period? {
        guard let text = directive[key], !text.isEmpty else { return nil }
        if text == "laatste" { return series.compactMap { $0.points.last { $0.value != nil }?.period }.max() }
        guard let parsed = Period.parseLabel(text)?.period else {
            throw context.error(directive, Message("ReportBuilder.badPeriod", key, text.excerpt), fix: Message("ReportBuilder.badPeriodFix"))
        }
        return parsed
    }

    /// The one series a value or sentence speaks of.
    /// - Throws: `ReportError` when the selection holds none or more than one.
    func single(_ selection: Selection, _ directive: Directive, _ context: Context) throws -> TimeSeries {
        guard selection.series.count == 1, let only = selection.series.first else {
            throw context.error(
                directive,
                Message("ReportBuilder.notOneSeries", selection.series.count),
                fix: Message("ReportBuilder.notOneSeriesFix")
            )
        }
        return only.series
    }
}
