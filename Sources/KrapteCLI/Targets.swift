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
            let engine = TargetEngine(store: db, targets: targets)
            var assessed: [(Target, Result<TargetEngine.Assessment, DefinitionError>)] = []
            for index in chosen {
                do {
                    assessed.append((targets.targets[index], .success(try await engine.assess(index))))
                } catch let error as DefinitionError {
                    assessed.append((targets.targets[index], .failure(error)))
                }
            }
            return format == .json
                ? Self.json(assessed, unmeasured: id == nil ? targets.withoutData : [])
                : Self.table(assessed, unmeasured: id == nil ? targets.withoutData : [])
        } catch let error as DefinitionError {
            throw CLIError(error.said)
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }

    /// The targets as blocks of Dutch lines, one per target and series.
    static func table(_ assessed: [(Target, Result<TargetEngine.Assessment, DefinitionError>)], unmeasured: [TargetsFile.Unmeasured]) -> String {
        let language = Output.language
        var blocks: [String] = []
        for (target, outcome) in assessed {
            guard case .success(let a) = outcome else {
                if case .failure(let error) = outcome {
                    blocks.append(target.title + "\n  " + Output.text(Message("Targets.noData", error.said)))
                }
                continue
            }
            let decimals = target.decimals ?? a.measure.decimals
            let unit = target.unit ?? a.measure.unit
            let number = { (x: Double) in DutchNumberFormat.format(x, decimals: decimals) }
            let signed = { (x: Double) in (x > 0 ? "+" : "") + DutchNumberFormat.format(x, decimals: decimals) }
            for p in a.progress {
                let name = p.members.isEmpty ? target.title : target.title + " — " + p.members.map(\.label).joined(separator: ", ")
                var lines = ["\(name): \(p.status.dutchLabel)"]
                lines.append(Output.text(Message("Targets.origin", target.origin)))
                lines.append(Output.text(Message("Targets.measured", a.measure.title, unit)))
                lines.append(Output.text(Message("Targets.explanation", target.explanation)))
                if let proxy = target.proxy { lines.append(Output.text(Message("Targets.proxy", proxy))) }
                let goal = Message("Targets.goal", target.period, number(target.value), target.path.dutchName)
                if let base = p.baseline, let latest = p.latest {
                    lines.append(Output.text(Message("Targets.figures", base.period, number(base.value), latest.period, number(latest.value), goal)))
                } else {
                    lines.append(Output.text(Message("Targets.missing", target.baseline, goal)))
                }
                if let progress = p.progress, let path = p.pathValue, let gap = p.gap, let latest = p.latest {
                    let side = Message(gap >= 0 ? "Targets.ahead" : "Targets.behind", number(abs(gap)))
                    lines.append(
                        Output.text(
                            Message("Targets.progress", DutchNumberFormat.format(progress * 100, decimals: 0), latest.period, number(path), side)
                        )
                    )
                }
                if let needed = p.requiredYearlyChange {
                    let compound = target.path == .compound
                    let show = { (x: Double) in compound ? (x > 0 ? "+" : "") + DutchNumberFormat.format(x, decimals: 1) + "%" : signed(x) }
                    let recent = p.recentYearlyChange.map { r in
                        Message("Targets.recent", DutchNumberFormat.format(p.recentYears ?? 0, decimals: 0), show(r))
                    }
                    lines.append(Output.text(Message("Targets.needed", show(needed), recent ?? Message("Krapte.as", ""))))
                }
                if let projection = p.projection {
                    lines.append(
                        Output.text(
                            Message(
                                "Targets.projection",
                                projection.period,
                                projection.model,
                                number(projection.mean),
                                "\(number(projection.lower80)) – \(number(projection.upper80))",
                                "\(number(projection.lower95)) – \(number(projection.upper95))",
                                DutchNumberFormat.format(projection.chance * 100, decimals: 0)
                            )
                        )
                    )
                } else if let refusal = p.projectionRefusal {
                    lines.append(Output.text(Message("Targets.noProjection", refusal)))
                }
                lines.append(Output.text(Message("Targets.source", a.source.line(dataset: a.input.dataset, vintage: a.input.vintage, in: language))))
                blocks.append(lines.joined(separator: "\n  "))
            }
        }
        if !unmeasured.isEmpty {
            let list = unmeasured.map { "\($0.title): \(Output.text(Message("Targets.noDataStatus")))\n  \($0.explanation)" }
            blocks.append(Output.text(Message("Targets.withoutData")) + "\n" + list.joined(separator: "\n"))
        }
        blocks.append(Output.text(Message("Targets.foot")))
        return blocks.joined(separator: "\n\n")
    }

    /// A number JSON can hold: nil for none, NaN or infinity.
    private static func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }

    /// The targets as JSON: per target and series the figures, the projection and the status.
    static func json(_ assessed: [(Target, Result<TargetEngine.Assessment, DefinitionError>)], unmeasured: [TargetsFile.Unmeasured]) -> String {
        var targets: [[String: Any]] = []
        for (target, outcome) in assessed {
            var entry: [String: Any] = [
                "id": target.id, "title": target.title, "origin": target.origin, "explanation": target.explanation,
                "target": ["value": target.value, "period": target.period.code], "baseline": target.baseline.code,
                "path": target.path.dutchName,
            ]
            entry["proxy"] = target.proxy
            switch outcome {
            case .failure(let error):
                entry["status"] = TargetStatus.onvoldoendeGegevens.dutchLabel
                entry["error"] = error.description
            case .success(let a):
                entry["source"] = [
                    "dataset": a.input.dataset, "measure": a.input.measure, "vintage": a.input.vintage, "unit": target.unit ?? a.measure.unit,
                ]
                entry["series"] = a.progress.map { p -> [String: Any] in
                    var s: [String: Any] = ["members": p.members.map(\.code), "status": p.status.dutchLabel]
                    s["baseline"] = p.baseline.map { ["period": $0.period.code, "value": $0.value, "status": $0.status.dutchLabel] }
                    s["latest"] = p.latest.map { ["period": $0.period.code, "value": $0.value, "status": $0.status.dutchLabel] }
                    s["progress"] = finite(p.progress)
                    s["pathValue"] = finite(p.pathValue)
                    s["gap"] = finite(p.gap)
                    s["requiredYearlyChange"] = finite(p.requiredYearlyChange)
                    s["recentYearlyChange"] = finite(p.recentYearlyChange)
                    s["projection"] = p.projection.map { j -> [String: Any] in
                        [
                            "period": j.period.code, "mean": j.mean, "lower80": j.lower80, "upper80": j.upper80, "lower95": j.lower95,
                            "upper95": j.upper95, "model": j.model, "chance": j.chance, "status": ObservationStatus.prognose.dutchLabel,
                        ]
                    }
                    return s
                }
            }
            targets.append(entry)
        }
        let without = unmeasured.map { ["title": $0.title, "origin": $0.origin, "explanation": $0.explanation, "status": "geen gegevens"] }
        let data =
            (try? JSONSerialization.data(withJSONObject: ["targets": targets, "withoutData": without], options: [.prettyPrinted, .sortedKeys]))
            ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
