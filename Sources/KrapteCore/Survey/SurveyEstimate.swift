/// An estimate with its linearised standard error, with and without the finite-population correction.
public struct SurveyEstimate: Sendable, Hashable {
    /// The estimate.
    public var estimate: Double
    /// The standard error with the finite-population correction.
    public var se: Double
    /// The standard error without it.
    public var seNoFPC: Double

    /// The 97.5% point of the standard normal distribution, as R's `qnorm(0.975)` gives it.
    public static let z975 = 1.959963984540054

    /// Makes an estimate.
    public init(estimate: Double, se: Double, seNoFPC: Double) {
        self.estimate = estimate
        self.se = se
        self.seNoFPC = seNoFPC
    }

    /// Makes an estimate from its variances.
    init(_ estimate: Double, variance: (fpc: Double, noFPC: Double)) {
        self.init(estimate: estimate, se: variance.fpc.squareRoot(), seNoFPC: variance.noFPC.squareRoot())
    }

    /// The 95% Wald interval: estimate ± z · se, with the correction or without it.
    public func interval(fpc: Bool = true) -> (low: Double, high: Double) {
        let half = Self.z975 * (fpc ? se : seNoFPC)
        return (estimate - half, estimate + half)
    }
}
