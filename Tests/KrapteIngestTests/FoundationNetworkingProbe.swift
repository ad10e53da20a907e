import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking

/// Asks a URL once, for waiting until a test server is up.
enum FoundationNetworkingProbe {
    static func get(_ url: URL) async throws -> Bool {
        let (_, response) = try await URLSession.shared.data(for: URLRequest(url: url, timeoutInterval: 1))
        return (response as? HTTPURLResponse)?.statusCode == 200
    }
}
#endif
