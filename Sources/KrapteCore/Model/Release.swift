import Foundation

/// One release of a dataset being assembled by a reader: the dataset's metadata and its observations grouped
/// into series, ready to be loaded into a store in one transaction.
///
/// Readers add members and measures as they meet them and append observations by index, so that a large file
/// is held as packed columns (21 bytes an observation: series, period, value, flags and source row), never as rows
/// of text. Every `chunkSize` observations the chunk is handed to a second thread, which sorts it by series and
/// period and writes it to a temporary file as a run (`ReleaseSpill`) while the reader goes on, so that memory
/// holds two chunks whatever the size of the file. The fingerprint is summed an observation at a time as they
/// are appended (`SeriesDigest`), so the runs are merged once, series by series, while a store writes them; that
/// merge finds duplicates across chunks and ends the store's transaction. Memory still grows with the number of
/// series (about 70 bytes each), not with the number of observations. A release is built by one reader: a copy
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
    // The last key appended for each measure, and its number: a reader appends a row's measures, or a series'
    // periods, one after another.
    private var lastKeys: [SeriesKey] = []
    private var lastNumbers: [Int32] = []
    // What each series adds to the fingerprint, by series number.
    private var digests: [SeriesDigest] = []
    private var chunk = ReleaseChunk()
    // The chunks handed over to be written so far, their observations, and the trouble of making the spill.
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
                Message("Release.datasetDimensionsBesidesTime", dataset.id, dataset.dimensions.count, SeriesKey.maximumDimensions)
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

    /// Gives measures new codes (by their current code), keeping their series: see `MeasureIdentity`.
    public mutating func renameMeasures(_ renames: [String: String]) {
        for i in dataset.measures.indices {
            guard let code = renames[dataset.measures[i].code] else { continue }
            measureIndexes[dataset.measures[i].code] = nil
            dataset.measures[i].code = code
            measureIndexes[code] = i
        }
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
        let s = number(of: key)
        let storageKey = period.storageKey
        let v = value ?? .nan
        let flags = status.rawValue | (attribute.rawValue << 4)
        if Int(s) == digests.count { digests.append(SeriesDigest()) }
        digests[Int(s)].add(period: storageKey, value: v, flags: flags)
        chunk.append(series: s, period: storageKey, value: v, flags: flags, row: Int32(truncatingIfNeeded: row))
        if chunk.count >= chunkSize { spillChunk() }
    }

    /// The number of `key`, tried first against the last key of its measure.
    private mutating func number(of key: SeriesKey) -> Int32 {
        let m = key.measure
        if m < lastKeys.count, lastKeys[m] == key { return lastNumbers[m] }
        let s = seriesKeys.number(of: key)
        // Measures are few; a reader that numbers them otherwise only misses the shortcut.
        if m >= 0, m < 1_024 {
            while lastKeys.count <= m {
                lastKeys.append(SeriesKey(measure: -1, members: []))  // no key's measure is -1
                lastNumbers.append(0)
            }
            lastKeys[m] = key
            lastNumbers[m] = s
        }
        return s
    }

    /// How many observations have been added.
    public var observationCount: Int { spilledCount + chunk.count }

    /// Hands the chunk in memory over to be sorted and written as a run, and starts a new one. An error is kept
    /// for `finish(file:)`, which a reader calls in the end, so that `append` stays free of `try`.
    private mutating func spillChunk() {
        do {
            let file = try spill ?? ReleaseSpill()
            file.write(chunk, seriesCount: seriesKeys.keys.count)
            spill = file
        } catch {
            if spillError == nil { spillError = error }
        }
        spilledCount += chunk.count
        chunk = ReleaseChunk(capacity: chunkSize)
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
        /// Where the series are: in memory, or in runs to merge.
        let storage: Storage

        enum Storage: Sendable {
            /// Every series, in the order first met.
            case memory([Series])
            /// The runs of the spill and the last chunk, with the keys that name the series and the file that
            /// errors name.
            case runs(ReleaseSpill, tail: [UInt8], keys: [SeriesKey], file: String)
        }

        /// The series one at a time, in the order first met: a release held in runs is merged as it goes, so that a
        /// store writes it with bounded memory, and the merge finds the duplicates.
        /// - Throws: when the temporary file of the runs cannot be read.
        public func makeSeriesIterator() throws -> SeriesIterator {
            switch storage {
            case .memory(let series): SeriesIterator(series: series)
            case .runs(let spill, let tail, let keys, let file):
                try SeriesIterator(dataset: dataset, keys: keys, file: file, spill: spill, tail: tail)
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

    /// Checks the release and computes its fingerprint. A release that fits in one chunk is grouped into series
    /// here, which finds its duplicates; a larger one waits for its last run to be written and is merged while a
    /// store writes it (`makeSeriesIterator()`), and that merge finds them.
    ///
    /// - Parameter file: the name used in errors.
    /// - Throws: `IngestError` naming both rows when a series has two observations for one period (for a release
    ///   in runs: from its series iterator, ending the store's transaction); `IngestError` naming the row of a
    ///   value that is not finite; `IngestError` naming the field when the dataset breaks a rule of
    ///   `DatasetRules`; `IngestError` when the release holds no observation or a chunk could not be written to
    ///   the temporary folder.
    public func finish(file: String) throws -> Finished {
        try Self.check(dataset, file: file)
        do {
            if let spillError { throw spillError }
            try spill?.drain()
        } catch {
            throw Self.spillFailure(error, file: file)
        }
        let keys = seriesKeys.keys
        var fingerprint = ReleaseFingerprint(dataset)
        for (key, digest) in zip(keys, digests) {
            guard let (measure, members) = Self.names(of: key, in: dataset) else {
                throw StoreError(.invalid, Message("Release.seriesNamesMeasureMember", dataset.id))
            }
            fingerprint.add(measure: measure, members: members, digest: digest)
        }
        guard !keys.isEmpty else {
            throw IngestError(
                file: file,
                row: nil,
                column: nil,
                code: .empty,
                message: Message("Release.fileHoldsObservations"),
                fix: Message("Release.fileHoldsObservations.fix")
            )
        }
        let tail: [UInt8]
        do {
            tail = try chunk.packed(seriesCount: keys.count)
        } catch {
            throw Self.spillFailure(error, file: file)
        }
        let storage: Finished.Storage
        if let spill {
            storage = .runs(spill, tail: tail, keys: keys, file: file)
        } else {
            var iterator = try SeriesIterator(dataset: dataset, keys: keys, file: file, spill: nil, tail: tail)
            var held: [Series] = []
            while let s = try iterator.next() { held.append(s) }
            storage = .memory(held)
        }
        return Finished(
            dataset: dataset,
            publishedAt: publishedAt,
            format: format,
            observationCount: observationCount,
            seriesCount: keys.count,
            fingerprint: fingerprint.hexDigest,
            storage: storage
        )
    }

    /// The error of sorting or writing a chunk, naming `file`: the `IngestError` of a value that is not finite, or
    /// one that says the temporary folder could not take the run.
    private static func spillFailure(_ error: any Error, file: String) -> IngestError {
        if var error = error as? IngestError {
            error.file = file
            return error
        }
        return IngestError(
            file: file,
            row: nil,
            column: nil,
            code: .unreadable,
            message: Message("Release.partReleaseCouldWritten", error.localizedDescription),
            fix: Message("Release.partReleaseCouldWritten.fix", FileManager.default.temporaryDirectory.path)
        )
    }

    /// The measure and member codes of `key`, or nil when `dataset` has no such measure or member.
    static func names(of key: SeriesKey, in dataset: Dataset) -> (measure: String, members: [String])? {
        guard dataset.measures.indices.contains(key.measure) else { return nil }
        var members: [String] = []
        members.reserveCapacity(dataset.dimensions.count)
        for (d, dimension) in dataset.dimensions.enumerated() {
            guard dimension.members.indices.contains(key.member(d)) else { return nil }
            members.append(dimension.members[key.member(d)].code)
        }
        return (dataset.measures[key.measure].code, members)
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
                    Message("Release.seriesDoesFitDataset", s.measure, s.members.joined(separator: ", "), dataset.id)
                )
            }
            guard zip(s.data.periods, s.data.periods.dropFirst()).allSatisfy({ before($0, $1) }) else {
                throw StoreError(.invalid, Message("Release.seriesPeriodOrder", s.measure, s.members.joined(separator: ", ")))
            }
        }
        let total = series.reduce(0) { $0 + $1.data.count }
        guard total > 0 else {
            throw IngestError(
                file: dataset.id,
                row: nil,
                column: nil,
                code: .empty,
                message: Message("Release.nothingWasComputed"),
                fix: Message("Release.nothingWasComputed.fix")
            )
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
