import Foundation

/// An exponential smoothing model of one series: its form, parameters and states, how well it fits, and what it
/// forecasts (`ETSModel+Forecast`). `select` chooses and fits one as R's `forecast::ets` does by default.
public struct ETSModel: Sendable, Hashable, Codable {
    /// The form: ETS(A,Ad,N).
    public let form: ETSForm
    /// The seasonal period of the data: 1 for years, 4 for quarters, 12 for months.
    public let period: Int
    /// The smoothing parameters.
    public let parameters: ETSParameters
    /// The states before the first observation: `[level, slope?, s1, …, sm]`, the seasonal states newest first.
    public let initialState: [Double]
    /// The states after the last observation, from which the forecasts start.
    public let finalState: [Double]
    /// The one-step errors: `y − ŷ`, or `(y − ŷ)/ŷ` for a multiplicative error.
    public let residuals: [Double]
    /// The variance of the errors: their sum of squares over the observations less the estimated parameters.
    public let sigma2: Double
    /// The log-likelihood as R's `ets` reports it (without its constant).
    public let logLikelihood: Double
    /// Akaike's criterion, with the variance counted as a parameter.
    public let aic: Double
    /// Akaike's criterion corrected for small samples, by which `select` chooses.
    public let aicc: Double
    /// Schwarz's Bayesian criterion.
    public let bic: Double

    /// The number of estimated parameters besides the variance: the smoothing parameters and the initial states
    /// but the last seasonal one.
    public var parameterCount: Int { Self.parameterCount(form: form, period: period) }

    /// The estimated parameters of `form`: α and the level, β and the slope, γ and all seasonal states but one, φ.
    static func parameterCount(form: ETSForm, period m: Int) -> Int {
        2 + (form.trend == .none ? 0 : 2) + (form.season == .none ? 0 : m) + (form.damped ? 1 : 0)
    }

    /// The model of `form` with the given parameters and initial states over `y`, without estimating anything (as
    /// R reuses a fitted model's `par` and `initstate`); nil when the parameters or states do not fit the form.
    public init?(form: ETSForm, period: Int, parameters: ETSParameters, initialState: [Double], data y: [Double]) {
        let m = form.season == .none ? 1 : period
        guard (parameters.beta != nil) == (form.trend != .none), (parameters.gamma != nil) == (form.season != .none),
            (parameters.phi != nil) == form.damped, parameters.alpha > 0,
            initialState.count == 1 + (form.trend == .none ? 0 : 1) + (form.season == .none ? 0 : m),
            y.count > initialState.count
        else { return nil }
        self.form = form
        self.period = m
        self.parameters = parameters
        self.initialState = initialState
        let run = Self.filter(form: form, period: m, parameters: parameters).run(y, from: initialState)
        finalState = run.state
        residuals = run.errors
        let estimated = Double(Self.parameterCount(form: form, period: m))
        sigma2 = residuals.reduce(0) { $0 + $1 * $1 } / (Double(y.count) - estimated)
        let k = estimated + 1
        let n = Double(y.count)
        logLikelihood = -0.5 * run.criterion
        aic = run.criterion + 2 * k
        bic = run.criterion + log(n) * k
        aicc = aic + 2 * k * (k + 1) / (n - k - 1)
    }

    /// The recursion of a form with its parameters, those a form has not set to their neutral values.
    static func filter(form: ETSForm, period: Int, parameters: ETSParameters) -> ETSFilter {
        ETSFilter(
            form: form,
            period: period,
            alpha: parameters.alpha,
            beta: parameters.beta ?? 0,
            gamma: parameters.gamma ?? 0,
            phi: parameters.phi ?? 1
        )
    }
}
