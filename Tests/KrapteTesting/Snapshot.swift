import Foundation

/// Golden files: `Snapshots/<name>` beside a test file. A rendering must equal its file byte for byte; with
/// `KRAPTE_RECORD_SNAPSHOTS=1` the files are written anew instead (then check the difference with `git diff`).
public struct Snapshot: Sendable {
    /// The folder of the golden files.
    public let folder: URL

    /// The golden files in `Snapshots/` beside the test file `testFile` (pass `#filePath`).
    public init(besides testFile: String) {
        folder = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    /// Nil when `rendered` equals the golden file `name` (or when recording), else what differs: the first line
    /// that is not the same.
    public func mismatch(_ rendered: String, named name: String) throws -> String? {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KRAPTE_RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try rendered.write(to: file, atomically: true, encoding: .utf8)
            return nil
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        guard rendered != golden else { return nil }
        let (a, b) = (rendered.components(separatedBy: "\n"), golden.components(separatedBy: "\n"))
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        return "\(name) differs from its golden file at line \(line + 1) (KRAPTE_RECORD_SNAPSHOTS=1 records it):\n"
            + "  got:    \(line < a.count ? a[line] : "(end)")\n  golden: \(line < b.count ? b[line] : "(end)")"
    }
}
