import ArgumentParser
import Foundation
import KrapteCore
import KrapteIngest

/// `krapte ingest`: loads a file, folder or URL as a new vintage of a dataset.
struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Laad een CBS-tabel (OData v4 of v3, map of URL, CBS/StatLine CSV) of een tidy CSV met mapping.",
        discussion: """
            PATH is een CSV-bestand, een map met bewaarde antwoorden van CBS OData v4 of v3, of een CBS OData-URL: v4 \
            (https://datasets.cbs.nl/odata/v1/CBS/<id>) of v3 (https://opendata.cbs.nl/ODataApi/odata/<id>). Een CSV met --mapping wordt als tidy CSV gelezen; anders als CBS-tabel \
            (met het StatLine-metadatabestand als dat ernaast staat). Elke lading is één transactie: bij een fout wordt niets opgeslagen.
            """
    )

    @Argument(help: "Het bestand, de map of de URL om te laden.")
    var path: String

    @Option(name: .long, help: "De id van de dataset (standaard: de id van de CBS-tabel, of de dataset van de mapping).")
    var dataset: String?

    @Option(name: .long, help: "Een mapping (JSON) voor een tidy CSV.")
    var mapping: String?

    @Option(name: .long, help: "Het metadatabestand (CSV) van een StatLine-download.")
    var metadata: String?

    @Option(name: .long, help: "De publicatiedatum van deze uitgave (JJJJ-MM-DD), als de bron die niet geeft.")
    var published: String?

    @Option(name: .long, help: "De periode van een tabel zonder periodekolom (bijvoorbeeld 2024JJ00).")
    var period: String?

    @Flag(name: .long, help: "Bewaar labels die geen codelijst kent als nieuwe leden, in plaats van te stoppen.")
    var newMembers = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let published, ISO8601DateFormatter.day.date(from: published) == nil {
            throw ValidationError(Output.text(Message("Ingest.published", published.excerpt)))
        }
        if let period, Period.parseLabel(period) == nil {
            throw ValidationError(Output.text(Message("Ingest.period", period.excerpt)))
        }
    }

    func run() async throws {
        var progress: (@Sendable (Int) -> Void)?
        if Output.isTerminal {
            let language = Output.language
            progress = { n in Output.error(Message("Ingest.progress", n).text(in: language)) }
        }
        let options = IngestOptions(
            datasetID: dataset,
            allowNewMembers: newMembers,
            publishedAt: published.flatMap { ISO8601DateFormatter.day.date(from: $0) },
            period: period.flatMap { Period.parseLabel($0)?.period },
            progress: progress
        )
        do {
            var release = try await Self.read(path, mapping: mapping, metadata: metadata, options: options)
            let database = try await store.open()
            try await database.keepStoredMeasureCodes(of: &release, file: path)
            let finished = try release.finish(file: path)
            let outcome = try await database.load(finished, loadedAt: Date())
            if outcome.unchanged {
                Output.print(Message("Ingest.unchanged", finished.dataset.id, outcome.vintage.id))
            } else {
                Output.print(Message("Ingest.loaded", finished.dataset.id, finished.observationCount, finished.seriesCount, outcome.vintage.id))
            }
        } catch let error as IngestError {
            throw CLIError(error.said)
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }

    /// Reads whatever `path` is into a release.
    static func read(_ path: String, mapping: String?, metadata: String?, options: IngestOptions) async throws -> Release {
        if path.hasPrefix("http://") || path.hasPrefix("https://") {
            guard let url = URL(string: path) else { throw CLIError(Message("Ingest.geenUrl", path.excerpt)) }
            if ODataV3Reader.isV3(url) { return try await ODataV3Reader(options: options).read(.http(url)) }
            return try await ODataV4Reader(options: options).read(.http(url))
        }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError(Message("Ingest.ditBestandDezeMap", path))
        }
        if isDirectory.boolValue {
            if ODataV3Reader.isFolder(url) { return try await ODataV3Reader(options: options).read(.folder(url)) }
            guard ODataV4Reader.isFolder(url) else {
                throw CLIError(
                    Message("Ingest.folderHoldsSavedCbs", path)
                )
            }
            return try await ODataV4Reader(options: options).read(.folder(url))
        }
        if let mapping {
            let m = try TidyMapping.load(URL(fileURLWithPath: mapping))
            return try TidyCSVReader(mapping: m, options: options).read(url, mappingFile: mapping)
        }
        return try CBSCSVReader(options: options).read(url, metadata: metadata.map { URL(fileURLWithPath: $0) })
    }
}

/// An error to show the user in the language of the command line, with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    /// What went wrong and what to do.
    var message: Message
    init(_ message: Message) { self.message = message }

    /// The message in the command line's language.
    var description: String { Output.text(message) }
}
