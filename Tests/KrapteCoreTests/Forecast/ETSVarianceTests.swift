import Foundation
import Testing

@testable import KrapteCore

/// The forecast means and variances against simulation: 20,000 paths drawn from each model with normal errors, by
/// a recursion written here apart from the engine's, must have the means and variances the formulas give, step by
/// step. (This is how two faults of R's `forecast` 8.20 showed: for ETS(A,N,A) and ETS(M,N,A) its variance rises a
/// step before the simulated one, and for ETS(M,Ad,M) its means and variances are those of an undamped trend.)
@Suite struct ETSVarianceTests {
    /// A positive quarterly series with a trend, a season and noise.
    static let series: [Double] = {
        var random = SplitMix64(seed: 7)
        return (0..<48).map { t in
            let season = [8.0, -5, 3, -6][t % 4]
            return 200 + 0.8 * Double(t) + season + 4 * normal(&random)
        }
    }()

    static func normal(_ random: inout SplitMix64) -> Double {
        let u = max(random.nextUnit(), 1e-300)
        return sqrt(-2 * log(u)) * cos(2 * Double.pi * random.nextUnit())
    }

    /// The mean and variance of 20,000 simulated values per step ahead.
    static func simulated(_ model: ETSModel, horizon: Int) -> (mean: [Double], variance: [Double]) {
        var random = SplitMix64(seed: 11)
        let hasTrend = model.form.trend != .none
        let p = model.parameters
        let phi = p.phi ?? 1
        var sums = [Double](repeating: 0, count: horizon)
        var squares = [Double](repeating: 0, count: horizon)
        let paths = 20_000
        for _ in 0..<paths {
            var level = model.finalState[0]
            var slope = hasTrend ? model.finalState[1] : 0
            var seasons = Array(model.finalState[(hasTrend ? 2 : 1)...])
            for step in 0..<horizon {
                let q = level + phi * slope
                let s = seasons.last ?? 0
                let mean: Double =
                    switch model.form.season {
                    case .none: q
                    case .additive: q + s
                    case .multiplicative: q * s
                    }
                let e = sqrt(model.sigma2) * normal(&random)
                let y = model.form.error == .additive ? mean + e : mean * (1 + e)
                sums[step] += y
                squares[step] += y * y
                let adjusted: Double =
                    switch model.form.season {
                    case .none: y
                    case .additive: y - s
                    case .multiplicative: y / s
                    }
                let newLevel = q + p.alpha * (adjusted - q)
                if hasTrend { slope = phi * slope + (p.beta ?? 0) * (newLevel - level - phi * slope) / p.alpha }
                level = newLevel
                if model.form.season != .none {
                    let target = model.form.season == .additive ? y - q : y / q
                    seasons.removeLast()
                    seasons.insert(s + (p.gamma ?? 0) * (target - s), at: 0)
                }
            }
        }
        let mean = sums.map { $0 / Double(paths) }
        return (mean, (0..<horizon).map { squares[$0] / Double(paths) - mean[$0] * mean[$0] })
    }

    @Test(arguments: ["ANA", "AAA", "AAdA", "MNA", "MAA", "MNM", "MAM", "MAdM", "MAN"])
    func theVarianceIsTheSimulatedOne(code: String) throws {
        let form = try #require(ETSForm(code: code))
        let fitted = try #require(ETSModel.fit(Self.series, period: 4, form: form))
        // Large smoothing parameters make the seasonal step of the variance plain to see.
        let parameters = ETSParameters(
            alpha: 0.3,
            beta: form.trend == .none ? nil : 0.1,
            gamma: form.season == .none ? nil : 0.5,
            phi: form.damped ? 0.9 : nil
        )
        let model = try #require(
            ETSModel(form: form, period: 4, parameters: parameters, initialState: fitted.initialState, data: Self.series)
        )
        let formula = model.forecast(horizon: 8)
        let simulated = Self.simulated(model, horizon: 8)
        for step in 0..<8 {
            let (a, b) = (formula.variance[step], simulated.variance[step])
            #expect(abs(a - b) <= 0.05 * b, "\(code) h=\(step + 1): variance \(a), simulated \(b)")
            // Four standard errors of the simulated mean.
            let (m, n) = (formula.mean[step], simulated.mean[step])
            #expect(abs(m - n) <= 4 * sqrt(b / 20_000), "\(code) h=\(step + 1): mean \(m), simulated \(n)")
        }
    }
}
