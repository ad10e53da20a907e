/// A 128-bit fingerprint (two FNV-1a 64-bit hashes with different offsets) of a release's content.
/// Not cryptographic: it tells whether a release is the same as one already loaded.
struct Fingerprinter {
    private(set) var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private(set) var b: UInt64 = 0x6c62_272e_07bb_0142

    private mutating func byte(_ x: UInt8) {
        a = (a ^ UInt64(x)) &* 0x0000_0100_0000_01B3
        b = (b ^ UInt64(x)) &* 0x0000_0100_0000_01B3
        b = (b << 7) | (b >> 57)
    }

    mutating func add(_ text: String) {
        for x in text.utf8 { byte(x) }
        byte(0x1F)
    }

    mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { for x in $0 { byte(x) } }
    }

    var hexDigest: String {
        func hex(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex(a) + hex(b)
    }
}

/// The fingerprint of a release: its structure and derivation hashed in order, then every series hashed on its own
/// from its codes and its `SeriesDigest`, and the series' hashes added up, so that the fingerprint does not depend on
/// the order of the rows or the series (a release merged from chunks has the one it has read in one piece).
struct ReleaseFingerprint {
    private var metadata = Fingerprinter()
    private var sumA: UInt64 = 0
    private var sumB: UInt64 = 0
    private var count: UInt64 = 0

    /// Starts with the dataset's id, dimensions, measures and derivation.
    init(_ dataset: Dataset) {
        metadata.add(dataset.id)
        for d in dataset.dimensions { metadata.add(d.code) }
        for m in dataset.measures { metadata.add("\(m.code)|\(m.unit)|\(m.decimals)|\(m.kind.rawValue)") }
        // A derived release is the same when its formula and input vintages are: those decide the input periods of
        // every value, which are therefore not hashed one by one.
        if let d = dataset.derivation {
            metadata.add("\(d.operation)|\(d.formula)")
            for i in d.inputs {
                metadata.add("\(i.role)|\(i.series ?? "")|\(i.dataset)|\(i.measure)|\(i.vintage)|\(i.members.sorted { $0.key < $1.key })")
            }
        }
    }

    /// Adds the series of measure `measure` and members `members`, whose observations `digest` sums.
    mutating func add(measure: String, members: [String], digest: SeriesDigest) {
        var hasher = Fingerprinter()
        hasher.add(measure)
        for m in members { hasher.add(m) }
        hasher.add(digest.a)
        hasher.add(digest.b)
        hasher.add(digest.count)
        sumA &+= hasher.a
        sumB &+= hasher.b
        count += 1
    }

    /// Adds one series.
    mutating func add(_ series: Release.Series) {
        var digest = SeriesDigest()
        for i in 0..<series.data.count {
            digest.add(period: series.data.periods[i], value: series.data.values[i], flags: series.data.flags[i])
        }
        add(measure: series.measure, members: series.members, digest: digest)
    }

    /// The fingerprint as 32 hexadecimal digits.
    var hexDigest: String {
        var hasher = metadata
        hasher.add(sumA)
        hasher.add(sumB)
        hasher.add(count)
        return hasher.hexDigest
    }
}
