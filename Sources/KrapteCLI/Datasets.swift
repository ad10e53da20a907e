import ArgumentParser
import Foundation
import KrapteCore
import KrapteRender

/// `krapte datasets`: lists the datasets in the store.
struct Datasets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Toon de datasets in de database.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let all = try await store.open(existing: true).datasets()
        if all.isEmpty {
            Output.print(Message("Datasets.empty", store.path))
            return
        }
        print(
            Output.table(
                ["dataset", "title", "versions", "observations", "source"].map { Output.text(Message("Datasets.column.\($0)")) },
                all.map { s in
                    [
                        s.id, s.title, "\(s.vintageCount)", DutchNumberFormat.integer(s.latest.observationCount),
                        s.latest.source.citation(in: Output.language),
                    ]
                },
                rightAligned: [2, 3]
            )
        )
    }
}
