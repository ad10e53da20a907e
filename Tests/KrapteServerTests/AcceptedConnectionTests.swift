import HummingbirdCore
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing

@testable import KrapteServer

/// A connection NIO sets up but never hands to the server (as when the server stops accepting while clients
/// connect) is closed, instead of stopping the process with "Deinited NIOAsyncWriter without calling finish()".
@Suite struct AcceptedConnectionTests {
    @Test func aConnectionThatIsNeverHandledIsClosed() async throws {
        let child = HTTP1ChildChannel(http1: HTTP1Channel(responder: { _, _, _ in }))
        let setUp = NIOLockedValueBox(0)
        // Every connection is set up and then dropped, as NIO drops one that arrives while the server stops.
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                child.setup(channel: channel, logger: Logger(label: "test")).map { _ in setUp.withLockedValue { $0 += 1 } }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        let port = try #require(server.localAddress?.port)
        let clients = try (0..<3).map { _ in try RawConnection(port: port) }
        for client in clients {
            #expect(try await client.isClosed(waiting: .seconds(10)), "a dropped connection was left open")
        }
        #expect(setUp.withLockedValue { $0 } == 3)
        try await server.close()
    }
}
