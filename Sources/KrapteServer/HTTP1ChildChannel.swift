import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 connections, each wrapped as an `AcceptedConnection` as soon as it is set up, so that one
/// the server never gets to handle is closed instead of stopping the process.
///
/// NIO hands a connection over to the server's accept loop after setting it up on its own event loop. A connection
/// whose setup finishes just as the server stops accepting (a shutdown while clients connect) is dropped unhandled,
/// and its writer then stops the process: "Deinited NIOAsyncWriter without calling finish()" (apple/swift-nio#2637,
/// found by running the tests under ThreadSanitizer, whose slowness widens the window).
struct HTTP1ChildChannel: ServerChildChannel {
    /// The channel Hummingbird would use.
    let http1: HTTP1Channel

    /// Sets the connection up as `HTTP1Channel` does, and wraps it.
    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<AcceptedConnection> {
        http1.setup(channel: channel, logger: logger).map(AcceptedConnection.init)
    }

    /// Serves the connection's requests as `HTTP1Channel` does.
    func handle(value: AcceptedConnection, logger: Logger) async {
        await http1.handle(value: value.take(), logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 as `.http1(configuration:)` builds it, with every accepted connection closed when it is not handled.
    static func closingHTTP1(configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            HTTP1ChildChannel(http1: HTTP1Channel(responder: responder, configuration: configuration))
        }
    }
}
