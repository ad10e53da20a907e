import Hummingbird
import KrapteCore

/// The indicators under `/api/v1/indicators`: their definitions, whether and from which inputs they were computed,
/// and their results with the semantics of `krapte query` (the measure defaults to the indicator's own).
struct IndicatorRoutes: Sendable {
    let store: any Store
    let definitions: IndicatorDefinitions
    let api: APIRoutes

    func add(to router: some RouterMethods<BasicRequestContext>) {
        let group = router.group("api/v1/indicators")
        group.get { _, _ in try await list() }
        group.get(":indicator") { _, context in try await indicator(try context.parameters.decoded("indicator")) }
        group.get(":indicator/observations") { request, context in
            let id = try definition(try context.parameters.decoded("indicator")).id
            return try await api.observations(id, request, measure: id)
        }
    }

    func list() async throws -> Response {
        let computed = Dictionary(try await store.datasets().map { ($0.id, $0.latest) }, uniquingKeysWith: { a, _ in a })
        return try APIRoutes.json(["indicators": definitions.indicators.map { Entry($0, latest: computed[$0.id]) }])
    }

    func indicator(_ id: String) async throws -> Response {
        let d = try definition(id)
        let (dataset, vintages): (Dataset, [Vintage])
        do {
            (dataset, vintages) = try await store.latest(id)
        } catch let error as StoreError where error.code == .notFound {
            return try APIRoutes.json(Document(indicator: Entry(d, latest: nil), derivation: nil, vintages: []))
        }
        return try APIRoutes.json(Document(indicator: Entry(d, latest: vintages.last), derivation: dataset.derivation, vintages: vintages))
    }

    /// The definition of `id`.
    /// - Throws: `APIError` 404 when there is none.
    func definition(_ id: String) throws -> IndicatorDefinition {
        guard let d = definitions.indicators.first(where: { $0.id == id }) else {
            throw APIError(.notFound, Message("IndicatorRoutes.thereIndicatorApiV", id.excerpt))
        }
        return d
    }

    /// An indicator as the list shows it.
    struct Entry: Encodable {
        var id: String
        var title: String
        var description: String
        var operation: String
        var inputs: [String]
        var unit: String
        var decimals: Int
        var rise: Derivation.Rise
        /// Whether its results are in the store.
        var computed: Bool
        /// The latest vintage of its results.
        var latest: Vintage?

        init(_ d: IndicatorDefinition, latest: Vintage?) {
            id = d.id
            title = d.title
            description = d.description
            operation = d.operation
            inputs = d.inputDatasets.sorted()
            unit = d.unit
            decimals = d.decimals
            rise = d.rise
            computed = latest != nil
            self.latest = latest
        }
    }

    struct Document: Encodable {
        var indicator: Entry
        var derivation: Derivation?
        var vintages: [Vintage]
    }
}
