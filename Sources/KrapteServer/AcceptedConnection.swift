import HummingbirdCore
import NIOConcurrencyHelpers
import NIOCore

/// A connection set up for HTTP/1.1 and not yet handled. Should it go without being handled, its deinitializer
/// closes it and hands it to a task that finishes it properly, so that NIO's check that every connection's writer
/// is finished holds (see `HTTP1ChildChannel`).
///
/// Invariant: `handled` is true once `take()` has given the connection to the server, which then closes it.
final class AcceptedConnection: ServerChildChannelValue {
    private let connection: HTTP1Channel.Value
    private let handled = NIOLockedValueBox(false)

    init(_ connection: HTTP1Channel.Value) {
        self.connection = connection
    }

    /// The connection's channel.
    var channel: any Channel { connection.channel }

    /// The connection, for the server to handle and close.
    func take() -> HTTP1Channel.Value {
        handled.withLockedValue { $0 = true }
        return connection
    }

    deinit {
        guard !handled.withLockedValue({ $0 }) else { return }
        // Closed at once on its event loop; the task that finishes its writer may wait for a busy thread pool.
        connection.channel.close(promise: nil)
        let connection = connection
        Task { try? await connection.executeThenClose { _, _ in } }
    }
}
