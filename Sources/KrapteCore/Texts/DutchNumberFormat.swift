import Foundation

/// Numbers as Dutch analysts publish them: a decimal comma, a point between thousands, a hyphen-minus for negative
/// numbers (`7,7`, `22.600`, `-13`), rounded half away from zero to the published number of decimals.
public enum DutchNumberFormat {
    /// Formats `value` with `decimals` decimals.
    ///
    /// - Complexity: O(number of digits).
    public static func format(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return value.isNaN ? "." : (value > 0 ? "∞" : "-∞") }
        let d = max(0, min(decimals, 10))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        // Round half away from zero on the decimal text's value: 0.05 is 0,1 as published, not 0,0.
        let scaled = (abs(value) * scale * (1 + 4 * Double.ulpOfOne)).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && scaled != 0
        // Below 2^53 every whole double is exact in a UInt64, and its digits are written without Foundation.
        let digits = Array((scaled < 9_007_199_254_740_992 ? String(UInt64(scaled)) : String(format: "%.0f", scaled)).utf8)
        // The whole part with a point between thousands, then a comma and the decimals, as ASCII bytes.
        let whole = max(0, digits.count - d)
        var out: [UInt8] = negative ? [0x2D] : []
        out.reserveCapacity(digits.count + digits.count / 3 + 3)
        if whole == 0 { out.append(0x30) }
        for (i, digit) in digits.prefix(whole).enumerated() {
            if i > 0, (whole - i) % 3 == 0 { out.append(0x2E) }
            out.append(digit)
        }
        if d > 0 {
            out.append(0x2C)
            let fraction = digits.suffix(min(d, digits.count))
            out.append(contentsOf: repeatElement(0x30, count: d - fraction.count))
            out.append(contentsOf: fraction)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Formats `value` with as many decimals as it has, up to ten: `389,2`, `396`, `0,25` (a stored value in a
    /// note, where the measure's rounding would hide what was read).
    public static func shortest(_ value: Double) -> String {
        var text = format(value, decimals: 10)
        guard text.contains(",") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(",") { text.removeLast() }
        return text
    }

    /// Formats a whole number: `22.600`.
    public static func integer(_ value: Int) -> String { format(Double(value), decimals: 0) }

    /// Formats a percentage change as published: `-13%`, `+8,3%` with `signed`.
    public static func percent(_ value: Double, decimals: Int = 0, signed: Bool = false) -> String {
        let text = format(value, decimals: decimals)
        return (signed && value > 0 && text != format(0, decimals: decimals) ? "+" : "") + text + "%"
    }
}
