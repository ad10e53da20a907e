import ArgumentParser
import Foundation

/// The `krapte` command: load, list and query labour-market figures.
public struct Krapte: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "krapte",
        abstract: "Krapte: arbeidsmarktcijfers laden, bekijken en bevragen.",
        subcommands: [Demo.self, Ingest.self, Datasets.self, Show.self, Query.self, Compute.self, Survey.self, Serve.self, Remove.self]
    )

    public init() {}

    /// Runs the command line: a Krapte error is written as `Fout: ...` and ends the process with status 1; help,
    /// versions and mistakes in the arguments are left to ArgumentParser, which shows the usage with them.
    public static func run(_ arguments: [String]? = nil) async {
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("Fout: \(error.description)\n".utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}
