import Foundation
import KrapteCore
import Logging
import PostgresNIO

/// The shared store: a PostgreSQL database that a team's Krapte commands and server use together.
///
/// It behaves as `SQLiteStore` does: one row per series with its observations packed, every vintage kept, every
/// load one transaction (multi-row INSERTs, see `SeriesRows`), and a release equal to the latest vintage not loaded again. Loads of
/// the same dataset wait for each other (an advisory lock), so two at once never store it twice. Schema
/// migrations run when the store opens and are recorded in `krapte_migration`.
public final class PostgresStore: Store {
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger
    private let probeConfiguration: PostgresConnection.Configuration
    /// The datasets read, by vintage and fingerprint.
    private let metadataCache = MetadataCache()
    /// The database's address without the password, for messages.
    public let address: String

    /// Opens the database at a `postgres://user[:password]@host[:port]/database` URL, and creates or upgrades its
    /// schema.
    /// - Parameters:
    ///   - url: the database's URL.
    ///   - connectTimeout: how long opening waits for the server.
    ///   - deadline: how long a read, or a load before it has a connection, waits for the database.
    /// - Throws: `StoreError.unavailable` saying why when the URL is not one, the server cannot be reached, or the
    ///   credentials are refused.
    public static func open(url: String, connectTimeout: Duration = .seconds(10), deadline: Duration = .seconds(15)) async throws -> PostgresStore {
        let store = try PostgresStore(url: url, connectTimeout: connectTimeout, deadline: deadline)
        do {
            // One direct connection first: the pool would retry a server that is down or refuses us for ever.
            let probe = try await PostgresConnection.connect(configuration: store.probeConfiguration, id: 0, logger: store.logger)
            try await probe.close()
            try await store.migrate()
        } catch {
            store.close()
            throw store.unavailable(error, doing: Message("PostgresStore.doing.open"))
        }
        return store
    }

    /// How long a read, or a load before it has a connection, waits for the database before it answers that the
    /// database is unavailable. While the server is down the pool keeps trying to reconnect, and recovers by itself
    /// when it is back.
    public let deadline: Duration

    /// Runs `body` within `deadline`; `body` disarms the deadline once it may rightly take longer.
    private func answering<T: Sendable>(_ what: Message, _ body: @Sendable @escaping (Deadline) async throws -> T) async throws -> T {
        let limit = deadline
        let address = address
        do {
            return try await Deadline.run(
                limit,
                expired: {
                    StoreError(
                        .unavailable,
                        Message("PostgresStore.postgresqlDidAnswerWithin", address, limit.components.seconds)
                    )
                },
                body
            )
        } catch {
            // A release that does not fit the dataset is the caller's to fix, as on SQLite.
            if let error = error as? IngestError { throw error }
            throw unavailable(error, doing: what)
        }
    }

    /// Runs a read within `deadline`.
    private func read<T: Sendable>(_ what: Message, _ body: @Sendable @escaping () async throws -> T) async throws -> T {
        try await answering(what) { _ in try await body() }
    }

    private init(url: String, connectTimeout: Duration, deadline: Duration) throws {
        self.deadline = deadline
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
            let host = parts.host, !host.isEmpty, let user = parts.user, !user.isEmpty
        else {
            throw StoreError(.invalid, Message("PostgresStore.postgresqlUrlWritePostgres", Self.redacted(url)))
        }
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        var configuration = PostgresClient.Configuration(
            host: host,
            port: parts.port ?? 5432,
            username: user.removingPercentEncoding ?? user,
            password: parts.password?.removingPercentEncoding,
            database: database.isEmpty ? user : database,
            tls: .disable
        )
        configuration.options.connectTimeout = connectTimeout
        configuration.options.maximumConnections = 8
        var probe = PostgresConnection.Configuration(
            host: host,
            port: parts.port ?? 5432,
            username: configuration.username,
            password: configuration.password,
            database: configuration.database,
            tls: .disable
        )
        probe.options.connectTimeout = .nanoseconds(Int64(connectTimeout.components.seconds) * 1_000_000_000)
        probeConfiguration = probe
        address = "postgres://\(user)@\(host):\(parts.port ?? 5432)/\(database.isEmpty ? user : database)"
        var logger = Logger(label: "krapte.postgres")
        // The pool reports every failed connection attempt; the errors reach the user through StoreError instead.
        logger.logLevel = .critical
        self.logger = logger
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
    }

    deinit {
        runner.cancel()
    }

    /// Closes the connections.
    public func close() {
        runner.cancel()
    }

    static func redacted(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "***"
        return parts.string ?? url
    }

    /// A failure of the database as an error a user can act on: never SQL, never the password.
    func unavailable(_ error: any Error, doing what: Message) -> StoreError {
        if let error = error as? StoreError { return error }
        if let psql = error as? PSQLError {
            let detail = psql.serverInfo?[.message].map { ": \($0)" } ?? ""
            switch psql.code {
            case .server:
                let sqlState = psql.serverInfo?[.sqlState] ?? ""
                if sqlState.hasPrefix("28") || sqlState == "3D000" {
                    return StoreError(
                        .unavailable,
                        Message("PostgresStore.postgresqlRefusedConnectionCheck", address, detail),
                        underlying: error
                    )
                }
                return StoreError(.unavailable, Message("PostgresStore.postgresqlCouldNothingWas", address, what, detail), underlying: error)
            default:
                return StoreError(
                    .unavailable,
                    Message("PostgresStore.postgresqlCannotReachedWas", address, String(describing: psql.code)),
                    underlying: error
                )
            }
        }
        return StoreError(.unavailable, Message("PostgresStore.postgresqlCouldTryAgain", address, what), underlying: error)
    }

    // MARK: - Migrations

    /// The schema, step by step. A step is never changed once released: a change is a new step.
    static let migrations: [(name: String, sql: [String])] = [
        (
            "v1: datasets, vintages and packed series",
            [
                "CREATE TABLE dataset (id TEXT PRIMARY KEY, title TEXT NOT NULL)",
                """
                CREATE TABLE vintage (
                    id BIGSERIAL PRIMARY KEY,
                    dataset_id TEXT NOT NULL REFERENCES dataset(id),
                    published_at DOUBLE PRECISION,
                    loaded_at DOUBLE PRECISION NOT NULL,
                    source TEXT NOT NULL,
                    format TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    observation_count BIGINT NOT NULL,
                    metadata TEXT NOT NULL
                )
                """,
                "CREATE INDEX vintage_dataset ON vintage(dataset_id, id)",
                """
                CREATE TABLE series (
                    vintage_id BIGINT NOT NULL REFERENCES vintage(id),
                    measure TEXT NOT NULL,
                    members TEXT NOT NULL,
                    data BYTEA NOT NULL,
                    PRIMARY KEY (vintage_id, measure, members)
                )
                """,
            ]
        ),
        (
            "v2: removal log",
            [
                """
                CREATE TABLE removal (
                    id BIGSERIAL PRIMARY KEY,
                    dataset_id TEXT NOT NULL,
                    vintage_id BIGINT NOT NULL,
                    observation_count BIGINT NOT NULL,
                    removed_at DOUBLE PRECISION NOT NULL
                )
                """
            ]
        ),
    ]

    /// Applies the migrations not yet recorded, each in a transaction, one process at a time.
    private func migrate() async throws {
        try await client.withConnection { [logger] connection in
            try await connection.transaction(logger: logger) { connection in
                // One migrating process at a time; the others wait and then find the steps recorded.
                try await connection.run("SELECT pg_advisory_xact_lock(7252707)", logger: logger)
                try await connection.run(
                    "CREATE TABLE IF NOT EXISTS krapte_migration (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                    logger: logger
                )
                var applied: Set<String> = []
                for try await name in try await connection.query("SELECT name FROM krapte_migration", logger: logger).decode(String.self) {
                    applied.insert(name)
                }
                for step in Self.migrations where !applied.contains(step.name) {
                    for sql in step.sql { try await connection.run(PostgresQuery(unsafeSQL: sql), logger: logger) }
                    try await connection.run("INSERT INTO krapte_migration (name) VALUES (\(step.name))", logger: logger)
                }
            }
        }
    }

    /// The migrations applied to this database, oldest first.
    public func appliedMigrations() async throws -> [String] {
        try await read(Message("PostgresStore.doing.migrations")) { [client, logger] in
            var names: [String] = []
            let rows = try await client.query("SELECT name FROM krapte_migration ORDER BY applied_at, name", logger: logger)
            for try await name in rows.decode(String.self) { names.append(name) }
            return names
        }
    }

    // MARK: - Store

    public func load(_ release: Release.Finished, loadedAt: Date) async throws -> LoadOutcome {
        let (metadata, source) = try StoredForm.texts(of: release)
        let id = release.dataset.id
        return try await answering(Message("PostgresStore.doing.store", id)) { [client, logger] deadline in
            try await Self.store(release, metadata: metadata, source: source, loadedAt: loadedAt, client: client, logger: logger, deadline: deadline)
        }
    }

    /// Stores a release in one transaction; see `load(_:loadedAt:)`.
    private static func store(
        _ release: Release.Finished,
        metadata: String,
        source: String,
        loadedAt: Date,
        client: PostgresClient,
        logger: Logger,
        deadline: Deadline
    ) async throws -> LoadOutcome {
        let id = release.dataset.id
        return try await client.withConnection { connection in
            try await connection.transaction(logger: logger) { connection in
                // Connected: waiting for another load of the dataset may take as long as that load does. Should the
                // connection be lost meanwhile, the load ends at once, whatever statement it was waiting for.
                deadline.disarm()
                connection.closeFuture.whenComplete { _ in
                    deadline.abandon(
                        StoreError(
                            .unavailable,
                            Message("PostgresStore.connectionPostgresqlWasLost", id)
                        )
                    )
                }
                // Loads of one dataset wait for each other, so that two at once never store the same release twice.
                try await connection.run("SELECT pg_advisory_xact_lock(hashtext(\(id)))", logger: logger)
                if let latest = try await Self.latestVintage(connection, dataset: id, logger: logger) {
                    if latest.fingerprint == release.fingerprint { return LoadOutcome(vintage: latest, unchanged: true) }
                    let existing = try await Self.metadata(connection, vintage: latest.id, logger: logger)
                    try release.checkFits(existing, file: release.dataset.source.location)
                }
                try await connection.run(
                    "INSERT INTO dataset (id, title) VALUES (\(id), \(release.dataset.title)) ON CONFLICT (id) DO UPDATE SET title = excluded.title",
                    logger: logger
                )
                let published = release.publishedAt?.timeIntervalSince1970
                let loaded = loadedAt.timeIntervalSince1970
                let count = Int64(release.observationCount)
                let rows = try await connection.query(
                    """
                    INSERT INTO vintage (dataset_id, published_at, loaded_at, source, format, fingerprint, observation_count, metadata)
                    VALUES (\(id), \(published), \(loaded), \(source), \(release.format), \(release.fingerprint), \(count), \(metadata))
                    RETURNING id
                    """,
                    logger: logger
                )
                var vintageID: Int64 = 0
                for try await v in rows.decode(Int64.self) { vintageID = v }
                var series = try release.makeSeriesIterator()
                try await SeriesRows.insert(&series, vintage: vintageID, on: connection, logger: logger)
                return LoadOutcome(vintage: StoredForm.vintage(of: release, id: vintageID, loadedAt: loadedAt), unchanged: false)
            }
        }
    }

    /// The highest id of a vintage stored, now or before its removal (ids are never given twice), plus the vintages
    /// removed. Read from the rows, not from the sequence: a read replica replays the rows exactly, while a sequence
    /// is logged 32 values ahead, so that a server on a replica would not see the next loads.
    public func version() async throws -> Int64 {
        try await read(Message("PostgresStore.doing.version")) { [client, logger] in
            let rows = try await client.query(
                """
                SELECT (GREATEST((SELECT COALESCE(MAX(id), 0) FROM vintage), (SELECT COALESCE(MAX(vintage_id), 0) FROM removal))
                    + (SELECT COUNT(*) FROM removal))::BIGINT
                """,
                logger: logger
            )
            for try await (id) in rows.decode(Int64.self) { return id }
            return 0
        }
    }

    public func remove(_ dataset: String, vintage: Int64?, removedAt: Date) async throws -> [Vintage] {
        try await answering(Message("PostgresStore.doing.remove", dataset)) { [client, logger] deadline in
            try await client.withConnection { connection in
                try await connection.transaction(logger: logger) { connection in
                    deadline.disarm()
                    // A removal waits for a load of the same dataset, and the other way round.
                    try await connection.run("SELECT pg_advisory_xact_lock(hashtext(\(dataset)))", logger: logger)
                    let all = try await Self.vintages(connection, "WHERE dataset_id = \(dataset) ORDER BY id", logger: logger)
                    let removed = try StoredForm.removal(of: vintage, from: all, dataset: dataset)
                    let at = removedAt.timeIntervalSince1970
                    for v in removed {
                        let (id, count) = (v.id, Int64(v.observationCount))
                        try await connection.run("DELETE FROM series WHERE vintage_id = \(id)", logger: logger)
                        try await connection.run("DELETE FROM vintage WHERE id = \(id)", logger: logger)
                        try await connection.run(
                            "INSERT INTO removal (dataset_id, vintage_id, observation_count, removed_at) VALUES (\(dataset), \(id), \(count), \(at))",
                            logger: logger
                        )
                    }
                    if removed.count == all.count { try await connection.run("DELETE FROM dataset WHERE id = \(dataset)", logger: logger) }
                    return removed
                }
            }
        }
    }

    public func datasets() async throws -> [DatasetSummary] {
        try await read(Message("PostgresStore.doing.datasets")) { [client, logger] in
            let rows = try await client.query(
                """
                SELECT d.id, d.title, COUNT(v.id), MAX(v.id)
                FROM dataset d JOIN vintage v ON v.dataset_id = d.id
                GROUP BY d.id, d.title ORDER BY d.id
                """,
                logger: logger
            )
            var listed: [(String, String, Int64, Int64)] = []
            for try await row in rows.decode((String, String, Int64, Int64).self) { listed.append(row) }
            var out: [DatasetSummary] = []
            for (id, title, count, latest) in listed {
                let vintage = try await client.withConnection { try await Self.vintage($0, id: latest, logger: logger) }
                out.append(DatasetSummary(id: id, title: title, latest: vintage, vintageCount: Int(count)))
            }
            return out
        }
    }

    public func vintages(of dataset: String) async throws -> [Vintage] {
        let all = try await read(Message("PostgresStore.doing.vintages", dataset)) { [client, logger] in
            try await client.withConnection { connection in
                try await Self.vintages(connection, "WHERE dataset_id = \(dataset) ORDER BY id", logger: logger)
            }
        }
        guard !all.isEmpty else {
            throw StoredForm.noDataset(dataset, known: (try? await datasets())?.map(\.id) ?? [])
        }
        return all
    }

    public func metadata(of dataset: String, vintage: Int64) async throws -> Dataset {
        try await read(Message("PostgresStore.doing.vintage", vintage)) { [client, logger, metadataCache] in
            try await client.withConnection { connection in
                var fingerprint: String?
                let rows = try await connection.query("SELECT fingerprint FROM vintage WHERE id = \(vintage)", logger: logger)
                for try await text in rows.decode(String.self) { fingerprint = text }
                guard let fingerprint else { throw StoreError(.notFound, Message("PostgresStore.thereVintage", vintage)) }
                if let kept = metadataCache.kept(vintage: vintage, fingerprint: fingerprint) { return kept }
                let dataset = try await Self.metadata(connection, vintage: vintage, logger: logger)
                metadataCache.keep(dataset, vintage: vintage, fingerprint: fingerprint)
                return dataset
            }
        }
    }

    public func series(of dataset: String, vintage: Int64, measure: String) async throws -> [StoredSeries] {
        try await series(of: dataset, "SELECT members, data FROM series WHERE vintage_id = \(vintage) AND measure = \(measure)")
    }

    public func series(of dataset: String, vintage: Int64, measure: String, keys: [[String]]) async throws -> [StoredSeries] {
        let joined = keys.map(StoredSeries.joinMembers)
        return try await series(
            of: dataset,
            "SELECT members, data FROM series WHERE vintage_id = \(vintage) AND measure = \(measure) AND members = ANY(\(joined))"
        )
    }

    /// The series a `SELECT members, data` query gives.
    private func series(of dataset: String, _ query: PostgresQuery) async throws -> [StoredSeries] {
        try await read(Message("PostgresStore.doing.read", dataset)) { [client, logger] in
            var out: [StoredSeries] = []
            for try await (members, data) in try await client.query(query, logger: logger).decode((String, ByteBuffer).self) {
                out.append(StoredSeries(members: StoredSeries.splitMembers(members), data: try SeriesData(decoding: Data(data.readableBytesView))))
            }
            return out
        }
    }

    // MARK: - Rows

    private typealias VintageRow = (Int64, String, Double?, Double, String, String, String, Int64)

    private static func vintages(_ connection: PostgresConnection, _ condition: PostgresQuery, logger: Logger) async throws -> [Vintage] {
        var sql = PostgresQuery(
            unsafeSQL: "SELECT id, dataset_id, published_at, loaded_at, source, format, fingerprint, observation_count FROM vintage "
        )
        sql.sql += condition.sql
        sql.binds = condition.binds
        var out: [Vintage] = []
        for try await row in try await connection.query(sql, logger: logger).decode(VintageRow.self) {
            let source = try StoredForm.source(row.4)
            out.append(
                Vintage(
                    id: row.0,
                    dataset: row.1,
                    publishedAt: row.2.map(Date.init(timeIntervalSince1970:)),
                    loadedAt: Date(timeIntervalSince1970: row.3),
                    source: source,
                    format: row.5,
                    fingerprint: row.6,
                    observationCount: Int(row.7)
                )
            )
        }
        return out
    }

    private static func latestVintage(_ connection: PostgresConnection, dataset: String, logger: Logger) async throws -> Vintage? {
        try await vintages(connection, "WHERE dataset_id = \(dataset) ORDER BY id DESC LIMIT 1", logger: logger).first
    }

    private static func vintage(_ connection: PostgresConnection, id: Int64, logger: Logger) async throws -> Vintage {
        guard let v = try await vintages(connection, "WHERE id = \(id)", logger: logger).first else {
            throw StoreError(.notFound, Message("PostgresStore.thereVintage", id))
        }
        return v
    }

    private static func metadata(_ connection: PostgresConnection, vintage: Int64, logger: Logger) async throws -> Dataset {
        var json: String?
        for try await text in try await connection.query("SELECT metadata FROM vintage WHERE id = \(vintage)", logger: logger).decode(String.self) {
            json = text
        }
        guard let json else { throw StoreError(.notFound, Message("PostgresStore.thereVintage", vintage)) }
        return try StoredForm.dataset(json, vintage: vintage)
    }
}

extension PostgresConnection {
    /// Runs a statement and waits until it has finished. A statement's result must be read before the next one:
    /// an unread result whose connection is lost leaves the next statement waiting for ever.
    fileprivate func run(_ statement: PostgresQuery, logger: Logger) async throws {
        for try await _ in try await query(statement, logger: logger) {}
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// Unlike postgres-nio's `withTransaction`, it sends no ROLLBACK on a connection that is lost (the server
    /// rolls the transaction back itself then): a statement sent while the connection closes is never answered.
    fileprivate func transaction<T>(logger: Logger, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await run("BEGIN", logger: logger)
        let value: T
        do {
            value = try await body(self)
        } catch {
            if !Self.isLost(error) { try? await run("ROLLBACK", logger: logger) }
            throw error
        }
        try await run("COMMIT", logger: logger)
        return value
    }

    /// Whether `error` means that the connection is gone: it broke, or the server ended the session (a FATAL
    /// error, as when an administrator or a restart terminates it).
    static func isLost(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return false }
        guard error.code == .server else { return error.code != .queryCancelled }
        return ["FATAL", "PANIC"].contains(error.serverInfo?[.severity] ?? "")
    }
}
