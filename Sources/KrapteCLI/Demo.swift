import ArgumentParser
import Foundation
import KrapteCore
import KrapteIngest

/// `krapte demo`: fills the store with the demo set and prints a table from it.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Laad de demoset (gepubliceerde cijfers, CBS-selectie en illustratieve spanningscijfers) en toon een tabel."
    )

    @OptionGroup var store: StoreOptions

    @Option(
        name: .long,
        help:
            "Schrijf in plaats daarvan een gegenereerde werkgeversenquête met zoveel respondenten per meting in --survey-folder (voor tests en benchmarks)."
    )
    var surveyRespondents: Int?

    @Option(name: .long, help: "De map voor --survey-respondents.")
    var surveyFolder: String = "survey"

    @Flag(name: .long, help: "Start daarna de webserver op de demoset (zie krapte serve).")
    var serve = false

    @OptionGroup var server: ServerOptions

    @Option(name: .long, help: "Schrijf in plaats daarvan een gegenereerde tidy CSV met zoveel observaties (voor benchmarks).")
    var cubeObservations: Int?

    @Option(name: .long, help: "Het bestand voor --cube-observations.")
    var cubeFile: String = "cube.csv"

    @Option(
        name: .long,
        help: "Laad alleen een gegenereerde kubus demo-spanning van BEROEPENxREGIOSxKWARTALEN (voor benchmarks), bijvoorbeeld 93x36x80."
    )
    var cubeSize: String?

    func validate() throws {
        try server.validate()
        if let cubeSize, Self.size(cubeSize) == nil {
            throw ValidationError(Output.text(Message("Demo.cubeSize", cubeSize.excerpt)))
        }
    }

    /// Reads `93x36x80`.
    static func size(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 3, parts.allSatisfy({ (1...10_000).contains($0) }) else { return nil }
        return (parts[0], parts[1], parts[2])
    }

    func run() async throws {
        if let (o, r, q) = cubeSize.flatMap(Self.size) {
            let release = try SyntheticCube.sized(occupations: o, regions: r, quarters: q).release().finish(file: "demo-spanning")
            let outcome = try await store.open().load(release, loadedAt: Date())
            Output.print(Message("Demo.cubeLoaded", release.observationCount, outcome.vintage.id))
            return
        }
        if let n = surveyRespondents {
            let folder = URL(fileURLWithPath: surveyFolder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try SyntheticSurvey(respondentsPerWave: n).write(to: folder)
            Output.print(Message("Demo.surveyWritten", n, surveyFolder))
            return
        }
        if let n = cubeObservations {
            // 93 occupations x 36 regions x 2 measures over six sectors and 80 quarters holds 3.2 million rows; a
            // larger file takes every SBI section, then more quarters, so that no row repeats.
            let perQuarterAndSector = 93 * 36 * 2
            let sectors = n <= 6 * 80 * perQuarterAndSector ? SyntheticCube.sectors.prefix(6) : SyntheticCube.sectors[...]
            let quarters = max(80, (n + sectors.count * perQuarterAndSector - 1) / (sectors.count * perQuarterAndSector))
            try SyntheticCube.sized(occupations: 93, regions: 36, quarters: quarters)
                .writeTidyCSV(to: URL(fileURLWithPath: cubeFile), observations: n, sectors: Array(sectors))
            Output.print(Message("Demo.cubeWritten", n, cubeFile))
            return
        }
        let db = try await store.open()
        for release in try DemoData.releases() {
            let outcome = try await db.load(release, loadedAt: Date())
            Output.print(
                outcome.unchanged
                    ? Message("Demo.alreadyLoaded", release.dataset.id, outcome.vintage.id)
                    : Message("Demo.loaded", release.dataset.id, release.observationCount, outcome.vintage.id)
            )
        }
        print("")
        try await Compute.computeAll(IndicatorEngine(store: db, definitions: .shipped), db)
        print("")
        let result = try await db.query(
            ObservationQuery(dataset: "demo-vacatures", measure: "OpenstaandeVacatures", periods: PeriodRange(parsing: "2024KW01..2024KW04"))
        )
        print(Query.render(result, format: .table))
        print("")
        if serve {
            try await server.serve(db)
            return
        }
        Output.print(Message("Demo.try"))
    }
}
