import KrapteCore
import KrapteRender

extension SurveyView {
    /// The most questions whose shares per domain one chart shows side by side (figure 14); with more, a chart per
    /// domain would hold too many bars, and the table holds them.
    static let questionsPerDomainChart = 3

    /// The chosen answer across every question that has it, for the total (figure 7 of seed 003), and per domain
    /// column when few questions have it (figure 14); nil when only the chosen question has it.
    func acrossQuestions(_ c: Choice, _ cells: SurveyCells, downloads: String) -> (block: SurveyPage.Block?, domains: [SurveyPage.Figure]) {
        func key(_ question: Member, _ domain: [String], _ wave: Period) -> SurveyCells.Key {
            SurveyCells.Key(question: question.code, domain: domain, answer: c.answer.code, wave: wave)
        }
        let questions = c.dataset.dimensions[0].members.filter {
            cells.holds($0.code, domain: c.total, wave: c.wave) && cells.share(key($0, c.total, c.wave)) != nil
        }
        guard questions.count > 1 else { return (nil, []) }
        let waveText = c.wave.label(in: t.language)
        // Highest first, as figure 7 ranks the measures.
        let ranked = questions.sorted { (cells.share(key($0, c.total, c.wave)) ?? 0) > (cells.share(key($1, c.total, c.wave)) ?? 0) }
        var chart = IntervalChart(
            id: "enquete-vragen",
            title: t(Message("SurveyView.questionsTitle", c.answer.label, wavesText(c))),
            summary: t(Message("SurveyView.questionsSummary", c.answer.label)),
            series: c.shownWaves.map { $0.label(in: t.language) },
            rows: ranked.map { q in
                IntervalChart.Row(label: q.label, estimates: cells.intervals(key(q, c.total, c.wave), in: c.shownWaves), bold: q == c.question)
            },
            language: t.language
        )
        chart.notes = notes(c)
        let table: DataTable
        if let (first, second) = c.compared {
            table = DataTable(
                caption: t(Message("SurveyView.questionsChangesCaption", c.answer.label, first.label(in: t.language), second.label(in: t.language))),
                headings: changeHeadings(t(Message("SurveyView.question")), first, second),
                rows: ranked.map { changeRow($0.label, key($0, c.total, second), from: first, cells) }
            )
        } else {
            table = DataTable(
                caption: t(Message("SurveyView.questionsCaption", c.answer.label, waveText)),
                headings: [
                    DataTable.Heading(t(Message("SurveyView.question"))), DataTable.Heading(waveText, numeric: true),
                    DataTable.Heading(t(Message("SurveyView.respondents")), numeric: true),
                ],
                rows: ranked.map { q in
                    let margin = cells.margin(key(q, c.total, c.wave)).map { " ±" + DutchNumberFormat.format($0, decimals: 0) } ?? ""
                    return DataTable.Row([
                        DataTable.Cell(q.label, rowHeader: true),
                        DataTable.Cell(
                            cells.share(key(q, c.total, c.wave)).map { DutchNumberFormat.percent($0) + margin } ?? ValueAttribute.confidential.symbol,
                            numeric: true
                        ),
                        DataTable.Cell(
                            cells.respondents(q.code, domain: c.total, wave: c.wave).map { DutchNumberFormat.integer(Int($0)) } ?? "",
                            numeric: true
                        ),
                    ])
                }
            )
        }
        let block = SurveyPage.Block(
            title: t(Message("SurveyView.questionsHeading", c.answer.label)),
            figure: figure(chart.svg(), id: chart.id, c, downloads),
            table: table
        )
        guard questions.count <= Self.questionsPerDomainChart else { return (block, []) }
        // Figure 14: per domain, the questions side by side in the chosen wave.
        let perDomain = c.columns.indices.map { k in
            let column = c.columns[k]
            let chart = IntervalChart(
                id: "enquete-\(column.code)-vragen",
                title: t(Message("SurveyView.questionsByTitle", c.answer.label, column.title, waveText)),
                summary: t(Message("SurveyView.questionsBySummary", c.answer.label, column.title)),
                series: questions.map(\.label),
                rows: domains(k, c, cells).map { d in
                    IntervalChart.Row(label: d.label, estimates: questions.map { cells.interval(key($0, d.key, c.wave)) })
                },
                language: t.language
            )
            return figure(chart.svg(), id: chart.id, c, downloads)
        }
        return (block, perDomain)
    }
}
