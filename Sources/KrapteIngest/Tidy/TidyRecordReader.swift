import Foundation
import KrapteCore

/// Reads the records of a tidy CSV file after its header, as a `TidyLayout` says, into a release. The texts of
/// each column are resolved once (a member, a period, a status, a measure) and then found again by their bytes.
final class TidyRecordReader {
    private let layout: TidyLayout
    private let file: String
    private let fieldCount: Int
    private let periodColumn: Int
    private let statusColumn: Int?
    private let dimensionColumns: [Int]
    private let labelColumns: [Int?]
    private let measures: Measures
    /// How many records have been read after the header.
    private(set) var count = 0

    // The state a row changes. Each property is reached by one access at a time (a lookup's closure reads others,
    // never the one being looked up in), so the runtime's exclusivity checks, a tenth of the time of a load, are
    // left out.
    @exclusivity(unchecked) private var members: [InternedValues<Int>]
    @exclusivity(unchecked) private var periods = InternedValues<Period.ParsedLabel>()
    @exclusivity(unchecked) private var statuses = InternedValues<ObservationStatus>()
    @exclusivity(unchecked) private var longMeasures = InternedValues<Int>()
    /// The decimals of the measures the mapping gives none for, taken from the values.
    @exclusivity(unchecked) private var decimals: InferredDecimals
    /// The members of the row being read; its measure is set for each value.
    @exclusivity(unchecked) private var key = SeriesKey(measure: -1, members: [])
    @exclusivity(unchecked) private var resolvers: [MemberResolver]

    /// The columns of the measures, by index in the header.
    private enum Measures {
        case wide([(index: Int, name: String)])
        case long(measure: (index: Int, name: String), value: (index: Int, name: String), codes: [String: Int])
    }

    /// Finds the columns the layout names in the header.
    /// - Throws: `IngestError` naming a column the header lacks, with the columns it has, or a column the mapping
    ///   names that the header names twice.
    init(header: CSVTokenizer.Record, layout: TidyLayout, file: String) throws {
        var index: [String: Int] = [:]
        var repeated: [String: Int] = [:]
        for i in 0..<header.count {
            try header.checkColumnName(i, file: file)
            let name = try Self.text(header, i, column: "\(i + 1)", layout: layout, file: file).trimmingCharacters(in: .whitespaces)
            if index[name] == nil { index[name] = i } else if repeated[name] == nil { repeated[name] = i }
        }
        func need(_ name: String, _ field: String) throws -> Int {
            if let first = index[name], let second = repeated[name] {
                throw IngestError(
                    file: file,
                    row: header.line,
                    column: name,
                    code: .malformed,
                    message: Message("TidyRecordReader.headerNamesTwiceFields", name.excerpt, first + 1, second + 1),
                    fix: Message("TidyRecordReader.headerNamesTwiceFields.fix")
                )
            }
            guard let i = index[name] else {
                let names = index.keys.sorted().prefix(20).map(\.excerpt).joined(separator: ", ")
                throw IngestError(
                    file: file,
                    row: header.line,
                    column: name,
                    code: .missingColumn,
                    message: Message("TidyRecordReader.headerColumnNamedMapping", name.excerpt, field, names),
                    fix: Message("TidyRecordReader.headerColumnNamedMapping.fix")
                )
            }
            return i
        }
        self.layout = layout
        self.file = file
        fieldCount = header.count
        periodColumn = try need(layout.period, "period")
        statusColumn = try layout.status.map { try need($0, "status") }
        dimensionColumns = try layout.dimensionColumns.map { try need($0, "dimensions") }
        labelColumns = try layout.labelColumns.map { try $0.map { try need($0, "labelColumn") } }
        switch layout.shape {
        case .wide(let columns):
            measures = .wide(try columns.map { (try need($0, "measures"), $0) })
        case .long(let measureColumn, let valueColumn, let codes):
            measures = .long(
                measure: (try need(measureColumn, "measureColumn"), measureColumn),
                value: (try need(valueColumn, "valueColumn"), valueColumn),
                codes: codes
            )
        }
        members = Array(repeating: InternedValues<Int>(), count: dimensionColumns.count)
        resolvers = layout.resolvers
        decimals = InferredDecimals(unknown: layout.unknownDecimals, decimal: layout.numbers.decimal)
    }

    /// Sets the decimals the mapping leaves out to those of the values read.
    func applyDecimals(to release: inout Release) {
        decimals.apply(to: &release)
    }

    /// Reads one record into `release`.
    /// - Throws: `IngestError` naming file, row and column for a field that cannot be read.
    func read(_ record: CSVTokenizer.Record, into release: inout Release) throws {
        count += 1
        guard record.count == fieldCount else {
            throw IngestError(
                file: file,
                row: record.line,
                column: nil,
                code: .raggedRow,
                message: Message("TidyRecordReader.rowFieldsHeader", record.count, fieldCount),
                fix: Message("TidyRecordReader.rowFieldsHeader.fix")
            )
        }
        for d in 0..<dimensionColumns.count {
            let member = try members[d].value(for: record.rawBytes(dimensionColumns[d])) {
                let column = layout.dimensionColumns[d]
                let text = try text(record, dimensionColumns[d], column: column)
                let label = try labelColumns[d].map { try self.text(record, $0, column: layout.labelColumns[d] ?? column) }
                return release.memberIndex(try resolvers[d].resolve(text, label: label, file: file, row: record.line), dimension: d)
            }
            key.setMember(member, dimension: d)
        }
        let parsed = try periods.value(for: record.rawBytes(periodColumn)) {
            let text = try text(record, periodColumn, column: layout.period)
            guard let p = Period.parseLabel(text) else {
                throw IngestError(
                    file: file,
                    row: record.line,
                    column: layout.period,
                    code: .unknownPeriod,
                    message: Message("TidyRecordReader.period", text.excerpt),
                    fix: Message("TidyRecordReader.period.fix")
                )
            }
            return p
        }
        var status: ObservationStatus = parsed.provisional ? .voorlopig : .definitief
        if let statusColumn, let name = layout.status {
            status = try statuses.value(for: record.rawBytes(statusColumn)) {
                let text = try text(record, statusColumn, column: name)
                guard let s = ObservationStatus(cbs: text) else {
                    throw IngestError(
                        file: file,
                        row: record.line,
                        column: name,
                        code: .malformed,
                        message: Message("TidyRecordReader.status", text.excerpt),
                        fix: Message("TidyRecordReader.status.fix")
                    )
                }
                return s
            }
        }
        switch measures {
        case .wide(let columns):
            for (m, c) in columns.enumerated() {
                try add(record, measure: m, column: c, period: parsed.period, status: status, into: &release)
            }
        case .long(let measure, let value, let codes):
            let m = try longMeasures.value(for: record.rawBytes(measure.index)) {
                let text = try text(record, measure.index, column: measure.name).trimmingCharacters(in: .whitespaces)
                guard let m = codes[text] else {
                    throw IngestError(
                        file: file,
                        row: record.line,
                        column: measure.name,
                        code: .unknownMember,
                        message: Message("TidyRecordReader.measureListedMapping", text.excerpt),
                        fix: Message("TidyRecordReader.measureListedMapping.fix")
                    )
                }
                return m
            }
            try add(record, measure: m, column: value, period: parsed.period, status: status, into: &release)
        }
    }

    /// Adds the value of field `column.index` as an observation of measure `measure`.
    private func add(
        _ record: CSVTokenizer.Record,
        measure: Int,
        column: (index: Int, name: String),
        period: Period,
        status: ObservationStatus,
        into release: inout Release
    ) throws {
        let key = key.measured(measure)
        switch layout.numbers.parse(record.rawBytes(column.index)) {
        case .number(let v):
            decimals.see(record.rawBytes(column.index), measure: measure)
            release.append(key, period: period, value: v, status: status, row: record.line)
        case .missing(let symbol):
            let attribute: ValueAttribute = symbol == "x" ? .confidential : .notAvailable
            release.append(key, period: period, value: nil, status: status, attribute: attribute, row: record.line)
        case .outOfRange:
            throw NumberParser.outOfRangeError(
                file: file,
                row: record.line,
                column: column.name,
                text: try text(record, column.index, column: column.name)
            )
        case .invalid:
            let comma = layout.numbers.decimal == UInt8(ascii: ",")
            throw IngestError(
                file: file,
                row: record.line,
                column: column.name,
                code: .notANumber,
                message: Message("TidyRecordReader.number", try text(record, column.index, column: column.name).excerpt),
                fix: comma ? Message("TidyRecordReader.number.fixComma") : Message("TidyRecordReader.number.fixPoint")
            )
        }
    }

    private func text(_ record: CSVTokenizer.Record, _ i: Int, column: String) throws -> String {
        try Self.text(record, i, column: column, layout: layout, file: file)
    }

    /// Field `i` as text in the layout's encoding.
    /// - Throws: `IngestError` naming file, row and column when its bytes are not in that encoding.
    private static func text(_ record: CSVTokenizer.Record, _ i: Int, column: String, layout: TidyLayout, file: String) throws -> String {
        let text: String? =
            switch layout.encoding {
            case .utf8: record.string(i)
            case .windows1252: Windows1252.decode(record.bytes(i))
            }
        guard let text else {
            let utf8 = layout.encoding == .utf8
            throw IngestError(
                file: file,
                row: record.line,
                column: column,
                code: .encoding,
                message: utf8 ? Message("TidyRecordReader.notUTF8") : Message("TidyRecordReader.notWindows1252"),
                fix: utf8 ? Message("TidyRecordReader.notUTF8.fix") : Message("TidyRecordReader.notWindows1252.fix")
            )
        }
        return text
    }
}
