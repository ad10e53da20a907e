import Foundation
import KrapteCore

/// The regions of one level of the Netherlands with their outlines, from the CBS/PDOK boundaries Krapte ships
/// (`Maps/Boundaries`): the 35 arbeidsmarktregio's and the 12 provinces of 2024.
public struct RegionMap: Sendable {
    /// The level the map divides the country into.
    public let level: RegionLevel
    /// The regions, in the file's order.
    public let regions: [RegionShape]
    /// The smallest and largest coordinates of all regions.
    public let minimum: RegionShape.Point
    /// The largest coordinates of all regions.
    public let maximum: RegionShape.Point

    /// The map of `level`, or nil for a level Krapte has no boundaries of.
    public static func shipped(_ level: RegionLevel) -> RegionMap? {
        switch level {
        case .arbeidsmarktregio: arbeidsmarktregios
        case .provincie: provinces
        default: nil
        }
    }

    private static let arbeidsmarktregios = load("arbeidsmarktregio_2024", level: .arbeidsmarktregio)
    private static let provinces = load("provincie_2024", level: .provincie)

    private static func load(_ name: String, level: RegionLevel) -> RegionMap? {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("Boundaries/\(name).topojson"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? RegionMap(decoding: data, level: level)
    }

    /// Reads a TopoJSON file of polygons with `statcode` and `statnaam`.
    /// - Throws: `DecodingError` or `TopoJSON.Problem` for a file that is not one.
    init(decoding data: Data, level: RegionLevel) throws {
        let regions = try JSONDecoder().decode(TopoJSON.self, from: data).regions()
        let points = regions.flatMap { $0.polygons.flatMap { $0.flatMap { $0 } } }
        guard let first = points.first else { throw TopoJSON.Problem(message: "no positions") }
        self.level = level
        self.regions = regions
        minimum = points.reduce(first) { RegionShape.Point(x: min($0.x, $1.x), y: min($0.y, $1.y)) }
        maximum = points.reduce(first) { RegionShape.Point(x: max($0.x, $1.x), y: max($0.y, $1.y)) }
    }
}
