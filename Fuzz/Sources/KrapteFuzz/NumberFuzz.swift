import Foundation
import KrapteIngest

/// The number parser, in the four separator settings: bytes and text must give the same result, a number must be
/// finite, and a number must equal what `strtod` reads from the same text without thousands separators.
enum NumberFuzz {
    static let parsers = [
        NumberParser(),
        NumberParser(decimal: UInt8(ascii: ","), thousands: UInt8(ascii: ".")),
        NumberParser(decimal: UInt8(ascii: "."), thousands: UInt8(ascii: ",")),
        NumberParser(decimal: UInt8(ascii: ","), thousands: nil),
    ]

    static func run(_ data: Data) {
        guard let first = data.first else { return }
        let parser = parsers[Int(first) % parsers.count]
        let field = Array(data.dropFirst())
        let parsed = field.withUnsafeBufferPointer { parser.parse($0) }
        if let text = String(validating: field, as: UTF8.self), parser.parse(text) != parsed {
            fatalError("bytes and text parse differently")
        }
        guard case .number(let value) = parsed else { return }
        guard value.isFinite else { fatalError("a number that is not finite") }
        var plain = field.filter { $0 != 32 && $0 != 9 && $0 != 13 && $0 != parser.thousands }
        plain = plain.map { $0 == parser.decimal ? UInt8(ascii: ".") : $0 }
        plain.append(0)
        let reference: Double? = plain.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                var end: UnsafeMutablePointer<CChar>?
                let v = strtod(chars.baseAddress!, &end)
                return end == UnsafeMutablePointer(mutating: chars.baseAddress! + chars.count - 1) ? v : nil
            }
        }
        if let reference, reference != value { fatalError("parsed \(value), strtod reads \(reference)") }
    }
}
