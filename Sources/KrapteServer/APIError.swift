import Foundation
import Hummingbird
import KrapteCore
import KrapteRender
import Logging

/// An error as the API answers it: a status and a message a user can act on, as JSON
/// (`{"error": {"status": 404, "message": "..."}}`), never a stack trace, SQL or file path.
public struct APIError: Error, Sendable, Equatable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// What went wrong and what to do about it.
    public var message: Message
    /// Extra headers of the answer (`WWW-Authenticate` with a 401).
    public var headers: HTTPFields = [:]

    /// Makes an error.
    public init(_ status: HTTPResponse.Status, _ message: Message) {
        self.status = status
        self.message = message
    }

    /// Any error as the API answers it. A store that is down is 503, a missing dataset or member 404, a request
    /// that is not valid 400; anything unforeseen is 500 with a message that shows nothing of the inside. A store
    /// that is down answers one fixed sentence: its own message names the database's address, which is for the
    /// log (`APIErrorMiddleware` writes it there).
    public init(_ error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as StoreError:
            switch error.code {
            case .unavailable: self.init(.serviceUnavailable, Self.databaseDown)
            case .notFound: self.init(.notFound, error.message)
            case .invalid: self.init(.badRequest, error.message)
            case .corrupt: self.init(.internalServerError, Message("APIError.corrupt", error.message))
            }
        case let error as HTTPError where error.status == .notFound && error.body == nil:
            self.init(.notFound, Message("APIError.nothingHere"))
        case let error as HTTPError:
            self.init(error.status, Message("APIError.http", error.body ?? error.status.reasonPhrase))
        default:
            self.init(.internalServerError, Message("APIError.unforeseen"))
        }
    }

    /// What a client is told while the store is down.
    static let databaseDown = Message("APIError.databaseDown")

    /// The JSON response in `language`, with `Retry-After` when the database is down.
    func response(in language: Language) -> Response {
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        if status == .serviceUnavailable { headers[.retryAfter] = "10" }
        let body = ["error": Body(status: status.code, message: message.text(in: language))]
        let data = (try? JSONEncoder.api.encode(body)) ?? Data()
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The HTML page in `language`, with `Retry-After` when the database is down.
    func page(_ renderer: PageRenderer, in language: Language) -> Response {
        let t = Texts.shipped(language)
        let title =
            switch status.code {
            case 400: t["errorBadRequest"]
            case 404: t["errorNotFound"]
            case 503: t["errorUnavailable"]
            default: t["errorOther"]
            }
        let html = renderer.render(ErrorPage(pageTitle: title, message: message.text(in: language)), in: language)
        var response = PageRoutes.html(ByteBuffer(string: html), status: status)
        if status == .serviceUnavailable { response.headers[.retryAfter] = "10" }
        return response
    }

    private struct Body: Encodable {
        var status: Int
        var message: String
    }
}

/// Turns every error a route throws into an `APIError` response, JSON under `/api/` and an HTML page elsewhere, and
/// logs the unforeseen ones with their cause.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var answer = APIError(error)
            // An address of the API with a method it does not take: 405 with the methods it does, not 404.
            if answer.status == .notFound, request.uri.path.hasPrefix("/api/"),
                let allowed = OpenAPIDocument.methods(at: request.uri.path), !allowed.contains(request.method.rawValue)
            {
                answer = APIError(
                    .methodNotAllowed,
                    Message("APIError.addressTakes", allowed.joined(separator: ", "), request.method.rawValue.excerpt)
                )
                answer.headers[.allow] = allowed.joined(separator: ", ")
            }
            if answer.status.code >= 500 {
                let cause = (error as? StoreError).map { "\($0.message) (\($0.underlying.map { String(reflecting: $0) } ?? "no cause"))" }
                context.logger.error("\(request.method) \(request.uri.path): \(answer.status.code) \(cause ?? String(reflecting: error))")
            }
            let language = PageRoutes.language(of: request)
            guard request.uri.path.hasPrefix("/api/") else { return answer.page(renderer, in: language) }
            return answer.response(in: language)
        }
    }
}

extension JSONEncoder {
    /// How the API writes JSON: sorted keys, ISO 8601 dates, NaN as a string.
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }
}
