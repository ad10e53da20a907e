/// A design whose weights are calibrated: the calibrated weights, and what the variance needs to take the
/// calibration into account (the regression of the scores on the calibration variables, weighted by the original
/// weights).
public struct CalibratedDesign: SurveyDesign {
    /// The design before calibration.
    public let base: SampleDesign
    /// The calibrated weights, w₀ g.
    public let weights: [Double]
    /// The margins calibrated to.
    let margins: [Calibration.Margin]
    /// The columns of the calibration model: an intercept, then every level but the first of each margin.
    let columns: [(margin: Int, level: Int)]
    /// The Cholesky factor of Σ w₀ m mᵀ (lower triangle, row by row).
    let factor: [Double]

    /// Calibrates `base` to `calibration`.
    /// - Throws: `SurveyError` when a level has no respondents but a population count, when the counts do not fit
    ///   the units, or when raking does not converge in `maxIterations`.
    public init(_ base: SampleDesign, to calibration: Calibration, tolerance: Double = 1e-13, maxIterations: Int = 10_000) throws {
        let margins = calibration.margins
        let n = base.count
        for (k, m) in margins.enumerated() {
            guard m.levels.count == n, m.levels.allSatisfy({ (0..<m.totals.count).contains($0) }) else {
                throw SurveyError(
                    message: Message("CalibratedDesign.calibrationMarginDoesGive", k + 1),
                    fix: Message("CalibratedDesign.calibrationMarginDoesGive.fix")
                )
            }
            var sample = [Double](repeating: 0, count: m.totals.count)
            for i in 0..<n { sample[m.levels[i]] += base.weights[i] }
            if let empty = sample.indices.first(where: { sample[$0] == 0 && m.totals[$0] > 0 }) {
                throw SurveyError(
                    message: Message("CalibratedDesign.calibrationMarginLevelPopulation", k + 1, empty + 1),
                    fix: Message("CalibratedDesign.calibrationMarginLevelPopulation.fix")
                )
            }
        }
        var w = base.weights
        switch calibration {
        case .postStratify(let cells, let totals):
            var sample = [Double](repeating: 0, count: totals.count)
            for i in 0..<n { sample[cells[i]] += w[i] }
            for i in 0..<n { w[i] *= totals[cells[i]] / sample[cells[i]] }
        case .rake:
            var converged = false
            for _ in 0..<maxIterations {
                var worst = 0.0
                for m in margins {
                    var sample = [Double](repeating: 0, count: m.totals.count)
                    for i in 0..<n { sample[m.levels[i]] += w[i] }
                    for (l, total) in m.totals.enumerated() where sample[l] > 0 {
                        worst = max(worst, abs(sample[l] - total) / (1 + abs(total)))
                    }
                    for i in 0..<n where sample[m.levels[i]] > 0 { w[i] *= m.totals[m.levels[i]] / sample[m.levels[i]] }
                }
                if worst < tolerance {
                    converged = true
                    break
                }
            }
            guard converged else {
                throw SurveyError(
                    message: Message("CalibratedDesign.rakingDidConvergeRounds", maxIterations),
                    fix: Message("CalibratedDesign.rakingDidConvergeRounds.fix")
                )
            }
        }
        var columns: [(margin: Int, level: Int)] = [(-1, 0)]
        for (k, m) in margins.enumerated() {
            for l in 1..<max(1, m.totals.count) { columns.append((k, l)) }
        }
        // Σ w₀ m mᵀ, for the residuals of the scores (R: qr.resid of x / (g √w₀) on mm √w₀).
        let p = columns.count
        var gram = [Double](repeating: 0, count: p * p)
        var row = [Double](repeating: 0, count: p)
        for i in 0..<n {
            for (c, col) in columns.enumerated() { row[c] = col.margin < 0 || margins[col.margin].levels[i] == col.level ? 1 : 0 }
            for a in 0..<p where row[a] != 0 {
                for b in 0...a where row[b] != 0 { gram[a * p + b] += base.weights[i] }
            }
        }
        guard let factor = Self.cholesky(gram, p) else {
            throw SurveyError(
                message: Message("CalibratedDesign.calibrationVariablesCollinear"),
                fix: Message("CalibratedDesign.calibrationVariablesCollinear.fix")
            )
        }
        self.base = base
        self.weights = w
        self.margins = margins
        self.columns = columns
        self.factor = factor
    }

    /// The variance of the total of the scores' calibration residuals wᵢ (eᵢ − mᵢᵀβ), eᵢ = xᵢ / wᵢ, β the
    /// least-squares fit of e on the calibration model with the original weights w₀: what R's `svyrecvar` does with
    /// `qr.resid(qr(mm √w₀), x / (g √w₀)) g √w₀`. Every unit gets a residual, so this reads all units.
    public func variance(units: [Int], score: (Int) -> Double) -> (fpc: Double, noFPC: Double) {
        let n = weights.count
        let p = columns.count
        var e = [Double](repeating: 0, count: n)
        for (k, i) in units.enumerated() where weights[i] != 0 { e[i] = score(k) / weights[i] }
        var rhs = [Double](repeating: 0, count: p)
        var row = [Double](repeating: 0, count: p)
        for i in units where e[i] != 0 {
            model(i, into: &row)
            for c in 0..<p where row[c] != 0 { rhs[c] += base.weights[i] * e[i] }
        }
        let beta = Self.solve(factor, p, rhs)
        var residual = [Double](repeating: 0, count: n)
        for i in 0..<n {
            model(i, into: &row)
            var fit = 0.0
            for c in 0..<p where row[c] != 0 { fit += beta[c] }
            residual[i] = weights[i] * (e[i] - fit)
        }
        return base.variance(units: Array(0..<n)) { residual[$0] }
    }

    private func model(_ i: Int, into row: inout [Double]) {
        for (c, col) in columns.enumerated() { row[c] = col.margin < 0 || margins[col.margin].levels[i] == col.level ? 1 : 0 }
    }

    /// The lower Cholesky factor of a symmetric positive-definite matrix given by its lower triangle; nil when it
    /// is not positive definite.
    static func cholesky(_ a: [Double], _ p: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            for j in 0...i {
                var s = a[i * p + j]
                for k in 0..<j { s -= l[i * p + k] * l[j * p + k] }
                if i == j {
                    guard s > 1e-12 * max(1, abs(a[i * p + i])) else { return nil }
                    l[i * p + i] = s.squareRoot()
                } else {
                    l[i * p + j] = s / l[j * p + j]
                }
            }
        }
        return l
    }

    /// Solves L Lᵀ x = b.
    static func solve(_ l: [Double], _ p: Int, _ b: [Double]) -> [Double] {
        var y = b
        for i in 0..<p {
            for k in 0..<i { y[i] -= l[i * p + k] * y[k] }
            y[i] /= l[i * p + i]
        }
        for i in stride(from: p - 1, through: 0, by: -1) {
            for k in (i + 1)..<p { y[i] -= l[k * p + i] * y[k] }
            y[i] /= l[i * p + i]
        }
        return y
    }
}
