import Foundation
import KrapteCore
import KrapteRender
import KrapteTesting
import Testing

@testable import KrapteIngest

/// Reading and estimating a survey from its files: every wrong file named by row and column, suppression that
/// leaves nothing behind, and the comparison of two waves.
@Suite struct SurveyFileTests {
    static let design = """
        {"dataset": "t", "strata": ["sector", "size"], "minimumRespondents": 3,
         "questions": [{"name": "q", "categories": ["Ja", "Nee"]}], "domains": [[], ["sector"]]}
        """
    static let population =
        "wave,sector,size,N\n2025,C,klein,100\n2025,C,groot,20\n2025,J,klein,50\n2024,C,klein,90\n2024,C,groot,25\n2024,J,klein,40\n"
    static let responses = """
        id,wave,sector,size,q
        1,2025,C,klein,Ja
        2,2025,C,klein,Nee
        3,2025,C,klein,
        4,2025,C,groot,Ja
        5,2025,C,groot,Ja
        6,2025,J,klein,Nee
        7,2025,J,klein,Ja
        8,2024,C,klein,Nee
        9,2024,C,klein,Nee
        10,2024,C,groot,Ja
        11,2024,C,groot,Nee
        12,2024,J,klein,Ja
        13,2024,J,klein,Ja
        14,2024,J,klein,Nee

        """

    static func read(
        responses: String = responses,
        population: String = population,
        design: String = design
    ) throws -> (SurveyEstimator, SurveyMicrodata) {
        let folder = try TestData.temporaryFolder()
        try Data(responses.utf8).write(to: folder.appendingPathComponent("responses.csv"))
        try Data(population.utf8).write(to: folder.appendingPathComponent("population.csv"))
        let spec = try SurveySpecification(decoding: Data(design.utf8), file: "design.json")
        let data = try SurveyFileReader(spec).read(
            responses: folder.appendingPathComponent("responses.csv"),
            population: folder.appendingPathComponent("population.csv")
        )
        return (SurveyEstimator(spec), data)
    }

    @Test func weightsCountEveryRespondentOfTheStratumAndSharesThoseWhoAnswered() throws {
        let (estimator, data) = try Self.read()
        let rows = try estimator.estimate(data, waves: ["2025"])
        let overall = try #require(rows.first { $0.domainType == "overall" && $0.category == "Ja" }?.estimate)
        // C/klein: 3 respondents (one skipped), weight 100/3; C/groot: 20/2; J/klein: 50/2.
        let ja: Double = 100.0 / 3 + 20 + 25
        let answered: Double = 200.0 / 3 + 20 + 50
        #expect(abs(overall.weightedCategory.estimate - ja) < 1e-9)
        #expect(abs(overall.weightedRespondents - answered) < 1e-9)
        let share = try #require(overall.share)
        #expect(abs(share.estimate - ja / answered) < 1e-12)
        #expect(overall.respondents == 6 && overall.categoryRespondents == 4)
        // Sector J has 2 respondents, fewer than 3: suppressed, and nothing of it is written but n_domain.
        let csv = SurveyDocument.estimates(rows)
        #expect(csv.hasPrefix(SurveyDocument.estimateColumns.joined(separator: ",") + "\n"))
        for line in csv.split(separator: "\n") where line.contains(",sector,J,") {
            #expect(line.hasSuffix(",,,,,,,2,,,,"), "\(line)")
        }
        let sectorJ = rows.filter { $0.domain == "J" }
        #expect(!sectorJ.isEmpty && sectorJ.allSatisfy { $0.suppressed })
    }

    @Test func twoWavesAreComparedAsIndependentSamples() throws {
        let (estimator, data) = try Self.read()
        let rows = try estimator.estimate(data)
        let pairs = SurveyComparison.pairs(rows, first: "2024", second: "2025")
        let total = try #require(pairs.first { $0.domainType == "overall" && $0.category == "Ja" })
        let change = try #require(total.change)
        let (a, b) = (try #require(total.first?.estimate?.share), try #require(total.second?.estimate?.share))
        let se = (a.se * a.se + b.se * b.se).squareRoot()
        #expect(change.change == b.estimate - a.estimate && change.se() == se)
        #expect(change.interval() == (change.change - SurveyEstimate.z975 * se, change.change + SurveyEstimate.z975 * se))
        let z = try #require(change.z())
        let p = try #require(change.pValue())
        #expect(abs(p - erfc(abs(z) / 2.0.squareRoot())) < 1e-15)
        #expect(change.isSignificant == (p < 0.05))
        // Sector J is suppressed in 2025: no comparison, but both n.
        let j = try #require(pairs.first { $0.domain == "J" && $0.category == "Ja" })
        #expect(j.change == nil)
        let csv = SurveyDocument.comparisons(pairs, first: "2024", second: "2025")
        #expect(csv.hasPrefix("question,domain_type,domain,category,share_2024,share_2025,change,se_change,ci_low,ci_high,z,p_value,"))
        #expect(csv.contains("q,sector,J,Ja,,,,,,,,,,,,3,2\n"))
    }

    static let wrongFiles: [(String, String, String)] = [
        (
            responses.replacingOccurrences(of: "6,2025,J,klein,Nee", with: "6,2025,J,klein,Misschien"), "responses.csv, row 7, column q",
            "'Misschien' is not an answer category"
        ),
        (
            responses.replacingOccurrences(of: "7,2025,J,klein,Ja", with: "7,2025,Q,klein,Ja"), "responses.csv, row 8, column sector, size",
            "stratum sector=Q, size=klein of wave 2025 has no population count"
        ),
        (
            responses.replacingOccurrences(of: "6,2025,J,klein,Nee\n", with: ""), "responses.csv, row 7, column sector, size",
            "sector=J, size=klein of wave 2025 has a single respondent"
        ),
        (
            responses.replacingOccurrences(of: "id,wave,sector,size,q", with: "id,wave,sector,grootte,q"), "responses.csv, row 1, column size",
            "no column 'size'"
        ),
        (responses.replacingOccurrences(of: "2,2025,C,klein,Nee", with: "1,2025,C,klein,Nee"), "responses.csv, row 3, column id", "also in row 2"),
        (responses.replacingOccurrences(of: "3,2025,C,klein,", with: "3,2025,,klein,"), "responses.csv, row 4, column sector", "empty"),
        (
            responses.replacingOccurrences(of: "4,2025,C,groot,Ja", with: "4,2025,C,groot,Ja,extra"), "responses.csv, row 5",
            "6 fields where the header has 5"
        ),
    ]

    @Test(arguments: wrongFiles)
    func aWrongRespondentFileIsNamedByRowAndColumn(responses: String, place: String, message: String) throws {
        let error = try #require(throws: SurveyError.self) {
            let (estimator, data) = try Self.read(responses: responses)
            _ = try estimator.estimate(data)
        }
        #expect(error.description(in: .en).hasPrefix(place), "\(error)")
        #expect(error.description(in: .en).contains(message), "\(error)")
        #expect(!error.fix.english.isEmpty)
    }

    @Test func aWrongPopulationFileOrDesignIsNamed() throws {
        let notANumber = try #require(throws: SurveyError.self) {
            try Self.read(population: Self.population.replacingOccurrences(of: "2025,C,groot,20", with: "2025,C,groot,twintig"))
        }
        #expect(notANumber.description.hasPrefix("population.csv, rij 3, kolom N: 'twintig' is geen aantal"))
        let twice = try #require(throws: SurveyError.self) { try Self.read(population: Self.population + "2025,C,groot,21\n") }
        #expect(twice.description(in: .en).contains("also in row 3"))
        let design = try #require(throws: DefinitionError.self) {
            try Self.read(design: Self.design.replacingOccurrences(of: "\"Ja\", \"Nee\"", with: "\"Ja\", \"Ja\""))
        }
        #expect(design.path.contains("questions[0]") && design.message.english.contains("repeat"))
    }

    /// The design's levels order and label the domains, and a value outside them is named by row and column.
    @Test func levelsOrderTheDomainsAndRejectUnlistedValues() throws {
        let levels = """
            , "levels": {"sector": [{"code": "J", "label": "Informatie en communicatie"}, {"code": "C", "label": "Industrie"}]}}
            """
        let design = String(Self.design.dropLast()) + levels
        let (estimator, data) = try Self.read(design: design)
        let sectors = try estimator.estimate(data, wave: "2025").filter { $0.domainType == "sector" && $0.category == "Ja" }
        #expect(sectors.map(\.domain) == ["J", "C"])
        #expect(estimator.specification.label("sector", "C") == "Industrie" && estimator.specification.label("size", "klein") == "klein")
        let unlisted = try #require(throws: SurveyError.self) {
            try Self.read(responses: Self.responses.replacingOccurrences(of: "12,2024,J,klein", with: "12,2024,K,klein"), design: design)
        }
        #expect(
            unlisted.description(in: .en).hasPrefix("responses.csv, row 13, column sector")
                && unlisted.message.english.contains("'K' is not among the levels")
        )
        let stray = try #require(throws: DefinitionError.self) {
            try Self.read(design: design.replacingOccurrences(of: "\"levels\": {\"sector\"", with: "\"levels\": {\"sektor\""))
        }
        #expect(stray.path == "levels.sektor")
    }

    /// A table that names an unknown question, category or domain, or mixes layouts, is refused with its place.
    @Test(arguments: [
        (#"{"name": "t1", "questions": ["vraag"]}"#, "no question 'vraag'"),
        (#"{"name": "t1", "questions": ["q"], "category": "Misschien"}"#, "'Misschien' is not a category of q"),
        (#"{"name": "t1", "questions": ["q"], "rows": ["size"]}"#, "'size' is not a domain of the design"),
        (#"{"name": "t1", "questions": ["q", "q"]}"#, "several questions need a category"),
        (
            #"{"name": "t1", "questions": ["q"], "category": "Ja", "columns": ["sector"], "rows": ["sector"]}"#,
            "with columns the rows are the questions"
        ),
        (
            #"{"name": "t1", "questions": ["q"], "category": "Ja", "standsOutBy": 10}"#,
            "standsOutBy needs a category, rows, no columns and a number of percentage points from 0 to 100"
        ),
        (
            #"{"name": "t1", "questions": ["q"], "rows": ["sector"], "standsOutBy": 10}"#,
            "standsOutBy needs a category, rows, no columns and a number of percentage points from 0 to 100"
        ),
        (
            #"{"name": "t1", "questions": ["q"], "category": "Ja", "rows": ["sector"], "standsOutBy": -1}"#,
            "standsOutBy needs a category, rows, no columns and a number of percentage points from 0 to 100"
        ),
    ])
    func aWrongTableIsNamed(table: String, message: String) throws {
        let error = try #require(throws: DefinitionError.self) {
            try Self.read(design: String(Self.design.dropLast()) + ", \"tables\": [\(table)]}")
        }
        #expect(error.path == "tables[0] (t1)" && error.message.english == message, "\(error)")
    }

    /// A respondent file of `count` rows with quoted fields that hold line ends, doubled quotes and separators in a
    /// column no design needs, and a sector that first appears in the second half.
    static func longFile(_ count: Int, replacing: (Int, String)? = nil) -> String {
        var text = "id,wave,sector,size,opmerking,q\n"
        for i in 1...count {
            let sector = i > count * 3 / 4 ? "Z" : ["C", "J", "K"][i % 3]
            let note = i % 7 == 0 ? "\"regel een\nregel twee, met \"\"komma\"\"\"" : "geen"
            let line = replacing?.0 == i ? replacing!.1 : "R\(i),2025,\(sector),\(i % 2 == 0 ? "klein" : "groot"),\(note),\(i % 5 == 0 ? "" : "Ja")"
            text += line + "\n"
        }
        return text
    }

    /// Reads `text` in two parts and in one pass; both must give the same.
    static func bothWays(_ text: String) throws -> (split: SurveyCSV, whole: SurveyCSV) {
        let url = try TestData.file("long.csv", text)
        let needs = ["id", "wave", "sector", "size", "q"]
        #expect(SurveyCSV.boundaries(try Data(contentsOf: url), from: 0, splitSize: 1).split != nil)
        return (try SurveyCSV(url, needs: needs, unique: "id", splitSize: 1), try SurveyCSV(url, needs: needs, unique: "id", splitSize: .max))
    }

    /// A large file is read in two halves at once; its rows, codes, values, lines and errors are those of one pass.
    @Test func readingInTwoPartsEqualsOnePass() throws {
        let (split, whole) = try Self.bothWays(Self.longFile(3_000))
        #expect(split.rows == whole.rows && split.rows.count == 3_000)
        #expect(split.rows.last == 1 + 3_000 + 3_000 / 7)
        for name in ["wave", "sector", "size", "q"] {
            #expect(split.columns[name]?.codes == whole.columns[name]?.codes, "\(name)")
            #expect(split.columns[name]?.levels == whole.columns[name]?.levels, "\(name)")
        }
        #expect(split.columns["sector"]?.levels == ["J", "K", "C", "Z"] && split.duplicate == nil)

        // A repeated id across the halves, and a broken row in the second half.
        let repeated = try Self.bothWays(Self.longFile(3_000, replacing: (2_900, "R12,2025,Z,klein,geen,Ja")))
        #expect(repeated.split.duplicate?.row == repeated.whole.duplicate?.row && repeated.split.duplicate?.first == repeated.whole.duplicate?.first)
        #expect(repeated.split.duplicate?.first == 1 + 12 + 1)
        let broken = Self.longFile(3_000, replacing: (3_000, "R3000,2025,Z,klein"))
        let errors = try ["split": 1, "whole": Int.max].mapValues { size in
            try #require(throws: SurveyError.self) {
                try SurveyCSV(try TestData.file("broken.csv", broken), needs: ["id", "q"], unique: "id", splitSize: size)
            }
        }
        #expect(errors["split"]?.row == errors["whole"]?.row && errors["split"]?.row == 1 + 3_000 + 3_000 / 7)
    }

    @Test func fuzzedRespondentFilesNeverCrash() throws {
        var rng = SplitMix64(seed: 21)
        let pieces = ["", ",", "\"", "\n", "Ja", "Nee", "C", "J", "klein", "groot", "2025", "x", ";", "\r\n", "é", "\u{FEFF}"]
        for _ in 0..<200 {
            var text = Self.responses
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                let at = text.index(text.startIndex, offsetBy: Int(rng.next() % UInt64(text.count)))
                text.insert(contentsOf: pieces[Int(rng.next() % UInt64(pieces.count))], at: at)
            }
            do {
                let (estimator, data) = try Self.read(responses: text)
                _ = try estimator.estimate(data)
            } catch is SurveyError {
            } catch is IngestError {
            }
        }
    }
}
