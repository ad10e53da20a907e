import Foundation
import KrapteCore
import KrapteIngest
import KrapteSQLite
import KrapteTesting
import Testing

/// Forecasts as indicators: computed from a definition over the real vacancies table, stored as a derived dataset
/// whose every value has the status "prognose", with its interval bounds as measures and per series the model it
/// rests on.
@Suite struct ForecastIndicatorTests {
    static let definitions = """
        { "indicators": [ {
            "id": "vacatures-prognose",
            "title": "Openstaande vacatures, prognose",
            "operation": "forecast",
            "inputs": { "input": { "dataset": "80472ned", "measure": "OpenstaandeVacatures_1",
                                   "where": { "Bedrijfskenmerken": ["A-U", "J", "I"] } } },
            "parameters": { "frequency": "quarter", "horizon": 4 },
            "unit": "x 1 000",
            "decimals": 1
        } ] }
        """

    @Test func aForecastIsStoredWithItsStatusBoundsAndModel() async throws {
        let store = try SQLiteStore(path: try TestData.temporaryFolder().appendingPathComponent("k.sqlite").path)
        _ = try await store.load(try await TestData.readRealTable("cbs-vacatures/80472ned.csv"), loadedAt: Date())
        let engine = IndicatorEngine(store: store, definitions: try IndicatorDefinitions(decoding: Data(Self.definitions.utf8), file: "d.json"))
        let (computed, _) = try await engine.computeAndStore("vacatures-prognose")
        let metadata = try await store.latest("vacatures-prognose").metadata
        #expect(metadata.measures.map(\.code) == ["vacatures-prognose", "ondergrens80", "bovengrens80", "ondergrens95", "bovengrens95"])
        let records = try #require(metadata.derivation?.forecasts)
        #expect(records.count == 3)
        #expect(records.allSatisfy { $0.refusal == nil && $0.model?.hasPrefix("ETS(") == true && $0.parameters != nil })
        #expect(metadata.derivation?.formula.contains("4 kwartalen vooruit") == true)

        // The stored forecast is the one SeriesForecast makes from the observations, every value "prognose".
        let observed = try await store.query(
            ObservationQuery(
                dataset: "80472ned",
                measure: "OpenstaandeVacatures_1",
                filters: [.init(dimension: "Bedrijfskenmerken", members: ["A-U"])]
            )
        )
        let quarterly = TimeSeries(
            observed.rows.filter { $0.period.frequency == .quarter }.map { TimeSeries.Point(period: $0.period, value: $0.value) }
        )
        let expected = try SeriesForecast.make(quarterly, horizon: 4)
        for (measure, value) in [("vacatures-prognose", \SeriesForecast.Step.mean), ("ondergrens95", \.lower95), ("bovengrens80", \.upper80)] {
            let stored = try await store.query(
                ObservationQuery(dataset: "vacatures-prognose", measure: measure, filters: [.init(dimension: "Bedrijfskenmerken", members: ["A-U"])])
            )
            #expect(stored.rows.map(\.period) == expected.steps.map(\.period))
            #expect(stored.rows.allSatisfy { $0.status == .prognose })
            for (row, step) in zip(stored.rows, expected.steps) {
                #expect(abs((row.value ?? .nan) - step[keyPath: value]) <= 1e-9 * abs(step.mean))
            }
            #expect(stored.rows.first?.inputs.map(\.code) == [expected.first.code, expected.last.code])
        }
        #expect(computed.series.allSatisfy { $0.series.points.first?.period == expected.steps.first?.period })
    }

    @Test func aSeriesThatCannotBeForecastIsNamedAndAWrongMethodRefused() async throws {
        let store = try SQLiteStore(path: try TestData.temporaryFolder().appendingPathComponent("k.sqlite").path)
        _ = try await store.load(try await TestData.readRealTable("cbs-vacatures/80472ned.csv"), loadedAt: Date())
        let yearly = Self.definitions.replacingOccurrences(of: #""frequency": "quarter""#, with: #""frequency": "month""#)
        let engine = IndicatorEngine(store: store, definitions: try IndicatorDefinitions(decoding: Data(yearly.utf8), file: "d.json"))
        await #expect {
            _ = try await engine.compute("vacatures-prognose")
        } throws: { error in
            "\(error)".contains("geen enkele reeks krijgt een prognose") && "\(error)".contains("d.json")
        }
        let wrong = Self.definitions.replacingOccurrences(of: #""horizon": 4"#, with: #""horizon": 4, "method": "arima""#)
        #expect {
            _ = try IndicatorDefinitions(decoding: Data(wrong.utf8), file: "d.json")
        } throws: { error in
            "\(error)".contains("d.json: indicators[0] (vacatures-prognose) parameters.method") && "\(error)".contains("'arima'")
                && "\(error)".contains("seasonalNaive")
        }
    }
}
