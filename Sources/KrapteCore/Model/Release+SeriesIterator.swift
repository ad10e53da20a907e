extension Release {
    /// The series of a finished release one at a time, in the order they were first met: those held in memory, or
    /// those of a release held in runs, merged as they are read (see `RunMerge`).
    public struct SeriesIterator {
        private var held: IndexingIterator<[Series]>?
        private var merge: RunMerge?

        /// Over series held in memory.
        init(series: [Series]) {
            held = series.makeIterator()
        }

        /// Over the runs of `spill` and the last chunk, `tail`.
        /// - Throws: when the spill file cannot be opened or read.
        init(dataset: Dataset, keys: [SeriesKey], file: String, spill: ReleaseSpill?, tail: [UInt8]) throws {
            merge = try RunMerge(dataset: dataset, keys: keys, file: file, spill: spill, tail: tail)
        }

        /// The next series, or nil after the last.
        /// - Throws: `IngestError` naming both rows when the series has two observations for one period;
        ///   `StoreError` when a run cannot be read.
        public mutating func next() throws -> Series? {
            if held != nil { return held?.next() }
            return try merge?.next()
        }
    }
}
