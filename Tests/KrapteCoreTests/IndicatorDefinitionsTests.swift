import Foundation
import KrapteCore
import KrapteTesting
import Testing

@Suite struct IndicatorDefinitionsTests {
    /// A definitions file with one indicator whose fields `fields` replaces or adds to a valid change indicator.
    static func file(_ fields: String = "", indicators extra: String = "") -> String {
        """
        {"indicators": [
          {"id": "yoy", "operation": "change", "parameters": {"base": "samePeriodLastYear"},
           "inputs": {"input": {"dataset": "d", "measure": "m"}}\(fields.isEmpty ? "" : ", " + fields)}\(extra)
        ]}
        """
    }

    @Test func theShippedDefinitionsReadAndComeInDependencyOrder() throws {
        let shipped = IndicatorDefinitions.shipped
        #expect(shipped.indicators.count >= 10)
        let order = try shipped.dependencyOrder().map(\.id)
        let growth = try #require(order.firstIndex(of: "arbeidsproductiviteit-groei"))
        #expect(growth < order.firstIndex(of: "arbeidsproductiviteit-laatste-3-jaar")!)
        #expect(try shipped.definition("spanningsindicator").rise == .neutral)
        #expect(try shipped.definition("faillissementen-jaarmutatie").rise == .bad)
    }

    @Test func aValidFileReadsWithDefaults() throws {
        let defs = try IndicatorDefinitions(decoding: Data(Self.file().utf8), file: "f.json")
        let d = try defs.definition("yoy")
        #expect(d.title == "yoy" && d.decimals == 1 && d.rise == .neutral && d.inputDatasets == ["d"])
    }

    static let wrong: [(String, String, String)] = [
        ("{\"indicators\": [", "-", "not valid JSON"),
        ("{\"indicatoren\": []}", "indicatoren", "unknown key 'indicatoren'"),
        (file("\"unti\": \"%\""), "indicators[0].unti", "unknown key 'unti'"),
        (file("\"decimals\": \"one\""), "indicators[0].decimals", "expected a number"),
        (file().replacingOccurrences(of: "\"measure\": \"m\"", with: "\"measure\": \"m\", \"wher\": {}"), "inputs.input.wher", "unknown key"),
        ("{\"indicators\": [{\"id\": \"x\", \"inputs\": {}}]}", "indicators[0]", "missing 'operation'"),
        (file().replacingOccurrences(of: "\"change\"", with: "\"chnage\""), "indicators[0] (yoy) operation", "unknown operation 'chnage'"),
        (file().replacingOccurrences(of: "\"input\":", with: "\"numerator\":"), "indicators[0] (yoy) inputs", "needs an input 'input'"),
        (file().replacingOccurrences(of: "\"samePeriodLastYear\"", with: "\"lastYear\""), "parameters.base", "'lastYear' is not a base"),
        (file().replacingOccurrences(of: ", \"measure\": \"m\"", with: ""), "inputs.input", "no measure"),
        (file("\"decimals\": 12"), "decimals", "decimals must be a whole number from 0 to 10, not 12"),
        (
            file(indicators: ", {\"id\": \"yoy\", \"operation\": \"value\", \"inputs\": {\"input\": {\"dataset\": \"d\", \"measure\": \"m\"}}}"),
            "indicators[1] (yoy) id", "used twice"
        ),
        (file().replacingOccurrences(of: "\"yoy\"", with: "\"year on year\""), "id", "is not an id"),
        (
            file().replacingOccurrences(of: "\"measure\": \"m\"", with: "\"measure\": \"m\", \"frequency\": \"weekly\""), "frequency",
            "not a frequency"
        ),
        (
            "{\"indicators\": [{\"id\": \"a\", \"operation\": \"value\", \"inputs\": {\"input\": {\"dataset\": \"b\", \"measure\": \"m\"}}},"
                + " {\"id\": \"b\", \"operation\": \"value\", \"inputs\": {\"input\": {\"dataset\": \"a\", \"measure\": \"m\"}}}]}",
            "indicators[0] (a)", "a circle: a -> b -> a"
        ),
        (file("\"series\": []"), "series", "the list of series is empty"),
        (
            "{\"indicators\": [{\"id\": \"s\", \"operation\": \"spanningsindicator\", \"parameters\": {\"boundaries\": "
                + "[{\"version\": \"x\", \"validFrom\": \"2020KW01\", \"limits\": [1, 0.5, 2, 3]}]}, \"inputs\": "
                + "{\"vacancies\": {\"dataset\": \"d\", \"measure\": \"v\"}, \"ww\": {\"dataset\": \"d\", \"measure\": \"w\"}}}]}",
            "parameters.boundaries", "four rising limits"
        ),
        (
            "{\"indicators\": [{\"id\": \"g\", \"operation\": \"averageYearlyGrowth\", \"parameters\": {\"from\": \"2024\", \"to\": \"2020\"}, "
                + "\"inputs\": {\"input\": {\"dataset\": \"d\", \"measure\": \"m\"}}}]}",
            "parameters.to", "must be a later period"
        ),
    ]

    @Test(arguments: wrong)
    func aWrongDefinitionIsRefusedSayingWhatAndWhere(text: String, path: String, message: String) throws {
        let error = try #require(throws: DefinitionError.self) { try IndicatorDefinitions(decoding: Data(text.utf8), file: "mijn.json") }
        #expect(error.file == "mijn.json")
        #expect(error.path.contains(path), "\(error)")
        #expect(error.description(in: .en).contains(message), "\(error)")
    }

    @Test func fuzzedFilesAreReadOrRefusedButNeverCrash() {
        var rng = SplitMix64(seed: 11)
        let original = Array(IndicatorDefinitions.shippedJSON.utf8)
        var refused = 0
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<(1 + Int(rng.nextUnit() * 4)) {
                let i = Int(rng.nextUnit() * Double(bytes.count - 1))
                switch Int(rng.nextUnit() * 3) {
                case 0: bytes.remove(at: i)
                case 1: bytes[i] = UInt8(32 + Int(rng.nextUnit() * 90))
                default: bytes.insert(Array("{}[],\":0".utf8)[Int(rng.nextUnit() * 8)], at: i)
                }
            }
            do {
                _ = try IndicatorDefinitions(decoding: Data(bytes), file: "fuzz.json")
            } catch let error as DefinitionError {
                #expect(!error.message.english.isEmpty && !error.path.isEmpty)
                refused += 1
            } catch {
                Issue.record("an error that is not a DefinitionError: \(error)")
            }
        }
        #expect(refused > 200)
    }
}
