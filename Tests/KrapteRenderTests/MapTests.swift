import Foundation
import KrapteCore
import KrapteTesting
import Testing

@testable import KrapteRender

/// The CBS/PDOK boundaries decode into closed rings in RD New, and choropleths drawn from them match their golden
/// SVGs: every region a path with its code as id, a tooltip and a link, the legend under the map.
@Suite struct MapTests {
    @Test func theShippedBoundariesDecode() throws {
        let regions = try #require(RegionMap.shipped(.arbeidsmarktregio))
        let provinces = try #require(RegionMap.shipped(.provincie))
        #expect(RegionMap.shipped(.gemeente) == nil)
        #expect(regions.regions.count == 35 && provinces.regions.count == 12)
        let codes = Set(regions.regions.map(\.code))
        #expect(codes.contains("AM01") && codes.contains("AM38") && !codes.contains("AM04") && !codes.contains("AM16") && !codes.contains("AM31"))
        #expect(provinces.regions.map(\.code).sorted() == (20...31).map { "PV\($0)" })
        #expect(provinces.regions.first { $0.code == "PV21" }?.name == "Fryslân")
        // The bounding box of PROVENANCE.md, in metres.
        #expect(regions.minimum == .init(x: 13_565, y: 306_960) && regions.maximum == .init(x: 277_529, y: 619_172))
        for shape in regions.regions + provinces.regions {
            for ring in shape.polygons.flatMap({ $0 }) {
                #expect(ring.count >= 4 && ring.first == ring.last, "\(shape.code): a ring that does not close")
            }
        }
        // Islands are polygons of their own: the Wadden islands of Groningen, Friesland and Noord-Holland.
        #expect(provinces.regions.filter { $0.polygons.count > 1 }.map(\.code).contains("PV21"))
    }

    /// A ring follows its arcs, an arc given as `~i` backwards, sharing the positions where arcs meet.
    @Test func arcsAreDecodedAndJoined() throws {
        let json = #"""
            {"type":"Topology","transform":{"scale":[2,1],"translate":[100,200]},
             "arcs":[[[0,0],[1,0],[0,1]],[[1,1],[-1,0],[0,-1]]],
             "objects":{"x":{"type":"GeometryCollection","geometries":[
               {"type":"Polygon","arcs":[[0,1]],"properties":{"statcode":"AM01","statnaam":"A"}},
               {"type":"MultiPolygon","arcs":[[[-2,-1]]],"properties":{"statcode":"AM02","statnaam":"B"}}]}}}
            """#
        let map = try RegionMap(decoding: Data(json.utf8), level: .arbeidsmarktregio)
        let a = try #require(map.regions.first?.polygons.first?.first).map { [$0.x, $0.y] }
        #expect(a == [[100, 200], [102, 200], [102, 201], [100, 201], [100, 200]])
        let b = try #require(map.regions.last?.polygons.first?.first).map { [$0.x, $0.y] }
        #expect(b == [[100, 200], [100, 201], [102, 201], [102, 200], [100, 200]])
    }

    @Test(arguments: [
        #"{"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},"arcs":[],"objects":{"x":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[3]],"properties":{"statcode":"A","statnaam":"A"}}]}}}"#,
        #"{"type":"Topology","transform":{"scale":[1],"translate":[0,0]},"arcs":[],"objects":{}}"#,
        #"{"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},"arcs":[[[1]]],"objects":{"x":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]],"properties":{"statcode":"A","statnaam":"A"}}]}}}"#,
        #"{"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},"arcs":[],"objects":{"x":{"type":"GeometryCollection","geometries":[{"type":"Point","properties":{"statcode":"A","statnaam":"A"}}]}}}"#,
    ])
    func aBrokenFileIsAnErrorNotACrash(json: String) {
        #expect(throws: (any Error).self) { try RegionMap(decoding: Data(json.utf8), level: .provincie) }
    }

    @Test func quintilesSplitTheValuesInFifths() {
        let values = (1...10).map(Double.init)
        let bounds = ChoroplethMap.quintiles(values)
        #expect(zip(bounds, [2.8, 4.6, 6.4, 8.2]).allSatisfy { abs($0 - $1) < 1e-12 } && bounds.count == 4)
        #expect(values.map { ChoroplethMap.classIndex(of: $0, bounds: bounds) } == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4])
        #expect(ChoroplethMap.quintiles([3, 3, 3]).isEmpty && ChoroplethMap.quintiles([]).isEmpty)
        // A bound at the smallest value would leave the lowest class empty.
        #expect(ChoroplethMap.quintiles([1, 1, 1, 1, 2]).count == 1)
    }

    /// The 35 arbeidsmarktregio's by typering, every region a link; one without figures is grey and in the legend.
    @Test func theArbeidsmarktregioMapMatchesItsGoldenFile() throws {
        let shapes = try #require(RegionMap.shipped(.arbeidsmarktregio))
        var regions: [String: ChoroplethMap.Region] = [:]
        for (i, shape) in shapes.regions.enumerated() where shape.code != "AM24" {
            regions[shape.code] = .init(
                label: shape.name + " (AM)",
                value: "\(i)",
                classIndex: i % 5,
                link: "/spanningsindicator?regio=\(shape.code)"
            )
        }
        let classes = ["zeer ruim", "ruim", "gemiddeld", "krap", "zeer krap"].enumerated().map {
            ChoroplethMap.MapClass(label: $1, colour: ChartPalette.typering[$0])
        }
        let map = ChoroplethMap(
            id: "kaart",
            title: "Spanningsindicator per arbeidsmarktregio",
            summary: "Kaart van de 35 arbeidsmarktregio's.",
            map: shapes,
            regions: regions,
            classes: classes,
            noData: "geen cijfers"
        )
        let svg = map.svg()
        #expect(svg.matches(of: /<path id="AM\d\d"/).count == 35 && svg.matches(of: /<a href=/).count == 34)
        #expect(svg.contains(#"<path id="AM24""#) && svg.contains("<title>Zeeland: geen cijfers</title>") && svg.contains(">geen cijfers</text>"))
        #expect(try Self.snapshot.mismatch(svg, named: "map-arbeidsmarktregio.svg") == nil)
    }

    /// The 12 provinces by a value in fifths.
    @Test func theProvinceMapMatchesItsGoldenFile() throws {
        let shapes = try #require(RegionMap.shipped(.provincie))
        let values = Dictionary(uniqueKeysWithValues: shapes.regions.enumerated().map { ($1.code, 3.0 + Double($0) * 0.25) })
        let bounds = ChoroplethMap.quintiles(Array(values.values))
        let regions = values.mapValues { v in
            ChoroplethMap.Region(
                label: "",
                value: DutchNumberFormat.format(v, decimals: 1),
                classIndex: ChoroplethMap.classIndex(of: v, bounds: bounds)
            )
        }
        let named = Dictionary(
            uniqueKeysWithValues: shapes.regions.compactMap { s in
                regions[s.code].map { r in (s.code, ChoroplethMap.Region(label: s.name, value: r.value, classIndex: r.classIndex)) }
            }
        )
        let map = ChoroplethMap(
            id: "provincies",
            title: "Werkloosheid per provincie",
            summary: "Kaart van de 12 provincies.",
            map: shapes,
            regions: named,
            classes: ChartPalette.sequential.map { .init(label: $0, colour: $0) },
            noData: "geen cijfers"
        )
        let svg = map.svg()
        #expect(svg.matches(of: /<path id="PV\d\d"/).count == 12 && !svg.contains("<a "))
        #expect(try Self.snapshot.mismatch(svg, named: "map-provincie.svg") == nil)
    }

    static let snapshot = Snapshot(besides: #filePath)
}
