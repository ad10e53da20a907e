import ArgumentParser
import Foundation
import KrapteCore
import KrapteRender

/// `krapte query`: the observations of one measure, filtered by members, periods and release date.
struct Query: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Vraag waarden op: één onderwerp, gefilterd op leden, perioden en publicatiedatum."
    )

    /// How to print the answer.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @Argument(help: "De id van de dataset.")
    var dataset: String

    @Option(name: .long, help: "Het onderwerp, met code of titel; mag weg als de dataset er één heeft.")
    var measure: String?

    @Option(name: .customLong("where"), help: "DIMENSIE=LID[,LID...], met code of label; herhaal voor meer dimensies.")
    var filters: [String] = []

    @Option(name: .long, help: "Een periode (2024KW04) of reeks (2020KW01..2024KW04).")
    var period: String?

    @Option(name: .customLong("as-of"), help: "Antwoord zoals gepubliceerd op deze datum (JJJJ-MM-DD).")
    var asOf: String?

    @Option(name: .long, help: "table, csv of json.")
    var format: Format = .table

    @OptionGroup var store: StoreOptions

    func validate() throws {
        for f in filters where !f.contains("=") {
            throw ValidationError(Output.text(Message("Compute.where", f.excerpt)))
        }
        if let period, PeriodRange(parsing: period) == nil {
            throw ValidationError(Output.text(Message("Compute.period", period.excerpt)))
        }
        if let asOf, ISO8601DateFormatter.day.date(from: asOf) == nil {
            throw ValidationError(Output.text(Message("Query.asOf", asOf.excerpt)))
        }
    }

    /// The query the options describe, of `measure` (by default `--measure`); `metadata` tells a member label that
    /// holds a comma from a list of members.
    func query(measure: String? = nil, metadata: Dataset? = nil) -> ObservationQuery {
        ObservationQuery(
            dataset: dataset,
            measure: measure ?? self.measure ?? "",
            filters: Self.filters(filters, of: metadata),
            periods: period.flatMap(PeriodRange.init(parsing:)),
            asOf: asOf.flatMap { ISO8601DateFormatter.day.date(from: $0) }
        )
    }

    /// `--where DIMENSIE=LID[,LID...]` options as filters (each checked by `validate` to hold a `=`). A value that is
    /// one member's code or label in `dataset` is that member, commas and all: `Bedrijfskenmerken=A Landbouw, bosbouw
    /// en visserij`.
    static func filters(_ given: [String], of dataset: Dataset? = nil) -> [ObservationQuery.Filter] {
        given.map { f in
            let parts = f.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let value = parts.count > 1 ? parts[1] : ""
            let whole = dataset?.dimension(named: parts[0])?.members.contains { $0.code == value || $0.label == value } == true
            return .init(dimension: parts[0], members: whole ? [value] : value.components(separatedBy: ","))
        }
    }

    func run() async throws {
        do {
            let db = try await store.open(existing: true)
            // Read once; a dataset that does not read is the query's to explain.
            let latest = try? await db.latest(dataset)
            let asked = query(measure: try await Self.measure(measure, of: dataset, in: db), metadata: latest?.metadata)
            let result = try await db.query(asked, latest: latest)
            let extra = try await QueryResultDocument.forecastColumns(for: result, of: asked, in: db)
            // CSV and JSON go out as they are written, a megabyte at a time.
            let write = { (bytes: [UInt8]) in try FileHandle.standardOutput.write(contentsOf: Data(bytes)) }
            switch format {
            case .table: print(Self.render(result, format: format, extra: extra))
            case .csv: try QueryResultDocument(result, extra: extra).writeCSV(to: write)
            case .json:
                try QueryResultDocument(result, extra: extra).writeJSON(to: write)
                try write([0x0A])
            }
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }

    /// `given`, or the one measure of `dataset` when none is given.
    /// - Throws: `CLIError` listing the measures when the dataset has several and none is given.
    static func measure(_ given: String?, of dataset: String, in db: any Store) async throws -> String {
        if let given { return given }
        let measures = try await db.latest(dataset).metadata.measures
        if measures.count == 1, let only = measures.first { return only.code }
        let codes = measures.prefix(20).map(\.code).joined(separator: ", ")
        let more = measures.count > 20 ? Message("Query.more", dataset.excerpt) : Message("Krapte.as", "")
        throw CLIError(Message("Query.heeftOnderwerpenKiesEr", dataset.excerpt, measures.count, codes, more))
    }

    /// Renders a result as a table (Dutch numbers), CSV or JSON; a derived dataset's figures come with their
    /// input periods and the derivation.
    static func render(_ r: QueryResult, format: Format, extra: [QueryResultDocument.Column] = []) -> String {
        let language = Output.language
        let dims = r.dataset.dimensions
        let derived = r.dataset.derivation != nil
        switch format {
        case .table:
            let rows = r.rows.enumerated().map { i, row -> [String] in
                let value = row.value.map { DutchNumberFormat.format($0, decimals: r.measure.decimals) } ?? row.attribute.symbol
                var cells = row.members.map(\.label) + [row.period.label(in: language), value]
                cells += extra.map { column in
                    let cell = column.values.indices.contains(i) ? column.values[i] : ""
                    return Double(cell).map { DutchNumberFormat.format($0, decimals: r.measure.decimals) } ?? cell
                }
                cells.append(row.status == .definitief ? "" : row.status.label(in: language))
                if derived { cells.append(row.inputs.map { $0.label(in: language) }.joined(separator: ", ")) }
                return cells
            }
            let header =
                dims.map(\.title) + [Output.text(Message("Query.column.period")), r.measure.title] + extra.map(\.title)
                + [Output.text(Message("Query.column.status"))] + (derived ? [Output.text(Message("Query.column.inputs"))] : [])
            let numeric = extra.indices.filter { c in extra[c].values.allSatisfy { $0.isEmpty || Double($0) != nil } }.map { dims.count + 2 + $0 }
            let table = Output.table(header, rows, rightAligned: Set([dims.count + 1] + numeric))
            let unit = r.measure.unit.isEmpty ? Output.text(Message("Query.unknownUnit")) : r.measure.unit
            let source = r.dataset.source.line(dataset: r.dataset.id, vintage: r.vintage.id, in: language)
            let published = r.vintage.publishedAt.map { ISO8601DateFormatter.day.string(from: $0) }
            var text =
                table + "\n\n"
                + Output.text(published.map { Message("Query.footPublished", unit, source, $0) } ?? Message("Query.foot", unit, source))
            if r.dataset.source.illustrative { text += "\n" + Output.text(Message("Krapte.illustrative")) }
            if r.total == 0 {
                text +=
                    "\n"
                    + Output.text(
                        r.available.map { Message("Query.noneInRange", $0.lowerBound.label(in: language), $0.upperBound.label(in: language)) }
                            ?? Message("Query.none")
                    )
            }
            if let d = r.dataset.derivation { text += "\n" + Self.describe(d) }
            return text
        case .csv:
            var text = QueryResultDocument(r, extra: extra).csv
            if text.hasSuffix("\n") { text.removeLast() }
            return text
        case .json:
            return QueryResultDocument(r, extra: extra).json
        }
    }

    /// The derivation in words: the formula and every input with its vintage.
    static func describe(_ d: Derivation) -> String {
        let inputs = d.inputs.map { i in
            let members = i.members.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.joined(separator: ","))" }
            let published = i.publishedAt.map { Output.text(Message("Query.inputPublished", ISO8601DateFormatter.day.string(from: $0))) } ?? ""
            let summed =
                (i.sumOver.isEmpty ? "" : Output.text(Message("Query.inputSummed", i.sumOver.joined(separator: ", "))))
                + (i.rollUp.isEmpty ? "" : Output.text(Message("Query.inputRolledUp", i.rollUp.joined(separator: ", "))))
            let chosen = members.isEmpty ? "" : " [\(members.joined(separator: "; "))]"
            let version = Output.text(Message("Query.inputVersion", String(i.vintage), published))
            return "  \(i.series.map { "\($0) " } ?? "")\(i.role): \(i.dataset) \(i.measure)\(chosen)\(summed) (\(version))"
        }
        return ([Output.text(Message("Query.computed", d.operation, d.formula))] + inputs).joined(separator: "\n")
    }
}
