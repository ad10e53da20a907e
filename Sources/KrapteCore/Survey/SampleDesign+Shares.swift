extension SampleDesign {
    /// The shares of every answer category in every domain (see `SurveyDesign.shares`). Without clusters, in one pass
    /// over each domain's respondents: per stratum the sums Σw, Σw² and per category Σwy, Σw²y give every share's
    /// score sums in closed form, Σs = ((1 − p) Σwy − p (Σw − Σwy)) / Ŵ and
    /// Σs² = ((1 − p)² Σw²y + p² (Σw² − Σw²y)) / Ŵ², without cancellation. With clusters, from the scores.
    ///
    /// - Complexity: O(units + domains × categories × strata) without clusters.
    public func shares(_ answers: [Int], categories: Int, domains: [Int], domainCount: Int) -> [[ShareEstimate]] {
        guard unclustered else { return sharesFromScores(answers, categories: categories, domains: domains, domainCount: domainCount) }
        let H = sampledClusters.count
        var out: [[ShareEstimate]] = []
        out.reserveCapacity(domainCount)
        // Per domain, per stratum: Σw, Σw²; per stratum and category: Σwy, Σw²y; per category: n.
        var sw = [Double](repeating: 0, count: domainCount * H)
        var sw2 = [Double](repeating: 0, count: domainCount * H)
        var swy = [Double](repeating: 0, count: domainCount * H * categories)
        var sw2y = [Double](repeating: 0, count: domainCount * H * categories)
        var n = [Int](repeating: 0, count: domainCount * categories)
        for i in 0..<weights.count where answers[i] >= 0 && domains[i] >= 0 {
            let (d, h, c, w) = (domains[i], strata[i], answers[i], weights[i])
            sw[d * H + h] += w
            sw2[d * H + h] += w * w
            swy[(d * H + h) * categories + c] += w
            sw2y[(d * H + h) * categories + c] += w * w
            n[d * categories + c] += 1
        }
        for d in 0..<domainCount {
            let W = (0..<H).reduce(0.0) { $0 + sw[d * H + $1] }
            let respondents = (0..<categories).reduce(0) { $0 + n[d * categories + $1] }
            out.append(
                (0..<categories).map { c in
                    let wc = (0..<H).reduce(0.0) { $0 + swy[(d * H + $1) * categories + c] }
                    let total = SurveyEstimate(
                        wc,
                        variance: stratumVariance { h in (swy[(d * H + h) * categories + c], sw2y[(d * H + h) * categories + c]) }
                    )
                    var share: SurveyEstimate?
                    if W > 0 {
                        let p = wc / W
                        share = SurveyEstimate(
                            p,
                            variance: stratumVariance { h in
                                let (a, a2) = (swy[(d * H + h) * categories + c], sw2y[(d * H + h) * categories + c])
                                let (b, b2) = (sw[d * H + h], sw2[d * H + h])
                                return (((1 - p) * a - p * (b - a)) / W, ((1 - p) * (1 - p) * a2 + p * p * (b2 - a2)) / (W * W))
                            }
                        )
                    }
                    return ShareEstimate(
                        respondents: respondents,
                        categoryRespondents: n[d * categories + c],
                        weightedRespondents: W,
                        weightedCategory: total,
                        share: share
                    )
                }
            )
        }
        return out
    }

    /// The variance from each stratum's score sums (Σs, Σs²): Σ_h (1 − f_h) n_h / (n_h − 1) (Σs² − (Σs)² / n_h).
    func stratumVariance(_ sums: (Int) -> (Double, Double)) -> (fpc: Double, noFPC: Double) {
        var (fpc, noFPC) = (0.0, 0.0)
        for h in 0..<sampledClusters.count where sampledClusters[h] > 1 {
            let (s1, s2) = sums(h)
            guard s2 != 0 else { continue }
            let n = Double(sampledClusters[h])
            let v = max(0, s2 - s1 * s1 / n) * n / (n - 1)
            noFPC += v
            fpc += populationClusters[h].map { (1 - n / $0) * v } ?? v
        }
        return (fpc, noFPC)
    }
}
