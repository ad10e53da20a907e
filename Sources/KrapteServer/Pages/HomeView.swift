import Foundation
import Hummingbird
import KrapteCore
import KrapteRender

/// Builds the start page from the store's datasets: what it holds, the pages built on it, and the datasets, all of
/// them or those a search (`?zoek=`) finds in their ids, titles, measures and members.
struct HomeView: Sendable {
    let store: any Store
    /// The texts of the page's language.
    let t: Texts

    func page(_ parameters: Parameters) async throws -> HomePage {
        let day = DateFormatter.day(in: t.language)
        let summaries = try await store.datasets()
        var metadata: [String: Dataset] = [:]
        for d in summaries { metadata[d.id] = try await store.latest(d.id).metadata }
        let query = (parameters.get("zoek") ?? "").trimmingCharacters(in: .whitespaces)
        let found = summaries.filter { d in query.isEmpty || metadata[d.id].map { Self.mentions($0, query) } ?? false }
        let entries = found.map { d in
            HomePage.Entry(
                id: d.id,
                title: d.latest.source.illustrative && !d.title.lowercased().contains("illustratief")
                    ? t(Message("HomeView.illustrativeTitle", d.title)) : d.title,
                published: d.latest.publishedAt.map { day.string(from: $0) } ?? t(Message("HomeView.notPublished")),
                latest: t(Message("HomeView.latest", d.latest.id, day.string(from: d.latest.loadedAt))),
                surveyURL: metadata[d.id].flatMap { SurveyDataset.holds($0) ? "/enquete/\(d.id.pathEncoded)" : nil },
                explorerURL: metadata[d.id]?.derivation?.isForecast == true ? "/prognose?" + [("prognose", d.id)].queryString : nil
            )
        }
        var page = HomePage(pageTitle: "Krapte", entries: entries)
        page.empty = summaries.isEmpty
        if !summaries.isEmpty {
            let observations = summaries.reduce(0) { $0 + $1.latest.observationCount }
            var publishers: [String] = []
            for source in summaries.map(\.latest.source) where !source.illustrative {
                for p in (source.origins.isEmpty ? [source.publisher] : source.origins.map(\.publisher))
                where !p.isEmpty && p != "Krapte" && !publishers.contains(p) {
                    publishers.append(p)
                }
            }
            let illustrative = summaries.contains { $0.latest.source.illustrative }
            page.summary =
                publishers.isEmpty
                ? t(Message("HomeView.summaryIllustrative", summaries.count, DutchNumberFormat.integer(observations)))
                : t(
                    Message(
                        illustrative ? "HomeView.summaryPartly" : "HomeView.summary",
                        summaries.count,
                        DutchNumberFormat.integer(observations),
                        Message.all(publishers)
                    )
                )
        }
        page.hasTension = summaries.contains { $0.id == TensionView.tension }
        page.hasForecasts = metadata.values.contains { $0.derivation?.isForecast == true }
        page.surveys = summaries.filter { d in metadata[d.id].map(SurveyDataset.holds) ?? false }.map { d in
            FormChoice(value: "/enquete/\(d.id.pathEncoded)", label: t(Message("HomeView.surveyTitle", d.title)), selected: false)
        }
        if !query.isEmpty {
            page.query = query
            page.searchResult = t(Message("HomeView.found", found.count, summaries.count, query))
        }
        return page
    }

    /// Whether `dataset` names `query` (ignoring case) in its id, title, measures or members.
    static func mentions(_ dataset: Dataset, _ query: String) -> Bool {
        func has(_ text: String) -> Bool { text.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        return has(dataset.id) || has(dataset.title) || dataset.measures.contains { has($0.code) || has($0.title) }
            || dataset.dimensions.contains { d in has(d.title) || d.members.contains { has($0.label) } }
    }
}

extension DateFormatter {
    /// A day as readers of `language` write it: `22 november 2026`; `22 November 2026`.
    static func day(in language: Language) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: language == .nl ? "nl_NL" : "en_GB")
        f.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        f.dateFormat = "d MMMM yyyy"
        return f
    }

    /// A moment as readers of `language` write it: `22 november 2026 13:13`.
    static func dayTime(in language: Language) -> DateFormatter {
        let f = day(in: language)
        f.dateFormat = "d MMMM yyyy HH:mm"
        return f
    }
}
