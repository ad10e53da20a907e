import Foundation
import Hummingbird
import HummingbirdTesting
import KrapteTesting
import Testing

/// Pages in English on request (`?lang=en` or `Accept-Language`), each language kept apart in the page cache.
@Suite struct EnglishPagesTests {
    @Test func aPageIsInEnglishWhenAskedFor() async throws {
        let store = try await DemoStore.make()
        let (_, dutch, _) = try await PageTests.get(store, "/")
        #expect(dutch.contains("<html lang=\"nl\">") && dutch.contains("Kerncijfers per regio"))
        let (_, english, _) = try await PageTests.get(store, "/?lang=en")
        #expect(english.contains("<html lang=\"en\">") && english.contains("Key figures per region") && !english.contains("Kerncijfers per regio"))
        let (status, missing, _) = try await PageTests.get(store, "/nergens?lang=en")
        #expect(status == .notFound && missing.contains("<h1>Not found</h1>") && missing.contains("To the start page"))
    }

    /// A browser set to English gets the English page, `?lang=nl` the Dutch one whatever the browser asks, and the
    /// page cache keeps the two languages of one address apart.
    @Test func theBrowsersLanguageIsFollowedAndTheCacheKeepsBothApart() async throws {
        let store = try await DemoStore.make()
        try await APITests.app(store).test(.router) { client in
            let browser = try await client.execute(uri: "/kerncijfers", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.9"])
            let english = String(buffer: browser.body)
            #expect(english.contains("<html lang=\"en\">") && browser.headers[.vary] == "Accept-Language")
            #expect(english.contains("The Netherlands") && !english.contains("gestegen t.o.v."))
            let asked = try await client.execute(uri: "/kerncijfers?lang=nl", method: .get, headers: [.acceptLanguage: "en"])
            #expect(String(buffer: asked.body).contains("<html lang=\"nl\">"))
            let again = try await client.execute(uri: "/kerncijfers", method: .get)
            #expect(String(buffer: again.body).contains("<html lang=\"nl\">") && String(buffer: again.body).contains("Nederland"))
        }
    }
}
