import ArgumentParser
import Foundation
import KrapteCore
import KraptePostgres
import KrapteSQLite

/// The options every command that touches the store shares.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The database: a SQLite file (default krapte.sqlite) or postgres://user@host[:port]/database; or $KRAPTE_DATABASE."
    )
    var db: String?

    /// The database: `--db`, else `KRAPTE_DATABASE`, else `krapte.sqlite` in the working directory.
    var path: String { db ?? ProcessInfo.processInfo.environment["KRAPTE_DATABASE"] ?? "krapte.sqlite" }

    /// Whether the database is a PostgreSQL server.
    var isPostgres: Bool { path.hasPrefix("postgres://") || path.hasPrefix("postgresql://") }

    /// Opens the store: SQLite for a file, PostgreSQL for a `postgres://` URL.
    func open() async throws -> any Store {
        do {
            return isPostgres ? try await PostgresStore.open(url: path) : try SQLiteStore(path: path)
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }
}
