/// Demand against supply per occupation (or beroepsniveau): open vacancies against WW benefits up to six months,
/// as in the industry tables of the sector descriptions. See Guides/Mismatch.md.
public struct Mismatch: Sendable, Hashable {
    /// One occupation's demand and supply.
    public struct Row: Sendable, Hashable {
        /// The occupation (or level).
        public var key: String
        /// Open vacancies; nil when not known.
        public var demand: Double?
        /// WW benefits up to six months; nil when not known.
        public var supply: Double?
        /// demand / supply; nil without both or with no supply.
        public var ratio: Double? {
            guard let d = demand, let s = supply, s != 0 else { return nil }
            return d / s
        }
    }

    /// Every occupation in either list, in the order they were first met.
    public var rows: [Row]
    /// The top `n` by demand.
    public var topDemand: [Ranking.Item<String>]
    /// The top `n` by supply.
    public var topSupply: [Ranking.Item<String>]

    /// Puts the two lists side by side.
    public init(demand: [(String, Double?)], supply: [(String, Double?)], top n: Int = 10) {
        var rows: [Row] = []
        var index: [String: Int] = [:]
        for (key, value) in demand {
            index[key] = rows.count
            rows.append(Row(key: key, demand: value, supply: nil))
        }
        for (key, value) in supply {
            if let i = index[key] {
                rows[i].supply = value
            } else {
                index[key] = rows.count
                rows.append(Row(key: key, demand: nil, supply: value))
            }
        }
        self.rows = rows
        topDemand = Ranking.top(n, of: demand)
        topSupply = Ranking.top(n, of: supply)
    }

    /// The occupations where supply exceeds demand, largest surplus first; an occupation missing from the demand
    /// list counts as no demand only when `missingDemandIsZero`.
    public func supplyExceedsDemand(missingDemandIsZero: Bool = false) -> [Row] {
        let surplus = rows.compactMap { row -> (Row, Double)? in
            guard let s = row.supply, let d = row.demand ?? (missingDemandIsZero ? 0 : nil), s > d else { return nil }
            return (row, s - d)
        }
        return Ranking.ranked(surplus.enumerated().map { ($0.offset, $0.element.1) }).map { surplus[$0.key].0 }
    }
}
