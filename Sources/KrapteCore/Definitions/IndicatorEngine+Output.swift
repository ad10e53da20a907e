import Foundation

extension IndicatorEngine {
    /// Pairs the series of the inputs by the members they share and applies the operation to each pair.
    ///
    /// One input (the lead) must vary over every dimension any input varies over; an input that varies over
    /// fewer (a national total beside regions) is used for every series that has its members.
    /// - Parameter selections: one per role, in the order of the operation's roles.
    func align(
        _ operation: IndicatorOperation,
        _ parameters: IndicatorOperation.Resolved,
        _ selections: [Selection],
        place: String
    ) throws -> (dimensions: [Dimension], series: [ComputedSeries]) {
        func codes(_ s: Selection) -> [String] { s.keyDimensions.map { s.dataset.dimensions[$0].code } }
        var all: [String] = []
        for s in selections { for c in codes(s) where !all.contains(c) { all.append(c) } }
        guard let lead = selections.first(where: { Set(codes($0)) == Set(all) }) else {
            let over = selections.map { s in "\(s.role) over \(codes(s).joined(separator: ", "))" }
            throw DefinitionError(
                file: definitions.file,
                path: "\(place) inputs",
                message: Message("IndicatorEngine.inputsVaryOverDifferent", over.joined(separator: "; ")),
                fix: Message("IndicatorEngine.inputsVaryOverDifferent.fix")
            )
        }
        let leadCodes = codes(lead)
        // Per input, where each of its key dimensions sits in the lead's key, and its series by key.
        let positions = selections.map { s in codes(s).compactMap { leadCodes.firstIndex(of: $0) } }
        let indexes = selections.map { s in Dictionary(s.series.map { ($0.key, $0.series) }, uniquingKeysWith: { a, _ in a }) }
        // Pair first, then compute the pairs on every core.
        var pairs: [(members: [Member], inputs: [TimeSeries])] = []
        pairing: for s in lead.series {
            var one: [TimeSeries] = []
            for (index, position) in zip(indexes, positions) {
                guard let series = index[position.map { s.key[$0] }] else { continue pairing }
                one.append(series)
            }
            pairs.append((s.members, one))
        }
        let results = pairs.parallelMap { pair in
            ComputedSeries(members: pair.members, series: operation.apply(pair.inputs, parameters), typering: [])
        }
        guard !results.isEmpty else {
            throw DefinitionError(
                file: definitions.file,
                path: "\(place) inputs",
                message: Message("IndicatorEngine.inputsMembersCommon", leadCodes.joined(separator: ", ")),
                fix: Message("IndicatorEngine.inputsMembersCommon.fix")
            )
        }
        let dimensions = lead.keyDimensions.enumerated().map { i, d in
            var dimension = lead.dataset.dimensions[d]
            let used = Set(results.map { $0.members[i].code })
            dimension.members = dimension.members.filter { used.contains($0.code) }
            return dimension
        }
        return (dimensions, results)
    }

    /// The derived dataset's metadata: its dimensions, one measure (two for the spanningsindicator), a source
    /// that cites the published tables behind its inputs (`Source.computed`), and the derivation.
    func derivedDataset(
        _ definition: IndicatorDefinition,
        _ operation: IndicatorOperation,
        _ parameters: IndicatorOperation.Resolved,
        dimensions: [Dimension],
        inputs: [Derivation.Input],
        sources: [Source],
        inputKind: MeasureKind,
        forecasts: [ForecastRecord]? = nil
    ) -> Dataset {
        let formula = operation.formula(parameters)
        var measures = [
            Measure(
                code: definition.id,
                title: definition.title,
                unit: definition.unit,
                decimals: definition.decimals,
                kind: operation == .value || operation == .forecast ? inputKind : .rate,
                description: formula
            )
        ]
        if operation == .spanningsindicator {
            let sets = parameters.boundaries.map { b in
                "\(b.version) vanaf \(b.validFrom.dutchLabel): \(b.limits.map { String($0).replacingOccurrences(of: ".", with: ",") }.joined(separator: "; "))"
            }
            measures.append(
                Measure(
                    code: Self.typeringMeasure,
                    title: "Typering",
                    unit: "klasse",
                    decimals: 0,
                    kind: .rate,
                    description:
                        "0 zeer ruim, 1 ruim, 2 gemiddeld, 3 krap, 4 zeer krap; grenzen \(sets.joined(separator: ", "))"
                )
            )
        }
        if operation == .forecast {
            for (code, title) in Self.boundMeasures {
                measures.append(
                    Measure(code: code, title: title, unit: definition.unit, decimals: definition.decimals, kind: inputKind, description: formula)
                )
            }
        }
        return Dataset(
            id: definition.id,
            title: definition.title,
            summary: definition.description,
            source: Source.computed(
                from: sources,
                inputs: inputs.map(\.dataset),
                location: "krapte compute \(definition.id) (\(Source.withoutLocalPath(definitions.file)))"
            ),
            dimensions: dimensions,
            measures: measures,
            derivation: Derivation(
                indicator: definition.id,
                operation: operation.rawValue,
                formula: formula,
                rise: definition.rise,
                inputs: inputs,
                forecasts: forecasts
            )
        )
    }

    /// The measures of a forecast's interval bounds, after the forecast itself.
    public static let boundMeasures = [
        (code: "ondergrens80", title: "Ondergrens 80%-voorspelinterval"),
        (code: "bovengrens80", title: "Bovengrens 80%-voorspelinterval"),
        (code: "ondergrens95", title: "Ondergrens 95%-voorspelinterval"),
        (code: "bovengrens95", title: "Bovengrens 95%-voorspelinterval"),
    ]

    /// The measure code of the spanningsindicator's typering (0 zeer ruim to 4 zeer krap).
    public static let typeringMeasure = "typering"

    /// The results as a release of the derived dataset, each value with its input periods.
    func release(of dataset: Dataset, _ results: [ComputedSeries]) throws -> Release.Finished {
        let measure = dataset.measures[0].code
        let series = results.parallelMap { result -> [Release.Series] in
            let members = result.members.map(\.code)
            let values = Release.Series(measure: measure, members: members, data: result.series.data)
            if !result.bounds.isEmpty {
                return [values] + zip(Self.boundMeasures, result.bounds).map { Release.Series(measure: $0.code, members: members, data: $1.data) }
            }
            guard !result.typering.isEmpty else { return [values] }
            var types = SeriesData()
            for (p, t) in zip(result.series.points, result.typering) {
                guard let t else { continue }
                let value = Double(Spanningsindicator.Typering.allCases.firstIndex(of: t)!)
                types.append(period: p.period.storageKey, value: value, status: p.status, attribute: .present, inputs: p.inputs)
            }
            return [values, Release.Series(measure: Self.typeringMeasure, members: members, data: types)]
        }
        return try Release.finished(dataset: dataset, format: "derived", series: series.flatMap { $0 })
    }

    /// The periods each input has, for the message when they have none in common.
    static func describePeriods(_ inputs: [String: [InputSeries]]) -> Message {
        let each = inputs.sorted { $0.key < $1.key }.map { role, series in
            let periods = series.flatMap(\.series.periods)
            guard let first = periods.min(), let last = periods.max() else { return Message("IndicatorEngine.noPeriods", role) }
            let frequencies = Set(periods.map(\.frequency)).sorted { $0.rawValue < $1.rawValue }
            return Message(
                "IndicatorEngine.periods",
                role,
                "\(first.code)..\(last.code)",
                Message.all(frequencies.map { Message("frequency.\($0)") })
            )
        }
        return each.dropFirst().reduce(each.first ?? Message("Krapte.as", "")) { Message("IndicatorEngine.periodsAnd", $0, $1) }
    }
}
