import Foundation
import KrapteTesting
import Testing

@testable import KrapteCore

/// The ETS engine against R's `forecast` package (8.20), live on real CBS series: `ets_reference.R` writes the
/// series, R's chosen model with its forecasts, and per model form R's fitted parameters, initial states and
/// forecasts. Runs when `Rscript` with the forecast package is installed, and must run when `KRAPTE_REQUIRE_R=1`
/// (CI sets it).
@Suite struct ETSAgreementTests {
    static let ready: Bool =
        ProcessInfo.processInfo.environment["KRAPTE_REQUIRE_R"] == "1"
        || (try? Command.run(["Rscript", "-e", "library(forecast)"]).status) == 0

    /// What R wrote, read once.
    static let reference: Reference? = {
        guard let folder = try? TestData.temporaryFolder() else { return nil }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ets_reference.R")
        let file = folder.appendingPathComponent("ets.txt")
        guard let (status, _) = try? Command.run(["Rscript", script.path, TestData.real.path, file.path]), status == 0,
            let text = try? String(contentsOf: file, encoding: .utf8)
        else { return nil }
        return Reference(text)
    }()

    /// R's series and fits.
    struct Reference {
        /// A series by its id: its frequency and values.
        var series: [String: (period: Int, values: [Double])] = [:]
        /// R's chosen fit per series.
        var chosen: [String: Fit] = [:]
        /// R's fit of each form per series.
        var forms: [(id: String, fit: Fit)] = []
        /// R's naive, seasonal naive and drift forecasts per series.
        var benchmarks: [(id: String, method: String, forecasts: [[Double]])] = []

        init(_ text: String) {
            for line in text.split(separator: "\n") {
                let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                let numbers = { (i: Int) in f[i].split(separator: " ").map { Double($0) ?? .nan } }
                switch f[0] {
                case "S": series[f[1]] = (Int(f[2]) ?? 1, numbers(3))
                case "A", "F":
                    let fit = Fit(
                        code: f[2],
                        aicc: numbers(3)[0],
                        sigma2: numbers(4)[0],
                        parameters: numbers(5),
                        initialState: numbers(6),
                        forecasts: (7...11).map(numbers)
                    )
                    if f[0] == "A" { chosen[f[1]] = fit } else { forms.append((f[1], fit)) }
                case "N": benchmarks.append((f[1], f[2], (3...7).map(numbers)))
                default: continue
                }
            }
        }
    }

    /// One of R's fits: the form, AICc, σ², α β γ φ (NaN when absent), the initial states, and the forecasts 8 steps
    /// ahead: mean, 80% lower and upper, 95% lower and upper.
    struct Fit {
        var code: String
        var aicc: Double
        var sigma2: Double
        var parameters: [Double]
        var initialState: [Double]
        var forecasts: [[Double]]

        var etsParameters: ETSParameters {
            let given = parameters.map { $0.isNaN ? nil : $0 }
            return ETSParameters(alpha: given[0] ?? .nan, beta: given[1], gamma: given[2], phi: given[3])
        }
    }

    /// Whether `a` agrees with R's `b` to `tolerance` relative (absolute near zero, on the scale of the series).
    static func agrees(_ a: Double, _ b: Double, _ tolerance: Double, scale: Double) -> Bool {
        abs(a - b) <= tolerance * max(abs(b), 1e-3 * scale)
    }

    /// Given R's parameters and initial states, every model form forecasts what R forecasts, means and the bounds
    /// of the 80% and 95% intervals, to 1e-9 relative; and its σ² is R's.
    @Test(.enabled(if: ready)) func givenParametersForecastAsR() throws {
        let reference = try #require(Self.reference, "Rscript with the forecast package did not run")
        #expect(reference.forms.count > 100)
        var forms: Set<String> = []
        for (id, fit) in reference.forms + reference.chosen.map({ ($0.key, $0.value) }) {
            let series = try #require(reference.series[id])
            let form = try #require(ETSForm(code: fit.code), "\(fit.code)")
            let model = try #require(
                ETSModel(form: form, period: series.period, parameters: fit.etsParameters, initialState: fit.initialState, data: series.values),
                "\(id) \(fit.code)"
            )
            forms.insert(fit.code)
            let scale = series.values.map(abs).reduce(0, +) / Double(series.values.count)
            #expect(Self.agrees(model.sigma2, fit.sigma2, 1e-9, scale: 0), "\(id) \(fit.code) σ² \(model.sigma2) R \(fit.sigma2)")
            let path = model.forecast(horizon: 8)
            let (l80, u80) = path.interval(80)
            let (l95, u95) = path.interval(95)
            for (name, ours, theirs) in [
                ("mean", path.mean, fit.forecasts[0]), ("l80", l80, fit.forecasts[1]), ("u80", u80, fit.forecasts[2]), ("l95", l95, fit.forecasts[3]),
                ("u95", u95, fit.forecasts[4]),
            ] {
                #expect(ours.count == theirs.count)
                for (step, (a, b)) in zip(ours, theirs).enumerated() {
                    #expect(Self.agrees(a, b, 1e-9, scale: scale), "\(id) \(fit.code) \(name) h=\(step + 1): \(a) R \(b)")
                }
            }
        }
        #expect(forms.count == 15, "\(forms.sorted())")
    }

    /// The naive, seasonal naive and drift forecasts are R's, with their intervals, to 1e-9 relative.
    @Test(.enabled(if: ready)) func benchmarkMethodsForecastAsR() throws {
        let reference = try #require(Self.reference, "Rscript with the forecast package did not run")
        #expect(reference.benchmarks.count == reference.series.count * 3)
        for (id, name, theirs) in reference.benchmarks {
            let series = try #require(reference.series[id])
            let method = try #require(BenchmarkForecast.Method(rawValue: name))
            let path = try BenchmarkForecast.forecast(series.values, period: series.period, method: method, horizon: 8)
            let ours = [path.mean, path.interval(80).lower, path.interval(80).upper, path.interval(95).lower, path.interval(95).upper]
            for (a, b) in zip(ours.joined(), theirs.joined()) {
                #expect(Self.agrees(a, b, 1e-9, scale: 1), "\(id) \(name): \(a) R \(b)")
            }
        }
    }

    /// Fitting each form from scratch lands where R lands: the AICc of every form within 0.1% of R's (or better).
    @Test(.enabled(if: ready)) func eachFormFitsAsR() throws {
        let reference = try #require(Self.reference, "Rscript with the forecast package did not run")
        var same = 0
        for (id, fit) in reference.forms {
            let series = try #require(reference.series[id])
            let form = try #require(ETSForm(code: fit.code))
            let model = try #require(ETSModel.fit(series.values, period: series.period, form: form), "\(id) \(fit.code)")
            if Self.agrees(model.aicc, fit.aicc, 1e-6, scale: 0) { same += 1 }
            #expect(model.aicc - fit.aicc <= 1e-3 * abs(fit.aicc), "\(id) \(fit.code): AICc \(model.aicc), R \(fit.aicc)")
        }
        #expect(same * 10 >= reference.forms.count * 9, "\(same) of \(reference.forms.count) forms fit as R's to 1e-6")
    }

    /// The model chosen by AICc is R's for most series, and where it differs its AICc is not worse than R's by more
    /// than 0.1%.
    @Test(.enabled(if: ready)) func theChosenModelIsRsOrAsGood() throws {
        let reference = try #require(Self.reference, "Rscript with the forecast package did not run")
        var same = 0
        for (id, fit) in reference.chosen.sorted(by: { $0.key < $1.key }) {
            let series = try #require(reference.series[id])
            let model = try ETSModel.select(series.values, period: series.period)
            if model.form.code == fit.code { same += 1 }
            #expect(model.aicc - fit.aicc <= 1e-3 * abs(fit.aicc), "\(id): \(model.form) AICc \(model.aicc), R \(fit.code) \(fit.aicc)")
        }
        #expect(same * 4 >= reference.chosen.count * 3, "\(same) of \(reference.chosen.count) chosen as R chose")
    }
}
