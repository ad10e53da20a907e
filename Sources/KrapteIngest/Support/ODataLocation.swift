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
                message: Message("ODataLocation.requestFailed", error.localizedDescription),
                fix: Message("ODataLocation.requestFailed.fix")
            )
        }
        if let http = response as? HTTPURLResponse, http.statusCode != 200 {
            throw IngestError(
                file: url.absoluteString,
                row: nil,
                column: nil,
                code: .unreadable,
                message: Message("ODataLocation.serverAnsweredHttp", http.statusCode),
                fix: Message("ODataLocation.serverAnsweredHttp.fix")
            )
        }
        return data
    }

    /// Reads a saved response.
    /// - Throws: `IngestError` when it is missing, not a regular file or larger than a description may be.
    static func read(_ url: URL) throws -> Data {
        try InputFile.contents(of: url)
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
    /// the number in their name, which must run from 1 without a gap (a single page may have no number); when the
    /// folder has the `index.json` of a capture, its `observationPages` must all be there and its `observationRows`
    /// must equal the rows read, as must the count a saved page gives (`@odata.count`, `odata.count`). Live, the pages are `<base>/<endpoint>` and the pages that `nextLinkKey`
    /// (`@odata.nextLink` in v4, `odata.nextLink` in v3) points to, and the rows read must equal the count the
    /// service gives (`@odata.count` or `odata.count`) when it gives one.
    /// - Throws: `IngestError` naming the missing page, or the count and the rows read, so that a table with a page
    ///   missing is refused rather than stored in part.
    func forEachPage(
        _ endpoint: String,
        savedPrefixes: [String],
        nextLinkKey: String,
        _ body: ([[String: Any]], String) throws -> Void
    ) async throws {
        var rowsRead = 0
        var expected: (count: Int, source: Message)?
        switch self {
        case .folder(let folder):
            let prefixes = savedPrefixes + [endpoint]
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let pages = try Self.numberedPages(
                names.filter { name in name.hasSuffix(".json") && prefixes.contains { name.hasPrefix($0) } },
                folder: folder
            )
            guard !pages.isEmpty else {
                throw IngestError(
                    file: folder.path,
                    row: nil,
                    column: nil,
                    code: .empty,
                    message: Message("ODataLocation.folderNJson", prefixes[0]),
                    fix: Message("ODataLocation.folderNJson.fix", endpoint)
                )
            }
            if let capture = try CaptureIndex(folder: folder) {
                if let missing = capture.pages.first(where: { !pages.contains($0) }) {
                    throw Self.incomplete(folder.path, Message("ODataLocation.indexJsonListsFolder", missing.excerpt))
                }
                expected = capture.rows.map { ($0, Message("Krapte.as", "index.json (observationRows)")) }
            }
            for name in pages {
                let url = folder.appendingPathComponent(name)
                let object = try jsonObject(try Self.read(url), file: url.path)
                let rows = try jsonValues(object, file: url.path)
                if expected == nil, let count = Self.serviceCount(object) {
                    expected = (count, Message("ODataLocation.serviceCountIn", name.excerpt))
                }
                rowsRead += rows.count
                try body(rows, url.path)
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
                        message: Message("ODataLocation.serverLinksBackPage"),
                        fix: Message("ODataLocation.serverLinksBackPage.fix")
                    )
                }
                let object = try jsonObject(try await Self.get(url), file: url.absoluteString)
                let rows = try jsonValues(object, file: url.absoluteString)
                if expected == nil, let count = Self.serviceCount(object) { expected = (count, Message("ODataLocation.serviceCount")) }
                rowsRead += rows.count
                try body(rows, url.absoluteString)
                next = (object[nextLinkKey] as? String).flatMap { URL(string: $0, relativeTo: url)?.absoluteURL }
            }
        }
        if let expected, expected.count != rowsRead {
            throw Self.incomplete(name, Message("ODataLocation.givesRowsWereRead", expected.source, expected.count, endpoint, rowsRead))
        }
    }

    /// The saved pages in page order, checked to run from 1 without a gap.
    /// - Throws: `IngestError` naming the first missing page.
    static func numberedPages(_ names: [String], folder: URL) throws -> [String] {
        if names.count == 1, pageNumber(names[0]) == nil { return names }
        var byNumber: [Int: String] = [:]
        for name in names {
            guard let n = pageNumber(name), n >= 1 else {
                throw incomplete(folder.path, Message("ODataLocation.pagePageNumber", name.excerpt))
            }
            if let other = byNumber.updateValue(name, forKey: n) {
                throw incomplete(folder.path, Message("ODataLocation.bothPage", other.excerpt, name.excerpt, n))
            }
        }
        for n in 1...max(1, byNumber.count) where byNumber[n] == nil {
            throw incomplete(folder.path, Message("ODataLocation.pageMissingFolderPages", n, byNumber.count, byNumber.keys.max() ?? 0))
        }
        return (1...byNumber.count).compactMap { byNumber[$0] }
    }

    /// The page number in a saved page's name (`observations-page-12.json` is 12), or nil when it has none.
    static func pageNumber(_ name: String) -> Int? {
        Int(name.filter(\.isNumber))
    }

    /// The rows a response says the collection has in all (`@odata.count` in v4, `odata.count` in v3), if it says.
    private static func serviceCount(_ object: [String: Any]) -> Int? {
        (object["@odata.count"] ?? object["odata.count"]).flatMap(count)
    }

    private static func count(_ value: Any) -> Int? {
        switch value {
        case let n as NSNumber: Int(exactly: n.doubleValue)
        case let s as String: Int(s)
        default: nil
        }
    }

    private static func incomplete(_ file: String, _ message: Message) -> IngestError {
        IngestError(
            file: file,
            row: nil,
            column: nil,
            code: .malformed,
            message: Message("ODataLocation.tableIncomplete", message),
            fix: Message("ODataLocation.tableIncomplete.fix")
        )
    }
}

/// The `index.json` that a capture of a CBS table leaves in its folder: the observation pages it saved and the
/// number of rows they hold.
struct CaptureIndex {
    var pages: [String]
    var rows: Int?

    /// Reads `index.json` in `folder`, or nil when there is none.
    /// - Throws: `IngestError` when it is there but not a JSON object.
    init?(folder: URL) throws {
        let url = folder.appendingPathComponent("index.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let object = try jsonObject(try InputFile.contents(of: url), file: url.path)
        pages = object["observationPages"] as? [String] ?? []
        rows = (object["observationRows"] as? NSNumber).flatMap { Int(exactly: $0.doubleValue) }
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
                message: Message("ODataLocation.responseJsonObject"),
                fix: Message("ODataLocation.responseJsonObject.fix")
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
            message: Message("ODataLocation.responseValidJson"),
            fix: Message("ODataLocation.responseValidJson.fix")
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
            message: Message("ODataLocation.responseValueArray"),
            fix: Message("ODataLocation.responseValueArray.fix")
        )
    }
    return values
}
