import ArgumentParser

/// The `krapte` command: load, list and query labour-market figures.
public struct Krapte: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "krapte",
        abstract: "Krapte: arbeidsmarktcijfers laden, bekijken en bevragen.",
        subcommands: [Demo.self, Ingest.self, Datasets.self, Show.self, Query.self, Compute.self, Survey.self, Serve.self, Remove.self]
    )

    public init() {}
}
