/// A stratified sample of clusters (primary sampling units) with a weight per unit: the design that R's
/// `svydesign(ids = ~cluster, strata = ~stratum, weights = ~w, fpc = ~N)` describes. Without clusters every unit is
/// its own; without population sizes there is no finite-population correction. See Guides/SurveyEstimation.md.
public struct SampleDesign: SurveyDesign {
    /// The stratum of each unit, `0..<stratumCount`.
    public let strata: [Int]
    /// The cluster of each unit, `0..<clusterCount`; a cluster lies in one stratum.
    public let clusters: [Int]
    /// The weight of each unit.
    public let weights: [Double]
    /// The number of clusters in the population per stratum (N_h), or nil where no correction applies.
    public let populationClusters: [Double?]
    /// The stratum of each cluster.
    let clusterStratum: [Int]
    /// The number of sampled clusters per stratum (n_h).
    let sampledClusters: [Int]
    /// Whether every unit is its own cluster.
    let unclustered: Bool

    /// Makes a design.
    /// - Parameters:
    ///   - strata: the stratum of each unit, numbered from 0.
    ///   - clusters: the cluster of each unit, numbered from 0; nil makes every unit its own cluster.
    ///   - weights: the weight of each unit.
    ///   - populationClusters: N_h per stratum; nil, or nil for a stratum, for no finite-population correction.
    /// - Throws: `SurveyError` when the lists differ in length, a cluster spans strata, or a stratum has a single
    ///   cluster (its variance cannot be estimated; R's `svydesign` refuses it too).
    public init(strata: [Int], clusters: [Int]? = nil, weights: [Double], populationClusters: [Double?]? = nil) throws {
        let n = strata.count
        guard weights.count == n, clusters.map({ $0.count == n }) ?? true else {
            throw SurveyError(
                message: Message("SampleDesign.strataClustersWeightsDiffer"),
                fix: Message("SampleDesign.strataClustersWeightsDiffer.fix")
            )
        }
        let unclustered = clusters == nil
        let clusters = clusters ?? Array(0..<n)
        let stratumCount = (strata.max() ?? -1) + 1
        let clusterCount = (clusters.max() ?? -1) + 1
        var clusterStratum = [Int](repeating: -1, count: clusterCount)
        for i in 0..<n {
            let c = clusters[i]
            if clusterStratum[c] == -1 {
                clusterStratum[c] = strata[i]
            } else if clusterStratum[c] != strata[i] {
                throw SurveyError(
                    message: Message("SampleDesign.clusterLiesStrata", c, clusterStratum[c], strata[i]),
                    fix: Message("SampleDesign.clusterLiesStrata.fix")
                )
            }
        }
        var sampled = [Int](repeating: 0, count: stratumCount)
        for h in clusterStratum where h >= 0 { sampled[h] += 1 }
        if let single = sampled.firstIndex(of: 1) {
            throw SurveyError(
                message: Message("SampleDesign.stratumSingleSoVariance", single, unclustered ? "respondent" : "cluster"),
                fix: Message("SampleDesign.stratumSingleSoVariance.fix")
            )
        }
        let population = populationClusters ?? Array(repeating: nil, count: stratumCount)
        guard population.count >= stratumCount else {
            throw SurveyError(
                message: Message("SampleDesign.populationSizesStrata", population.count, stratumCount),
                fix: Message("SampleDesign.populationSizesStrata.fix")
            )
        }
        for h in 0..<stratumCount {
            if let N = population[h], N < Double(sampled[h]) {
                throw SurveyError(
                    message: Message("SampleDesign.stratumSampledUnitsBut", h, sampled[h], N),
                    fix: Message("SampleDesign.stratumSampledUnitsBut.fix")
                )
            }
        }
        self.strata = strata
        self.clusters = clusters
        self.weights = weights
        self.populationClusters = population
        self.clusterStratum = clusterStratum
        self.sampledClusters = sampled
        self.unclustered = unclustered
    }

    /// The variance of an estimated total Σ sᵢ whose scores (weighted linearised values) are `score(k)` for the
    /// units `units[k]` and 0 for every other unit:
    /// Σ_h (1 − f_h) n_h / (n_h − 1) Σ_j (t_hj − t̄_h)², with t_hj the cluster totals of stratum h, n_h its sampled
    /// clusters and f_h = n_h / N_h (0 without a population size), as R's `svyrecvar` computes it. Per stratum
    /// Σ_j (t_hj − t̄_h)² = Σ t_hj² − (Σ t_hj)² / n_h, to which clusters without a score add nothing.
    ///
    /// - Complexity: O(units given + strata).
    public func variance(units: [Int], score: (Int) -> Double) -> (fpc: Double, noFPC: Double) {
        let H = sampledClusters.count
        var s1 = [Double](repeating: 0, count: H)
        var s2 = [Double](repeating: 0, count: H)
        if unclustered {
            for (k, i) in units.enumerated() {
                let t = score(k)
                s1[strata[i]] += t
                s2[strata[i]] += t * t
            }
        } else {
            var totals: [Int: Double] = [:]
            for (k, i) in units.enumerated() { totals[clusters[i], default: 0] += score(k) }
            for (j, t) in totals {
                s1[clusterStratum[j]] += t
                s2[clusterStratum[j]] += t * t
            }
        }
        return stratumVariance { (s1[$0], s2[$0]) }
    }
}
