/// A forecast stored by `krapte compute`: the latest release of a derived dataset of the operation `forecast`.
public struct StoredForecast: Sendable {
    /// The dataset's metadata, with its derivation.
    public var dataset: Dataset
    /// The release.
    public var vintage: Int64
    /// How it was computed, with the record of each series' forecast.
    public var derivation: Derivation

    /// Makes a stored forecast.
    public init(dataset: Dataset, vintage: Int64, derivation: Derivation) {
        self.dataset = dataset
        self.vintage = vintage
        self.derivation = derivation
    }
}

extension Store {
    /// The forecasts in the store, in the order of `datasets()`.
    public func forecasts() async throws -> [StoredForecast] {
        var out: [StoredForecast] = []
        for entry in try await datasets() {
            let (dataset, vintages) = try await latest(entry.id)
            guard let derivation = dataset.derivation, derivation.isForecast, let last = vintages.last else { continue }
            out.append(StoredForecast(dataset: dataset, vintage: last.id, derivation: derivation))
        }
        return out
    }

    /// The periods ahead of each series of a stored forecast, by member codes: the forecast and the bounds of its
    /// intervals, read from the forecast's measure and the four bound measures of `forecast`'s release. With
    /// `members`, that series only. A period without all four bounds is left out.
    public func steps(of forecast: StoredForecast, members: [String]? = nil) async throws -> [[String]: [SeriesForecast.Step]] {
        let id = forecast.dataset.id
        // One series per member codes for each measure: the forecast, then the four bounds.
        var measures: [[[String]: TimeSeries]] = []
        for measure in [id] + IndicatorEngine.boundMeasures.map(\.code) {
            let stored =
                if let members {
                    try await series(of: id, vintage: forecast.vintage, measure: measure, keys: [members])
                } else {
                    try await series(of: id, vintage: forecast.vintage, measure: measure)
                }
            measures.append(Dictionary(stored.map { ($0.members, TimeSeries($0.data)) }, uniquingKeysWith: { a, _ in a }))
        }
        var out: [[String]: [SeriesForecast.Step]] = [:]
        for (members, mean) in measures.first ?? [:] {
            let bounds = measures.dropFirst().compactMap { $0[members] }
            out[members] = mean.points.compactMap { p in
                let b = bounds.compactMap { $0.value(at: p.period) }
                guard let m = p.value, b.count == 4 else { return nil }
                return SeriesForecast.Step(period: p.period, mean: m, lower80: b[0], upper80: b[1], lower95: b[2], upper95: b[3])
            }
        }
        return out
    }
}
