import Foundation
import KrapteCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where an OData reader gets its responses: a folder of saved responses or a live server.
public enum ODataLocation: Sendable {
    /// A folder of saved responses.
    case folder(URL)
    /// A live service: the table's base URL (`https://datasets.cbs.nl/odata/v1/CBS/85880NED`).
    case http(URL)

    /// A name for messages.
    public var name: String {
        switch self {
        case .folder(let url): url.path
        case .http(let url): url.absoluteString
        }
    }

    /// Gets one response over HTTP.
    /// - Throws: `IngestError` with code `.unreadable` for a network failure or a status other than 200.
    static func get(_ url: URL, timeout: TimeInterval = 60) async throws -> Data {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw IngestError(
                file: url.absoluteString,
                row: nil,
                column: nil,
                code: .unreadable,
                message: "the request failed (\(error.localizedDescription))",
                fix: "check the URL and the network, then load again; nothing was stored"
            )
        }
        if let http = response as? HTTPURLResponse, http.statusCode != 200 {
            throw IngestError(
                file: url.absoluteString,
                row: nil,
                column: nil,
                code: .unreadable,
                message: "the server answered HTTP \(http.statusCode)",
                fix: "check the table id in the URL, or try again later; nothing was stored"
            )
        }
        return data
    }

    /// Reads a saved response.
    static func read(_ url: URL) throws -> Data {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw IngestError(
                file: url.path,
                row: nil,
                column: nil,
                code: .unreadable,
                message: "the file is missing or unreadable",
                fix: "save the response under this name, or check the folder"
            )
        }
        return data
    }
}

extension ODataLocation {
    /// Gets one endpoint's response: in a folder the first of `savedNames` that exists, else `<endpoint>.json`;
    /// live, `<base>/<endpoint>`. Returns the bytes and the file or URL they came from, for messages.
    func fetch(_ endpoint: String, savedNames: [String]) async throws -> (data: Data, file: String) {
        switch self {
        case .folder(let folder):
            let candidates = (savedNames + ["\(endpoint).json"]).map { folder.appendingPathComponent($0) }
            let url = candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[candidates.count - 1]
            return (try Self.read(url), url.path)
        case .http(let base):
            let url = base.appendingPathComponent(endpoint)
            return (try await Self.get(url), url.absoluteString)
        }
    }

    /// Gets one collection endpoint's `value` rows, and the file or URL they came from (see `fetch`).
    func fetchValues(_ endpoint: String, savedNames: [String]) async throws -> (rows: [[String: Any]], file: String) {
        let (data, file) = try await fetch(endpoint, savedNames: savedNames)
        return (try jsonValues(try jsonObject(data, file: file), file: file), file)
    }

    /// Calls `body` with the rows of every page of a collection, in order, and the file or URL each came from.
    ///
    /// In a folder the pages are the files whose names start with one of `savedPrefixes` (or `endpoint`), ordered by
    /// the number in their name. Live, the pages are `<base>/<endpoint>` and the pages that `nextLinkKey`
    /// (`@odata.nextLink` in v4, `odata.nextLink` in v3) points to.
    func forEachPage(
        _ endpoint: String,
        savedPrefixes: [String],
        nextLinkKey: String,
        _ body: ([[String: Any]], String) throws -> Void
    ) async throws {
        switch self {
        case .folder(let folder):
            let prefixes = savedPrefixes + [endpoint]
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let pages = names.filter { name in name.hasSuffix(".json") && prefixes.contains { name.hasPrefix($0) } }
                .sorted { Self.pageNumber($0) < Self.pageNumber($1) }
            guard !pages.isEmpty else {
                throw IngestError(
                    file: folder.path,
                    row: nil,
                    column: nil,
                    code: .empty,
                    message: "the folder has no \(prefixes[0])<n>.json",
                    fix: "save the \(endpoint) responses in the folder"
                )
            }
            for name in pages {
                let url = folder.appendingPathComponent(name)
                try body(try jsonValues(try jsonObject(try Self.read(url), file: url.path), file: url.path), url.path)
            }
        case .http(let base):
            var next: URL? = base.appendingPathComponent(endpoint)
            var seen: Set<URL> = []
            while let url = next {
                guard seen.insert(url).inserted else {
                    throw IngestError(
                        file: url.absoluteString,
                        row: nil,
                        column: nextLinkKey,
                        code: .malformed,
                        message: "the server links back to a page already read",
                        fix: "report this to the publisher; nothing was stored"
                    )
                }
                let object = try jsonObject(try await Self.get(url), file: url.absoluteString)
                try body(try jsonValues(object, file: url.absoluteString), url.absoluteString)
                next = (object[nextLinkKey] as? String).flatMap { URL(string: $0, relativeTo: url)?.absoluteURL }
            }
        }
    }

    /// The page number in a saved page's name (`observations-page-12.json` is 12).
    static func pageNumber(_ name: String) -> Int {
        Int(name.filter(\.isNumber)) ?? 0
    }
}

/// Parses a JSON response into a dictionary.
func jsonObject(_ data: Data, file: String) throws -> [String: Any] {
    do {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw IngestError(
                file: file,
                row: nil,
                column: nil,
                code: .malformed,
                message: "the response is not a JSON object",
                fix: "check that this is an OData response"
            )
        }
        return object
    } catch let error as IngestError {
        throw error
    } catch {
        throw IngestError(
            file: file,
            row: nil,
            column: nil,
            code: .malformed,
            message: "the response is not valid JSON",
            fix: "save the response again; it may be cut off"
        )
    }
}

/// The `value` array of an OData response.
func jsonValues(_ object: [String: Any], file: String) throws -> [[String: Any]] {
    guard let values = object["value"] as? [[String: Any]] else {
        throw IngestError(
            file: file,
            row: nil,
            column: "value",
            code: .malformed,
            message: "the response has no 'value' array",
            fix: "check that this is an OData collection response"
        )
    }
    return values
}
