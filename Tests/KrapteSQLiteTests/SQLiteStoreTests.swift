import Foundation
import GRDB
import KrapteCore
import KrapteTesting
import Testing

@testable import KrapteSQLite

@Suite struct SQLiteStoreTests {
    func release(_ values: [Double], dimension: String = "Regio", published: Date? = nil) throws -> Release.Finished {
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

    func day(_ text: String) -> Date { ISO8601DateFormatter.day.date(from: text)! }

    @Test func loadingTheSameReleaseTwiceChangesNothing() async throws {
        let store = try SQLiteStore()
        let first = try await store.load(try release([1, 2]), loadedAt: Date())
        let second = try await store.load(try release([1, 2]), loadedAt: Date())
        #expect(!first.unchanged && second.unchanged)
        #expect(second.vintage.id == first.vintage.id)
        #expect(try await store.vintages(of: "t").count == 1)
    }

    @Test func olderVintagesAreKeptAndQueryableAsOf() async throws {
        let store = try SQLiteStore()
        _ = try await store.load(try release([1, 2], published: day("2025-01-15")), loadedAt: Date())
        _ = try await store.load(try release([1, 3, 4], published: day("2025-04-15")), loadedAt: Date())
        let latest = try await store.query(ObservationQuery(dataset: "t", measure: "m"))
        #expect(latest.rows.map(\.value) == [1, 3, 4])
        let old = try await store.query(ObservationQuery(dataset: "t", measure: "M", asOf: day("2025-03-01")))
        #expect(old.rows.map(\.value) == [1, 2])
        let sameDay = try await store.query(ObservationQuery(dataset: "t", measure: "m", asOf: day("2025-04-15")))
        #expect(sameDay.vintage.id == latest.vintage.id)
        await #expect(throws: StoreError.self) { try await store.query(ObservationQuery(dataset: "t", measure: "m", asOf: day("2024-01-01"))) }
    }

    @Test func aReleaseWithOtherDimensionsIsRefusedAndNothingChanges() async throws {
        let store = try SQLiteStore()
        _ = try await store.load(try release([1]), loadedAt: Date())
        let error = try await #require(throws: IngestError.self) { try await store.load(try release([5], dimension: "Sector"), loadedAt: Date()) }
        #expect(error.code == .structure && error.fix.contains("--dataset"))
        #expect(try await store.vintages(of: "t").count == 1)
    }

    @Test func queriesNameWhatIsMissing() async throws {
        let store = try SQLiteStore()
        _ = try await store.load(try release([1]), loadedAt: Date())
        for q in [
            ObservationQuery(dataset: "nope", measure: "m"), ObservationQuery(dataset: "t", measure: "x"),
            ObservationQuery(dataset: "t", measure: "m", filters: [.init(dimension: "Sector", members: ["A"])]),
            ObservationQuery(dataset: "t", measure: "m", filters: [.init(dimension: "Regio", members: ["B"])]),
        ] {
            let error = try await #require(throws: StoreError.self) { try await store.query(q) }
            #expect(error.code == .notFound)
        }
        let byLabel = try await store.query(ObservationQuery(dataset: "t", measure: "m", filters: [.init(dimension: "Regio", members: ["Alpha"])]))
        #expect(byLabel.rows.count == 1)
    }

    @Test func aFileStoreKeepsItsDataAndRecordsMigrations() async throws {
        let path = try TestData.temporaryFolder().appendingPathComponent("k.sqlite").path
        do {
            let store = try SQLiteStore(path: path)
            _ = try await store.load(try release([1, 2]), loadedAt: Date())
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.appliedMigrations().count == 2)
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
                let series = finished.series[0]
                try db.execute(
                    sql: "INSERT INTO series (vintage_id, measure, members, data) VALUES (1, ?, ?, ?)",
                    arguments: [series.measure, SQLiteStore.joinMembers(series.members), series.data.encoded()]
                )
            }
        }
        let store = try SQLiteStore(path: path)
        #expect(try store.appliedMigrations().count == 2)
        let result = try await store.query(ObservationQuery(dataset: "t", measure: "m"))
        #expect(result.rows.map(\.value) == [3, 4, 5])
        // The key stays unique after the migration: loading the same release again changes nothing.
        #expect(try await store.load(finished, loadedAt: Date()).unchanged)
    }
}
