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
            guard let latest = vintages.last else { throw CLIError(Message("Show.heeftGeenVersies", dataset.excerpt)) }
            let language = Output.language
            print("\(meta.id): \(meta.title)")
            if meta.source.illustrative { Output.print(Message("Krapte.illustrative")) }
            let licence = meta.source.licence.isEmpty ? "" : Output.text(Message("Show.licence", meta.source.licence))
            print("\(meta.source.line(dataset: meta.id, vintage: latest.id, in: language)); \(meta.source.location)\(licence)")
            if let derivation = meta.derivation { print(Query.describe(derivation)) }
            print("")
            for d in meta.dimensions {
                let kind = ReaderNames.kind(d.kind, in: language)
                Output.print(
                    d.codeList.map { Message("Show.dimensionList", d.code, d.title, kind, $0, d.members.count) }
                        ?? Message("Show.dimensionOwn", d.code, d.title, kind, d.members.count)
                )
                let shown = members == 0 ? d.members : Array(d.members.prefix(members))
                for m in shown { print("  \(m.code)\t\(m.label)") }
                if shown.count < d.members.count { Output.print(Message("Show.more", d.members.count - shown.count)) }
            }
            print("")
            print(
                Output.table(
                    ["measure", "title", "unit", "decimals", "kind"].map { Output.text(Message("Show.column.\($0)")) },
                    meta.measures.map {
                        [
                            $0.code, $0.title, $0.unit.isEmpty ? Output.text(Message("Show.unknownUnit")) : $0.unit,
                            "\($0.decimals)\($0.decimalsInferred ? "a" : "")", ReaderNames.kind($0.kind, in: language),
                        ]
                    },
                    rightAligned: [3]
                )
            )
            if meta.measures.contains(where: \.decimalsInferred) { Output.print(Message("Show.inferred")) }
            print("")
            var periods: [Period: ObservationStatus] = [:]
            if let first = meta.measures.first { periods = try await db.periodStatuses(of: dataset, vintage: latest.id, measure: first.code) }
            let sorted = periods.keys.sorted()
            let first = sorted.first?.label(in: language) ?? "-"
            Output.print(Message("Show.periods", sorted.count, first, sorted.last?.label(in: language) ?? "-"))
            for status in [ObservationStatus.naderVoorlopig, .voorlopig] {
                let these = sorted.filter { periods[$0] == status }
                if !these.isEmpty { print("  \(status.label(in: language)): \(these.map { $0.label(in: language) }.joined(separator: ", "))") }
            }
            print("")
            print(
                Output.table(
                    ["version", "published", "loaded", "format", "observations"].map { Output.text(Message("Show.column.\($0)")) },
                    vintages.map { v in
                        [
                            "\(v.id)", v.publishedAt.map { ISO8601DateFormatter.day.string(from: $0) } ?? "-",
                            ISO8601DateFormatter().string(from: v.loadedAt), ReaderNames.format(v.format, in: language),
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
