import Foundation
import GRDB
import KrapteCore
import KrapteTesting
import Testing

@testable import KrapteSQLite

/// What only the SQLite store does; what both stores do is in `StoreContractTests`.
@Suite struct SQLiteStoreTests {
    func release(_ values: [Double]) throws -> Release.Finished { try TestStores.release(values) }

    @Test func aFileStoreKeepsItsDataAndRecordsMigrations() async throws {
        let path = try TestData.temporaryFolder().appendingPathComponent("k.sqlite").path
        do {
            let store = try SQLiteStore(path: path)
            _ = try await store.load(try release([1, 2]), loadedAt: Date())
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.appliedMigrations().count == 3)
        #expect(try await reopened.datasets().map(\.id) == ["t"])
        let notADatabase = try TestData.file("x.sqlite", "this is not sqlite")
        #expect(throws: StoreError.self) { try SQLiteStore(path: notADatabase.path) }
    }

    @Test func aVersion1DatabaseKeepsItsSeriesWhenMigrated() async throws {
        let path = try TestData.temporaryFolder().appendingPathComponent("v1.sqlite").path
        let finished = try release([3, 4, 5])
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteStore.migrator.migrate(queue, upTo: "v1: datasets, vintages and packed series")
            let metadata = String(decoding: try JSONEncoder().encode(finished.dataset), as: UTF8.self)
            let source = String(decoding: try JSONEncoder().encode(finished.dataset.source), as: UTF8.self)
            try await queue.write { db in
                try db.execute(sql: "INSERT INTO dataset (id, title) VALUES ('t', 'Test')")
                try db.execute(
                    sql: """
                        INSERT INTO vintage (dataset_id, published_at, loaded_at, source, format, fingerprint, observation_count, metadata)
                        VALUES ('t', NULL, 0, ?, 'test', ?, 3, ?)
                        """,
                    arguments: [source, finished.fingerprint, metadata]
                )
                let series = try finished.allSeries()[0]
                try db.execute(
                    sql: "INSERT INTO series (vintage_id, measure, members, data) VALUES (1, ?, ?, ?)",
                    arguments: [series.measure, StoredSeries.joinMembers(series.members), series.data.encoded()]
                )
            }
        }
        let store = try SQLiteStore(path: path)
        #expect(try store.appliedMigrations().count == 3)
        let result = try await store.query(ObservationQuery(dataset: "t", measure: "m"))
        #expect(result.rows.map(\.value) == [3, 4, 5])
        // The key stays unique after the migration: loading the same release again changes nothing.
        #expect(try await store.load(finished, loadedAt: Date()).unchanged)
    }
}
