import ArgumentParser
import Foundation
import KrapteCore
import KrapteRender

/// `krapte remove`: removes a dataset, or one of its vintages, from the store; only with `--yes`.
struct Remove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verwijder een dataset, of één versie ervan, uit de database (alleen met --yes).",
        discussion: """
            Zonder --yes zegt het alleen wat verwijderd zou worden. Datasets die eruit berekend zijn (krapte compute) worden genoemd; \
            die blijven staan en worden bij de volgende krapte compute opnieuw berekend. Niets anders wordt ooit verwijderd.
            """
    )

    @Argument(help: "De id van de dataset.")
    var dataset: String

    @Option(name: .long, help: "Verwijder alleen deze versie (krapte show toont ze); zonder dit alle versies.")
    var vintage: Int64?

    @Flag(name: .long, help: "Verwijder echt; zonder dit wordt niets verwijderd.")
    var yes = false

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let store = try await store.open(existing: true)
        do {
            let vintages = try await store.vintages(of: dataset)
            let chosen = try StoredForm.removal(of: vintage, from: vintages, dataset: dataset)
            let what = Self.describe(chosen, of: dataset, whole: chosen.count == vintages.count)
            let dependents = try await store.dependents(of: dataset)
            let note = dependents.isEmpty ? "" : "\n" + Output.text(Message("Remove.dependents", dependents.joined(separator: ", ")))
            guard yes else {
                Output.print(Message("Remove.wouldRemove", what, note))
                return
            }
            _ = try await store.remove(dataset, vintage: vintage, removedAt: Date())
            Output.print(Message("Remove.removed", what, note))
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }

    /// The vintages in words: `dataset 80472ned met alle 2 vintages (12.345 observaties)` when they are the whole
    /// dataset, else `vintage 3 van 80472ned (6.172 observaties)`.
    static func describe(_ vintages: [Vintage], of dataset: String, whole: Bool) -> Message {
        let observations = DutchNumberFormat.integer(vintages.reduce(0) { $0 + $1.observationCount })
        if whole {
            return vintages.count == 1
                ? Message("Remove.wholeOne", dataset, observations) : Message("Remove.wholeAll", dataset, vintages.count, observations)
        }
        return Message("Remove.versions", vintages.map { String($0.id) }.joined(separator: ", "), dataset, observations)
    }
}
