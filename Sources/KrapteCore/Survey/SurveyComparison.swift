import Foundation

/// The cells of one question, domain and answer in two waves, and the change between them (`SurveyChange`); no
/// change when either wave's cell is suppressed.
public struct SurveyComparison: Sendable, Hashable {
    /// The question.
    public var question: String
    /// The domain's type.
    public var domainType: String
    /// The domain.
    public var domain: String
    /// The answer category.
    public var category: String
    /// The first wave's cell.
    public var first: SurveyRow?
    /// The second wave's cell.
    public var second: SurveyRow?

    /// The change between the two shares, when neither cell is suppressed.
    public var change: SurveyChange? {
        guard let a = first?.estimate?.share, let b = second?.estimate?.share else { return nil }
        return SurveyChange(from: a, to: b)
    }

    /// The cells of two waves side by side, in the order of the first wave's rows, then cells only the second has.
    public static func pairs(_ rows: [SurveyRow], first: String, second: String) -> [SurveyComparison] {
        func key(_ r: SurveyRow) -> [String] { [r.question, r.domainType, r.domain, r.category] }
        let later = Dictionary(rows.filter { $0.wave == second }.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        var out: [SurveyComparison] = []
        var used: Set<[String]> = []
        for r in rows where r.wave == first {
            out.append(
                SurveyComparison(
                    question: r.question,
                    domainType: r.domainType,
                    domain: r.domain,
                    category: r.category,
                    first: r,
                    second: later[key(r)]
                )
            )
            used.insert(key(r))
        }
        for r in rows where r.wave == second && !used.contains(key(r)) {
            out.append(
                SurveyComparison(question: r.question, domainType: r.domainType, domain: r.domain, category: r.category, first: nil, second: r)
            )
        }
        return out
    }
}
