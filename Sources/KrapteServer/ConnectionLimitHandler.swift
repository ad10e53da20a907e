import NIOConcurrencyHelpers
import NIOCore

/// The open connections of a server, counted against a maximum.
struct ConnectionCounter: Sendable {
    /// The most connections open at once.
    let maximum: Int
    private let open = NIOLockedValueBox(0)

    /// Makes a counter of at most `maximum` connections.
    init(maximum: Int) {
        self.maximum = maximum
    }

    /// How many connections are open now.
    var count: Int { open.withLockedValue { $0 } }

    /// Counts one more connection, or answers false when `maximum` are open.
    func admit() -> Bool {
        open.withLockedValue { n in
            guard n < maximum else { return false }
            n += 1
            return true
        }
    }

    /// Counts a connection that was admitted as closed.
    func release() {
        open.withLockedValue { $0 -= 1 }
    }
}

/// Closes a connection at once when the server already has the most it keeps open, so that a flood of connections
/// (idle or slow ones) cannot take the memory and file descriptors that the others need. One per connection.
final class ConnectionLimitHandler: ChannelInboundHandler, RemovableChannelHandler {
    /// The parts of requests, passed on untouched.
    typealias InboundIn = NIOAny

    private let counter: ConnectionCounter
    private var admitted = false

    init(counter: ConnectionCounter) {
        self.counter = counter
    }

    func handlerAdded(context: ChannelHandlerContext) {
        admitted = counter.admit()
        if !admitted { context.close(promise: nil) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if admitted { counter.release() }
        admitted = false
    }
}
