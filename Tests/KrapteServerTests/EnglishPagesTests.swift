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

    @Test func acceptLanguageChoosesAndTheCacheKeepsBothApart() async throws {
        let store = try await DemoStore.make()
        try await APITests.app(store).test(.router) { client in
            let first = try await client.execute(uri: "/kerncijfers", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.9"])
            #expect(String(buffer: first.body).contains("<html lang=\"en\">"))
            let second = try await client.execute(uri: "/kerncijfers", method: .get, headers: [.acceptLanguage: "nl-NL"])
            #expect(String(buffer: second.body).contains("<html lang=\"nl\">"))
        }
    }
}
