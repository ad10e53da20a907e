/// Decodes Windows-1252, the encoding Excel saves CSV files in on Dutch Windows machines.
enum Windows1252 {
    /// The characters of bytes 0x80 to 0x9F; 0 for the five bytes that Windows-1252 leaves undefined.
    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The text of `bytes`, or nil when they hold a byte that Windows-1252 does not define (0x81, 0x8D, 0x8F, 0x90,
    /// 0x9D): such a file is in another encoding.
    static func decode(_ bytes: [UInt8]) -> String? {
        var s = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32 = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            guard v != 0 || b == 0, let scalar = Unicode.Scalar(v) else { return nil }
            s.append(scalar)
        }
        return String(s)
    }
}
