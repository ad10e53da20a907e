import Foundation
import KrapteCore
import KraptePostgres
import KrapteTesting
import Testing

/// What only the PostgreSQL store does: its migrations, and how it fails when the server does.
@Suite(.enabled(if: TestStores.postgresURL != nil, "needs KRAPTE_TEST_POSTGRES (scripts/with-postgres.sh swift test)"))
struct PostgresStoreTests {
    @Test func migrationsAreRecordedOnceAndDataSurvivesReopening() async throws {
        let url = try TestStores.newPostgresDatabase()
        do {
            let store = try await PostgresStore.open(url: url)
            _ = try await store.load(try TestStores.release([1, 2]), loadedAt: Date())
            #expect(try await store.appliedMigrations() == ["v1: datasets, vintages and packed series"])
        }
        let reopened = try await PostgresStore.open(url: url)
        #expect(try await reopened.appliedMigrations().count == 1)
        #expect(try await reopened.datasets().map(\.id) == ["t"])
        #expect(try TestStores.psql(url, "SELECT count(*) FROM krapte_migration") == "1")
    }

    @Test func anUnreachableServerIsNamedAndNothingHangs() async throws {
        // A port nobody listens on: take a free one and close it.
        let socket = try #require(TestStores.freePort())
        let started = Date()
        let error = try await #require(throws: StoreError.self) {
            try await PostgresStore.open(url: "postgres://krapte@127.0.0.1:\(socket)/krapte", connectTimeout: .seconds(2))
        }
        #expect(error.code == .unavailable)
        #expect(error.message.contains("127.0.0.1:\(socket)") && error.message.contains("cannot be reached"), "\(error)")
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test(arguments: ["nobody", "krapte"])
    func wrongCredentialsOrDatabaseAreNamed(user: String) async throws {
        let server = try #require(TestStores.postgresURL)
        var parts = try #require(URLComponents(string: server))
        parts.user = user
        parts.password = "geheim"
        if user == "krapte" { parts.path = "/bestaat_niet" }
        let error = try await #require(throws: StoreError.self) { try await PostgresStore.open(url: parts.string!) }
        #expect(error.code == .unavailable)
        #expect(error.message.contains("refused the connection") && error.message.contains("check the user"), "\(error)")
        #expect(!error.message.contains("geheim"))
    }

    @Test(arguments: ["mysql://x@h/d", "postgres:///nodb", "postgres://h/d", "geen url"])
    func aURLThatIsNotOneIsRefused(url: String) async throws {
        let error = try await #require(throws: StoreError.self) { try await PostgresStore.open(url: url) }
        #expect(error.code == .invalid && error.message.contains("postgres://user"))
    }
}
