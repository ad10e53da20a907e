import Foundation
import KrapteCore
import KrapteIngest

/// Paths and helpers shared by the test targets.
public enum TestData {
    /// The checkout's root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The real CBS tables: `$KRAPTE_SHARED_DATA` when set, else `../shared/data/real` beside the checkout (CI has
    /// it there), else beside the checkout this one was cloned from (a clone made elsewhere with `git clone`).
    public static let real: URL = {
        if let path = ProcessInfo.processInfo.environment["KRAPTE_SHARED_DATA"] { return URL(fileURLWithPath: path) }
        let beside = root.deletingLastPathComponent().appendingPathComponent("shared/data/real")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        if let origin = originCheckout() {
            let besideOrigin = origin.deletingLastPathComponent().appendingPathComponent("shared/data/real")
            if FileManager.default.fileExists(atPath: besideOrigin.path) { return besideOrigin }
        }
        return beside
    }()

    /// The checkout this one was cloned from, when its `origin` is a folder on this machine.
    private static func originCheckout() -> URL? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path, "remote", "get-url", "origin"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        guard (try? process.run()) != nil else { return nil }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let origin = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, origin.hasPrefix("/") || origin.hasPrefix("file://") else { return nil }
        return URL(fileURLWithPath: origin.hasPrefix("file://") ? String(origin.dropFirst(7)) : origin).standardizedFileURL
    }

    /// The fields of a plain `,` CSV line, quotes taken off and a doubled quote inside a quoted field made single.
    public static func csvFields(_ line: some StringProtocol) -> [String] {
        var out: [String] = []
        var field = ""
        var quoted = false
        var previous: Character = " "
        for c in line {
            if c == "\"" {
                if quoted, previous == "\"" { field.append(c) }
                quoted.toggle()
            } else if c == ",", !quoted {
                out.append(field)
                field = ""
            } else {
                field.append(c)
            }
            previous = c
        }
        return out + [field]
    }

    /// The CBS CSV dumps under `../shared/data/real`, as paths below it (`cbs-vacatures/80472ned.csv`).
    public static let realCBSTables: [String] = {
        let fm = FileManager.default
        let folders = (try? fm.contentsOfDirectory(atPath: real.path)) ?? []
        return folders.filter { $0.hasPrefix("cbs-") }.sorted().flatMap { folder in
            ((try? fm.contentsOfDirectory(atPath: real.appendingPathComponent(folder).path)) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
                .map { "\(folder)/\($0)" }
        }
    }()

    /// The queue heavy test work runs on, one piece at a time.
    private static let heavy = DispatchQueue(label: "krapte.tests.heavy")

    /// Runs `work` on a queue of its own, off Swift's cooperative pool and one piece of such work at a time: a test
    /// that parses large files then leaves the pool's threads, and one of the two cores, to the tests that time a
    /// live server.
    public static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            heavy.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// A CBS CSV dump under `../shared/data/real` read and finished off the cooperative pool.
    public static func readRealTable(_ path: String, options: IngestOptions = IngestOptions()) async throws -> Release.Finished {
        let url = real(path)
        return try await offPool { try CBSCSVReader(options: options).read(url).finish(file: url.path) }
    }

    /// A file under `../shared/data/real`.
    public static func real(_ path: String) -> URL { real.appendingPathComponent(path) }

    /// A fresh temporary folder.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("krapte-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` (or raw bytes) to a temporary file named `name` and returns its URL.
    public static func file(_ name: String, _ text: String) throws -> URL {
        try file(name, bytes: Array(text.utf8))
    }

    /// Writes bytes to a temporary file.
    public static func file(_ name: String, bytes: [UInt8]) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }
}
