import Foundation

/// A question to the store: one measure of one dataset, optionally narrowed to members, periods and a release date.
/// Dimensions, measures and members may be named by code or by their exact label.
public struct ObservationQuery: Sendable, Hashable {
    /// The dataset's id.
    public var dataset: String
    /// The measure's code or title.
    public var measure: String
    /// Per dimension (code or title), the members (codes or labels) to keep; a dimension not named keeps all.
    public var filters: [Filter]
    /// The periods to keep; nil keeps all.
    public var periods: PeriodRange?
    /// Answer as published on this date: the latest vintage on or before the end of that day. Nil: the latest.
    public var asOf: Date?
    /// Which rows of the answer to return; nil returns them all.
    public var page: Page?

    /// A window on the rows of an answer: `limit` rows from row `offset` (0-based) on.
    public struct Page: Sendable, Hashable {
        /// The rows to skip.
        public var offset: Int
        /// The most rows to return.
        public var limit: Int

        /// Makes a page.
        public init(offset: Int, limit: Int) {
            self.offset = offset
            self.limit = limit
        }
    }

    /// A filter on one dimension.
    public struct Filter: Sendable, Hashable {
        /// The dimension's code or title.
        public var dimension: String
        /// Member codes or labels.
        public var members: [String]

        /// Makes a filter.
        public init(dimension: String, members: [String]) {
            self.dimension = dimension
            self.members = members
        }
    }

    /// Makes a query.
    public init(dataset: String, measure: String, filters: [Filter] = [], periods: PeriodRange? = nil, asOf: Date? = nil) {
        self.dataset = dataset
        self.measure = measure
        self.filters = filters
        self.periods = periods
        self.asOf = asOf
    }
}

/// The answer to an `ObservationQuery`, with where every figure came from.
public struct QueryResult: Sendable {
    /// One observation.
    public struct Row: Sendable, Hashable {
        /// One member per dimension, in the dataset's order.
        public var members: [Member]
        /// The period.
        public var period: Period
        /// The value, nil when there is none.
        public var value: Double?
        /// How final it is.
        public var status: ObservationStatus
        /// Why there is no value.
        public var attribute: ValueAttribute
        /// For a derived dataset, the periods of the inputs the value was computed from.
        public var inputs: InputPeriods = []
    }

    /// The dataset as the vintage had it.
    public var dataset: Dataset
    /// The measure.
    public var measure: Measure
    /// The vintage the figures come from.
    public var vintage: Vintage
    /// The observations, by member order and then period (only the query's page, when it asks for one).
    public var rows: [Row]
    /// How many observations match the query, on every page together.
    public var total: Int
    /// The number of the first row, 0 without a page.
    public var offset: Int = 0
    /// The first and last period of the series the query selects, whatever periods it asks for (of the frequency
    /// of the first period it asks for): what to tell a reader who asked for periods outside the data. Nil when the
    /// series hold no such observation.
    public var available: PeriodRange?
}

extension Store {
    /// The most series a query reads by key; a query that selects more reads the measure whole.
    static var maxKeys: Int { 5_000 }

    /// Answers a query: picks the vintage, resolves names to codes, and returns the matching observations.
    ///
    /// - Throws: `StoreError.notFound` naming what was not found and how to list what exists.
    public func query(_ q: ObservationQuery) async throws -> QueryResult {
        try await query(q, latest: nil)
    }

    /// Answers a query as `query(_:)` does; a caller that has just read the dataset's `latest` passes it, and the
    /// store does not read it again (a query without `asOf` answers from the latest vintage).
    public func query(_ q: ObservationQuery, latest known: (metadata: Dataset, vintages: [Vintage])?) async throws -> QueryResult {
        let vintage: Vintage
        let dataset: Dataset
        if let asOf = q.asOf {
            let all = try await vintages(of: q.dataset)
            let endOfDay = asOf.addingTimeInterval(86_400)
            guard let v = all.last(where: { $0.effectiveDate < endOfDay }) else {
                let first = all.first.map { ISO8601DateFormatter.day.string(from: $0.effectiveDate) } ?? "-"
                throw StoreError(
                    .notFound,
                    Message("ObservationQuery.datasetReleaseBeforeFirst", q.dataset, ISO8601DateFormatter.day.string(from: asOf), first)
                )
            }
            vintage = v
            dataset = try await metadata(of: q.dataset, vintage: vintage.id)
        } else {
            var latest = known
            if latest == nil { latest = try await self.latest(q.dataset) }
            guard let latest, let last = latest.vintages.last else { throw StoredForm.noDataset(q.dataset) }
            vintage = last
            dataset = latest.metadata
        }
        guard let measure = dataset.measure(named: q.measure) else {
            let suggestion = Suggestions.sentence(q.measure, among: dataset.measures.flatMap { [($0.code, $0.code), ($0.title, $0.code)] })
            throw StoreError(
                .notFound,
                Message(
                    "ObservationQuery.datasetHeeftGeenOnderwerp",
                    q.dataset,
                    q.measure.excerpt,
                    suggestion,
                    dataset.measures.prefix(12).map(\.code).joined(separator: ", "),
                    dataset.measures.count > 12 ? ", ..." : "",
                    q.dataset
                )
            )
        }
        var allowed: [Int: Set<String>] = [:]
        for f in q.filters {
            guard let d = dataset.dimensions.firstIndex(where: { $0.code == f.dimension || $0.title == f.dimension }) else {
                throw StoreError(
                    .notFound,
                    Message(
                        "ObservationQuery.datasetHeeftGeenDimensie",
                        q.dataset,
                        f.dimension.excerpt,
                        Suggestions.sentence(f.dimension, in: dataset.dimensions.map(\.code) + dataset.dimensions.map(\.title)),
                        dataset.dimensions.map(\.code).joined(separator: ", ")
                    )
                )
            }
            var codes = allowed[d] ?? []
            for name in f.members {
                guard let m = dataset.dimensions[d].member(named: name) else {
                    throw StoreError(
                        .notFound,
                        Message(
                            "ObservationQuery.dimensieVanHeeftGeen",
                            dataset.dimensions[d].code,
                            q.dataset,
                            name.excerpt,
                            dataset.dimensions[d].suggestion(for: name),
                            q.dataset
                        )
                    )
                }
                codes.insert(m.code)
            }
            allowed[d] = codes
        }
        let lookups = dataset.dimensions.map { d in Dictionary(d.members.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a }) }
        let order = dataset.dimensions.map { d in Dictionary(d.members.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a }) }
        // With members chosen in every dimension, read just those series (a page shows a few of thousands).
        let product = allowed.count == dataset.dimensions.count ? allowed.values.reduce(1) { $0 * $1.count } : Int.max
        let stored =
            product <= Self.maxKeys && !dataset.dimensions.isEmpty
            ? try await series(
                of: q.dataset,
                vintage: vintage.id,
                measure: measure.code,
                keys: dataset.dimensions.indices.reduce([[]]) { keys, d in keys.flatMap { k in (allowed[d] ?? []).sorted().map { k + [$0] } } }
            )
            : try await series(of: q.dataset, vintage: vintage.id, measure: measure.code)
        for s in stored { try StoredForm.check(members: s.members, fit: dataset) }
        var selected = stored.filter { s in
            allowed.allSatisfy { d, codes in codes.contains(s.members[d]) }
        }
        selected.sort { a, b in
            a.members.indices.map { order[$0][a.members[$0]] ?? 0 }.lexicographicallyPrecedes(b.members.indices.map { order[$0][b.members[$0]] ?? 0 })
        }
        // Rows outside the page are counted, never made.
        let window = q.page.map { $0.offset..<($0.offset + min($0.limit, Int.max - $0.offset)) } ?? 0..<Int.max
        var rows: [QueryResult.Row] = []
        var total = 0
        var first: Period?
        var last: Period?
        for s in selected {
            let members = s.members.enumerated().map { d, code in lookups[d][code] ?? Member(code: code, label: code) }
            for i in 0..<s.data.count {
                let o = s.data.observation(at: i)
                if q.periods.map({ $0.lowerBound.frequency == o.period.frequency }) ?? true {
                    if first.map({ o.period < $0 }) ?? true { first = o.period }
                    if last.map({ $0 < o.period }) ?? true { last = o.period }
                }
                if let range = q.periods, !range.contains(o.period) { continue }
                total += 1
                guard window.contains(total - 1) else { continue }
                rows.append(
                    QueryResult.Row(
                        members: members,
                        period: o.period,
                        value: o.value,
                        status: o.status,
                        attribute: o.attribute,
                        inputs: s.data.inputs(at: i)
                    )
                )
            }
        }
        var result = QueryResult(dataset: dataset, measure: measure, vintage: vintage, rows: rows, total: total, offset: window.lowerBound)
        if let first, let last { result.available = PeriodRange(first, last) }
        return result
    }
}

extension ISO8601DateFormatter {
    /// Formats and reads dates as `2026-06-30`.
    public static var day: ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate]
        return f
    }
}
