import Foundation
import KrapteCore
import KrapteRender

extension ReportBuilder {
    /// `{{enquetetabel dataset=... ontwerp=design.json tabel=figuur8}}`: a table of a survey's design file (its
    /// `tables`, Guides/SurveyTables.md) laid out from the weighted estimates in the store, as `krapte survey table`
    /// lays it out from the microdata: whole percentages, suppressed cells as `x`. `ontwerp` is a path from the
    /// report's folder; `metingen=2025,2024` chooses the waves.
    func surveyTable(_ directive: Directive, _ context: inout Context) async throws -> String {
        guard let id = directive["dataset"], let path = directive["ontwerp"], let name = directive["tabel"] else {
            throw context.error(directive, Message("ReportBuilder.surveyTableArguments"), fix: Message("ReportBuilder.surveyTableArgumentsFix"))
        }
        let base = folder ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
        let design: SurveySpecification
        do {
            design = try SurveySpecification(decoding: try Data(contentsOf: url), file: path)
        } catch let error as DefinitionError {
            throw context.error(directive, error.said, fix: Message("ReportBuilder.designFix"))
        } catch {
            throw context.error(directive, Message("ReportBuilder.noDesign", path.excerpt), fix: Message("ReportBuilder.designFix"))
        }
        guard var table = design.tables.first(where: { $0.name == name }) else {
            throw context.error(
                directive,
                Message("ReportBuilder.noSurveyTable", name.excerpt, path),
                fix: Message("ReportBuilder.noSurveyTableFix", Message.either(design.tables.map(\.name)))
            )
        }
        if let waves = directive["metingen"] { table.waves = waves.split(separator: ",").map(String.init) }
        if let problem = table.problem(in: design) { throw context.error(directive, problem.message, fix: problem.fix) }
        let (rows, vintage, dataset) = try await estimates(id, questions: table.questions)
        let present = Set(rows.map(\.wave)).sorted()
        let waves = table.waves ?? present.reversed()
        guard waves.allSatisfy(present.contains) else {
            throw context.error(
                directive,
                Message("ReportBuilder.surveyWaves", waves.joined(separator: ", "), present.joined(separator: ", ")),
                fix: Message("ReportBuilder.surveyWavesFix")
            )
        }
        context.releases[id] = BuiltReport.Release(dataset: id, title: dataset.title, vintage: vintage)
        let layout = SurveyTable(table, design: design, waves: waves)
        let shown = rows.filter { waves.contains($0.wave) }
        let (sections, omitted) = layout.rows(shown)
        let headers = layout.headers(shown)
        // Every share shown, with its trace.
        let share = dataset.measure(named: "Aandeel")
        for row in shown where table.questions.contains(row.question) {
            guard let estimate = row.estimate?.share, let year = Int(row.wave), let period = Period.year(year) else { continue }
            var trace = Trace(
                dataset: id,
                datasetTitle: dataset.title,
                measure: "Aandeel",
                measureTitle: (share?.title ?? "Aandeel") + " (%)",
                members: [Trace.Member(dimension: "Vraag", code: row.question, label: design.question(row.question)?.title ?? row.question)]
                    + [
                        Trace.Member(dimension: row.domainType, code: row.domain, label: row.domain),
                        Trace.Member(dimension: "Antwoord", code: row.category, label: row.category),
                    ],
                vintage: vintage.id,
                publishedAt: vintage.publishedAt,
                loadedAt: vintage.loadedAt
            )
            trace.periods = [period]
            trace.inputs = [Trace.Input(period: period, value: estimate.estimate * 100)]
            context.traces.append(trace)
        }
        let head = ReportNote.head(
            Trace(
                dataset: id,
                datasetTitle: dataset.title,
                measure: "Aandeel",
                measureTitle: (share?.title ?? "Aandeel") + " (%)",
                members: [
                    Trace.Member(
                        dimension: "Vraag",
                        code: table.questions.joined(separator: ","),
                        label: table.questions.map { design.question($0)?.title ?? $0 }.joined(separator: ", ")
                    )
                ],
                vintage: vintage.id,
                publishedAt: vintage.publishedAt,
                loadedAt: vintage.loadedAt
            )
        )
        let note = context.note(head, use: Message("ReportNote.surveyTable", name, waves.joined(separator: ", ")).description)
        var html =
            "<figure class=\"tabel\"><div class=\"table-scroll\" role=\"region\" aria-label=\"\(Markup.escape(layout.title))\" tabindex=\"0\"><table>"
        html += "<caption>\(Markup.escape(layout.title))\(Self.noteLink(note))</caption><thead>"
        if layout.waveGroups.count > 1 {
            let span = headers.count / layout.waveGroups.count
            html +=
                "<tr><td></td>"
                + layout.waveGroups.map { "<th scope=\"colgroup\" colspan=\"\(span)\" class=\"num\">\(Markup.escape($0))</th>" }.joined() + "</tr>"
        }
        html += "<tr><td></td>" + headers.map { "<th scope=\"col\" class=\"num\">\(Markup.escape($0))</th>" }.joined() + "</tr></thead>"
        for section in sections where !section.isEmpty {
            html += "<tbody>"
            for row in section {
                html +=
                    "<tr><th scope=\"row\">\(Markup.escape(row.label))</th>"
                    + row.cells.map { "<td class=\"num\">\(Markup.escape($0))</td>" }.joined() + "</tr>"
            }
            html += "</tbody>"
        }
        html +=
            "</table></div><figcaption class=\"bron\">\(Markup.escape(SurveyTable.suppressed + ": " + Message("SurveyTable.suppressed").description))"
        if !omitted.isEmpty { html += " " + Markup.escape(Message("SurveyTable.omitted", omitted.joined(separator: "; ")).description) }
        html += " " + Markup.escape(dataset.source.line(dataset: id, vintage: vintage.id, in: .nl)) + "</figcaption></figure>"
        return html
    }

    /// The weighted estimates of `questions` stored in survey dataset `id` (as `krapte survey estimate --store` keeps
    /// them), as the estimator gave them: a row per wave, question, domain and answer.
    func estimates(_ id: String, questions: [String]) async throws -> ([SurveyRow], Vintage, Dataset) {
        let vintages = try await store.vintages(of: id)
        let endOfDay = asOf.map { $0.addingTimeInterval(86_400) }
        guard let vintage = vintages.last(where: { v in endOfDay.map { v.effectiveDate < $0 } ?? true }) else { throw StoredForm.noDataset(id) }
        let dataset = try await store.metadata(of: id, vintage: vintage.id)
        guard SurveyDataset.holds(dataset) else { throw StoreError(.notFound, Message("ReportBuilder.notASurvey", id)) }
        var values: [String: [String: Double]] = [:]
        var order: [String] = []
        for measure in [
            "Aandeel", "Standaardfout", "StandaardfoutZonderEPC", "RespondentenDomein", "RespondentenAntwoord", "GewogenDomein", "GewogenAntwoord",
            "StandaardfoutGewogenAntwoord",
        ] {
            guard dataset.measure(named: measure) != nil else { continue }
            let result = try await store.query(
                ObservationQuery(dataset: id, measure: measure, filters: [.init(dimension: "Vraag", members: questions)], asOf: asOf)
            )
            for row in result.rows {
                let key = (row.members.map(\.code) + [String(row.period.year)]).joined(separator: "\u{1F}")
                if values[key] == nil { order.append(key) }
                if let value = row.value { values[key, default: [:]][measure] = value }
            }
        }
        let columns = dataset.dimensions.dropFirst().dropLast().map(\.code)
        let rows = order.compactMap { key -> SurveyRow? in
            let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == columns.count + 3, let v = values[key] else { return nil }
            let domain = Array(parts[1...columns.count])
            let chosen = domain.indices.filter { domain[$0] != SurveyDataset.total }
            let respondents = Int(v["RespondentenDomein"] ?? 0)
            var estimate: ShareEstimate?
            if let share = v["Aandeel"], let se = v["Standaardfout"] {
                estimate = ShareEstimate(
                    respondents: respondents,
                    categoryRespondents: Int(v["RespondentenAntwoord"] ?? 0),
                    weightedRespondents: v["GewogenDomein"] ?? 0,
                    weightedCategory: SurveyEstimate(
                        estimate: v["GewogenAntwoord"] ?? 0,
                        se: v["StandaardfoutGewogenAntwoord"] ?? 0,
                        seNoFPC: v["StandaardfoutGewogenAntwoord"] ?? 0
                    ),
                    share: SurveyEstimate(estimate: share / 100, se: se / 100, seNoFPC: (v["StandaardfoutZonderEPC"] ?? se) / 100)
                )
            }
            return SurveyRow(
                wave: parts[parts.count - 1],
                question: parts[0],
                domainType: chosen.isEmpty ? "overall" : chosen.map { columns[$0] }.joined(separator: "_x_"),
                domain: chosen.isEmpty ? SurveyDataset.total : chosen.map { domain[$0] }.joined(separator: "|"),
                category: parts[columns.count + 1],
                respondents: respondents,
                estimate: estimate
            )
        }
        return (rows, vintage, dataset)
    }
}
