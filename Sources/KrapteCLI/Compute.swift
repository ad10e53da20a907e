import ArgumentParser
import Foundation
import KrapteCore
import KrapteRender

/// `krapte compute`: computes indicators from their definitions and stores them as derived datasets.
struct Compute: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bereken indicatoren uit hun definities en sla ze op als afgeleide datasets met hun herkomst."
    )

    @Argument(help: "De id van de indicator (krapte compute --list toont ze).")
    var indicator: String?

    @Option(name: .long, help: "Een definitiebestand (JSON); zonder dit de definities die Krapte meelevert.")
    var definitions: String?

    @Flag(name: .long, help: "Bereken elke indicator waarvan de invoer in de database staat, in volgorde van afhankelijkheid.")
    var all = false

    @Flag(name: .long, help: "Toon de indicatoren van de definities.")
    var list = false

    @Flag(name: .customLong("print-definitions"), help: "Schrijf het definitiebestand uit (een begin voor uw eigen).")
    var printDefinitions = false

    @Option(name: .customLong("where"), help: "DIMENSIE=LID[,LID...] van het resultaat om te tonen; herhaal voor meer dimensies.")
    var filters: [String] = []

    @Option(name: .long, help: "De perioden van het resultaat om te tonen: 2024KW04, of een reeks 2020KW01..2024KW04.")
    var period: String?

    @Option(name: .long, help: "table, csv of json.")
    var format: Query.Format = .table

    @OptionGroup var store: StoreOptions

    func validate() throws {
        let modes = [indicator != nil, all, list, printDefinitions].filter { $0 }.count
        guard modes == 1 else {
            throw ValidationError(Output.text(Message("Compute.oneMode")))
        }
        for f in filters where !f.contains("=") {
            throw ValidationError(Output.text(Message("Compute.where", f.excerpt)))
        }
        if let period, PeriodRange(parsing: period) == nil {
            throw ValidationError(Output.text(Message("Compute.period", period.excerpt)))
        }
    }

    func run() async throws {
        do {
            let defs = try definitions.map { try IndicatorDefinitions(contentsOf: URL(fileURLWithPath: $0)) } ?? .shipped
            if list {
                print(
                    Output.table(
                        ["indicator", "title", "operation", "inputs"].map { Output.text(Message("Compute.column.\($0)")) },
                        defs.indicators.map { [$0.id, $0.title, $0.operation, $0.inputDatasets.sorted().joined(separator: ", ")] }
                    )
                )
                return
            }
            if printDefinitions {
                if let definitions {
                    print(try String(contentsOfFile: definitions, encoding: .utf8))
                } else {
                    print(IndicatorDefinitions.shippedJSON)
                }
                return
            }
            let db = try await store.open(existing: true)
            let engine = IndicatorEngine(store: db, definitions: defs)
            if all {
                try await Self.computeAll(engine, db)
                return
            }
            let (computed, outcome) = try await engine.computeAndStore(indicator!)
            Output.error(Self.summary(computed, outcome))
            try await show(computed, in: db)
        } catch let error as DefinitionError {
            throw CLIError(error.said)
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }

    /// One line on what a computation stored.
    static func summary(_ c: IndicatorEngine.Computed, _ outcome: LoadOutcome) -> Message {
        let id = c.definition.id
        let vintage = outcome.vintage.id
        return outcome.unchanged
            ? Message("Compute.unchanged", id, c.release.observationCount, c.series.count, vintage)
            : Message("Compute.stored", id, c.release.observationCount, c.series.count, vintage)
    }

    /// Computes every indicator whose input datasets are in the store or computed before it, printing a line
    /// for each and saying on standard error which were skipped and which failed, with the reason. Indicators that
    /// do not read each other are computed at the same time (the store writes one at a time). One that fails does
    /// not stop the others; those that read it are skipped.
    /// - Throws: `CLIError` naming the failed indicators, after all the others have been computed.
    static func computeAll(_ engine: IndicatorEngine, _ db: any Store) async throws {
        var present = Set(try await db.datasets().map(\.id))
        var failed: [String] = []
        var waiting = try engine.definitions.dependencyOrder()
        while !waiting.isEmpty {
            // The next round: the indicators that read no indicator still waiting (never empty, as there is no circle).
            let pending = Set(waiting.map(\.id))
            let round = waiting.filter { $0.inputDatasets.isDisjoint(with: pending) }
            waiting.removeAll { $0.inputDatasets.isDisjoint(with: pending) }
            var ready: [IndicatorDefinition] = []
            for d in round {
                let missing = d.inputDatasets.subtracting(present).sorted()
                if missing.isEmpty {
                    ready.append(d)
                } else if let input = missing.first(where: failed.contains) {
                    Output.error(Message("Compute.skippedFailed", d.id, input))
                } else {
                    Output.error(Message("Compute.skippedMissing", d.id, missing.joined(separator: ", ")))
                }
            }
            let results = await withTaskGroup(of: (Int, Result<Message, CLIError>).self) { group in
                for (i, d) in ready.enumerated() {
                    group.addTask {
                        do {
                            let (computed, outcome) = try await engine.computeAndStore(d.id)
                            return (i, .success(Self.summary(computed, outcome)))
                        } catch {
                            return (i, .failure(CLIError(Message("Compute.mislukt", d.id, Self.reason(error)))))
                        }
                    }
                }
                var results: [(Int, Result<Message, CLIError>)] = []
                for await result in group { results.append(result) }
                return results.sorted { $0.0 < $1.0 }
            }
            for (i, result) in results {
                switch result {
                case .success(let line):
                    Output.print(line)
                    present.insert(ready[i].id)
                case .failure(let error):
                    Output.error(error.description)
                    failed.append(ready[i].id)
                }
            }
        }
        if !failed.isEmpty {
            throw CLIError(Message("Compute.vanDeIndicatorenMislukt", failed.count, failed.joined(separator: ", ")))
        }
    }

    /// What went wrong, as the command line says it.
    private static func reason(_ error: any Error) -> Message {
        switch error {
        case let error as StoreError: error.message
        case let error as DefinitionError: error.said
        case let error as any LocatedError: error.said
        case let error as CLIError: error.message
        default: Message("Krapte.as", String(describing: error))
        }
    }

    /// Prints the stored result, narrowed by `--where` and `--period`, with the typering beside the
    /// spanningsindicator.
    private func show(_ computed: IndicatorEngine.Computed, in db: any Store) async throws {
        var query = ObservationQuery(
            dataset: computed.definition.id,
            measure: computed.definition.id,
            filters: filters.map { f in
                let parts = f.split(separator: "=", maxSplits: 1).map(String.init)
                return .init(dimension: parts[0], members: parts[1].components(separatedBy: ","))
            },
            periods: period.flatMap(PeriodRange.init(parsing:))
        )
        let result = try await db.query(query)
        var extra: [QueryResultDocument.Column] = []
        if computed.dataset.measure(named: IndicatorEngine.typeringMeasure) != nil {
            query.measure = IndicatorEngine.typeringMeasure
            var types: [[String]: String] = [:]
            for row in try await db.query(query).rows {
                let classes = Spanningsindicator.Typering.allCases
                if let v = row.value, let i = Int(exactly: v), classes.indices.contains(i) {
                    types[row.members.map(\.code) + [row.period.code]] = classes[i].rawValue
                }
            }
            extra.append(
                QueryResultDocument.Column(
                    title: Output.text(Message("Compute.column.typering")),
                    values: result.rows.map { types[$0.members.map(\.code) + [$0.period.code]] ?? "" }
                )
            )
        }
        print(Query.render(result, format: format, extra: extra))
    }
}
