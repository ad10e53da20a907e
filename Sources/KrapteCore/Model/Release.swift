import Foundation

/// One release of a dataset being assembled by a reader: the dataset's metadata and its observations grouped
/// into series, ready to be loaded into a store in one transaction.
///
/// Readers add members and measures as they meet them and append observations by index, so that a large file
/// is held as packed columns (21 bytes an observation: series, period, value, flags and source row), never as rows
/// of text; `finish(file:)` groups them into series.
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
    }

    /// How many observations have been added.
    public var observationCount: Int { seriesOf.count }

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
        /// The series, in the order they were first met.
        public var series: [Series]
        /// How many observations.
        public var observationCount: Int
        /// A fingerprint of the metadata and every observation; equal releases have equal fingerprints.
        public var fingerprint: String
    }

    /// Sorts every series by period, checks for duplicates and computes the fingerprint.
    ///
    /// - Parameter file: the name used in the error for a duplicate.
    /// - Throws: `IngestError` naming both rows when a series has two observations for one period;
    ///   `IngestError` naming the row of a value that is not finite; `IngestError` naming the field when the
    ///   dataset breaks a rule of `DatasetRules`; `IngestError` when the release holds no observation.
    public func finish(file: String) throws -> Finished {
        try Self.check(dataset, file: file)
        if let i = valueOf.firstIndex(where: \.isInfinite) {
            throw IngestError(
                file: file,
                row: Int(rowOf[i]),
                column: nil,
                code: .invalid,
                message: "the value \(valueOf[i]) is not a finite number",
                fix: "write a number that a table can hold, or leave the field empty when there is no value"
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
        // Group the observations by series with a counting sort, keeping their order within a series.
        var start = [Int](repeating: 0, count: keys.count + 1)
        for s in seriesOf { start[Int(s) + 1] += 1 }
        for s in 0..<keys.count { start[s + 1] += start[s] }
        var next = start
        var grouped = [Int](repeating: 0, count: seriesOf.count)
        for (i, s) in seriesOf.enumerated() {
            grouped[next[Int(s)]] = i
            next[Int(s)] += 1
        }
        var series: [Series] = []
        series.reserveCapacity(keys.count)
        var total = 0
        for (s, key) in keys.enumerated() {
            let members = grouped[start[s]..<start[s + 1]]
            var data = SeriesData()
            data.periods = members.map { periodOf[$0] }
            data.values = members.map { valueOf[$0] }
            data.flags = members.map { flagsOf[$0] }
            let chronological = zip(data.periods, data.periods.dropFirst()).allSatisfy { Self.before($0, $1) }
            if !chronological {
                var rows = members.map { rowOf[$0] }
                let perm = data.periods.indices.sorted { a, b in
                    let (pa, pb) = (data.periods[a], data.periods[b])
                    return pa == pb ? a < b : Self.before(pa, pb)
                }
                data.periods = perm.map { data.periods[$0] }
                data.values = perm.map { data.values[$0] }
                data.flags = perm.map { data.flags[$0] }
                rows = perm.map { rows[$0] }
                for i in 1..<data.periods.count where data.periods[i] == data.periods[i - 1] {
                    let period = Period(storageKey: data.periods[i])?.code ?? "?"
                    let names = (0..<dataset.dimensions.count).map { dataset.dimensions[$0].members[key.member($0)].code }
                    throw IngestError(
                        file: file,
                        row: Int(rows[i]),
                        column: nil,
                        code: .duplicate,
                        message:
                            "a second value for \(dataset.measures[key.measure].code) \(names.joined(separator: ", ")) in \(period); the first is on row \(rows[i - 1])",
                        fix: "remove one of the two rows"
                    )
                }
            }
            total += data.count
            series.append(
                Series(
                    measure: dataset.measures[key.measure].code,
                    members: (0..<dataset.dimensions.count).map { dataset.dimensions[$0].members[key.member($0)].code },
                    data: data
                )
            )
        }
        return Finished(
            dataset: dataset,
            publishedAt: publishedAt,
            format: format,
            series: series,
            observationCount: total,
            fingerprint: Self.fingerprint(dataset, series)
        )
    }

    /// The fingerprint of a release: its structure, its derivation and every series, in an order that does not
    /// depend on the order of the source.
    static func fingerprint(_ dataset: Dataset, _ series: [Series]) -> String {
        var hasher = Fingerprinter()
        hasher.add(dataset.id)
        for d in dataset.dimensions { hasher.add(d.code) }
        for m in dataset.measures { hasher.add("\(m.code)|\(m.unit)|\(m.decimals)|\(m.kind.rawValue)") }
        // A derived release is the same when its formula and input vintages are: those decide the input periods of
        // every value, which are therefore not hashed one by one.
        if let d = dataset.derivation {
            hasher.add("\(d.operation)|\(d.formula)")
            for i in d.inputs {
                hasher.add("\(i.role)|\(i.series ?? "")|\(i.dataset)|\(i.measure)|\(i.vintage)|\(i.members.sorted { $0.key < $1.key })")
            }
        }
        let order = series.indices.sorted {
            series[$0].measure == series[$1].measure
                ? series[$0].members.lexicographicallyPrecedes(series[$1].members) : series[$0].measure < series[$1].measure
        }
        for i in order {
            hasher.add(series[i].measure)
            for m in series[i].members { hasher.add(m) }
            hasher.add(series[i].data)
        }
        return hasher.hexDigest
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
        return Finished(
            dataset: dataset,
            publishedAt: nil,
            format: format,
            series: series,
            observationCount: total,
            fingerprint: fingerprint(dataset, series)
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
}
