/// One indicator as an analyst defines it in a definitions file: its inputs (dataset, measure, members), the
/// operation, the unit and rounding, and whether a rise is good news. See Guides/IndicatorDefinitions.md.
public struct IndicatorDefinition: Sendable, Hashable, Decodable {
    /// The id; also the id of the derived dataset that holds the results.
    public var id: String
    /// The title, shown above tables and charts.
    public var title: String
    /// What the indicator tells, for the reader.
    public var description: String
    /// The operation's name (see `IndicatorOperation`).
    public var operation: String
    /// The inputs by role.
    public var inputs: [String: InputSelection]
    /// For an indicator shown as a few named series (productivity per sector), the series and how each narrows
    /// the inputs. Without it, the indicator is computed for every combination of members the inputs have.
    public var series: [SeriesSelection]?
    /// The title of the dimension that holds `series`.
    public var seriesDimension: String
    /// The operation's parameters.
    public var parameters: Parameters
    /// The unit of the result (`%`, `vacatures per WW-uitkering`).
    public var unit: String
    /// The number of decimals to publish.
    public var decimals: Int
    /// Whether a rise is good or bad news.
    public var rise: Derivation.Rise

    /// Which members of which measure of which dataset feed a role.
    public struct InputSelection: Sendable, Hashable, Decodable {
        /// The dataset's id (a table in the store, or another indicator's id).
        public var dataset: String?
        /// The measure's code or exact title.
        public var measure: String?
        /// Per dimension (code or title), the members (codes or labels) to keep; other dimensions keep all.
        public var `where`: [String: [String]]
        /// Dimensions whose selected members are added up into one (a group of sectors).
        public var sumOver: [String]
        /// Dimensions whose members are also added up into every ancestor in their hierarchy (the BRC groups into
        /// their segments, classes and the total; the arbeidsmarktregio's into Nederland), beside the members
        /// themselves.
        public var rollUp: [String]
        /// Keep only periods of this frequency (`year`, `quarter`, `month`).
        public var frequency: String?
        /// Aggregate to this frequency first, by the measure's kind (stock: average; flow: sum).
        public var aggregate: String?

        /// Makes a selection.
        public init(
            dataset: String? = nil,
            measure: String? = nil,
            where filters: [String: [String]] = [:],
            sumOver: [String] = [],
            rollUp: [String] = [],
            frequency: String? = nil,
            aggregate: String? = nil
        ) {
            self.dataset = dataset
            self.measure = measure
            self.where = filters
            self.sumOver = sumOver
            self.rollUp = rollUp
            self.frequency = frequency
            self.aggregate = aggregate
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case dataset, measure, `where`, sumOver, rollUp, frequency, aggregate
        }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            dataset = try c.decodeIfPresent(String.self, forKey: .dataset)
            measure = try c.decodeIfPresent(String.self, forKey: .measure)
            self.where = try c.decodeIfPresent([String: [String]].self, forKey: .where) ?? [:]
            sumOver = try c.decodeIfPresent([String].self, forKey: .sumOver) ?? []
            rollUp = try c.decodeIfPresent([String].self, forKey: .rollUp) ?? []
            frequency = try c.decodeIfPresent(String.self, forKey: .frequency)
            aggregate = try c.decodeIfPresent(String.self, forKey: .aggregate)
        }

        /// This selection with `override` laid over it: its dataset, measure, frequency and aggregation replace
        /// these when given; its member selections replace these per dimension; its sums and roll-ups are added.
        public func overlaid(with override: InputSelection?) -> InputSelection {
            guard let o = override else { return self }
            return InputSelection(
                dataset: o.dataset ?? dataset,
                measure: o.measure ?? measure,
                where: self.where.merging(o.where) { _, new in new },
                sumOver: sumOver + o.sumOver.filter { !sumOver.contains($0) },
                rollUp: rollUp + o.rollUp.filter { !rollUp.contains($0) },
                frequency: o.frequency ?? frequency,
                aggregate: o.aggregate ?? aggregate
            )
        }
    }

    /// One named series of an indicator, with the selections that narrow each input for it.
    public struct SeriesSelection: Sendable, Hashable, Decodable {
        /// The series' code, a member of the derived dataset.
        public var code: String
        /// Its label.
        public var label: String
        /// Per role, what to lay over the indicator's input.
        public var inputs: [String: InputSelection]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case code, label, inputs
        }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            code = try c.decode(String.self, forKey: .code)
            label = try c.decodeIfPresent(String.self, forKey: .label) ?? code
            inputs = try c.decodeIfPresent([String: InputSelection].self, forKey: .inputs) ?? [:]
        }
    }

    /// The parameters operations take; each operation reads the ones it needs.
    public struct Parameters: Sendable, Hashable, Decodable {
        /// What a change is measured against: `previousPeriod`, `samePeriodLastYear`, a period code, or
        /// `periodsBack:N`.
        public var base: String?
        /// `percent` or `absolute`.
        public var form: String?
        /// The number of periods to compound over, or of a moving average.
        public var periods: Int?
        /// A factor a ratio is multiplied by.
        public var scale: Double?
        /// The frequency a peak is sought in.
        public var frequency: String?
        /// A range of periods (`2019KW01..2024KW04`, open ends allowed: `2019KW01..`).
        public var range: String?
        /// The first and last period of an average yearly growth.
        public var from: String?
        /// The last period of an average yearly growth.
        public var to: String?
        /// The class boundaries of the spanningsindicator; the UWV set when not given.
        public var boundaries: [Spanningsindicator.Boundaries]?
        /// How a forecast is made: `ets` (the default), `naive`, `seasonalNaive` or `drift`.
        public var method: String?
        /// How many periods a forecast looks ahead.
        public var horizon: Int?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case base, form, periods, scale, frequency, range, from, to, boundaries, method, horizon
        }

        /// No parameters.
        public init() {}

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            base = try c.decodeIfPresent(String.self, forKey: .base)
            form = try c.decodeIfPresent(String.self, forKey: .form)
            periods = try c.decodeWholeNumberIfPresent(forKey: .periods, in: 1...1_000)
            scale = try c.decodeIfPresent(Double.self, forKey: .scale)
            frequency = try c.decodeIfPresent(String.self, forKey: .frequency)
            range = try c.decodeIfPresent(String.self, forKey: .range)
            from = try c.decodeIfPresent(String.self, forKey: .from)
            to = try c.decodeIfPresent(String.self, forKey: .to)
            boundaries = try c.decodeIfPresent([Spanningsindicator.Boundaries].self, forKey: .boundaries)
            method = try c.decodeIfPresent(String.self, forKey: .method)
            horizon = try c.decodeWholeNumberIfPresent(forKey: .horizon, in: 1...120)
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, description, operation, inputs, series, seriesDimension, parameters, unit, decimals, rise
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? id
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        operation = try c.decode(String.self, forKey: .operation)
        inputs = try c.decode([String: InputSelection].self, forKey: .inputs)
        series = try c.decodeIfPresent([SeriesSelection].self, forKey: .series)
        seriesDimension = try c.decodeIfPresent(String.self, forKey: .seriesDimension) ?? "Reeks"
        parameters = try c.decodeIfPresent(Parameters.self, forKey: .parameters) ?? Parameters()
        unit = try c.decodeIfPresent(String.self, forKey: .unit) ?? ""
        decimals = try c.decodeWholeNumberIfPresent(forKey: .decimals, in: 0...10) ?? 1
        rise = try c.decodeIfPresent(Derivation.Rise.self, forKey: .rise) ?? .neutral
    }

    /// The ids of the datasets the indicator reads.
    public var inputDatasets: Set<String> {
        var ids = Set(inputs.values.compactMap(\.dataset))
        for s in series ?? [] { ids.formUnion(s.inputs.values.compactMap(\.dataset)) }
        return ids
    }
}
