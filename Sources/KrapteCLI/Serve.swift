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
    @Option(name: .long, help: "Het adres om op te luisteren.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "De poort om op te luisteren.")
    var port = 8080

    @Option(
        name: .long,
        help:
            "Sta POST /api/v1/ingest toe met dit token (Authorization: Bearer TOKEN); ook KRAPTE_ADMIN_TOKEN. Zonder token kan de server alleen lezen."
    )
    var adminToken: String?

    @Option(name: .long, help: "De grootste upload in MB.")
    var maxUploadMb = 256

    @Option(name: .long, help: "Het grootste aantal open verbindingen tegelijk; meer wachten tot er een sluit.")
    var maxConnections = 2_048

    @Option(name: .long, help: "Een kerncijferblad (JSON) voor /kerncijfers in plaats van het meegeleverde (Guides/KeyFigures.md).")
    var keyFigures: String?

    @Option(name: .long, help: "Een definitiebestand van indicatoren (JSON) voor /api/v1/indicators in plaats van het meegeleverde.")
    var definitions: String?

    @Option(name: .long, help: "Een doelenbestand (JSON) voor /monitor en /api/v1/targets in plaats van het meegeleverde (Guides/Targets.md).")
    var targets: String?

    @Option(name: .long, help: "Een map met rapporten (Markdown met opdrachten, Guides/Reports.md) voor /rapporten.")
    var reports: String?

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError(Output.text(Message("Serve.port", port))) }
        guard (1...65_536).contains(maxUploadMb) else { throw ValidationError(Output.text(Message("Serve.maxUpload", maxUploadMb))) }
        guard (1...1_000_000).contains(maxConnections) else {
            throw ValidationError(Output.text(Message("Serve.maxConnections", maxConnections)))
        }
        if let reports {
            var folder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: reports, isDirectory: &folder), folder.boolValue else {
                throw ValidationError(Output.text(Message("Serve.reports", reports.excerpt)))
            }
        }
        if let token, token.count < 16 {
            throw ValidationError(Output.text(Message("Serve.token")))
        }
    }

    /// The admin token from the flag or the environment.
    var token: String? { adminToken ?? ProcessInfo.processInfo.environment["KRAPTE_ADMIN_TOKEN"].flatMap { $0.isEmpty ? nil : $0 } }

    /// Serves `store` until SIGINT or SIGTERM.
    func serve(_ store: any Store) async throws {
        var logger = Logger(label: "krapte.serve")
        logger.logLevel = .info
        var configuration = WebServer.Configuration(adminToken: token, maxUploadBytes: maxUploadMb << 20, maxConnections: maxConnections)
        configuration.reports = reports.map { URL(fileURLWithPath: $0, isDirectory: true) }
        do {
            if let keyFigures {
                let data = try InputFile.contents(of: URL(fileURLWithPath: keyFigures))
                configuration.sheet = try KeyFigureSheet(decoding: data, file: keyFigures)
            }
            if let targets { configuration.targets = try TargetsFile(contentsOf: URL(fileURLWithPath: targets)) }
            if let definitions { configuration.definitions = try IndicatorDefinitions(contentsOf: URL(fileURLWithPath: definitions)) }
        } catch let error as DefinitionError {
            throw CLIError(error.said)
        } catch let error as any LocatedError {
            throw CLIError(error.said)
        } catch {
            throw CLIError(Message("Serve.hetKerncijferbladNietTe", keyFigures ?? "", error.localizedDescription))
        }
        let app = WebServer.application(store: store, configuration: configuration, host: host, port: port, logger: logger)
        Output.error(Message(token == nil ? "Serve.listeningReadOnly" : "Serve.listeningUploads", host, port))
        try await app.runService()
    }
}
