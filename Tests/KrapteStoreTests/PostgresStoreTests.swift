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
            #expect(try await store.appliedMigrations() == ["v1: datasets, vintages and packed series", "v2: removal log"])
        }
        let reopened = try await PostgresStore.open(url: url)
        #expect(try await reopened.appliedMigrations().count == 2)
        #expect(try await reopened.datasets().map(\.id) == ["t"])
        #expect(try TestStores.psql(url, "SELECT count(*) FROM krapte_migration") == "2")
    }

    @Test func anUnreachableServerIsNamedAndNothingHangs() async throws {
        // A port nobody listens on: take a free one and close it.
        let socket = try #require(TestStores.freePort())
        let started = Date()
        let error = try await #require(throws: StoreError.self) {
            try await PostgresStore.open(url: "postgres://krapte@127.0.0.1:\(socket)/krapte", connectTimeout: .seconds(2))
        }
        #expect(error.code == .unavailable)
        #expect(error.message.english.contains("127.0.0.1:\(socket)") && error.message.english.contains("cannot be reached"), "\(error)")
        // Refused at once when alone (well under a second); the bound only says that opening does not hang, also on a
        // two-core CI machine running every other suite at the same time (once 30.9 s there).
        #expect(Date().timeIntervalSince(started) < 90)
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
        #expect(error.message.english.contains("refused the connection") && error.message.english.contains("check the user"), "\(error)")
        #expect(!error.message.english.contains("geheim"))
    }

    @Test func aConnectionLostDuringALoadStoresNothingAndSaysSo() async throws {
        let url = try TestStores.newPostgresDatabase()
        let store = try await PostgresStore.open(url: url)
        _ = try await store.load(try TestStores.release([1, 2]), loadedAt: Date())
        // Another session holds the dataset's load lock, so the next load waits inside its transaction; then that
        // load's connection is cut, as when the server restarts or the network drops.
        let holder = try TestStores.background(url, "SELECT pg_advisory_lock(hashtext('t')); SELECT pg_sleep(60)")
        defer {
            holder.terminate()
            // psql is gone then, but its backend would keep the lock until the sleep ends.
            _ = try? TestStores.psql(
                url,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        }
        try await TestStores.waitUntil { try TestStores.advisoryLocks(url, granted: true) == 1 }
        let load = Task { try await store.load(try TestStores.release([1, 2, 3]), loadedAt: Date()) }
        try await TestStores.waitUntil { try TestStores.advisoryLocks(url, granted: false) == 1 }
        try TestStores.psql(
            url,
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND \(TestStores.thisDatabase)"
        )
        let error = try await #require(throws: StoreError.self) { try await TestStores.within(.seconds(30)) { try await load.value } }
        #expect(error.code == .unavailable)
        // Whichever comes first: the server's own word that it ended the session, or the closed connection.
        let lost = error.message.english.contains("was lost") && error.message.english.contains("load it again")
        let ended = error.message.english.contains("terminating connection") && error.message.english.contains("nothing was changed")
        #expect(lost || ended, "\(error)")
        try TestStores.psql(url, "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND \(TestStores.thisDatabase)")
        // Nothing of the interrupted load was stored, and the store answers again.
        let vintages = try await store.vintages(of: "t")
        #expect(vintages.count == 1 && vintages[0].observationCount == 2)
        #expect(try TestStores.psql(url, "SELECT count(*) FROM series") == "1")
        let retried = try await store.load(try TestStores.release([1, 2, 3]), loadedAt: Date())
        #expect(!retried.unchanged && retried.vintage.observationCount == 3)
    }

    /// Connections cut at random moments of a run of loads: every load ends (stored, or refused with a message),
    /// none hangs, and every vintage stored is whole.
    @Test func loadsWhoseConnectionsAreCutAtRandomEndCleanlyAndNeverHalfway() async throws {
        let url = try TestStores.newPostgresDatabase()
        let store = try await PostgresStore.open(url: url, deadline: .seconds(10))
        let loads = Task {
            var outcomes: [String] = []
            for value in 1...12 {
                do {
                    _ = try await TestStores.within(.seconds(30)) {
                        try await store.load(try TestStores.wide(value: Double(value)), loadedAt: Date())
                    }
                    outcomes.append("stored")
                } catch let error as StoreError {
                    outcomes.append(error.message.english.contains("the test did not finish") ? "hung" : "refused")
                }
            }
            return outcomes
        }
        var random = SplitMix64(seed: 7)
        for _ in 0..<15 {
            try await Task.sleep(for: .milliseconds(Int(random.next() % 120)))
            try TestStores.psql(
                url,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        }
        let outcomes = try await loads.value
        #expect(outcomes.count == 12 && !outcomes.contains("hung"), "\(outcomes)")
        for vintage in try await store.vintages(of: "t") {
            let series = try await store.series(of: "t", vintage: vintage.id, measure: "m")
            #expect(vintage.observationCount == 1_200 && series.count == 300 && series.allSatisfy { $0.data.count == 4 })
        }
        #expect(try await !store.load(try TestStores.wide(value: 99), loadedAt: Date()).unchanged)
    }

    @Test(arguments: ["mysql://x@h/d", "postgres:///nodb", "postgres://h/d", "geen url"])
    func aURLThatIsNotOneIsRefused(url: String) async throws {
        let error = try await #require(throws: StoreError.self) { try await PostgresStore.open(url: url) }
        #expect(error.code == .invalid && error.message.english.contains("postgres://user"))
    }
}
