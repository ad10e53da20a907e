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

    /// A target with its assessment, or why its selection does not fit the store.
    public typealias Outcome = (target: Target, assessment: Result<Assessment, DefinitionError>)

    /// Assesses the targets at `indices` (all when nil), in the file's order; a target whose selection does not fit
    /// the store carries its error, so that one wrong target does not hide the others.
    /// - Throws: `StoreError` when the store cannot be read.
    public func assessAll(_ indices: [Int]? = nil) async throws -> [Outcome] {
        var out: [Outcome] = []
        for index in indices ?? Array(targets.targets.indices) {
            do {
                out.append((targets.targets[index], .success(try await assess(index))))
            } catch let error as DefinitionError {
                out.append((targets.targets[index], .failure(error)))
            }
        }
        return out
    }

    /// Assesses the target at `index`.
    /// - Throws: `DefinitionError` naming the targets file and the target when its selection does not fit the store.
    public func assess(_ index: Int) async throws -> Assessment {
        let target = targets.targets[index]
        do {
            let computed = try await IndicatorEngine.values(
                of: target.indicator,
                store: store,
                id: "doel-\(target.id)",
                decimals: target.decimals ?? 1,
                file: targets.file
            )
            let none = DefinitionError(file: targets.file, path: targets.place(of: index), message: Message("Target.noSeries"), fix: nil)
            guard let input = computed.dataset.derivation?.inputs.first else { throw none }
            let metadata = try await store.metadata(of: input.dataset, vintage: input.vintage)
            guard let measure = metadata.measures.first(where: { $0.code == input.measure }) ?? computed.dataset.measures.first else { throw none }
            let frequency = target.baseline.frequency
            let series = computed.series
            // Each projection fits forecast models.
            let progress = await CPUWork.run {
                series.map { s in
                    TargetProgress.assess(
                        target,
                        members: series.count > 1 ? s.members : [],
                        series: TimeSeries(s.series.points.filter { $0.period.frequency == frequency })
                    )
                }
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
