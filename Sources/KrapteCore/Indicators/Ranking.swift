/// Ranks a cross-section (occupations, sectors, regions) by value, as tables of "the ten largest" are made.
public enum Ranking {
    /// One ranked item.
    public struct Item<Key: Hashable & Sendable>: Sendable, Hashable {
        /// Its place: equal values share a place and the next place is skipped (1, 2, 2, 4).
        public var rank: Int
        /// What is ranked.
        public var key: Key
        /// Its value.
        public var value: Double
    }

    /// The items in order of value, highest first unless `ascending`; equal values keep the order they came in, so
    /// the same input always gives the same table. Items without a value are left out.
    public static func ranked<Key: Hashable & Sendable>(_ items: [(Key, Double?)], ascending: Bool = false) -> [Item<Key>] {
        let valued = items.enumerated().compactMap { i, item in item.1.map { (i, item.0, $0) } }
        let sorted = valued.sorted { a, b in
            a.2 == b.2 ? a.0 < b.0 : (ascending ? a.2 < b.2 : a.2 > b.2)
        }
        var out: [Item<Key>] = []
        for (position, entry) in sorted.enumerated() {
            let rank = position > 0 && out[position - 1].value == entry.2 ? out[position - 1].rank : position + 1
            out.append(Item(rank: rank, key: entry.1, value: entry.2))
        }
        return out
    }

    /// The first `n` of `ranked(_:ascending:)`; a tie at the cut keeps the items that came first.
    public static func top<Key: Hashable & Sendable>(_ n: Int, of items: [(Key, Double?)], ascending: Bool = false) -> [Item<Key>] {
        Array(ranked(items, ascending: ascending).prefix(max(0, n)))
    }
}
