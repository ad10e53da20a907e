import Foundation

/// A TopoJSON topology as cartomap/nl writes CBS's boundaries: quantized, delta-encoded arcs shared between regions,
/// and one collection of `Polygon` and `MultiPolygon` geometries, each with its CBS code (`statcode`) and name
/// (`statnaam`). Decoded into the rings of each region in the file's coordinates (RD New, metres).
struct TopoJSON: Decodable {
    /// How quantized positions become coordinates: `x = translate + q * scale`.
    struct Transform: Decodable {
        var scale: [Double]
        var translate: [Double]
    }

    /// One region's geometry: its polygons, each a list of rings, each a list of arc indices (`~i` is arc `i`
    /// reversed).
    struct Geometry: Decodable {
        var polygons: [[[Int]]]
        var code: String
        var name: String

        private enum CodingKeys: String, CodingKey { case type, arcs, properties }
        private struct Properties: Decodable {
            var statcode: String
            var statnaam: String
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            switch try c.decode(String.self, forKey: .type) {
            case "Polygon": polygons = [try c.decode([[Int]].self, forKey: .arcs)]
            case "MultiPolygon": polygons = try c.decode([[[Int]]].self, forKey: .arcs)
            case let other:
                throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "geometry type \(other) is not a polygon")
            }
            let properties = try c.decode(Properties.self, forKey: .properties)
            code = properties.statcode
            name = properties.statnaam
        }
    }

    /// A collection of geometries.
    struct Collection: Decodable {
        var geometries: [Geometry]
    }

    var arcs: [[[Int]]]
    var transform: Transform
    var objects: [String: Collection]

    /// The regions of the file's one collection, their rings as absolute coordinates.
    /// - Throws: `TopoJSON.Problem` when an arc index or a position is out of place.
    func regions() throws -> [RegionShape] {
        guard transform.scale.count == 2, transform.translate.count == 2, let collection = objects.values.first, objects.count == 1
        else { throw Problem(message: "expected one collection and a two-dimensional transform") }
        let decoded = try arcs.map(absolute)
        return try collection.geometries.map { g in
            RegionShape(
                code: g.code,
                name: g.name,
                polygons: try g.polygons.map { polygon in try polygon.map { ring in try Self.ring(ring, from: decoded) } }
            )
        }
    }

    /// An arc's delta-encoded positions as coordinates; the running sum starts again at every arc.
    private func absolute(_ arc: [[Int]]) throws -> [RegionShape.Point] {
        var x = 0
        var y = 0
        return try arc.map { position in
            guard position.count >= 2 else { throw Problem(message: "a position has \(position.count) numbers") }
            x += position[0]
            y += position[1]
            return RegionShape.Point(
                x: transform.translate[0] + Double(x) * transform.scale[0],
                y: transform.translate[1] + Double(y) * transform.scale[1]
            )
        }
    }

    /// A ring from its arcs: each arc's first position is the previous arc's last, so it is dropped.
    private static func ring(_ indices: [Int], from arcs: [[RegionShape.Point]]) throws -> [RegionShape.Point] {
        var points: [RegionShape.Point] = []
        for index in indices {
            let i = index < 0 ? ~index : index
            guard arcs.indices.contains(i) else { throw Problem(message: "arc \(index) is not in the file") }
            let arc = index < 0 ? arcs[i].reversed() : arcs[i]
            points += points.isEmpty ? arc : Array(arc.dropFirst())
        }
        return points
    }

    /// A file that is not the TopoJSON Krapte draws maps from.
    struct Problem: Error, CustomStringConvertible {
        var message: String
        var description: String { "TopoJSON: \(message)" }
    }
}
