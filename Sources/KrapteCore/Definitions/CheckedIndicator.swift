/// An indicator as reading its definitions file leaves it: the operation typed, its parameters read, and for each
/// series a whole selection per role. The engine computes from this, so it reads no text a second time.
struct CheckedIndicator: Sendable {
    /// The definition as written.
    var definition: IndicatorDefinition
    /// The operation `definition.operation` names.
    var operation: IndicatorOperation
    /// The operation's parameters, checked.
    var parameters: IndicatorOperation.Resolved
    /// One entry per series of `definition.series` (one entry when it has none): the selection of each role, in
    /// the order of `operation.roles`.
    var selections: [[RoleSelection]]
}

/// What one role of an indicator reads, checked: a dataset and a measure named, frequencies read.
struct RoleSelection: Sendable {
    /// The role (`numerator`, `ww`).
    var role: String
    /// The place in the definitions file, for messages: `indicators[2] (spanning) inputs.ww`.
    var path: String
    /// The dataset's id.
    var dataset: String
    /// The measure's code or exact title.
    var measure: String
    /// Per dimension (code or title), the members (codes or labels) to keep.
    var `where`: [String: [String]]
    /// Dimensions whose selected members are added up into one.
    var sumOver: [String]
    /// Dimensions whose members are also added up into their ancestors.
    var rollUp: [String]
    /// Keep only periods of this frequency.
    var frequency: Period.Frequency?
    /// Aggregate to this frequency first.
    var aggregate: Period.Frequency?

    /// Checks a selection as written.
    /// - Throws: `DefinitionError` (made by `fail` from a path below `path`, a message and a fix) when it names no
    ///   dataset or measure, or a frequency that is not one.
    init(
        _ s: IndicatorDefinition.InputSelection,
        role: String,
        path: String,
        fail: (_ path: String, _ message: Message, _ fix: Message?) -> DefinitionError
    ) throws {
        guard let dataset = s.dataset, !dataset.isEmpty else {
            throw fail(path, Message("CheckedIndicator.dataset"), Message("CheckedIndicator.dataset.fix"))
        }
        guard let measure = s.measure, !measure.isEmpty else {
            throw fail(path, Message("CheckedIndicator.measure"), Message("CheckedIndicator.measure.fix"))
        }
        func frequency(_ key: String, _ value: String?) throws -> Period.Frequency? {
            guard let value else { return nil }
            guard let f = Period.Frequency(name: value) else {
                throw fail("\(path).\(key)", Message("CheckedIndicator.frequency", value.excerpt), Message("CheckedIndicator.frequency.fix"))
            }
            return f
        }
        self.role = role
        self.path = path
        self.dataset = dataset
        self.measure = measure
        self.where = s.where
        self.sumOver = s.sumOver
        self.rollUp = s.rollUp
        self.frequency = try frequency("frequency", s.frequency)
        self.aggregate = try frequency("aggregate", s.aggregate)
    }
}
