import Foundation
import KrapteCore

/// Reads CBS tables saved as CSV: the dumps of OData v3 `TypedDataSet`s with labels in place of codes
/// (UTF-8 with BOM, `;`, period labels such as "2022 3e kwartaal"), and StatLine downloads (every field quoted,
/// values padded with spaces, `.` for missing) with their companion metadata CSV.
///
/// Columns whose key ends in `_<number>` are measures, `Perioden` (or `Periods`) is time, `ID` is skipped, and every
/// other column is a dimension. Members are resolved through the metadata file when there is one, and otherwise
/// through Krapte's code lists.
public struct CBSCSVReader {
    /// The choices for this load.
    public var options: IngestOptions

    /// Makes a reader.
    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// The companion metadata file of a StatLine download, when it lies beside the data file.
    public static func companionMetadata(for url: URL) -> URL? {
        let name = url.deletingPathExtension().lastPathComponent
        guard let id = name.split(separator: "_").first else { return nil }
        let candidate = url.deletingLastPathComponent().appendingPathComponent("\(id)_metadata.csv")
        return candidate != url && FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }

    /// Reads the file into a release.
    ///
    /// - Parameters:
    ///   - url: the data CSV.
    ///   - metadata: the StatLine metadata CSV; when nil, one beside the file named `<id>_metadata.csv` is used if present.
    /// - Throws: `IngestError` naming file, row and column for anything that cannot be read.
    public func read(_ url: URL, metadata: URL? = nil) throws -> Release {
        let file = url.path
        let meta = try (metadata ?? Self.companionMetadata(for: url)).map { try StatLineMetadata(url: $0) }
        let stem = url.deletingPathExtension().lastPathComponent
        let tableID = meta?.identifier ?? String(stem.split(separator: "_").first ?? Substring(stem))
        let datasetID = options.datasetID ?? tableID
        let catalogue = CBSTableCatalogue.tables[tableID.lowercased()]

        var release: Release?
        var columns = Columns()
        let numbers = NumberParser()
        var periodCache: [String: Period.ParsedLabel] = [:]
        var rowCount = 0
        var decimals = InferredDecimals(unknown: [], decimal: numbers.decimal)

        try CSVTokenizer(separator: UInt8(ascii: ";")).forEachRecord(in: url) { record in
            guard var current = release else {
                columns = try Columns(
                    header: record,
                    file: file,
                    meta: meta,
                    allowNew: options.allowNewMembers,
                    period: options.period ?? catalogue?.period
                )
                let source = Source(publisher: "CBS", location: file, licence: "CC BY 4.0", citation: "Bron: CBS")
                let dataset = Dataset(
                    id: datasetID,
                    title: meta?.title ?? catalogue?.title ?? tableID,
                    summary: meta?.summary ?? "",
                    source: source,
                    dimensions: columns.dimensions.map { c in
                        Dimension(
                            code: c.key,
                            title: meta?.properties[c.key]?.title ?? CBSTableCatalogue.dimensionTitle(c.key),
                            kind: c.kind,
                            codeList: c.codeList
                        )
                    },
                    measures: []
                )
                var r = try Release(
                    dataset: dataset,
                    format: meta == nil ? "cbs-csv" : "statline-csv",
                    publishedAt: meta?.modified ?? options.publishedAt
                )
                // Decimals that neither the metadata nor the catalogue give are taken from the values.
                decimals = InferredDecimals(
                    unknown: columns.measures.map { meta?.properties[$0.key] == nil && !CBSTableCatalogue.knowsDecimals(table: tableID) },
                    decimal: numbers.decimal
                )
                for c in columns.measures {
                    if let p = meta?.properties[c.key] {
                        _ = r.measureIndex(
                            Measure(code: c.key, title: p.title, unit: p.unit, decimals: p.decimals, kind: Self.kind(unit: p.unit, title: p.title))
                        )
                    } else {
                        _ = r.measureIndex(CBSTableCatalogue.measure(table: tableID, key: c.key))
                    }
                }
                release = r
                return
            }
            defer { release = current }
            rowCount += 1
            if rowCount % 100_000 == 0 { options.progress?(rowCount) }
            guard record.count == columns.count else {
                throw IngestError(
                    file: file,
                    row: record.line,
                    column: nil,
                    code: .raggedRow,
                    message: Message("CBSCSVReader.rowFieldsHeader", record.count, columns.count),
                    fix: Message("CBSCSVReader.rowFieldsHeader.fix")
                )
            }
            var memberIdx: [Int] = []
            memberIdx.reserveCapacity(columns.dimensions.count)
            for (d, c) in columns.dimensions.enumerated() {
                guard let text = record.string(c.index) else { throw Self.encodingError(file, record.line, c.key) }
                let m = try columns.resolvers[d].resolve(text, file: file, row: record.line)
                memberIdx.append(current.memberIndex(m, dimension: d))
            }
            guard let periodText = columns.time.map({ record.string($0) }) ?? columns.fixedPeriod?.code else {
                throw Self.encodingError(file, record.line, columns.timeKey)
            }
            let parsed: Period.ParsedLabel
            if let p = periodCache[periodText] {
                parsed = p
            } else if let p = Period.parseLabel(periodText) {
                periodCache[periodText] = p
                parsed = p
            } else {
                throw IngestError(
                    file: file,
                    row: record.line,
                    column: columns.timeKey,
                    code: .unknownPeriod,
                    message: Message("CBSCSVReader.cbsPeriod", periodText.excerpt),
                    fix: Message("CBSCSVReader.cbsPeriod.fix")
                )
            }
            var status: ObservationStatus = parsed.provisional ? .voorlopig : .definitief
            if let s = meta?.periodStatus[parsed.period.code] { status = s }
            for (m, c) in columns.measures.enumerated() {
                let key = SeriesKey(measure: m, members: memberIdx)
                switch numbers.parse(record.rawBytes(c.index)) {
                case .number(let v):
                    decimals.see(record.rawBytes(c.index), measure: m)
                    current.append(key, period: parsed.period, value: v, status: status, row: record.line)
                case .missing(let symbol):
                    if symbol == "-" {
                        current.append(key, period: parsed.period, value: 0, status: status, row: record.line)
                    } else {
                        let attribute: ValueAttribute = symbol == "x" ? .confidential : .notAvailable
                        current.append(key, period: parsed.period, value: nil, status: status, attribute: attribute, row: record.line)
                    }
                case .outOfRange:
                    throw NumberParser.outOfRangeError(file: file, row: record.line, column: c.key, text: record.string(c.index) ?? "?")
                case .invalid:
                    throw IngestError(
                        file: file,
                        row: record.line,
                        column: c.key,
                        code: .notANumber,
                        message: Message("CBSCSVReader.number", (record.string(c.index) ?? "?").excerpt),
                        fix: Message("CBSCSVReader.number.fix")
                    )
                }
            }
        }
        guard var release else {
            throw IngestError(
                file: file,
                row: nil,
                column: nil,
                code: .empty,
                message: Message("CBSCSVReader.fileEmpty"),
                fix: Message("CBSCSVReader.fileEmpty.fix")
            )
        }
        decimals.apply(to: &release)
        return release
    }

    static func encodingError(_ file: String, _ row: Int, _ column: String) -> IngestError {
        IngestError(
            file: file,
            row: row,
            column: column,
            code: .encoding,
            message: Message("CBSCSVReader.fieldValidUtf"),
            fix: Message("CBSCSVReader.fieldValidUtf.fix")
        )
    }

    /// The kind a unit suggests when nothing else says.
    static func kind(unit: String, title: String) -> MeasureKind {
        let u = unit.lowercased()
        if u.contains("%") || u.hasPrefix("per ") || u.contains("euro") && !u.contains("mln") { return .rate }
        if u.contains("=100") || u.contains("index") { return .index }
        return .stock
    }

    /// The roles of the columns, read from the header.
    struct Columns {
        struct Column {
            var index: Int
            var key: String
            var kind: DimensionKind = .classification
            var codeList: String?
        }
        var count = 0
        var time: Int?
        var fixedPeriod: Period?
        var timeKey = "Perioden"
        var dimensions: [Column] = []
        var measures: [Column] = []
        var resolvers: [MemberResolver] = []

        init() {}

        init(header: CSVTokenizer.Record, file: String, meta: StatLineMetadata?, allowNew: Bool, period: Period?) throws {
            count = header.count
            var timeIndex: Int?
            var seen: [String: Int] = [:]
            for i in 0..<header.count {
                try header.checkColumnName(i, file: file)
                guard let key = header.string(i)?.trimmingCharacters(in: .whitespaces) else {
                    throw CBSCSVReader.encodingError(file, header.line, "\(i + 1)")
                }
                if let first = seen.updateValue(i, forKey: key) {
                    throw IngestError(
                        file: file,
                        row: header.line,
                        column: key,
                        code: .malformed,
                        message: Message("CBSCSVReader.headerNamesTwiceFields", key.excerpt, first + 1, i + 1),
                        fix: Message("CBSCSVReader.headerNamesTwiceFields.fix")
                    )
                }
                if key == "ID" { continue }
                let type = meta?.properties[key]?.type
                if type == "TimeDimension" || (type == nil && (key == "Perioden" || key == "Periods")) {
                    timeIndex = i
                    timeKey = key
                } else if let type, type == "Topic" {
                    measures.append(Column(index: i, key: key))
                } else if type == nil, let u = key.lastIndex(of: "_"), key[key.index(after: u)...].allSatisfy(\.isNumber),
                    key.index(after: u) != key.endIndex
                {
                    measures.append(Column(index: i, key: key))
                } else {
                    let (kind, lists) = BuiltInCodeLists.lists(forDimension: key)
                    let resolvedKind: DimensionKind = type == "GeoDimension" || type == "GeoDetail" ? .geography : kind
                    dimensions.append(Column(index: i, key: key, kind: resolvedKind, codeList: lists.first?.id))
                    if let members = meta?.members[key] {
                        let list = CodeList(
                            id: key,
                            title: key,
                            version: "",
                            source: file,
                            members: members.map { CodeListMember(code: $0.code, label: $0.title) }
                        )
                        resolvers.append(MemberResolver(dimension: key, lists: [list], allowNew: allowNew))
                    } else {
                        resolvers.append(MemberResolver(dimension: key, lists: lists, allowNew: allowNew, cbsRegionLabels: true))
                    }
                }
            }
            if timeIndex == nil, period == nil {
                throw IngestError(
                    file: file,
                    row: header.line,
                    column: "Perioden",
                    code: .missingColumn,
                    message: Message("CBSCSVReader.headerPeriodenColumn"),
                    fix: Message("CBSCSVReader.headerPeriodenColumn.fix")
                )
            }
            fixedPeriod = timeIndex == nil ? period : nil
            guard !measures.isEmpty else {
                throw IngestError(
                    file: file,
                    row: header.line,
                    column: nil,
                    code: .missingColumn,
                    message: Message("CBSCSVReader.headerMeasureColumnsKeys"),
                    fix: Message("CBSCSVReader.headerMeasureColumnsKeys.fix")
                )
            }
            guard dimensions.count <= SeriesKey.maximumDimensions else {
                throw IngestError(
                    file: file,
                    row: header.line,
                    column: nil,
                    code: .malformed,
                    message: Message("CBSCSVReader.tableDimensionsBesidesTime", dimensions.count, SeriesKey.maximumDimensions),
                    fix: Message("CBSCSVReader.tableDimensionsBesidesTime.fix")
                )
            }
            time = timeIndex
        }
    }
}
