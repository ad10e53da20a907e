import ArgumentParser
import Foundation
import KrapteCore
import KrapteRender

/// `krapte show`: a dataset's dimensions, members, measures, periods with their statuses, and vintages.
struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Toon de metadata van een dataset: dimensies, leden, onderwerpen, perioden en versies."
    )

    @Argument(help: "De id van de dataset.")
    var dataset: String

    @Option(name: .long, help: "Toon ten hoogste zoveel leden per dimensie (0: alle).")
    var members: Int = 25

    @OptionGroup var store: StoreOptions

    func run() async throws {
        do {
            let db = try await store.open(existing: true)
            let (meta, vintages) = try await db.latest(dataset)
            guard let latest = vintages.last else { throw CLIError("\(dataset.excerpt) heeft geen versies") }
            print("\(meta.id): \(meta.title)")
            if meta.source.illustrative { print("Let op: illustratieve, gegenereerde cijfers; geen echte data.") }
            print(
                "\(meta.source.line(dataset: meta.id, vintage: latest.id)); \(meta.source.location)\(meta.source.licence.isEmpty ? "" : ", licentie \(meta.source.licence)")"
            )
            if let derivation = meta.derivation { print(Query.describe(derivation)) }
            print("")
            for d in meta.dimensions {
                print(
                    "Dimensie \(d.code) (\(d.title); \(DutchNames.kind(d.kind))\(d.codeList.map { ", codelijst \($0)" } ?? ", eigen leden")): \(d.members.count) leden"
                )
                let shown = members == 0 ? d.members : Array(d.members.prefix(members))
                for m in shown { print("  \(m.code)\t\(m.label)") }
                if shown.count < d.members.count { print("  ... en \(d.members.count - shown.count) meer (--members 0 toont alle)") }
            }
            print("")
            print(
                Output.table(
                    ["onderwerp", "titel", "eenheid", "decimalen", "soort"],
                    meta.measures.map {
                        [
                            $0.code, $0.title, $0.unit.isEmpty ? "(onbekend)" : $0.unit, "\($0.decimals)\($0.decimalsInferred ? "a" : "")",
                            DutchNames.kind($0.kind),
                        ]
                    },
                    rightAligned: [3]
                )
            )
            if meta.measures.contains(where: \.decimalsInferred) { print("a: de bron geeft geen decimalen; ze zijn afgeleid uit de waarden") }
            print("")
            var periods: [Period: ObservationStatus] = [:]
            if let first = meta.measures.first { periods = try await db.periodStatuses(of: dataset, vintage: latest.id, measure: first.code) }
            let sorted = periods.keys.sorted()
            print("Perioden: \(sorted.count), van \(sorted.first?.dutchLabel ?? "-") tot en met \(sorted.last?.dutchLabel ?? "-")")
            for status in [ObservationStatus.naderVoorlopig, .voorlopig] {
                let these = sorted.filter { periods[$0] == status }
                if !these.isEmpty { print("  \(status.dutchLabel): \(these.map(\.dutchLabel).joined(separator: ", "))") }
            }
            print("")
            print(
                Output.table(
                    ["versie", "gepubliceerd", "geladen", "formaat", "observaties"],
                    vintages.map { v in
                        [
                            "\(v.id)", v.publishedAt.map { ISO8601DateFormatter.day.string(from: $0) } ?? "-",
                            ISO8601DateFormatter().string(from: v.loadedAt), DutchNames.format(v.format),
                            DutchNumberFormat.integer(v.observationCount),
                        ]
                    },
                    rightAligned: [0, 4]
                )
            )
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }
}
