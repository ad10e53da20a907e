import Foundation
import Hummingbird
import KrapteCore
import KrapteIngest
import KrapteSQLite
import KrapteTesting
import Testing

/// The responses of a CBS OData v3 table, as JSON texts keyed by endpoint (`TableInfos`, `DataProperties`,
/// `Perioden`, ...), with the rows of `TypedDataSet` kept apart so that tests can page them.
struct ODataV3Fixture: Sendable {
    var endpoints: [String: String]
    var typedDataSet: String

    /// The rows of `TypedDataSet`.
    func rows() throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(typedDataSet.utf8)) as! [[String: Any]]
    }

    /// Writes the responses into a fresh folder under their saved names, `TypedDataSet` in `pages` pages.
    func folder(pages: Int = 1) throws -> URL {
        let folder = try TestData.temporaryFolder()
        let saved = ["TableInfos": "table-infos.json", "DataProperties": "data-properties.json"]
        for (endpoint, text) in endpoints {
            try Data(text.utf8).write(to: folder.appendingPathComponent(saved[endpoint] ?? "codes-\(endpoint).json"))
        }
        let base = URL(string: "https://opendata.cbs.nl/ODataApi/odata/x")!
        for p in 1...pages {
            let page = try ReplayServer.page(p, of: try rows(), count: pages, endpoint: "TypedDataSet", base: base, nextLinkKey: "odata.nextLink")
            try Data(page.utf8).write(to: folder.appendingPathComponent("typed-data-set-page-\(p).json"))
        }
        return folder
    }

    static func json(_ object: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// The v4 fixture of 82242NED rewritten as v3 would serve it: dimension keys padded with spaces as CBS pads
    /// them, one wide `TypedDataSet` record per type and period with a field per measure, and `Status` on the
    /// periods. Measure `M` becomes topic `M_<n>`, as v3 numbers its topic keys.
    static func from82242NED() throws -> ODataV3Fixture {
        let folder = TestData.real("cbs-odata4-fixtures/82242NED")
        func values(_ name: String) throws -> [[String: Any]] {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as! [String: Any]
            return object["value"] as! [[String: Any]]
        }
        let properties = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("properties.json"))) as! [String: Any]
        let measures = try values("measure-codes.json")
        let topicKey = Dictionary(uniqueKeysWithValues: measures.enumerated().map { ($1["Identifier"] as! String, "\($1["Identifier"]!)_\($0 + 1)") })
        var dataProperties: [[String: Any]] = [
            ["ID": 0, "Type": "Dimension", "Key": "TypeGefailleerde", "Title": "Type gefailleerde"],
            ["ID": 1, "Type": "TimeDimension", "Key": "Perioden", "Title": "Perioden"],
            ["ID": 2, "Type": "TopicGroup", "Key": "", "Title": "Faillissementen"],
        ]
        for (i, m) in measures.enumerated() {
            dataProperties.append([
                "ID": i + 3, "ParentID": 2, "Type": "Topic", "Key": topicKey[m["Identifier"] as! String]!, "Title": m["Title"]!,
                "Unit": m["Unit"]!, "Decimals": m["Decimals"]!, "Datatype": "Long", "Default": "Missing",
            ])
        }
        let types = try values("codes-TypeGefailleerde.json").map { ["Key": ($0["Identifier"] as! String) + "  ", "Title": $0["Title"]!] }
        let periods = try values("codes-Perioden.json").map { ["Key": $0["Identifier"]!, "Title": $0["Title"]!, "Status": $0["Status"]!] }
        var wide: [String: [String: Any]] = [:]
        var order: [String] = []
        for row in try values("observations-page-1.json") {
            let type = row["TypeGefailleerde"] as! String
            let period = row["Perioden"] as! String
            let id = "\(type)|\(period)"
            if wide[id] == nil {
                wide[id] = ["ID": order.count, "TypeGefailleerde": type + "  ", "Perioden": period]
                order.append(id)
            }
            wide[id]![topicKey[row["Measure"] as! String]!] = row["Value"] ?? NSNull()
        }
        return ODataV3Fixture(
            endpoints: [
                "TableInfos": json([
                    "value": [["Identifier": "82242NED", "Title": properties["Title"]!, "Modified": properties["Modified"]!, "Summary": ""]]
                ]),
                "DataProperties": json(["value": dataProperties]),
                "TypeGefailleerde": json(["value": types]),
                "Perioden": json(["value": periods]),
            ],
            typedDataSet: json(order.map { wide[$0]! })
        )
    }

    /// A small hand-written table with a region dimension, a text topic, and nulls whose `Default` differs.
    static let small = ODataV3Fixture(
        endpoints: [
            "TableInfos":
                #"{"odata.metadata":"x","value":[{"Identifier":"99999ned","Title":"WW-uitkeringen; regio","Modified":"2025-03-14T02:00:00"}]}"#,
            "DataProperties": #"""
            {"value":[
             {"odata.type":"Cbs.OData.GeoDimension","ID":0,"Type":"GeoDimension","Key":"RegioS","Title":"Regio's"},
             {"odata.type":"Cbs.OData.TimeDimension","ID":1,"Type":"TimeDimension","Key":"Perioden","Title":"Perioden"},
             {"odata.type":"Cbs.OData.GeoDetail","ID":2,"Type":"GeoDetail","Key":"Code_1","Title":"Code","Datatype":"String"},
             {"odata.type":"Cbs.OData.Topic","ID":3,"Type":"Topic","Key":"Naam_2","Title":"Naam","Datatype":"String"},
             {"odata.type":"Cbs.OData.Topic","ID":4,"Type":"Topic","Key":"WWUitkeringen_3","Title":"WW-uitkeringen","Unit":"x 1 000","Decimals":1,"Datatype":"Double","Default":"Missing"},
             {"odata.type":"Cbs.OData.Topic","ID":5,"Type":"Topic","Key":"Aandeel_4","Title":"Aandeel","Unit":"%","Decimals":1,"Datatype":"Double","Default":"Impossible"}
            ]}
            """#,
            "RegioS": #"{"value":[{"Key":"NL01    ","Title":"Nederland"},{"Key":"AM01    ","Title":"Groningen"}]}"#,
            "Perioden": #"""
            {"value":[{"Key":"2024KW03","Title":"2024 3e kwartaal","Status":"Nader voorlopig"},
             {"Key":"2024KW04","Title":"2024 4e kwartaal","Status":"Voorlopig"}]}
            """#,
        ],
        typedDataSet: #"""
            [{"ID":0,"RegioS":"NL01    ","Perioden":"2024KW03","Code_1":"NL01","Naam_2":"Nederland","WWUitkeringen_3":171.2,"Aandeel_4":1.9},
             {"ID":1,"RegioS":"NL01    ","Perioden":"2024KW04","Code_1":"NL01","Naam_2":"Nederland","WWUitkeringen_3":176.0,"Aandeel_4":2.0},
             {"ID":2,"RegioS":"AM01    ","Perioden":"2024KW03","Code_1":"AM01","Naam_2":"Groningen","WWUitkeringen_3":null,"Aandeel_4":null},
             {"ID":3,"RegioS":"AM01    ","Perioden":"2024KW04","Code_1":"AM01","Naam_2":"Groningen","WWUitkeringen_3":6.1,"Aandeel_4":2.3}]
            """#
    )

    /// The fixture with one `TypedDataSet` record's field replaced.
    func replacing(record: Int, field: String, with value: Any) throws -> ODataV3Fixture {
        var rows = try rows()
        rows[record][field] = value
        var copy = self
        copy.typedDataSet = Self.json(rows)
        return copy
    }
}

@Suite struct ODataV3ReaderTests {
    @Test func readsAHandWrittenTable() async throws {
        let finished = try await ODataV3Reader().read(.folder(try ODataV3Fixture.small.folder())).finish(file: "small")
        let dataset = finished.dataset
        #expect(dataset.id == "99999ned")
        #expect(dataset.source.licence == "CC BY 4.0")
        #expect(dataset.dimensions.map(\.code) == ["RegioS"])
        #expect(dataset.dimensions[0].kind == .geography)
        #expect(dataset.measures.map(\.code) == ["WWUitkeringen_3", "Aandeel_4"])
        #expect(dataset.measures[0].unit == "x 1 000" && dataset.measures[0].decimals == 1)
        #expect(finished.observationCount == 8)
        #expect(finished.publishedAt.map(ISO8601DateFormatter.day.string(from:)) == "2025-03-14")

        let store = try SQLiteStore()
        _ = try await store.load(finished, loadedAt: Date())
        let ww = try await store.query(
            ObservationQuery(dataset: "99999ned", measure: "WWUitkeringen_3", periods: PeriodRange(parsing: "2024KW03..2024KW04"))
        )
        #expect(ww.rows.count == 4)
        let byKey = Dictionary(uniqueKeysWithValues: ww.rows.map { ("\($0.members[0].code) \($0.period.code)", $0) })
        #expect(byKey["NL01 2024KW04"]?.value == 176.0)
        #expect(byKey["NL01 2024KW04"]?.status == .voorlopig)
        #expect(byKey["NL01 2024KW03"]?.status == .naderVoorlopig)
        #expect(byKey["AM01 2024KW03"]?.value == nil)
        #expect(byKey["AM01 2024KW03"]?.attribute == .notAvailable)
        let share = try await store.query(
            ObservationQuery(dataset: "99999ned", measure: "Aandeel_4", filters: [.init(dimension: "RegioS", members: ["AM01"])])
        )
        #expect(share.rows.map(\.attribute) == [.impossible, .present])
    }

    @Test func agreesWithTheV4ReaderOnTheSameTable() async throws {
        let v3 = try await ODataV3Reader().read(.folder(try ODataV3Fixture.from82242NED().folder(pages: 3))).finish(file: "v3")
        let v4 = try await ODataV4Reader().read(.folder(TestData.real("cbs-odata4-fixtures/82242NED"))).finish(file: "v4")
        #expect(v3.dataset.id == "82242NED")
        #expect(v3.dataset.dimensions.map(\.members) == v4.dataset.dimensions.map(\.members))
        #expect(v3.observationCount >= v4.observationCount)
        let store = try SQLiteStore()
        _ = try await store.load(v3, loadedAt: Date())
        let years = try await store.query(
            ObservationQuery(
                dataset: "82242NED",
                measure: "M001327_1",
                filters: [.init(dimension: "TypeGefailleerde", members: ["T001243"])],
                periods: PeriodRange(parsing: "2022JJ00..2024JJ00")
            )
        )
        #expect(years.rows.map(\.value) == [2432, 3599, 4659])
        // Every v4 observation with a value has the same value and status in v3.
        // Topic M001327_1 is measure M001327.
        let v3Series = Dictionary(uniqueKeysWithValues: try v3.allSeries().map { ("\($0.measure.split(separator: "_")[0]) \($0.members)", $0.data) })
        for series in try v4.allSeries() {
            let data = try #require(v3Series["\(series.measure) \(series.members)"])
            for (i, period) in series.data.periods.enumerated() where !series.data.values[i].isNaN {
                let j = try #require(data.periods.firstIndex(of: period))
                #expect(data.values[j] == series.data.values[i])
                #expect(data.flags[j] & 0x0F == series.data.flags[i] & 0x0F)
            }
        }
    }

    @Test func followsNextLinksWithoutTheAt() async throws {
        let fixture = try ODataV3Fixture.from82242NED()
        let fromFolder = try await ODataV3Reader().read(.folder(try fixture.folder())).finish(file: "f")
        try await serve(fixture, pages: 5) { base in
            let live = try await ODataV3Reader().read(.http(base)).finish(file: base.absoluteString)
            #expect(live.observationCount == fromFolder.observationCount)
            #expect(live.fingerprint == fromFolder.fingerprint)
        }
    }

    @Test func aFailureHalfwayStoresNothing() async throws {
        try await serve(try ODataV3Fixture.from82242NED(), pages: 4, failing: 2) { base in
            let store = try SQLiteStore()
            let error = try await #require(throws: IngestError.self) {
                _ = try await store.load(try await ODataV3Reader().read(.http(base)).finish(file: "x"), loadedAt: Date())
            }
            #expect(error.code == .unreadable)
            #expect(error.file.contains("TypedDataSet?page=2"))
            #expect(try await store.datasets().isEmpty)
        }
    }

    static let badRecords: [(field: String, value: String, code: IngestError.Code)] = [
        ("RegioS", "AM99    ", .unknownMember),
        ("Perioden", "2024XX04", .unknownPeriod),
        ("WWUitkeringen_3", "veel", .notANumber),
    ]

    @Test(arguments: badRecords)
    func aBadRecordIsNamed(field: String, value: String, code: IngestError.Code) async throws {
        let folder = try ODataV3Fixture.small.replacing(record: 2, field: field, with: value).folder()
        let error = try await #require(throws: IngestError.self) { try await ODataV3Reader().read(.folder(folder)) }
        #expect(error.code == code)
        #expect(error.row == 3)
        #expect(error.column == field)
        #expect(error.file.hasSuffix("typed-data-set-page-1.json"))
        #expect(!error.fix.english.isEmpty)
    }

    @Test func aRecordWithoutADimensionIsNamed() async throws {
        var rows = try ODataV3Fixture.small.rows()
        rows[1].removeValue(forKey: "RegioS")
        var fixture = ODataV3Fixture.small
        fixture.typedDataSet = ODataV3Fixture.json(rows)
        let error = try await #require(throws: IngestError.self) { try await ODataV3Reader().read(.folder(try fixture.folder())) }
        #expect(error.code == .missingColumn && error.row == 2 && error.column == "RegioS")
    }

    @Test func aTableWithoutPeriodsIsRefused() async throws {
        var fixture = ODataV3Fixture.small
        fixture.endpoints["DataProperties"] = fixture.endpoints["DataProperties"]!.replacingOccurrences(
            of: "\"TimeDimension\"",
            with: "\"Dimension\""
        )
        let error = try await #require(throws: IngestError.self) { try await ODataV3Reader().read(.folder(try fixture.folder())) }
        #expect(error.code == .malformed)
        #expect(error.message.english.contains("TimeDimension"))
    }

    @Test func findsSavedFoldersAndLiveURLs() throws {
        #expect(ODataV3Reader.isFolder(try ODataV3Fixture.small.folder()))
        #expect(!ODataV3Reader.isFolder(TestData.real("cbs-odata4-fixtures/82242NED")))
        #expect(ODataV3Reader.isV3(URL(string: "https://opendata.cbs.nl/ODataApi/odata/80472ned")!))
        #expect(ODataV3Reader.isV3(URL(string: "https://opendata.cbs.nl/ODataFeed/odata/80472ned")!))
        #expect(!ODataV3Reader.isV3(URL(string: "https://datasets.cbs.nl/odata/v1/CBS/85880NED")!))
    }

    /// Serves a fixture at `/CBS/82242NED/<endpoint>`, `TypedDataSet` in `pages` pages linked by `odata.nextLink`;
    /// page `failing` answers 500.
    func serve(_ fixture: ODataV3Fixture, pages: Int, failing: Int? = nil, _ body: (URL) async throws -> Void) async throws {
        try await ReplayServer.run(
            table: "82242NED",
            answer: { endpoint, page, base in
                if endpoint == "TypedDataSet" {
                    if page == failing { throw HTTPError(.internalServerError) }
                    return try ReplayServer.page(
                        page,
                        of: try fixture.rows(),
                        count: pages,
                        endpoint: endpoint,
                        base: base,
                        nextLinkKey: "odata.nextLink"
                    )
                }
                guard let text = fixture.endpoints[endpoint] else { throw HTTPError(.notFound) }
                return text
            },
            body
        )
    }
}
