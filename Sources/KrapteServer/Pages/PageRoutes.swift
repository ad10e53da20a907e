import Foundation
import Hummingbird
import KrapteCore
import KrapteRender

/// The web pages, in Dutch (English on request): the start page, a page per dataset, the explorer, the key figures
/// of a region, the spanningsindicator, the results of a survey, the monitor of policy targets and the forecasts.
/// Server-rendered HTML that works without JavaScript; every choice is a GET form, so every state of a page has its
/// own address.
struct PageRoutes: Sendable {
    let store: any Store
    let sheet: KeyFigureSheet
    let targets: TargetsFile
    let definitions: IndicatorDefinitions
    /// Lets a few monitor and forecast pages be built at once (each fits forecast models).
    let limiter: QueryLimiter
    let renderer: PageRenderer
    let cache: PageCache

    func add(to router: some RouterMethods<BasicRequestContext>) {
        router.get("/") { request, _ in try await cached(request) { t in try await HomeView(store: store, t: t).page(request.uri.queryParameters) } }
        router.get("datasets") { request, _ in
            try await cached(request) { t in try await HomeView(store: store, t: t).page(request.uri.queryParameters) }
        }
        router.get("datasets/:dataset") { request, context in
            let id = try context.parameters.decoded("dataset")
            return try await cached(request) { t in try await DatasetView(store: store, t: t).page(id) }
        }
        router.get("verkenner/:dataset") { request, context in
            let id = try context.parameters.decoded("dataset")
            do {
                return try await cached(request) { t in try await ExplorerView(store: store, t: t, kept: cache).page(id, request.uri.queryParameters)
                }
            } catch let redirect as Redirect {
                return redirect.response
            }
        }
        router.get("verkenner/:dataset/:chart") { request, context in
            let id = try context.parameters.decoded("dataset")
            let name = try context.parameters.decoded("chart")
            let t = Texts.shipped(Self.language(of: request))
            let page: ExplorerPage
            do {
                page = try await ExplorerView(store: store, t: t, kept: cache).page(id, request.uri.queryParameters)
            } catch let redirect as Redirect {
                return redirect.response
            }
            let chart: String? =
                switch name {
                case "lijn.svg": page.lineChart.flatMap { ChartDownload.standalone($0, source: page.sourceLine) }
                case "staaf.svg": page.barChart.flatMap { ChartDownload.standalone($0, source: page.sourceLine) }
                case "kaart.svg": page.map.flatMap { ChartDownload.standalone($0, source: page.mapSource ?? page.sourceLine) }
                default: nil
                }
            return try Self.svgFile(chart, named: APIRoutes.fileName(id) + "-" + name)
        }
        router.get("enquete/:dataset") { request, context in
            let id = try context.parameters.decoded("dataset")
            return try await cached(request) { t in try await SurveyView(store: store, t: t).page(id, request.uri.queryParameters) }
        }
        router.get("enquete/:dataset/:chart") { request, context in
            let id = try context.parameters.decoded("dataset")
            let name = try context.parameters.decoded("chart")
            let page = try await SurveyView(store: store, t: .shipped(Self.language(of: request))).page(id, request.uri.queryParameters)
            let figure = page.figures.first { $0.id + ".svg" == name }
            return try Self.svgFile(
                figure.flatMap { ChartDownload.standalone($0.svg, source: page.sourceLine) },
                named: APIRoutes.fileName(id) + "-" + name
            )
        }
        router.get("kerncijfers") { request, _ in
            try await cached(request) { t in try await KeyFiguresView(store: store, sheet: sheet, t: t).page(request.uri.queryParameters) }
        }
        router.get("spanningsindicator") { request, _ in
            try await cached(request) { t in try await TensionView(store: store, t: t).page(request.uri.queryParameters) }
        }
        router.get("spanningsindicator/:chart") { request, context in
            let name = try context.parameters.decoded("chart")
            let page = try await TensionView(store: store, t: .shipped(Self.language(of: request))).page(request.uri.queryParameters)
            let chart: String? =
                switch name {
                case "lijn.svg": page.chart.flatMap { ChartDownload.standalone($0, source: page.sourceLine) }
                case "kaart.svg": page.map.flatMap { ChartDownload.standalone($0.svg, source: $0.source) }
                default: nil
                }
            return try Self.svgFile(chart, named: "spanningsindicator-" + name)
        }
        router.get("monitor") { request, _ in
            try await cached(request) { t in try await limiter.run { try await MonitorView(store: store, targets: targets, t: t).page() } }
        }
        router.get("prognose") { request, _ in
            try await cached(request) { t in
                try await limiter.run { try await ForecastView(store: store, definitions: definitions, t: t).page(request.uri.queryParameters) }
            }
        }
        router.get("api") { request, _ in
            try await cached(request) { t in try APIGuideView(t: t).page() }
        }
        router.get("static/krapte.css") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: renderer.stylesheet))
            )
        }
    }

    /// The page at the request's address, in the language it asks for (`Language.asked`): kept from before
    /// while the store is unchanged, else built and kept.
    func cached(_ request: Request, _ build: (Texts) async throws -> some Page) async throws -> Response {
        let version = try await cache.version(of: store)
        let language = Self.language(of: request)
        let address = language.rawValue + " " + request.uri.string
        if let page = cache.page(address, version: version) { return Self.html(page) }
        let page = try await cache.rendered(address, version: version) {
            ByteBuffer(string: renderer.render(try await build(.shipped(language)), in: language))
        }
        return Self.html(page)
    }

    /// A page that is shown elsewhere (a forecast's dataset in the explorer is shown on `/prognose`, with its
    /// intervals): thrown while the page is built, answered with 303 and the address; never kept.
    struct Redirect: Error {
        /// The address to go to.
        var to: String

        /// The answer: 303 See Other with the address.
        var response: Response { Response(status: .seeOther, headers: [.location: to]) }
    }

    /// The language a request asks for with `?lang=`, else with `Accept-Language`.
    static func language(of request: Request) -> Language {
        Language.asked(request.uri.queryParameters.get("lang"), acceptLanguage: request.headers[.acceptLanguage])
    }

    /// A chart as an SVG file to download, or a 404 that says the choice has no such chart.
    static func svgFile(_ chart: String?, named file: String) throws -> Response {
        guard let chart else { throw APIError(.notFound, Message("PageRoutes.noChart", file.excerpt)) }
        return Response(
            status: .ok,
            headers: [.contentType: "image/svg+xml; charset=utf-8", .contentDisposition: "attachment; filename=\"\(file)\""],
            body: .init(byteBuffer: ByteBuffer(string: chart))
        )
    }

    /// An HTML response; it depends on `Accept-Language`, so a cache between keeps one per language.
    static func html(_ page: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .vary: "Accept-Language"], body: .init(byteBuffer: page))
    }
}

extension String {
    /// The text percent-encoded for a query parameter's name or value.
    var queryEncoded: String {
        guard !isUnreserved else { return self }
        return addingPercentEncoding(withAllowedCharacters: Self.queryAllowed) ?? ""
    }

    /// What a query's names and values keep unencoded: what a query allows, but for `&=+#?/`.
    private static let queryAllowed: CharacterSet = {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#?/")
        return allowed
    }()
}

extension Array where Element == (String, String) {
    /// The pairs as a query string (`a=1&b=2`), each name and value percent-encoded.
    var queryString: String {
        map { "\($0.0.queryEncoded)=\($0.1.queryEncoded)" }.joined(separator: "&")
    }
}
