import Hummingbird
import KrapteCore
import Logging

/// Krapte's web server: the API over a store, with every request logged in one line and every error answered as
/// JSON. Read-only: nothing a request does changes the store.
public enum WebServer {
    /// The routes over `store`.
    public static func router(store: any Store) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: APIErrorMiddleware())
        APIRoutes(store: store).add(to: router)
        return router
    }

    /// The application listening on `host:port`; `runService()` runs it until SIGINT or SIGTERM, then finishes
    /// the requests under way and stops.
    public static func application(store: any Store, host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(store: store),
            configuration: .init(address: .hostname(host, port: port), serverName: "krapte"),
            logger: logger
        )
    }
}
