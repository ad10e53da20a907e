import Testing

@testable import KrapteCore

/// The parts of the ETS engine on their own: forms, refusals, the normal quantile, the roots, the simplex.
@Suite struct ETSModelTests {
    @Test func formsReadAndWriteRsCodes() throws {
        #expect(ETSForm(code: "AAdN")?.description == "ETS(A,Ad,N)")
        #expect(ETSForm(code: "MNM")?.code == "MNM")
        #expect(ETSForm(code: "ANM") == nil, "additive error with a multiplicative season is not fitted")
        #expect(ETSForm(code: "AMN") == nil, "no multiplicative trends")
        #expect(ETSForm(code: "ANdN") == nil)
        #expect(ETSForm(code: "NNN") == nil)
        #expect(ETSForm(code: "AAN ") == nil)
        #expect(ETSForm.candidates(seasonal: true, positive: true).count == 15)
        #expect(ETSForm.candidates(seasonal: false, positive: false).map(\.code) == ["ANN", "AAdN", "AAN"])
    }

    @Test func shortAndBrokenSeriesAreRefused() {
        #expect(throws: ForecastError.tooShort(count: 6, needed: 7)) { try ETSModel.select([1, 2, 3, 4, 5, 6], period: 1) }
        #expect(throws: ForecastError.notFinite) { try ETSModel.select([1, 2, .nan, 4, 5, 6, 7, 8], period: 1) }
        #expect(throws: ForecastError.notFinite) { try ETSModel.select([1, 2, .infinity, 4, 5, 6, 7, 8], period: 1) }
        #expect(ForecastError.tooShort(count: 6, needed: 7).description.contains("minstens 7"))
    }

    @Test func aConstantSeriesForecastsItselfWithoutSpread() throws {
        let model = try ETSModel.select(Array(repeating: 42, count: 12), period: 4)
        let path = model.forecast(horizon: 4)
        #expect(path.mean == [42, 42, 42, 42])
        #expect(path.interval(95).lower == [42, 42, 42, 42])
    }

    @Test func aSeriesWithZerosGetsNoMultiplicativeModel() throws {
        let y: [Double] = [0, 3, 5, 2, 0, 4, 6, 3, 1, 5, 7, 3, 1, 6, 8, 4]
        let model = try ETSModel.select(y, period: 4)
        #expect(model.form.error == .additive)
    }

    /// A multiplicative model whose forecasts reach zero or go negative gives a criterion, not a crash.
    @Test func aForecastOfZeroInAMultiplicativeModelIsNoCrash() throws {
        let y: [Double] = [3, 4, 5, 4, 3, 4, 5, 4, 3, 4]
        let form = try #require(ETSForm(code: "MNN"))
        for level in [0.0, -2, Double.leastNormalMagnitude / 4, .greatestFiniteMagnitude] {
            let run = ETSModel.filter(form: form, period: 1, parameters: .init(alpha: 0.5)).run(y, from: [level])
            #expect(run.errors.count == 10)
            _ = run.criterion
        }
        #expect(ETSModel.fit(y, period: 1, form: form) != nil)
    }

    /// Seeded random series of every kind (short, constant, with zeros, negative, huge, tiny; periods 1 to 13) get
    /// a forecast with ordered bounds or a refusal, never a crash.
    @Test func randomSeriesGetAForecastOrARefusal() {
        var random = SplitMix64(seed: 18)
        for _ in 0..<150 {
            let count = Int(random.next() % 30)
            let period = [1, 2, 4, 12, 13][Int(random.next() % 5)]
            let scale = [1e-300, 1e-3, 1, 1e6, 1e300][Int(random.next() % 5)]
            let kind = random.next() % 4
            let y: [Double] = (0..<count).map { t in
                switch kind {
                case 0: 5 * scale
                case 1: Double(random.next() % 3) * scale
                case 2: (random.nextUnit() - 0.5) * scale
                default: (10 + Double(t % max(period, 1)) + random.nextUnit()) * scale
                }
            }
            for method in SeriesForecast.Method.allCases {
                let series = TimeSeries(y.enumerated().map { (Period.year(1900 + $0.offset)!, Optional($0.element)) })
                guard let forecast = try? SeriesForecast.make(series, method: method, horizon: 6) else { continue }
                for step in forecast.steps where step.mean.isFinite && step.upper95.isFinite {
                    #expect(step.lower95 <= step.lower80 && step.lower80 <= step.upper80 && step.upper80 <= step.upper95, "\(method) \(y)")
                }
            }
            if let model = try? ETSModel.select(y, period: period) {
                #expect(model.forecast(horizon: 3).mean.count == 3)
            }
        }
    }

    /// R's `qnorm` to the last digits.
    @Test func theNormalQuantileIsRs() {
        #expect(NormalQuantile.of(0.9) == 1.2815515655446008)
        #expect(NormalQuantile.of(0.975) == 1.9599639845400536)
        #expect(abs(NormalQuantile.of(1e-12) - -7.0344838253011321) < 1e-12)
        #expect(NormalQuantile.of(0.5) == 0)
        #expect(NormalQuantile.of(0) == -.infinity)
        #expect(NormalQuantile.of(1.5).isNaN)
    }

    /// Whether all roots lie within a circle, against polynomials whose roots are known.
    @Test func theSchurCohnTestFindsRootsOutsideTheCircle() {
        func within(_ coefficients: [Double], _ radius: Double = 1) -> Bool {
            var p = coefficients
            return p.withUnsafeMutableBufferPointer { SchurCohn.rootsWithin($0, radius: radius) }
        }
        // (z − 2)(z + 0.5)(z² + 1) = z⁴ − 1.5z³ + 0z² − 1.5z − 1: a root at 2, two on the circle.
        #expect(!within([-1, -1.5, 0, -1.5, 1]))
        #expect(!within([-1, -1.5, 0, -1.5, 1], 1.5))
        #expect(within([-1, -1.5, 0, -1.5, 1], 2.5))
        // (z − 0.5)(z + 0.9)(z² + 0.64) = z⁴ + 0.4z³ + 0.19z² + 0.256z − 0.288: all within 0.9.
        #expect(within([-0.288, 0.256, 0.19, 0.4, 1]))
        #expect(within([-0.288, 0.256, 0.19, 0.4, 1], 0.9 + 1e-9))
        #expect(!within([-0.288, 0.256, 0.19, 0.4, 1], 0.85))
        #expect(within([0.25, 0, 1]) && !within([0.25, 0, 1], 0.49) && within([0.25, 0, 1], 0.51))
        #expect(!within([1, 0]), "a zero leading coefficient")
    }

    /// The simplex finds the minimum of Rosenbrock's valley from R's usual start where R's `optim` finds it
    /// (8.8252410967227472e-08 at (1.0002601387256695, 1.0005059993037650)).
    @Test func theSimplexMinimisesAsROptimDoes() throws {
        let rosenbrock = { (x: [Double]) in 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0]) }
        let best = try #require(NelderMead(maxEvaluations: 500).minimize(rosenbrock, from: [-1.2, 1]))
        #expect(abs(best.value - 8.8252410967227472e-08) < 1e-12 * 8.8e-08)
        #expect(abs(best.point[0] - 1.0002601387256695) < 1e-12)
        #expect(abs(best.point[1] - 1.0005059993037650) < 1e-12)
        #expect(NelderMead().minimize({ _ in .nan }, from: [1]) == nil)
    }
}
