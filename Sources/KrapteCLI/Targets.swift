import ArgumentParser
import Foundation
import KrapteCore
import KrapteRender

/// `krapte targets`: where each policy target stands: the latest value against the baseline and the path, the
/// change needed, the projection to the deadline with its chance, and a status.
struct Targets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Volg beleidsdoelen: stand, pad, benodigde groei, projectie met kans, en status (Guides/Targets.md)."
    )

    @Option(name: .long, help: "Een doelenbestand (JSON); zonder dit de doelen die Krapte meelevert (Actieplan Groene en Digitale Banen).")
    var file: String?

    @Option(name: .long, help: "Alleen dit doel (zijn id).")
    var id: String?

    @Flag(name: .customLong("print"), help: "Schrijf het doelenbestand uit (een begin voor uw eigen).")
    var printFile = false

    @Option(name: .long, help: "table of json.")
    var format: Query.Format = .table

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if format == .csv { throw ValidationError(Output.text(Message("Targets.format"))) }
    }

    func run() async throws { print(try await output()) }

    /// What `run` prints.
    func output() async throws -> String {
        do {
            let targets = try file.map { try TargetsFile(contentsOf: URL(fileURLWithPath: $0)) } ?? .shipped
            if printFile {
                return try file.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? TargetsFile.shippedJSON
            }
            let chosen = targets.targets.indices.filter { id == nil || targets.targets[$0].id == id }
            if let id, chosen.isEmpty {
                throw CLIError(Message("Targets.unknown", id.excerpt, Message.either(targets.targets.map(\.id))))
            }
            let db = try await store.open(existing: true)
            let assessed = try await TargetEngine(store: db, targets: targets).assessAll(chosen)
            return format == .json
                ? TargetsDocument(assessed, unmeasured: id == nil ? targets.withoutData : []).json
                : Self.table(assessed, unmeasured: id == nil ? targets.withoutData : [])
        } catch let error as DefinitionError {
            throw CLIError(error.said)
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }

    /// The targets as blocks of Dutch lines, one per target and series.
    static func table(_ assessed: [TargetEngine.Outcome], unmeasured: [TargetsFile.Unmeasured]) -> String {
        let language = Output.language
        var blocks: [String] = []
        for (target, outcome) in assessed {
            switch outcome {
            case .failure(let error):
                blocks.append(target.title + "\n  " + Output.text(Message("Targets.noData", error.said)))
            case .success(let a):
                for p in a.progress {
                    let l = TargetLines(target, a, p, in: language)
                    let lines =
                        ["\(l.heading): \(p.status.label(in: language))", l.origin, l.measured, l.explanation] + [l.proxy].compactMap { $0 }
                        + [l.figures] + [l.progress, l.needed, l.projection, l.yearAgo].compactMap { $0 } + [l.source]
                    blocks.append(lines.joined(separator: "\n  "))
                }
            }
        }
        if !unmeasured.isEmpty {
            let list = unmeasured.map { "\($0.title): \(Output.text(Message("Targets.noDataStatus")))\n  \($0.explanation)" }
            blocks.append(Output.text(Message("Targets.withoutData")) + "\n" + list.joined(separator: "\n"))
        }
        blocks.append(Output.text(Message("Targets.foot")))
        return blocks.joined(separator: "\n\n")
    }
}
