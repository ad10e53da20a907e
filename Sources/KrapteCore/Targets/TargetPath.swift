import Foundation

/// How a target's value should go from the baseline to the target: in equal steps (linear), at an equal rate
/// (compound), or through milestones, in equal steps between them.
public enum TargetPath: Sendable, Hashable {
    /// Equal steps per year.
    case linear
    /// An equal growth rate per year (baseline and target above zero).
    case compound
    /// Equal steps from one milestone to the next.
    case milestones([Milestone])

    /// A value to reach by a period on the way.
    public struct Milestone: Sendable, Hashable {
        public var period: Period
        public var value: Double
    }

    /// The name in `language`: `lineair`; `linear`.
    public func name(in language: Language) -> String {
        switch self {
        case .linear: Catalogue.shipped(language)["TargetPath.linear"]
        case .compound: Catalogue.shipped(language)["TargetPath.compound"]
        case .milestones: Catalogue.shipped(language)["TargetPath.milestones"]
        }
    }

    /// The value the path asks for at time `t` (in years, `TargetPath.time`), from `start` at `t0` to `end` at
    /// `t1`; nil for a compound path whose start or end is not above zero.
    public func value(at t: Double, from start: (t: Double, value: Double), to end: (t: Double, value: Double)) -> Double? {
        var points = [start]
        if case .milestones(let milestones) = self { points += milestones.map { (Self.time($0.period), $0.value) } }
        points.append(end)
        // The stretch t lies in (before the first or after the last: the first or last stretch, extended).
        var k = 0
        while k < points.count - 2 && t > points[k + 1].t { k += 1 }
        let (a, b) = (points[k], points[k + 1])
        let share = (t - a.t) / (b.t - a.t)
        switch self {
        case .linear, .milestones: return a.value + (b.value - a.value) * share
        case .compound:
            guard a.value > 0, b.value > 0 else { return nil }
            return a.value * pow(b.value / a.value, share)
        }
    }

    /// The time of a period in years, at its end: 2024 and 2024KW04 are 2024.0, 2024KW01 is 2023.25, 2024MM06 is
    /// 2023.5. A target "in 2030" is met by the end of 2030.
    public static func time(_ p: Period) -> Double {
        let perYear = Double(p.frequency.perYear)
        return Double(p.year) + Double(max(p.number, 1)) / perYear - 1
    }
}
