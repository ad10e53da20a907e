import ArgumentParser
import Foundation
import KrapteCore

/// The `krapte` command: load, list and query labour-market figures.
public struct Krapte: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "krapte",
        abstract: "Krapte: arbeidsmarktcijfers laden, bekijken en bevragen.",
        discussion: "Meldingen en tabellen zijn in het Nederlands; --lang en (of KRAPTE_LANG=en) geeft ze in het Engels.",
        subcommands: [
            Demo.self, Ingest.self, Datasets.self, Show.self, Query.self, Compute.self, Forecast.self, Targets.self, Survey.self, Report.self,
            Serve.self,
            Remove.self,
        ]
    )

    public init() {}

    /// Runs the command line in the language of `--lang` (anywhere among the arguments) or `KRAPTE_LANG`: a Krapte
    /// error is written as `Fout: ...` and ends the process with status 1; help, versions and mistakes in the
    /// arguments are left to ArgumentParser, which shows the usage with them.
    public static func run(_ arguments: [String]? = nil) async {
        let (language, rest) = Self.language(in: arguments ?? Array(CommandLine.arguments.dropFirst()))
        await Output.$language.withValue(language) {
            do {
                var command = try parseAsRoot(rest)
                if var asynchronous = command as? any AsyncParsableCommand {
                    try await asynchronous.run()
                } else {
                    try command.run()
                }
            } catch let error as CLIError {
                Output.error(Message("Krapte.error", error.message))
                Foundation.exit(1)
            } catch {
                exit(withError: error)
            }
        }
    }

    /// The language `--lang en` or `--lang=en` asks for (else `KRAPTE_LANG`, else Dutch), and the arguments without it.
    static func language(in arguments: [String]) -> (Language, [String]) {
        var option: String?
        var rest: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--lang", i + 1 < arguments.count {
                option = arguments[i + 1]
                i += 2
                continue
            }
            if argument.hasPrefix("--lang=") {
                option = String(argument.dropFirst("--lang=".count))
            } else {
                rest.append(argument)
            }
            i += 1
        }
        return (Language.chosen(option, environment: ProcessInfo.processInfo.environment), rest)
    }
}
