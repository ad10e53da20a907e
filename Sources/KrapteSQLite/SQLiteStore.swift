import Foundation
import GRDB
import KrapteCore

/// The embedded store: one SQLite file, nothing to install. The default.
///
/// A release is kept as one row per series with its observations packed (`SeriesData.encoded()`), so that a
/// million observations are a few thousand rows. Every vintage is kept.
public final class SQLiteStore: Store {
    /// Settings for the store.
    public struct Configuration: Sendable {
        /// Milliseconds to wait for another writer before giving up.
        public var busyTimeout: TimeInterval = 10
        /// Makes the default configuration.
        public init() {}
    }

    private let writer: any DatabaseWriter
    private let path: String
    /// The datasets read, by vintage and fingerprint.
    private let metadataCache = MetadataCache()

    /// Opens (and creates or upgrades) the database at `path`.
    /// - Throws: `StoreError.unavailable` when the file cannot be opened or is not a Krapte database.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        self.path = path
        var config = GRDB.Configuration()
        config.busyMode = .timeout(configuration.busyTimeout)
        config.prepareDatabase { db in
            // 16 MiB of pages a connection: a load of any size writes its pages out as it goes (Benchmarks/memory.py:
            // 64 MiB held 50 MiB more at no gain in speed).
            try db.execute(sql: "PRAGMA cache_size = -16384")
        }
        do {
            writer = try DatabasePool(path: path, configuration: config)
            try Self.migrator.migrate(writer)
        } catch {
            throw StoreError(
                .unavailable,
                Message("SQLiteStore.databaseCannotOpenedCheck", path),
                underlying: error
            )
        }
    }

    /// An in-memory store, for tests.
    public init() throws {
        path = ":memory:"
        writer = try DatabaseQueue()
        try Self.migrator.migrate(writer)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: datasets, vintages and packed series") { db in
            try db.execute(
                sql: """
                    CREATE TABLE dataset (
                        id TEXT PRIMARY KEY NOT NULL,
                        title TEXT NOT NULL
                    );
                    CREATE TABLE vintage (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        dataset_id TEXT NOT NULL REFERENCES dataset(id),
                        published_at REAL,
                        loaded_at REAL NOT NULL,
                        source TEXT NOT NULL,
                        format TEXT NOT NULL,
                        fingerprint TEXT NOT NULL,
                        observation_count INTEGER NOT NULL,
                        metadata TEXT NOT NULL
                    );
                    CREATE INDEX vintage_dataset ON vintage(dataset_id, id);
                    CREATE TABLE series (
                        vintage_id INTEGER NOT NULL REFERENCES vintage(id),
                        measure TEXT NOT NULL,
                        members TEXT NOT NULL,
                        data BLOB NOT NULL,
                        PRIMARY KEY (vintage_id, measure, members)
                    ) WITHOUT ROWID;
                    """
            )
        }
        // Series rows carry a kilobyte or more of packed observations; SQLite keeps such rows better in a rowid table
        // than WITHOUT ROWID (whose B-tree pages then hold a handful of rows each and split often).
        m.registerMigration("v2: series in a rowid table") { db in
            try db.execute(
                sql: """
                    CREATE TABLE series_v2 (
                        vintage_id INTEGER NOT NULL REFERENCES vintage(id),
                        measure TEXT NOT NULL,
                        members TEXT NOT NULL,
                        data BLOB NOT NULL
                    );
                    INSERT INTO series_v2 (vintage_id, measure, members, data) SELECT vintage_id, measure, members, data FROM series;
                    DROP TABLE series;
                    ALTER TABLE series_v2 RENAME TO series;
                    CREATE UNIQUE INDEX series_key ON series(vintage_id, measure, members);
                    """
            )
        }
        // What was removed, and when; the store's version counts these too.
        m.registerMigration("v3: removal log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE removal (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        dataset_id TEXT NOT NULL,
                        vintage_id INTEGER NOT NULL,
                        observation_count INTEGER NOT NULL,
                        removed_at REAL NOT NULL
                    );
                    """
            )
        }
        return m
    }

    /// The migrations applied to this database, oldest first.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Self.migrator.appliedMigrations(db) }
    }

    public func load(_ release: Release.Finished, loadedAt: Date) async throws -> LoadOutcome {
        let (metadata, source) = try StoredForm.texts(of: release)
        do {
            return try await writer.write { db -> LoadOutcome in
                if let latest = try Self.latestVintage(db, dataset: release.dataset.id) {
                    if latest.fingerprint == release.fingerprint { return LoadOutcome(vintage: latest, unchanged: true) }
                    let existing = try Self.metadata(db, vintage: latest.id)
                    try release.checkFits(existing, file: release.dataset.source.location)
                }
                try db.execute(
                    sql: "INSERT INTO dataset (id, title) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET title = excluded.title",
                    arguments: [release.dataset.id, release.dataset.title]
                )
                try db.execute(
                    sql: """
                        INSERT INTO vintage (dataset_id, published_at, loaded_at, source, format, fingerprint, observation_count, metadata)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        release.dataset.id, release.publishedAt?.timeIntervalSince1970, loadedAt.timeIntervalSince1970, source,
                        release.format, release.fingerprint, release.observationCount, metadata,
                    ]
                )
                let id = db.lastInsertedRowID
                let insert = try db.makeStatement(sql: "INSERT INTO series (vintage_id, measure, members, data) VALUES (?, ?, ?, ?)")
                // One series at a time: a release held in runs is merged as it is written, in this transaction.
                var series = try release.makeSeriesIterator()
                while let s = try series.next() {
                    try insert.execute(arguments: [id, s.measure, StoredSeries.joinMembers(s.members), s.data.encoded()])
                }
                return LoadOutcome(vintage: StoredForm.vintage(of: release, id: id, loadedAt: loadedAt), unchanged: false)
            }
        } catch let error as IngestError {
            throw error
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.unavailable, Message("SQLiteStore.loadIntoFailedNothing", path), underlying: error)
        }
    }

    /// The highest vintage id ever given (AUTOINCREMENT never gives one twice) plus the vintages removed.
    public func version() async throws -> Int64 {
        try await read { db in
            try Int64.fetchOne(
                db,
                sql: "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'vintage'), 0) + (SELECT COUNT(*) FROM removal)"
            ) ?? 0
        }
    }

    public func remove(_ dataset: String, vintage: Int64?, removedAt: Date) async throws -> [Vintage] {
        do {
            return try await writer.write { db -> [Vintage] in
                let all = try Row.fetchAll(
                    db,
                    sql: "SELECT \(Self.vintageColumns) FROM vintage WHERE dataset_id = ? ORDER BY id",
                    arguments: [dataset]
                )
                .map(Self.vintage(row:))
                let removed = try StoredForm.removal(of: vintage, from: all, dataset: dataset)
                for v in removed {
                    try db.execute(sql: "DELETE FROM series WHERE vintage_id = ?", arguments: [v.id])
                    try db.execute(sql: "DELETE FROM vintage WHERE id = ?", arguments: [v.id])
                    try db.execute(
                        sql: "INSERT INTO removal (dataset_id, vintage_id, observation_count, removed_at) VALUES (?, ?, ?, ?)",
                        arguments: [dataset, v.id, v.observationCount, removedAt.timeIntervalSince1970]
                    )
                }
                if removed.count == all.count { try db.execute(sql: "DELETE FROM dataset WHERE id = ?", arguments: [dataset]) }
                return removed
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.unavailable, Message("SQLiteStore.removalFailedNothingWas", path), underlying: error)
        }
    }

    public func datasets() async throws -> [DatasetSummary] {
        try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.title, COUNT(v.id) AS n, MAX(v.id) AS latest
                    FROM dataset d JOIN vintage v ON v.dataset_id = d.id
                    GROUP BY d.id ORDER BY d.id
                    """
            )
            return try rows.map { row in
                let latest = try Self.vintage(db, id: row["latest"])
                return DatasetSummary(id: row["id"], title: row["title"], latest: latest, vintageCount: row["n"])
            }
        }
    }

    public func vintages(of dataset: String) async throws -> [Vintage] {
        let all = try await read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT \(Self.vintageColumns) FROM vintage WHERE dataset_id = ? ORDER BY id"),
                arguments: [dataset]
            )
            .map(Self.vintage(row:))
        }
        guard !all.isEmpty else {
            throw StoredForm.noDataset(dataset, known: (try? await datasets())?.map(\.id) ?? [])
        }
        return all
    }

    public func metadata(of dataset: String, vintage: Int64) async throws -> Dataset {
        try await read { [metadataCache] db in
            let statement = try db.cachedStatement(sql: "SELECT fingerprint FROM vintage WHERE id = ?")
            guard let fingerprint = try String.fetchOne(statement, arguments: [vintage]) else {
                throw StoreError(.notFound, Message("SQLiteStore.thereVintage", vintage))
            }
            return try metadataCache.dataset(vintage: vintage, fingerprint: fingerprint) { try Self.metadata(db, vintage: vintage) }
        }
    }

    public func latest(_ dataset: String) async throws -> (metadata: Dataset, vintages: [Vintage]) {
        // One read, and the metadata from the cache when the latest vintage's fingerprint is known.
        let answer = try await read { [metadataCache] db -> (Dataset, [Vintage])? in
            let statement = try db.cachedStatement(sql: "SELECT \(Self.vintageColumns) FROM vintage WHERE dataset_id = ? ORDER BY id")
            let all = try Row.fetchAll(statement, arguments: [dataset]).map(Self.vintage(row:))
            guard let last = all.last else { return nil }
            return (try metadataCache.dataset(vintage: last.id, fingerprint: last.fingerprint) { try Self.metadata(db, vintage: last.id) }, all)
        }
        guard let (metadata, vintages) = answer else {
            throw StoredForm.noDataset(dataset, known: (try? await datasets())?.map(\.id) ?? [])
        }
        return (metadata, vintages)
    }

    public func series(of dataset: String, vintage: Int64, measure: String) async throws -> [StoredSeries] {
        try await read { db in
            var out: [StoredSeries] = []
            try Self.appendSeries(
                db,
                "SELECT members, data FROM series WHERE vintage_id = ? AND measure = ?",
                [vintage, measure],
                cached: true,
                to: &out
            )
            return out
        }
    }

    public func series(of dataset: String, vintage: Int64, measure: String, keys: [[String]]) async throws -> [StoredSeries] {
        try await read { db in
            var out: [StoredSeries] = []
            // SQLite takes at most 32,766 bound values a statement.
            for start in stride(from: 0, to: keys.count, by: 500) {
                let chunk = keys[start..<min(keys.count, start + 500)].map(StoredSeries.joinMembers)
                let marks = chunk.map { _ in "?" }.joined(separator: ",")
                try Self.appendSeries(
                    db,
                    "SELECT members, data FROM series WHERE vintage_id = ? AND measure = ? AND members IN (\(marks))",
                    StatementArguments([vintage as any DatabaseValueConvertible, measure] + chunk),
                    cached: chunk.count <= 64,
                    to: &out
                )
            }
            return out
        }
    }

    /// Appends the series a `SELECT members, data` statement gives to `out`; a statement a page asks again and again
    /// (`cached`) is prepared once per connection, the others each time.
    private static func appendSeries(
        _ db: Database,
        _ sql: String,
        _ arguments: StatementArguments,
        cached: Bool,
        to out: inout [StoredSeries]
    ) throws {
        let cursor = try Row.fetchCursor(cached ? db.cachedStatement(sql: sql) : db.makeStatement(sql: sql), arguments: arguments)
        while let row = try cursor.next() {
            let members: String = row["members"]
            let data: Data = row["data"]
            out.append(StoredSeries(members: StoredSeries.splitMembers(members), data: try SeriesData(decoding: data)))
        }
    }

    private func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.unavailable, Message("SQLiteStore.databaseCouldRead", path), underlying: error)
        }
    }

    private static func latestVintage(_ db: Database, dataset: String) throws -> Vintage? {
        try Row.fetchOne(db, sql: "SELECT \(vintageColumns) FROM vintage WHERE dataset_id = ? ORDER BY id DESC LIMIT 1", arguments: [dataset]).map(
            vintage(row:)
        )
    }

    private static func vintage(_ db: Database, id: Int64) throws -> Vintage {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(vintageColumns) FROM vintage WHERE id = ?", arguments: [id]) else {
            throw StoreError(.notFound, Message("SQLiteStore.thereVintage", id))
        }
        return try vintage(row: row)
    }

    /// The columns `vintage(row:)` reads: all but the metadata, which is large and read only when asked for.
    private static let vintageColumns = "id, dataset_id, published_at, loaded_at, source, format, fingerprint, observation_count"

    private static func vintage(row: Row) throws -> Vintage {
        let sourceJSON: String = row["source"]
        let source = try StoredForm.source(sourceJSON)
        let published: Double? = row["published_at"]
        let loaded: Double = row["loaded_at"]
        return Vintage(
            id: row["id"],
            dataset: row["dataset_id"],
            publishedAt: published.map(Date.init(timeIntervalSince1970:)),
            loadedAt: Date(timeIntervalSince1970: loaded),
            source: source,
            format: row["format"],
            fingerprint: row["fingerprint"],
            observationCount: row["observation_count"]
        )
    }

    private static func metadata(_ db: Database, vintage: Int64) throws -> Dataset {
        guard let json = try String.fetchOne(db, sql: "SELECT metadata FROM vintage WHERE id = ?", arguments: [vintage]) else {
            throw StoreError(.notFound, Message("SQLiteStore.thereVintage", vintage))
        }
        return try StoredForm.dataset(json, vintage: vintage)
    }
}
