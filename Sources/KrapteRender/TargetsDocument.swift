import Foundation
import KrapteCore

/// The targets as JSON, the same from `krapte targets --format json` and `GET /api/v1/targets`: per target its
/// definition and per series the figures, the projection with its status "prognose", its intervals and its path
/// of steps, and the status; the targets without data listed with the status "geen gegevens".
public struct TargetsDocument: Sendable {
    /// The targets assessed.
    public var assessed: [TargetEngine.Outcome]
    /// The targets the data cannot measure.
    public var unmeasured: [TargetsFile.Unmeasured]

    /// Makes the document.
    public init(_ assessed: [TargetEngine.Outcome], unmeasured: [TargetsFile.Unmeasured]) {
        self.assessed = assessed
        self.unmeasured = unmeasured
    }

    /// A number JSON can hold: nil for none, NaN or infinity.
    private static func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }

    /// The document, pretty-printed with sorted keys.
    public var json: String {
        let prognose = ObservationStatus.prognose.dutchLabel
        var targets: [[String: Any]] = []
        for (target, outcome) in assessed {
            var entry: [String: Any] = [
                "id": target.id, "title": target.title, "origin": target.origin, "explanation": target.explanation,
                "target": ["value": target.value, "period": target.period.code], "baseline": target.baseline.code,
                "path": target.path.name(in: .nl),
            ]
            entry["proxy"] = target.proxy
            switch outcome {
            case .failure(let error):
                entry["status"] = TargetStatus.onvoldoendeGegevens.dutchLabel
                entry["error"] = error.description
            case .success(let a):
                entry["source"] = [
                    "dataset": a.input.dataset, "measure": a.input.measure, "vintage": a.input.vintage, "unit": target.unit ?? a.measure.unit,
                    "line": a.source.line(dataset: a.input.dataset, vintage: a.input.vintage, in: .nl),
                ]
                entry["series"] = a.progress.map { p -> [String: Any] in
                    var s: [String: Any] = ["members": p.members.map(\.code), "status": p.status.dutchLabel]
                    s["baseline"] = p.baseline.map { ["period": $0.period.code, "value": $0.value, "status": $0.status.dutchLabel] }
                    s["latest"] = p.latest.map { ["period": $0.period.code, "value": $0.value, "status": $0.status.dutchLabel] }
                    s["progress"] = Self.finite(p.progress)
                    s["pathValue"] = Self.finite(p.pathValue)
                    s["gap"] = Self.finite(p.gap)
                    s["requiredYearlyChange"] = Self.finite(p.requiredYearlyChange)
                    s["recentYearlyChange"] = Self.finite(p.recentYearlyChange)
                    s["projectionRefusal"] = p.projectionRefusal
                    s["yearAgo"] = p.yearAgo.map { c -> [String: Any] in
                        [
                            "origin": c.origin.code, "period": c.period.code, "forecast": c.forecast, "actual": c.actual,
                            "relativeError": c.relativeError, "status": prognose,
                        ]
                    }
                    s["projection"] = p.projection.map { j -> [String: Any] in
                        [
                            "period": j.period.code, "mean": j.mean, "lower80": j.lower80, "upper80": j.upper80, "lower95": j.lower95,
                            "upper95": j.upper95, "model": j.model, "chance": j.chance, "status": prognose,
                            "steps": j.steps.map { step -> [String: Any] in
                                [
                                    "period": step.period.code, "mean": step.mean, "lower80": step.lower80, "upper80": step.upper80,
                                    "lower95": step.lower95, "upper95": step.upper95, "status": prognose,
                                ]
                            },
                        ]
                    }
                    return s
                }
            }
            targets.append(entry)
        }
        let without = unmeasured.map { ["title": $0.title, "origin": $0.origin, "explanation": $0.explanation, "status": "geen gegevens"] }
        let data =
            (try? JSONSerialization.data(withJSONObject: ["targets": targets, "withoutData": without], options: [.prettyPrinted, .sortedKeys]))
            ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
