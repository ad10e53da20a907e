import Foundation
import KrapteCore

/// Reads numbers from CSV bytes as Dutch and CBS files write them: padded with spaces, with a decimal point or
/// comma, optionally with thousands separators, and a token such as `.`, `NA` or an empty field for a missing value.
public struct NumberParser: Sendable {
    /// The decimal separator byte.
    public var decimal: UInt8
    /// The thousands separator byte, or nil when there is none.
    public var thousands: UInt8?
    /// The texts that stand for a missing value, as bytes, compared after the field is trimmed of spaces.
    private let missingTokens: [[UInt8]]
    /// The length of the longest missing-value token, so that longer fields skip the comparison.
    private let longestToken: Int

    /// The missing-value tokens when none are given: an empty field, R's `NA`, and the symbols `.`, `-`, `x` and
    /// `?` that CBS prints for a value that is not available, nil, confidential or unreliable.
    public static let defaultMissingTokens = ["", "NA", ".", "-", "x", "?"]

    /// Makes a parser.
    /// - Parameter missing: the texts that stand for a missing value (default `defaultMissingTokens`).
    public init(decimal: UInt8 = UInt8(ascii: "."), thousands: UInt8? = nil, missing: [String] = Self.defaultMissingTokens) {
        self.decimal = decimal
        self.thousands = thousands
        missingTokens = missing.map { Array($0.utf8) }
        longestToken = missingTokens.map(\.count).max() ?? 0
    }

    /// What a field holds.
    public enum Parsed: Equatable {
        /// A number.
        case number(Double)
        /// No value: a field that is one of the parser's missing-value tokens (by default empty, `NA`, or one of the
        /// symbols `.`, `-`, `x`, `?` that CBS prints).
        case missing(symbol: String)
        /// Not a number.
        case invalid
        /// A number too large for a table to hold (`1e400`): beyond about ±1.8e308.
        case outOfRange
    }

    /// The error for a field that holds a number too large to hold, naming file, row and column.
    public static func outOfRangeError(file: String, row: Int, column: String, text: String) -> IngestError {
        IngestError(
            file: file,
            row: row,
            column: column,
            code: .invalid,
            message: Message("NumberParser.tooLargeNumberHold", text.excerpt),
            fix: Message("NumberParser.tooLargeNumberHold.fix")
        )
    }

    private static let powers: [Double] = (0...22).map { pow(10, Double($0)) }

    /// Parses one field.
    ///
    /// Up to 15 significant digits with at most 22 decimals are converted exactly (one correctly rounded division);
    /// longer numbers go through `strtod`.
    public func parse(_ field: UnsafeBufferPointer<UInt8>) -> Parsed {
        var i = 0
        var end = field.count
        while i < end, field[i] == 32 || field[i] == 9 { i += 1 }
        while end > i, field[end - 1] == 32 || field[end - 1] == 9 || field[end - 1] == 13 { end -= 1 }
        // A number starts with a digit; only other fields can be a token.
        if end - i <= longestToken, i == end || field[i] < 48 || field[i] > 57 {
            for token in missingTokens where token.count == end - i {
                var same = true
                for k in 0..<token.count where field[i + k] != token[k] {
                    same = false
                    break
                }
                if same { return .missing(symbol: String(decoding: token, as: UTF8.self)) }
            }
        }
        if i == end { return .invalid }
        var negative = false
        if field[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        } else if field[i] == UInt8(ascii: "+") {
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var seenDecimal = false
        var seenDigit = false
        var exponent = 0
        var j = i
        while j < end {
            let c = field[j]
            if c >= 48, c <= 57 {
                seenDigit = true
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(c - 48)
                    if mantissa != 0 { digits += 1 }
                    if seenDecimal { fraction += 1 }
                } else {
                    return slowParse(field, i: i, end: end, negative: negative)
                }
            } else if c == decimal, !seenDecimal {
                seenDecimal = true
            } else if let t = thousands, c == t, !seenDecimal {
                // A thousands separator must be followed by three digits.
                guard j + 3 < end + 1, (1...3).allSatisfy({ j + $0 < end && field[j + $0] >= 48 && field[j + $0] <= 57 }),
                    j + 4 >= end || !(field[j + 4] >= 48 && field[j + 4] <= 57)
                else { return .invalid }
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                guard seenDigit else { return .invalid }
                var k = j + 1
                var expNegative = false
                if k < end, field[k] == UInt8(ascii: "-") || field[k] == UInt8(ascii: "+") {
                    expNegative = field[k] == UInt8(ascii: "-")
                    k += 1
                }
                guard k < end else { return .invalid }
                var e = 0
                while k < end {
                    let d = field[k]
                    guard d >= 48, d <= 57, e < 10_000 else { return .invalid }
                    e = e * 10 + Int(d - 48)
                    k += 1
                }
                exponent = expNegative ? -e : e
                break
            } else {
                return .invalid
            }
            j += 1
        }
        guard seenDigit else { return .invalid }
        let scale = exponent - fraction
        if digits <= 15, scale >= -22, scale <= 22 {
            var v = Double(mantissa)
            if scale < 0 { v /= Self.powers[-scale] } else if scale > 0 { v *= Self.powers[scale] }
            if scale > 0, digits + scale > 15 { return slowParse(field, i: i, end: end, negative: negative) }
            return .number(negative ? -v : v)
        }
        return slowParse(field, i: i, end: end, negative: negative)
    }

    private func slowParse(_ field: UnsafeBufferPointer<UInt8>, i: Int, end: Int, negative: Bool) -> Parsed {
        var text = ""
        for j in i..<end {
            let c = field[j]
            if let t = thousands, c == t { continue }
            text.append(c == decimal ? "." : Character(UnicodeScalar(c)))
        }
        guard let v = Double(text) else { return .invalid }
        guard v.isFinite else { return .outOfRange }
        return .number(negative ? -v : v)
    }

    /// Parses a text, for tests and small inputs.
    public func parse(_ text: String) -> Parsed {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0)) }
    }
}
