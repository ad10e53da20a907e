import Synchronization

/// A time limit on work that may wait on the database for ever (a pool that keeps reconnecting to a server that
/// is down, a read whose connection hangs), and a way to give the work up at once (its connection is gone).
///
/// Unlike a task group, it answers when the limit passes even if the work does not stop at once on cancellation:
/// the work is cancelled and left to finish on its own. Work that may legitimately take long once it has
/// started (a load that waits for another load of the same dataset) calls `disarm()` when it is under way.
final class Deadline: Sendable {
    private enum State {
        case armed
        case disarmed
        case finished
    }

    private let state = Mutex(State.armed)
    /// Ends the wait with an error, and cancels the work if asked; set by `run`.
    private let stop = Mutex<(@Sendable (_ error: any Error, _ cancel: Bool) -> Void)?>(nil)

    private init() {}

    /// Stops the clock: from now on, the work may take as long as it needs.
    func disarm() {
        state.withLock { if $0 == .armed { $0 = .disarmed } }
    }

    /// Gives the work up now: `run` throws `error` (unless the work has answered already). The work is left to
    /// end on its own: its statements fail once the connection is closed.
    func abandon(_ error: any Error) {
        state.withLock { $0 = .finished }
        stop.withLock { $0 }?(error, false)
    }

    /// Runs `body`, or throws `expired()` when `limit` passes while the deadline is still armed, or the error of
    /// `abandon(_:)`.
    static func run<T: Sendable>(
        _ limit: Duration,
        expired: @escaping @Sendable () -> any Error,
        _ body: @escaping @Sendable (Deadline) async throws -> T
    ) async throws -> T {
        let deadline = Deadline()
        let answer = Answer<T>()
        let work = Task {
            do { await answer.give(.success(try await body(deadline))) } catch { await answer.give(.failure(error)) }
        }
        deadline.stop.withLock { stop in
            stop = { error, cancel in
                Task { await answer.give(.failure(error)) }
                if cancel { work.cancel() }
            }
        }
        let clock = Task {
            try await Task.sleep(for: limit)
            let expires = deadline.state.withLock { state in
                guard state == .armed else { return false }
                state = .finished
                return true
            }
            if expires { deadline.stop.withLock { $0 }?(expired(), true) }
        }
        defer {
            clock.cancel()
            deadline.stop.withLock { $0 = nil }
        }
        return try await withTaskCancellationHandler {
            try await answer.value()
        } onCancel: {
            work.cancel()
        }
    }
}

/// The first result given, to one waiter.
private actor Answer<T: Sendable> {
    private var result: Result<T, any Error>?
    private var waiter: CheckedContinuation<T, any Error>?

    func give(_ result: Result<T, any Error>) {
        guard self.result == nil else { return }
        self.result = result
        waiter?.resume(with: result)
        waiter = nil
    }

    func value() async throws -> T {
        if let result { return try result.get() }
        return try await withCheckedThrowingContinuation { waiter = $0 }
    }
}
