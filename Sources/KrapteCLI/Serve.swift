import ArgumentParser
import Hummingbird
import KrapteServer
import Logging

/// `krapte serve`: the web server and API over the store, until SIGINT or SIGTERM.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start de webserver met de API over de database, tot Ctrl-C (SIGINT) of SIGTERM."
    )

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port = 8080

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port takes a port from 1 to 65535, not \(port)") }
    }

    func run() async throws {
        var logger = Logger(label: "krapte.serve")
        logger.logLevel = .info
        let opened = try await store.open()
        let app = WebServer.application(store: opened, host: host, port: port, logger: logger)
        Output.error("Krapte luistert op http://\(host):\(port)/ (API: /api/v1/datasets); stoppen met Ctrl-C.")
        try await app.runService()
    }
}
