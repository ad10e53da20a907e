/// What the observations of one series add to a release's fingerprint, summed an observation at a time in any order:
/// two 64-bit hashes of each observation's period, value and flags, added up, and the count. A reader appends to it
/// as it goes, so a release in runs needs no pass of its own to be fingerprinted.
struct SeriesDigest: Sendable {
    private(set) var a: UInt64 = 0
    private(set) var b: UInt64 = 0
    private(set) var count: UInt64 = 0

    /// Adds one observation (a period's storage key, the value or NaN, the flags).
    mutating func add(period: Int32, value: Double, flags: UInt8) {
        let key = UInt64(UInt32(bitPattern: period)) | UInt64(flags) << 32
        let bits = value.bitPattern
        a &+= Self.mix(bits ^ Self.mix(key ^ 0x243F_6A88_85A3_08D3))
        b &+= Self.mix(((bits << 32) | (bits >> 32)) ^ Self.mix(key ^ 0x1319_8A2E_0370_7344))
        count += 1
    }

    /// SplitMix64's finaliser: every bit of the result depends on every bit of `z`.
    private static func mix(_ z: UInt64) -> UInt64 {
        var z = z &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
