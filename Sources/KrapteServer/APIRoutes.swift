import Foundation
import HTTPTypes
import Hummingbird
import KrapteCore
import KrapteRender

/// The JSON API under `/api/v1`: the datasets, a dataset's metadata and vintages, and queries with the semantics of
/// `krapte query`, as JSON or, with `Accept: text/csv` or `?format=csv`, as CSV (`?format=csv-nl` for Dutch Excel).
struct APIRoutes: Sendable {
    let store: any Store
    /// Lets a few queries of observations run at once.
    let limiter: QueryLimiter
    /// Where the server keeps the datasets' latest metadata while the store is unchanged (as for its pages); nil to
    /// read it with every query.
    var kept: PageCache? = nil

    /// The query parameters of an observations request that are not a dimension filter.
    /// The largest cursor, as the OpenAPI document says: the largest whole number JSON keeps exactly (2^53 - 1).
    static let maximumCursor = 9_007_199_254_740_991
    static let reserved: Set<String> = ["measure", "period", "asOf", "format", "limit", "cursor"]
    /// The rows of a page of observations when the request names no `limit`.
    static let defaultPageSize = 10_000
    /// The most rows a page of observations holds.
    static let maximumPageSize = 100_000

    func add(to router: some RouterMethods<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.get("health") { _, _ in try await health() }
        api.get("datasets") { request, _ in try await datasets(request) }
        api.get("datasets/:dataset") { request, context in try await dataset(try context.parameters.decoded("dataset"), request) }
        api.get("datasets/:dataset/observations") { request, context in
            try await observations(try context.parameters.decoded("dataset"), request)
        }
    }

    /// Whether the store answers: 200, or 503 while the database is down.
    func health() async throws -> Response {
        _ = try await store.datasets()
        return try Self.json(["store": "ok"])
    }

    func datasets(_ request: Request) async throws -> Response {
        let list = try await store.datasets().map {
            DatasetEntry(id: $0.id, title: $0.title, vintages: $0.vintageCount, latest: $0.latest)
        }
        return try Self.json(["datasets": list])
    }

    func dataset(_ id: String, _ request: Request) async throws -> Response {
        let (metadata, vintages) = try await store.latest(id)
        return try Self.json(DatasetDocument(dataset: metadata, vintages: vintages))
    }

    /// A page of the observations of a dataset as JSON or CSV; `measure` is the measure when the request names none.
    /// The next page's address is in the JSON's `page.next` and in a `Link` header with `rel="next"`.
    func observations(_ id: String, _ request: Request, measure: String? = nil) async throws -> Response {
        let query = try Self.query(dataset: id, request.uri.queryParameters, measure: measure)
        let (result, extra) = try await limiter.run {
            // A query of the latest vintage takes the dataset's metadata as kept: one read of the store, its series.
            let latest =
                if query.asOf == nil, let kept { try await kept.latest(id, of: store) } else { nil as (metadata: Dataset, vintages: [Vintage])? }
            let result = try await store.query(query, latest: latest)
            return (result, try await QueryResultDocument.forecastColumns(for: result, of: query, in: store))
        }
        let end = result.offset + result.rows.count
        let next = end < result.total ? Self.address(request, cursor: end) : nil
        let document = QueryResultDocument(
            result,
            extra: extra,
            paging: .init(offset: result.offset, count: result.rows.count, total: result.total, next: next)
        )
        var headers: HTTPFields = [:]
        if let next { headers[.link] = "<\(next)>; rel=\"next\"" }
        headers[.xTotalCount] = String(result.total)
        if request.uri.queryParameters.get("format") == "csv-nl" {
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"\(Self.fileName(id))-nl.csv\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: Self.csv(document, dutchExcel: true)))
        }
        if Self.wantsCSV(request) {
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"\(Self.fileName(id)).csv\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: Self.csv(document, dutchExcel: false)))
        }
        headers[.contentType] = "application/json; charset=utf-8"
        var json = ByteBuffer()
        document.writeJSON { json.writeBytes($0) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: json))
    }

    /// A page of observations as CSV bytes.
    static func csv(_ document: QueryResultDocument, dutchExcel: Bool) -> ByteBuffer {
        var buffer = ByteBuffer()
        document.writeCSV(dutchExcel: dutchExcel) { buffer.writeBytes($0) }
        return buffer
    }

    /// The request's address with `cursor` set to the row `offset`.
    static func address(_ request: Request, cursor offset: Int) -> String {
        var pairs = request.uri.queryParameters.filter { $0.key != "cursor" }.map { (String($0.key), String($0.value)) }
        pairs.append(("cursor", String(offset)))
        return request.uri.path + "?" + pairs.queryString
    }

    /// The query that the parameters ask: `measure` (required), `period` (a period or range), `asOf`
    /// (YYYY-MM-DD), and any other parameter a dimension with its members, comma-separated. Without `measure`,
    /// `fallback`.
    /// - Throws: `APIError` 400 saying which parameter is wrong and what it takes.
    static func query(dataset: String, _ parameters: Parameters, measure fallback: String? = nil) throws -> ObservationQuery {
        let given = parameters.get("measure")
        if given?.isEmpty == true {
            throw APIError(.badRequest, Message("APIRoutes.measureEmptyNameMeasure"))
        }
        guard let measure = given ?? fallback else {
            throw APIError(.badRequest, Message("APIRoutes.nameMeasureMeasureCode"))
        }
        var query = ObservationQuery(dataset: dataset, measure: measure)
        if let period = parameters.get("period") {
            guard let range = PeriodRange(parsing: period) else {
                throw APIError(
                    .badRequest,
                    Message("APIRoutes.periodTakesCbsPeriod", period.excerpt)
                )
            }
            query.periods = range
        }
        if let asOf = parameters.get("asOf") {
            guard let date = ISO8601DateFormatter.day.date(from: asOf) else {
                throw APIError(.badRequest, Message("APIRoutes.asofTakesDateYyyy", asOf.excerpt))
            }
            query.asOf = date
        }
        if let format = parameters.get("format"), !["json", "csv", "csv-nl"].contains(format) {
            throw APIError(.badRequest, Message("APIRoutes.formatTakesJsonCsv", format.excerpt))
        }
        let limit = try parameters.get("limit").map { text in
            guard let n = Int(text), (1...maximumPageSize).contains(n) else {
                throw APIError(.badRequest, Message("APIRoutes.limitTakesNumberRows", maximumPageSize, text.excerpt))
            }
            return n
        }
        let offset = try parameters.get("cursor").map { text in
            guard let n = Int(text), (0...maximumCursor).contains(n) else {
                throw APIError(.badRequest, Message("APIRoutes.cursorTakesValuePage", text.excerpt))
            }
            return n
        }
        query.page = .init(offset: offset ?? 0, limit: limit ?? defaultPageSize)
        var filters: [String: [String]] = [:]
        for (name, value) in parameters where !reserved.contains(String(name)) {
            filters[String(name), default: []] += value.split(separator: ",").map(String.init)
        }
        query.filters = filters.sorted { $0.key < $1.key }.map { .init(dimension: $0.key, members: $0.value) }
        return query
    }

    /// Whether the request asks for CSV, by `?format=csv` or by its `Accept` header.
    static func wantsCSV(_ request: Request) -> Bool {
        if let format = request.uri.queryParameters.get("format") { return format == "csv" }
        return request.headers[.accept]?.contains("text/csv") ?? false
    }

    /// A dataset id as a safe file name.
    static func fileName(_ id: String) -> String {
        String(id.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "_" })
    }

    static func json(_ value: some Encodable) throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder.api.encode(value)))
        )
    }

    struct DatasetEntry: Encodable {
        var id: String
        var title: String
        var vintages: Int
        var latest: Vintage
    }

    struct DatasetDocument: Encodable {
        var dataset: Dataset
        var vintages: [Vintage]
    }
}
