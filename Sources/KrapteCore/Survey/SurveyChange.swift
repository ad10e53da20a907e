import Foundation

/// The change of a share between two waves, as independent samples: p₂ − p₁ with standard error √(se₁² + se₂²),
/// its 95% Wald interval, z and the two-sided p-value, with and without the finite-population correction. What
/// `krapte survey compare` prints and the survey page marks; see Guides/SurveyEstimation.md.
public struct SurveyChange: Sendable, Hashable {
    /// The first wave's share.
    public var first: SurveyEstimate
    /// The second wave's share.
    public var second: SurveyEstimate

    /// The significance level of `isSignificant`: 5%, two-sided.
    public static let level = 0.05

    /// Makes the change from `first` to `second`.
    public init(from first: SurveyEstimate, to second: SurveyEstimate) {
        self.first = first
        self.second = second
    }

    /// The change p₂ − p₁.
    public var change: Double { second.estimate - first.estimate }

    /// The standard error of the change, with or without the correction.
    public func se(fpc: Bool = true) -> Double {
        fpc
            ? (first.se * first.se + second.se * second.se).squareRoot()
            : (first.seNoFPC * first.seNoFPC + second.seNoFPC * second.seNoFPC).squareRoot()
    }

    /// The 95% Wald interval of the change: change ± z · se.
    public func interval(fpc: Bool = true) -> (low: Double, high: Double) {
        let half = SurveyEstimate.z975 * se(fpc: fpc)
        return (change - half, change + half)
    }

    /// change / se; nil when the standard error is zero.
    public func z(fpc: Bool = true) -> Double? {
        let se = se(fpc: fpc)
        return se > 0 ? change / se : nil
    }

    /// The two-sided p-value 2 (1 − Φ(|z|)) = erfc(|z| / √2), as R's `2 * pnorm(-abs(z))`.
    public func pValue(fpc: Bool = true) -> Double? {
        z(fpc: fpc).map { erfc(abs($0) / 2.0.squareRoot()) }
    }

    /// Whether the change is significant at `level` (with the correction): its p-value is below 5%.
    public var isSignificant: Bool { pValue().map { $0 < Self.level } ?? false }
}
