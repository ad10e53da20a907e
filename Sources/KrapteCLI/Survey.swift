import ArgumentParser
import Foundation
import KrapteCore
import KrapteIngest
import KrapteRender

/// `krapte survey`: weighted shares of a stratified employer survey, and the change between two waves.
struct Survey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Weeg een gestratificeerde werkgeversenquête: aandelen met marges per domein, en verschillen tussen twee metingen.",
        subcommands: [Estimate.self, Compare.self, Table.self]
    )

    /// The three files every survey command reads.
    struct Files: ParsableArguments {
        @Option(name: .long, help: "Het ontwerpbestand (JSON): strata, vragen met hun antwoorden, domeinen, minimum aantal respondenten, kalibratie.")
        var design: String

        @Option(name: .long, help: "Het respondentenbestand (CSV): één rij per respondent.")
        var responses: String

        @Option(name: .long, help: "Het populatiebestand (CSV): het aantal vestigingen N per meting en stratum.")
        var population: String

        @Option(name: .long, help: "Schrijf de CSV naar dit bestand in plaats van naar de standaarduitvoer.")
        var out: String?

        /// The estimator and the data, read and checked.
        func read() throws -> (SurveyEstimator, SurveyMicrodata) {
            do {
                let data = try InputFile.contents(of: URL(fileURLWithPath: design))
                let specification = try SurveySpecification(decoding: data, file: design)
                let microdata = try SurveyFileReader(specification).read(
                    responses: URL(fileURLWithPath: responses),
                    population: URL(fileURLWithPath: population)
                )
                return (SurveyEstimator(specification), microdata)
            } catch let error as DefinitionError {
                throw CLIError(error.said)
            } catch let error as any LocatedError {
                throw CLIError(error.said)
            }
        }

        /// The rows of `waves` (every wave when nil), with a survey error shown as it is.
        func estimate(_ estimator: SurveyEstimator, _ data: SurveyMicrodata, waves: [String]? = nil) throws -> [SurveyRow] {
            do {
                return try estimator.estimate(data, waves: waves)
            } catch let error as SurveyError {
                throw CLIError(error.said)
            }
        }

        /// Writes `text` to `--out` or standard output.
        func write(_ text: String) throws {
            if let out {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out))
            } else {
                print(text, terminator: "")
            }
        }
    }

    struct Estimate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Aandelen per vraag, domein en antwoord met standaardfouten en 95%-intervallen (met en zonder eindigepopulatiecorrectie)."
        )

        @OptionGroup var files: Files

        @Flag(
            name: .long,
            help: "Sla de schattingen op als dataset (de id van het ontwerp) in --db in plaats van CSV te schrijven (tenzij ook --out is gegeven)."
        )
        var store = false

        @OptionGroup var database: StoreOptions

        func run() async throws {
            let (estimator, data) = try files.read()
            let rows = try files.estimate(estimator, data)
            if !store || files.out != nil { try files.write(SurveyDocument.estimates(rows)) }
            guard store else { return }
            let design = estimator.specification
            do {
                let release = try SurveyDataset.release(
                    rows,
                    design: design,
                    source: design.source ?? Source(publisher: "", location: URL(fileURLWithPath: files.responses).lastPathComponent),
                    file: URL(fileURLWithPath: files.responses).lastPathComponent
                )
                let outcome = try await database.open().load(release, loadedAt: Date())
                Output.print(
                    outcome.unchanged
                        ? Message("Survey.unchanged", release.dataset.id, outcome.vintage.id)
                        : Message("Survey.loaded", release.dataset.id, release.observationCount, outcome.vintage.id)
                )
            } catch let error as any LocatedError {
                throw CLIError(error.said)
            } catch let error as StoreError {
                throw CLIError(error.message)
            }
        }
    }

    struct Compare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Het verschil tussen twee metingen als onafhankelijke steekproeven: verandering, standaardfout, interval, z en p."
        )

        @OptionGroup var files: Files

        @Option(name: .long, help: "De twee metingen, de eerste eerst (standaard: de laatste twee in de gegevens), bijvoorbeeld 2024,2025.")
        var waves: String?

        func run() async throws {
            let (estimator, data) = try files.read()
            let present = estimator.waves(data)
            let chosen = waves?.split(separator: ",").map(String.init) ?? Array(present.suffix(2))
            guard chosen.count == 2, chosen.allSatisfy(present.contains) else {
                throw CLIError(
                    Message("Survey.wavesTakesTwoWaves", present.joined(separator: ", "), present.suffix(2).joined(separator: ","))
                )
            }
            let rows = try files.estimate(estimator, data, waves: chosen)
            try files.write(
                SurveyDocument.comparisons(SurveyComparison.pairs(rows, first: chosen[0], second: chosen[1]), first: chosen[0], second: chosen[1])
            )
        }
    }

    struct Table: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Een publicatietabel: een tabel uit het ontwerpbestand (--table) of de antwoorden op één vraag (--question), als hele procenten; onderdrukte cellen als x."
        )

        @OptionGroup var files: Files

        @Option(name: .long, help: "Een tabel uit de tabellen van het ontwerpbestand, bij naam.")
        var table: String?

        @Option(name: .long, help: "Of de kolom van een vraag: de antwoorden per meting, een deel per domein van één kolom.")
        var question: String?

        @Option(name: .long, help: "De metingen naast elkaar, bijvoorbeeld 2025,2024 (standaard: die van de tabel, anders alle, de laatste eerst).")
        var waves: String?

        @Option(
            name: .long,
            help: "Met --question: een deel waarvan de rijen het aandeel van het eerste antwoord volgen, hoogste eerst (herhaal voor meer)."
        )
        var sorted: [String] = []

        @Option(name: .long, help: "text of csv.")
        var format = "text"

        func validate() throws {
            guard ["text", "csv"].contains(format) else { throw ValidationError(Output.text(Message("Survey.format", format.excerpt))) }
            guard (table == nil) != (question == nil) else { throw ValidationError(Output.text(Message("Survey.tableOrQuestion"))) }
        }

        func run() async throws {
            let (estimator, data) = try files.read()
            let design = estimator.specification
            var specification: SurveyTableSpecification
            if let table {
                guard let found = design.tables.first(where: { $0.name == table }) else {
                    let names = design.tables.map(\.name)
                    throw CLIError(
                        names.isEmpty
                            ? Message("Survey.noTablesAtAll", table.excerpt) : Message("Survey.noTable", table.excerpt, names.joined(separator: ", "))
                    )
                }
                specification = found
            } else {
                let sections = design.domains.filter { $0.count == 1 }.map { $0[0] }
                specification = SurveyTableSpecification(
                    name: question!,
                    title: design.question(question!)?.title,
                    questions: [question!],
                    rows: sections,
                    sorted: sorted
                )
            }
            if let waves { specification.waves = waves.split(separator: ",").map(String.init) }
            if let problem = specification.problem(in: design) { throw CLIError(Message("Survey.message", problem.message, problem.fix)) }
            let present = estimator.waves(data)
            let chosen = specification.waves ?? present.reversed()
            guard chosen.allSatisfy(present.contains) else {
                throw CLIError(
                    Message("Survey.deTabelNeemtMetingen", present.joined(separator: ", "), chosen.joined(separator: ","))
                )
            }
            let layout = SurveyTable(specification, design: design, waves: chosen)
            let rows = try files.estimate(estimator, data, waves: chosen)
            try files.write(format == "csv" ? layout.csv(rows) : layout.text(rows, in: Output.language))
        }
    }
}
