/// Numbers series keys in the order they are first met: an open-addressing hash table with a cheap mixing hash,
/// because a reader looks a key up for every observation it appends.
struct SeriesKeyTable: Sendable {
    /// The keys, by number.
    private(set) var keys: [SeriesKey] = []
    private var slots = [Int32](repeating: -1, count: 64)

    /// The number of `key`, giving it the next number when it is new.
    mutating func number(of key: SeriesKey) -> Int32 {
        let mask = slots.count - 1
        var i = Self.slot(key, mask)
        while true {
            let s = slots[i]
            if s < 0 { break }
            if keys[Int(s)].lanes == key.lanes { return s }
            i = (i + 1) & mask
        }
        let n = Int32(keys.count)
        keys.append(key)
        if keys.count * 2 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for (k, stored) in keys.enumerated() { place(Int32(k), stored) }
        } else {
            slots[i] = n
        }
        return n
    }

    private mutating func place(_ n: Int32, _ key: SeriesKey) {
        let mask = slots.count - 1
        var i = Self.slot(key, mask)
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = n
    }

    private static func slot(_ key: SeriesKey, _ mask: Int) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for i in 0..<8 { h = (h ^ UInt64(UInt32(bitPattern: key.lanes[i]))) &* 0xBF58_476D_1CE4_E5B9 }
        return Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
    }
}
