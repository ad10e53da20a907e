import Foundation
import KrapteCore
import KrapteIngest
import KrapteTesting
import Testing

@Suite struct TidyCSVReaderTests {
    func mapping(_ json: String) throws -> TidyMapping {
        try TidyMapping.load(try TestData.file("mapping.json", json))
    }

    let long = """
        {"dataset": "uwv-test", "publisher": "UWV", "separator": ";", "decimal": ",", "thousands": ".",
         "period": "periode", "status": "status",
         "dimensions": [{"column": "regio", "code": "RegioS"}, {"column": "beroep", "code": "Beroep"}],
         "measureColumn": "onderwerp", "valueColumn": "waarde",
         "measures": [{"code": "vacatures", "unit": "aantal", "kind": "stock"}, {"code": "ww", "unit": "aantal"}]}
        """

    @Test func readsALongFileWithDutchNumbers() throws {
        let csv =
            "periode;regio;beroep;onderwerp;waarde;status\n2024KW04;AM13;0811;vacatures;22.600;voorlopig\n2024 4e kwartaal;Midden-Utrecht (AM);0811;ww;2.935,5;\n"
        let finished = try TidyCSVReader(mapping: try mapping(long)).read(try TestData.file("t.csv", csv)).finish(file: "t.csv")
        #expect(finished.observationCount == 2)
        let v = try finished.allSeries().first { $0.measure == "vacatures" }!
        #expect(v.members == ["AM13", "0811"])
        #expect(v.data.observation(at: 0).value == 22_600 && v.data.observation(at: 0).status == .voorlopig)
        #expect(try finished.allSeries().first { $0.measure == "ww" }!.data.observation(at: 0).value == 2_935.5)
        // The mapping gives no decimals: they come from the values, read with the file's decimal comma.
        #expect(finished.dataset.measures.map(\.decimals) == [0, 1] && finished.dataset.measures.allSatisfy { $0.decimalsInferred })
    }

    /// Decimals the mapping gives are kept, even where the values have more or fewer.
    @Test func decimalsTheMappingGivesAreKept() throws {
        let m = try mapping(long.replacingOccurrences(of: "\"unit\": \"aantal\", \"kind\"", with: "\"unit\": \"aantal\", \"decimals\": 2, \"kind\""))
        let csv = "periode;regio;beroep;onderwerp;waarde;status\n2024KW04;AM13;0811;vacatures;22.600;\n2024KW04;AM13;0811;ww;2.935,25;\n"
        let measures = try TidyCSVReader(mapping: m).read(try TestData.file("t.csv", csv)).dataset.measures
        #expect(measures.map(\.decimals) == [2, 2])
        #expect(measures.map(\.decimalsInferred) == [false, true])
    }

    @Test func readsWindows1252WhenDeclared() throws {
        let m = try mapping(
            """
            {"dataset": "d", "encoding": "windows-1252", "period": "p", "dimensions": [{"column": "s", "codeList": "none"}],
             "measures": [{"code": "v", "column": "v"}]}
            """
        )
        var bytes = Array("p,s,v\n2024JJ00,Commerci".utf8) + [0xEB] + Array("le dienstverlening,1\n".utf8)
        let release = try TidyCSVReader(mapping: m).read(try TestData.file("t.csv", bytes: bytes))
        #expect(release.dataset.dimensions[0].members[0].label == "Commerciële dienstverlening")
        bytes = Array("p,s,v\n2024JJ00,Commerci".utf8) + [0xEB] + Array("le,1\n".utf8)
        var utf8 = m
        utf8.encoding = nil
        let error = try #require(throws: IngestError.self) { try TidyCSVReader(mapping: utf8).read(try TestData.file("t.csv", bytes: bytes)) }
        #expect(error.code == .encoding && error.row == 2 && error.column == "s" && error.fix.english.contains("windows-1252"))
    }

    static let badRows: [(String, IngestError.Code, Int, String?)] = [
        ("periode;regio;beroep;onderwerp;waarde\n", IngestError.Code.missingColumn, 1, "status"),
        ("periode;regio;beroep;onderwerp;waarde;status\n2024KW04;AM13;0811;vacatures;veel;\n", .notANumber, 2, "waarde"),
        ("periode;regio;beroep;onderwerp;waarde;status\n2024KW04;AM77;0811;vacatures;1;\n", .unknownMember, 2, "regio"),
        ("periode;regio;beroep;onderwerp;waarde;status\n2024KW04;AM13;0811;banen;1;\n", .unknownMember, 2, "onderwerp"),
        ("periode;regio;beroep;onderwerp;waarde;status\n2024Q4;AM13;0811;vacatures;1;\n", .unknownPeriod, 2, "periode"),
        ("periode;regio;beroep;onderwerp;waarde;status\n2024KW04;AM13;0811;vacatures;1;misschien\n", .malformed, 2, "status"),
        ("periode;regio;beroep;onderwerp;waarde;status\n2024KW04;AM13;0811;vacatures\n", .raggedRow, 2, nil),
    ]

    @Test(arguments: badRows)
    func badRowsAreNamed(csv: String, code: IngestError.Code, row: Int, column: String?) throws {
        let error = try #require(throws: IngestError.self) { try TidyCSVReader(mapping: try mapping(long)).read(try TestData.file("t.csv", csv)) }
        #expect(error.code == code)
        #expect(error.row == row)
        #expect(error.column == column)
    }

    @Test func aBadMappingIsNamed() throws {
        let error = try #require(throws: IngestError.self) { try mapping("{\"dataset\": \"d\", \"dimensions\": [], \"measures\": []}") }
        #expect(error.code == .mapping && error.column == "period")
    }

    /// A missing-value token that starts with a digit could hide a number; a label column beside a code list would
    /// contradict it. Both are named by their field before the file is read.
    @Test func badTokensAndLabelColumnsAreNamed() throws {
        let csv = try TestData.file("t.csv", "jaar,land,naam,waarde\n2024,NL,Nederland,1\n")
        let token = try mapping(
            """
            {"dataset": "d", "period": "jaar", "missing": ["NA", "0"], "dimensions": [{"column": "land"}],
             "measures": [{"code": "waarde"}]}
            """
        )
        let e1 = try #require(throws: IngestError.self) { try TidyCSVReader(mapping: token).read(csv) }
        #expect(e1.code == .mapping && e1.column == "missing[1]")
        let label = try mapping(
            """
            {"dataset": "d", "period": "jaar", "dimensions": [{"column": "land", "labelColumn": "naam", "codeList": "regio"}],
             "measures": [{"code": "waarde"}]}
            """
        )
        let e2 = try #require(throws: IngestError.self) { try TidyCSVReader(mapping: label).read(csv) }
        #expect(e2.code == .mapping && e2.column == "dimensions[0].labelColumn")
    }

    @Test func theSyntheticCubeWritesAndReadsBack() throws {
        let url = try TestData.temporaryFolder().appendingPathComponent("cube.csv")
        try SyntheticCube.sized(occupations: 5, regions: 4, quarters: 8).writeTidyCSV(to: url, observations: 1_000)
        let m = try mapping(
            """
            {"dataset": "cube", "period": "period", "status": "status",
             "dimensions": [{"column": "region", "code": "RegioS"}, {"column": "sector", "code": "Sector"}, {"column": "occupation", "code": "Beroep"}],
             "measureColumn": "measure", "valueColumn": "value", "measures": [{"code": "vacatures"}, {"code": "ww_kort"}]}
            """
        )
        #expect(try TidyCSVReader(mapping: m).read(url).finish(file: "cube").observationCount == 1_000)
    }
}

@Suite struct DemoDataTests {
    @Test func theDemoCubeReproducesThePublishedICTFigures() throws {
        let releases = try DemoData.releases()
        let cube = try #require(releases.first { $0.dataset.id == "demo-spanning" })
        let q = Period.quarter(2024, 4)!.storageKey
        let series = try cube.allSeries()
        func total(_ measure: String) -> Double {
            series.filter { $0.measure == measure && $0.members[0].hasPrefix("08") }.reduce(0) { sum, s in
                sum + (s.data.periods.firstIndex(of: q).map { s.data.values[$0] } ?? 0)
            }
        }
        #expect(total("OpenstaandeVacatures") == 22_600)
        let tension = total("OpenstaandeVacatures") / total("WWKorterDan6Maanden")
        #expect((tension * 10).rounded() / 10 == 7.7)
        #expect(
            releases.map(\.dataset.id) == [
                "demo-faillissementen", "demo-arbeidsproductiviteit", "demo-vacatures", "demo-spanning", "werkgeversenquete-synthetisch",
            ]
        )
    }
}
