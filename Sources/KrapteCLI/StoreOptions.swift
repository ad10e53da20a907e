import ArgumentParser
import Foundation
import KrapteCore
import KrapteSQLite

/// The options every command that touches the store shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The database: a SQLite file (default krapte.sqlite, or $KRAPTE_DATABASE).")
    var db: String?

    /// The database path: `--db`, else `KRAPTE_DATABASE`, else `krapte.sqlite` in the working directory.
    var path: String { db ?? ProcessInfo.processInfo.environment["KRAPTE_DATABASE"] ?? "krapte.sqlite" }

    func validate() throws {
        if path.hasPrefix("postgres://") || path.hasPrefix("postgresql://") {
            throw ValidationError("PostgreSQL is not available in this version of krapte yet; use a SQLite file")
        }
    }

    /// Opens the store.
    func open() throws -> any Store { try SQLiteStore(path: path) }
}
