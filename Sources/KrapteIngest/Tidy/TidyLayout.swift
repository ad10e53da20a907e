import KrapteCore

/// A `TidyMapping` checked and resolved once, before the file is read: the bytes that separate fields and numbers,
/// the encoding, the dataset to load, the code lists of the dimensions and the shape of the file. Every mistake of
/// the mapping is found here and named by its field, so that reading a row has nothing left to check but the row.
struct TidyLayout {
    /// How the file's bytes are text.
    enum Encoding {
        case utf8
        case windows1252
    }

    /// Where the measures are.
    enum Shape {
        /// One column per measure: their names, in the order of the dataset's measures.
        case wide(columns: [String])
        /// One column naming the measure and one holding the value; `measures` finds a measure's index by its
        /// column text or its code.
        case long(measureColumn: String, valueColumn: String, measures: [String: Int])
    }

    var separator: UInt8
    var numbers: NumberParser
    var encoding: Encoding
    var dataset: Dataset
    /// The period column.
    var period: String
    /// The status column, if any.
    var status: String?
    /// The dimension columns, in the order of the dataset's dimensions.
    var dimensionColumns: [String]
    /// Per dimension, the column holding its members' labels, if any.
    var labelColumns: [String?]
    /// One resolver per dimension.
    var resolvers: [MemberResolver]
    var shape: Shape
    /// Per measure, in the order of the dataset's measures: whether the mapping leaves its decimals out, so that
    /// they are taken from the values.
    var unknownDecimals: [Bool]

    /// Resolves `mapping` for a load with `options`.
    /// - Throws: `IngestError` naming `mappingFile` and the field that is wrong, and how to fix it.
    init(mapping: TidyMapping, options: IngestOptions, file: String, mappingFile: String) throws {
        func error(_ field: String, _ message: Message, _ fix: Message) -> IngestError {
            IngestError(file: mappingFile, row: nil, column: field, code: .mapping, message: message, fix: fix)
        }
        separator = try Self.byte(mapping.separator, default: UInt8(ascii: ","), field: "separator", mappingFile: mappingFile)
        let decimal = try Self.byte(mapping.decimal, default: UInt8(ascii: "."), field: "decimal", mappingFile: mappingFile)
        let thousands = try mapping.thousands.flatMap {
            $0.isEmpty ? nil : try Self.byte($0, default: 0, field: "thousands", mappingFile: mappingFile)
        }
        guard decimal != separator, thousands != separator, thousands != decimal else {
            throw error(
                "decimal",
                Message("TidyLayout.separatorDecimalMarkThousands"),
                Message("TidyLayout.separatorDecimalMarkThousands.fix")
            )
        }
        let missing = mapping.missing ?? NumberParser.defaultMissingTokens
        if let (i, token) = missing.enumerated().first(where: { $0.element.first?.isNumber == true || $0.element.utf8.count > 20 }) {
            throw error(
                "missing[\(i)]",
                Message("TidyLayout.cannotStandMissingValue", token.excerpt),
                Message("TidyLayout.cannotStandMissingValue.fix")
            )
        }
        numbers = NumberParser(decimal: decimal, thousands: thousands, missing: missing)
        switch (mapping.encoding ?? "utf-8").lowercased() {
        case "utf-8", "utf8": encoding = .utf8
        case "windows-1252", "cp1252", "latin1", "iso-8859-1": encoding = .windows1252
        case let other: throw error("encoding", Message("TidyLayout.unknownEncoding", other.excerpt), Message("TidyLayout.unknownEncoding.fix"))
        }
        guard !mapping.measures.isEmpty else {
            throw error("measures", Message("TidyLayout.measuresListed"), Message("TidyLayout.measuresListed.fix"))
        }
        switch (mapping.measureColumn, mapping.valueColumn) {
        case (nil, nil):
            shape = .wide(columns: mapping.measures.map { $0.column ?? $0.code })
        case (let measureColumn?, let valueColumn?):
            var measures: [String: Int] = [:]
            for (i, m) in mapping.measures.enumerated().reversed() {
                measures[m.code] = i
                measures[m.column ?? m.code] = i
            }
            shape = .long(measureColumn: measureColumn, valueColumn: valueColumn, measures: measures)
        case (nil, _), (_, nil):
            throw error(
                mapping.measureColumn == nil ? "measureColumn" : "valueColumn",
                Message("TidyLayout.longLayoutNeedsBoth"),
                Message("TidyLayout.longLayoutNeedsBoth.fix")
            )
        }
        period = mapping.period
        status = mapping.status
        dimensionColumns = mapping.dimensions.map(\.column)
        labelColumns = mapping.dimensions.map(\.labelColumn)
        var dimensions: [KrapteCore.Dimension] = []
        resolvers = []
        for (i, d) in mapping.dimensions.enumerated() {
            let code = d.code ?? d.column
            var (kind, lists) = BuiltInCodeLists.lists(forDimension: code)
            switch d.codeList {
            case nil: break
            case "none": lists = []
            case let id?:
                guard let list = BuiltInCodeLists.all[id] else {
                    throw error(
                        "dimensions[\(i)].codeList",
                        Message("TidyLayout.unknownCodeList", id.excerpt),
                        Message("TidyLayout.unknownCodeList.fix", BuiltInCodeLists.all.keys.sorted().joined(separator: ", "))
                    )
                }
                lists = [list]
                if id == "regio" { kind = .geography }
            }
            if d.labelColumn != nil, let list = lists.first {
                throw error(
                    "dimensions[\(i)].labelColumn",
                    Message("TidyLayout.dimensionTakesLabelsCode", code.excerpt, list.id),
                    Message("TidyLayout.dimensionTakesLabelsCode.fix")
                )
            }
            dimensions.append(KrapteCore.Dimension(code: code, title: d.title ?? code, kind: kind, codeList: lists.first?.id))
            resolvers.append(MemberResolver(dimension: d.column, lists: lists, allowNew: options.allowNewMembers))
        }
        unknownDecimals = mapping.measures.map { $0.decimals == nil }
        dataset = Dataset(
            id: options.datasetID ?? mapping.dataset,
            title: mapping.title ?? mapping.dataset,
            source: Source(publisher: mapping.publisher ?? "", location: mapping.location ?? file, licence: mapping.licence ?? ""),
            dimensions: dimensions,
            measures: mapping.measures.map {
                Measure(code: $0.code, title: $0.title ?? $0.code, unit: $0.unit ?? "", decimals: $0.decimals ?? 0, kind: $0.kind ?? .stock)
            }
        )
        if let v = dataset.violation() {
            let field = v.field == "id" ? "dataset" : v.field
            throw error(field, v.message, v.fix)
        }
    }

    /// The byte a one-character field of the mapping names (`tab` for a tab), or `default` when it is absent.
    private static func byte(_ text: String?, default d: UInt8, field: String, mappingFile: String) throws -> UInt8 {
        guard let text else { return d }
        if text == "tab" || text == "\t" { return 9 }
        guard text.utf8.count == 1, let byte = text.utf8.first, byte != UInt8(ascii: "\""), byte != 10, byte != 13 else {
            throw IngestError(
                file: mappingFile,
                row: nil,
                column: field,
                code: .mapping,
                message: Message("TidyLayout.singleCharacterCanSeparate", text.excerpt),
                fix: Message("TidyLayout.singleCharacterCanSeparate.fix")
            )
        }
        return byte
    }
}
