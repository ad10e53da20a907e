import KrapteCore
import Logging
import PostgresNIO

/// Writes the series of a release into the `series` table: multi-row INSERTs with the packed observations bound
/// as binary `bytea`, a few thousand series a statement.
///
/// Not COPY: postgres-nio 1.33.2 stops the whole process when a COPY is ended while its connection is closing (a
/// server restart or a dropped network during a load), a precondition in its state machine. A load must end
/// with an error then, not take the server down. With one row per series (the observations packed), a load of a
/// million observations is 25,000 rows, and INSERTs with binary binds are faster than COPY text with hex `bytea` was
/// (`Benchmarks/postgres.py`).
enum SeriesRows {
    /// Series per statement: within PostgreSQL's 65,535 bind parameters (three per series and the vintage).
    static let batch = 4_000
    /// Bytes of packed observations per statement, at most (a statement is one message in memory).
    static let batchBytes = 16 << 20

    /// Inserts every series `series` gives as rows of `vintage`, reading them a statement at a time, so that a
    /// release held in runs is never whole in memory.
    /// - Complexity: O(total size of the series); one statement per `batch` series.
    static func insert(_ series: inout Release.SeriesIterator, vintage: Int64, on connection: PostgresConnection, logger: Logger) async throws {
        var next = try series.next()
        while next != nil {
            var bindings = PostgresBindings(capacity: 1 + 3 * batch)
            bindings.append(vintage)
            var sql = "INSERT INTO series (vintage_id, measure, members, data) VALUES "
            var bytes = 0
            var rows = 0
            while let s = next, rows < batch, bytes < batchBytes {
                let data = s.data.encoded()
                bytes += data.count
                let n = bindings.count
                if rows > 0 { sql += "," }
                sql += "($1,$\(n + 1),$\(n + 2),$\(n + 3))"
                bindings.append(s.measure)
                bindings.append(StoredSeries.joinMembers(s.members))
                bindings.append(ByteBuffer(bytes: data))
                rows += 1
                next = try series.next()
            }
            for try await _ in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger) {}
        }
    }
}
