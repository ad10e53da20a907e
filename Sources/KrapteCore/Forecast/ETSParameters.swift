/// The smoothing parameters of an ETS model: α for the level, β for the slope, γ for the season and φ for the
/// damping, in R's `forecast` parameterisation (β and γ are not multiplied by α).
public struct ETSParameters: Hashable, Sendable, Codable {
    /// The level's smoothing parameter α.
    public var alpha: Double
    /// The slope's β; nil without a trend.
    public var beta: Double?
    /// The season's γ; nil without a season.
    public var gamma: Double?
    /// The damping φ; nil without damping.
    public var phi: Double?

    /// Makes the parameters.
    public init(alpha: Double, beta: Double? = nil, gamma: Double? = nil, phi: Double? = nil) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.phi = phi
    }

    /// The bounds R's `ets` uses by default ("both"): α, β and γ in [0.0001, 0.9999], φ in [0.8, 0.98], β ≤ α,
    /// γ ≤ 1 − α, and the model admissible (forecastable: its discounted past vanishes).
    func withinBounds(period m: Int) -> Bool {
        guard (1e-4...0.9999).contains(alpha) else { return false }
        if let beta, beta < 1e-4 || beta > alpha || beta > 0.9999 { return false }
        if let phi, phi < 0.8 || phi > 0.98 { return false }
        if let gamma, gamma < 1e-4 || gamma > 1 - alpha || gamma > 0.9999 { return false }
        return admissible(period: m)
    }

    /// The admissible region of Hyndman et al. (2008, chapter 10), as R's `forecast` checks it.
    func admissible(period m: Int) -> Bool {
        let phi = phi ?? 1
        guard phi >= 0, phi <= 1 + 1e-8 else { return false }
        guard let gamma else {
            if alpha < 1 - 1 / phi || alpha > 1 + 1 / phi { return false }
            if let beta, beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha) { return false }
            return true
        }
        guard m > 1 else { return true }
        let beta = beta ?? 0
        if gamma < max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha { return false }
        if alpha < 1 - 1 / phi - gamma * (1 - Double(m) + phi + phi * Double(m)) / (2 * phi * Double(m)) { return false }
        if beta < -(1 - phi) * (gamma / Double(m) + alpha) { return false }
        // The characteristic polynomial's roots lie within the unit circle (R: max(abs(polyroot(P))) <= 1 + 1e-10),
        // its coefficients from the constant up.
        let d = m + 1
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: d + 1) { p in
            p[0] = phi * (1 - alpha - gamma)
            p[1] = alpha + beta - alpha * phi + gamma - 1
            for j in 2..<m { p[j] = alpha + beta - alpha * phi }
            p[m] = alpha + beta - phi
            p[d] = 1
            return SchurCohn.rootsWithin(p, radius: 1 + 1e-10)
        }
    }
}
