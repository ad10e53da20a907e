import NIOConcurrencyHelpers
import NIOCore

/// The open connections of a server, counted against a maximum.
///
/// Invariant: `open` is the number of connections whose `ConnectionLimitHandler` was added and not yet removed.
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

    /// Whether the server may accept another connection.
    var accepting: Bool { open.withLockedValue { $0 < maximum } }

    /// Counts a connection as open; answers whether the server may accept another one.
    func opened() -> Bool {
        open.withLockedValue { n in
            n += 1
            return n < maximum
        }
    }

    /// Counts a connection as closed; answers whether it freed the place the maximum had taken.
    func closed() -> Bool {
        open.withLockedValue { n in
            n -= 1
            return n == maximum - 1
        }
    }
}

/// Keeps the open connections at a maximum by pausing `accept` on the listening socket when it is reached, and
/// resuming when a connection closes: a flood of connections (idle or slow ones) waits in the kernel's backlog,
/// and beyond that is refused by the kernel, instead of taking the memory and file descriptors that the open
/// connections need. A connection is never closed here: one is added to each connection's pipeline.
///
/// The listening socket may accept the few connections of one read past the maximum before it pauses.
final class ConnectionLimitHandler: ChannelInboundHandler, RemovableChannelHandler {
    /// The parts of requests, passed on untouched.
    typealias InboundIn = NIOAny

    private let counter: ConnectionCounter
    private var counted = false

    init(counter: ConnectionCounter) {
        self.counter = counter
    }

    func handlerAdded(context: ChannelHandlerContext) {
        counted = true
        if !counter.opened() { updateAccepting(context.channel.parent) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        guard counted else { return }
        counted = false
        if counter.closed() { updateAccepting(context.channel.parent) }
    }

    /// Sets whether the listening socket accepts, on its own event loop, from the count as it is then: of several
    /// updates sent from several connections' loops, the last one run sees the latest count.
    private func updateAccepting(_ listener: (any Channel)?) {
        guard let listener else { return }
        let counter = counter
        listener.eventLoop.execute {
            listener.setOption(ChannelOptions.autoRead, value: counter.accepting).whenFailure { _ in }
        }
    }
}
