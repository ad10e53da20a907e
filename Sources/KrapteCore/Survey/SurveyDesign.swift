/// A design that estimates: weights per unit, and the variance of an estimated total from its units' scores.
/// `SampleDesign` is the stratified cluster sample; `CalibratedDesign` the same with calibrated weights.
public protocol SurveyDesign: Sendable {
    /// The weight of each unit.
    var weights: [Double] { get }

    /// The variance, with and without the finite-population correction, of an estimated total whose scores
    /// (weighted linearised values) are `score(k)` for the units `units[k]` and 0 for every other unit.
    func variance(units: [Int], score: (Int) -> Double) -> (fpc: Double, noFPC: Double)

    /// The share of every answer category in every domain, over the units that answered, as R's
    /// `svyby(~factor(q), ~domain, subset(design, !is.na(q)), svymean)` gives them, with the weighted counts and
    /// the standard error of each category's weighted count (`svytotal`).
    ///
    /// - Parameters:
    ///   - answers: per unit, the category `0..<categories`, or -1 when the question was skipped.
    ///   - domains: per unit, the domain `0..<domainCount`, or -1 when outside every domain.
    /// - Returns: `[domain][category]`.
    func shares(_ answers: [Int], categories: Int, domains: [Int], domainCount: Int) -> [[ShareEstimate]]
}

extension SurveyDesign {
    /// The number of units.
    public var count: Int { weights.count }

    /// The estimated total Σ wᵢ yᵢ over `units` (all when nil), as R's `svytotal` gives it.
    ///
    /// - Complexity: O(units), and O(all units) for a calibrated design.
    public func total(_ values: [Double], units: [Int]? = nil) -> SurveyEstimate {
        let units = units ?? Array(0..<count)
        let weights = weights
        let total = units.reduce(0.0) { $0 + weights[$1] * values[$1] }
        return SurveyEstimate(total, variance: variance(units: units) { weights[units[$0]] * values[units[$0]] })
    }

    /// The estimated mean Σ wᵢ yᵢ / Σ wᵢ over `units` (all when nil), a ratio with its linearised variance (scores
    /// wᵢ (yᵢ − ȳ) / Σ w for those units, 0 for the others, which keep their place in the design), as R's `svymean`
    /// on a subset or `svyby` gives it. Nil when the weights add up to zero.
    public func mean(_ values: [Double], units: [Int]? = nil) -> SurveyEstimate? {
        let units = units ?? Array(0..<count)
        let weights = weights
        let w = units.reduce(0.0) { $0 + weights[$1] }
        guard w > 0 else { return nil }
        let mean = units.reduce(0.0) { $0 + weights[$1] * values[$1] } / w
        return SurveyEstimate(mean, variance: variance(units: units) { weights[units[$0]] * (values[units[$0]] - mean) / w })
    }

    /// The shares, from each category's scores (see `sharesFromScores`).
    public func shares(_ answers: [Int], categories: Int, domains: [Int], domainCount: Int) -> [[ShareEstimate]] {
        sharesFromScores(answers, categories: categories, domains: domains, domainCount: domainCount)
    }

    /// The shares from each category's scores wᵢ (yᵢ − p) / Ŵ for the domain's respondents and 0 for every other unit,
    /// which keeps its place in its stratum and cluster, through `variance(units:score:)`: right for every design.
    ///
    /// - Complexity: O(units + domains × categories × the cost of `variance` for the domain's respondents).
    func sharesFromScores(_ answers: [Int], categories: Int, domains: [Int], domainCount: Int) -> [[ShareEstimate]] {
        let weights = weights
        var members = [[Int]](repeating: [], count: domainCount)
        for i in 0..<weights.count where answers[i] >= 0 && domains[i] >= 0 { members[domains[i]].append(i) }
        return members.map { units in
            let w = units.reduce(0.0) { $0 + weights[$1] }
            return (0..<categories).map { c in
                var (n, wc) = (0, 0.0)
                for i in units where answers[i] == c {
                    n += 1
                    wc += weights[i]
                }
                let total = SurveyEstimate(wc, variance: variance(units: units) { answers[units[$0]] == c ? weights[units[$0]] : 0 })
                let p = wc / w
                let share =
                    w > 0
                    ? SurveyEstimate(p, variance: variance(units: units) { weights[units[$0]] * ((answers[units[$0]] == c ? 1 : 0) - p) / w })
                    : nil
                return ShareEstimate(respondents: units.count, categoryRespondents: n, weightedRespondents: w, weightedCategory: total, share: share)
            }
        }
    }
}
