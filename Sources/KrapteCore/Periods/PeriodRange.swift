import Foundation

/// A closed range of periods, as given on the command line: `2024KW01..2024KW04`, or a single period.
public struct PeriodRange: Sendable, Hashable, CustomStringConvertible {
    /// The first period in the range.
    public var lowerBound: Period
    /// The last period in the range.
    public var upperBound: Period

    /// A range from `lowerBound` to `upperBound`, both included.
    public init(_ lowerBound: Period, _ upperBound: Period) {
        self.lowerBound = min(lowerBound, upperBound)
        self.upperBound = max(lowerBound, upperBound)
    }

    /// Parses `P` or `P1..P2` with CBS period codes or labels; one end may be left open (`2019KW01..`,
    /// `..2024KW04`), and then reaches to the first or last period of that frequency. Returns nil when an end is
    /// not a period.
    public init?(parsing text: String) {
        let parts = text.components(separatedBy: "..")
        switch parts.count {
        case 1:
            guard let p = Period.parseLabel(parts[0])?.period else { return nil }
            self.init(p, p)
        case 2:
            let (a, b) = (Period.parseLabel(parts[0])?.period, Period.parseLabel(parts[1])?.period)
            switch (a, b, parts[0].isEmpty, parts[1].isEmpty) {
            case (let a?, let b?, _, _): self.init(a, b)
            case (let a?, nil, _, true):
                self.init(a, Period(year: 9999, frequency: a.frequency, number: a.frequency == .year ? 0 : a.frequency.perYear)!)
            case (nil, let b?, true, _): self.init(Period(year: 1000, frequency: b.frequency, number: b.frequency == .year ? 0 : 1)!, b)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Whether `period` falls in the range. A range of one frequency matches only periods of that frequency;
    /// a range whose ends differ in frequency matches any period between them.
    public func contains(_ period: Period) -> Bool {
        if lowerBound.frequency == upperBound.frequency, period.frequency != lowerBound.frequency { return false }
        return period >= lowerBound && period <= upperBound
    }

    public var description: String { lowerBound == upperBound ? lowerBound.code : "\(lowerBound.code)..\(upperBound.code)" }
}
