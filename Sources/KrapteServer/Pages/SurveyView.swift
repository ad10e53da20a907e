import Foundation
import Hummingbird
import KrapteCore
import KrapteRender

/// Builds the page of stored survey estimates
/// (`/enquete/{dataset}?vraag=Q&meting=2025&antwoord=Ja&vergelijk=2024&afwijking=10`): the change since another
/// wave, per domain column the chosen answer with its interval and every answer stacked, and the answer across the
/// questions that have it. See Guides/SurveyPage.md.
struct SurveyView: Sendable {
    let store: any Store
    /// The texts of the page's language.
    let t: Texts

    /// What the request chose, checked against the dataset.
    struct Choice: Sendable {
        var dataset: Dataset
        var question: Member
        var answers: [Member]
        var answer: Member
        var wave: Period
        var waves: [Period]
        /// The other wave of the comparison, or nil.
        var baseline: Period?
        /// The points from the total beyond which a domain stands out; nil when the rule is off.
        var deviation: Int?
        /// The domain columns.
        var columns: [KrapteCore.Dimension]

        /// The domain of all units: `totaal` in every column.
        var total: [String] { columns.map { _ in SurveyDataset.total } }

        /// The two waves compared, earlier first.
        var compared: (Period, Period)? { baseline.map { ($0 < wave ? $0 : wave, $0 < wave ? wave : $0) } }

        /// The waves the charts show: the two compared, earlier first, or the one shown.
        var shownWaves: [Period] { compared.map { [$0.0, $0.1] } ?? [wave] }

        /// The page's parameters, for the addresses of its downloads.
        var query: String {
            [
                ("vraag", question.code), ("meting", wave.code), ("antwoord", answer.code), ("vergelijk", baseline?.code ?? "geen"),
                ("afwijking", deviation.map(String.init) ?? "0"),
            ].queryString
        }
    }

    func page(_ id: String, _ parameters: Parameters) async throws -> SurveyPage {
        let latest = try await store.latest(id)
        let (dataset, vintages) = latest
        guard SurveyDataset.holds(dataset) else { throw APIError(.notFound, Message("SurveyView.datasetBevatGeenEnqu", id, id)) }
        let choice = try await choose(latest, parameters)
        let cells = try await SurveyCells.read(id, waves: choice.shownWaves, latest: latest, from: store)
        let source = "\(dataset.source.line(dataset: id, vintage: vintages.last?.id, in: t.language)). \(dataset.summary)"
        let downloads = "/enquete/\(id.pathEncoded)/"
        let sections = choice.columns.indices.map { section($0, choice, cells, downloads: downloads) }
        let across = acrossQuestions(choice, cells, downloads: downloads)
        var page = SurveyPage(
            pageTitle: "\(dataset.title): \(choice.question.label) (\(choice.wave.label(in: t.language)))",
            dataset: id,
            questions: dataset.dimensions[0].members.map { FormChoice(value: $0.code, label: $0.label, selected: $0 == choice.question) },
            waves: choice.waves.reversed().map { FormChoice(value: $0.code, label: $0.label(in: t.language), selected: $0 == choice.wave) },
            answers: choice.answers.map { FormChoice(value: $0.code, label: $0.label, selected: $0 == choice.answer) },
            baselines: [FormChoice(value: "geen", label: t(Message("SurveyView.noComparison")), selected: choice.baseline == nil)]
                + choice.waves.reversed().filter { $0 != choice.wave }.map {
                    FormChoice(value: $0.code, label: $0.label(in: t.language), selected: $0 == choice.baseline)
                },
            deviation: choice.deviation.map(String.init) ?? "0",
            comparison: comparison(choice, cells, downloads: downloads),
            sections: sections,
            acrossQuestions: across.block,
            acrossDomains: across.domains,
            sourceLine: source,
            csvURL: "/api/v1/datasets/\(id.pathEncoded)/observations?"
                + [("measure", "Aandeel"), ("Vraag", choice.question.code), ("period", choice.wave.code), ("format", "csv")].queryString,
            explorerURL: "/verkenner/\(id.pathEncoded)?"
                + ([("measure", "Aandeel"), ("Vraag", choice.question.code)] + choice.columns.map { ($0.code, SurveyDataset.total) }).queryString
        )
        page.illustrative = dataset.source.illustrative
        return page
    }

    /// The question, waves, answer and rule the parameters choose, or the defaults: the first question, its latest
    /// wave compared with the one before, its first answer, and 10 points.
    private func choose(_ stored: (metadata: Dataset, vintages: [Vintage]), _ parameters: Parameters) async throws -> Choice {
        let dataset = stored.metadata
        let id = dataset.id
        let dimensions = dataset.dimensions
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
        let asked = try await store.query(ObservationQuery(dataset: id, measure: "RespondentenDomein", filters: [filter]), latest: stored)
        let waves = Set(asked.rows.map(\.period)).sorted()
        guard let latest = waves.last else { throw APIError(.notFound, Message("SurveyView.datasetHeeftGeenSchattingen", id, question.label)) }
        let wave = try wave(parameters.get("meting"), in: waves, dataset: id) ?? latest
        var baseline = waves.last { $0 < wave }
        if let text = parameters.get("vergelijk"), !text.isEmpty {
            baseline = text == "geen" ? nil : try self.wave(text, in: waves, dataset: id, parameter: "vergelijk")
            if baseline == wave { throw APIError(.badRequest, Message("SurveyView.compareWithItself", text.excerpt)) }
        }
        // The answers of this question, in the dataset's order, which keeps the design's (SurveyDataset.answerOrder).
        let shares = try await store.query(ObservationQuery(dataset: id, measure: "RespondentenAntwoord", filters: [filter]), latest: stored)
        let codes = Set(shares.rows.compactMap { $0.members.last?.code })
        let answers = (dimensions.last?.members ?? []).filter { codes.contains($0.code) }
        var answer = answers.first ?? Member(code: "", label: "")
        if let text = parameters.get("antwoord"), !text.isEmpty {
            guard let m = answers.first(where: { $0.code == text }) else {
                throw APIError(
                    .notFound,
                    Message("SurveyView.questionHasNoAnswer", question.label, text.excerpt, answers.map(\.label).joined(separator: ", "))
                )
            }
            answer = m
        }
        var deviation: Int? = 10
        if let text = parameters.get("afwijking"), !text.isEmpty {
            guard let n = Int(text), (0...100).contains(n) else { throw APIError(.badRequest, Message("SurveyView.deviationPoints", text.excerpt)) }
            deviation = n == 0 ? nil : n
        }
        return Choice(
            dataset: dataset,
            question: question,
            answers: answers,
            answer: answer,
            wave: wave,
            waves: waves,
            baseline: baseline,
            deviation: deviation,
            columns: Array(dimensions.dropFirst().dropLast())
        )
    }

    /// The wave `text` names, nil when it names none; an error when it is not a year or not a wave of the question.
    private func wave(_ text: String?, in waves: [Period], dataset id: String, parameter: String = "meting") throws -> Period? {
        guard let text, !text.isEmpty else { return nil }
        guard let p = Period.parseLabel(text)?.period else {
            throw APIError(.badRequest, Message("SurveyView.metingNeemtEenJaar", parameter, text.excerpt))
        }
        guard waves.contains(p) else {
            throw APIError(
                .notFound,
                Message("SurveyView.datasetHeeftVoorDeze", id, text.excerpt, waves.map { $0.label(in: t.language) }.joined(separator: ", "))
            )
        }
        return p
    }
}
