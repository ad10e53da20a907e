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
        let digits = String(format: "%.0f", scaled)
        var intPart = digits.count > d ? String(digits.dropLast(d)) : "0"
        var fraction = d > 0 ? String(digits.suffix(d)) : ""
        if fraction.count < d { fraction = String(repeating: "0", count: d - fraction.count) + fraction }
        var grouped = ""
        for (i, c) in intPart.reversed().enumerated() {
            if i > 0, i % 3 == 0 { grouped.append(".") }
            grouped.append(c)
        }
        intPart = String(grouped.reversed())
        return (negative ? "-" : "") + intPart + (d > 0 ? "," + fraction : "")
    }

    /// Formats a whole number: `22.600`.
    public static func integer(_ value: Int) -> String { format(Double(value), decimals: 0) }

    /// Formats a percentage change as published: `-13%`, `+8,3%` with `signed`.
    public static func percent(_ value: Double, decimals: Int = 0, signed: Bool = false) -> String {
        let text = format(value, decimals: decimals)
        return (signed && value > 0 && text != format(0, decimals: decimals) ? "+" : "") + text + "%"
    }
}
