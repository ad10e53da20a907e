import Foundation

/// The chunks of a large release, written to a temporary file as sorted runs while a reader appends, so that a
/// release of any number of observations is held in memory one chunk at a time.
///
/// Invariant: the file holds `runs` one after another, each a whole number of `ObservationRecord`s sorted by series
/// number, then chronologically by period, then by source row. Runs are only added while a reader builds the
/// release; once `Release.finish(file:)` has read it the spill is never written again, so finished releases may share
/// it across threads. The file is removed when the last release that holds it goes.
final class ReleaseSpill: @unchecked Sendable {
    /// The temporary file.
    let url: URL
    /// The runs, as ranges of record numbers in the file, in the order they were written (the order of the source).
    private(set) var runs: [Range<Int>] = []
    private var writer: FileHandle?
    private var records = 0

    /// Makes an empty temporary file in the system's temporary folder (`TMPDIR`).
    /// - Throws: the error of creating or opening it.
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("krapte-release-\(UUID().uuidString).bin")
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        writer = try FileHandle(forWritingTo: url)
    }

    deinit {
        try? writer?.close()
        try? FileManager.default.removeItem(at: url)
    }

    /// Appends one sorted run.
    /// - Throws: the error of writing it (a full disk).
    func append(run bytes: [UInt8]) throws {
        guard let writer else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        try writer.write(contentsOf: bytes)
        let count = bytes.count / ObservationRecord.size
        runs.append(records..<(records + count))
        records += count
    }
}

/// One observation as a run holds it: 21 bytes, little-endian.
struct ObservationRecord: Sendable {
    static let size = 21
    var series: Int32
    var period: Int32
    var value: Double
    var flags: UInt8
    var row: Int32

    init(series: Int32, period: Int32, value: Double, flags: UInt8, row: Int32) {
        self.series = series
        self.period = period
        self.value = value
        self.flags = flags
        self.row = row
    }

    /// Writes the record at byte `offset` of `buffer`.
    func store(in buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        buffer.storeBytes(of: series.littleEndian, toByteOffset: offset, as: Int32.self)
        buffer.storeBytes(of: period.littleEndian, toByteOffset: offset + 4, as: Int32.self)
        buffer.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: offset + 8, as: UInt64.self)
        buffer[offset + 16] = flags
        buffer.storeBytes(of: row.littleEndian, toByteOffset: offset + 17, as: Int32.self)
    }

    /// Reads the record at byte `offset` of `buffer`.
    init(from buffer: UnsafeRawBufferPointer, at offset: Int) {
        series = Int32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self))
        period = Int32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 4, as: Int32.self))
        value = Double(bitPattern: UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
        flags = buffer[offset + 16]
        row = Int32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 17, as: Int32.self))
    }
}

/// Reads one run's records in order: from the spill file a block at a time, or from the last chunk in memory.
struct RunCursor {
    /// Records read from the file at once (about 21 KB).
    static let block = 1_024
    /// The record under the cursor; nil past the end.
    private(set) var current: ObservationRecord?
    private var buffered: [ObservationRecord] = []
    private var index = 0
    private var next: Int
    private let end: Int
    private let file: FileHandle?

    /// A cursor over `range` of the spill file open as `file`.
    init(file: FileHandle, range: Range<Int>) throws {
        self.file = file
        next = range.lowerBound
        end = range.upperBound
        try advance()
    }

    /// A cursor over records packed in memory.
    init(memory bytes: [UInt8]) {
        file = nil
        next = 0
        end = 0
        buffered = bytes.withUnsafeBytes { raw in
            (0..<(raw.count / ObservationRecord.size)).map { ObservationRecord(from: raw, at: $0 * ObservationRecord.size) }
        }
        current = buffered.first
        index = 1
    }

    /// Moves to the next record.
    /// - Throws: the error of reading the spill file, or `StoreError` when it is shorter than its runs.
    mutating func advance() throws {
        if index < buffered.count {
            current = buffered[index]
            index += 1
            return
        }
        guard let file, next < end else {
            current = nil
            return
        }
        let count = min(Self.block, end - next)
        try file.seek(toOffset: UInt64(next * ObservationRecord.size))
        let data = try file.read(upToCount: count * ObservationRecord.size) ?? Data()
        guard data.count == count * ObservationRecord.size else {
            throw StoreError(.corrupt, "a temporary file of the load is shorter than was written; load the file again")
        }
        buffered = data.withUnsafeBytes { raw in (0..<count).map { ObservationRecord(from: raw, at: $0 * ObservationRecord.size) } }
        next += count
        current = buffered.first
        index = 1
    }
}
