import HTTPTypes
import NIOConcurrencyHelpers

/// Lets at most a few expensive requests (queries of observations and indicators) run at once, keeps a bounded
/// queue of those that wait, in order, and answers one more 503 with `Retry-After` at once, so that a burst of heavy
/// requests is served in turn while a flood cannot take the server's memory.
///
/// Invariant: `running` counts the requests admitted and not yet done (at most `maximum`); a request leaving hands
/// its place to the first that waits, so `running` stays the same then.
final class QueryLimiter: Sendable {
    /// The most expensive requests at once.
    let maximum: Int
    /// The most requests waiting for a place.
    let maximumWaiting: Int
    private let state = NIOLockedValueBox(State())

    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Bool, Never>] = []
    }

    /// Makes a limiter of `maximum` requests at once and `maximumWaiting` in the queue.
    init(maximum: Int, maximumWaiting: Int = 256) {
        self.maximum = max(1, maximum)
        self.maximumWaiting = max(0, maximumWaiting)
    }

    /// Runs `body` when fewer than `maximum` requests run, else when its turn in the queue comes.
    /// - Throws: `APIError` 503 when the queue is full; whatever `body` throws.
    func run<T>(_ body: () async throws -> T) async throws -> T {
        let admitted = await withCheckedContinuation { (turn: CheckedContinuation<Bool, Never>) in
            let answer: Bool? = state.withLockedValue { s in
                if s.running < maximum {
                    s.running += 1
                    return true
                }
                guard s.waiting.count < maximumWaiting else { return false }
                s.waiting.append(turn)  // resumed by `leave()` of a request that hands over its place
                return nil
            }
            if let answer { turn.resume(returning: answer) }
        }
        guard admitted else {
            throw APIError(.serviceUnavailable, "The server is answering as many queries as it can; try again in a few seconds.")
        }
        defer { leave() }
        return try await body()
    }

    /// Gives the place of a request that is done to the first that waits, or frees it.
    private func leave() {
        let next = state.withLockedValue { s -> CheckedContinuation<Bool, Never>? in
            guard !s.waiting.isEmpty else {
                s.running -= 1
                return nil
            }
            return s.waiting.removeFirst()
        }
        next?.resume(returning: true)
    }
}
