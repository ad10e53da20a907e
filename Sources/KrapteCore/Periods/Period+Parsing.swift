import Foundation

extension Period {
    /// Dutch month names as CBS writes them in period labels.
    public static let dutchMonthNames = [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ]

    /// Parses a CBS period code such as `2024JJ00`, `2024HJ02`, `2024KW04` or `2024MM04`.
    ///
    /// Surrounding spaces are ignored; anything else that is not a code gives nil.
    public init?(code: String) {
        var s = Substring(code)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        guard s.count == 8 else { return nil }
        let chars = Array(s.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let c = chars[i]
                guard c >= 48, c <= 57 else { return nil }
                n = n * 10 + Int(c - 48)
            }
            return n
        }
        guard let year = digits(0..<4), let number = digits(6..<8) else { return nil }
        let infix = String(decoding: chars[4..<6], as: UTF8.self).uppercased()
        guard let frequency = Frequency.allCases.first(where: { $0.codeInfix == infix }) else { return nil }
        self.init(year: year, frequency: frequency, number: number)
    }

    /// The result of reading a CBS period label.
    public struct ParsedLabel: Sendable, Hashable {
        /// The period.
        public var period: Period
        /// True when the label carried the CBS mark for provisional figures (`*`).
        public var provisional: Bool
    }

    /// Reads a Dutch CBS period label, as CBS tables print them when keys are replaced by titles:
    /// `2024`, `2024 jaargem. /jaartotaal`, `2024 4e kwartaal`, `2024 1e halfjaar`, `2024 april`,
    /// each optionally followed by `*` (provisional). A period code is accepted too.
    ///
    /// - Returns: nil when the text is neither a label nor a code.
    public static func parseLabel(_ text: String) -> ParsedLabel? {
        var s = text.trimmingSpaces()
        var provisional = false
        if s.hasSuffix("*") {
            provisional = true
            s = String(s.dropLast()).trimmingSpaces()
        }
        if let period = Period(code: s) { return ParsedLabel(period: period, provisional: provisional) }
        let parts = s.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
        if parts.count == 1 {
            return Period.year(year).map { ParsedLabel(period: $0, provisional: provisional) }
        }
        let rest = parts[1].lowercased().trimmingSpaces()
        if rest.hasPrefix("jaargem") || rest == "jaartotaal" || rest == "jaar" {
            return Period.year(year).map { ParsedLabel(period: $0, provisional: provisional) }
        }
        if let month = dutchMonthNames.firstIndex(of: rest) {
            return Period.month(year, month + 1).map { ParsedLabel(period: $0, provisional: provisional) }
        }
        for (suffix, frequency) in [(" kwartaal", Frequency.quarter), (" halfjaar", Frequency.halfYear)] where rest.hasSuffix(suffix) {
            let ordinal = rest.dropLast(suffix.count)
            guard ordinal.hasSuffix("e"), let n = Int(ordinal.dropLast()) else { return nil }
            return Period(year: year, frequency: frequency, number: n).map { ParsedLabel(period: $0, provisional: provisional) }
        }
        return nil
    }

}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" || c == "\n" || c == "\u{A0}" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" || c == "\n" || c == "\u{A0}" { s.removeLast() }
        return String(s)
    }
}
