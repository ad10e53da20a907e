/// Identifies a series in a release: a measure and one member of every dimension other than time,
/// each as an index into the dataset's `measures` and the dimension's `members`.
///
/// Up to seven dimensions fit; `Release` rejects datasets with more.
public struct SeriesKey: Hashable, Sendable {
    /// Lane 0 holds the measure index, lanes 1 to 7 the member indices; unused lanes are -1.
    public var lanes: SIMD8<Int32>

    /// The most dimensions besides time a dataset may have.
    public static let maximumDimensions = 7

    /// Makes a key from a measure index and member indices (at most seven).
    public init(measure: Int, members: [Int]) {
        precondition(members.count <= Self.maximumDimensions)
        var lanes = SIMD8<Int32>(repeating: -1)
        lanes[0] = Int32(measure)
        for (i, m) in members.enumerated() { lanes[i + 1] = Int32(m) }
        self.lanes = lanes
    }

    /// The measure index.
    public var measure: Int { Int(lanes[0]) }

    /// The member index for dimension `d`.
    public func member(_ d: Int) -> Int { Int(lanes[d + 1]) }
}
