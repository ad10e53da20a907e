/// What a change is measured against.
public enum ChangeBase: Sendable, Hashable, Codable {
    /// The period before, of the same frequency (quarter on quarter, year on year for years).
    case previousPeriod
    /// The same quarter or month a year earlier (for a year: the year before).
    case samePeriodLastYear
    /// A fixed reference period of the same frequency, such as 2020KW01.
    case reference(Period)
    /// `n` periods of the same frequency earlier.
    case periodsBack(Int)

    /// The base in words, for formulas readers see: `de periode ervoor`, `2020 1e kwartaal`.
    public var dutchWords: String {
        switch self {
        case .previousPeriod: "de periode ervoor"
        case .samePeriodLastYear: "dezelfde periode een jaar eerder"
        case .reference(let p): p.dutchLabel
        case .periodsBack(let n): "\(n) perioden eerder"
        }
    }

    /// The base period for `period`, or nil when there is none (a reference of another frequency, or a period
    /// out of range).
    public func base(for period: Period) -> Period? {
        switch self {
        case .previousPeriod: period.previous
        case .samePeriodLastYear: period.samePeriodLastYear
        case .reference(let r): r.frequency == period.frequency ? r : nil
        case .periodsBack(let n): period.advanced(by: -n)
        }
    }
}

/// How a change is expressed.
public enum ChangeForm: String, Sendable, Hashable, Codable {
    /// In percent: (value / base - 1) x 100.
    case percent
    /// As a difference: value - base, in the measure's unit.
    case absolute
}
