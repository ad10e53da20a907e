import Foundation

/// Computes indicators from their definitions over the series in a store, and stores the results as derived
/// datasets that keep their inputs: each value its input periods, the dataset its input vintages and members.
public struct IndicatorEngine: Sendable {
    /// The store read from and written to.
    public var store: any Store
    /// The definitions.
    public var definitions: IndicatorDefinitions
    /// The series read so far: an engine reads each measure of a vintage once.
    let cache = SeriesCache()

    /// Makes an engine.
    public init(store: any Store, definitions: IndicatorDefinitions) {
        self.store = store
        self.definitions = definitions
    }

    /// A computed indicator, ready to show or store.
    public struct Computed: Sendable {
        /// The definition.
        public var definition: IndicatorDefinition
        /// The derived dataset's metadata, with its derivation.
        public var dataset: Dataset
        /// One result series per combination of members of the derived dataset's dimensions.
        public var series: [ComputedSeries]
        /// The release of the derived dataset.
        public var release: Release.Finished
    }

    /// One series of a computed indicator.
    public struct ComputedSeries: Sendable {
        /// One member per dimension of the derived dataset.
        public var members: [Member]
        /// The values, each with its status and input periods.
        public var series: TimeSeries
        /// For the spanningsindicator, the typering of each point of `series` by the boundaries valid in its
        /// period; empty for other indicators.
        public var typering: [Spanningsindicator.Typering?]
        /// For a forecast, the bounds of the 80% and 95% intervals (lower 80, upper 80, lower 95, upper 95) and
        /// what the forecast rests on; empty and nil for other indicators.
        public var bounds: [TimeSeries] = []
        public var forecast: ForecastRecord?
    }

    /// Computes one indicator.
    /// - Throws: `DefinitionError` when the definition does not fit the store (unknown dataset, measure,
    ///   dimension or member; inputs with other units or without a period in common).
    public func compute(_ id: String) async throws -> Computed {
        let checked = try definitions.checked(id)
        let (definition, operation, parameters) = (checked.definition, checked.operation, checked.parameters)
        let place = definitions.place(of: id)
        var results: [ComputedSeries] = []
        var dimensions: [Dimension] = []
        var inputs: [Derivation.Input] = []
        var selectedAll: [String: [InputSeries]] = [:]
        var sources: [Source] = []
        var inputKind = MeasureKind.stock
        if let list = definition.series {
            dimensions = [
                Dimension(
                    code: "Reeks",
                    title: definition.seriesDimension,
                    members: list.map { Member(code: $0.code, label: $0.label) }
                )
            ]
            for (k, (spec, roles)) in zip(list, checked.selections).enumerated() {
                var selections: [Selection] = []
                for role in roles {
                    let selected = try await select(role, place: place)
                    guard selected.series.count == 1, let one = selected.series.first else {
                        throw fail(
                            "\(place) \(role.path)",
                            Message("IndicatorEngine.selectsSeriesWhereOne", selected.series.count),
                            Message("IndicatorEngine.selectsSeriesWhereOne.fix")
                        )
                    }
                    selections.append(selected)
                    sources.append(selected.dataset.source)
                    inputKind = selected.measure.kind
                    selectedAll[role.role, default: []].append(one)
                    inputs.append(selected.input(series: spec.code))
                }
                try checkUnits(operation, selections, path: "\(place) series[\(k)] (\(spec.code))")
                let series = selections.compactMap { $0.series.first?.series }
                let member = Member(code: spec.code, label: spec.label)
                results.append(ComputedSeries(members: [member], series: operation.apply(series, parameters), typering: []))
            }
        } else {
            var selections: [Selection] = []
            for role in checked.selections.first ?? [] {
                let selected = try await select(role, place: place)
                selections.append(selected)
                sources.append(selected.dataset.source)
                inputKind = selected.measure.kind
                selectedAll[role.role] = selected.series
                inputs.append(selected.input(series: nil))
            }
            try checkUnits(operation, selections, path: "\(place) inputs")
            (dimensions, results) = try align(operation, parameters, selections, place: place)
        }
        if operation == .spanningsindicator {
            results = results.parallelMap { result in
                var typed = result
                typed.typering = result.series.points.map { p in
                    p.value.flatMap { Spanningsindicator.typering($0, in: p.period, sets: parameters.boundaries) }
                }
                return typed
            }
        }
        if operation == .forecast {
            let selected = results
            results = try await CPUWork.run { try self.forecast(selected, parameters, place: place) }
        }
        if results.allSatisfy({ $0.series.isEmpty }) {
            throw DefinitionError(
                file: definitions.file,
                path: place,
                message: Message("IndicatorEngine.inputsPeriodCommonSo", Self.describePeriods(selectedAll)),
                fix: Message("IndicatorEngine.inputsPeriodCommonSo.fix")
            )
        }
        let dataset = derivedDataset(
            definition,
            operation,
            parameters,
            dimensions: dimensions,
            inputs: inputs,
            sources: sources,
            inputKind: inputKind,
            forecasts: operation == .forecast ? results.compactMap(\.forecast) : nil
        )
        return Computed(definition: definition, dataset: dataset, series: results, release: try release(of: dataset, results))
    }

    /// Computes one indicator and stores it as a new vintage of its derived dataset (unless nothing changed).
    /// - Throws: `DefinitionError` when a dataset with the indicator's id exists and is not derived: a source
    ///   table is never overwritten.
    public func computeAndStore(_ id: String, loadedAt: Date = Date()) async throws -> (Computed, LoadOutcome) {
        let computed = try await compute(id)
        if let existing = try? await store.vintages(of: id), let latest = existing.last {
            let metadata = try await store.metadata(of: id, vintage: latest.id)
            guard metadata.derivation != nil else {
                throw DefinitionError(
                    file: definitions.file,
                    path: "\(definitions.place(of: id)) id",
                    message: Message("IndicatorEngine.storeHoldsSourceTable", id.excerpt),
                    fix: Message("IndicatorEngine.storeHoldsSourceTable.fix")
                )
            }
        }
        do {
            return (computed, try await store.load(computed.release, loadedAt: loadedAt))
        } catch let error as IngestError where error.code == .structure {
            throw DefinitionError(
                file: definitions.file,
                path: definitions.place(of: id),
                message: Message("IndicatorEngine.indicatorSDimensionsDiffer"),
                fix: Message("IndicatorEngine.indicatorSDimensionsDiffer.fix")
            )
        }
    }
}
