import KrapteCore

// Reading a mapping refuses keys it does not know, so that a misspelt `thousand` or `decimls` is an error instead
// of a file read with the defaults, and reads decimals as a whole number from 0 to 15.

extension TidyMapping {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case dataset, title, publisher, licence, location, separator, decimal, thousands, missing, encoding, period, status, dimensions
        case measureColumn, valueColumn, measures
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            dataset: try c.decode(String.self, forKey: .dataset),
            title: try c.decodeIfPresent(String.self, forKey: .title),
            publisher: try c.decodeIfPresent(String.self, forKey: .publisher),
            licence: try c.decodeIfPresent(String.self, forKey: .licence),
            location: try c.decodeIfPresent(String.self, forKey: .location),
            separator: try c.decodeIfPresent(String.self, forKey: .separator),
            decimal: try c.decodeIfPresent(String.self, forKey: .decimal),
            thousands: try c.decodeIfPresent(String.self, forKey: .thousands),
            missing: try c.decodeIfPresent([String].self, forKey: .missing),
            encoding: try c.decodeIfPresent(String.self, forKey: .encoding),
            period: try c.decode(String.self, forKey: .period),
            status: try c.decodeIfPresent(String.self, forKey: .status),
            dimensions: try c.decode([DimensionColumn].self, forKey: .dimensions),
            measureColumn: try c.decodeIfPresent(String.self, forKey: .measureColumn),
            valueColumn: try c.decodeIfPresent(String.self, forKey: .valueColumn),
            measures: try c.decode([MeasureColumn].self, forKey: .measures)
        )
    }
}

extension TidyMapping.DimensionColumn {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case column, labelColumn, code, title, codeList
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            column: try c.decode(String.self, forKey: .column),
            labelColumn: try c.decodeIfPresent(String.self, forKey: .labelColumn),
            code: try c.decodeIfPresent(String.self, forKey: .code),
            title: try c.decodeIfPresent(String.self, forKey: .title),
            codeList: try c.decodeIfPresent(String.self, forKey: .codeList)
        )
    }
}

extension TidyMapping.MeasureColumn {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case code, column, title, unit, decimals, kind
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try c.decode(String.self, forKey: .code),
            column: try c.decodeIfPresent(String.self, forKey: .column),
            title: try c.decodeIfPresent(String.self, forKey: .title),
            unit: try c.decodeIfPresent(String.self, forKey: .unit),
            decimals: try c.decodeWholeNumberIfPresent(forKey: .decimals, in: DatasetRules.decimals),
            kind: try c.decodeIfPresent(MeasureKind.self, forKey: .kind)
        )
    }
}
