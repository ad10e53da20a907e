/// Maps byte strings to small integers without allocating for strings already seen: an open-addressing hash
/// table over one growing byte buffer. Used to look up repeated labels (regions, periods, occupations) in large files.
struct ByteInterner {
    private var bytes: [UInt8] = []
    private var slots: [Int32]
    private var offsets: [Int] = []
    private var lengths: [Int] = []
    private var hashes: [UInt64] = []
    private var mask: Int
    private var last = -1

    init(capacity: Int = 64) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = Array(repeating: -1, count: n)
        mask = n - 1
    }

    /// How many distinct strings it holds.
    var count: Int { offsets.count }

    private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for x in b { h = (h ^ UInt64(x)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// The id of `b`, or nil when it has not been interned. The last id found is tried first, as files repeat a
    /// column's value on consecutive rows.
    mutating func find(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        if last >= 0, lengths[last] == b.count, equal(last, b) { return last }
        let h = Self.hash(b)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s < 0 { return nil }
            let id = Int(s)
            if hashes[id] == h, lengths[id] == b.count, equal(id, b) {
                last = id
                return id
            }
            i = (i + 1) & mask
        }
    }

    private func equal(_ id: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count > 0, let base = b.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { all in
            let stored = all.baseAddress! + offsets[id]
            // Fields are short (codes, periods): a plain loop beats a call to memcmp.
            for k in 0..<b.count where stored[k] != base[k] { return false }
            return true
        }
    }

    /// Adds `b` (which must not be present) and returns its id.
    mutating func insert(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let id = offsets.count
        offsets.append(bytes.count)
        lengths.append(b.count)
        bytes.append(contentsOf: b)
        let h = Self.hash(b)
        hashes.append(h)
        if offsets.count * 2 > slots.count { rehash() } else { place(id, h) }
        return id
    }

    private mutating func place(_ id: Int, _ h: UInt64) {
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = Int32(id)
    }

    private mutating func rehash() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<offsets.count { place(id, hashes[id]) }
    }
}
