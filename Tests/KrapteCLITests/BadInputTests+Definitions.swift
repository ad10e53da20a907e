import Foundation
import KrapteCore
import KrapteSQLite
import KrapteTesting
import Testing

@testable import KrapteCLI

extension BadInputTests {
    /// One indicator over the store's dataset, as JSON text, for `replacing` to change.
    static let indicator = """
        {"id": "v", "operation": "value", "decimals": 1,
         "inputs": {"input": {"dataset": "80472ned", "measure": "OpenstaandeVacatures_1"}}}
        """

    /// A case of `krapte compute v` over a definitions file with `text`.
    static func definitions(_ name: String, _ text: String, _ expected: String...) -> Case {
        Case(
            "definitions: \(name)",
            bytes: ["d.json": Array(text.utf8)],
            command: ["compute", "v", "--definitions", "@/d.json"],
            expected
        )
    }

    /// A definitions file of the one indicator above with `original` replaced.
    static func indicator(_ original: String, _ replacement: String) -> String {
        "{\"indicators\": [\(indicator.replacingOccurrences(of: original, with: replacement))]}"
    }

    static let definitionCases: [Case] = [
        // The file.
        definitions("not JSON", "{\"indicators\": [", "d.json: -", "not valid JSON"),
        definitions("empty", "", "d.json: -", "not valid JSON"),
        definitions("no indicators", "{}", "d.json", "missing 'indicators'"),
        definitions("a misspelt key", "{\"indicator\": []}", "d.json", "unknown key 'indicator'"),
        definitions("indicators not a list", "{\"indicators\": 5}", "d.json: indicators", "expected"),
        // An indicator.
        definitions("a misspelt key in an indicator", indicator("\"decimals\"", "\"decimalen\""), "indicators[0]", "unknown key 'decimalen'"),
        definitions("no id", indicator("\"id\": \"v\", ", ""), "indicators[0]", "missing 'id'"),
        definitions("an id with a slash", indicator("\"id\": \"v\"", "\"id\": \"../v\""), "indicators[0] (../v) id", "not an id"),
        definitions(
            "an id of 10,000 characters",
            indicator("\"id\": \"v\"", "\"id\": \"" + String(repeating: "v", count: 10_000) + "\""),
            "not an id",
            "(10000 characters)"
        ),
        definitions("an id twice", "{\"indicators\": [\(indicator), \(indicator)]}", "indicators[1] (v) id", "used twice"),
        definitions("an unknown operation", indicator("\"value\"", "\"divide\""), "indicators[0] (v) operation", "unknown operation 'divide'"),
        definitions("an input missing", indicator("\"value\"", "\"ratio\""), "indicators[0] (v) inputs", "needs an input 'numerator'"),
        definitions("an input too many", indicator("\"inputs\": {", "\"inputs\": {\"extra\": {}, "), "inputs.extra", "has no input 'extra'"),
        definitions("no dataset", indicator("\"dataset\": \"80472ned\", ", ""), "inputs.input", "no dataset"),
        definitions("an empty dataset", indicator("\"dataset\": \"80472ned\"", "\"dataset\": \"\""), "inputs.input", "no dataset"),
        definitions("no measure", indicator(", \"measure\": \"OpenstaandeVacatures_1\"", ""), "inputs.input", "no measure"),
        definitions(
            "a frequency that is none",
            indicator("\"measure\"", "\"frequency\": \"week\", \"measure\""),
            "inputs.input.frequency",
            "'week' is not a frequency"
        ),
        definitions(
            "an aggregate that is none",
            indicator("\"measure\"", "\"aggregate\": \"eeuw\", \"measure\""),
            "inputs.input.aggregate",
            "not a frequency"
        ),
        definitions("decimals 11", indicator("\"decimals\": 1", "\"decimals\": 11"), "indicators[0].decimals", "whole number from 0 to 10, not 11"),
        definitions("decimals as a word", indicator("\"decimals\": 1", "\"decimals\": \"een\""), "decimals", "a number"),
        definitions("decimals 1e300", indicator("\"decimals\": 1", "\"decimals\": 1e300"), "indicators[0].decimals", "not 1e+300"),
        definitions("decimals 2.5", indicator("\"decimals\": 1", "\"decimals\": 2.5"), "indicators[0].decimals", "not 2.5"),
        definitions("an empty list of series", indicator("\"decimals\"", "\"series\": [], \"decimals\""), "indicators[0] (v) series", "empty"),
        definitions(
            "a series code twice",
            indicator("\"decimals\"", "\"series\": [{\"code\": \"a\"}, {\"code\": \"a\"}], \"decimals\""),
            "series[1].code",
            "used twice"
        ),
        definitions("an unknown base", indicator("\"value\"", "\"change\", \"parameters\": {\"base\": \"gisteren\"}"), "parameters.base"),
        definitions(
            "a misspelt parameter",
            indicator("\"value\"", "\"change\", \"parameters\": {\"basis\": \"previousPeriod\"}"),
            "parameters",
            "unknown key 'basis'"
        ),
        definitions("compounding over no periods", indicator("\"value\"", "\"compound\", \"parameters\": {\"periods\": 0}"), "parameters.periods"),
        definitions(
            "boundaries that fall",
            indicator(
                "\"value\"",
                "\"spanningsindicator\", \"parameters\": {\"boundaries\": [{\"version\": \"x\", \"from\": \"2020KW01\", \"limits\": [4, 1.5, 0.67, 0.25]}]}"
            ),
            "parameters.boundaries"
        ),
        definitions(
            "indicators that read each other",
            "{\"indicators\": [\(indicator.replacingOccurrences(of: "80472ned", with: "w")), \(indicator.replacingOccurrences(of: "\"v\"", with: "\"w\"").replacingOccurrences(of: "80472ned", with: "v"))]}",
            "in a circle"
        ),
        // Against the store.
        definitions("a dataset the store lacks", indicator("80472ned", "nergens"), "inputs.input.dataset", "no dataset 'nergens'"),
        definitions(
            "a measure the dataset lacks",
            indicator("OpenstaandeVacatures_1", "Vacaturegraad"),
            "inputs.input.measure",
            "no measure 'Vacaturegraad'"
        ),
        definitions(
            "a dimension the dataset lacks",
            indicator("\"measure\"", "\"where\": {\"Regio\": [\"NL\"]}, \"measure\""),
            "inputs.input.where.Regio",
            "no dimension 'Regio'"
        ),
        definitions(
            "a member the dataset lacks",
            indicator("\"measure\"", "\"where\": {\"Bedrijfskenmerken\": [\"Z-Z\"]}, \"measure\""),
            "where.Bedrijfskenmerken",
            "no member 'Z-Z'"
        ),
        definitions(
            "an empty list of members",
            indicator("\"measure\"", "\"where\": {\"Bedrijfskenmerken\": []}, \"measure\""),
            "where.Bedrijfskenmerken",
            "empty"
        ),
        definitions(
            "a sum over a dimension the dataset lacks",
            indicator("\"measure\"", "\"sumOver\": [\"Regio\"], \"measure\""),
            "sumOver",
            "no dimension 'Regio'"
        ),
        definitions("an indicator that reads itself", indicator("\"id\": \"v\"", "\"id\": \"80472ned\""), "indicators[0] (80472ned)", "in a circle"),
        definitions(
            "a title with a control character",
            indicator("\"decimals\"", "\"title\": \"Vaca\\u0007tures\", \"decimals\""),
            "title",
            "U+0007"
        ),
        definitions(
            "a frequency the data lacks",
            indicator("\"measure\"", "\"frequency\": \"month\", \"measure\""),
            "no period"
        ),
    ]
}

extension BadInputTests {
    /// `compute --all` computes every indicator it can: one that fails is named with its reason, those that read it
    /// are skipped, the others are stored, and the command fails only at the end.
    @Test func computeAllGoesOnPastAFailure() async throws {
        let (db, _, _) = try await Self.store()
        let failing = Self.indicator.replacingOccurrences(of: "\"id\": \"v\"", with: "\"id\": \"w\"")
            .replacingOccurrences(of: "OpenstaandeVacatures_1", with: "BestaatNiet")
        let reader = """
            {"id": "x", "operation": "value", "inputs": {"input": {"dataset": "w", "measure": "w"}}}
            """
        let file = try TestData.temporaryFolder().appendingPathComponent("d.json")
        try Data("{\"indicators\": [\(failing), \(reader), \(Self.indicator)]}".utf8).write(to: file)
        let error = try await #require(throws: CLIError.self) {
            try await Self.run(["compute", "--all", "--definitions", file.path, "--db", db])
        }
        #expect(error.description.contains("1 van de indicatoren mislukt: w"), "\(error)")
        let stored = Set(try await SQLiteStore(path: db).datasets().map(\.id))
        #expect(stored.contains("v") && !stored.contains("w") && !stored.contains("x"), "\(stored)")
    }
}
