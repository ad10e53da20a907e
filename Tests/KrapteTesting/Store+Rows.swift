import KrapteCore

extension Store {
    /// The rows of one measure of a dataset, one member per dimension named in `filters`, in `period` (a CBS code
    /// or range): the query most tests ask.
    public func rows(
        of dataset: String,
        _ measure: String,
        where filters: [String: String] = [:],
        period: String
    ) async throws
        -> [QueryResult.Row]
    {
        try await query(
            ObservationQuery(
                dataset: dataset,
                measure: measure,
                filters: filters.sorted { $0.key < $1.key }.map { .init(dimension: $0.key, members: [$0.value]) },
                periods: PeriodRange(parsing: period)
            )
        ).rows
    }
}
