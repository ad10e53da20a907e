import ArgumentParser
import Foundation
import KrapteCore
import KrapteIngest

/// `krapte ingest`: loads a file, folder or URL as a new vintage of a dataset.
struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Laad een CBS-tabel (OData v4 of v3, map of URL, CBS/StatLine CSV) of een tidy CSV met mapping.",
        discussion: """
            PATH is a CSV file, a folder of saved CBS OData v4 or v3 responses, or a CBS OData URL: v4 \
            (https://datasets.cbs.nl/odata/v1/CBS/<id>) or v3 (https://opendata.cbs.nl/ODataApi/odata/<id>). A CSV with --mapping is read as tidy CSV; otherwise as a CBS table \
            (with its StatLine metadata CSV when one lies beside it). Every load is one transaction: on an error nothing is stored.
            """
    )

    @Argument(help: "The file, folder or URL to load.")
    var path: String

    @Option(name: .long, help: "The dataset id (default: the CBS table id, or the mapping's dataset).")
    var dataset: String?

    @Option(name: .long, help: "A JSON mapping file for a tidy CSV.")
    var mapping: String?

    @Option(name: .long, help: "The StatLine metadata CSV of a StatLine download.")
    var metadata: String?

    @Option(name: .long, help: "The publication date of this release (YYYY-MM-DD), when the source does not give it.")
    var published: String?

    @Option(name: .long, help: "The period of a table without a period column (for example 2024JJ00).")
    var period: String?

    @Flag(name: .long, help: "Keep labels that no code list knows as new members instead of failing.")
    var newMembers = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let published, ISO8601DateFormatter.day.date(from: published) == nil {
            throw ValidationError("--published takes a date as YYYY-MM-DD, not \(published.excerpt)")
        }
        if let period, Period.parseLabel(period) == nil {
            throw ValidationError("--period takes a CBS period such as 2024JJ00, not \(period.excerpt)")
        }
    }

    func run() async throws {
        var progress: (@Sendable (Int) -> Void)?
        if Output.isTerminal {
            progress = { n in Output.error("  \(n) records read...") }
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
                print("\(finished.dataset.id): deze release is al geladen (versie \(outcome.vintage.id)); niets gewijzigd")
            } else {
                print(
                    "\(finished.dataset.id): \(finished.observationCount) observaties in \(finished.seriesCount) reeksen geladen als versie \(outcome.vintage.id)"
                )
            }
        } catch let error as IngestError {
            throw CLIError(error.description)
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }

    /// Reads whatever `path` is into a release.
    static func read(_ path: String, mapping: String?, metadata: String?, options: IngestOptions) async throws -> Release {
        if path.hasPrefix("http://") || path.hasPrefix("https://") {
            guard let url = URL(string: path) else { throw CLIError("\(path.excerpt) is not a URL") }
            if ODataV3Reader.isV3(url) { return try await ODataV3Reader(options: options).read(.http(url)) }
            return try await ODataV4Reader(options: options).read(.http(url))
        }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError("\(path): no such file or folder")
        }
        if isDirectory.boolValue {
            if ODataV3Reader.isFolder(url) { return try await ODataV3Reader(options: options).read(.folder(url)) }
            guard ODataV4Reader.isFolder(url) else {
                throw CLIError(
                    "\(path): the folder holds no saved CBS OData responses (v4: dimensions.json and measure-codes.json; v3: data-properties.json)"
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

/// An error to show the user as it is, with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
