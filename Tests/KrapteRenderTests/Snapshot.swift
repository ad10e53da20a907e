import Foundation
import Testing

/// Golden files: `Snapshots/<name>` beside the tests. A rendering must equal its file byte for byte; with
/// `KRAPTE_RECORD_SNAPSHOTS=1` the files are written anew instead (then check the difference with `git diff`).
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func check(_ rendered: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KRAPTE_RECORD_SNAPSHOTS"] != nil {
            try rendered.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(rendered == golden, "\(name) differs from its golden file; KRAPTE_RECORD_SNAPSHOTS=1 records it", sourceLocation: sourceLocation)
    }
}
