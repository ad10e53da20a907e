import ArgumentParser
import Foundation
import KrapteCore
import KrapteRender

extension Forecast {
    /// `krapte forecast backtest DATASET`: how forecasts made earlier did against what was observed later, per series:
    /// from each earlier release in the store, or, with one release, from each of the last origins of its series.
    struct Backtest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Toets eerdere prognoses aan wat later is waargenomen (MASE, en de prognose van een jaar geleden)."
        )

        @OptionGroup var series: SeriesOptions

        @Option(name: .long, help: "Hoeveel perioden vooruit elke prognose kijkt (standaard twee jaar).")
        var horizon: Int?

        @Option(name: .long, help: "Bij één publicatie: vanaf hoeveel van de laatste perioden (standaard twee jaar).")
        var origins: Int?

        @Option(name: .long, help: "table of csv.")
        var format: Query.Format = .table

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if let horizon, !(1...120).contains(horizon) {
                throw ValidationError(Output.text(Message("Forecast.horizon", horizon)))
            }
            if let origins, !(1...200).contains(origins) {
                throw ValidationError(Output.text(Message("Forecast.origins", origins)))
            }
        }

        func run() async throws { print(try await output()) }

        /// What `run` prints.
        func output() async throws -> String {
            do {
                let db = try await store.open(existing: true)
                let (frequency, method) = series.chosen
                let steps = horizon ?? 2 * frequency.perYear
                let latest = try await series.read(db, asOf: nil)
                let vintages = try await db.vintages(of: latest.dataset.id).filter { $0.id < latest.vintage.id }
                // Each earlier release's series as stored in it (two releases of one day are told apart, which a
                // query as of a date cannot).
                let range = series.period.flatMap(PeriodRange.init(parsing:))
                var earlier: [(vintage: Int64, series: [[String]: TimeSeries])] = []
                for vintage in vintages {
                    var byMembers: [[String]: TimeSeries] = [:]
                    for stored in try await db.series(of: latest.dataset.id, vintage: vintage.id, measure: latest.measure.code) {
                        byMembers[stored.members] = TimeSeries(
                            TimeSeries(stored.data).points.filter { $0.period.frequency == frequency && range?.contains($0.period) != false }
                        )
                    }
                    earlier.append((vintage.id, byMembers))
                }
                var tests: [(members: [Member], test: Result<ForecastBacktest, ForecastError>)] = []
                for (members, s) in series.series(of: latest) {
                    if earlier.isEmpty {
                        let origins = origins ?? 2 * frequency.perYear
                        tests.append(
                            (
                                members,
                                Result { () throws(ForecastError) in
                                    try ForecastBacktest.rollingOrigin(s, method: method, horizon: steps, origins: origins)
                                }
                            )
                        )
                    } else {
                        let releases = earlier.compactMap { e in e.series[members.map(\.code)].map { (e.vintage, $0) } }
                        tests.append((members, .success(ForecastBacktest.overReleases(releases, latest: s, method: method, horizon: steps))))
                    }
                }
                return Self.render(tests, of: latest, releases: earlier.count, format: format)
            } catch let error as StoreError {
                throw CLIError(error.message)
            }
        }

        static func render(
            _ tests: [(members: [Member], test: Result<ForecastBacktest, ForecastError>)],
            of result: QueryResult,
            releases: Int,
            format: Query.Format
        ) -> String {
            let language = Output.language
            let decimals = result.measure.decimals
            if format == .csv || format == .json {
                let dimensions = result.dataset.dimensions.map(\.code)
                var lines = [
                    (dimensions + ["oorsprong", "versie", "periode", "stappen", "prognose", "ondergrens95", "bovengrens95", "waargenomen", "mase"])
                        .joined(separator: ",")
                ]
                for case (let members, .success(let test)) in tests {
                    for c in test.checks {
                        let cells =
                            members.map(\.code) + [c.origin.code, c.vintage.map { "\($0)" } ?? "", c.period.code, "\(c.steps)"]
                            + [c.forecast, c.lower95, c.upper95, c.actual, c.scaledError].map { "\($0)" }
                        lines.append(cells.map { QueryResultDocument.csvField($0) }.joined(separator: ","))
                    }
                }
                return lines.joined(separator: "\n")
            }
            let intro =
                switch releases {
                case 0: Message("Forecast.backtest.rolling")
                case 1: Message("Forecast.backtest.release")
                default: Message("Forecast.backtest.releases", releases)
                }
            var blocks = [Output.text(intro)]
            for (members, outcome) in tests {
                let name = members.isEmpty ? result.measure.title : members.map(\.label).joined(separator: ", ")
                switch outcome {
                case .failure(let refusal):
                    blocks.append(Output.text(Message("Forecast.refused", name, refusal.said)))
                case .success(let test):
                    let lines = BacktestLines(test, name: name, decimals: decimals, in: language)
                    guard let heading = lines.heading else {
                        blocks.append(Output.text(Message("Forecast.backtest.none", name)))
                        continue
                    }
                    blocks.append(([heading] + [lines.bySteps, lines.yearAgo].compactMap { $0 }).joined(separator: "\n"))
                }
            }
            let source = result.dataset.source.line(dataset: result.dataset.id, vintage: result.vintage.id, in: language)
            blocks.append(Output.text(Message("Forecast.backtest.foot", source)))
            return blocks.joined(separator: "\n\n")
        }
    }
}
