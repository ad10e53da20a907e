/// A survey's files as read: the respondents (one row each, every column as text, an empty text for a skipped
/// question) and the population counts per wave and stratum, with the rows they came from for messages.
public struct SurveyMicrodata: Sendable {
    /// The respondent file's name.
    public var file: String
    /// Per respondent, the row it came from (1 is the header).
    public var rows: [Int]
    /// The columns by name: per respondent a code into the column's levels.
    public var columns: [String: SurveyColumn]
    /// The population file's name.
    public var populationFile: String
    /// The population counts: per wave, per stratum (its values joined by `|`), the count and its row.
    public var population: [String: [String: (count: Double, row: Int)]]

    /// Makes microdata.
    public init(
        file: String,
        rows: [Int],
        columns: [String: SurveyColumn],
        populationFile: String,
        population: [String: [String: (count: Double, row: Int)]]
    ) {
        self.file = file
        self.rows = rows
        self.columns = columns
        self.populationFile = populationFile
        self.population = population
    }

    /// The number of respondents.
    public var count: Int { rows.count }
}

/// A column of the respondent file as codes: each respondent's value is `levels[codes[i]]`; an empty field is the
/// level `""`.
public struct SurveyColumn: Sendable {
    /// Per respondent, the index of its value in `levels`.
    public var codes: [Int32]
    /// The distinct values, in the order they first appear.
    public var levels: [String]

    /// Makes a column.
    public init(codes: [Int32], levels: [String]) {
        self.codes = codes
        self.levels = levels
    }

    /// Makes a column from texts.
    public init(_ values: [String]) {
        var index: [String: Int32] = [:]
        var levels: [String] = []
        codes = values.map { v in
            if let c = index[v] { return c }
            index[v] = Int32(levels.count)
            levels.append(v)
            return Int32(levels.count - 1)
        }
        self.levels = levels
    }

    /// The value of respondent `i`.
    public subscript(i: Int) -> String { levels[Int(codes[i])] }
}
