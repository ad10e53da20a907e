import Foundation
import KrapteCore
import KraptePostgres
import KrapteSQLite
import KrapteTesting
import Testing

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
    static var postgresURL: String? { ProcessInfo.processInfo.environment["KRAPTE_TEST_POSTGRES"] }

    /// A new, empty store of a kind: a SQLite file in a temporary folder, or a new PostgreSQL database.
    static func make(_ kind: StoreKind) async throws -> any Store {
        switch kind {
        case .sqlite: return try SQLiteStore(path: try TestData.temporaryFolder().appendingPathComponent("k.sqlite").path)
        case .postgres: return try await PostgresStore.open(url: try newPostgresDatabase())
        }
    }

    /// Creates a database with a fresh name on the test server and returns its URL.
    static func newPostgresDatabase() throws -> String {
        let server = try #require(postgresURL, "KRAPTE_TEST_POSTGRES is not set")
        let name = "krapte_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())"
        try psql(server, "CREATE DATABASE \(name)")
        var parts = try #require(URLComponents(string: server))
        parts.path = "/\(name)"
        return try #require(parts.string)
    }

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
    static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-v", "ON_ERROR_STOP=1", "-tAc", sql]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "psql \(sql)")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A release of dataset `t`: one series with a value per quarter from 2024KW01.
    static func release(_ values: [Double], dimension: String = "Regio", published: Date? = nil) throws -> Release.Finished {
        var r = try Release(
            dataset: Dataset(
                id: "t",
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
