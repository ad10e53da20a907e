import KrapteCore
import KrapteRender

extension SurveyView {
    /// A domain: its label and key (a member code per domain column).
    struct Domain: Sendable {
        var label: String
        var key: [String]
    }

    /// The total, then the domains of column `k` the question was asked in, in the design's order.
    func domains(_ k: Int, _ c: Choice, _ cells: SurveyCells) -> [Domain] {
        let others = c.columns[k].members.filter { $0.code != SurveyDataset.total }.compactMap { m -> Domain? in
            var key = c.total
            key[k] = m.code
            return cells.holds(c.question.code, domain: key, wave: c.wave) ? Domain(label: m.label, key: key) : nil
        }
        return [Domain(label: t(Message("SurveyView.total")), key: c.total)] + others
    }

    /// The section of domain column `k`: the chosen answer per domain with its interval, every answer stacked,
    /// their table, and the change since the other wave.
    func section(_ k: Int, _ c: Choice, _ cells: SurveyCells, downloads: String) -> SurveyPage.Section {
        let column = c.columns[k]
        let domains = domains(k, c, cells)
        let waveText = c.wave.label(in: t.language)
        func key(_ d: Domain, _ answer: Member, _ wave: Period) -> SurveyCells.Key {
            SurveyCells.Key(question: c.question.code, domain: d.key, answer: answer.code, wave: wave)
        }
        let total = cells.share(key(domains[0], c.answer, c.wave))
        // Figure 5's rule: the domains more than `deviation` points above the total, and below it.
        let shown = domains.dropFirst().compactMap { d in cells.share(key(d, c.answer, c.wave)).map { (d, $0) } }
        let (above, below) = c.deviation.flatMap { points in total.map { StandingOut.split(shown, total: $0, points: Double(points)) } } ?? ([], [])
        let far = above + below
        func list(_ domains: [(Domain, Double)]) -> String {
            domains.map { "\($0.0.label) (\(DutchNumberFormat.percent($0.1)))" }.joined(separator: ", ")
        }
        var sentences: [String] = []
        if !above.isEmpty {
            sentences.append(
                t(Message("SurveyView.outstandingAbove", c.deviation ?? 0, DutchNumberFormat.percent(total ?? 0), c.answer.label, list(above)))
            )
        }
        if !below.isEmpty {
            sentences.append(
                t(
                    Message(
                        above.isEmpty ? "SurveyView.outstandingBelowOnly" : "SurveyView.outstandingBelow",
                        c.deviation ?? 0,
                        DutchNumberFormat.percent(total ?? 0),
                        c.answer.label,
                        list(below)
                    )
                )
            )
        }
        let outstanding = sentences.isEmpty ? nil : sentences.joined(separator: " ")
        let farKeys = Set(far.map(\.0.key))
        // The chosen answer per domain, highest first after the total (figures 8 and 11), the other wave beside it.
        let ranked =
            [domains[0]]
            + domains.dropFirst().sorted { (cells.share(key($0, c.answer, c.wave)) ?? -1) > (cells.share(key($1, c.answer, c.wave)) ?? -1) }
        var shares = IntervalChart(
            id: "enquete-\(column.code)-aandeel",
            title: t(Message("SurveyView.shareTitle", c.answer.label, c.question.label, column.title, wavesText(c))),
            summary: t(Message("SurveyView.shareSummary", c.answer.label, column.title)),
            series: c.shownWaves.map { $0.label(in: t.language) },
            rows: ranked.map { d in
                IntervalChart.Row(
                    label: d.label,
                    estimates: cells.intervals(key(d, c.answer, c.wave), in: c.shownWaves),
                    bold: farKeys.contains(d.key)
                )
            },
            language: t.language
        )
        if let total { shares.reference = (t(Message("SurveyView.totalIn", waveText)), total) }
        shares.notes = notes(c, bold: !far.isEmpty)
        let answers = c.answers
        func suppressed(_ d: Domain) -> Bool { answers.allSatisfy { cells.share(key(d, $0, c.wave)) == nil } }
        let stacked = StackedBarChart(
            id: "enquete-\(column.code)-antwoorden",
            title: t(Message("SurveyView.chartTitle", c.question.label, column.title, waveText)),
            summary: t(Message("SurveyView.chartSummary", column.title)),
            categories: answers.map(\.label),
            bars: domains.map { d in
                StackedBarChart.Bar(label: d.label, shares: suppressed(d) ? nil : answers.map { cells.share(key(d, $0, c.wave)) ?? 0 })
            },
            language: t.language
        )
        let rows = domains.map { d in
            DataTable.Row(
                [DataTable.Cell(d.label, rowHeader: true)]
                    + answers.map { a in
                        let margin = cells.margin(key(d, a, c.wave)).map { " ±" + DutchNumberFormat.format($0, decimals: 0) } ?? ""
                        return DataTable.Cell(
                            cells.share(key(d, a, c.wave)).map { DutchNumberFormat.percent($0) + margin } ?? ValueAttribute.confidential.symbol,
                            numeric: true
                        )
                    }
                    + [
                        DataTable.Cell(
                            cells.respondents(c.question.code, domain: d.key, wave: c.wave).map { DutchNumberFormat.integer(Int($0)) } ?? "",
                            numeric: true
                        )
                    ]
            )
        }
        let table = DataTable(
            caption: t(Message("SurveyView.tableCaption", c.question.label, column.title, waveText)),
            headings: [DataTable.Heading(column.title.capitalisedFirst)] + answers.map { DataTable.Heading($0.label, numeric: true) }
                + [DataTable.Heading(t(Message("SurveyView.respondents")), numeric: true)],
            rows: rows
        )
        let changes = c.compared.map { first, second in
            DataTable(
                caption: t(
                    Message("SurveyView.changesCaption", c.answer.label, column.title, first.label(in: t.language), second.label(in: t.language))
                ),
                headings: changeHeadings(column.title.capitalisedFirst, first, second),
                rows: domains.map { d in changeRow(d.label, key(d, c.answer, second), from: first, cells) }
            )
        }
        return SurveyPage.Section(
            title: column.title,
            outstanding: outstanding,
            shares: figure(shares.svg(), id: shares.id, c, downloads),
            answers: figure(stacked.svg(), id: stacked.id, c, downloads),
            table: table,
            changes: changes
        )
    }

    /// The wave shown, or the two compared: "2024 en 2025".
    func wavesText(_ c: Choice) -> String {
        guard let (a, b) = c.compared else { return c.wave.label(in: t.language) }
        return t(Message("SurveyView.twoWaves", a.label(in: t.language), b.label(in: t.language)))
    }

    /// A chart with the address of its download.
    func figure(_ svg: String, id: String, _ c: Choice, _ downloads: String) -> SurveyPage.Figure {
        SurveyPage.Figure(id: id, svg: svg, downloadURL: downloads + id.pathEncoded + ".svg?" + c.query)
    }

    /// What the marks of a chart mean, and its bold labels when it has any.
    func notes(_ c: Choice, bold: Bool = false) -> [String] {
        (c.compared.map { [t(Message("SurveyView.significantNote", $0.0.label(in: t.language), $0.1.label(in: t.language)))] } ?? [])
            + (bold ? c.deviation.map { [t(Message("SurveyView.boldNote", $0))] } ?? [] : [])
    }
}
