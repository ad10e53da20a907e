import Foundation

extension ETSModel {
    /// The point forecasts and their variances `horizon` periods ahead, by the analytical formulas of Hyndman et al.
    /// (2008, chapter 6) as R's `forecast.ets` computes them: class 1 (additive error), class 2 (multiplicative
    /// error, no multiplicative season) and class 3 (multiplicative error and season). No steps for a horizon below 1.
    public func forecast(horizon: Int) -> ForecastPath {
        let h = max(horizon, 1)
        let (mean, variance): ([Double], [Double])
        switch (form.error, form.season) {
        case (.multiplicative, .multiplicative): (mean, variance) = classThree(h)
        case (.multiplicative, _): (mean, variance) = classTwo(h)
        default:
            let one = classOne(h)
            (mean, variance) = (one.mean, one.variance)
        }
        return ForecastPath(mean: Array(mean.prefix(max(horizon, 0))), variance: Array(variance.prefix(max(horizon, 0))))
    }

    /// The linear state-space form `y = H x + e`, `x' = F x + G e` of an additive model, as R's `class1` builds it
    /// but for one thing: γ goes to the newest seasonal state, the second without a slope. (R's `class1` gives it to
    /// the third state whether or not there is a slope, so that for ETS(A,N,A) and ETS(M,N,A) the seasonal rise of
    /// the variance comes a step early; simulation agrees with Krapte, see `ETSVarianceTests`.)
    private func linearForm() -> (h: [Double], f: [[Double]], g: [Double]) {
        let p = finalState.count
        let phi = parameters.phi ?? 1
        var h = [Double](repeating: 0, count: p)
        h[0] = 1
        if form.season != .none { h[p - 1] = 1 }
        if form.trend != .none { h[1] = phi }
        var f = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        f[0][0] = 1
        if form.trend != .none {
            f[0][1] = phi
            f[1][1] = phi
        }
        if form.season != .none {
            f[p - period][p - 1] = 1
            for i in 0..<(period - 1) { f[p - period + 1 + i][p - period + i] = 1 }
        }
        var g = [Double](repeating: 0, count: p)
        g[0] = parameters.alpha
        if let beta = parameters.beta { g[1] = beta }
        if let gamma = parameters.gamma { g[form.trend == .none ? 1 : 2] = gamma }
        return (h, f, g)
    }

    /// Class 1: the means `H Fʲ x`, and the variances `σ²(1 + Σ cᵢ²)` with `cᵢ = H Fⁱ G`.
    private func classOne(_ horizon: Int) -> (mean: [Double], variance: [Double], c: [Double]) {
        let (h, f, g) = linearForm()
        let p = finalState.count
        var power = (0..<p).map { i in (0..<p).map { j in i == j ? 1.0 : 0 } }
        var mean: [Double] = []
        var c: [Double] = []
        for step in 1...horizon {
            let row = (0..<p).map { j in (0..<p).reduce(0) { $0 + h[$1] * power[$1][j] } }
            mean.append(zip(row, finalState).reduce(0) { $0 + $1.0 * $1.1 })
            if step < horizon {
                c.append(zip(row, g).reduce(0) { $0 + $1.0 * $1.1 })
                power = Matrix.product(power, f)
            }
        }
        var variance = [sigma2]
        var sum = 0.0
        for ci in c {
            sum += ci * ci
            variance.append(sigma2 * (1 + sum))
        }
        return (mean, variance, c)
    }

    /// Class 2: the class 1 means, with `θⱼ = μⱼ² + σ² Σ cᵢ² θⱼ₋ᵢ` and variances `(1 + σ²) θⱼ − μⱼ²`.
    private func classTwo(_ horizon: Int) -> (mean: [Double], variance: [Double]) {
        let one = classOne(horizon)
        var theta = [one.mean[0] * one.mean[0]]
        for j in 1..<max(horizon, 1) {
            var sum = 0.0
            for i in 0..<j { sum += one.c[i] * one.c[i] * theta[j - 1 - i] }
            theta.append(one.mean[j] * one.mean[j] + sigma2 * sum)
        }
        let variance = zip(theta, one.mean).map { (1 + sigma2) * $0 - $1 * $1 }
        return (one.mean, variance)
    }

    /// Class 3: the level-and-slope and the seasonal parts as two linear systems whose product is the forecast,
    /// with the moments of their Kronecker products, as R's `class3` but with the damping.
    private func classThree(_ horizon: Int) -> (mean: [Double], variance: [Double]) {
        let m = period
        let p = finalState.count
        let k = p - m
        let alpha = parameters.alpha
        let beta = parameters.beta ?? 0
        let phi = parameters.phi ?? 1
        // The level and slope enter as l + φb: R's `class3` leaves φ out of H1, F1 and G1, so that its means and
        // variances of ETS(M,Ad,M) are those of an undamped trend (simulation agrees with Krapte).
        let h1: [[Double]] = k == 1 ? [[1]] : [[1, phi]]
        var h2 = [[Double]](repeating: [Double](repeating: 0, count: m), count: 1)
        h2[0][m - 1] = 1
        let f1: [[Double]] = k == 1 ? [[1]] : [[1, phi], [0, phi]]
        let g1: [[Double]] = k == 1 ? [[alpha]] : [[alpha, alpha * phi], [beta, beta * phi]]
        var f2 = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
        f2[0][m - 1] = 1
        for i in 1..<m { f2[i][i - 1] = 1 }
        var g2 = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
        g2[0][m - 1] = parameters.gamma ?? 0
        var mh = (0..<k).map { i in (0..<m).map { j in finalState[i] * finalState[k + j] } }
        var vh = [[Double]](repeating: [Double](repeating: 0, count: k * m), count: k * m)
        let h21 = Matrix.kronecker(h2, h1)
        let f21 = Matrix.kronecker(f2, f1)
        let g21 = Matrix.kronecker(g2, g1)
        let kk = Matrix.sum(Matrix.kronecker(g2, f1), Matrix.kronecker(f2, g1))
        let (tf21, tg21, tkk, th21) = (Matrix.transpose(f21), Matrix.transpose(g21), Matrix.transpose(kk), Matrix.transpose(h21))
        let th2 = Matrix.transpose(h2)
        let (tf2, tg2) = (Matrix.transpose(f2), Matrix.transpose(g2))
        var mean: [Double] = []
        var variance: [Double] = []
        for _ in 0..<horizon {
            let mu = Matrix.product(Matrix.product(h1, mh), th2)[0][0]
            mean.append(mu)
            let hvh = Matrix.product(Matrix.product(h21, vh), th21)[0][0]
            variance.append((1 + sigma2) * hvh + sigma2 * mu * mu)
            // vec(Mh) stacks the columns.
            let vec = (0..<m).flatMap { j in (0..<k).map { i in mh[i][j] } }
            let outer = vec.map { a in vec.map { a * $0 } }
            let first = Matrix.product(Matrix.product(f21, vh), tf21)
            let cross = Matrix.sum(
                Matrix.product(Matrix.product(f21, vh), tg21),
                Matrix.product(Matrix.product(g21, vh), tf21)
            )
            let kTerm = Matrix.product(Matrix.product(kk, Matrix.sum(vh, outer)), tkk)
            let inner = Matrix.sum(Matrix.scaled(vh, 3), Matrix.scaled(outer, 2))
            let gTerm = Matrix.scaled(Matrix.product(Matrix.product(g21, inner), tg21), sigma2)
            vh = Matrix.sum(first, Matrix.scaled(Matrix.sum(Matrix.sum(cross, kTerm), gTerm), sigma2))
            mh = Matrix.sum(
                Matrix.product(Matrix.product(f1, mh), tf2),
                Matrix.scaled(Matrix.product(Matrix.product(g1, mh), tg2), sigma2)
            )
        }
        return (mean, variance)
    }
}
