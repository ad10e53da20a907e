import Foundation

/// Merges the runs of a release series by series: each run holds a series' observations together and in period
/// order, so the next series is the lowest series number under any run's cursor, its observations those of every
/// run, kept in source order where two have one period, which is how a duplicate across chunks is found.
/// - Complexity: O(*n* + *s* · *r*) for *n* observations in *s* series and *r* runs, plus a sort of each series
///   whose observations are out of period order.
struct RunMerge {
    private var cursors: [RunCursor] = []
    private let dataset: Dataset
    private let keys: [SeriesKey]
    private let file: String
    private let handle: FileHandle?

    /// Over the runs of `spill` and the last chunk, `tail`; `file` names the source in errors.
    /// - Throws: when the spill file cannot be opened or read.
    init(dataset: Dataset, keys: [SeriesKey], file: String, spill: ReleaseSpill?, tail: [UInt8]) throws {
        self.dataset = dataset
        self.keys = keys
        self.file = file
        if let spill {
            let handle = try FileHandle(forReadingFrom: spill.url)
            self.handle = handle
            cursors = try spill.runs.map { try RunCursor(file: handle, range: $0) }
        } else {
            handle = nil
        }
        cursors.append(RunCursor(memory: tail))
    }

    /// The next series, or nil after the last.
    /// - Throws: `IngestError` naming both rows when the series has two observations for one period;
    ///   `StoreError` when a run names a series or member the release does not have, or cannot be read.
    mutating func next() throws -> Release.Series? {
        var number = Int32.max
        for cursor in cursors { if let r = cursor.current, r.series < number { number = r.series } }
        guard number != .max else { return nil }
        var data = SeriesData()
        var rows: [Int32] = []
        for k in cursors.indices {
            while let r = cursors[k].current, r.series == number {
                data.periods.append(r.period)
                data.values.append(r.value)
                data.flags.append(r.flags)
                rows.append(r.row)
                try cursors[k].advance()
            }
        }
        guard keys.indices.contains(Int(number)), let (measure, members) = Release.names(of: keys[Int(number)], in: dataset) else {
            throw StoreError(.corrupt, Message("RunMerge.partReleaseNamesSeries", dataset.id))
        }
        if let order = Release.chronologicalOrder(data.periods.count, period: { data.periods[$0] }) {
            data.periods = order.map { data.periods[$0] }
            data.values = order.map { data.values[$0] }
            data.flags = order.map { data.flags[$0] }
            rows = order.map { rows[$0] }
            for i in 1..<data.periods.count where data.periods[i] == data.periods[i - 1] {
                let period = Period(storageKey: data.periods[i])?.code ?? "?"
                throw IngestError(
                    file: file,
                    row: Int(rows[i]),
                    column: nil,
                    code: .duplicate,
                    message: Message("RunMerge.secondValueFirstRow", measure, members.joined(separator: ", "), period, rows[i - 1]),
                    fix: Message("RunMerge.secondValueFirstRow.fix")
                )
            }
        }
        return Release.Series(measure: measure, members: members, data: data)
    }
}
