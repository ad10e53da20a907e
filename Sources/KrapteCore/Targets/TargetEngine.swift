import Foundation

/// Assesses the targets of a targets file against the series in a store: each target's selection read as a
/// definitions file reads an input (any dataset or stored indicator, members, sums, frequency), in the frequency of
/// its baseline period, and per series (per region, when the selection leaves regions varying) its progress, path,
/// projection and status (`TargetProgress`).
public struct TargetEngine: Sendable {
    /// The store read from.
    public var store: any Store
    /// The targets.
    public var targets: TargetsFile

    /// Makes an engine.
    public init(store: any Store, targets: TargetsFile) {
        self.store = store
        self.targets = targets
    }

    /// One target assessed: per series, and where the figures come from.
    public struct Assessment: Sendable {
        /// Per series of the selection.
        public var progress: [TargetProgress]
        /// The measure as the store has it (title, unit, decimals).
        public var measure: Measure
        /// The input: dataset, measure, members, release.
        public var input: Derivation.Input
        /// The source line: `Bron: CBS (85276NED, versie 1)`.
        public var source: Source
    }

    /// Assesses the target at `index`.
    /// - Throws: `DefinitionError` naming the targets file and the target when its selection does not fit the store.
    public func assess(_ index: Int) async throws -> Assessment {
        let target = targets.targets[index]
        var selection: [String: Any] = ["where": target.indicator.where, "sumOver": target.indicator.sumOver, "rollUp": target.indicator.rollUp]
        selection["dataset"] = target.indicator.dataset
        selection["measure"] = target.indicator.measure
        selection["frequency"] = target.indicator.frequency
        selection["aggregate"] = target.indicator.aggregate
        let definition: [String: Any] = [
            "id": "doel-\(target.id)", "operation": "value", "inputs": ["input": selection], "decimals": target.decimals ?? 1,
        ]
        let data = try JSONSerialization.data(withJSONObject: ["indicators": [definition]])
        do {
            let engine = IndicatorEngine(store: store, definitions: try IndicatorDefinitions(decoding: data, file: targets.file))
            let computed = try await engine.compute("doel-\(target.id)")
            guard let input = computed.dataset.derivation?.inputs.first else {
                throw DefinitionError(file: targets.file, path: targets.place(of: index), message: Message("Target.noSeries"), fix: nil)
            }
            let metadata = try await store.metadata(of: input.dataset, vintage: input.vintage)
            let measure = metadata.measures.first { $0.code == input.measure } ?? computed.dataset.measures[0]
            let frequency = target.baseline.frequency
            let progress = computed.series.map { s in
                TargetProgress.assess(
                    target,
                    members: computed.series.count > 1 ? s.members : [],
                    series: TimeSeries(s.series.points.filter { $0.period.frequency == frequency })
                )
            }
            return Assessment(progress: progress, measure: measure, input: input, source: metadata.source)
        } catch var error as DefinitionError {
            // The selection's place in the definitions made for it is the target's indicator in the targets file.
            let prefix = "indicators[0] (doel-\(target.id)) inputs.input"
            if error.path.hasPrefix(prefix) {
                error.path = targets.place(of: index) + " indicator" + error.path.dropFirst(prefix.count)
            } else if error.path.hasPrefix("indicators[0] (doel-\(target.id))") {
                error.path = targets.place(of: index) + error.path.dropFirst("indicators[0] (doel-\(target.id))".count)
            }
            throw error
        }
    }
}
