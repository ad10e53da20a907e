/// A 128-bit fingerprint (two FNV-1a 64-bit hashes with different offsets) of a release's content.
/// Not cryptographic: it tells whether a release is the same as one already loaded.
struct Fingerprinter {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142

    private mutating func byte(_ x: UInt8) {
        a = (a ^ UInt64(x)) &* 0x0000_0100_0000_01B3
        b = (b ^ UInt64(x)) &* 0x0000_0100_0000_01B3
        b = (b << 7) | (b >> 57)
    }

    mutating func add(_ text: String) {
        for x in text.utf8 { byte(x) }
        byte(0x1F)
    }

    mutating func add(_ data: SeriesData) {
        for p in data.periods { withUnsafeBytes(of: p.littleEndian) { for x in $0 { byte(x) } } }
        for v in data.values { withUnsafeBytes(of: v.bitPattern.littleEndian) { for x in $0 { byte(x) } } }
        for f in data.flags { byte(f) }
        byte(0x1E)
    }

    var hexDigest: String {
        func hex(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex(a) + hex(b)
    }
}
