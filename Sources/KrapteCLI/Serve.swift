import ArgumentParser
import Foundation
import Hummingbird
import KrapteCore
import KrapteServer
import Logging

/// `krapte serve`: the web pages and API over the store, until SIGINT or SIGTERM.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start de webserver (pagina's en API) over de database, tot Ctrl-C (SIGINT) of SIGTERM."
    )

    @OptionGroup var server: ServerOptions

    @OptionGroup var store: StoreOptions

    func validate() throws { try server.validate() }

    func run() async throws {
        try await server.serve(try await store.open(existing: true))
    }
}

/// The options of the web server, shared by `krapte serve` and `krapte demo --serve`.
struct ServerOptions: ParsableArguments {
    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on.")
    var port = 8080

    @Option(
        name: .long,
        help: "Allow POST /api/v1/ingest with this token (Authorization: Bearer TOKEN); also KRAPTE_ADMIN_TOKEN. Without it the server is read-only."
    )
    var adminToken: String?

    @Option(name: .long, help: "The largest upload in MB.")
    var maxUploadMb = 256

    @Option(name: .long, help: "The most connections open at once; more wait to be accepted until one closes.")
    var maxConnections = 2_048

    @Option(name: .long, help: "A key-figure sheet (JSON) for /kerncijfers instead of the shipped one (Guides/KeyFigures.md).")
    var keyFigures: String?

    @Option(name: .long, help: "An indicator definitions file (JSON) for /api/v1/indicators instead of the shipped one.")
    var definitions: String?

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port takes a port from 1 to 65535, not \(port)") }
        guard (1...65_536).contains(maxUploadMb) else { throw ValidationError("--max-upload-mb takes 1 to 65536, not \(maxUploadMb)") }
        guard (1...1_000_000).contains(maxConnections) else {
            throw ValidationError("--max-connections takes 1 to 1000000, not \(maxConnections)")
        }
        if let token, token.count < 16 {
            throw ValidationError("the admin token must have at least 16 characters; make one with: openssl rand -hex 16")
        }
    }

    /// The admin token from the flag or the environment.
    var token: String? { adminToken ?? ProcessInfo.processInfo.environment["KRAPTE_ADMIN_TOKEN"].flatMap { $0.isEmpty ? nil : $0 } }

    /// Serves `store` until SIGINT or SIGTERM.
    func serve(_ store: any Store) async throws {
        var logger = Logger(label: "krapte.serve")
        logger.logLevel = .info
        var configuration = WebServer.Configuration(adminToken: token, maxUploadBytes: maxUploadMb << 20, maxConnections: maxConnections)
        do {
            if let keyFigures {
                let data = try InputFile.contents(of: URL(fileURLWithPath: keyFigures))
                configuration.sheet = try KeyFigureSheet(decoding: data, file: keyFigures)
            }
            if let definitions { configuration.definitions = try IndicatorDefinitions(contentsOf: URL(fileURLWithPath: definitions)) }
        } catch let error as DefinitionError {
            throw CLIError(error.description)
        } catch let error as any LocatedError {
            throw CLIError(error.description)
        } catch {
            throw CLIError("\(keyFigures ?? ""): the key-figure sheet cannot be read (\(error.localizedDescription))")
        }
        let app = WebServer.application(store: store, configuration: configuration, host: host, port: port, logger: logger)
        Output.error(
            "Krapte luistert op http://\(host):\(port)/ (API: /api/v1/datasets\(token == nil ? ", alleen lezen" : ", uploads met token")); stoppen met Ctrl-C."
        )
        try await app.runService()
    }
}
