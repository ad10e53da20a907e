import ArgumentParser
import Foundation
import KrapteCore
import KraptePostgres
import KrapteSQLite

/// The options every command that touches the store shares.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "De database: een SQLite-bestand (standaard krapte.sqlite) of postgres://gebruiker@host[:poort]/database; of $KRAPTE_DATABASE."
    )
    var db: String?

    /// The database: `--db`, else `KRAPTE_DATABASE`, else `krapte.sqlite` in the working directory.
    var path: String { db ?? ProcessInfo.processInfo.environment["KRAPTE_DATABASE"] ?? "krapte.sqlite" }

    /// Whether the database is a PostgreSQL server.
    var isPostgres: Bool { path.hasPrefix("postgres://") || path.hasPrefix("postgresql://") }

    /// Opens the store: SQLite for a file, PostgreSQL for a `postgres://` URL. A command that only reads (or
    /// computes from what is there) passes `existing: true`, so that a mistyped path is an error instead of a new,
    /// empty database.
    func open(existing: Bool = false) async throws -> any Store {
        if existing, !isPostgres, !FileManager.default.fileExists(atPath: path) {
            throw CLIError(
                Message("StoreOptions.deDatabaseBestaatNiet", path.excerpt)
            )
        }
        do {
            return isPostgres ? try await PostgresStore.open(url: path) : try SQLiteStore(path: path)
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }
}
