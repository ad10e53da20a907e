import Foundation
import Hummingbird
import KrapteCore
import KrapteRender

/// Builds the page of stored survey estimates (`/enquete/{dataset}?vraag=Q&meting=2025`): per domain column a
/// stacked bar chart and a table of the shares per answer, the total first, suppressed domains hatched and `x`.
struct SurveyView: Sendable {
    let store: any Store
    /// The texts of the page's language.
    let t: Texts

    func page(_ id: String, _ parameters: Parameters) async throws -> SurveyPage {
        let (dataset, vintages) = try await store.latest(id)
        let dimensions = dataset.dimensions
        guard SurveyDataset.holds(dataset) else {
            throw APIError(
                .notFound,
                Message("SurveyView.datasetBevatGeenEnqu", id, id)
            )
        }
        let questions = dimensions[0].members
        let question: Member
        if let asked = parameters.get("vraag"), !asked.isEmpty {
            guard let m = questions.first(where: { $0.code == asked }) else {
                throw APIError(
                    .notFound,
                    Message("SurveyView.datasetHeeftGeenVraag", id, asked.excerpt, Suggestions.sentence(asked, members: questions))
                )
            }
            question = m
        } else {
            guard let first = questions.first else { throw APIError(.notFound, Message("SurveyView.datasetHeeftGeenVragen", id)) }
            question = first
        }
        let filter = ObservationQuery.Filter(dimension: "Vraag", members: [question.code])
        let shares = try await store.query(ObservationQuery(dataset: id, measure: "Aandeel", filters: [filter]))
        let waves = Set(shares.rows.map(\.period)).sorted()
        guard let latest = waves.last else { throw APIError(.notFound, Message("SurveyView.datasetHeeftGeenSchattingen", id, question.label)) }
        var wave = latest
        if let asked = parameters.get("meting"), !asked.isEmpty {
            guard let p = Period.parseLabel(asked)?.period else {
                throw APIError(.badRequest, Message("SurveyView.metingNeemtEenJaar", asked.excerpt))
            }
            guard waves.contains(p) else {
                throw APIError(
                    .notFound,
                    Message("SurveyView.datasetHeeftVoorDeze", id, asked.excerpt, waves.map { $0.label(in: t.language) }.joined(separator: ", "))
                )
            }
            wave = p
        }
        let respondents = try await store.query(
            ObservationQuery(dataset: id, measure: "RespondentenDomein", filters: [filter], periods: PeriodRange(wave, wave))
        )
        // Per domain (its members without the question and the answer) the share of every answer, and its respondents.
        let answers = dimensions[dimensions.count - 1].members
        var cells: [[String]: [String: QueryResult.Row]] = [:]
        for row in shares.rows where row.period == wave {
            cells[row.members.dropFirst().dropLast().map(\.code), default: [:]][row.members[row.members.count - 1].code] = row
        }
        var counts: [[String]: Double] = [:]
        for row in respondents.rows {
            counts[row.members.dropFirst().dropLast().map(\.code)] = row.value
        }
        // The margin of each share: half the width of its 95% interval, per domain and answer.
        var margins: [[String]: [String: Double]] = [:]
        let bounds = try await (
            store.query(ObservationQuery(dataset: id, measure: "Ondergrens95", filters: [filter], periods: PeriodRange(wave, wave))),
            store.query(ObservationQuery(dataset: id, measure: "Bovengrens95", filters: [filter], periods: PeriodRange(wave, wave)))
        )
        var lower: [[String]: Double] = [:]
        for row in bounds.0.rows { lower[row.members.dropFirst().map(\.code)] = row.value }
        for row in bounds.1.rows {
            let key = row.members.dropFirst().map(\.code)
            guard let high = row.value, let low = lower[key], let answer = key.last else { continue }
            margins[Array(key.dropLast()), default: [:]][answer] = (high - low) / 2
        }
        let categories = answers.filter { a in cells.values.contains { $0[a.code] != nil } }
        let columns = Array(dimensions.dropFirst().dropLast())
        let total = columns.map { _ in SurveyDataset.total }
        let sections = columns.enumerated().map { k, column in
            let domains =
                [(label: t(Message("SurveyView.total")), key: total)]
                + column.members.filter { $0.code != SurveyDataset.total }.compactMap { m -> (label: String, key: [String])? in
                    var key = total
                    key[k] = m.code
                    return cells[key] == nil ? nil : (m.label, key)
                }
            return section(
                column,
                domains,
                cells: cells,
                margins: margins,
                counts: counts,
                categories: categories,
                question: question,
                wave: wave
            )
        }
        let waveText = wave.label(in: t.language)
        var page = SurveyPage(
            pageTitle: "\(dataset.title): \(question.label) (\(waveText))",
            dataset: id,
            questions: questions.map { FormChoice(value: $0.code, label: $0.label, selected: $0 == question) },
            waves: waves.reversed().map { FormChoice(value: $0.code, label: $0.label(in: t.language), selected: $0 == wave) },
            sections: sections,
            sourceLine: "\(dataset.source.line(dataset: id, vintage: vintages.last?.id, in: t.language)). \(dataset.summary)",
            csvURL: "/api/v1/datasets/\(id.pathEncoded)/observations?"
                + [("measure", "Aandeel"), ("Vraag", question.code), ("period", wave.code), ("format", "csv")].queryString,
            explorerURL: "/verkenner/\(id.pathEncoded)?"
                + ([("measure", "Aandeel"), ("Vraag", question.code)] + columns.map { ($0.code, SurveyDataset.total) }).queryString
        )
        page.illustrative = dataset.source.illustrative
        return page
    }

    /// The chart and table of one domain column.
    private func section(
        _ column: KrapteCore.Dimension,
        _ domains: [(label: String, key: [String])],
        cells: [[String]: [String: QueryResult.Row]],
        margins: [[String]: [String: Double]],
        counts: [[String]: Double],
        categories: [Member],
        question: Member,
        wave: Period
    ) -> SurveyPage.Section {
        func suppressed(_ key: [String]) -> Bool { categories.contains { cells[key]?[$0.code]?.value == nil } }
        let chart = StackedBarChart(
            id: "enquete-\(column.code)",
            title: t(Message("SurveyView.chartTitle", question.label, column.title, wave.label(in: t.language))),
            summary: t(Message("SurveyView.chartSummary", column.title)),
            categories: categories.map(\.label),
            bars: domains.map { d in
                StackedBarChart.Bar(label: d.label, shares: suppressed(d.key) ? nil : categories.map { cells[d.key]?[$0.code]?.value ?? 0 })
            },
            language: t.language
        )
        let rows = domains.map { d in
            DataTable.Row(
                [DataTable.Cell(d.label, rowHeader: true)]
                    + categories.map { c in
                        let value = suppressed(d.key) ? nil : cells[d.key]?[c.code]?.value
                        let margin = margins[d.key]?[c.code].map { " ±" + DutchNumberFormat.format($0, decimals: 0) } ?? ""
                        return DataTable.Cell(
                            value.map { DutchNumberFormat.percent($0) + margin } ?? ValueAttribute.confidential.symbol,
                            numeric: true
                        )
                    }
                    + [DataTable.Cell(counts[d.key].map { DutchNumberFormat.integer(Int($0)) } ?? "", numeric: true)]
            )
        }
        let table = DataTable(
            caption: t(Message("SurveyView.tableCaption", question.label, column.title, wave.label(in: t.language))),
            headings: [DataTable.Heading(column.title)] + categories.map { DataTable.Heading($0.label, numeric: true) }
                + [DataTable.Heading(t(Message("SurveyView.respondents")), numeric: true)],
            rows: rows
        )
        return SurveyPage.Section(title: column.title, chart: chart.svg(), table: table)
    }
}
