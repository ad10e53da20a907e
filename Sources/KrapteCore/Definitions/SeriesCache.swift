/// The series an engine has read, by dataset, vintage and measure, so that indicators computed together (at the
/// same time, too) read and decode a measure once.
actor SeriesCache {
    /// A stored series as time series, with its member codes.
    typealias Entry = (members: [String], series: TimeSeries)

    private var reads: [String: Task<[Entry], any Error>] = [:]

    /// The series of one measure of one vintage, read from `store` the first time they are asked for.
    func series(of dataset: String, vintage: Int64, measure: String, in store: any Store) async throws -> [Entry] {
        let key = "\(dataset)\u{1F}\(vintage)\u{1F}\(measure)"
        if let read = reads[key] { return try await read.value }
        let read = Task { () throws -> [Entry] in
            try await store.series(of: dataset, vintage: vintage, measure: measure).map { (members: $0.members, series: TimeSeries($0.data)) }
        }
        reads[key] = read
        return try await read.value
    }
}
