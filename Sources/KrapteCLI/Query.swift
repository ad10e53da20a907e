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

    @Argument(help: "The dataset id.")
    var dataset: String

    @Option(name: .long, help: "The measure, by code or exact title.")
    var measure: String

    @Option(name: .customLong("where"), help: "DIMENSION=MEMBER[,MEMBER...], by code or exact label; repeat for more dimensions.")
    var filters: [String] = []

    @Option(name: .long, help: "A period (2024KW04) or range (2020KW01..2024KW04).")
    var period: String?

    @Option(name: .customLong("as-of"), help: "Answer as published on this date (YYYY-MM-DD).")
    var asOf: String?

    @Option(name: .long, help: "table, csv or json.")
    var format: Format = .table

    @OptionGroup var store: StoreOptions

    func validate() throws {
        for f in filters where !f.contains("=") {
            throw ValidationError("--where takes DIMENSION=MEMBER, not '\(f)'")
        }
        if let period, PeriodRange(parsing: period) == nil {
            throw ValidationError("--period takes a CBS period such as 2024KW04 or a range 2020KW01..2024KW04, not '\(period)'")
        }
        if let asOf, ISO8601DateFormatter.day.date(from: asOf) == nil {
            throw ValidationError("--as-of takes a date as YYYY-MM-DD, not '\(asOf)'")
        }
    }

    /// The query the options describe.
    var query: ObservationQuery {
        ObservationQuery(
            dataset: dataset,
            measure: measure,
            filters: filters.map { f in
                let parts = f.split(separator: "=", maxSplits: 1).map(String.init)
                return .init(dimension: parts[0], members: parts[1].components(separatedBy: ","))
            },
            periods: period.flatMap(PeriodRange.init(parsing:)),
            asOf: asOf.flatMap { ISO8601DateFormatter.day.date(from: $0) }
        )
    }

    func run() async throws {
        do {
            print(Self.render(try await store.open().query(query), format: format))
        } catch let error as StoreError {
            throw CLIError(error.message)
        }
    }

    /// Renders a result as a table (Dutch numbers), CSV or JSON.
    static func render(_ r: QueryResult, format: Format) -> String {
        let dims = r.dataset.dimensions
        switch format {
        case .table:
            let rows = r.rows.map { row in
                row.members.map(\.label) + [
                    row.period.code, row.value.map { DutchNumberFormat.format($0, decimals: r.measure.decimals) } ?? row.attribute.symbol,
                    row.status == .definitief ? "" : row.status.dutchLabel,
                ]
            }
            let table = Output.table(dims.map(\.title) + ["periode", r.measure.title, "status"], rows, rightAligned: [dims.count + 1])
            let published = r.vintage.publishedAt.map { "gepubliceerd \(ISO8601DateFormatter.day.string(from: $0)), " } ?? ""
            return table
                + "\n\nEenheid: \(r.measure.unit.isEmpty ? "onbekend" : r.measure.unit). \(r.dataset.source.citation) (\(r.dataset.id), \(published)vintage \(r.vintage.id))."
        case .csv:
            var lines = [
                (dims.flatMap { [$0.code, "\($0.code)_label"] } + ["period", "value", "status", "attribute"]).map(csvField).joined(separator: ",")
            ]
            for row in r.rows {
                let cells =
                    row.members.flatMap { [$0.code, $0.label] } + [
                        row.period.code, row.value.map { String($0) } ?? "", row.status.dutchLabel,
                        row.attribute == .present ? "" : "\(row.attribute)",
                    ]
                lines.append(cells.map(csvField).joined(separator: ","))
            }
            return lines.joined(separator: "\n")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            let doc = JSONResult(
                dataset: r.dataset.id,
                title: r.dataset.title,
                measure: .init(code: r.measure.code, title: r.measure.title, unit: r.measure.unit, decimals: r.measure.decimals),
                source: r.dataset.source,
                vintage: r.vintage.id,
                publishedAt: r.vintage.publishedAt,
                loadedAt: r.vintage.loadedAt,
                observations: r.rows.map { row in
                    .init(
                        members: Dictionary(uniqueKeysWithValues: zip(dims.map(\.code), row.members.map(\.code))),
                        period: row.period.code,
                        value: row.value,
                        status: row.status.dutchLabel,
                        attribute: row.attribute == .present ? nil : "\(row.attribute)"
                    )
                }
            )
            return String(decoding: (try? encoder.encode(doc)) ?? Data(), as: UTF8.self)
        }
    }

    static func csvField(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    struct JSONResult: Encodable {
        struct MeasureInfo: Encodable {
            var code, title, unit: String
            var decimals: Int
        }
        struct Observation: Encodable {
            var members: [String: String]
            var period: String
            var value: Double?
            var status: String
            var attribute: String?
        }
        var dataset, title: String
        var measure: MeasureInfo
        var source: Source
        var vintage: Int64
        var publishedAt: Date?
        var loadedAt: Date
        var observations: [Observation]
    }
}
