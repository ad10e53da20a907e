extension ETSModel {
    /// Chooses and fits a model as R's `forecast::ets(y)` does: every form of `ETSForm.candidates` fitted by
    /// maximum likelihood (Nelder-Mead over the smoothing parameters and the initial states together, from R's
    /// starting values, within R's bounds), the one with the lowest AICc kept.
    ///
    /// Seasonal forms need a period of 2 to 24 and more observations than the period; multiplicative ones need
    /// positive data. A constant series gets simple smoothing with α = 0.99999, as in R.
    public static func select(_ y: [Double], period: Int) throws(ForecastError) -> ETSModel {
        guard y.allSatisfy(\.isFinite) else { throw .notFinite }
        guard y.count >= minimumObservations else { throw .tooShort(count: y.count, needed: minimumObservations) }
        if let first = y.first, isConstant(y), let form = ETSForm(code: "ANN"),
            let model = ETSModel(form: form, period: 1, parameters: .init(alpha: 0.99999), initialState: [first], data: y)
        {
            return model
        }
        let seasonal = (2...24).contains(period) && y.count > period
        let positive = y.allSatisfy { $0 > 0 }
        var best: ETSModel?
        for form in ETSForm.candidates(seasonal: seasonal, positive: positive) {
            guard let model = fit(y, period: period, form: form) else { continue }
            if model.aicc < best?.aicc ?? .infinity { best = model }
        }
        guard let best else { throw .noModel(count: y.count) }
        return best
    }

    /// The fewest observations `select` takes: with fewer, R falls back on Holt-Winters without a likelihood.
    public static let minimumObservations = 7

    /// Fits one form by maximum likelihood, as R's `ets(y, model = form)`; nil when the form has as many
    /// parameters as the data have observations less one, or its likelihood cannot be evaluated at the start.
    public static func fit(_ y: [Double], period: Int, form: ETSForm) -> ETSModel? {
        let m = form.season == .none ? 1 : period
        let hasTrend = form.trend != .none
        let hasSeason = form.season != .none
        // R's starting values: α a fifth of its range over m, β a tenth of its range up to α, γ a twentieth of its
        // range up to 1 − α, φ close to its upper bound.
        let alpha = 1e-4 + 0.2 * (0.9999 - 1e-4) / Double(m)
        var start = [alpha]
        if hasTrend { start.append(1e-4 + 0.1 * (min(0.9999, alpha) - 1e-4)) }
        if hasSeason { start.append(1e-4 + 0.05 * (min(0.9999, 1 - alpha) - 1e-4)) }
        if form.damped { start.append(0.8 + 0.99 * (0.98 - 0.8)) }
        let smoothing = start.count
        guard let states = ETSInitialState.states(y, trend: form.trend, season: form.season, period: m) else { return nil }
        start += states
        guard start.count < y.count - 1 else { return nil }

        func parameters(_ p: [Double]) -> ETSParameters {
            var k = 1
            func next() -> Double {
                k += 1
                return p[k - 1]
            }
            return ETSParameters(
                alpha: p[0],
                beta: hasTrend ? next() : nil,
                gamma: hasSeason ? next() : nil,
                phi: form.damped ? next() : nil
            )
        }
        // The seasonal states of a point, the last one following from the others (R's "extra state").
        let firstSeason = smoothing + (hasTrend ? 2 : 1)
        let multiplicative = form.season == .multiplicative
        func seasons(_ p: [Double], into out: UnsafeMutableBufferPointer<Double>) -> Bool {
            var sum = 0.0
            for j in 0..<(m - 1) {
                out[j] = p[firstSeason + j]
                sum += out[j]
            }
            out[m - 1] = (multiplicative ? Double(m) : 0) - sum
            return !multiplicative || !out.contains { $0 < 0 }
        }
        var scratch = [Double](repeating: 0, count: m)
        let best = y.withUnsafeBufferPointer { values in
            scratch.withUnsafeMutableBufferPointer { ring in
                NelderMead().minimize(
                    { p in
                        let given = parameters(p)
                        guard given.withinBounds(period: m), !hasSeason || seasons(p, into: ring) else { return .infinity }
                        let value = filter(form: form, period: m, parameters: given)
                            .criterion(values, level: p[smoothing], slope: hasTrend ? p[smoothing + 1] : 0, seasons: ring)
                        return value.isNaN ? .infinity : max(value, -1e10)
                    },
                    from: start
                )
            }
        }
        guard let best else { return nil }
        var state = Array(best.point[smoothing...])
        if hasSeason {
            let ring = UnsafeMutableBufferPointer<Double>.allocate(capacity: m)
            defer { ring.deallocate() }
            _ = seasons(best.point, into: ring)
            state.append(ring[m - 1])
        }
        return ETSModel(form: form, period: m, parameters: parameters(best.point), initialState: state, data: y)
    }

    /// Whether the series is constant as R's `is.constant` sees it: its mean absolute difference from the first
    /// value within 1.5e-8 of its mean absolute value.
    static func isConstant(_ y: [Double]) -> Bool {
        guard let first = y.first else { return true }
        let scale = y.reduce(0) { $0 + abs($1) } / Double(y.count)
        let difference = y.reduce(0) { $0 + abs($1 - first) } / Double(y.count)
        return (scale.isFinite && scale > 1.5e-8 ? difference / scale : difference) < 1.5e-8
    }
}
