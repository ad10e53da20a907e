import Foundation
import KrapteCore
import PostgresNIO

/// Rows in PostgreSQL's COPY text format: tab-separated, newline-ended, with `\`, tab, newline and carriage return
/// escaped in text, and a `bytea` as `\\x` followed by hex digits.
enum CopyText {
    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends one row of the `series` table.
    static func appendRow(vintage: Int64, measure: String, members: [String], data: Data, to buffer: inout ByteBuffer) {
        buffer.writeString(String(vintage))
        buffer.writeInteger(UInt8(ascii: "\t"))
        appendText(measure, to: &buffer)
        buffer.writeInteger(UInt8(ascii: "\t"))
        appendText(StoredSeries.joinMembers(members), to: &buffer)
        buffer.writeInteger(UInt8(ascii: "\t"))
        buffer.writeStaticString("\\\\x")
        buffer.reserveCapacity(minimumWritableBytes: data.count * 2 + 1)
        for byte in data {
            buffer.writeInteger(hex[Int(byte >> 4)])
            buffer.writeInteger(hex[Int(byte & 15)])
        }
        buffer.writeInteger(UInt8(ascii: "\n"))
    }

    /// Appends a text value, escaped.
    static func appendText(_ text: String, to buffer: inout ByteBuffer) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }
}
