import Hummingbird
import KrapteCore

/// Refuses a request whose address is longer than the limit (414), before any route reads it.
struct RequestLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxURILength: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.string.utf8.count <= maxURILength else {
            throw APIError(.uriTooLong, Message("RequestLimitMiddleware.addressLongerThanBytes", maxURILength))
        }
        return try await next(request, context)
    }
}
