import Foundation
import KrapteCore
import KrapteIngest
import KrapteSQLite
import KrapteTesting
import Testing

/// `IndicatorEngine` over a real store: definitions from files, results stored as derived datasets with their
/// provenance, and wrong definitions refused with the place named.
@Suite struct IndicatorEngineTests {
    /// Loads a dataset `id` with dimensions Beroep and RegioS and measures `v` (aantal), `w` (aantal) and
    /// `p` (%): `values[(beroep, regio, measure)]` is one value per quarter from 2022KW01, the last one voorlopig.
    func load(
        _ store: SQLiteStore,
        id: String = "cube",
        _ values: [String: [Double?]],
        publishedAt: Date? = nil,
        years: [String: Double] = [:],
        codeLists: Bool = false
    ) async throws -> LoadOutcome {
        var release = try Release(
            dataset: Dataset(
                id: id,
                title: id,
                source: Source(publisher: "UWV", location: "test", licence: "CC BY 4.0"),
                dimensions: [
                    KrapteCore.Dimension(code: "Beroep", title: "Beroep", codeList: codeLists ? "brc2014" : nil),
                    KrapteCore.Dimension(code: "RegioS", title: "Regio", kind: .geography, codeList: codeLists ? "regio" : nil),
                ],
                measures: [
                    Measure(code: "v", title: "Vacatures", unit: "aantal"), Measure(code: "w", title: "WW", unit: "aantal"),
                    Measure(code: "p", title: "Aandeel", unit: "%", kind: .rate),
                ]
            ),
            format: "test",
            publishedAt: publishedAt
        )
        var row = 0
        for (key, series) in values.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "/").map(String.init)
            let members = [
                release.memberIndex(Member(code: parts[0], label: "Beroep \(parts[0])"), dimension: 0),
                release.memberIndex(Member(code: parts[1], label: "Regio \(parts[1])"), dimension: 1),
            ]
            let measure = ["v": 0, "w": 1, "p": 2][parts[2]]!
            for (q, value) in series.enumerated() {
                row += 1
                let status: ObservationStatus = q == series.count - 1 ? .voorlopig : .definitief
                release.append(
                    SeriesKey(measure: measure, members: members),
                    period: Period.quarter(2022, 1)!.advanced(by: q)!,
                    value: value,
                    status: status,
                    row: row
                )
            }
            if let y = years[key] {
                row += 1
                release.append(SeriesKey(measure: measure, members: members), period: Period.year(2022)!, value: y, row: row)
            }
        }
        return try await store.load(release.finish(file: id), loadedAt: Date())
    }

    func engine(_ store: SQLiteStore, _ json: String) throws -> IndicatorEngine {
        IndicatorEngine(store: store, definitions: try IndicatorDefinitions(decoding: Data(json.utf8), file: "defs.json"))
    }

    static let cube: [String: [Double?]] = [
        "0811/AM01/v": [100, 120, 150, 90, 80, 60],
        "0811/AM01/w": [50, 40, 30, 45, 0, 20],
        "0811/AM02/v": [10, 12, nil, 9, 8, 6],
        "0811/AM02/w": [5, 4, 3, 4, 4, 3],
        "0911/AM01/v": [7, 7, 7, 7, 7, 7],
        "0911/AM01/w": [70, 7, 3, 2, 1, 1],
        "0811/NL01/w": [55, 44, 33, 49, 4, 23],
        "0811/AM01/p": [1, 2, 3, 4, 5, 6],
    ]

    static let spanning = """
        {"indicators": [{"id": "spanning", "title": "Spanning", "operation": "spanningsindicator", "unit": "ratio", "decimals": 2,
          "inputs": {"vacancies": {"dataset": "cube", "measure": "v", "where": {"RegioS": ["AM01", "AM02"]}},
                     "ww": {"dataset": "cube", "measure": "w", "where": {"RegioS": ["AM01", "AM02"]}}}},
          {"id": "spanning-yoy", "operation": "change", "parameters": {"base": "periodsBack:4"},
           "inputs": {"input": {"dataset": "spanning", "measure": "spanning"}}}]}
        """

    @Test func theSpanningsindicatorIsStoredWithItsTyperingStatusAndInputs() async throws {
        let store = try SQLiteStore()
        let input = try await load(store, Self.cube)
        let (computed, outcome) = try await engine(store, Self.spanning).computeAndStore("spanning")
        #expect(!outcome.unchanged)
        #expect(computed.series.map { $0.members.map(\.code) } == [["0811", "AM01"], ["0811", "AM02"], ["0911", "AM01"]])
        let result = try await store.query(
            ObservationQuery(dataset: "spanning", measure: "spanning", filters: [.init(dimension: "Beroep", members: ["0811"])])
        )
        let am01 = try #require(result.timeSeries().first { $0.members[1].code == "AM01" }?.series)
        let q = { (n: Int) in Period.quarter(2022, 1)!.advanced(by: n)! }
        #expect(am01.value(at: q(0)) == 2)
        #expect(am01[q(4)]?.value == nil && am01[q(4)]?.attribute == .impossible)  // no WW: no ratio, not infinity
        #expect(am01[q(5)]?.status == .voorlopig && am01[q(5)]?.inputs == [q(5)])
        let am02 = try #require(result.timeSeries().first { $0.members[1].code == "AM02" }?.series)
        #expect(am02[q(2)]?.value == nil && am02[q(2)]?.attribute == .notAvailable)
        let types = try await store.query(ObservationQuery(dataset: "spanning", measure: IndicatorEngine.typeringMeasure))
        // 100/50 = 2 krap, 120/40 = 3 krap, 150/30 = 5 zeer krap, 90/45 = 2 krap, 60/20 = 3 krap; 7/70 = 0,1 zeer ruim.
        #expect(types.rows.filter { $0.members[1].code == "AM01" && $0.members[0].code == "0811" }.map(\.value) == [3, 3, 4, 3, 3])
        #expect(types.rows.first { $0.members[0].code == "0911" }?.value == 0)
        let derivation = try #require(result.dataset.derivation)
        #expect(derivation.inputs.map(\.vintage) == [input.vintage.id, input.vintage.id])
        #expect(derivation.inputs.map(\.role) == ["vacancies", "ww"])
        #expect(derivation.inputs[0].members == ["RegioS": ["AM01", "AM02"]])
        #expect(result.dataset.source.citation == "Bron: UWV (cube); bewerking Krapte")
        #expect(result.dataset.source.licence == "CC BY 4.0")
    }

    @Test func recomputingIsANoOpUntilAnInputHasANewVintage() async throws {
        let store = try SQLiteStore()
        _ = try await load(store, Self.cube)
        let engine = try engine(store, Self.spanning)
        let first = try await engine.computeAndStore("spanning").1
        #expect(try await engine.computeAndStore("spanning").1.unchanged)
        var revised = Self.cube
        revised["0811/AM01/v"] = [100, 120, 150, 90, 80, 66]
        let newInput = try await load(store, revised)
        let (_, second) = try await engine.computeAndStore("spanning")
        #expect(!second.unchanged && second.vintage.id > first.vintage.id)
        let old = try await store.metadata(of: "spanning", vintage: first.vintage.id)
        let new = try await store.metadata(of: "spanning", vintage: second.vintage.id)
        #expect(new.derivation?.inputs.first?.vintage == newInput.vintage.id)
        #expect(old.derivation?.inputs.first?.vintage != newInput.vintage.id)
        // An indicator over a derived dataset: the change of the spanningsindicator over four quarters.
        let (yoy, _) = try await engine.computeAndStore("spanning-yoy")
        let series = try #require(yoy.series.first { $0.members.map(\.code) == ["0811", "AM01"] }?.series)
        #expect(series.periods == [Period.quarter(2023, 1)!, Period.quarter(2023, 2)!])
        let expected: Double = (66.0 / 20 / 3 - 1) * 100
        #expect(series[Period.quarter(2023, 2)!]?.value == expected)
        #expect(series[Period.quarter(2023, 2)!]?.inputs == [Period.quarter(2022, 2)!, Period.quarter(2023, 2)!])
    }

    @Test func aNationalInputIsUsedForEveryRegionAndSeriesListsSumMembers() async throws {
        let store = try SQLiteStore()
        _ = try await load(store, Self.cube)
        let json = """
            {"indicators": [
              {"id": "regio-aandeel", "operation": "share",
               "inputs": {"part": {"dataset": "cube", "measure": "w", "where": {"Beroep": ["0811"], "RegioS": ["AM01", "AM02"]}},
                          "total": {"dataset": "cube", "measure": "w", "where": {"Beroep": ["0811"], "RegioS": ["NL01"]}}}},
              {"id": "groep", "operation": "value", "seriesDimension": "Groep",
               "inputs": {"input": {"dataset": "cube", "measure": "v"}},
               "series": [{"code": "ict", "label": "ICT", "inputs": {"input": {"where": {"Beroep": ["0811"], "RegioS": ["AM01", "AM02"]},
                                                                                "sumOver": ["RegioS"]}}}]}]}
            """
        let engine = try engine(store, json)
        let share = try await engine.compute("regio-aandeel")
        #expect(share.dataset.dimensions.map(\.code) == ["RegioS"])
        #expect(share.series[0].series.value(at: Period.quarter(2022, 1)!) == 50.0 / 55 * 100)
        let group = try await engine.compute("groep")
        #expect(group.dataset.dimensions.map(\.title) == ["Groep"])
        // 2022KW03 has no value in AM02: the sum has none either, rather than a partial total.
        #expect(group.series[0].series.points.map(\.value) == [110, 132, nil, 99, 88, 66])
        #expect(group.dataset.derivation?.inputs.first?.sumOver == ["RegioS"])
    }

    /// Three BRC groups in two classes, in two arbeidsmarktregio's: what the spanningsindicator dashboard adds up.
    static let occupations: [String: [Double?]] = [
        "0811/AM01/v": [100, 120], "0811/AM01/w": [10, 40],
        "0812/AM01/v": [30, 10], "0812/AM01/w": [30, 20],
        "0811/AM02/v": [50, nil], "0811/AM02/w": [5, 8],
        "1011/AM02/v": [8, 9], "1011/AM02/w": [4, 3],
    ]

    @Test func rollingUpAddsTheInputsIntoEveryLevelOfTheHierarchyBeforeDividing() async throws {
        let store = try SQLiteStore()
        _ = try await load(store, Self.occupations, codeLists: true)
        let json = """
            {"indicators": [{"id": "spanning", "operation": "spanningsindicator", "unit": "ratio", "decimals": 2,
              "inputs": {"vacancies": {"dataset": "cube", "measure": "v", "rollUp": ["Beroep", "RegioS"]},
                         "ww": {"dataset": "cube", "measure": "w", "rollUp": ["Beroep", "RegioS"]}}},
              {"id": "twice", "operation": "value",
               "inputs": {"input": {"dataset": "spanning", "measure": "spanning", "rollUp": ["Beroep"]}}}]}
            """
        let engine = try engine(store, json)
        let computed = try await engine.compute("spanning")
        let q1 = Period.quarter(2022, 1)!
        let q2 = Period.quarter(2022, 2)!
        func value(_ beroep: String, _ regio: String, _ period: Period) -> Double? {
            computed.series.first { $0.members.map(\.code) == [beroep, regio] }?.series.value(at: period)
        }
        // By hand: ICT (class 08, segment 081) in AM01 in 2022KW01 is (100 + 30) / (10 + 30), not the mean of 10 and 1.
        #expect(value("081", "AM01", q1) == 130.0 / 40)
        #expect(value("08", "AM01", q1) == 130.0 / 40)
        // Nederland: every group in both regions, (100 + 30 + 50 + 8) / (10 + 30 + 5 + 4).
        #expect(value("totaal", "NL01", q1) == 188.0 / 49)
        #expect(value("08", "NL01", q1) == 180.0 / 45)
        #expect(value("10", "NL01", q1) == 8.0 / 4)
        // AM02 has no vacancies for 0811 in 2022KW02: every sum that holds it has no value rather than a partial one.
        #expect(value("0811", "AM02", q2) == nil && value("08", "NL01", q2) == nil && value("totaal", "NL01", q2) == nil)
        #expect(value("08", "AM01", q2) == 130.0 / 60)
        // The members are those of the data and their ancestors, in the code list's order, with BRC's labels.
        let beroep = computed.dataset.dimensions[0].members
        #expect(beroep.map(\.code) == ["totaal", "08", "081", "0811", "0812", "10", "101", "1011"])
        #expect(beroep.first { $0.code == "08" }?.label == "08 ICT beroepen")
        #expect(computed.dataset.dimensions[1].members.map(\.code) == ["NL01", "AM01", "AM02"])
        #expect(computed.dataset.derivation?.inputs.map(\.rollUp) == [["Beroep", "RegioS"], ["Beroep", "RegioS"]])
        // Rolling up again what holds its own totals would count them twice: refused, with the members named.
        _ = try await engine.computeAndStore("spanning")
        let error = try await #require(throws: DefinitionError.self) { try await engine.compute("twice") }
        #expect(error.path.hasSuffix("inputs.input.rollUp") && error.message.english.contains("would be counted twice"), "\(error)")
    }

    static let mistakes: [(String, String, String)] = [
        (#""input": {"dataset": "nope", "measure": "v"}"#, "inputs.input.dataset", "no dataset 'nope'"),
        (#""input": {"dataset": "cube", "measure": "x"}"#, "inputs.input.measure", "no measure 'x'"),
        (#""input": {"dataset": "cube", "measure": "v", "where": {"Sector": ["J"]}}"#, "inputs.input.where.Sector", "no dimension 'Sector'"),
        (#""input": {"dataset": "cube", "measure": "v", "where": {"RegioS": ["AM99"]}}"#, "inputs.input.where.RegioS", "no member 'AM99'"),
        (#""input": {"dataset": "cube", "measure": "v", "sumOver": ["Sector"], "where": {"Sector": ["J"]}}"#, "where.Sector", "no dimension"),
        (#""input": {"dataset": "cube", "measure": "w", "sumOver": ["RegioS"]}"#, "inputs.input.sumOver", "NL01 (Regio NL01) is a total"),
        (#""input": {"dataset": "cube", "measure": "v", "rollUp": ["Beroep"]}"#, "inputs.input.rollUp", "Beroep has no hierarchy"),
        (#""input": {"dataset": "cube", "measure": "v", "rollUp": ["Sector"]}"#, "inputs.input.rollUp", "no dimension 'Sector'"),
        (
            #""input": {"dataset": "cube", "measure": "v", "where": {"RegioS": ["AM01", "AM02"]}, "sumOver": ["RegioS"], "rollUp": ["RegioS"]}"#,
            "inputs.input.rollUp", "RegioS is in both"
        ),
    ]

    @Test(arguments: mistakes)
    func aDefinitionThatDoesNotFitTheStoreIsRefused(input: String, path: String, message: String) async throws {
        let store = try SQLiteStore()
        _ = try await load(store, Self.cube)
        let json = "{\"indicators\": [{\"id\": \"i\", \"operation\": \"value\", \"inputs\": {\(input)}}]}"
        let error = try await #require(throws: DefinitionError.self) { try await engine(store, json).compute("i") }
        #expect(error.path.hasPrefix("indicators[0] (i)") && error.path.contains(path), "\(error)")
        #expect(error.message.english.contains(message), "\(error)")
        #expect(try await store.datasets().map(\.id) == ["cube"])
    }

    @Test func mismatchedUnitsPeriodsAndDimensionsAreRefused() async throws {
        let store = try SQLiteStore()
        _ = try await load(store, Self.cube, years: ["0811/AM01/w": 40])
        _ = try await load(store, id: "other", Self.cube)
        let json = """
            {"indicators": [
              {"id": "units", "operation": "share", "inputs": {"part": {"dataset": "cube", "measure": "v"}, "total": {"dataset": "cube", "measure": "p"}}},
              {"id": "periods", "operation": "ratio", "inputs": {"numerator": {"dataset": "cube", "measure": "v", "frequency": "quarter"},
                                                                 "denominator": {"dataset": "cube", "measure": "w", "frequency": "year"}}},
              {"id": "dims", "operation": "ratio", "inputs": {"numerator": {"dataset": "cube", "measure": "v", "where": {"RegioS": ["AM01"]}},
                                                              "denominator": {"dataset": "cube", "measure": "w", "where": {"Beroep": ["0811"]}}}},
              {"id": "many", "operation": "value", "inputs": {"input": {"dataset": "cube", "measure": "v"}},
               "series": [{"code": "a", "inputs": {"input": {"where": {"Beroep": ["0811"]}}}}]},
              {"id": "cube", "operation": "value", "inputs": {"input": {"dataset": "other", "measure": "v"}}}]}
            """
        let engine = try engine(store, json)
        let units = try await #require(throws: DefinitionError.self) { try await engine.compute("units") }
        #expect(units.message.english.contains("'aantal'") && units.message.english.contains("'%'"), "\(units)")
        let periods = try await #require(throws: DefinitionError.self) { try await engine.compute("periods") }
        #expect(
            periods.message.english.contains("no period in common") && periods.message.english.contains("denominator has 2022JJ00..2022JJ00 (year)")
                && periods.message.description.contains("denominator heeft 2022JJ00..2022JJ00 (jaar)"),
            "\(periods)"
        )
        let dims = try await #require(throws: DefinitionError.self) { try await engine.compute("dims") }
        #expect(dims.message.english.contains("numerator over Beroep; denominator over RegioS"), "\(dims)")
        let many = try await #require(throws: DefinitionError.self) { try await engine.compute("many") }
        #expect(many.path.contains("series[0] (a) inputs.input") && many.message.english.contains("selects 2 series"), "\(many)")
        let clash = try await #require(throws: DefinitionError.self) { try await engine.computeAndStore("cube") }
        #expect(clash.message.english.contains("never overwritten"))
        #expect(try await store.vintages(of: "cube").count == 1)
        #expect(try await store.metadata(of: "cube", vintage: 1).derivation == nil)
    }

    /// The seed 000 table from the real CBS tables, through the shipped definitions, and stored with the vintages
    /// of 85880NED and 85920NED.
    @Test func theShippedProductivityDefinitionsReproduceSeed000() async throws {
        let store = try SQLiteStore()
        var vintages: [String: Int64] = [:]
        for file in ["cbs-productiviteit/85880NED.csv", "cbs-productiviteit/85920NED.csv"] {
            let url = TestData.real(file)
            let outcome = try await store.load(try CBSCSVReader().read(url, metadata: nil).finish(file: url.path), loadedAt: Date())
            vintages[outcome.vintage.dataset] = outcome.vintage.id
        }
        let engine = IndicatorEngine(store: store, definitions: .shipped)
        let growth = try await engine.computeAndStore("arbeidsproductiviteit-groei").0
        let last2 = try await engine.computeAndStore("arbeidsproductiviteit-laatste-2-jaar").0
        let last3 = try await engine.computeAndStore("arbeidsproductiviteit-laatste-3-jaar").0
        let labels = ["Totaal", "Informatie en communicatie", "Commerciële dienstverlening"]
        #expect(growth.dataset.dimensions[0].members.map(\.label) == labels)
        func matches(_ c: IndicatorEngine.Computed, _ label: String, _ year: Int, _ published: Double) -> Bool {
            guard let v = c.series.first(where: { $0.members[0].label == label })?.series.value(at: Period.year(year)!) else { return false }
            return abs((v * 10).rounded() / 10 - published) <= 0.1 + 1e-9
        }
        let published = try SeedFigureTests().publication("arbeidsproductiviteit-groei.csv")
        #expect(published.count >= 12)
        for row in published {
            #expect(matches(growth, row["sector"]!, Int(row["periode"]!)!, Double(row["groei_pct_tov_vorig_jaar"]!)!), "\(row)")
        }
        for row in try SeedFigureTests().publication("arbeidsproductiviteit-ontwikkeling-gepubliceerd.csv") {
            #expect(matches(last2, row["sector"]!, 2024, Double(row["ontwikkeling_laatste_2_jaar_pct"]!)!), "\(row)")
            #expect(matches(last3, row["sector"]!, 2024, Double(row["ontwikkeling_laatste_3_jaar_pct"]!)!), "\(row)")
        }
        let inputs = try #require(growth.dataset.derivation?.inputs)
        #expect(inputs.count == 6)
        #expect(inputs.allSatisfy { $0.vintage == vintages[$0.dataset] })
        let gn = try #require(inputs.first { $0.series == "G-N" && $0.role == "hours" })
        #expect(gn.members["BedrijfstakkenBranchesSBI2008"] == ["G-I", "J", "K", "L", "M-N"] && gn.sumOver == ["BedrijfstakkenBranchesSBI2008"])
        let y2024 = try #require(growth.series[0].series[Period.year(2024)!])
        #expect(y2024.inputs == [Period.year(2024)!, Period.year(2023)!])
        #expect(last3.dataset.derivation?.inputs.first?.dataset == "arbeidsproductiviteit-groei")
    }
}
