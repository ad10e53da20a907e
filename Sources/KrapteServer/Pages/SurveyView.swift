import Foundation
import Hummingbird
import KrapteCore
import KrapteRender

/// Builds the page of stored survey estimates (`/enquete/{dataset}?vraag=Q&meting=2025`): per domain column a
/// stacked bar chart and a table of the shares per answer, the total first, suppressed domains hatched and `x`.
struct SurveyView: Sendable {
    let store: any Store

    func page(_ id: String, _ parameters: Parameters) async throws -> SurveyPage {
        let (dataset, vintages) = try await store.latest(id)
        let dimensions = dataset.dimensions
        guard SurveyDataset.holds(dataset) else {
            throw APIError(
                .notFound,
                "Dataset \(id) bevat geen enquêteschattingen; sla ze op met krapte survey estimate --store, of bekijk de cijfers in de verkenner (/verkenner/\(id))."
            )
        }
        let questions = dimensions[0].members
        let question: Member
        if let asked = parameters.get("vraag"), !asked.isEmpty {
            guard let m = questions.first(where: { $0.code == asked }) else {
                throw APIError(
                    .notFound,
                    "Dataset \(id) heeft geen vraag \(asked.excerpt).\(Suggestions.sentence(asked, members: questions)) Kies een vraag in het formulier."
                )
            }
            question = m
        } else {
            guard let first = questions.first else { throw APIError(.notFound, "Dataset \(id) heeft geen vragen.") }
            question = first
        }
        let filter = ObservationQuery.Filter(dimension: "Vraag", members: [question.code])
        let shares = try await store.query(ObservationQuery(dataset: id, measure: "Aandeel", filters: [filter]))
        let waves = Set(shares.rows.map(\.period)).sorted()
        guard let latest = waves.last else { throw APIError(.notFound, "Dataset \(id) heeft geen schattingen voor \(question.label).") }
        var wave = latest
        if let asked = parameters.get("meting"), !asked.isEmpty {
            guard let p = Period.parseLabel(asked)?.period else {
                throw APIError(.badRequest, "'meting' neemt een jaar zoals 2025, niet \(asked.excerpt).")
            }
            guard waves.contains(p) else {
                throw APIError(
                    .notFound,
                    "Dataset \(id) heeft voor deze vraag geen meting \(asked.excerpt); er zijn metingen van \(waves.map(\.dutchLabel).joined(separator: ", ")). Kies er een in het formulier."
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
        let categories = answers.filter { a in cells.values.contains { $0[a.code] != nil } }
        let columns = Array(dimensions.dropFirst().dropLast())
        let total = columns.map { _ in SurveyDataset.total }
        let sections = columns.enumerated().map { k, column in
            let domains =
                [(label: "Totaal", key: total)]
                + column.members.filter { $0.code != SurveyDataset.total }.compactMap { m -> (label: String, key: [String])? in
                    var key = total
                    key[k] = m.code
                    return cells[key] == nil ? nil : (m.label, key)
                }
            return section(column, domains, cells: cells, counts: counts, categories: categories, question: question, wave: wave)
        }
        let waveText = wave.dutchLabel
        var page = SurveyPage(
            pageTitle: "\(dataset.title): \(question.label) (\(waveText))",
            dataset: id,
            questions: questions.map { FormChoice(value: $0.code, label: $0.label, selected: $0 == question) },
            waves: waves.reversed().map { FormChoice(value: $0.code, label: $0.dutchLabel, selected: $0 == wave) },
            sections: sections,
            sourceLine: "\(dataset.source.line(dataset: id, vintage: vintages[vintages.count - 1].id)). \(dataset.summary)",
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
        counts: [[String]: Double],
        categories: [Member],
        question: Member,
        wave: Period
    ) -> SurveyPage.Section {
        func suppressed(_ key: [String]) -> Bool { categories.contains { cells[key]?[$0.code]?.value == nil } }
        let chart = StackedBarChart(
            id: "enquete-\(column.code)",
            title: "\(question.label) naar \(column.title), \(wave.dutchLabel)",
            summary:
                "Gestapelde staafgrafiek van de aandelen per antwoord naar \(column.title); domeinen met te weinig respondenten zijn gearceerd.",
            categories: categories.map(\.label),
            bars: domains.map { d in
                StackedBarChart.Bar(label: d.label, shares: suppressed(d.key) ? nil : categories.map { cells[d.key]?[$0.code]?.value ?? 0 })
            }
        )
        let rows = domains.map { d in
            DataTable.Row(
                [DataTable.Cell(d.label, rowHeader: true)]
                    + categories.map { c in
                        let value = suppressed(d.key) ? nil : cells[d.key]?[c.code]?.value
                        return DataTable.Cell(value.map { DutchNumberFormat.percent($0) } ?? ValueAttribute.confidential.symbol, numeric: true)
                    }
                    + [DataTable.Cell(counts[d.key].map { DutchNumberFormat.integer(Int($0)) } ?? "", numeric: true)]
            )
        }
        let table = DataTable(
            caption: "\(question.label) naar \(column.title), \(wave.dutchLabel) (x: te weinig respondenten)",
            headings: [DataTable.Heading(column.title)] + categories.map { DataTable.Heading($0.label, numeric: true) }
                + [DataTable.Heading("Respondenten", numeric: true)],
            rows: rows
        )
        return SurveyPage.Section(title: column.title, chart: chart.svg(), table: table)
    }
}
