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
