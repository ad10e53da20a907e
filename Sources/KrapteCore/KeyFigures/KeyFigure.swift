import Foundation

/// One figure of a key-figure sheet: the latest value of a series in the store, with its direction since a base
/// period and whether that direction is good or bad news. See Guides/KeyFigures.md.
public struct KeyFigure: Sendable, Hashable, Codable {
    /// The heading (`Openstaande vacatures`).
    public var title: String
    /// The dataset (a table or a computed indicator).
    public var dataset: String
    /// The measure's code or title.
    public var measure: String
    /// The members that pick one series, per dimension (by code or label); the region is added by the sheet.
    public var `where`: [String: [String]]
    /// The period the direction is measured against: `previousPeriod` or `samePeriodLastYear`.
    public var compare: Comparison
    /// Whether a rise is good or bad news; without it, what the indicator's definition says, else neutral.
    public var rise: Derivation.Rise?
    /// The decimals to show; without it, the measure's own.
    public var decimals: Int?
    /// The explanation shown on demand.
    public var explanation: String
    /// The levels of region the figure is shown for (`arbeidsmarktregio`, `provincie`); nil for every level its
    /// dataset has.
    public var regionLevels: [RegionLevel]?
    /// A dataset that, when loaded, shows this figure better: the figure is then left out (the demo's sample of
    /// 80472ned gives way to the table itself).
    public var replacedBy: String?

    /// The base of the direction.
    public enum Comparison: String, Sendable, Hashable, Codable, CaseIterable {
        /// The period before (quarter on quarter).
        case previousPeriod
        /// The same quarter or month a year earlier.
        case samePeriodLastYear

        /// The same as a `ChangeBase`.
        public var base: ChangeBase { self == .previousPeriod ? .previousPeriod : .samePeriodLastYear }
    }

    /// Makes a figure.
    public init(
        title: String,
        dataset: String,
        measure: String,
        where: [String: [String]] = [:],
        compare: Comparison = .samePeriodLastYear,
        rise: Derivation.Rise? = nil,
        decimals: Int? = nil,
        explanation: String = "",
        regionLevels: [RegionLevel]? = nil,
        replacedBy: String? = nil
    ) {
        self.title = title
        self.dataset = dataset
        self.measure = measure
        self.where = `where`
        self.compare = compare
        self.rise = rise
        self.decimals = decimals
        self.explanation = explanation
        self.regionLevels = regionLevels
        self.replacedBy = replacedBy
    }

    enum CodingKeys: String, CodingKey {
        case title, dataset, measure, `where`, compare, rise, decimals, explanation, regionLevels, replacedBy
    }

    /// Reads a figure; every field but `title`, `dataset` and `measure` may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        dataset = try c.decode(String.self, forKey: .dataset)
        measure = try c.decode(String.self, forKey: .measure)
        self.where = try c.decodeIfPresent([String: [String]].self, forKey: .where) ?? [:]
        compare = try c.decodeIfPresent(Comparison.self, forKey: .compare) ?? .samePeriodLastYear
        rise = try c.decodeIfPresent(Derivation.Rise.self, forKey: .rise)
        decimals = try c.decodeIfPresent(Int.self, forKey: .decimals)
        explanation = try c.decodeIfPresent(String.self, forKey: .explanation) ?? ""
        regionLevels = try c.decodeIfPresent([RegionLevel].self, forKey: .regionLevels)
        replacedBy = try c.decodeIfPresent(String.self, forKey: .replacedBy)
    }
}
