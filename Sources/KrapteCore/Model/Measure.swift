/// What a measure counts, which decides how it aggregates over time.
public enum MeasureKind: String, Sendable, Codable, CaseIterable {
    /// A level at a moment (open vacancies, people employed): a year is the average of its quarters.
    case stock
    /// A count over a period (vacancies arisen, bankruptcies): a year is the sum of its quarters.
    case flow
    /// A ratio or percentage (unemployment rate, growth): not summed; a year is the average.
    case rate
    /// An index number: a year is the average.
    case index
}

/// A measure of a dataset: a number with a unit and a number of decimals.
public struct Measure: Sendable, Hashable, Codable {
    /// The measure's code, unique in its dataset (`M001327`, `OpenstaandeVacatures_1`).
    public var code: String
    /// The title (`Openstaande vacatures`).
    public var title: String
    /// The unit as CBS prints it (`x 1 000`, `%`, `euro`, `mln uren`, `aantal`); empty when unknown.
    public var unit: String
    /// The number of decimals CBS publishes.
    public var decimals: Int
    /// Whether the source did not give the decimals, so that they were taken from the values: the most decimals
    /// any value of the measure has, so that no figure is shown with fewer decimals than its source.
    public var decimalsInferred: Bool
    /// How it aggregates over time.
    public var kind: MeasureKind
    /// A longer description; may be empty.
    public var description: String

    /// Makes a measure.
    public init(
        code: String,
        title: String,
        unit: String = "",
        decimals: Int = 0,
        decimalsInferred: Bool = false,
        kind: MeasureKind = .stock,
        description: String = ""
    ) {
        self.code = code
        self.title = title
        self.unit = unit
        self.decimals = decimals
        self.decimalsInferred = decimalsInferred
        self.kind = kind
        self.description = description
    }

    private enum CodingKeys: String, CodingKey {
        case code, title, unit, decimals, decimalsInferred, kind, description
    }

    /// Reads a measure; one stored before `decimalsInferred` existed had its decimals from its source.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        title = try c.decode(String.self, forKey: .title)
        unit = try c.decode(String.self, forKey: .unit)
        decimals = try c.decode(Int.self, forKey: .decimals)
        decimalsInferred = try c.decodeIfPresent(Bool.self, forKey: .decimalsInferred) ?? false
        kind = try c.decode(MeasureKind.self, forKey: .kind)
        description = try c.decode(String.self, forKey: .description)
    }
}
