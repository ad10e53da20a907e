import KrapteCore
import KrapteRender

extension SurveyView {
    /// Every answer of the total in the two waves compared, with the change and whether it is significant (figure 1
    /// of seed 003); the figures `krapte survey compare` prints for the domain `overall`.
    func comparison(_ c: Choice, _ cells: SurveyCells, downloads: String) -> SurveyPage.Block? {
        guard let (first, second) = c.compared else { return nil }
        let (a, b) = (first.label(in: t.language), second.label(in: t.language))
        func key(_ answer: Member, _ wave: Period) -> SurveyCells.Key {
            SurveyCells.Key(question: c.question.code, domain: c.total, answer: answer.code, wave: wave)
        }
        var chart = IntervalChart(
            id: "enquete-vergelijking",
            title: t(Message("SurveyView.comparisonTitle", c.question.label, a, b)),
            summary: t(Message("SurveyView.comparisonSummary", a, b)),
            series: [a, b],
            rows: c.answers.map { answer in
                IntervalChart.Row(label: answer.label, estimates: cells.intervals(key(answer, second), in: [first, second]))
            },
            language: t.language
        )
        chart.notes = notes(c)
        let table = DataTable(
            caption: t(Message("SurveyView.comparisonCaption", c.question.label, a, b)),
            headings: changeHeadings(t(Message("SurveyView.answer")), first, second),
            rows: c.answers.map { changeRow($0.label, key($0, second), from: first, cells) }
        )
        return SurveyPage.Block(
            title: t(Message("SurveyView.comparisonHeading", a, b)),
            figure: figure(chart.svg(), id: chart.id, c, downloads),
            table: table,
            note: t(Message("SurveyView.comparisonNote"))
        )
    }

    /// The headings of a table of changes: the row's kind, the two waves, the change, its interval and p.
    func changeHeadings(_ kind: String, _ first: Period, _ second: Period) -> [DataTable.Heading] {
        [
            DataTable.Heading(kind), DataTable.Heading(first.label(in: t.language), numeric: true),
            DataTable.Heading(second.label(in: t.language), numeric: true), DataTable.Heading(t(Message("SurveyView.change")), numeric: true),
            DataTable.Heading(t(Message("SurveyView.changeInterval")), numeric: true),
            DataTable.Heading(t(Message("SurveyView.pValue")), numeric: true),
        ]
    }

    /// A row of a table of changes: the shares of `key` in `first` and in `key.wave`, the change in percentage
    /// points (marked `*` when significant), its 95% interval and p-value; `x` where a wave's cell is suppressed.
    func changeRow(_ label: String, _ key: SurveyCells.Key, from first: Period, _ cells: SurveyCells) -> DataTable.Row {
        var before = key
        before.wave = first
        let shares = [before, key].map {
            DataTable.Cell(cells.share($0).map { DutchNumberFormat.percent($0) } ?? ValueAttribute.confidential.symbol, numeric: true)
        }
        guard let change = cells.change(key, from: first) else {
            return DataTable.Row([DataTable.Cell(label, rowHeader: true)] + shares + Array(repeating: DataTable.Cell("", numeric: true), count: 3))
        }
        let (low, high) = change.interval()
        let points = { (x: Double) in DutchNumberFormat.format(x * 100, decimals: 1) }
        let sign = change.change > 0 && points(change.change) != points(0) ? "+" : ""
        return DataTable.Row(
            [DataTable.Cell(label, rowHeader: true)] + shares + [
                DataTable.Cell(
                    sign + points(change.change),
                    numeric: true,
                    mark: change.isSignificant ? "*" : nil,
                    markTitle: t(Message("SurveyView.significant"))
                ),
                DataTable.Cell(t(Message("SurveyView.fromTo", points(low), points(high))), numeric: true),
                DataTable.Cell(change.pValue().map(Self.pText) ?? "", numeric: true),
            ]
        )
    }

    /// A p-value as a table shows it: three decimals, or `< 0,001`.
    static func pText(_ p: Double) -> String {
        p < 0.001 ? "< " + DutchNumberFormat.format(0.001, decimals: 3) : DutchNumberFormat.format(p, decimals: 3)
    }
}
