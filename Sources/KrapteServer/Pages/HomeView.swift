import Foundation
import KrapteCore
import KrapteRender

/// Builds the start page from the store's datasets.
struct HomeView: Sendable {
    let store: any Store
    /// The texts of the page's language.
    let t: Texts

    func page() async throws -> HomePage {
        let day = DateFormatter.day(in: t.language)
        let entries = try await store.datasets().map { d in
            HomePage.Entry(
                id: d.id,
                title: d.latest.source.illustrative && !d.title.lowercased().contains("illustratief")
                    ? t(Message("HomeView.illustrativeTitle", d.title)) : d.title,
                latest: t(Message("HomeView.latest", d.latest.id, day.string(from: d.latest.effectiveDate)))
            )
        }
        return HomePage(pageTitle: "Krapte", entries: entries)
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
