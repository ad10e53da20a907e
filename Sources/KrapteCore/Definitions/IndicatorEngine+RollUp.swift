extension IndicatorEngine {
    /// A dimension whose members are also added up into their ancestors: the BRC groups into their segments,
    /// classes and the total, the arbeidsmarktregio's into Nederland.
    struct RollUp: Sendable {
        /// Per member code, the member and its ancestors, nearest first.
        var chains: [String: [String]]
        /// The dimension with the ancestors among its members, in the code list's order.
        var dimension: Dimension

        /// The member and its ancestors; a code the dimension does not know rolls up to nothing.
        func chain(_ code: String) -> [String] { chains[code] ?? [code] }
    }

    /// Reads the hierarchy of `dimension` (its members' parents, else its code list's) for the members `selected`.
    /// - Throws: `DefinitionError` when no selected member has a parent, or when a selected member is an ancestor of
    ///   another, so that the sum would count it twice.
    func rollUp(_ dimension: Dimension, selected: Set<String>, path: String) throws -> RollUp {
        let list = dimension.codeList.flatMap { BuiltInCodeLists.all[$0] }
        let listed = Dictionary((list?.members ?? []).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let own = Dictionary(dimension.members.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        func parent(_ code: String) -> String? { own[code]?.parent ?? listed[code]?.parent }
        var chains: [String: [String]] = [:]
        var added: [String: Member] = [:]
        for code in selected {
            var chain = [code]
            // A hierarchy deeper than this is a cycle in the data, not a classification.
            while let up = parent(chain[chain.count - 1]), !chain.contains(up), chain.count < 16 {
                if selected.contains(up) {
                    throw fail(
                        "\(path).rollUp",
                        Message("IndicatorEngine.rollUpCountsTwice", code, up, own[up]?.label ?? up, dimension.code),
                        Message("IndicatorEngine.rollUpCountsTwice.fix", dimension.code)
                    )
                }
                chain.append(up)
                if own[up] == nil {
                    added[up] = Member(code: up, label: listed[up]?.label ?? up, parent: parent(up))
                }
            }
            chains[code] = chain
        }
        guard chains.values.contains(where: { $0.count > 1 }) else {
            throw fail(
                "\(path).rollUp",
                Message("IndicatorEngine.rollUpNoHierarchy", dimension.code),
                Message("IndicatorEngine.rollUpNoHierarchy.fix", dimension.code)
            )
        }
        let position = Dictionary((list?.members ?? []).enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        var rolled = dimension
        rolled.members = (dimension.members + added.values).enumerated()
            .sorted { a, b in
                let (x, y) = (position[a.element.code] ?? Int.max, position[b.element.code] ?? Int.max)
                return x != y ? x < y : a.offset < b.offset
            }
            .map(\.element)
        return RollUp(chains: chains, dimension: rolled)
    }

    /// The keys a series of `key` adds to: its own and, per rolled-up position, each ancestor's in turn.
    static func keys(_ key: [String], rolling rolls: [(position: Int, rollUp: RollUp)]) -> [[String]] {
        var keys = [key]
        for (i, roll) in rolls {
            keys = keys.flatMap { k in
                roll.chain(k[i]).map { code in
                    var c = k
                    c[i] = code
                    return c
                }
            }
        }
        return keys
    }
}
