import Foundation
import KrapteCore
import KrapteRender

/// Builds the start page from the store's datasets.
struct HomeView: Sendable {
    let store: any Store

    func page() async throws -> HomePage {
        let entries = try await store.datasets().map { d in
            HomePage.Entry(
                id: d.id,
                title: d.latest.source.illustrative && !d.title.lowercased().contains("illustratief") ? "\(d.title) (illustratief)" : d.title,
                latest: "versie \(d.latest.id), \(DateFormatter.dutchDay.string(from: d.latest.effectiveDate))"
            )
        }
        return HomePage(pageTitle: "Krapte", entries: entries)
    }
}

extension DateFormatter {
    /// A day as Dutch readers write it: `22 november 2026`.
    static var dutchDay: DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "nl_NL")
        f.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        f.dateFormat = "d MMMM yyyy"
        return f
    }

    /// A moment as Dutch readers write it: `22 november 2026 13:13`.
    static var dutchDayTime: DateFormatter {
        let f = dutchDay
        f.dateFormat = "d MMMM yyyy HH:mm"
        return f
    }
}
