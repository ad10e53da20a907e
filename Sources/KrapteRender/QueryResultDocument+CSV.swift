import KrapteCore

extension QueryResultDocument {
    /// Writes the CSV (`csv`, or with `dutchExcel` `dutchExcelCSV`) as UTF-8 bytes, handing `sink` about `chunkSize`
    /// bytes at a time and the rest at the end, so that a long answer can go out while it is written. Each field is
    /// escaped once per series rather than once per row: the members of consecutive rows of one series are the same.
    public func writeCSV(dutchExcel: Bool = false, chunkSize: Int = 1 << 20, to sink: ([UInt8]) throws -> Void) rethrows {
        var out = CSVBytes(separator: dutchExcel ? UInt8(ascii: ";") : UInt8(ascii: ","), decimalComma: dutchExcel)
        let lineEnd: [UInt8] = dutchExcel ? [0x0D, 0x0A] : [0x0A]
        out.bytes.reserveCapacity(chunkSize + 4_096)
        if dutchExcel { out.bytes += [0xEF, 0xBB, 0xBF] }
        let r = result
        let derived = r.dataset.derivation != nil
        let header =
            r.dataset.dimensions.flatMap { [$0.code, "\($0.code)_label"] } + ["period", "value"] + extra.map(\.title)
            + ["status", "attribute"] + (derived ? ["inputs"] : [])
        out.fields(header)
        out.bytes += lineEnd
        let statuses = ObservationStatus.allCases.map { Array($0.dutchLabel.utf8) }
        var periods: [Period: [UInt8]] = [:]
        func period(_ p: Period) -> [UInt8] {
            if let known = periods[p] { return known }
            let code = Array(p.code.utf8)
            periods[p] = code
            return code
        }
        var members: [Member]?
        var prefix: [UInt8] = []
        for (i, row) in r.rows.enumerated() {
            if members != row.members {
                members = row.members
                var p = CSVBytes(separator: out.separator, decimalComma: out.decimalComma)
                for m in row.members {
                    p.field(m.code)
                    p.bytes.append(out.separator)
                    p.field(m.label)
                    p.bytes.append(out.separator)
                }
                prefix = p.bytes
            }
            out.bytes += prefix
            out.bytes += period(row.period)
            out.bytes.append(out.separator)
            if let value = row.value { out.number(String(value)) }
            // A number beside the value (a forecast's bound) is written as the value is.
            for column in extra {
                out.bytes.append(out.separator)
                let cell = column.values.indices.contains(i) ? column.values[i] : ""
                if Double(cell) != nil { out.number(cell) } else { out.field(cell) }
            }
            out.bytes.append(out.separator)
            out.bytes += statuses[Int(row.status.rawValue) % statuses.count]
            out.bytes.append(out.separator)
            if row.attribute != .present { out.field("\(row.attribute)") }
            if derived {
                out.bytes.append(out.separator)
                for (k, input) in row.inputs.enumerated() {
                    if k > 0 { out.bytes.append(UInt8(ascii: " ")) }
                    out.bytes += period(input)
                }
            }
            out.bytes += lineEnd
            if out.bytes.count >= chunkSize {
                try sink(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        if !out.bytes.isEmpty { try sink(out.bytes) }
    }

    /// The CSV's bytes whole.
    func csvBytes(dutchExcel: Bool) -> [UInt8] {
        var all: [UInt8] = []
        writeCSV(dutchExcel: dutchExcel) { all += $0 }
        return all
    }
}

/// CSV being written: fields quoted when they hold the separator, a quote or a line break.
struct CSVBytes {
    let separator: UInt8
    /// Whether numbers take a decimal comma.
    let decimalComma: Bool
    var bytes: [UInt8] = []

    init(separator: UInt8, decimalComma: Bool) {
        self.separator = separator
        self.decimalComma = decimalComma
    }

    /// A field, quoted when it must be.
    mutating func field(_ text: String) {
        let plain = !text.utf8.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard !plain else {
            bytes += text.utf8
            return
        }
        bytes.append(0x22)
        for b in text.utf8 {
            if b == 0x22 { bytes.append(0x22) }
            bytes.append(b)
        }
        bytes.append(0x22)
    }

    /// Fields with the separator between them.
    mutating func fields(_ texts: [String]) {
        for (i, text) in texts.enumerated() {
            if i > 0 { bytes.append(separator) }
            field(text)
        }
    }

    /// A number as Swift writes a `Double` (every digit kept), with a decimal comma when asked.
    mutating func number(_ text: String) {
        for b in text.utf8 { bytes.append(decimalComma && b == UInt8(ascii: ".") ? UInt8(ascii: ",") : b) }
    }
}
