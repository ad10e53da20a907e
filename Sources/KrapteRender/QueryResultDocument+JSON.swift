import Foundation
import KrapteCore

extension QueryResultDocument {
    /// Writes the JSON (`json`) as UTF-8 bytes, handing `sink` about `chunkSize` bytes at a time and the rest at the
    /// end. The observations are written by hand, byte for byte as `JSONEncoder` writes them pretty-printed with sorted
    /// keys (a number as Swift writes a `Double`, without a trailing `.0`; not-a-number as the text `NaN`), ten times
    /// faster; the rest of the document is encoded by `JSONEncoder`.
    public func writeJSON(chunkSize: Int = 1 << 20, to sink: ([UInt8]) throws -> Void) rethrows {
        let r = result
        var out = JSONBytes()
        out.bytes.reserveCapacity(chunkSize + 4_096)
        out.raw("{\n")
        out.key("dataset", first: true)
        out.string(r.dataset.id)
        if let derivation = r.dataset.derivation {
            out.key("derivation")
            out.nested(derivation)
        }
        out.key("loadedAt")
        out.string(Self.instant.string(from: r.vintage.loadedAt))
        out.key("measure")
        out.nested(MeasureInfo(code: r.measure.code, title: r.measure.title, unit: r.measure.unit, decimals: r.measure.decimals))
        out.key("observations")
        if r.rows.isEmpty {
            out.raw("[\n\n  ]")
        } else {
            out.raw("[\n")
            let codes = r.dataset.dimensions.map(\.code)
            let order = codes.indices.sorted { codes[$0] < codes[$1] }
            let extras = extra.indices.sorted { extra[$0].title < extra[$1].title }
            let statuses = ObservationStatus.allCases.map { Array(("      \"status\" : \"" + $0.dutchLabel + "\"").utf8) }
            var members: [Member]?
            var membersBlock: [UInt8] = []
            for (i, row) in r.rows.enumerated() {
                out.raw(i == 0 ? "    {\n" : ",\n    {\n")
                if row.attribute != .present {
                    out.raw("      \"attribute\" : ")
                    out.string("\(row.attribute)")
                    out.raw(",\n")
                }
                if !extras.isEmpty {
                    out.raw("      \"extra\" : {\n")
                    for (k, c) in extras.enumerated() {
                        out.raw(k == 0 ? "        " : ",\n        ")
                        out.string(extra[c].title)
                        out.raw(" : ")
                        out.string(extra[c].values.indices.contains(i) ? extra[c].values[i] : "")
                    }
                    out.raw("\n      },\n")
                }
                if !row.inputs.isEmpty {
                    out.raw("      \"inputs\" : [\n")
                    for (k, input) in row.inputs.enumerated() {
                        out.raw(k == 0 ? "        \"" : ",\n        \"")
                        out.raw(input.code)
                        out.raw("\"")
                    }
                    out.raw("\n      ],\n")
                }
                if members != row.members {
                    members = row.members
                    var block = JSONBytes()
                    block.raw("      \"members\" : {\n")
                    for (k, d) in order.enumerated() where row.members.indices.contains(d) {
                        block.raw(k == 0 ? "        " : ",\n        ")
                        block.string(codes[d])
                        block.raw(" : ")
                        block.string(row.members[d].code)
                    }
                    block.raw("\n      },\n      \"period\" : \"")
                    membersBlock = block.bytes
                }
                out.bytes += membersBlock
                out.raw(row.period.code)
                out.raw("\",\n")
                out.bytes += statuses[Int(row.status.rawValue) % statuses.count]
                if let value = row.value {
                    out.raw(",\n      \"value\" : ")
                    out.number(value)
                }
                out.raw("\n    }")
                if out.bytes.count >= chunkSize {
                    try sink(out.bytes)
                    out.bytes.removeAll(keepingCapacity: true)
                }
            }
            out.raw("\n  ]")
        }
        if let paging {
            out.key("page")
            out.nested(paging)
        }
        if let published = r.vintage.publishedAt {
            out.key("publishedAt")
            out.string(Self.instant.string(from: published))
        }
        out.key("source")
        out.nested(r.dataset.source)
        out.key("title")
        out.string(r.dataset.title)
        out.key("vintage")
        out.raw(String(r.vintage.id))
        out.raw("\n}")
        try sink(out.bytes)
    }

    /// The measure as the JSON gives it.
    private struct MeasureInfo: Encodable {
        var code, title, unit: String
        var decimals: Int
    }

    /// A moment as `JSONEncoder`'s `.iso8601` writes it: `2026-01-01T00:00:00Z`.
    private static var instant: ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f
    }
}

/// JSON being written, pretty-printed as `JSONEncoder` does with `.prettyPrinted`, `.sortedKeys` and
/// `.withoutEscapingSlashes`.
struct JSONBytes {
    var bytes: [UInt8] = []

    /// The encoder of the nested objects.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }()

    /// Text as it is.
    mutating func raw(_ text: String) { bytes += text.utf8 }

    /// A key of the top-level object, after a comma unless it is the first.
    mutating func key(_ name: String, first: Bool = false) {
        raw(first ? "  \"" : ",\n  \"")
        raw(name)
        raw("\" : ")
    }

    /// A string, escaped as JSON asks: quote, backslash and control characters.
    mutating func string(_ text: String) {
        bytes.append(0x22)
        for b in text.utf8 {
            switch b {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
            case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
            case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
            case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
            case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }

    /// A number: Swift's shortest text for it without a trailing `.0`; `"NaN"`, `"Infinity"` or `"-Infinity"`.
    mutating func number(_ x: Double) {
        guard x.isFinite else {
            raw(x.isNaN ? "\"NaN\"" : x < 0 ? "\"-Infinity\"" : "\"Infinity\"")
            return
        }
        let text = x.description
        raw(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }

    /// A value encoded by `JSONEncoder`, its lines indented to stand under a key of the top-level object.
    mutating func nested(_ value: some Encodable) {
        let encoded = [UInt8]((try? Self.encoder.encode(value)) ?? Data("null".utf8))
        for (i, b) in encoded.enumerated() {
            bytes.append(b)
            // The empty line of an empty list or object stays empty.
            if b == 0x0A && encoded.indices.contains(i + 1) && encoded[i + 1] != 0x0A { bytes += [0x20, 0x20] }
        }
    }
}
