/// A policy target as the targets file states it: what is measured and by which series, from which baseline, to
/// which value by when, along which path, and why this series measures it (see Guides/Targets.md).
public struct Target: Sendable, Hashable, Decodable {
    /// The target's id: lower case letters, digits and hyphens.
    public var id: String
    /// The target as the policy states it: "Meer dan 1 miljoen digitaal geschoolden in 2030".
    public var title: String
    /// What is measured and why; for a proxy, what it stands in for.
    public var explanation: String
    /// When the series is a stand-in for what the target speaks of, what it leaves out: shown beside the target.
    public var proxy: String?
    /// Where the target comes from ("Actieplan Groene en Digitale Banen, Kamerbrief 2025"), or that it is an
    /// illustration of Krapte's own.
    public var origin: String
    /// The series it is measured by: a dataset or indicator with a selection, as in a definitions file.
    public var indicator: IndicatorDefinition.InputSelection
    /// The period of the baseline; its value is read from the data.
    public var baseline: Period
    /// The target value, in the series' unit, and the period by which it should be reached.
    public var value: Double
    public var period: Period
    /// The path from the baseline to the target.
    public var path: TargetPath
    /// The unit and decimals the figures are written in; the series' own when not given.
    public var unit: String?
    public var decimals: Int?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, explanation, proxy, origin, indicator, baseline, target, path, milestones, unit, decimals
    }

    /// The target's value and deadline.
    struct Goal: Decodable {
        var value: Double
        var period: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case value, period
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            value = try c.decode(Double.self, forKey: .value)
            period = try c.decode(String.self, forKey: .period)
        }
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        explanation = try c.decode(String.self, forKey: .explanation)
        proxy = try c.decodeIfPresent(String.self, forKey: .proxy)
        origin = try c.decode(String.self, forKey: .origin)
        indicator = try c.decode(IndicatorDefinition.InputSelection.self, forKey: .indicator)
        let baselineText = try c.decode(String.self, forKey: .baseline)
        guard let baseline = IndicatorOperation.period(baselineText) else {
            throw DecodingProblem(decoder.codingPath + [CodingKeys.baseline], Message("Target.period", baselineText.excerpt))
        }
        self.baseline = baseline
        let goal = try c.decode(Goal.self, forKey: .target)
        guard let period = IndicatorOperation.period(goal.period) else {
            throw DecodingProblem(decoder.codingPath + [CodingKeys.target], Message("Target.period", goal.period.excerpt))
        }
        guard goal.value.isFinite else {
            throw DecodingProblem(decoder.codingPath + [CodingKeys.target], Message("Target.value"))
        }
        value = goal.value
        self.period = period
        guard baseline < period else {
            throw DecodingProblem(decoder.codingPath + [CodingKeys.target], Message("Target.order", baseline.code, period.code))
        }
        let pathName = try c.decodeIfPresent(String.self, forKey: .path) ?? "linear"
        switch pathName {
        case "linear": path = .linear
        case "compound":
            path = .compound
        case "milestones":
            let given = try c.decode([Goal].self, forKey: .milestones)
            var milestones: [(period: Period, value: Double)] = []
            for (k, m) in given.enumerated() {
                guard let p = IndicatorOperation.period(m.period), p > baseline, p < period, milestones.last.map({ $0.period < p }) ?? true else {
                    throw DecodingProblem(
                        decoder.codingPath + [CodingKeys.milestones, AnyCodingKey(index: k)],
                        Message("Target.milestone", m.period.excerpt)
                    )
                }
                milestones.append((p, m.value))
            }
            path = .milestones(milestones.map { TargetPath.Milestone(period: $0.period, value: $0.value) })
        default:
            throw DecodingProblem(decoder.codingPath + [CodingKeys.path], Message("Target.path", pathName.excerpt))
        }
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        decimals = try c.decodeWholeNumberIfPresent(forKey: .decimals, in: 0...10)
    }
}
