import Foundation

/// The change of a share between two waves, as independent samples: p₂ − p₁ with standard error √(se₁² + se₂²),
/// its 95% Wald interval, z and the two-sided p-value, with and without the finite-population correction. Nil
/// estimates when either wave's cell is suppressed.
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

    /// The two shares, when neither cell is suppressed.
    public var shares: (SurveyEstimate, SurveyEstimate)? {
        guard let a = first?.estimate?.share, let b = second?.estimate?.share else { return nil }
        return (a, b)
    }

    /// The change p₂ − p₁.
    public var change: Double? { shares.map { $1.estimate - $0.estimate } }

    /// The standard error of the change, with or without the correction.
    public func se(fpc: Bool = true) -> Double? {
        shares.map { a, b in fpc ? (a.se * a.se + b.se * b.se).squareRoot() : (a.seNoFPC * a.seNoFPC + b.seNoFPC * b.seNoFPC).squareRoot() }
    }

    /// change / se; nil when the standard error is zero.
    public func z(fpc: Bool = true) -> Double? {
        guard let change, let se = se(fpc: fpc), se > 0 else { return nil }
        return change / se
    }

    /// The two-sided p-value 2 (1 − Φ(|z|)) = erfc(|z| / √2), as R's `2 * pnorm(-abs(z))`.
    public func pValue(fpc: Bool = true) -> Double? {
        z(fpc: fpc).map { erfc(abs($0) / 2.0.squareRoot()) }
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
