import Foundation

/// How a derived dataset was computed: the indicator, its formula, and every input with the vintage it was read
/// from. Together with the input periods each computed value keeps (`SeriesData.inputs(at:)`), it traces every
/// figure back to the source observations.
public struct Derivation: Sendable, Hashable, Codable {
    /// The indicator's id in its definitions file.
    public var indicator: String
    /// The operation (`ratio`, `change`, `spanningsindicator`, ...).
    public var operation: String
    /// The formula in words, for the reader.
    public var formula: String
    /// Whether a rise is good news, bad news or neither.
    public var rise: Rise
    /// The inputs, per role and, for a definition with a list of series, per series.
    public var inputs: [Input]
    /// For a forecast, what each series' forecast rests on (or why it has none); nil for other indicators.
    public var forecasts: [ForecastRecord]?

    /// Whether the derived dataset is a forecast (`IndicatorOperation.forecast`): its figures have the status
    /// "prognose" and are shown only with their intervals.
    public var isForecast: Bool { operation == IndicatorOperation.forecast.rawValue }

    /// Whether a rise of an indicator is good or bad news (for the colour of its arrow).
    public enum Rise: String, Sendable, Hashable, Codable, CaseIterable {
        /// More is better (jobs, productivity).
        case good
        /// More is worse (WW benefits, bankruptcies).
        case bad
        /// Neither.
        case neutral
    }

    /// One input of a derived dataset.
    public struct Input: Sendable, Hashable, Codable {
        /// The input's role in the operation (`vacancies`, `ww`, `input`).
        public var role: String
        /// For a definition with a list of series, the code of the series this input belongs to.
        public var series: String?
        /// The input dataset.
        public var dataset: String
        /// The measure's code.
        public var measure: String
        /// The vintage read.
        public var vintage: Int64
        /// When that vintage was published, if known.
        public var publishedAt: Date?
        /// The members selected, per dimension code; a dimension not named kept all its members.
        public var members: [String: [String]]
        /// The dimensions whose selected members were summed.
        public var sumOver: [String]
        /// The dimensions whose members were also added up into their ancestors.
        public var rollUp: [String]

        /// Makes an input.
        public init(
            role: String,
            series: String? = nil,
            dataset: String,
            measure: String,
            vintage: Int64,
            publishedAt: Date? = nil,
            members: [String: [String]] = [:],
            sumOver: [String] = [],
            rollUp: [String] = []
        ) {
            self.role = role
            self.series = series
            self.dataset = dataset
            self.measure = measure
            self.vintage = vintage
            self.publishedAt = publishedAt
            self.members = members
            self.sumOver = sumOver
            self.rollUp = rollUp
        }

        enum CodingKeys: String, CodingKey {
            case role, series, dataset, measure, vintage, publishedAt, members, sumOver, rollUp
        }

        /// Reads an input; one stored before roll-ups existed rolled nothing up.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            role = try c.decode(String.self, forKey: .role)
            series = try c.decodeIfPresent(String.self, forKey: .series)
            dataset = try c.decode(String.self, forKey: .dataset)
            measure = try c.decode(String.self, forKey: .measure)
            vintage = try c.decode(Int64.self, forKey: .vintage)
            publishedAt = try c.decodeIfPresent(Date.self, forKey: .publishedAt)
            members = try c.decode([String: [String]].self, forKey: .members)
            sumOver = try c.decode([String].self, forKey: .sumOver)
            rollUp = try c.decodeIfPresent([String].self, forKey: .rollUp) ?? []
        }

        /// Writes an input; `rollUp` only when it rolled something up, so that what was stored before stays the same.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(role, forKey: .role)
            try c.encodeIfPresent(series, forKey: .series)
            try c.encode(dataset, forKey: .dataset)
            try c.encode(measure, forKey: .measure)
            try c.encode(vintage, forKey: .vintage)
            try c.encodeIfPresent(publishedAt, forKey: .publishedAt)
            try c.encode(members, forKey: .members)
            try c.encode(sumOver, forKey: .sumOver)
            if !rollUp.isEmpty { try c.encode(rollUp, forKey: .rollUp) }
        }
    }

    /// Makes a derivation.
    public init(indicator: String, operation: String, formula: String, rise: Rise, inputs: [Input], forecasts: [ForecastRecord]? = nil) {
        self.indicator = indicator
        self.operation = operation
        self.formula = formula
        self.rise = rise
        self.inputs = inputs
        self.forecasts = forecasts
    }
}
