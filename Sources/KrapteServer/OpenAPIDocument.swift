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

    /// The methods the document lists for the operation whose path template matches `path` (HEAD with GET), or
    /// nil when no path of the document matches it.
    static func methods(at path: String) -> [String]? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (template, methods) in operations {
            let pattern = template.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            guard pattern.count == parts.count else { continue }
            let matches = zip(pattern, parts).allSatisfy { p, part in p.hasPrefix("{") ? !part.isEmpty : p == part }
            if matches { return methods }
        }
        return nil
    }

    /// The path templates of the document with their methods, upper case.
    private static let operations: [(String, [String])] = {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let paths = object["paths"] as? [String: [String: Any]]
        else { return [] }
        return paths.sorted { $0.key < $1.key }.map { path, operations in
            let methods = operations.keys.map { $0.uppercased() }.filter { ["GET", "POST", "PUT", "PATCH", "DELETE"].contains($0) }
            return (path, (methods.contains("GET") ? methods + ["HEAD"] : methods).sorted())
        }
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
