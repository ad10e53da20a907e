import Foundation
import KrapteCore
import KrapteSQLite
import KrapteTesting
import Testing

@testable import KraptePostgres

/// The stores the contract runs against: SQLite always, PostgreSQL when `KRAPTE_TEST_POSTGRES` names a server
/// (`scripts/with-postgres.sh swift test` starts one; CI always does).
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The kinds available here.
    static var available: [StoreKind] { TestStores.postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }
}

enum TestStores {
    /// The PostgreSQL server for tests, if one is given.
    static var postgresURL: String? { TestPostgres.url }

    /// A new, empty store of a kind: a SQLite file in a temporary folder, or a new PostgreSQL database.
    ///
    /// The contract checks what the stores answer, not how fast: on a busy two-core machine running the whole suite
    /// at once a read may wait longer than the 15 seconds a server gives it, so these stores give it a minute. The
    /// deadline itself is tested in `PostgresStoreTests` and `DatabaseDownTests`.
    static func make(_ kind: StoreKind) async throws -> any Store {
        switch kind {
        case .sqlite: return try SQLiteStore(path: try TestData.temporaryFolder().appendingPathComponent("k.sqlite").path)
        case .postgres: return try await PostgresStore.open(url: try newPostgresDatabase(), deadline: .seconds(60))
        }
    }

    /// Creates a database with a fresh name on the test server and returns its URL.
    static func newPostgresDatabase() throws -> String { try TestPostgres.newDatabase() }

    /// A loopback port that was free a moment ago.
    static func freePort() -> Int? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        return bound ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }

    /// Runs one statement with `psql`.
    @discardableResult
    static func psql(_ url: String, _ sql: String) throws -> String { try TestPostgres.psql(url, sql) }

    /// Starts `psql` running `sql` in the background (for example to hold a lock) and returns it.
    static func background(_ url: String, _ sql: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-qtAc", sql]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Polls `condition` until it holds, failing after 20 seconds.
    static func waitUntil(_ condition: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(20)
        while try !condition() {
            guard Date() < deadline else { throw StoreError(.unavailable, Message("Krapte.as", "the test's condition did not come true")) }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Runs `body`, or fails the test instead of hanging when it takes longer than `limit`.
    static func within<T: Sendable>(_ limit: Duration, _ body: @Sendable @escaping () async throws -> T) async throws -> T {
        let expired: @Sendable () -> any Error = { StoreError(.unavailable, Message("Krapte.as", "the test did not finish within \(limit)")) }
        return try await Deadline.run(limit, expired: expired) { _ in try await body() }
    }

    /// A condition on `pg_locks` that keeps the locks of the connected database (other tests run beside).
    static let thisDatabase = "database = (SELECT oid FROM pg_database WHERE datname = current_database())"

    /// The advisory locks of the database at `url`, granted or awaited.
    static func advisoryLocks(_ url: String, granted: Bool) throws -> Int {
        Int(
            try psql(
                url,
                """
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted = \(granted) AND \(thisDatabase)
                """
            )
        ) ?? -1
    }

    /// Dataset `t`: one dimension `Regio` without members yet, one measure `m`.
    static let regions = Dataset(
        id: "t",
        title: "Test",
        source: Source(publisher: "test", location: "test"),
        dimensions: [KrapteCore.Dimension(code: "Regio", title: "Regio")],
        measures: [Measure(code: "m", title: "M", unit: "aantal")]
    )

    /// A release of dataset `t` with 300 series of four quarters, every value `value`.
    static func wide(value: Double) throws -> Release.Finished {
        var r = try Release(dataset: regions, format: "test")
        for region in 0..<300 {
            let member = r.memberIndex(Member(code: "R\(region)", label: "Regio \(region)"), dimension: 0)
            for quarter in 0..<4 {
                r.append(
                    SeriesKey(measure: 0, members: [member]),
                    period: Period.quarter(2024, 1 + quarter)!,
                    value: value,
                    row: region * 4 + quarter + 2
                )
            }
        }
        return try r.finish(file: "t")
    }

    /// 300 regions over 8 quarters appended quarter by quarter, as a long file sorted by period has them, held in
    /// chunks of `chunkSize`: with a small one every series is spread over several runs. With `duplicate`, the last
    /// row gives region 5 a second value for the first quarter.
    static func spread(chunkSize: Int, duplicate: Bool = false) throws -> Release.Finished {
        var r = try Release(dataset: regions, format: "test")
        r.chunkSize = chunkSize
        for quarter in 0..<8 {
            for region in 0..<300 {
                let member = r.memberIndex(Member(code: "R\(region)", label: "Regio \(region)"), dimension: 0)
                r.append(
                    SeriesKey(measure: 0, members: [member]),
                    period: Period.quarter(2023, 1)!.advanced(by: quarter)!,
                    value: Double(region * 10 + quarter),
                    row: quarter * 300 + region + 2
                )
            }
        }
        if duplicate {
            r.append(SeriesKey(measure: 0, members: [5]), period: Period.quarter(2023, 1)!, value: 1, row: 2_402)
        }
        return try r.finish(file: "t")
    }

    /// A release of dataset `id`: one series with a value per quarter from 2024KW01.
    static func release(_ values: [Double], id: String = "t", dimension: String = "Regio", published: Date? = nil) throws -> Release.Finished {
        var r = try Release(
            dataset: Dataset(
                id: id,
                title: "Test",
                source: Source(publisher: "test", location: "test"),
                dimensions: [KrapteCore.Dimension(code: dimension, title: dimension)],
                measures: [Measure(code: "m", title: "M", unit: "aantal")]
            ),
            format: "test",
            publishedAt: published
        )
        let a = r.memberIndex(Member(code: "A", label: "Alpha"), dimension: 0)
        for (i, v) in values.enumerated() {
            r.append(SeriesKey(measure: 0, members: [a]), period: Period.quarter(2024, 1)!.advanced(by: i)!, value: v, row: i + 2)
        }
        return try r.finish(file: "t")
    }
}

@Suite struct PostgresIsTestedInCI {
    /// `.ci/run` sets KRAPTE_REQUIRE_POSTGRES: there, the PostgreSQL half of the contract must not be skipped.
    @Test func thePostgresStoreIsTestedWhereItIsRequired() {
        if ProcessInfo.processInfo.environment["KRAPTE_REQUIRE_POSTGRES"] != nil {
            #expect(StoreKind.available.contains(.postgres), "KRAPTE_TEST_POSTGRES is not set")
        }
    }
}
