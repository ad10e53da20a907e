/// A period as readers read it: CBS codes (`2024KW04`) stay in downloads, links and data attributes.
extension Period {
    /// The label as StatLine writes it: `2024`, `2024 1e halfjaar`, `2024 4e kwartaal`, `2025 maart`.
    public var dutchLabel: String { label(in: .nl) }

    /// The label as StatLine writes it in `language`: `2024 4e kwartaal`, `2025 maart`; `2024 4th quarter`,
    /// `2025 March`.
    public func label(in language: Language) -> String {
        switch (frequency, language) {
        case (.year, _): "\(year)"
        case (.halfYear, .nl): "\(year) \(number)e halfjaar"
        case (.halfYear, .en): "\(year) \(Self.ordinal(number)) half"
        case (.quarter, .nl): "\(year) \(number)e kwartaal"
        case (.quarter, .en): "\(year) \(Self.ordinal(number)) quarter"
        case (.month, _): "\(year) \(monthName(in: language))"
        }
    }

    /// The period in a sentence, after a preposition: `het 4e kwartaal van 2024`, `maart 2025` ("in het 4e kwartaal
    /// van 2024"); `the 4th quarter of 2024`, `March 2025`.
    public func phrase(in language: Language) -> String {
        switch (frequency, language) {
        case (.year, _): "\(year)"
        case (.halfYear, .nl): "het \(number)e halfjaar van \(year)"
        case (.halfYear, .en): "the \(Self.ordinal(number)) half of \(year)"
        case (.quarter, .nl): "het \(number)e kwartaal van \(year)"
        case (.quarter, .en): "the \(Self.ordinal(number)) quarter of \(year)"
        case (.month, _): "\(monthName(in: language)) \(year)"
        }
    }

    /// A short label for the ticks of a chart's axis: `2024 K4`, `2025 mrt`; `2024 Q4`, `2025 Mar`.
    public func axisLabel(in language: Language) -> String {
        switch (frequency, language) {
        case (.year, _): "\(year)"
        case (.halfYear, _): "\(year) H\(number)"
        case (.quarter, .nl): "\(year) K\(number)"
        case (.quarter, .en): "\(year) Q\(number)"
        case (.month, .nl): "\(year) \(Self.short(Self.dutchShortMonths, number))"
        case (.month, .en): "\(year) \(Self.short(Self.englishMonthNames, number).prefix(3))"
        }
    }

    private static let dutchShortMonths = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

    private static func short(_ names: [String], _ number: Int) -> String {
        names.indices.contains(number - 1) ? names[number - 1] : "\(number)"
    }

    private func monthName(in language: Language) -> String {
        Self.short(language == .nl ? Period.dutchMonthNames : Self.englishMonthNames, number)
    }

    private static let englishMonthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    private static func ordinal(_ n: Int) -> String {
        switch n {
        case 1: "1st"
        case 2: "2nd"
        case 3: "3rd"
        default: "\(n)th"
        }
    }
}
