import Foundation

/// The PostgreSQL server for tests: `KRAPTE_TEST_POSTGRES`, which `scripts/with-postgres.sh` sets (CI always does).
public enum TestPostgres {
    /// The server's URL, if one is given.
    public static var url: String? { ProcessInfo.processInfo.environment["KRAPTE_TEST_POSTGRES"] }

    /// A failure of `psql`.
    public struct Failure: Error, CustomStringConvertible {
        /// What psql said.
        public var description: String
    }

    /// Creates a database with a fresh name on the test server and returns its URL.
    public static func newDatabase() throws -> String {
        guard let server = url, var parts = URLComponents(string: server) else {
            throw Failure(description: "KRAPTE_TEST_POSTGRES is not set")
        }
        let name = "krapte_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())"
        try psql(server, "CREATE DATABASE \(name)")
        parts.path = "/\(name)"
        return parts.string ?? server
    }

    /// Runs SQL with `psql` and returns what it prints, unaligned.
    /// - Throws: `Failure` with psql's message when it fails.
    @discardableResult
    public static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-v", "ON_ERROR_STOP=1", "-tAc", sql]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "psql \(sql): \(String(decoding: message, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
