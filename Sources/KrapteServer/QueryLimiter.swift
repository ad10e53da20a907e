import HTTPTypes
import NIOConcurrencyHelpers

/// Lets at most a few expensive requests (queries of observations, indicators, uncached pages) run at once; one more
/// is answered 503 with `Retry-After` at once instead of waiting, so that a burst of heavy requests cannot take the
/// server's memory or keep cheap requests waiting.
struct QueryLimiter: Sendable {
    /// The most expensive requests at once.
    let maximum: Int
    private let running = NIOLockedValueBox(0)

    /// Makes a limiter of `maximum` requests at once.
    init(maximum: Int) {
        self.maximum = maximum
    }

    /// Runs `body` when fewer than `maximum` requests run.
    /// - Throws: `APIError` 503 when `maximum` already run; whatever `body` throws.
    func run<T>(_ body: () async throws -> T) async throws -> T {
        let admitted = running.withLockedValue { n in
            guard n < maximum else { return false }
            n += 1
            return true
        }
        guard admitted else {
            throw APIError(.serviceUnavailable, "The server is answering as many queries as it can; try again in a few seconds.")
        }
        defer { running.withLockedValue { $0 -= 1 } }
        return try await body()
    }
}
