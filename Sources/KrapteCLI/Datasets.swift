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
            print("De database \(store.path) is leeg. Laad de demoset met `krapte demo` of een tabel met `krapte ingest`.")
            return
        }
        print(
            Output.table(
                ["dataset", "titel", "versies", "observaties", "bron"],
                all.map { s in
                    [s.id, s.title, "\(s.vintageCount)", DutchNumberFormat.integer(s.latest.observationCount), s.latest.source.citation]
                },
                rightAligned: [2, 3]
            )
        )
    }
}
