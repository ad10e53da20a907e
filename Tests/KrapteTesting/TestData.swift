import Foundation
import KrapteCore

/// Paths and helpers shared by the test targets.
public enum TestData {
    /// The checkout's root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/data/real` beside the checkout (CI has it there).
    public static let real = root.deletingLastPathComponent().appendingPathComponent("shared/data/real")

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
