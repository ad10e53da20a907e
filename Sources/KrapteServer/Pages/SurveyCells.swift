import Foundation
import KrapteCore
import KrapteRender

/// The stored estimates of a survey dataset in one or two waves, by question, domain and answer: what the survey
/// page draws and compares. Shares and margins are in percent, as `SurveyDataset` stores them.
struct SurveyCells: Sendable {
    /// A cell: its question, domain (one member code per domain column, `totaal` for all), answer and wave.
    struct Key: Hashable, Sendable {
        var question: String
        var domain: [String]
        var answer: String
        var wave: Period
    }

    /// Per measure code, the values of the cells that have one.
    private var values: [String: [Key: Double]] = [:]
    /// The respondents per question, domain and wave (answer empty).
    private var respondents: [Key: Double] = [:]

    /// The measures read.
    static let measures = ["Aandeel", "Standaardfout", "StandaardfoutZonderEPC", "Ondergrens95", "Bovengrens95"]

    /// Reads the estimates of `waves` of dataset `id`, whose `latest` the caller has read: every question, domain and
    /// answer.
    static func read(
        _ id: String,
        waves: [Period],
        latest: (metadata: Dataset, vintages: [Vintage]),
        from store: any Store
    ) async throws -> SurveyCells {
        var cells = SurveyCells()
        guard let first = waves.min(), let last = waves.max() else { return cells }
        let range = PeriodRange(first, last)
        for measure in measures + ["RespondentenDomein"] {
            let result = try await store.query(ObservationQuery(dataset: id, measure: measure, periods: range), latest: latest)
            for row in result.rows where waves.contains(row.period) {
                guard let value = row.value, let question = row.members.first?.code, let answer = row.members.last?.code else { continue }
                let domain = row.members.dropFirst().dropLast().map(\.code)
                if measure == "RespondentenDomein" {
                    cells.respondents[Key(question: question, domain: domain, answer: "", wave: row.period)] = value
                } else {
                    cells.values[measure, default: [:]][Key(question: question, domain: domain, answer: answer, wave: row.period)] = value
                }
            }
        }
        return cells
    }

    /// The share in percent; nil when suppressed or absent.
    func share(_ key: Key) -> Double? { values["Aandeel"]?[key] }

    /// Whether the question was asked in the domain in that wave: some answer has a share, or the cell is
    /// suppressed (it then still has its respondents).
    func holds(_ question: String, domain: [String], wave: Period) -> Bool {
        respondents[Key(question: question, domain: domain, answer: "", wave: wave)] != nil
    }

    /// The respondents of the domain who answered the question.
    func respondents(_ question: String, domain: [String], wave: Period) -> Double? {
        respondents[Key(question: question, domain: domain, answer: "", wave: wave)]
    }

    /// The share with its 95% interval, as a chart draws it, with `mark` after its value.
    func interval(_ key: Key, mark: String = "") -> IntervalChart.Estimate? {
        share(key).map { IntervalChart.Estimate(value: $0, low: values["Ondergrens95"]?[key], high: values["Bovengrens95"]?[key], mark: mark) }
    }

    /// The share of `key` with its interval in each of `waves` (one, or two compared, earlier first), the later of
    /// two marked `*` when it changed significantly from the earlier.
    func intervals(_ key: Key, in waves: [Period]) -> [IntervalChart.Estimate?] {
        waves.enumerated().map { i, wave in
            var cell = key
            cell.wave = wave
            let significant = i == 1 && change(cell, from: waves[0])?.isSignificant == true
            return interval(cell, mark: significant ? "*" : "")
        }
    }

    /// Half the width of the share's 95% interval, in percentage points.
    func margin(_ key: Key) -> Double? {
        guard let low = values["Ondergrens95"]?[key], let high = values["Bovengrens95"]?[key] else { return nil }
        return (high - low) / 2
    }

    /// The share as a fraction with its standard errors, as the estimator gave it.
    func estimate(_ key: Key) -> SurveyEstimate? {
        guard let share = share(key), let se = values["Standaardfout"]?[key], let seNoFPC = values["StandaardfoutZonderEPC"]?[key] else {
            return nil
        }
        return SurveyEstimate(estimate: share / 100, se: se / 100, seNoFPC: seNoFPC / 100)
    }

    /// The change of the share from wave `from` to `key.wave`, as `krapte survey compare` computes it; nil when
    /// either wave's cell is suppressed or absent.
    func change(_ key: Key, from earlier: Period) -> SurveyChange? {
        var before = key
        before.wave = earlier
        guard let a = estimate(before), let b = estimate(key) else { return nil }
        return SurveyChange(from: a, to: b)
    }
}
