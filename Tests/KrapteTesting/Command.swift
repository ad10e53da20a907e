import Foundation

/// Runs a program from the PATH, for tests that check against outside tools (Rscript, python3 with Chromium).
public enum Command {
    /// Runs `arguments` (the program first) and returns its exit status and its output and errors together.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// Runs `arguments` as `run` does, waiting on a thread of its own: a server under test in the same process
    /// runs on Swift's small pool of threads, and a test that blocked one of them while a tool talks to that server
    /// would starve it.
    public static func running(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try run(arguments) })
            }
        }
    }
}
