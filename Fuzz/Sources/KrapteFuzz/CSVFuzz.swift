import Foundation
import KrapteIngest

/// The CSV tokenizer, read three ways that must agree: the text in memory, the file in blocks of 1 to 64 bytes
/// (records across block boundaries), and the file in blocks of a megabyte.
enum CSVFuzz {
    /// One reading: the records' line numbers and fields, and the error that ended it.
    struct Reading: Equatable {
        var records: [[[UInt8]]] = []
        var lines: [Int] = []
        var error: String?
    }

    static func run(_ data: Data) {
        guard let first = data.first else { return }
        let separator = [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")][Int(first) % 3]
        let text = data.dropFirst()
        let small = CSVTokenizer(separator: separator, blockSize: 1 + Int(first >> 2))
        let large = CSVTokenizer(separator: separator)
        let memory = read { try large.forEachRecord(in: Data(text), file: "fuzz.csv", $0) }
        guard let dir = try? FuzzFiles(Data(text), single: "fuzz.csv").write() else { return }
        let url = dir.appendingPathComponent("fuzz.csv")
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let blocks = read { try small.forEachRecord(in: url, $0) }
        let whole = read { try large.forEachRecord(in: url, $0) }
        // The file form names the path in errors; compare records and whether an error came, not its text.
        for other in [blocks, whole]
        where other.records != memory.records || other.lines != memory.lines || (other.error == nil) != (memory.error == nil) {
            fatalError("the tokenizer read \(text.count) bytes two ways differently")
        }
    }

    private static func read(_ body: ((CSVTokenizer.Record) throws -> Void) throws -> Void) -> Reading {
        var reading = Reading()
        do {
            try body { record in
                reading.lines.append(record.line)
                reading.records.append(
                    (0..<record.count).map { i in
                        _ = record.string(i)
                        _ = record.isBlank(i)
                        return record.bytes(i)
                    }
                )
                _ = try? record.checkColumnName(0, file: "fuzz.csv")
            }
        } catch {
            reading.error = "\(error)"
        }
        return reading
    }
}
