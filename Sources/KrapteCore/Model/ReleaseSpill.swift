import Foundation

/// The chunks of a large release, sorted and written to a temporary file as runs on a thread of their own while the
/// reader goes on appending, so that a release of any number of observations is held in memory one or two chunks
/// at a time.
///
/// Invariant: the file holds `runs` one after another, each a whole number of `ObservationRecord`s sorted by series
/// number, then chronologically by period, then by source row. Runs are written in the order they were handed over,
/// one at a time on a serial queue, and only while a reader builds the release; `drain()` waits for the last, after
/// which `runs` and the file are only read, so finished releases may share the spill across threads. The file is
/// removed when the last release that holds it goes.
final class ReleaseSpill: @unchecked Sendable {
    /// The temporary file.
    let url: URL
    /// The runs, as ranges of record numbers in the file, in the order they were written (the order of the source).
    /// Read it after `drain()`.
    private(set) var runs: [Range<Int>] = []
    private var writer: FileHandle?
    private var records = 0
    private var failure: (any Error)?
    private let queue = DispatchQueue(label: "krapte.release-spill")
    /// One chunk at a time is being written: a reader faster than the disk waits for the one before.
    private let writing = DispatchSemaphore(value: 1)

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

    /// Sorts `chunk` and writes it as the next run, on the spill's own thread; returns once the run before it is
    /// written. `seriesCount` is the number of series of the release so far. The first error is kept for `drain()`.
    func write(_ chunk: ReleaseChunk, seriesCount: Int) {
        writing.wait()
        queue.async { [self] in
            defer { writing.signal() }
            guard failure == nil else { return }
            do {
                try append(run: try chunk.packed(seriesCount: seriesCount))
            } catch {
                failure = error
            }
        }
    }

    /// Waits until every run handed over is written.
    /// - Throws: the first error met sorting or writing them: `IngestError` for a value that is not finite, or the
    ///   error of writing (a full disk).
    func drain() throws {
        try queue.sync {
            if let failure { throw failure }
        }
    }

    private func append(run bytes: [UInt8]) throws {
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
    /// The records read and not yet passed, packed; `offset` is the byte of the next one.
    private var buffered: [UInt8]
    private var offset = 0
    private var next: Int
    private let end: Int
    private let file: FileHandle?

    /// A cursor over `range` of the spill file open as `file`.
    init(file: FileHandle, range: Range<Int>) throws {
        self.file = file
        next = range.lowerBound
        end = range.upperBound
        buffered = [UInt8](repeating: 0, count: Self.block * ObservationRecord.size)
        offset = buffered.count
        try advance()
    }

    /// A cursor over records packed in memory.
    init(memory bytes: [UInt8]) {
        file = nil
        next = 0
        end = 0
        buffered = bytes
        advanceInMemory()
    }

    /// Moves to the next record.
    /// - Throws: the error of reading the spill file, or `StoreError` when it is shorter than its runs.
    mutating func advance() throws {
        if offset + ObservationRecord.size > buffered.count, let file, next < end {
            let count = min(Self.block, end - next)
            let wanted = count * ObservationRecord.size
            let position = off_t(next * ObservationRecord.size)
            let descriptor = file.fileDescriptor
            let read = buffered.withUnsafeMutableBytes { raw in pread(descriptor, raw.baseAddress, wanted, position) }
            guard read == wanted else {
                throw StoreError(.corrupt, Message("ReleaseSpill.temporaryFileLoadCould"))
            }
            if wanted < buffered.count { buffered.removeLast(buffered.count - wanted) }
            offset = 0
            next += count
        }
        advanceInMemory()
    }

    /// Takes the next record from the buffer, or nil when it is used up.
    private mutating func advanceInMemory() {
        guard offset + ObservationRecord.size <= buffered.count else {
            current = nil
            return
        }
        current = buffered.withUnsafeBytes { ObservationRecord(from: $0, at: offset) }
        offset += ObservationRecord.size
    }
}
