import Foundation
import Hummingbird
import KrapteCore
import KrapteRender

/// Builds the API guide from the OpenAPI document (`OpenAPIDocument`): its routes in path order, each with its
/// parameters and the example request and answer the document holds (`x-example`, and the answer's `example`). In
/// Dutch the texts come from the document's `x-nl` fields, in English from its own.
struct APIGuideView: Sendable {
    /// The texts of the page's language.
    let t: Texts

    /// Where the examples send their requests: `krapte serve` with its default host and port.
    static let server = "http://127.0.0.1:8080"

    /// The methods a route can have, in the order the guide lists them.
    static let methods = ["get", "post", "delete"]

    func page() throws -> APIGuidePage {
        guard let document = try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.text.utf8)) as? [String: Any],
            let paths = document["paths"] as? [String: [String: Any]]
        else { throw APIError(.internalServerError, Message("APIGuide.noDocument")) }
        var operations: [APIGuidePage.Operation] = []
        for (path, entry) in paths.sorted(by: { $0.key < $1.key }) {
            for method in Self.methods {
                guard let operation = entry[method] as? [String: Any] else { continue }
                operations.append(self.operation(operation, method: method.uppercased(), path: path))
            }
        }
        let info = document["info"] as? [String: Any] ?? [:]
        return APIGuidePage(pageTitle: t(Message("APIGuide.title")), intro: Markup.inlineCode(text(info, "description")), operations: operations)
    }

    /// A field of the document in the page's language: its `x-nl` text in Dutch when it has one, else its own.
    private func text(_ object: [String: Any], _ key: String) -> String {
        if t.language == .nl, let dutch = (object["x-nl"] as? [String: Any])?[key] as? String { return dutch }
        return object[key] as? String ?? ""
    }

    private func operation(_ o: [String: Any], method: String, path: String) -> APIGuidePage.Operation {
        let example = o["x-example"] as? [String: Any] ?? [:]
        let status = example["status"] as? String ?? "200"
        let answer = ((o["responses"] as? [String: Any])?[status] as? [String: Any]).flatMap { response in
            ((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["example"]
        }
        let description = text(o, "description")
        return APIGuidePage.Operation(
            anchor: o["operationId"] as? String ?? "\(method)-\(path)",
            method: method,
            path: path,
            summary: Markup.inlineCode(text(o, "summary")),
            description: description.isEmpty ? nil : Markup.inlineCode(description),
            admin: o["security"] != nil,
            parameters: (o["parameters"] as? [[String: Any]] ?? []).map(parameter),
            request: request(example, method: method),
            link: method == "GET" ? example["path"] as? String : nil,
            status: status,
            answer: answer.flatMap(Self.indented)
        )
    }

    private func parameter(_ p: [String: Any]) -> APIGuidePage.Parameter {
        let place = p["in"] as? String ?? "query"
        let description: String
        if t.language == .nl, let dutch = p["x-nl"] as? String {
            description = dutch
        } else {
            description = p["description"] as? String ?? ""
        }
        return APIGuidePage.Parameter(
            name: p["name"] as? String ?? "",
            place: t(Message(place == "path" ? "APIGuide.place.path" : "APIGuide.place.query")),
            required: p["required"] as? Bool ?? false,
            values: values(p["schema"] as? [String: Any] ?? [:]),
            description: Markup.inlineCode(description)
        )
    }

    /// The values a schema allows, in words: a list, a whole number and its range, a date, members per dimension.
    private func values(_ schema: [String: Any]) -> String {
        if let choices = schema["enum"] as? [String] { return t(Message("APIGuide.oneOf", choices.joined(separator: ", "))) }
        var words: String
        switch (schema["type"] as? String, schema["format"] as? String) {
        case ("integer", _):
            if let low = schema["minimum"] as? Int, let high = schema["maximum"] as? Int, high < 1 << 40 {
                words = t(Message("APIGuide.integerRange", DutchNumberFormat.integer(low), DutchNumberFormat.integer(high)))
            } else {
                words = t(Message("APIGuide.integer"))
            }
        case (_, "date"): words = t(Message("APIGuide.date"))
        case ("object", _): words = t(Message("APIGuide.members"))
        case (_, _) where schema["pattern"] != nil: words = t(Message("APIGuide.period"))
        default: words = t(Message("APIGuide.text"))
        }
        if let standard = schema["default"] as? Int { words += t(Message("APIGuide.default", DutchNumberFormat.integer(standard))) }
        return words
    }

    /// The example request as a `curl` command, with the file it sends.
    private func request(_ example: [String: Any], method: String) -> String {
        let path = example["path"] as? String ?? ""
        var parts = ["curl"]
        if method != "GET" { parts.append("-X \(method)") }
        for (name, value) in (example["headers"] as? [String: String] ?? [:]).sorted(by: { $0.key < $1.key }) {
            parts.append("-H \"\(name): \(value)\"")
        }
        let file = path.firstMatch(of: /file=([A-Za-z0-9._-]+)/).map { String($0.1) } ?? "bestand.csv"
        let body = example["body"] as? String
        if body != nil { parts.append("--data-binary @\(file)") }
        let command = parts.joined(separator: " ") + " \"\(Self.server)\(path)\""
        guard let body else { return command }
        return command + "\n\n" + t(Message("APIGuide.withFile", file)) + "\n" + body
    }

    /// A JSON value written out with indents and sorted keys.
    static func indented(_ value: Any) -> String? {
        guard JSONSerialization.isValidJSONObject(value) || value is String || value is NSNumber,
            let data = try? JSONSerialization.data(
                withJSONObject: value,
                options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]
            )
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
