/// A period as Dutch readers read it: CBS codes (`2024KW04`) stay in downloads, links and data attributes.
extension Period {
    /// The label as StatLine writes it: `2024`, `2024 1e halfjaar`, `2024 4e kwartaal`, `2025 maart`.
    public var dutchLabel: String {
        switch frequency {
        case .year: "\(year)"
        case .halfYear: "\(year) \(number)e halfjaar"
        case .quarter: "\(year) \(number)e kwartaal"
        case .month: "\(year) \(Period.dutchMonthNames[number - 1])"
        }
    }

    /// The period in a sentence, after a preposition: `2024`, `het 1e halfjaar van 2024`, `het 4e kwartaal van
    /// 2024`, `maart 2025` ("in het 4e kwartaal van 2024", "sinds maart 2025").
    public var dutchPhrase: String {
        switch frequency {
        case .year: "\(year)"
        case .halfYear: "het \(number)e halfjaar van \(year)"
        case .quarter: "het \(number)e kwartaal van \(year)"
        case .month: "\(Period.dutchMonthNames[number - 1]) \(year)"
        }
    }

    /// A short label for the ticks of a chart's axis: `2024`, `2024 H1`, `2024 K4`, `2025 mrt`.
    public var dutchAxisLabel: String {
        switch frequency {
        case .year: "\(year)"
        case .halfYear: "\(year) H\(number)"
        case .quarter: "\(year) K\(number)"
        case .month: "\(year) \(Period.dutchMonthNames[number - 1].prefix(3))"
        }
    }
}
