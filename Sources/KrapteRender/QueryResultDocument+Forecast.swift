import KrapteCore

extension QueryResultDocument {
    /// For the forecast measure of a forecast's dataset, its interval bounds as columns beside the values (one per
    /// bound, a value per row), so that no export shows a forecast without its interval; none for any other result.
    /// - Throws: `StoreError` when the store cannot be read.
    public static func forecastColumns(for result: QueryResult, of query: ObservationQuery, in store: any Store) async throws -> [Column] {
        guard result.dataset.derivation?.isForecast == true, result.measure.code == result.dataset.id else {
            return []
        }
        var columns: [Column] = []
        for bound in IndicatorEngine.boundMeasures.map(\.code) where result.dataset.measures.contains(where: { $0.code == bound }) {
            var q = query
            q.measure = bound
            let rows = try await store.query(q).rows
            let values = Dictionary(rows.map { (RowKey($0), $0.value) }, uniquingKeysWith: { a, _ in a })
            columns.append(
                Column(title: bound, values: result.rows.map { row in (values[RowKey(row)] ?? nil).map { String($0) } ?? "" })
            )
        }
        return columns
    }

    /// A row's place: its members' codes and its period.
    private struct RowKey: Hashable {
        var members: [String]
        var period: Period
        init(_ row: QueryResult.Row) {
            members = row.members.map(\.code)
            period = row.period
        }
    }
}
