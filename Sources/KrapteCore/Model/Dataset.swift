/// A statistical table: a title, a source, dimensions and measures.
///
/// Time is not among `dimensions`: every observation has a period of its own.
public struct Dataset: Sendable, Hashable, Codable {
    /// The id, by default the CBS table id with its case kept (`80472ned`, `85276NED`).
    public var id: String
    /// The title.
    public var title: String
    /// A description; may be empty.
    public var summary: String
    /// Where the figures come from.
    public var source: Source
    /// The dimensions other than time, in the order of the source.
    public var dimensions: [Dimension]
    /// The measures.
    public var measures: [Measure]
    /// For a dataset computed by `krapte compute`: the indicator and the inputs it was computed from.
    public var derivation: Derivation?

    /// Makes a dataset.
    public init(
        id: String,
        title: String,
        summary: String = "",
        source: Source,
        dimensions: [Dimension],
        measures: [Measure],
        derivation: Derivation? = nil
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.source = source
        self.dimensions = dimensions
        self.measures = measures
        self.derivation = derivation
    }

    /// The measure with this code, or else the one with exactly this title.
    public func measure(named name: String) -> Measure? {
        if let m = measures.first(where: { $0.code == name }) ?? measures.first(where: { $0.title == name }) { return m }
        let found = measures.filter { $0.title.lowercased() == name.lowercased() }
        return found.count == 1 ? found[0] : nil
    }

    /// The dimension with this code, or else the one with exactly this title.
    public func dimension(named name: String) -> Dimension? {
        dimensions.first { $0.code == name } ?? dimensions.first { $0.title == name }
    }
}
