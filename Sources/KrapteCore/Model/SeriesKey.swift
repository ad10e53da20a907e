/// Identifies a series in a release: a measure and one member of every dimension other than time,
/// each as an index into the dataset's `measures` and the dimension's `members`.
///
/// Up to seven dimensions fit; `Release` rejects datasets with more.
public struct SeriesKey: Hashable, Sendable {
    /// Lane 0 holds the measure index, lanes 1 to 7 the member indices; unused lanes are -1.
    public var lanes: SIMD8<Int32>

    /// The most dimensions besides time a dataset may have.
    public static let maximumDimensions = 7

    /// Makes a key from a measure index and member indices; members past the seventh are left out (`Release`
    /// refuses a dataset with more dimensions before any key is made).
    public init(measure: Int, members: [Int]) {
        var lanes = SIMD8<Int32>(repeating: -1)
        lanes[0] = Int32(truncatingIfNeeded: measure)
        for (i, m) in members.prefix(Self.maximumDimensions).enumerated() { lanes[i + 1] = Int32(truncatingIfNeeded: m) }
        self.lanes = lanes
    }

    /// This key with measure index `measure`.
    public func measured(_ measure: Int) -> SeriesKey {
        var key = self
        key.lanes[0] = Int32(truncatingIfNeeded: measure)
        return key
    }

    /// Sets the member index of dimension `d`; a dimension past the seventh is left out, as in `init`.
    public mutating func setMember(_ member: Int, dimension d: Int) {
        guard d >= 0, d < Self.maximumDimensions else { return }
        lanes[d + 1] = Int32(truncatingIfNeeded: member)
    }

    /// The measure index.
    public var measure: Int { Int(lanes[0]) }

    /// The member index for dimension `d`.
    public func member(_ d: Int) -> Int { Int(lanes[d + 1]) }
}
