import HTTPTypes
import Hummingbird

/// Adds the headers that keep a browser from doing more with an answer than showing it: a strict
/// `Content-Security-Policy` (the pages load only their own stylesheet, run no script and may not be framed),
/// `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY` and `Referrer-Policy: same-origin`. Every answer
/// gets them, error pages and the API's JSON included. A route that sets its own policy keeps it: a report
/// (`ReportRoutes`) is one standalone document with its style sheet inside.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The policy: nothing but the server's own stylesheet and images inside the pages themselves.
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "same-origin"
        return response
    }
}
