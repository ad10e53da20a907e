/// The observations a reader has appended since the last run was written: packed columns, one entry an
/// observation in the order appended (21 bytes each).
struct ReleaseChunk: Sendable {
    private(set) var series: [Int32] = []
    private(set) var periods: [Int32] = []
    private(set) var values: [Double] = []
    private(set) var flags: [UInt8] = []
    private(set) var rows: [Int32] = []

    /// An empty chunk with room for `capacity` observations.
    init(capacity: Int = 0) {
        series.reserveCapacity(capacity)
        periods.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        flags.reserveCapacity(capacity)
        rows.reserveCapacity(capacity)
    }

    /// How many observations it holds.
    var count: Int { series.count }

    /// Adds one observation of series number `series`.
    mutating func append(series s: Int32, period: Int32, value: Double, flags f: UInt8, row: Int32) {
        series.append(s)
        periods.append(period)
        values.append(value)
        flags.append(f)
        rows.append(row)
    }

    /// The observations as `ObservationRecord`s sorted by series number, then chronologically by period, then by
    /// source row (a counting sort by series keeps the source order, and a series out of period order is sorted
    /// stably). `seriesCount` is the number of series of the release so far; every series number is below it.
    /// - Throws: `IngestError` naming the row of a value that is not finite (the caller names the file).
    func packed(seriesCount: Int) throws -> [UInt8] {
        if let i = values.firstIndex(where: \.isInfinite) {
            throw IngestError(
                file: "-",
                row: Int(rows[i]),
                column: nil,
                code: .invalid,
                message: Message("ReleaseChunk.valueFiniteNumber", values[i]),
                fix: Message("ReleaseChunk.valueFiniteNumber.fix")
            )
        }
        var start = [Int](repeating: 0, count: seriesCount + 1)
        for s in series where Int(s) < seriesCount { start[Int(s) + 1] += 1 }
        for s in 0..<seriesCount { start[s + 1] += start[s] }
        var order = [Int](repeating: 0, count: series.count)
        var next = start
        for (i, s) in series.enumerated() where Int(s) < seriesCount {
            order[next[Int(s)]] = i
            next[Int(s)] += 1
        }
        for s in 0..<seriesCount where start[s + 1] - start[s] > 1 {
            let group = start[s]..<start[s + 1]
            if let sorted = Release.chronologicalOrder(group.count, period: { periods[order[group.lowerBound + $0]] }) {
                order.replaceSubrange(group, with: sorted.map { order[group.lowerBound + $0] })
            }
        }
        return [UInt8](unsafeUninitializedCapacity: order.count * ObservationRecord.size) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            for (k, i) in order.enumerated() {
                ObservationRecord(series: series[i], period: periods[i], value: values[i], flags: flags[i], row: rows[i])
                    .store(in: raw, at: k * ObservationRecord.size)
            }
            initialized = order.count * ObservationRecord.size
        }
    }
}
