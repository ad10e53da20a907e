/// A region's outline: its CBS code (`AM01`, `PV20`), its name as the boundary file writes it, and its polygons
/// (islands are polygons of their own), each an outer ring and any holes, in RD New metres (y to the north).
public struct RegionShape: Sendable {
    /// A position in RD New metres.
    public struct Point: Sendable, Equatable {
        /// Metres to the east.
        public var x: Double
        /// Metres to the north.
        public var y: Double
    }

    /// The CBS code, equal to the RegioS key in CBS's tables.
    public var code: String
    /// The name (`Groningen`, `Fryslân`).
    public var name: String
    /// The polygons, each a list of closed rings.
    public var polygons: [[[Point]]]
}
