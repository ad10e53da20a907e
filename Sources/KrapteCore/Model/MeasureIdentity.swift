/// One CBS table keeps one set of measure codes, whichever format it is loaded from.
///
/// CBS names a table's measures differently in its formats: the OData v3 feed and the CSV dumps made from it use
/// keys such as `Totaal_19` or `k_3HboWo_4`, whose number is the measure's place in the table; OData v4 uses
/// identifiers such as `A048156_2` or `M001906`, listed in the same order. A table loaded from one format and then
/// from the other is matched place by place, and the release keeps the codes that are stored, so that queries,
/// indicators and links go on working. When the two cannot be matched (another number of measures, or units that
/// differ at one place), the load is refused with the reason.
public enum MeasureIdentity {
    /// The place of a measure named by a CBS v3 key (`Totaal_19` gives 19): a key with lower-case letters and a
    /// number after its last underscore. Nil for anything else.
    public static func v3Place(_ code: String) -> Int? {
        guard let underscore = code.lastIndex(of: "_"), code.contains(where: \.isLowercase) else { return nil }
        return Int(code[code.index(after: underscore)...])
    }

    /// Whether a code is a CBS OData v4 measure identifier: an optional capital letter, six to eight digits, and an
    /// optional `_` and number (`M001906`, `A048156_2`, `2018700_1`, `30000811`).
    public static func isV4Identifier(_ code: String) -> Bool {
        var rest = Substring(code)
        if let first = rest.first, first.isASCII, first.isUppercase { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard (6...8).contains(digits.count) else { return false }
        rest = rest.dropFirst(digits.count)
        if rest.isEmpty { return true }
        guard rest.first == "_" else { return false }
        let suffix = rest.dropFirst()
        return !suffix.isEmpty && suffix.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Which of CBS's namings the measures of a dataset follow.
    enum Naming {
        case v3Keys
        case v4Identifiers
        case other
    }

    static func naming(of measures: [Measure]) -> Naming {
        if !measures.isEmpty, measures.allSatisfy({ v3Place($0.code) != nil }) { return .v3Keys }
        if !measures.isEmpty, measures.allSatisfy({ isV4Identifier($0.code) }) { return .v4Identifiers }
        return .other
    }

    /// The new codes for the measures of `incoming` (by their current code) that make them keep the codes of
    /// `stored`, the same table loaded before from the other CBS format; empty when nothing is to be renamed.
    ///
    /// - Throws: `IngestError` with code `.structure` naming `file`, when the two are the same table in two
    ///   namings whose measures cannot be matched place by place.
    public static func renames(of incoming: Dataset, toKeep stored: Dataset, file: String) throws -> [String: String] {
        let storedCodes = Set(stored.measures.map(\.code))
        guard !incoming.measures.allSatisfy({ storedCodes.contains($0.code) }) else { return [:] }
        let (from, to) = (naming(of: incoming.measures), naming(of: stored.measures))
        // In v4 order: the measure at place p (from 1) of a v4 list matches the v3 key numbered p.
        let pairs: [(incoming: Measure, stored: Measure)]
        switch (from, to) {
        case (.v4Identifiers, .v3Keys):
            let byPlace = Dictionary(stored.measures.compactMap { m in v3Place(m.code).map { ($0, m) } }, uniquingKeysWith: { a, _ in a })
            pairs = incoming.measures.enumerated().compactMap { i, m in byPlace[i + 1].map { (m, $0) } }
        case (.v3Keys, .v4Identifiers):
            pairs = incoming.measures.compactMap { m in
                v3Place(m.code).flatMap { p in stored.measures.indices.contains(p - 1) ? (m, stored.measures[p - 1]) : nil }
            }
        default:
            return [:]
        }
        func refuse(_ message: Message) -> IngestError {
            IngestError(
                file: file,
                row: nil,
                column: nil,
                code: .structure,
                message: Message("MeasureIdentity.datasetStoredRelease", stored.id, naming(to), naming(from), message),
                fix: Message("MeasureIdentity.datasetStoredRelease.fix")
            )
        }
        guard pairs.count == incoming.measures.count, incoming.measures.count == stored.measures.count else {
            throw refuse(Message("MeasureIdentity.theirMeasuresCannotMatched", stored.measures.count, incoming.measures.count))
        }
        for (new, old) in pairs where !unitsAgree(new.unit, old.unit) {
            throw refuse(Message("MeasureIdentity.whereSamePlace", new.code, new.unit.excerpt, old.code, old.unit.excerpt))
        }
        return Dictionary(pairs.map { ($0.incoming.code, $0.stored.code) }, uniquingKeysWith: { a, _ in a })
    }

    /// Whether a release's measures and the stored ones are in two different CBS namings, so that the release was
    /// not matched to the stored codes before it was finished.
    public static func namingsDiffer(_ incoming: Dataset, _ stored: Dataset) -> Bool {
        let (a, b) = (naming(of: incoming.measures), naming(of: stored.measures))
        return a != b && a != .other && b != .other
    }

    private static func naming(_ n: Naming) -> String {
        switch n {
        case .v3Keys: "CBS's OData v3 keys (as in its CSV dumps)"
        case .v4Identifiers: "CBS's OData v4 identifiers"
        case .other: "its own measure codes"
        }
    }

    /// Whether two units can be the same: equal without spaces, case and thousands separators (`x 1 000` and
    /// `x 1000`), one a fuller form of the other (`%` and `waarde uitgedrukt als % van het bbp`), or one unknown.
    static func unitsAgree(_ a: String, _ b: String) -> Bool {
        func key(_ unit: String) -> String { String(unit.lowercased().filter { $0 != " " && $0 != "." && $0 != "\u{A0}" }) }
        let (x, y) = (key(a), key(b))
        return x.isEmpty || y.isEmpty || x.contains(y) || y.contains(x)
    }
}
