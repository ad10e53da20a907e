import HTTPTypes
import KrapteCore
import NIOConcurrencyHelpers

/// Lets at most a few expensive requests (queries of observations and indicators) run at once and keeps a bounded
/// queue of those that wait, in order, each for at most `maximumWait`; one more than the queue holds, or one that
/// waited too long, is answered 503 with `Retry-After`. So a burst of heavy requests is served in turn, while a
/// flood cannot take the server's memory, and queries of clients that went away leave the queue by themselves.
///
/// Invariant: `running` counts the requests admitted and not yet done (at most `maximum`); a request leaving hands
/// its place to the first that waits, so `running` stays the same then. Each waiting request is resumed once: by a
/// request leaving or by its own deadline, whichever takes it out of the queue first.
final class QueryLimiter: Sendable {
    /// The most expensive requests at once.
    let maximum: Int
    /// The most requests waiting for a place.
    let maximumWaiting: Int
    /// How long a request waits for a place at most.
    let maximumWait: Duration
    private let state = NIOLockedValueBox(State())

    private struct State {
        var running = 0
        var waiting: [(ticket: Int, turn: CheckedContinuation<Bool, Never>)] = []
        var nextTicket = 0
    }

    /// Makes a limiter of `maximum` requests at once and `maximumWaiting` in the queue for up to `maximumWait`.
    init(maximum: Int, maximumWaiting: Int = 256, maximumWait: Duration = .seconds(10)) {
        self.maximum = max(1, maximum)
        self.maximumWaiting = max(0, maximumWaiting)
        self.maximumWait = maximumWait
    }

    /// Runs `body` when fewer than `maximum` requests run, else when its turn in the queue comes.
    /// - Throws: `APIError` 503 when the queue is full or the turn did not come in time; whatever `body` throws.
    func run<T>(_ body: () async throws -> T) async throws -> T {
        let admitted = await withCheckedContinuation { (turn: CheckedContinuation<Bool, Never>) in
            let (answer, ticket): (Bool?, Int?) = state.withLockedValue { s in
                if s.running < maximum {
                    s.running += 1
                    return (true, nil)
                }
                guard s.waiting.count < maximumWaiting else { return (false, nil) }
                let ticket = s.nextTicket
                s.nextTicket += 1
                s.waiting.append((ticket, turn))
                return (nil, ticket)
            }
            if let answer { turn.resume(returning: answer) }
            if let ticket {
                Task {
                    try? await Task.sleep(for: maximumWait)
                    expire(ticket)
                }
            }
        }
        guard admitted else {
            throw APIError(.serviceUnavailable, Message("QueryLimiter.serverAnsweringManyQueries"))
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
            return s.waiting.removeFirst().turn
        }
        next?.resume(returning: true)
    }

    /// Refuses the request with `ticket` if it still waits.
    private func expire(_ ticket: Int) {
        let turn = state.withLockedValue { s -> CheckedContinuation<Bool, Never>? in
            guard let i = s.waiting.firstIndex(where: { $0.ticket == ticket }) else { return nil }
            return s.waiting.remove(at: i).turn
        }
        turn?.resume(returning: false)
    }
}
