/// The rules every dataset keeps, checked at the door (before a release is stored) and again when stored metadata
/// is read, so that nothing a reader, a mapping or an old store brings in can break a page, a query or a file name.
///
/// - Ids of datasets, dimensions and measures: a letter or digit, then letters, digits, `-`, `_` and `.`; at most
///   64 characters (`80472ned`, `OpenstaandeVacatures_1`, `demo-vacatures`). Unique among their kind.
/// - Member codes: at most 64 characters without control characters; unique within their dimension.
/// - Titles, labels and units: at most 1,000 characters without control characters (a description may hold line
///   breaks and be longer).
/// - Decimals: a whole number from 0 to 15.
public enum DatasetRules {
    /// The longest id or member code.
    public static let maximumIdentifierLength = 64
    /// The longest title, label or unit.
    public static let maximumLabelLength = 1_000
    /// The decimals a measure may have.
    public static let decimals = 0...15

    /// What is wrong with an id of a dataset, dimension or measure, or nil when it keeps the rule.
    public static func identifierProblem(_ id: String) -> Message? {
        let scalars = id.unicodeScalars
        guard let first = scalars.first else { return Message("DatasetRules.empty") }
        guard scalars.count <= maximumIdentifierLength else {
            return Message("DatasetRules.charactersMoreThan", scalars.count, maximumIdentifierLength)
        }
        guard isAlphanumeric(first) else { return Message("DatasetRules.starts", first.escaped(asASCII: true)) }
        if let bad = scalars.first(where: { !isAlphanumeric($0) && $0 != "-" && $0 != "_" && $0 != "." }) {
            return Message("DatasetRules.holds", bad.escaped(asASCII: true))
        }
        return nil
    }

    /// What is wrong with a member code, or nil when it keeps the rule.
    public static func memberCodeProblem(_ code: String) -> Message? {
        guard !code.isEmpty else { return Message("DatasetRules.empty") }
        if let problem = textProblem(code, maximum: maximumIdentifierLength) { return problem }
        return nil
    }

    /// What is wrong with a title, label or unit, or nil when it keeps the rule.
    public static func labelProblem(_ label: String) -> Message? {
        textProblem(label, maximum: maximumLabelLength)
    }

    /// How to write an id that keeps the rule, for the `fix` of an error.
    public static let identifierFix = Message("DatasetRules.useLettersDigitsStarting")

    private static func textProblem(_ text: String, maximum: Int) -> Message? {
        let count = text.unicodeScalars.count
        if count > maximum { return Message("DatasetRules.charactersMoreThan", count, maximum) }
        if let bad = text.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            return Message("DatasetRules.holdsControlCharacterU", String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4))
        }
        return nil
    }

    private static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }
}

/// A rule of `DatasetRules` that a dataset breaks: where (`measures[2].code`), what is wrong and how to fix it.
public struct DatasetViolation: Sendable, Hashable {
    /// The field, as a path into the dataset (`dimensions[1].members[3].label`).
    public var field: String
    /// What is wrong, quoting the offending value in at most about 80 characters.
    public var message: Message
    /// How to fix it.
    public var fix: Message
}

extension Dataset {
    /// The first rule of `DatasetRules` that the dataset breaks, or nil when it keeps them all.
    /// - Complexity: O(*n*) in the number of members and measures.
    public func violation() -> DatasetViolation? {
        if let problem = DatasetRules.identifierProblem(id) {
            return DatasetViolation(
                field: "id",
                message: Message("DatasetRules.datasetIdValid", id.excerpt, problem),
                fix: DatasetRules.identifierFix
            )
        }
        if let v = Self.labelViolation(title, field: "title") { return v }
        if let v = Self.labelViolation(source.publisher, field: "source.publisher") { return v }
        if let v = Self.labelViolation(source.citation, field: "source.citation") { return v }
        var dimensionCodes: Set<String> = []
        for (i, d) in dimensions.enumerated() {
            if let v = Self.identifierViolation(
                d.code,
                field: "dimensions[\(i)].code",
                kind: Message("DatasetRules.kind.dimension"),
                seen: &dimensionCodes
            ) {
                return v
            }
            if let v = Self.labelViolation(d.title, field: "dimensions[\(i)].title") { return v }
            var memberCodes: Set<String> = []
            for (j, m) in d.members.enumerated() {
                let field = "dimensions[\(i)].members[\(j)]"
                if let problem = DatasetRules.memberCodeProblem(m.code) {
                    return DatasetViolation(
                        field: field + ".code",
                        message: Message("DatasetRules.codeMemberValid", m.code.excerpt, d.code, problem),
                        fix: Message("DatasetRules.codeMemberValid.fix")
                    )
                }
                guard memberCodes.insert(m.code).inserted else {
                    return DatasetViolation(
                        field: field + ".code",
                        message: Message("DatasetRules.dimensionTwoMembersCode", d.code, m.code.excerpt),
                        fix: Message("DatasetRules.dimensionTwoMembersCode.fix")
                    )
                }
                if let v = Self.labelViolation(m.label, field: field + ".label") { return v }
            }
        }
        var measureCodes: Set<String> = []
        for (i, m) in measures.enumerated() {
            if let v = Self.identifierViolation(m.code, field: "measures[\(i)].code", kind: Message("DatasetRules.kind.measure"), seen: &measureCodes)
            {
                return v
            }
            if let v = Self.labelViolation(m.title, field: "measures[\(i)].title") { return v }
            if let v = Self.labelViolation(m.unit, field: "measures[\(i)].unit") { return v }
            guard DatasetRules.decimals.contains(m.decimals) else {
                return DatasetViolation(
                    field: "measures[\(i)].decimals",
                    message: Message("DatasetRules.measureDecimals", m.code, m.decimals),
                    fix: Message("DatasetRules.measureDecimals.fix")
                )
            }
        }
        return nil
    }

    private static func identifierViolation(_ code: String, field: String, kind: Message, seen: inout Set<String>) -> DatasetViolation? {
        if let problem = DatasetRules.identifierProblem(code) {
            return DatasetViolation(
                field: field,
                message: Message("DatasetRules.codeValid", kind, code.excerpt, problem),
                fix: DatasetRules.identifierFix
            )
        }
        guard seen.insert(code).inserted else {
            return DatasetViolation(
                field: field,
                message: Message("DatasetRules.codeComesTwice", kind, code.excerpt),
                fix: Message("DatasetRules.codeComesTwice.fix")
            )
        }
        return nil
    }

    private static func labelViolation(_ text: String, field: String) -> DatasetViolation? {
        guard let problem = DatasetRules.labelProblem(text) else { return nil }
        return DatasetViolation(
            field: field,
            message: Message("DatasetRules.valid", field, text.excerpt, problem),
            fix: Message("DatasetRules.valid.fix", DatasetRules.maximumLabelLength)
        )
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
