import Foundation

extension BadInputTests {
    static let design = """
        {"dataset": "enquete", "strata": ["sector", "size"], "minimumRespondents": 3,
         "questions": [{"name": "q", "categories": ["Ja", "Nee"]}], "domains": [[], ["sector"]]}
        """
    static let population = "wave,sector,size,N\n2025,C,klein,100\n2025,C,groot,20\n2025,J,klein,50\n"
    static let responses = "id,wave,sector,size,q\n1,2025,C,klein,Ja\n2,2025,C,klein,Nee\n3,2025,C,groot,Ja\n4,2025,J,klein,Nee\n"

    /// A case of `krapte survey estimate --store` over the design, respondents and population above, with `files`
    /// in their place.
    static func survey(_ name: String, _ files: [String: String], _ expected: String...) -> Case {
        var all = ["design.json": design, "responses.csv": responses, "population.csv": population].merging(files) { _, new in new }
        for folder in files.keys where folder.hasSuffix("/") { all[String(folder.dropLast())] = nil }
        return Case(
            "survey: \(name)",
            bytes: all.mapValues { Array($0.utf8) },
            command: [
                "survey", "estimate", "--design", "@/design.json", "--responses", "@/responses.csv", "--population", "@/population.csv",
                "--store",
            ],
            expected
        )
    }

    /// The design with `original` replaced.
    static func design(_ original: String, _ replacement: String) -> [String: String] {
        ["design.json": design.replacingOccurrences(of: original, with: replacement)]
    }

    static let surveyCases: [Case] = [
        // The design.
        survey("a design that is not JSON", ["design.json": "{\"dataset\": "], "design.json", "not valid JSON"),
        survey("an empty design", ["design.json": ""], "design.json", "not valid JSON"),
        survey("no dataset", design("\"dataset\": \"enquete\", ", ""), "design.json", "missing 'dataset'"),
        survey("a misspelt key", design("\"domains\"", "\"domeinen\""), "design.json", "unknown key 'domeinen'"),
        survey("no strata", design("[\"sector\", \"size\"]", "[]"), "design.json: strata", "no stratum columns"),
        survey("no questions", design("[{\"name\": \"q\", \"categories\": [\"Ja\", \"Nee\"]}]", "[]"), "design.json: questions", "no questions"),
        survey("no categories", design("[\"Ja\", \"Nee\"]", "[]"), "questions[0] (q)", "empty or repeat"),
        survey("a category twice", design("[\"Ja\", \"Nee\"]", "[\"Ja\", \"Ja\"]"), "questions[0] (q)", "empty or repeat"),
        survey(
            "no respondents needed",
            design("\"minimumRespondents\": 3", "\"minimumRespondents\": 0"),
            "minimumRespondents",
            "whole number from 1"
        ),
        survey("a text as the minimum", design("\"minimumRespondents\": 3", "\"minimumRespondents\": \"drie\""), "minimumRespondents", "a number"),
        survey("a dataset id with a slash", design("\"enquete\"", "\"../enquete\""), "design.json: dataset", "not an id"),
        survey(
            "a dataset id of 10,000 characters",
            design("\"enquete\"", "\"" + String(repeating: "e", count: 10_000) + "\""),
            "dataset",
            "not an id"
        ),
        survey(
            "the id column as a stratum",
            design("[\"sector\", \"size\"]", "[\"sector\", \"id\"]"),
            "design.json: strata",
            "the respondents' id column"
        ),
        survey("the wave as a question", design("{\"name\": \"q\"", "{\"name\": \"wave\""), "design.json: questions", "the wave column"),
        survey("a stratum twice", design("[\"sector\", \"size\"]", "[\"sector\", \"sector\"]"), "design.json: strata", "named twice"),
        survey("a question that is a stratum", design("{\"name\": \"q\"", "{\"name\": \"size\""), "design.json: questions", "a stratum column too"),
        survey(
            "levels of a column that is no stratum",
            design("\"domains\"", "\"levels\": {\"q\": [{\"code\": \"Ja\"}]}, \"domains\""),
            "levels.q",
            "not a stratum"
        ),
        survey(
            "a level twice",
            design("\"domains\"", "\"levels\": {\"sector\": [{\"code\": \"C\"}, {\"code\": \"C\"}]}, \"domains\""),
            "levels.sector",
            "listed twice"
        ),
        survey(
            "titles of a column that is no stratum",
            design("\"domains\"", "\"titles\": {\"q\": \"Vraag\"}, \"domains\""),
            "titles.q",
            "not a stratum"
        ),
        survey(
            "post-stratification on two margins",
            design(
                "\"domains\"",
                "\"calibration\": {\"method\": \"postStratify\", \"margins\": [{\"variable\": \"sector\", \"totals\": {}}, {\"variable\": \"size\", \"totals\": {}}]}, \"domains\""
            ),
            "calibration.margins",
            "one margin"
        ),
        survey(
            "an unknown calibration method",
            design("\"domains\"", "\"calibration\": {\"method\": \"wegen\", \"margins\": []}, \"domains\""),
            "calibration"
        ),
        // The respondents.
        survey(
            "no question column",
            ["responses.csv": responses.replacingOccurrences(of: ",q\n", with: ",vraag\n")],
            "responses.csv, row 1, column q",
            "no column 'q'"
        ),
        survey(
            "no id column",
            ["responses.csv": responses.replacingOccurrences(of: "id,", with: "nr,")],
            "responses.csv, row 1, column id",
            "no column"
        ),
        survey("a respondent twice", ["responses.csv": responses + "2,2025,J,klein,Ja\n"], "responses.csv, row 6, column id", "also in row 3"),
        survey("an empty wave", ["responses.csv": responses + "5,,J,klein,Ja\n"], "responses.csv, row 6, column wave", "empty"),
        survey("an empty stratum", ["responses.csv": responses + "5,2025,,klein,Ja\n"], "responses.csv, row 6, column sector", "empty"),
        survey(
            "an answer that is no category",
            ["responses.csv": responses + "5,2025,J,klein,Misschien\n"],
            "row 6, column q",
            "'Misschien' is not an answer"
        ),
        survey("a stratum without a count", ["responses.csv": responses + "5,2025,Q,klein,Ja\n"], "row 6", "no population count"),
        survey("an unclosed quote", ["responses.csv": responses + "5,2025,\"J,klein,Ja\n"], "responses.csv, row 6", "not closed"),
        survey("an empty respondent file", ["responses.csv": ""], "responses.csv", "empty"),
        survey("a respondent file of a header", ["responses.csv": "id,wave,sector,size,q\n"], "responses.csv"),
        survey("a ragged row", ["responses.csv": responses + "5,2025,J\n"], "responses.csv, row 6"),
        survey(
            "a 5,000-character answer",
            ["responses.csv": responses + "5,2025,J,klein," + String(repeating: "x", count: 5_000) + "\n"],
            "row 6, column q",
            "(5000 characters)"
        ),
        // The population.
        survey(
            "a count that is a word",
            ["population.csv": population + "2024,C,klein,veel\n"],
            "population.csv, row 5, column N",
            "'veel' is not a count"
        ),
        survey("a negative count", ["population.csv": population + "2024,C,klein,-5\n"], "population.csv, row 5, column N", "not a count"),
        survey("an infinite count", ["population.csv": population + "2024,C,klein,1e999\n"], "population.csv, row 5, column N", "not a count"),
        survey("a stratum twice", ["population.csv": population + "2025,C,klein,90\n"], "population.csv, row 5", "also in row 2"),
        survey(
            "no count column",
            ["population.csv": population.replacingOccurrences(of: ",N\n", with: ",aantal\n")],
            "population.csv, row 1, column N",
            "no column"
        ),
        survey("a population file that is a folder", ["population.csv/": ""], "population.csv", "a folder"),
    ]
}
