import KrapteCore

/// The sentences of a back-test, the same in `krapte forecast backtest` and on `/prognose`: how many forecasts were
/// checked with their MASE, the MASE per step, and what the forecast of a year before said about the latest period.
public struct BacktestLines: Sendable {
    /// `Industrie: 24 prognoses getoetst, MASE 0,81 (onder 1: beter dan de seizoensnaïeve methode)`; nil without a
    /// check.
    public var heading: String?
    /// `MASE per aantal perioden vooruit: 1: 0,52; 2: 0,71`.
    public var bySteps: String?
    /// `De prognose van een jaar eerder voor 2024 4e kwartaal was 19,6, waargenomen is 18,1: ...`; nil when no
    /// forecast was made a year before the latest period.
    public var yearAgo: String?

    /// The sentences of `test` of the series `name`, its values with `decimals` decimals, in `language`.
    public init(_ test: ForecastBacktest, name: String, decimals: Int, in language: Language) {
        let t = { (m: Message) in m.text(in: language) }
        if let mase = test.mase {
            heading = t(Message("Forecast.backtest.heading", name, test.checks.count, DutchNumberFormat.format(mase, decimals: 2)))
            let steps = test.maseBySteps.sorted { $0.key < $1.key }.map { "\($0.key): \(DutchNumberFormat.format($0.value, decimals: 2))" }
            bySteps = t(Message("Forecast.backtest.bySteps", steps.joined(separator: "; ")))
        }
        yearAgo = test.aYearAgo.map { Self.yearAgo($0, decimals: decimals, in: language) }
    }

    /// `De prognose van een jaar eerder voor 2024 4e kwartaal was 19,6, waargenomen is 18,1: de prognose zat er 8%
    /// naast (te hoog).`
    public static func yearAgo(_ check: ForecastBacktest.Check, decimals: Int, in language: Language) -> String {
        let number = { (x: Double) in DutchNumberFormat.format(x, decimals: decimals) }
        guard abs(check.relativeError) >= 0.005 else {
            return Message("Forecast.backtest.yearAgoExact", check.period, number(check.forecast), number(check.actual)).text(in: language)
        }
        let off = DutchNumberFormat.format(abs(check.relativeError) * 100, decimals: 0)
        let direction = Message(check.forecast >= check.actual ? "Forecast.backtest.over" : "Forecast.backtest.under")
        return Message("Forecast.backtest.yearAgo", check.period, number(check.forecast), number(check.actual), off, direction).text(in: language)
    }
}
