import NIOCore
import NIOPosix
import Synchronization

/// A TCP proxy in front of a server, which a test takes down (every connection cut, new ones refused) and brings
/// back on the same port: a database server that goes away and returns, without stopping the real one.
final class TCPProxy: Sendable {
    /// The loopback port the proxy listens on.
    let port: Int
    private let target: (host: String, port: Int)
    private let state = State()

    /// The listening channel and the connections through the proxy.
    private final class State: Sendable {
        let channels = Mutex<(listener: (any Channel)?, connections: [any Channel])>((nil, []))
    }

    /// Starts a proxy to `host:port` on a free loopback port.
    init(to host: String, port: Int) async throws {
        target = (host, port)
        let listener = try await Self.listen(on: 0, to: (host, port), state: state)
        self.port = listener.localAddress?.port ?? 0
        state.channels.withLock { $0.listener = listener }
    }

    /// Cuts every connection and stops listening.
    func down() async throws {
        let (listener, connections) = state.channels.withLock { state in
            defer { state = (nil, []) }
            return state
        }
        try await listener?.close()
        for connection in connections { try? await connection.close() }
    }

    /// Listens again on the same port.
    func up() async throws {
        let listener = try await Self.listen(on: port, to: target, state: state)
        state.channels.withLock { $0.listener = listener }
    }

    private static func listen(
        on port: Int,
        to target: (host: String, port: Int),
        state: State
    ) async throws -> any Channel {
        let (host, targetPort) = target
        return try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { client in
                ClientBootstrap(group: client.eventLoop).connect(host: host, port: targetPort).flatMapThrowing { upstream in
                    try upstream.pipeline.syncOperations.addHandler(Forward(to: client))
                    try client.pipeline.syncOperations.addHandler(Forward(to: upstream))
                    state.channels.withLock { $0.connections += [client, upstream] }
                }
            }
            .bind(host: "127.0.0.1", port: port)
            .get()
    }

    /// Writes what one side reads to the other, and closes the other when one side closes.
    private final class Forward: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        private let peer: any Channel

        init(to peer: any Channel) { self.peer = peer }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            peer.writeAndFlush(unwrapInboundIn(data), promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            peer.close(promise: nil)
        }
    }
}
