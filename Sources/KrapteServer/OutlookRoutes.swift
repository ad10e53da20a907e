import Foundation
import Hummingbird
import KrapteCore
import KrapteRender

/// The outlook under `/api/v1`: the targets of `/monitor` assessed (`/targets`), and the forecasts of `/prognose`
/// (`/forecasts`, `/forecasts/{forecast}`), each figure of a forecast with its status "prognose" and its intervals.
struct OutlookRoutes: Sendable {
    let store: any Store
    let targets: TargetsFile
    /// Lets a few requests read at once.
    let limiter: QueryLimiter

    func add(to router: some RouterMethods<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.get("targets") { _, _ in try await assessed() }
        api.get("forecasts") { _, _ in try await forecasts() }
        api.get("forecasts/:forecast") { request, context in
            try await forecast(try context.parameters.decoded("forecast"), series: request.uri.queryParameters.get("reeks"))
        }
    }

    /// Every target with its figures, projection and status, as `krapte targets --format json` writes them.
    func assessed() async throws -> Response {
        let document = try await limiter.run {
            TargetsDocument(try await TargetEngine(store: store, targets: targets).assessAll(), unmeasured: targets.withoutData)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: document.json))
        )
    }

    /// The forecasts in the store: each forecast's dataset with its release and series.
    func forecasts() async throws -> Response {
        let list = try await store.forecasts().map { f in
            let records = f.derivation.forecasts ?? []
            return Entry(
                id: f.dataset.id,
                title: f.dataset.title,
                vintage: f.vintage,
                inputs: Set(f.derivation.inputs.map(\.dataset)).sorted(),
                series: records.count,
                refused: records.filter { $0.refusal != nil }.count
            )
        }
        return try APIRoutes.json(["forecasts": list])
    }

    /// One forecast: per series (or the one `series` names by its member codes, comma-separated) the model, what it
    /// rests on, and every period ahead with its forecast, intervals and status.
    /// - Throws: `APIError` 404 when the dataset is not a forecast or has no such series.
    func forecast(_ id: String, series asked: String?) async throws -> Response {
        let (dataset, vintages) = try await store.latest(id)
        guard let derivation = dataset.derivation, derivation.isForecast, let latest = vintages.last else {
            throw APIError(.notFound, Message("OutlookRoutes.notAForecast", id.excerpt))
        }
        var records = derivation.forecasts ?? []
        if let asked, !asked.isEmpty {
            records = records.filter { $0.members.joined(separator: ",") == asked }
            guard !records.isEmpty else { throw APIError(.notFound, Message("ForecastView.unknownSeries", dataset.title, asked.excerpt)) }
        }
        let forecast = StoredForecast(dataset: dataset, vintage: latest.id, derivation: derivation)
        let steps = try await limiter.run { try await store.steps(of: forecast, members: records.count == 1 ? records.first?.members : nil) }
        let dimensions = dataset.dimensions.map(\.code)
        let prognose = ObservationStatus.prognose.dutchLabel
        let series = records.map { r in
            Series(
                members: Dictionary(zip(dimensions, r.members), uniquingKeysWith: { a, _ in a }),
                method: r.method.rawValue,
                model: r.model,
                parameters: r.parameters,
                aicc: r.aicc,
                sigma2: r.sigma2,
                first: r.first,
                last: r.last,
                observations: r.observations,
                refusal: r.refusal,
                steps: (steps[r.members] ?? []).map { (s: SeriesForecast.Step) -> Step in
                    Step(
                        period: s.period,
                        mean: s.mean,
                        lower80: s.lower80,
                        upper80: s.upper80,
                        lower95: s.lower95,
                        upper95: s.upper95,
                        status: prognose
                    )
                }
            )
        }
        let measure = dataset.measures.first { $0.code == id }
        return try APIRoutes.json(
            Document(
                dataset: id,
                title: dataset.title,
                vintage: latest.id,
                unit: measure?.unit ?? "",
                decimals: measure?.decimals ?? 1,
                source: dataset.source,
                inputs: derivation.inputs,
                series: series
            )
        )
    }

    struct Entry: Encodable {
        var id: String
        var title: String
        var vintage: Int64
        var inputs: [String]
        /// How many series it has, and how many of them got no forecast.
        var series: Int
        var refused: Int
    }

    struct Step: Encodable {
        var period: Period
        var mean, lower80, upper80, lower95, upper95: Double
        var status: String
    }

    struct Series: Encodable {
        var members: [String: String]
        var method: String
        var model: String?
        var parameters: ETSParameters?
        var aicc, sigma2: Double?
        var first, last: Period?
        var observations: Int
        var refusal: String?
        var steps: [Step]
    }

    struct Document: Encodable {
        var dataset: String
        var title: String
        var vintage: Int64
        var unit: String
        var decimals: Int
        var source: Source
        var inputs: [Derivation.Input]
        var series: [Series]
    }
}
