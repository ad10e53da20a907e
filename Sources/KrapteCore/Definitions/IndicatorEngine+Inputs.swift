extension IndicatorEngine {
    /// One input series: the members of the key dimensions and the series.
    struct InputSeries: Sendable {
        var key: [String]
        var members: [Member]
        var series: TimeSeries
    }

    /// An input read from the store.
    struct Selection: Sendable {
        var role: String
        var dataset: Dataset
        var measure: Measure
        var vintage: Vintage
        /// The dimensions (indexes into `dataset.dimensions`) the series differ in.
        var keyDimensions: [Int]
        var series: [InputSeries]
        var members: [String: [String]]
        var sumOver: [String]

        func input(series code: String?) -> Derivation.Input {
            Derivation.Input(
                role: role,
                series: code,
                dataset: dataset.id,
                measure: measure.code,
                vintage: vintage.id,
                publishedAt: vintage.publishedAt,
                members: members,
                sumOver: sumOver
            )
        }
    }

    func fail(_ path: String, _ message: String, _ fix: String) -> DefinitionError {
        DefinitionError(file: definitions.file, path: path, message: message, fix: fix)
    }

    /// Reads the series a selection names from the latest vintage of its dataset.
    /// - Parameter place: the indicator's place in the definitions file, before the selection's own path.
    func select(_ s: RoleSelection, place: String) async throws -> Selection {
        let id = s.dataset
        let path = "\(place) \(s.path)"
        let (dataset, vintages): (Dataset, [Vintage])
        do {
            (dataset, vintages) = try await store.latest(id)
        } catch let error as StoreError where error.code == .notFound {
            let isIndicator = definitions.indicators.contains { $0.id == id }
            throw fail(
                "\(path).dataset",
                "the store holds no dataset \(id.excerpt)",
                isIndicator
                    ? "compute the indicator \(id.excerpt) first (krapte compute \(id)), or use --all"
                    : "load it with krapte ingest, or list the ids with krapte datasets"
            )
        }
        guard let vintage = vintages.last else {
            throw fail("\(path).dataset", "the store holds no vintage of \(id.excerpt)", "load it with krapte ingest")
        }
        guard let measure = dataset.measure(named: s.measure) else {
            throw fail(
                "\(path).measure",
                "dataset \(id) has no measure \(s.measure.excerpt)",
                "its measures are \(dataset.measures.prefix(12).map(\.code).joined(separator: ", "))\(dataset.measures.count > 12 ? ", ..." : "") (krapte show \(id))"
            )
        }
        var allowed: [Int: Set<String>] = [:]
        var members: [String: [String]] = [:]
        for (name, wanted) in s.where.sorted(by: { $0.key < $1.key }) {
            guard let d = dataset.dimensions.firstIndex(where: { $0.code == name || $0.title == name }) else {
                throw fail(
                    "\(path).where.\(name)",
                    "dataset \(id) has no dimension \(name.excerpt)",
                    "its dimensions are \(dataset.dimensions.map(\.code).joined(separator: ", "))"
                )
            }
            var codes: [String] = []
            for m in wanted {
                guard let member = dataset.dimensions[d].member(named: m) else {
                    throw fail(
                        "\(path).where.\(name)",
                        "dimension \(dataset.dimensions[d].code) of \(id) has no member \(m.excerpt) (by code or exact label)",
                        "krapte show \(id) lists the members"
                    )
                }
                if !codes.contains(member.code) { codes.append(member.code) }
            }
            guard !codes.isEmpty else { throw fail("\(path).where.\(name)", "the list of members is empty", "name at least one member") }
            allowed[d] = Set(codes)
            members[dataset.dimensions[d].code] = codes
        }
        var summed: Set<Int> = []
        for name in s.sumOver {
            guard let d = dataset.dimensions.firstIndex(where: { $0.code == name || $0.title == name }) else {
                throw fail(
                    "\(path).sumOver",
                    "dataset \(id) has no dimension \(name.excerpt)",
                    "its dimensions are \(dataset.dimensions.map(\.code).joined(separator: ", "))"
                )
            }
            if allowed[d] == nil, let total = Self.aggregate(in: dataset.dimensions[d]) {
                throw fail(
                    "\(path).sumOver",
                    "sums over every member of \(dataset.dimensions[d].code), and \(total.code) (\(total.label)) is a total or subtotal of others",
                    "name the members to add up in \"where\": {\"\(dataset.dimensions[d].code)\": [...]}"
                )
            }
            summed.insert(d)
        }
        let keyDimensions = dataset.dimensions.indices.filter { d in !summed.contains(d) && allowed[d]?.count != 1 }
        let order = dataset.dimensions.map { d in Dictionary(d.members.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a }) }
        let lookups = dataset.dimensions.map { d in Dictionary(d.members.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a }) }
        var groups: [[String]: [TimeSeries]] = [:]
        for stored in try await cache.series(of: id, vintage: vintage.id, measure: measure.code, in: store) {
            try StoredForm.check(members: stored.members, fit: dataset)
            guard allowed.allSatisfy({ d, codes in codes.contains(stored.members[d]) }) else { continue }
            groups[keyDimensions.map { stored.members[$0] }, default: []].append(stored.series)
        }
        guard !groups.isEmpty else {
            throw fail(
                path,
                "selects no series: \(id) has no figures of \(measure.code) for these members",
                "check \"where\" with krapte query \(id)"
            )
        }
        let sorted = groups.sorted { Self.precedes($0.key, $1.key, keyDimensions, order) }
        let series = sorted.map { key, parts -> InputSeries in
            var series = summed.isEmpty ? parts.first ?? TimeSeries([TimeSeries.Point]()) : TimeSeries.sum(parts)
            if let target = s.aggregate, let finest = series.finestFrequency {
                series = finest == target ? series.only(target) : series.aggregated(from: finest, to: target, kind: measure.kind)
            }
            if let frequency = s.frequency { series = series.only(frequency) }
            let members = zip(keyDimensions, key).map { d, code in lookups[d][code] ?? Member(code: code, label: code) }
            return InputSeries(key: key, members: members, series: series)
        }
        return Selection(
            role: s.role,
            dataset: dataset,
            measure: measure,
            vintage: vintage,
            keyDimensions: keyDimensions,
            series: series,
            members: members,
            sumOver: summed.sorted().map { dataset.dimensions[$0].code }
        )
    }

    static func precedes(_ a: [String], _ b: [String], _ dimensions: [Int], _ order: [[String: Int]]) -> Bool {
        for (i, d) in dimensions.enumerated() {
            let (x, y) = (order[d][a[i]] ?? 0, order[d][b[i]] ?? 0)
            if x != y { return x < y }
        }
        return false
    }

    /// A share and the spanningsindicator compare like with like: their two inputs must have the same unit.
    /// - Parameter selections: one per role, in the order of the operation's roles.
    func checkUnits(_ operation: IndicatorOperation, _ selections: [Selection], path: String) throws {
        guard operation == .share || operation == .spanningsindicator, selections.count == 2 else { return }
        let (a, b) = (selections[0], selections[1])
        guard a.measure.unit == b.measure.unit else {
            throw fail(
                path,
                "\(a.role) is in \(a.measure.unit.excerpt) (\(a.dataset.id) \(a.measure.code)) and \(b.role) in \(b.measure.unit.excerpt) (\(b.dataset.id) \(b.measure.code))",
                "select measures in the same unit"
            )
        }
    }

    /// A member of `dimension` that adds up others: the parent of another member, or a member whose code or label
    /// says it is a total (`T001081`, `A-U`, `NL01`, "Totaal ..."). Nil when every member is a part, so that their
    /// sum counts nothing twice.
    static func aggregate(in dimension: Dimension) -> Member? {
        let codes = Set(dimension.members.map(\.code))
        let parents = Set(dimension.members.compactMap(\.parent)).intersection(codes)
        return dimension.members.first { m in
            parents.contains(m.code) || m.code == "NL01" || m.code == "A-U" || m.code.hasPrefix("T00")
                || m.label.lowercased().hasPrefix("totaal") || m.label.lowercased().hasPrefix("alle ")
        }
    }
}
