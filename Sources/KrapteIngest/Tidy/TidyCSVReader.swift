import Foundation
import KrapteCore

/// Reads a tidy CSV file (one observation, or one row of measures, per line) as a mapping file describes it:
/// exports such as UWV's, with `,` or `;`, a decimal comma, thousands separators, and Windows-1252 when declared.
///
/// It streams: the file is read in blocks, and repeated texts (periods, regions, occupations) are looked up by
/// their bytes, so a row costs no allocation once its labels have been seen.
public struct TidyCSVReader {
    /// The mapping.
    public var mapping: TidyMapping
    /// The choices for this load.
    public var options: IngestOptions

    /// Makes a reader.
    public init(mapping: TidyMapping, options: IngestOptions = IngestOptions()) {
        self.mapping = mapping
        self.options = options
    }

    private static func byte(_ text: String?, default d: UInt8, file: String, field: String) throws -> UInt8? {
        guard let text else { return d }
        switch text {
        case "tab", "\t": return 9
        case "": return nil
        default:
            guard text.utf8.count == 1 else {
                throw IngestError(
                    file: file,
                    row: nil,
                    column: field,
                    code: .mapping,
                    message: "'\(text)' is not a single character",
                    fix: "write one character, or 'tab'"
                )
            }
            return text.utf8.first!
        }
    }

    /// Reads `url` into a release.
    /// - Throws: `IngestError` naming file, row and column for anything that cannot be read.
    public func read(_ url: URL, mappingFile: String = "mapping") throws -> Release {
        let file = url.path
        let separator = try Self.byte(mapping.separator, default: UInt8(ascii: ","), file: mappingFile, field: "separator")!
        let decimal = try Self.byte(mapping.decimal, default: UInt8(ascii: "."), file: mappingFile, field: "decimal")!
        let thousands = try mapping.thousands.flatMap { try Self.byte($0, default: 0, file: mappingFile, field: "thousands") }
        let windows1252: Bool
        switch (mapping.encoding ?? "utf-8").lowercased() {
        case "utf-8", "utf8": windows1252 = false
        case "windows-1252", "cp1252", "latin1", "iso-8859-1": windows1252 = true
        default:
            throw IngestError(
                file: mappingFile,
                row: nil,
                column: "encoding",
                code: .mapping,
                message: "unknown encoding '\(mapping.encoding!)'",
                fix: "write utf-8 or windows-1252"
            )
        }
        let long = mapping.measureColumn != nil || mapping.valueColumn != nil
        if long, mapping.measureColumn == nil || mapping.valueColumn == nil {
            throw IngestError(
                file: mappingFile,
                row: nil,
                column: mapping.measureColumn == nil ? "measureColumn" : "valueColumn",
                code: .mapping,
                message: "a long layout needs both measureColumn and valueColumn",
                fix: "name both, or give each measure a column"
            )
        }
        guard !mapping.measures.isEmpty else {
            throw IngestError(
                file: mappingFile,
                row: nil,
                column: "measures",
                code: .mapping,
                message: "no measures are listed",
                fix: "list at least one measure"
            )
        }
        var dimensions: [KrapteCore.Dimension] = []
        var resolvers: [MemberResolver] = []
        for d in mapping.dimensions {
            let code = d.code ?? d.column
            var (kind, lists) = BuiltInCodeLists.lists(forDimension: code)
            if let id = d.codeList {
                if id == "none" {
                    lists = []
                } else if let list = BuiltInCodeLists.all[id] {
                    lists = [list]
                    if id == "regio" { kind = .geography }
                } else {
                    throw IngestError(
                        file: mappingFile,
                        row: nil,
                        column: "dimensions.codeList",
                        code: .mapping,
                        message: "unknown code list '\(id)'",
                        fix: "use one of \(BuiltInCodeLists.all.keys.sorted().joined(separator: ", ")), or none"
                    )
                }
            }
            dimensions.append(KrapteCore.Dimension(code: code, title: d.title ?? code, kind: kind, codeList: lists.first?.id))
            resolvers.append(MemberResolver(dimension: d.column, lists: lists, allowNew: options.allowNewMembers))
        }
        let measures = mapping.measures.map {
            Measure(code: $0.code, title: $0.title ?? $0.code, unit: $0.unit ?? "", decimals: $0.decimals ?? 0, kind: $0.kind ?? .stock)
        }
        let source = Source(publisher: mapping.publisher ?? "", location: mapping.location ?? file, licence: mapping.licence ?? "")
        var release = try Release(
            dataset: Dataset(
                id: options.datasetID ?? mapping.dataset,
                title: mapping.title ?? mapping.dataset,
                source: source,
                dimensions: dimensions,
                measures: measures
            ),
            format: "tidy-csv",
            publishedAt: options.publishedAt
        )

        let numbers = NumberParser(decimal: decimal, thousands: thousands)
        var columnIndex: [String: Int] = [:]
        var headerCount = 0
        var periodColumn = 0
        var statusColumn: Int?
        var dimensionColumns: [Int] = []
        var measureColumns: [Int] = []
        var measureColumn = 0
        var valueColumn = 0
        var interners = Array(repeating: ByteInterner(), count: dimensions.count)
        var internedMember: [[Int]] = Array(repeating: [], count: dimensions.count)
        var periodInterner = ByteInterner()
        var periods: [Period.ParsedLabel] = []
        var statusInterner = ByteInterner()
        var statuses: [ObservationStatus] = []
        var measureInterner = ByteInterner()
        var measureOf: [Int] = []
        var seenHeader = false
        var members = Array(repeating: 0, count: dimensions.count)
        var rows = 0

        func text(_ record: CSVTokenizer.Record, _ i: Int, _ column: String) throws -> String {
            if windows1252 { return Windows1252.decode(record.bytes(i)) }
            guard let s = record.string(i) else {
                throw IngestError(
                    file: file,
                    row: record.line,
                    column: column,
                    code: .encoding,
                    message: "the field is not valid UTF-8",
                    fix: "save the file as UTF-8, or declare \"encoding\": \"windows-1252\" in the mapping"
                )
            }
            return s
        }

        try CSVTokenizer(separator: separator).forEachRecord(in: url) { record in
            if !seenHeader {
                seenHeader = true
                headerCount = record.count
                for i in 0..<record.count {
                    columnIndex[try text(record, i, "\(i + 1)").trimmingCharacters(in: .whitespaces)] = i
                }
                func need(_ name: String, _ field: String) throws -> Int {
                    guard let i = columnIndex[name] else {
                        throw IngestError(
                            file: file,
                            row: record.line,
                            column: name,
                            code: .missingColumn,
                            message:
                                "the header has no column '\(name)' (named by '\(field)' in the mapping); it has \(columnIndex.keys.sorted().joined(separator: ", "))",
                            fix: "rename the column in the file or in the mapping, and check the separator"
                        )
                    }
                    return i
                }
                periodColumn = try need(mapping.period, "period")
                statusColumn = try mapping.status.map { try need($0, "status") }
                dimensionColumns = try mapping.dimensions.map { try need($0.column, "dimensions") }
                if long {
                    measureColumn = try need(mapping.measureColumn!, "measureColumn")
                    valueColumn = try need(mapping.valueColumn!, "valueColumn")
                } else {
                    measureColumns = try mapping.measures.map { try need($0.column ?? $0.code, "measures") }
                }
                return
            }
            rows += 1
            if rows % 250_000 == 0 { options.progress?(rows) }
            guard record.count == headerCount else {
                throw IngestError(
                    file: file,
                    row: record.line,
                    column: nil,
                    code: .raggedRow,
                    message: "the row has \(record.count) fields and the header \(headerCount)",
                    fix: "give every row as many fields as the header; quote fields that contain the separator"
                )
            }
            for d in 0..<dimensionColumns.count {
                let raw = record.rawBytes(dimensionColumns[d])
                if let id = interners[d].find(raw) {
                    members[d] = internedMember[d][id]
                } else {
                    let m = try resolvers[d].resolve(
                        try text(record, dimensionColumns[d], mapping.dimensions[d].column),
                        file: file,
                        row: record.line
                    )
                    let idx = release.memberIndex(m, dimension: d)
                    _ = interners[d].insert(raw)
                    internedMember[d].append(idx)
                    members[d] = idx
                }
            }
            let rawPeriod = record.rawBytes(periodColumn)
            let parsed: Period.ParsedLabel
            if let id = periodInterner.find(rawPeriod) {
                parsed = periods[id]
            } else {
                let t = try text(record, periodColumn, mapping.period)
                guard let p = Period.parseLabel(t) else {
                    throw IngestError(
                        file: file,
                        row: record.line,
                        column: mapping.period,
                        code: .unknownPeriod,
                        message: "'\(t)' is not a period",
                        fix: "write a CBS code such as 2024KW04, 2024MM04 or 2024JJ00, or a label such as '2024 4e kwartaal'"
                    )
                }
                _ = periodInterner.insert(rawPeriod)
                periods.append(p)
                parsed = p
            }
            var status: ObservationStatus = parsed.provisional ? .voorlopig : .definitief
            if let sc = statusColumn {
                let raw = record.rawBytes(sc)
                if let id = statusInterner.find(raw) {
                    status = statuses[id]
                } else {
                    let t = try text(record, sc, mapping.status!)
                    guard let s = ObservationStatus(cbs: t) else {
                        throw IngestError(
                            file: file,
                            row: record.line,
                            column: mapping.status!,
                            code: .malformed,
                            message: "'\(t)' is not a status",
                            fix: "write definitief, voorlopig or nader voorlopig (or leave it empty for definitief)"
                        )
                    }
                    _ = statusInterner.insert(raw)
                    statuses.append(s)
                    status = s
                }
            }
            func add(_ m: Int, _ c: Int, _ column: String) throws {
                let key = SeriesKey(measure: m, members: members)
                switch numbers.parse(record.rawBytes(c)) {
                case .number(let v): release.append(key, period: parsed.period, value: v, status: status, row: record.line)
                case .missing(let symbol):
                    release.append(
                        key,
                        period: parsed.period,
                        value: nil,
                        status: status,
                        attribute: symbol == "x" ? .confidential : .notAvailable,
                        row: record.line
                    )
                case .invalid:
                    throw IngestError(
                        file: file,
                        row: record.line,
                        column: column,
                        code: .notANumber,
                        message: "'\((try? text(record, c, column)) ?? "?")' is not a number",
                        fix:
                            "write a number\(decimal == UInt8(ascii: ",") ? " with a decimal comma" : " with a decimal point"), or leave the field empty when there is no value; check 'decimal' and 'thousands' in the mapping"
                    )
                }
            }
            if long {
                let raw = record.rawBytes(measureColumn)
                let m: Int
                if let id = measureInterner.find(raw) {
                    m = measureOf[id]
                } else {
                    let t = try text(record, measureColumn, mapping.measureColumn!).trimmingCharacters(in: .whitespaces)
                    guard let i = mapping.measures.firstIndex(where: { ($0.column ?? $0.code) == t || $0.code == t }) else {
                        throw IngestError(
                            file: file,
                            row: record.line,
                            column: mapping.measureColumn!,
                            code: .unknownMember,
                            message: "measure '\(t)' is not listed in the mapping",
                            fix: "add it to 'measures' in the mapping"
                        )
                    }
                    _ = measureInterner.insert(raw)
                    measureOf.append(i)
                    m = i
                }
                try add(m, valueColumn, mapping.valueColumn!)
            } else {
                for (m, c) in measureColumns.enumerated() { try add(m, c, mapping.measures[m].column ?? mapping.measures[m].code) }
            }
        }
        if !seenHeader {
            throw IngestError(file: file, row: nil, column: nil, code: .empty, message: "the file is empty", fix: "check that it is the right file")
        }
        return release
    }
}

/// Decodes Windows-1252 bytes.
enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func decode(_ bytes: [UInt8]) -> String {
        var s = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32 = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            s.append(Unicode.Scalar(v)!)
        }
        return String(s)
    }
}
