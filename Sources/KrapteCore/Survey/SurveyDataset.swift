/// Survey estimates as a dataset of the store, so that pages, the API and reports show them like any table; see
/// Guides/SurveyEstimation.md.
///
/// The period is the wave (a year). The dimensions are the question (`Vraag`), each domain column with a member
/// `totaal` for "all" (as CBS tables have a total), and the answer (`Antwoord`): the share of `sector` J in wave 2025
/// is at Vraag = q, sector = J, size_class = totaal, Antwoord = c. Shares and their margins are in percent. A
/// suppressed cell keeps its number of respondents in the domain; every other measure is confidential (`x`) with
/// no value, so no suppressed figure reaches the store.
public enum SurveyDataset {
    /// The measures, in order.
    public static let measures = [
        Measure(
            code: "Aandeel",
            title: "Aandeel",
            unit: "%",
            decimals: 1,
            kind: .rate,
            description: "Gewogen aandeel van wie de vraag beantwoordde."
        ),
        Measure(code: "Standaardfout", title: "Standaardfout aandeel", unit: "procentpunt", decimals: 2, kind: .rate),
        Measure(code: "Ondergrens95", title: "Ondergrens 95%-interval", unit: "%", decimals: 1, kind: .rate),
        Measure(code: "Bovengrens95", title: "Bovengrens 95%-interval", unit: "%", decimals: 1, kind: .rate),
        Measure(
            code: "StandaardfoutZonderEPC",
            title: "Standaardfout aandeel zonder eindigepopulatiecorrectie",
            unit: "procentpunt",
            decimals: 2,
            kind: .rate
        ),
        Measure(code: "RespondentenDomein", title: "Respondenten in het domein", unit: "aantal", decimals: 0, kind: .stock),
        Measure(code: "RespondentenAntwoord", title: "Respondenten met dit antwoord", unit: "aantal", decimals: 0, kind: .stock),
        Measure(code: "GewogenDomein", title: "Gewogen aantal in het domein", unit: "aantal", decimals: 0, kind: .stock),
        Measure(code: "GewogenAntwoord", title: "Gewogen aantal met dit antwoord", unit: "aantal", decimals: 0, kind: .stock),
        Measure(
            code: "StandaardfoutGewogenAntwoord",
            title: "Standaardfout gewogen aantal met dit antwoord",
            unit: "aantal",
            decimals: 0,
            kind: .stock
        ),
    ]

    /// The code of the member that stands for all values of a domain column.
    public static let total = "totaal"

    /// Whether `dataset` has the shape of stored survey estimates: the question first, the answer last, and the
    /// shares with their respondents.
    public static func holds(_ dataset: Dataset) -> Bool {
        dataset.dimensions.count >= 2 && dataset.dimensions.first?.code == "Vraag" && dataset.dimensions.last?.code == "Antwoord"
            && dataset.measure(named: "Aandeel") != nil && dataset.measure(named: "RespondentenDomein") != nil
    }

    /// The estimates `rows` of `design`, made from the respondent file `file`, as a release.
    /// - Throws: `SurveyError` naming `file` when a wave is not a year or a domain column has a value `totaal`;
    ///   `IngestError` when there are no rows.
    public static func release(_ rows: [SurveyRow], design: SurveySpecification, source: Source, file: String = "-") throws -> Release.Finished {
        var columns: [String] = []
        for column in design.domains.joined() where !columns.contains(column) { columns.append(column) }
        for name in ["Vraag", "Antwoord"] where columns.contains(name) {
            throw SurveyError(
                file: file,
                column: name,
                message: Message("SurveyDataset.domainColumnMayCalled", name),
                fix: Message("SurveyDataset.domainColumnMayCalled.fix")
            )
        }
        let dataset = Dataset(
            id: design.dataset,
            title: design.title,
            summary:
                "Gewogen schattingen uit een gestratificeerde steekproef; cellen met minder dan \(design.minimumRespondents) respondenten zijn onderdrukt.",
            source: source,
            dimensions: [Dimension(code: "Vraag", title: "Vraag")]
                + columns.map { Dimension(code: $0, title: design.titles[$0] ?? $0, members: [Member(code: total, label: "Totaal")]) }
                + [Dimension(code: "Antwoord", title: "Antwoord")],
            measures: measures
        )
        var release = try Release(dataset: dataset, format: "survey")
        let answer = columns.count + 1
        for question in design.questions {
            _ = release.memberIndex(Member(code: question.name, label: question.title ?? question.name), dimension: 0)
        }
        for category in answerOrder(design.questions.map(\.categories)) {
            _ = release.memberIndex(Member(code: category, label: category), dimension: answer)
        }
        for (k, column) in columns.enumerated() {
            for level in design.levels[column] ?? [] {
                _ = release.memberIndex(Member(code: level.code, label: level.label ?? level.code, parent: total), dimension: k + 1)
            }
        }
        for (n, row) in rows.enumerated() {
            guard let year = Int(row.wave), let period = Period.year(year) else {
                throw SurveyError(
                    file: file,
                    column: design.wave,
                    message: Message("SurveyDataset.waveYear", row.wave.excerpt),
                    fix: Message("SurveyDataset.waveYear.fix")
                )
            }
            let domainColumns = row.domainType == "overall" ? [] : row.domainType.split(separator: "_x_").map(String.init)
            let values = row.domainType == "overall" ? [] : row.domain.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            var members = [release.memberIndex(Member(code: row.question, label: design.question(row.question)?.title ?? row.question), dimension: 0)]
            for (k, column) in columns.enumerated() {
                guard let i = domainColumns.firstIndex(of: column) else {
                    members.append(0)
                    continue
                }
                guard values[i] != total else {
                    throw SurveyError(
                        file: file,
                        column: column,
                        message: Message("SurveyDataset.valueWouldReadTotal", total.excerpt, column),
                        fix: Message("SurveyDataset.valueWouldReadTotal.fix")
                    )
                }
                members.append(release.memberIndex(Member(code: values[i], label: design.label(column, values[i]), parent: total), dimension: k + 1))
            }
            members.append(release.memberIndex(Member(code: row.category, label: row.category), dimension: answer))
            for (m, value) in Self.values(row).enumerated() {
                release.append(
                    SeriesKey(measure: m, members: members),
                    period: period,
                    value: value,
                    attribute: value == nil ? .confidential : .present,
                    row: n + 2
                )
            }
        }
        return try release.finish(file: design.dataset)
    }

    /// The values of a row, one per measure; nil where suppressed.
    static func values(_ row: SurveyRow) -> [Double?] {
        guard let e = row.estimate, let share = e.share else {
            return [nil, nil, nil, nil, nil, Double(row.respondents), nil, nil, nil, nil]
        }
        let (low, high) = share.interval()
        return [
            share.estimate * 100, share.se * 100, low * 100, high * 100, share.seNoFPC * 100, Double(e.respondents), Double(e.categoryRespondents),
            e.weightedRespondents, e.weightedCategory.estimate, e.weightedCategory.se,
        ]
    }
}
