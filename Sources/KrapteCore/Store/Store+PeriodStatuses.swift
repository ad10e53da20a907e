extension Store {
    /// Every period of a measure in a vintage with the least final status any of its observations has
    /// (voorlopig before nader voorlopig before definitief), for saying which periods are still provisional.
    ///
    /// - Complexity: O(observations of the measure).
    public func periodStatuses(of dataset: String, vintage: Int64, measure: String) async throws -> [Period: ObservationStatus] {
        var periods: [Period: ObservationStatus] = [:]
        for s in try await series(of: dataset, vintage: vintage, measure: measure) {
            for i in 0..<s.data.count {
                let o = s.data.observation(at: i)
                periods[o.period] = max(periods[o.period] ?? .definitief, o.status)
            }
        }
        return periods
    }
}
