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
        var rollUp: [String]

        func input(series code: String?) -> Derivation.Input {
            Derivation.Input(
                role: role,
                series: code,
                dataset: dataset.id,
                measure: measure.code,
                vintage: vintage.id,
                publishedAt: vintage.publishedAt,
                members: members,
                sumOver: sumOver,
                rollUp: rollUp
            )
        }
    }

    func fail(_ path: String, _ message: Message, _ fix: Message?) -> DefinitionError {
        DefinitionError(file: definitions.file, path: path, message: message, fix: fix)
    }

    /// Reads the series a selection names from the latest vintage of its dataset.
    /// - Parameter place: the indicator's place in the definitions file, before the selection's own path.
    func select(_ s: RoleSelection, place: String) async throws -> Selection {
        let id = s.dataset
        let path = "\(place) \(s.path)"
        var dataset: Dataset
        let vintages: [Vintage]
        do {
            (dataset, vintages) = try await store.latest(id)
        } catch let error as StoreError where error.code == .notFound {
            let isIndicator = definitions.indicators.contains { $0.id == id }
            throw fail(
                "\(path).dataset",
                Message("IndicatorEngine.storeHoldsDataset", id.excerpt),
                isIndicator
                    ? Message("IndicatorEngine.storeHoldsDataset.fixIndicator", id.excerpt, id)
                    : Message("IndicatorEngine.storeHoldsDataset.fix")
            )
        }
        guard let vintage = vintages.last else {
            throw fail("\(path).dataset", Message("IndicatorEngine.storeHoldsVintage", id.excerpt), Message("IndicatorEngine.storeHoldsVintage.fix"))
        }
        guard let measure = dataset.measure(named: s.measure) else {
            throw fail(
                "\(path).measure",
                Message("IndicatorEngine.datasetMeasure", id, s.measure.excerpt),
                Message(
                    "IndicatorEngine.datasetMeasure.fix",
                    dataset.measures.prefix(12).map(\.code).joined(separator: ", "),
                    dataset.measures.count > 12 ? ", ..." : "",
                    id
                )
            )
        }
        var allowed: [Int: Set<String>] = [:]
        var members: [String: [String]] = [:]
        for (name, wanted) in s.where.sorted(by: { $0.key < $1.key }) {
            let d = try Self.dimension(named: name, in: dataset) { fail("\(path).where.\(name)", $0, $1) }
            var codes: [String] = []
            for m in wanted {
                guard let member = dataset.dimensions[d].member(named: m) else {
                    throw fail(
                        "\(path).where.\(name)",
                        Message("IndicatorEngine.dimensionMemberCodeExact", dataset.dimensions[d].code, id, m.excerpt),
                        Message("IndicatorEngine.dimensionMemberCodeExact.fix", id)
                    )
                }
                if !codes.contains(member.code) { codes.append(member.code) }
            }
            guard !codes.isEmpty else {
                throw fail("\(path).where.\(name)", Message("IndicatorEngine.listMembersEmpty"), Message("IndicatorEngine.listMembersEmpty.fix"))
            }
            allowed[d] = Set(codes)
            members[dataset.dimensions[d].code] = codes
        }
        var summed: Set<Int> = []
        for name in s.sumOver {
            let d = try Self.dimension(named: name, in: dataset) { fail("\(path).sumOver", $0, $1) }
            if allowed[d] == nil, let total = Self.aggregate(in: dataset.dimensions[d]) {
                throw fail(
                    "\(path).sumOver",
                    Message("IndicatorEngine.sumsOverEveryMember", dataset.dimensions[d].code, total.code, total.label),
                    Message("IndicatorEngine.sumsOverEveryMember.fix", dataset.dimensions[d].code)
                )
            }
            summed.insert(d)
        }
        var rolled: [Int: RollUp] = [:]
        for name in s.rollUp {
            let d = try Self.dimension(named: name, in: dataset) { fail("\(path).rollUp", $0, $1) }
            guard !summed.contains(d) else {
                throw fail(
                    "\(path).rollUp",
                    Message("IndicatorEngine.rollUpAndSum", dataset.dimensions[d].code),
                    Message("IndicatorEngine.rollUpAndSum.fix")
                )
            }
            let selected = allowed[d] ?? Set(dataset.dimensions[d].members.map(\.code))
            rolled[d] = try rollUp(dataset.dimensions[d], selected: selected, path: path)
        }
        for (d, roll) in rolled { dataset.dimensions[d] = roll.dimension }
        let keyDimensions = dataset.dimensions.indices.filter { d in !summed.contains(d) && (allowed[d]?.count != 1 || rolled[d] != nil) }
        let rolls = keyDimensions.enumerated().compactMap { i, d in rolled[d].map { (position: i, rollUp: $0) } }
        let order = dataset.dimensions.map { d in Dictionary(d.members.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a }) }
        let lookups = dataset.dimensions.map { d in Dictionary(d.members.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a }) }
        var groups: [[String]: [TimeSeries]] = [:]
        for stored in try await cache.series(of: id, vintage: vintage.id, measure: measure.code, in: store) {
            try StoredForm.check(members: stored.members, fit: dataset)
            guard allowed.allSatisfy({ d, codes in codes.contains(stored.members[d]) }) else { continue }
            let key = keyDimensions.map { stored.members[$0] }
            if rolls.isEmpty {
                groups[key, default: []].append(stored.series)
            } else {
                for k in Self.keys(key, rolling: rolls) { groups[k, default: []].append(stored.series) }
            }
        }
        guard !groups.isEmpty else {
            throw fail(
                path,
                Message("IndicatorEngine.selectsSeriesFiguresThese", id, measure.code),
                Message("IndicatorEngine.selectsSeriesFiguresThese.fix", id)
            )
        }
        let sorted = groups.sorted { Self.precedes($0.key, $1.key, keyDimensions, order) }
        let series = sorted.map { key, parts -> InputSeries in
            var series = summed.isEmpty && rolls.isEmpty ? parts.first ?? TimeSeries([TimeSeries.Point]()) : TimeSeries.sum(parts)
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
            sumOver: summed.sorted().map { dataset.dimensions[$0].code },
            rollUp: rolled.keys.sorted().map { dataset.dimensions[$0].code }
        )
    }

    /// The place of the dimension a selection names by code or title.
    /// - Throws: what `fail` makes of the message and fix when the dataset has no such dimension.
    static func dimension(named name: String, in dataset: Dataset, fail: (Message, Message) -> DefinitionError) throws -> Int {
        guard let d = dataset.dimensions.firstIndex(where: { $0.code == name || $0.title == name }) else {
            throw fail(
                Message("IndicatorEngine.datasetDimension", dataset.id, name.excerpt),
                Message("IndicatorEngine.datasetDimension.fix", dataset.dimensions.map(\.code).joined(separator: ", "))
            )
        }
        return d
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
                Message(
                    "IndicatorEngine.isInAndIn",
                    a.role,
                    a.measure.unit.excerpt,
                    a.dataset.id,
                    a.measure.code,
                    b.role,
                    b.measure.unit.excerpt,
                    b.dataset.id,
                    b.measure.code
                ),
                Message("IndicatorEngine.isInAndIn.fix")
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
