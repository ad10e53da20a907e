import KrapteCore

/// The ticks of a time axis at steps a reader expects: every period when there are few, else the start of every
/// year (or of every second, fifth or tenth year) labelled with the year, so that a long quarterly series reads
/// `2019 2020 2021` instead of `2019 K3 2020 K2 2021 K1`.
public enum PeriodAxis {
    /// A label per period, empty where there is no tick; at most about `maximum` ticks.
    public static func ticks(_ periods: [Period], in language: Language, maximum: Int = 8) -> [String] {
        guard periods.count > maximum, let first = periods.first, let last = periods.last else {
            return periods.map { $0.axisLabel(in: language) }
        }
        let years = last.year - first.year + 1
        let yearStarts = periods.map { $0.frequency != .year && $0.number == 1 }
        if first.frequency != .year, yearStarts.filter({ $0 }).count >= 2 {
            let step = niceStep(years, maximum: maximum)
            return periods.enumerated().map { i, p in yearStarts[i] && p.year % step == 0 ? "\(p.year)" : "" }
        }
        if first.frequency == .year {
            let step = niceStep(years, maximum: maximum)
            return periods.map { $0.year % step == 0 ? "\($0.year)" : "" }
        }
        // Within about a year: every k-th period, counted back from the latest so that it is always labelled.
        let every = max(1, Int((Double(periods.count) / Double(maximum)).rounded(.up)))
        return periods.enumerated().map { i, p in (periods.count - 1 - i) % every == 0 ? p.axisLabel(in: language) : "" }
    }

    /// The smallest of 1, 2, 5, 10, 20, 50 years that gives at most `maximum` ticks over `years`.
    static func niceStep(_ years: Int, maximum: Int) -> Int {
        [1, 2, 5, 10, 20, 50].first { (years + $0 - 1) / $0 <= maximum } ?? 100
    }
}
