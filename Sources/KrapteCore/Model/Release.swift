import Foundation

/// One release of a dataset being assembled by a reader: the dataset's metadata and its observations grouped
/// into series, ready to be loaded into a store in one transaction.
///
/// Readers add members and measures as they meet them and append observations by index, so that a large file
/// is held as packed columns (21 bytes an observation: series, period, value, flags and source row), never as rows
/// of text. Every `chunkSize` observations the chunk is sorted by series and period and written to a temporary
/// file as a run (`ReleaseSpill`), so that memory holds one chunk whatever the size of the file; `finish(file:)`
/// merges the runs series by series, finding duplicates across chunks. Memory still grows with the number of
/// series (about 40 bytes each), not with the number of observations. A release is built by one reader: a copy
/// made while appending shares the runs written so far.
public struct Release: Sendable {
    /// The dataset's metadata. Readers add members through `memberIndex(_:dimension:)`.
    public private(set) var dataset: Dataset
    /// When the publisher released it, if known.
    public var publishedAt: Date?
    /// The format read (`cbs-odata-v4`, `cbs-odata-v3`, `statline-csv`, `cbs-csv`, `tidy-csv`, `demo`).
    public var format: String

    private var memberIndexes: [[String: Int]]
    private var measureIndexes: [String: Int]
    private var seriesKeys = SeriesKeyTable()
    private var lastKey: SeriesKey?
    private var lastSeries: Int32 = 0
    // One entry an observation, in the order appended.
    private var seriesOf: [Int32] = []
    private var periodOf: [Int32] = []
    private var valueOf: [Double] = []
    private var flagsOf: [UInt8] = []
    private var rowOf: [Int32] = []
    // The chunks written out so far, their observations, and the first trouble they met.
    private var spill: ReleaseSpill?
    private var spilledCount = 0
    private var spillError: (any Error)?

    /// The observations held in memory before a chunk is written out as a run.
    public var chunkSize = 1 << 18

    /// Starts a release of `dataset`; its dimensions may start without members.
    /// - Throws: `IngestError` when the dataset has more than seven dimensions besides time.
    public init(dataset: Dataset, format: String, publishedAt: Date? = nil) throws {
        guard dataset.dimensions.count <= SeriesKey.maximumDimensions else {
            throw StoreError(
                .invalid,
                "dataset \(dataset.id) has \(dataset.dimensions.count) dimensions besides time; Krapte holds at most \(SeriesKey.maximumDimensions)"
            )
        }
        self.dataset = dataset
        self.format = format
        self.publishedAt = publishedAt
        memberIndexes = dataset.dimensions.map { d in Dictionary(d.members.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a }) }
        measureIndexes = Dictionary(dataset.measures.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The index of a member of dimension `dimension`, adding it when new.
    public mutating func memberIndex(_ member: Member, dimension: Int) -> Int {
        if let i = memberIndexes[dimension][member.code] { return i }
        let i = dataset.dimensions[dimension].members.count
        dataset.dimensions[dimension].members.append(member)
        memberIndexes[dimension][member.code] = i
        return i
    }

    /// The index of a measure, adding it when new.
    public mutating func measureIndex(_ measure: Measure) -> Int {
        if let i = measureIndexes[measure.code] { return i }
        let i = dataset.measures.count
        dataset.measures.append(measure)
        measureIndexes[measure.code] = i
        return i
    }

    /// Replaces the metadata of a measure already in the release (its title, unit, decimals or kind).
    public mutating func updateMeasure(_ measure: Measure) {
        if let i = measureIndexes[measure.code] { dataset.measures[i] = measure }
    }

    /// Sets the dataset's title, summary and source.
    public mutating func describe(title: String? = nil, summary: String? = nil, source: Source? = nil) {
        if let title { dataset.title = title }
        if let summary { dataset.summary = summary }
        if let source { dataset.source = source }
    }

    /// Adds one observation. `row` is the source row (or record) number, used to name duplicates.
    public mutating func append(
        _ key: SeriesKey,
        period: Period,
        value: Double?,
        status: ObservationStatus = .definitief,
        attribute: ValueAttribute = .present,
        row: Int
    ) {
        let s = key == lastKey ? lastSeries : seriesKeys.number(of: key)
        lastKey = key
        lastSeries = s
        seriesOf.append(s)
        periodOf.append(period.storageKey)
        valueOf.append(value ?? .nan)
        flagsOf.append(status.rawValue | (attribute.rawValue << 4))
        rowOf.append(Int32(truncatingIfNeeded: row))
        if seriesOf.count >= chunkSize { spillChunk() }
    }

    /// How many observations have been added.
    public var observationCount: Int { spilledCount + seriesOf.count }

    /// Writes the chunk in memory out as a sorted run and empties it. An error is kept for `finish(file:)`, which
    /// a reader calls in the end, so that `append` stays free of `try`.
    private mutating func spillChunk() {
        do {
            let run = try packedChunk()
            let file = try spill ?? ReleaseSpill()
            try file.append(run: run)
            spill = file
        } catch {
            if spillError == nil { spillError = error }
        }
        spilledCount += seriesOf.count
        seriesOf.removeAll(keepingCapacity: true)
        periodOf.removeAll(keepingCapacity: true)
        valueOf.removeAll(keepingCapacity: true)
        flagsOf.removeAll(keepingCapacity: true)
        rowOf.removeAll(keepingCapacity: true)
    }

    /// The chunk in memory as records sorted by series number, then chronologically by period, then by source
    /// row (a counting sort by series keeps the source order, and a series out of period order is sorted stably).
    /// - Throws: `IngestError` naming the row of a value that is not finite.
    private func packedChunk() throws -> [UInt8] {
        if let i = valueOf.firstIndex(where: \.isInfinite) {
            throw IngestError(
                file: "-",
                row: Int(rowOf[i]),
                column: nil,
                code: .invalid,
                message: "the value \(valueOf[i]) is not a finite number",
                fix: "write a number that a table can hold, or leave the field empty when there is no value"
            )
        }
        let keys = seriesKeys.keys.count
        var start = [Int](repeating: 0, count: keys + 1)
        for s in seriesOf where Int(s) < keys { start[Int(s) + 1] += 1 }
        for s in 0..<keys { start[s + 1] += start[s] }
        var order = [Int](repeating: 0, count: seriesOf.count)
        var next = start
        for (i, s) in seriesOf.enumerated() where Int(s) < keys {
            order[next[Int(s)]] = i
            next[Int(s)] += 1
        }
        for s in 0..<keys where start[s + 1] - start[s] > 1 {
            let group = start[s]..<start[s + 1]
            if let sorted = Self.chronologicalOrder(group.count, period: { periodOf[order[group.lowerBound + $0]] }) {
                order.replaceSubrange(group, with: sorted.map { order[group.lowerBound + $0] })
            }
        }
        return [UInt8](unsafeUninitializedCapacity: order.count * ObservationRecord.size) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            for (k, i) in order.enumerated() {
                ObservationRecord(series: seriesOf[i], period: periodOf[i], value: valueOf[i], flags: flagsOf[i], row: rowOf[i])
                    .store(in: raw, at: k * ObservationRecord.size)
            }
            initialized = order.count * ObservationRecord.size
        }
    }

    /// A series of the finished release.
    public struct Series: Sendable {
        /// The measure's code.
        public var measure: String
        /// The member codes, one per dimension in the dataset's order.
        public var members: [String]
        /// The observations in period order.
        public var data: SeriesData

        /// Makes a series.
        public init(measure: String, members: [String], data: SeriesData) {
            self.measure = measure
            self.members = members
            self.data = data
        }
    }

    /// A release checked and sorted, ready for a store.
    public struct Finished: Sendable {
        /// The dataset's metadata.
        public var dataset: Dataset
        /// When the publisher released it.
        public var publishedAt: Date?
        /// The format read.
        public var format: String
        /// How many observations.
        public var observationCount: Int
        /// How many series.
        public var seriesCount: Int
        /// A fingerprint of the metadata and every observation; equal releases have equal fingerprints, whatever
        /// the order of their rows or series.
        public var fingerprint: String
        /// Where the series are: in memory, or in runs to merge again.
        let storage: Storage

        enum Storage: Sendable {
            /// Every series, in the order first met.
            case memory([Series])
            /// The runs of the spill and the last chunk, with the keys that name the series.
            case runs(ReleaseSpill, tail: [UInt8], keys: [SeriesKey])
        }

        /// The series one at a time, in the order first met: a release held in runs is merged again as it goes,
        /// so that a store writes it with bounded memory.
        /// - Throws: when the temporary file of the runs cannot be read.
        public func makeSeriesIterator() throws -> SeriesIterator {
            switch storage {
            case .memory(let series): SeriesIterator(series: series)
            case .runs(let spill, let tail, let keys): try SeriesIterator(dataset: dataset, keys: keys, file: dataset.id, spill: spill, tail: tail)
            }
        }

        /// Every series at once, in the order first met: for tests and small releases; a store reads a large one
        /// with `makeSeriesIterator()`.
        public func allSeries() throws -> [Series] {
            var iterator = try makeSeriesIterator()
            var series: [Series] = []
            while let s = try iterator.next() { series.append(s) }
            return series
        }
    }

    /// Merges the runs series by series, checks for duplicates and computes the fingerprint.
    ///
    /// - Parameter file: the name used in the error for a duplicate.
    /// - Throws: `IngestError` naming both rows when a series has two observations for one period (also when they
    ///   are in different chunks); `IngestError` naming the row of a value that is not finite; `IngestError` naming
    ///   the field when the dataset breaks a rule of `DatasetRules`; `IngestError` when the release holds no
    ///   observation or a chunk could not be written to the temporary folder.
    public func finish(file: String) throws -> Finished {
        try Self.check(dataset, file: file)
        if let spillError {
            if var error = spillError as? IngestError {
                error.file = file
                throw error
            }
            throw IngestError(
                file: file,
                row: nil,
                column: nil,
                code: .unreadable,
                message: "a part of the release could not be written to the temporary folder (\(spillError.localizedDescription))",
                fix: "free space in \(FileManager.default.temporaryDirectory.path), or point TMPDIR to a folder with room"
            )
        }
        let keys = seriesKeys.keys
        guard keys.allSatisfy({ key in key.measure < dataset.measures.count && Self.fits(key, dataset) }) else {
            throw StoreError(.invalid, "a series of \(dataset.id) names a measure or member the dataset does not have")
        }
        guard !keys.isEmpty else {
            throw IngestError(
                file: file,
                row: nil,
                column: nil,
                code: .empty,
                message: "the file holds no observations",
                fix: "check that it is the right file and that it is not empty"
            )
        }
        let tail: [UInt8]
        do {
            tail = try packedChunk()
        } catch var error as IngestError {
            error.file = file
            throw error
        }
        var iterator = try SeriesIterator(dataset: dataset, keys: keys, file: file, spill: spill, tail: tail)
        var fingerprint = ReleaseFingerprint(dataset)
        var held: [Series] = []
        var total = 0
        while let s = try iterator.next() {
            fingerprint.add(s)
            total += s.data.count
            if spill == nil { held.append(s) }
        }
        return Finished(
            dataset: dataset,
            publishedAt: publishedAt,
            format: format,
            observationCount: total,
            seriesCount: keys.count,
            fingerprint: fingerprint.hexDigest,
            storage: spill.map { .runs($0, tail: tail, keys: keys) } ?? .memory(held)
        )
    }

    /// A finished release of series computed elsewhere, already one per key and in period order (as the
    /// indicator engine makes them).
    /// - Throws: `StoreError` when a series is not in strict period order or names an unknown measure or member;
    ///   `IngestError` when the dataset breaks a rule of `DatasetRules`, a value is not finite or there are no
    ///   observations.
    public static func finished(dataset: Dataset, format: String, series: [Series]) throws -> Finished {
        try check(dataset, file: dataset.id)
        let measures = Set(dataset.measures.map(\.code))
        let members = dataset.dimensions.map { Set($0.members.map(\.code)) }
        var seen: Set<[String]> = []
        for s in series {
            guard measures.contains(s.measure), s.members.count == members.count,
                zip(s.members, members).allSatisfy({ $1.contains($0) }), seen.insert([s.measure] + s.members).inserted
            else {
                throw StoreError(
                    .invalid,
                    "series \(s.measure) \(s.members.joined(separator: ", ")) does not fit dataset \(dataset.id) or comes twice"
                )
            }
            guard zip(s.data.periods, s.data.periods.dropFirst()).allSatisfy({ before($0, $1) }) else {
                throw StoreError(.invalid, "series \(s.measure) \(s.members.joined(separator: ", ")) is not in period order")
            }
        }
        let total = series.reduce(0) { $0 + $1.data.count }
        guard total > 0 else {
            throw IngestError(file: dataset.id, row: nil, column: nil, code: .empty, message: "nothing was computed", fix: "check the inputs")
        }
        var fingerprint = ReleaseFingerprint(dataset)
        for s in series { fingerprint.add(s) }
        return Finished(
            dataset: dataset,
            publishedAt: nil,
            format: format,
            observationCount: total,
            seriesCount: series.count,
            fingerprint: fingerprint.hexDigest,
            storage: .memory(series)
        )
    }

    /// Throws the first rule of `DatasetRules` the dataset breaks, naming the field.
    static func check(_ dataset: Dataset, file: String) throws {
        if let v = dataset.violation() {
            throw IngestError(file: file, row: nil, column: v.field, code: .invalid, message: v.message, fix: v.fix)
        }
    }

    /// Whether every member index of `key` is a member of the dataset.
    private static func fits(_ key: SeriesKey, _ dataset: Dataset) -> Bool {
        dataset.dimensions.indices.allSatisfy { key.member($0) < dataset.dimensions[$0].members.count }
    }

    static func before(_ a: Int32, _ b: Int32) -> Bool {
        Period.chronologicalKey(storageKey: a) < Period.chronologicalKey(storageKey: b)
    }

    /// The positions `0..<count` in chronological order of `period(position)`, those of one period in their own
    /// order (a stable sort), or nil when they are in strict chronological order already; two observations of one
    /// period are never in strict order, so nil also means no period comes twice.
    static func chronologicalOrder(_ count: Int, period: (Int) -> Int32) -> [Int]? {
        guard count > 1, !(1..<count).allSatisfy({ before(period($0 - 1), period($0)) }) else { return nil }
        return (0..<count).sorted { a, b in
            let (pa, pb) = (period(a), period(b))
            return pa == pb ? a < b : before(pa, pb)
        }
    }
}
