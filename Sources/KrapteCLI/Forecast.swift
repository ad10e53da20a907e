import ArgumentParser
import Foundation
import KrapteCore
import KrapteRender

/// `krapte forecast`: forecasts of the series of one measure, with their intervals; `krapte forecast backtest`:
/// how well forecasts from earlier releases did.
struct Forecast: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Maak prognoses met voorspelintervallen, of toets eerdere prognoses (backtest).",
        subcommands: [Make.self, Backtest.self],
        defaultSubcommand: Make.self
    )

    /// The series to forecast: a measure of a dataset, filtered, in one frequency.
    struct SeriesOptions: ParsableArguments {
        @Argument(help: "De id van de dataset.")
        var dataset: String

        @Option(name: .long, help: "Het onderwerp, met code of titel; mag weg als de dataset er één heeft.")
        var measure: String?

        @Option(name: .customLong("where"), help: "DIMENSIE=LID[,LID...], met code of label; herhaal voor meer dimensies.")
        var filters: [String] = []

        @Option(name: .long, help: "De frequentie die voorspeld wordt: jaar, halfjaar, kwartaal of maand.")
        var frequency = "kwartaal"

        @Option(name: .long, help: "De waarnemingen waarop de prognose rust: een reeks perioden (2010KW01..2024KW04).")
        var period: String?

        @Option(name: .long, help: "ets (standaard), naive, seasonalNaive of drift.")
        var method = "ets"

        func validate() throws {
            for f in filters where !f.contains("=") {
                throw ValidationError(Output.text(Message("Compute.where", f.excerpt)))
            }
            if let period, PeriodRange(parsing: period) == nil {
                throw ValidationError(Output.text(Message("Compute.period", period.excerpt)))
            }
            guard Period.Frequency(name: frequency) != nil else {
                throw ValidationError(Output.text(Message("IndicatorOperation.frequency", frequency.excerpt)))
            }
            guard SeriesForecast.Method(rawValue: method) != nil else {
                throw ValidationError(
                    Output.text(Message("IndicatorOperation.method", method.excerpt)) + "; "
                        + Output.text(Message("IndicatorOperation.method.fix"))
                )
            }
        }

        /// The chosen frequency and method (checked by `validate`).
        var chosen: (frequency: Period.Frequency, method: SeriesForecast.Method) {
            (Period.Frequency(name: frequency) ?? .quarter, SeriesForecast.Method(rawValue: method) ?? .ets)
        }

        /// The answer to the query the options describe, as of `asOf` (the latest release when nil).
        func read(_ db: any Store, asOf: Date?) async throws -> QueryResult {
            let measure = try await Query.measure(measure, of: dataset, in: db)
            return try await db.query(
                ObservationQuery(
                    dataset: dataset,
                    measure: measure,
                    filters: Query.filters(filters, of: try? await db.latest(dataset).metadata),
                    periods: period.flatMap(PeriodRange.init(parsing:)),
                    asOf: asOf
                )
            )
        }

        /// The series of an answer, one per combination of members, in the chosen frequency.
        func series(of result: QueryResult) -> [(members: [Member], series: TimeSeries)] {
            var order: [[String]] = []
            var points: [[String]: (members: [Member], points: [TimeSeries.Point])] = [:]
            for row in result.rows where row.period.frequency == chosen.frequency {
                let key = row.members.map(\.code)
                if points[key] == nil {
                    order.append(key)
                    points[key] = (row.members, [])
                }
                points[key]?.points.append(TimeSeries.Point(period: row.period, value: row.value, status: row.status))
            }
            return order.compactMap { key in points[key].map { ($0.members, TimeSeries($0.points)) } }
        }
    }
}
