import ArgumentParser
import Foundation
import KrapteCore
import KrapteRender

extension Forecast {
    /// `krapte forecast DATASET`: each selected series forecast, with 80% and 95% intervals, marked "prognose".
    struct Make: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "make",
            abstract: "Voorspel de reeksen van een onderwerp, met 80%- en 95%-voorspelintervallen."
        )

        @OptionGroup var series: SeriesOptions

        @Option(name: .long, help: "Hoeveel perioden vooruit (standaard twee jaar).")
        var horizon: Int?

        @Option(name: .customLong("as-of"), help: "Voorspel vanuit de cijfers zoals gepubliceerd op deze datum (JJJJ-MM-DD).")
        var asOf: String?

        @Option(name: .long, help: "table, csv of json.")
        var format: Query.Format = .table

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if let horizon, !(1...120).contains(horizon) {
                throw ValidationError(Output.text(Message("Forecast.horizon", horizon)))
            }
            if let asOf, ISO8601DateFormatter.day.date(from: asOf) == nil {
                throw ValidationError(Output.text(Message("Query.asOf", asOf.excerpt)))
            }
        }

        func run() async throws { print(try await output()) }

        /// What `run` prints.
        func output() async throws -> String {
            do {
                let db = try await store.open(existing: true)
                let result = try await series.read(db, asOf: asOf.flatMap { ISO8601DateFormatter.day.date(from: $0) })
                let (frequency, method) = series.chosen
                let steps = horizon ?? 2 * frequency.perYear
                let made = series.series(of: result).map { s in
                    (s.members, Result { () throws(ForecastError) in try SeriesForecast.make(s.series, method: method, horizon: steps) })
                }
                return Self.render(made, of: result, format: format)
            } catch let error as StoreError {
                throw CLIError(error.message)
            }
        }

        /// The forecasts as a table per series, or as CSV or JSON rows.
        static func render(_ made: [([Member], Result<SeriesForecast, ForecastError>)], of result: QueryResult, format: Query.Format) -> String {
            let language = Output.language
            let decimals = result.measure.decimals
            let number = { (x: Double) in DutchNumberFormat.format(x, decimals: decimals) }
            switch format {
            case .table:
                var blocks: [String] = []
                for (members, outcome) in made {
                    let name = members.isEmpty ? result.measure.title : members.map(\.label).joined(separator: ", ")
                    switch outcome {
                    case .failure(let refusal):
                        blocks.append(Output.text(Message("Forecast.refused", name, refusal.said)))
                    case .success(let f):
                        let heading = Message("Forecast.heading", name, f.modelName, f.observations, f.first, f.last)
                        let rows = f.steps.map { s in
                            [
                                s.period.label(in: language), number(s.mean), "\(number(s.lower80)) – \(number(s.upper80))",
                                "\(number(s.lower95)) – \(number(s.upper95))", ObservationStatus.prognose.label(in: language),
                            ]
                        }
                        let header = [
                            "Query.column.period", "Forecast.column.forecast", "Forecast.column.interval80", "Forecast.column.interval95",
                            "Query.column.status",
                        ]
                        .map { Output.text(Message($0)) }
                        blocks.append(Output.text(heading) + "\n" + Output.table(header, rows, rightAligned: [1, 2, 3]))
                    }
                }
                if made.isEmpty { blocks.append(Output.text(Message("Forecast.none"))) }
                let unit = result.measure.unit.isEmpty ? Output.text(Message("Query.unknownUnit")) : result.measure.unit
                let source = result.dataset.source.line(dataset: result.dataset.id, vintage: result.vintage.id, in: language)
                var foot = Output.text(Message("Forecast.foot", unit, source))
                if result.dataset.source.illustrative { foot += "\n" + Output.text(Message("Krapte.illustrative")) }
                return (blocks + [foot]).joined(separator: "\n\n")
            case .csv:
                let dimensions = result.dataset.dimensions.map(\.code)
                var lines = [
                    (dimensions + ["periode", "prognose", "ondergrens80", "bovengrens80", "ondergrens95", "bovengrens95", "status", "model"])
                        .joined(separator: ",")
                ]
                for case (let members, .success(let f)) in made {
                    for s in f.steps {
                        let cells =
                            members.map(\.code) + [s.period.code] + [s.mean, s.lower80, s.upper80, s.lower95, s.upper95].map { "\($0)" }
                            + ["prognose", f.modelName]
                        lines.append(cells.map { QueryResultDocument.csvField($0) }.joined(separator: ","))
                    }
                }
                return lines.joined(separator: "\n")
            case .json:
                let rows = made.map { members, outcome in
                    ForecastDocument(
                        members: Dictionary(uniqueKeysWithValues: zip(result.dataset.dimensions.map(\.code), members.map(\.code))),
                        forecast: try? outcome.get(),
                        refusal: { if case .failure(let e) = outcome { e.said.text(in: language) } else { nil } }()
                    )
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                // A constant series has a criterion of minus infinity: written, not a reason to write nothing.
                encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
                return
                    (try? encoder.encode(
                        ForecastDocuments(
                            dataset: result.dataset.id,
                            measure: result.measure.code,
                            vintage: result.vintage.id,
                            status: "prognose",
                            series: rows
                        )
                    ))
                    .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            }
        }
    }

    /// The JSON answer of `krapte forecast --format json`.
    struct ForecastDocuments: Encodable {
        var dataset: String
        var measure: String
        var vintage: Int64
        /// Always "prognose": a forecast is never an observation.
        var status: String
        var series: [ForecastDocument]
    }

    /// One series' forecast, or why it has none.
    struct ForecastDocument: Encodable {
        var members: [String: String]
        var forecast: SeriesForecast?
        var refusal: String?
    }
}
