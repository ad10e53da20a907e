import Foundation

extension IndicatorEngine {
    /// The series `selection` selects, read as a definitions file reads an input (any dataset or stored indicator,
    /// members, sums, roll-ups, frequency), without storing anything: the indicator `id` of operation `value` over it.
    /// - Throws: `DefinitionError` naming `file` and the place `indicators[0] (id) inputs.input` when the selection
    ///   does not fit the store.
    public static func values(
        of selection: IndicatorDefinition.InputSelection,
        store: any Store,
        id: String,
        decimals: Int,
        file: String
    ) async throws -> Computed {
        var input: [String: Any] = ["where": selection.where, "sumOver": selection.sumOver, "rollUp": selection.rollUp]
        input["dataset"] = selection.dataset
        input["measure"] = selection.measure
        input["frequency"] = selection.frequency
        input["aggregate"] = selection.aggregate
        let definition: [String: Any] = ["id": id, "operation": "value", "inputs": ["input": input], "decimals": decimals]
        let data = try JSONSerialization.data(withJSONObject: ["indicators": [definition]])
        return try await IndicatorEngine(store: store, definitions: try IndicatorDefinitions(decoding: data, file: file)).compute(id)
    }
}
