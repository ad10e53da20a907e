/// A reporting period as CBS codes it: a year (`2024JJ00`), a half year (`2024HJ01`),
/// a quarter (`2024KW04`) or a month (`2024MM04`).
///
/// Periods order chronologically by their first day; when two start on the same day the
/// longer one comes first, so a year sorts before its first quarter and that quarter
/// before its first month, as CBS lists them in a hierarchy.
public struct Period: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// How long a period lasts.
    public enum Frequency: UInt8, Sendable, CaseIterable, Codable {
        case year = 0
        case halfYear = 1
        case quarter = 2
        case month = 3

        /// The CBS code infix: `JJ`, `HJ`, `KW` or `MM`.
        public var codeInfix: String {
            switch self {
            case .year: "JJ"
            case .halfYear: "HJ"
            case .quarter: "KW"
            case .month: "MM"
            }
        }

        /// How many periods of this frequency make a year.
        public var perYear: Int {
            switch self {
            case .year: 1
            case .halfYear: 2
            case .quarter: 4
            case .month: 12
            }
        }

        /// The name in `language`: `kwartaal`; `quarter`.
        public func name(in language: Language) -> String { Catalogue.shipped(language)["frequency.\(self)"] }
    }

    /// A compact integer that identifies the period, used as a storage key: `year * 64 + frequency * 16 + number`.
    /// It is not chronological across frequencies; use `<` for order. The period is these four bytes, so that
    /// series of periods stay small.
    public let storageKey: Int32

    /// The calendar year, 1000 to 9999.
    public var year: Int { Int(storageKey) >> 6 }
    /// The frequency.
    public var frequency: Frequency { Frequency(rawValue: UInt8((storageKey >> 4) & 3))! }
    /// 0 for a year; 1 to 2, 1 to 4 or 1 to 12 otherwise.
    public var number: Int { Int(storageKey & 15) }

    /// Makes a period, or returns nil when the number does not fit the frequency or the year is not four digits.
    public init?(year: Int, frequency: Frequency, number: Int) {
        guard (1000...9999).contains(year) else { return nil }
        switch frequency {
        case .year: guard number == 0 else { return nil }
        default: guard (1...frequency.perYear).contains(number) else { return nil }
        }
        storageKey = Int32(year * 64 + Int(frequency.rawValue) * 16 + number)
    }

    /// The year `year`.
    public static func year(_ year: Int) -> Period? { Period(year: year, frequency: .year, number: 0) }
    /// Quarter `quarter` (1...4) of `year`.
    public static func quarter(_ year: Int, _ quarter: Int) -> Period? { Period(year: year, frequency: .quarter, number: quarter) }
    /// Month `month` (1...12) of `year`.
    public static func month(_ year: Int, _ month: Int) -> Period? { Period(year: year, frequency: .month, number: month) }

    /// The CBS code, for example `2024KW04`.
    public var code: String {
        let n = number < 10 ? "0\(number)" : "\(number)"
        return "\(year)\(frequency.codeInfix)\(n)"
    }

    public var description: String { code }

    /// The first month of the period, 1...12.
    public var firstMonth: Int {
        switch frequency {
        case .year: 1
        case .halfYear: (number - 1) * 6 + 1
        case .quarter: (number - 1) * 3 + 1
        case .month: number
        }
    }

    /// The number of months the period spans.
    public var lengthInMonths: Int { 12 / frequency.perYear }

    /// The last month of the period, 1...12.
    public var lastMonth: Int { firstMonth + lengthInMonths - 1 }

    /// A running index of periods of this frequency: `year * perYear + (number - 1)`.
    /// Two periods of the same frequency are `b.index - a.index` periods apart.
    public var index: Int { year * frequency.perYear + max(number, 1) - 1 }

    /// The period of the same frequency `offset` periods later (earlier when negative), or nil outside years 1000...9999.
    public func advanced(by offset: Int) -> Period? {
        let i = index + offset
        let perYear = frequency.perYear
        let y = i >= 0 ? i / perYear : (i - perYear + 1) / perYear
        let n = i - y * perYear + 1
        return Period(year: y, frequency: frequency, number: frequency == .year ? 0 : n)
    }

    /// The period before this one (`2024KW01` gives `2023KW04`).
    public var previous: Period? { advanced(by: -1) }
    /// The period after this one.
    public var next: Period? { advanced(by: 1) }
    /// The same period one year earlier (`2024KW03` gives `2023KW03`).
    public var samePeriodLastYear: Period? { Period(year: year - 1, frequency: frequency, number: number) }

    /// The year this period belongs to.
    public var enclosingYear: Period { Period(year: year, frequency: .year, number: 0)! }

    /// The quarter this month or quarter belongs to; nil for years and half years.
    public var enclosingQuarter: Period? {
        switch frequency {
        case .quarter: self
        case .month: Period(year: year, frequency: .quarter, number: (number - 1) / 3 + 1)
        default: nil
        }
    }

    /// Whether `other` lies within this period (a period contains itself).
    public func contains(_ other: Period) -> Bool {
        other.year == year && other.firstMonth >= firstMonth && other.lastMonth <= lastMonth
            && other.lengthInMonths <= lengthInMonths
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        lhs.storageKey != rhs.storageKey && chronologicalKey(storageKey: lhs.storageKey) < chronologicalKey(storageKey: rhs.storageKey)
    }

    /// A key that sorts storage keys as `<` sorts periods (by first month, the longer period first), without
    /// making `Period` values.
    public static func chronologicalKey(storageKey: Int32) -> Int {
        let k = Int(storageKey)
        let year = k >> 6
        let frequency = (k >> 4) & 3
        let number = max(k & 15, 1)
        let months: Int
        switch frequency {
        case 0: months = 12
        case 1: months = 6
        case 2: months = 3
        default: months = 1
        }
        return ((year * 12 + (number - 1) * months) << 2) | frequency
    }

    /// The period with a storage key taken from a valid period (in a series Krapte wrote), without checking it.
    init(uncheckedStorageKey key: Int32) {
        storageKey = key
    }

    /// The period with the given storage key, or nil when the key is not one.
    public init?(storageKey: Int32) {
        let k = Int(storageKey)
        guard k >= 0, let f = Frequency(rawValue: UInt8((k % 64) / 16)) else { return nil }
        self.init(year: k / 64, frequency: f, number: k % 16)
    }
}

extension Period: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let period = Period(code: code) else {
            throw DecodingProblem(decoder.codingPath, Message("ODataRecord.cbsPeriodCode", code.excerpt))
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
