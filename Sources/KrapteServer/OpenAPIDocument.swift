import Foundation
import Hummingbird

/// The OpenAPI 3.1 document of the API (`Resources/openapi.json`), served at `/api/v1/openapi.json`.
enum OpenAPIDocument {
    /// The document's text.
    static let text: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("Resources/openapi.json is missing from the KrapteServer bundle") }
        return text
    }()

    static func add(to router: some RouterMethods<BasicRequestContext>) {
        router.get("api/v1/openapi.json") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text))
            )
        }
    }
}
