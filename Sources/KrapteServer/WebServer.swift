import Foundation
import Hummingbird
import HummingbirdCore
import KrapteCore
import KrapteRender
import Logging

/// Krapte's web server: the Dutch pages and the API over a store, with every request logged in one line and every
/// error answered as JSON under `/api/` and as a page elsewhere. Read-only unless it has an admin token: then
/// `POST /api/v1/ingest` with that token loads a file and `DELETE /api/v1/datasets/{id}` removes one.
public enum WebServer {
    /// What the server shows and allows.
    public struct Configuration: Sendable {
        /// The key-figure sheet of `/kerncijfers`.
        public var sheet: KeyFigureSheet
        /// The targets of `/monitor` and `/api/v1/targets`.
        public var targets: TargetsFile
        /// The indicators of `/api/v1/indicators`.
        public var definitions: IndicatorDefinitions
        /// The token `POST /api/v1/ingest` and `DELETE /api/v1/datasets/{id}` ask for (`Authorization: Bearer TOKEN`); nil keeps the server read-only.
        public var adminToken: String?
        /// The largest upload, in bytes.
        public var maxUploadBytes: Int
        /// The longest request address (path and query), in bytes.
        public var maxURILength: Int
        /// How long a connection may stay without a whole request: idle between requests, or sending the head of
        /// one too slowly. Then it is closed.
        public var idleTimeout: Duration
        /// The most connections open at once; more wait to be accepted until one closes.
        public var maxConnections: Int
        /// The most queries of observations and indicators answered at once; up to 256 more wait their turn, and one
        /// more than that gets 503 with `Retry-After`.
        public var maxConcurrentQueries: Int
        /// The folder of reports shown at `/rapporten`; nil for none.
        public var reports: URL?

        /// The configuration with the shipped sheet, targets and indicators, read-only, uploads up to 256 MB, addresses
        /// up to 8 KB, connections closed after 20 seconds without a request, at most 2,048 connections open and
        /// four queries at once.
        public init(
            sheet: KeyFigureSheet = .shipped,
            targets: TargetsFile = .shipped,
            definitions: IndicatorDefinitions = .shipped,
            adminToken: String? = nil,
            maxUploadBytes: Int = 256 << 20,
            maxURILength: Int = 8 << 10,
            idleTimeout: Duration = .seconds(20),
            maxConnections: Int = 2_048,
            maxConcurrentQueries: Int = 4,
            reports: URL? = nil
        ) {
            self.sheet = sheet
            self.targets = targets
            self.definitions = definitions
            self.adminToken = adminToken
            self.maxUploadBytes = maxUploadBytes
            self.maxURILength = maxURILength
            self.idleTimeout = idleTimeout
            self.maxConnections = maxConnections
            self.maxConcurrentQueries = maxConcurrentQueries
            self.reports = reports
        }
    }

    /// The routes over `store`; every GET route answers HEAD too.
    public static func router(store: any Store, configuration: Configuration = .init()) -> Router<BasicRequestContext> {
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: APIErrorMiddleware(renderer: .shipped))
        router.add(middleware: RequestLimitMiddleware(maxURILength: configuration.maxURILength))
        let limiter = QueryLimiter(maximum: configuration.maxConcurrentQueries)
        let cache = PageCache()
        let api = APIRoutes(store: store, limiter: limiter, kept: cache)
        api.add(to: router)
        IndicatorRoutes(store: store, definitions: configuration.definitions, api: api).add(to: router)
        OutlookRoutes(store: store, targets: configuration.targets, limiter: limiter).add(to: router)
        AdminRoutes(store: store, token: configuration.adminToken, maxBytes: configuration.maxUploadBytes, cache: cache).add(to: router)
        OpenAPIDocument.add(to: router)
        PageRoutes(
            store: store,
            sheet: configuration.sheet,
            targets: configuration.targets,
            definitions: configuration.definitions,
            limiter: limiter,
            renderer: .shipped,
            cache: cache
        ).add(to: router)
        ReportRoutes(store: store, folder: configuration.reports, renderer: .shipped, cache: cache).add(to: router)
        return router
    }

    /// The application listening on `host:port`; `runService()` runs it until SIGINT or SIGTERM, then finishes
    /// the requests under way and stops.
    public static func application(
        store: any Store,
        configuration: Configuration = .init(),
        host: String,
        port: Int,
        logger: Logger
    ) -> some ApplicationProtocol {
        let timeout = configuration.idleTimeout.components
        let connections = ConnectionCounter(maximum: max(1, configuration.maxConnections))
        return Application(
            router: router(store: store, configuration: configuration),
            server: .closingHTTP1(
                configuration: .init(
                    additionalChannelHandlers: [ConnectionLimitHandler(counter: connections)],
                    idleTimeout: .seconds(timeout.seconds) + .nanoseconds(timeout.attoseconds / 1_000_000_000)
                )
            ),
            configuration: .init(address: .hostname(host, port: port), serverName: "krapte"),
            logger: logger
        )
    }
}
