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

    @Option(name: .long, help: "Write a synthetic tidy CSV of this many observations instead (for benchmarks).")
    var cubeObservations: Int?

    @Option(name: .long, help: "The file for --cube-observations.")
    var cubeFile: String = "cube.csv"

    func run() async throws {
        if let n = cubeObservations {
            try SyntheticCube.sized(occupations: 93, regions: 36, quarters: 80).writeTidyCSV(to: URL(fileURLWithPath: cubeFile), observations: n)
            print("\(n) observaties geschreven naar \(cubeFile)")
            return
        }
        let db = try store.open()
        for release in try DemoData.releases() {
            let outcome = try await db.load(release, loadedAt: Date())
            print(
                "\(release.dataset.id): \(outcome.unchanged ? "al geladen" : "\(release.observationCount) observaties geladen") (vintage \(outcome.vintage.id))"
            )
        }
        print("")
        let result = try await db.query(
            ObservationQuery(dataset: "demo-vacatures", measure: "OpenstaandeVacatures", periods: PeriodRange(parsing: "2024KW01..2024KW04"))
        )
        print(Query.render(result, format: .table))
        print("")
        print(
            "Probeer: krapte query demo-spanning --measure OpenstaandeVacatures --where Beroep=0811 --where RegioS=AM13 --period 2024KW01..2024KW04"
        )
    }
}
