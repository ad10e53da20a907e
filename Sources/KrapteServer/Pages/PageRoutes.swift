import Foundation
import Hummingbird
import KrapteCore
import KrapteRender

/// The Dutch web pages: the start page, a page per dataset, the explorer, the key figures of a region and the
/// spanningsindicator. Server-rendered HTML that works without JavaScript; every choice is a GET form, so every
/// state of a page has its own address.
struct PageRoutes: Sendable {
    let store: any Store
    let sheet: KeyFigureSheet
    let renderer: PageRenderer

    func add(to router: some RouterMethods<BasicRequestContext>) {
        router.get("/") { _, _ in try await html(HomeView(store: store).page()) }
        router.get("datasets") { _, _ in try await html(HomeView(store: store).page()) }
        router.get("datasets/:dataset") { _, context in
            try await html(DatasetView(store: store).page(try context.parameters.require("dataset")))
        }
        router.get("verkenner/:dataset") { request, context in
            try await html(ExplorerView(store: store).page(try context.parameters.require("dataset"), request.uri.queryParameters))
        }
        router.get("kerncijfers") { request, _ in
            try await html(KeyFiguresView(store: store, sheet: sheet).page(request.uri.queryParameters))
        }
        router.get("spanningsindicator") { request, _ in
            try await html(TensionView(store: store).page(request.uri.queryParameters))
        }
        router.get("static/krapte.css") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: renderer.stylesheet))
            )
        }
    }

    func html(_ page: some Page) -> Response {
        Self.html(renderer.render(page))
    }

    /// An HTML response.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}

extension String {
    /// The text percent-encoded for a query parameter's name or value.
    var queryEncoded: String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#?/")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The text percent-encoded for one segment of a path.
    var pathEncoded: String {
        addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? ""
    }
}

extension Array where Element == (String, String) {
    /// The pairs as a query string (`a=1&b=2`), each name and value percent-encoded.
    var queryString: String {
        map { "\($0.0.queryEncoded)=\($0.1.queryEncoded)" }.joined(separator: "&")
    }
}
