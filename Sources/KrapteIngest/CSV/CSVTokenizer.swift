import Foundation
import KrapteCore

/// A streaming, byte-level CSV reader: it reads a file in blocks and hands each record to a closure as byte
/// ranges, without making a `String` for fields the caller does not ask for.
///
/// It follows RFC 4180 with a configurable separator: fields may be quoted with `"`, a quote inside a quoted field
/// is written twice, records end with LF or CRLF, and a UTF-8 byte-order mark at the start is skipped.
/// Memory stays at one block plus the longest record, whatever the size of the file.
public struct CSVTokenizer: Sendable {
    /// The field separator byte (`;` or `,`).
    public var separator: UInt8
    /// How many bytes to read at once.
    public var blockSize: Int

    /// Makes a tokenizer.
    public init(separator: UInt8 = UInt8(ascii: ";"), blockSize: Int = 1 << 20) {
        self.separator = separator
        self.blockSize = blockSize
    }

    /// One record: its fields as byte ranges into a buffer that is valid only during the call.
    public struct Record {
        /// The 1-based line number where the record starts.
        public let line: Int
        fileprivate let base: UnsafePointer<UInt8>
        fileprivate let starts: UnsafeMutablePointer<Int>
        fileprivate let ends: UnsafeMutablePointer<Int>
        fileprivate let escaped: UnsafeMutablePointer<Bool>
        /// How many fields the record has.
        public let count: Int

        /// The raw bytes of field `i`, without its quotes. A doubled quote inside is still doubled; use `bytes(_:)`.
        public func rawBytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: base + starts[i], count: ends[i] - starts[i])
        }

        /// The bytes of field `i` with doubled quotes made single.
        public func bytes(_ i: Int) -> [UInt8] {
            let raw = rawBytes(i)
            guard escaped[i] else { return Array(raw) }
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            var skip = false
            for b in raw {
                if skip {
                    skip = false
                    continue
                }
                out.append(b)
                if b == UInt8(ascii: "\"") { skip = true }
            }
            return out
        }

        /// Field `i` as text, or nil when its bytes are not valid UTF-8.
        public func string(_ i: Int) -> String? {
            if escaped[i] { return String(validating: bytes(i), as: UTF8.self) }
            return String(validating: rawBytes(i), as: UTF8.self)
        }

        /// Checks that field `i` of a header can be a column name: at most 1,000 bytes, so that a file that is no
        /// CSV at all (one line of 150 MB) is refused before its first field is made text.
        /// - Throws: `IngestError` naming the file, the line and the column's position.
        public func checkColumnName(_ i: Int, file: String) throws {
            let length = ends[i] - starts[i]
            guard length > DatasetRules.maximumLabelLength else { return }
            throw IngestError(
                file: file,
                row: line,
                column: "\(i + 1)",
                code: .malformed,
                message: Message("CSVTokenizer.columnHeaderBytesLong", i + 1, length),
                fix: Message("CSVTokenizer.columnHeaderBytesLong.fix")
            )
        }

        /// Whether field `i` is empty or only spaces.
        public func isBlank(_ i: Int) -> Bool { rawBytes(i).allSatisfy { $0 == 32 || $0 == 9 } }
    }

    /// Reads `url` and calls `body` for every record, in order.
    ///
    /// - Throws: `IngestError` when the path is not a readable file (a folder, a pipe, a device), the file cannot be
    ///   read or a quoted field is not closed; whatever `body` throws.
    public func forEachRecord(in url: URL, _ body: (Record) throws -> Void) throws {
        try InputFile.check(url)
        let unreadable = IngestError(
            file: url.path,
            row: nil,
            column: nil,
            code: .unreadable,
            message: Message("CSVTokenizer.fileCannotRead"),
            fix: Message("CSVTokenizer.fileCannotRead.fix")
        )
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw unreadable }
        defer { try? handle.close() }
        try forEachRecord(
            file: url.path,
            read: { count in
                do {
                    return try handle.read(upToCount: count) ?? Data()
                } catch {
                    throw unreadable
                }
            },
            body
        )
    }

    /// Calls `body` for every record of an in-memory text.
    public func forEachRecord(in data: Data, file: String, _ body: (Record) throws -> Void) throws {
        var sent = false
        try forEachRecord(
            file: file,
            read: { _ in
                if sent { return Data() }
                sent = true
                return data
            },
            body
        )
    }

    /// Calls `body` for every record of bytes in memory, the first on line `firstLine` (a byte-order mark is not
    /// skipped): for a part of a file, read without copying it.
    public func forEachRecord(in bytes: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int = 1, _ body: (Record) throws -> Void) throws {
        let fields = Fields()
        defer { fields.deallocate() }
        var consumed = 0
        var line = firstLine
        try scan(bytes, from: &consumed, line: &line, eof: true, fields: fields, file: file, body)
    }

    /// Reads blocks with `read` (given how many bytes to read at most) and scans them.
    ///
    /// A record longer than the bytes read so far is not scanned again for every block: the next read is as long as
    /// the part still pending, so the pending part at least doubles before it is scanned again, and a record of
    /// *n* bytes costs O(*n*) however long it is.
    private func forEachRecord(file: String, read: (Int) throws -> Data, _ body: (Record) throws -> Void) throws {
        var buffer: [UInt8] = []
        let fields = Fields()
        defer { fields.deallocate() }
        var line = 1
        var first = true
        var eof = false
        var consumed = 0
        while !eof {
            let block = try read(max(blockSize, buffer.count - consumed))
            if block.isEmpty {
                eof = true
            } else {
                if consumed > 0 {
                    buffer.removeSubrange(0..<consumed)
                    consumed = 0
                }
                buffer.append(contentsOf: block)
                if first, buffer.count >= 3 {
                    if buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { consumed = 3 }
                    first = false
                }
                if first { continue }
            }
            try buffer.withUnsafeBufferPointer { buf in
                try scan(buf, from: &consumed, line: &line, eof: eof, fields: fields, file: file, body)
            }
            if eof, consumed < buffer.count {
                // Only a trailing partial record that could not be completed is left: an unclosed quote was thrown above.
                break
            }
        }
    }

    /// The fields of a record as the scanner finds them: per field its start, end and whether it has a doubled quote.
    private struct Fields {
        let capacity = 1 << 16
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: 1 << 16)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: 1 << 16)
        let escaped = UnsafeMutablePointer<Bool>.allocate(capacity: 1 << 16)

        func deallocate() {
            starts.deallocate()
            ends.deallocate()
            escaped.deallocate()
        }
    }

    /// Calls `body` for every complete record of `buf` from `consumed` on, moving `consumed` and `line` past each;
    /// before the end of the input (`eof` false) a record cut off by the end of `buf` is left for the next block.
    private func scan(
        _ buf: UnsafeBufferPointer<UInt8>,
        from consumed: inout Int,
        line: inout Int,
        eof: Bool,
        fields: Fields,
        file: String,
        _ body: (Record) throws -> Void
    ) throws {
        let (capacity, starts, ends, escaped) = (fields.capacity, fields.starts, fields.ends, fields.escaped)
        let sep = separator
        guard let base = buf.baseAddress else { return }
        let n = buf.count
        var pos = consumed
        recordLoop: while pos < n {
            var count = 0
            var p = pos
            var recordLines = 0
            while true {
                if count == capacity {
                    throw IngestError(
                        file: file,
                        row: line,
                        column: nil,
                        code: .malformed,
                        message: Message("CSVTokenizer.recordMoreThanFields", capacity),
                        fix: Message("CSVTokenizer.recordMoreThanFields.fix")
                    )
                }
                if p < n, base[p] == UInt8(ascii: "\"") {
                    // Quoted field.
                    p += 1
                    let start = p
                    var hasEscape = false
                    while true {
                        if p >= n {
                            if eof {
                                throw IngestError(
                                    file: file,
                                    row: line,
                                    column: nil,
                                    code: .malformed,
                                    message: Message("CSVTokenizer.quotedFieldClosedBefore"),
                                    fix: Message("CSVTokenizer.quotedFieldClosedBefore.fix")
                                )
                            }
                            break recordLoop
                        }
                        let c = base[p]
                        if c == UInt8(ascii: "\"") {
                            if p + 1 < n, base[p + 1] == UInt8(ascii: "\"") {
                                hasEscape = true
                                p += 2
                                continue
                            }
                            if p + 1 >= n, !eof { break recordLoop }
                            break
                        }
                        if c == 10 { recordLines += 1 }
                        p += 1
                    }
                    starts[count] = start
                    ends[count] = p
                    escaped[count] = hasEscape
                    count += 1
                    p += 1
                    // After the closing quote: separator, end of line or end of file.
                    while p < n, base[p] == 32 { p += 1 }
                    if p >= n {
                        if !eof { break recordLoop }
                        break
                    }
                    if base[p] == sep {
                        p += 1
                        continue
                    }
                    if base[p] == 13 || base[p] == 10 { break }
                    throw IngestError(
                        file: file,
                        row: line,
                        column: nil,
                        code: .malformed,
                        message: Message("CSVTokenizer.textFollowsClosingQuote", count),
                        fix: Message("CSVTokenizer.textFollowsClosingQuote.fix")
                    )
                } else {
                    let start = p
                    while p < n {
                        let c = base[p]
                        if c == sep || c == 10 || c == 13 { break }
                        p += 1
                    }
                    if p >= n, !eof { break recordLoop }
                    starts[count] = start
                    ends[count] = p
                    escaped[count] = false
                    count += 1
                    if p < n, base[p] == sep {
                        p += 1
                        if p >= n, eof {
                            starts[count] = p
                            ends[count] = p
                            escaped[count] = false
                            count += 1
                            break
                        }
                        continue
                    }
                    break
                }
            }
            // End of record.
            if p < n, base[p] == 13 { p += 1 }
            if p < n, base[p] == 10 {
                p += 1
            } else if p >= n, !eof, base[p - 1] == 13 {
                // A CR at the end of the block: the LF may follow in the next one.
                break recordLoop
            }
            let isEmptyLine = count == 1 && starts[0] == ends[0]
            if !isEmptyLine {
                try body(Record(line: line, base: base, starts: starts, ends: ends, escaped: escaped, count: count))
            }
            line += 1 + recordLines
            pos = p
            consumed = p
        }
    }
}
