import ArgumentParser
import Foundation
import KrapteCore
import KrapteSQLite
import KrapteTesting
import Testing

@testable import KrapteCLI

/// Broken and hostile files given to `krapte ingest`, `krapte survey` and `krapte compute`: each is refused with a message that names the file, the row
/// and the column where it can (and quotes at most about 80 characters of what it found), the command fails, and
/// the store, which already holds a dataset, is left exactly as it was.
@Suite struct BadInputTests {
    /// One bad input: the files it is made of, the arguments after `ingest`, and what the message must say.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// File name → bytes, written into a folder of their own (a name ending in `/` is made a folder).
        var files: [String: [UInt8]]
        /// The command and its arguments, with `@` standing for the case's folder.
        var arguments: [String]
        /// Texts the message must hold: the place (`data.csv, row 3, column x`) and the gist.
        var expected: [String]

        var testDescription: String { name }

        /// A case of `krapte ingest` with these arguments.
        init(_ name: String, _ files: [String: String], _ arguments: [String], _ expected: String...) {
            self.init(name, bytes: files.mapValues { Array($0.utf8) }, command: ["ingest"] + arguments, expected)
        }

        /// A case of the command `arguments` starts with.
        init(_ name: String, bytes files: [String: [UInt8]], command arguments: [String], _ expected: [String]) {
            self.name = name
            self.files = files
            self.arguments = arguments
            self.expected = expected
        }

        /// A case of `krapte ingest` with these arguments.
        init(_ name: String, bytes files: [String: [UInt8]], _ arguments: [String], _ expected: [String]) {
            self.init(name, bytes: files, command: ["ingest"] + arguments, expected)
        }
    }

    static let header = "ID;Bedrijfskenmerken;Perioden;OpenstaandeVacatures_1\n"
    static let cbs = header + "0;A-U Alle economische activiteiten;2024 1e kwartaal;10.5\n"

    static let tidyMapping = """
        {"dataset": "uwv-test", "separator": ";", "decimal": ",", "period": "periode",
         "dimensions": [{"column": "regio", "code": "RegioS", "codeList": "none"}],
         "measures": [{"code": "vacatures", "column": "vacatures", "decimals": 0}]}
        """
    static let tidy = "periode;regio;vacatures\n2024KW01;Noord;10\n"

    /// A tidy mapping with `replacement` in place of `original`.
    static func mapping(_ original: String, _ replacement: String) -> String {
        tidyMapping.replacingOccurrences(of: original, with: replacement)
    }

    /// Every case: files to ingest, survey files and designs, definitions files.
    static let cases = ingestCases + moreIngestCases + surveyCases + definitionCases

    static let ingestCases: [Case] = [
        // CBS CSV dumps.
        Case(
            "cbs: a measure column twice",
            ["data.csv": header.dropLast() + ";OpenstaandeVacatures_1\n0;A-U;2024KW01;1;2\n"],
            ["@/data.csv"],
            "row 1, column OpenstaandeVacatures_1",
            "twice"
        ),
        Case(
            "cbs: a dimension column twice",
            ["data.csv": "Bedrijfskenmerken;Bedrijfskenmerken;Perioden;X_1\nA-U;A-U;2024KW01;1\n"],
            ["@/data.csv"],
            "column Bedrijfskenmerken",
            "twice"
        ),
        Case(
            "cbs: 1e400",
            ["data.csv": header + "0;A-U;2024KW01;1e400\n"],
            ["@/data.csv"],
            "row 2, column OpenstaandeVacatures_1",
            "'1e400' is too large"
        ),
        Case("cbs: -1e999", ["data.csv": header + "0;A-U;2024KW01;-1e999\n"], ["@/data.csv"], "row 2, column OpenstaandeVacatures_1", "too large"),
        Case(
            "cbs: a text as a number",
            ["data.csv": header + "0;A-U;2024KW01;veel\n"],
            ["@/data.csv"],
            "row 2, column OpenstaandeVacatures_1",
            "'veel' is not a number"
        ),
        Case("cbs: a ragged row", ["data.csv": header + "0;A-U;2024KW01\n"], ["@/data.csv"], "row 2", "3 fields and the header 4"),
        Case(
            "cbs: an unknown period",
            ["data.csv": header + "0;A-U;2024 vijfde kwartaal;1\n"],
            ["@/data.csv"],
            "row 2, column Perioden",
            "not a CBS period"
        ),
        Case(
            "cbs: an unknown member",
            ["data.csv": header + "0;Z-Z Nergens;2024KW01;1\n"],
            ["@/data.csv"],
            "row 2, column Bedrijfskenmerken",
            "Nergens"
        ),
        Case(
            "cbs: a duplicate",
            ["data.csv": cbs + "1;A-U Alle economische activiteiten;2024 1e kwartaal;11\n"],
            ["@/data.csv"],
            "row 3",
            "a second value"
        ),
        Case("cbs: no period column", ["data.csv": "ID;Bedrijfskenmerken;X_1\n0;A-U;1\n"], ["@/data.csv"], "row 1, column Perioden", "no Perioden"),
        Case(
            "cbs: no measure column",
            ["data.csv": "ID;Bedrijfskenmerken;Perioden\n0;A-U;2024KW01\n"],
            ["@/data.csv"],
            "row 1",
            "no measure columns"
        ),
        Case("cbs: an unclosed quote", ["data.csv": header + "0;\"A-U;2024KW01;1\n"], ["@/data.csv"], "row 2", "not closed"),
        Case("cbs: empty", ["data.csv": ""], ["@/data.csv"], "data.csv", "empty"),
        Case("cbs: only a header", ["data.csv": header], ["@/data.csv"], "data.csv", "no observations"),
        Case(
            "cbs: a long value is quoted short",
            ["data.csv": header + "0;A-U;2024KW01;" + String(repeating: "9x", count: 5_000) + "\n"],
            ["@/data.csv"],
            "row 2",
            "(10000 characters)"
        ),
        Case(
            "cbs: --metadata names a folder",
            ["data.csv": cbs, "meta/": ""],
            ["@/data.csv", "--metadata", "@/meta"],
            "meta",
            "a folder, not a file"
        ),
        Case(
            "cbs: a folder as the metadata beside the file",
            ["80472ned.csv": cbs, "80472ned_metadata.csv/": ""],
            ["@/80472ned.csv"],
            "80472ned_metadata.csv",
            "a folder"
        ),
        Case(
            "cbs: --dataset that is not an id",
            ["data.csv": cbs],
            ["@/data.csv", "--dataset", "../../etc/passwd"],
            "column id",
            "'../../etc/passwd' is not valid"
        ),
        Case("cbs: --dataset that is empty", ["data.csv": cbs], ["@/data.csv", "--dataset", ""], "column id", "it is empty"),
        Case(
            "cbs: --dataset of 65 characters",
            ["data.csv": cbs],
            ["@/data.csv", "--dataset", String(repeating: "a", count: 65)],
            "column id",
            "more than 64"
        ),
        Case(
            "cbs: a header field of 2,000 bytes",
            ["data.csv": String(repeating: "k", count: 2_000) + ";Perioden;X_1\n"],
            ["@/data.csv"],
            "row 1, column 1",
            "2000 bytes long"
        ),
        Case(
            "cbs: 20 MB of NUL bytes",
            bytes: ["data.csv": [UInt8](repeating: 0, count: 20 << 20)],
            ["@/data.csv"],
            ["row 1, column 1", "too long for a column name"]
        ),
        // Tidy CSV with a mapping.
        Case(
            "tidy: a header field of 2,000 bytes",
            ["m.json": tidyMapping, "t.csv": "periode;" + String(repeating: "r", count: 2_000) + ";vacatures\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "t.csv, row 1, column 2",
            "2000 bytes long"
        ),
        Case(
            "tidy: an empty separator",
            ["m.json": mapping("\"separator\": \";\"", "\"separator\": \"\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "m.json, column separator",
            "not a single character"
        ),
        Case(
            "tidy: an empty decimal mark",
            ["m.json": mapping("\"decimal\": \",\"", "\"decimal\": \"\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "m.json, column decimal",
            "not a single character"
        ),
        Case(
            "tidy: a quote as separator",
            ["m.json": mapping("\"separator\": \";\"", "\"separator\": \"\\\"\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "column separator"
        ),
        Case(
            "tidy: separator equal to the decimal mark",
            ["m.json": mapping("\"decimal\": \",\"", "\"decimal\": \";\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "column decimal",
            "must differ"
        ),
        Case(
            "tidy: an empty dataset id",
            ["m.json": mapping("\"uwv-test\"", "\"\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "m.json, column dataset",
            "is not valid"
        ),
        Case(
            "tidy: a path as dataset id",
            ["m.json": mapping("\"uwv-test\"", "\"../../etc/passwd\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "column dataset",
            "'../../etc/passwd'"
        ),
        Case(
            "tidy: a measure twice",
            ["m.json": mapping("\"decimals\": 0}]", "\"decimals\": 0}, {\"code\": \"vacatures\"}]"), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "column measures[1].code",
            "comes twice"
        ),
        Case(
            "tidy: a dimension code twice",
            [
                "m.json": mapping(
                    "\"codeList\": \"none\"}]",
                    "\"codeList\": \"none\"}, {\"column\": \"vacatures\", \"code\": \"RegioS\", \"codeList\": \"none\"}]"
                ), "t.csv": tidy,
            ],
            ["@/t.csv", "--mapping", "@/m.json"],
            "column dimensions[1].code",
            "comes twice"
        ),
        Case(
            "tidy: decimals -5",
            ["m.json": mapping("\"decimals\": 0", "\"decimals\": -5"), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "column measures[0].decimals",
            "whole number from 0 to 15, not -5"
        ),
        Case(
            "tidy: decimals 16",
            ["m.json": mapping("\"decimals\": 0", "\"decimals\": 16"), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "column measures[0].decimals"
        ),
        Case(
            "tidy: decimals 1e300",
            ["m.json": mapping("\"decimals\": 0", "\"decimals\": 1e300"), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "m.json, column measures[0].decimals",
            "not 1e+300"
        ),
        Case(
            "tidy: decimals as text",
            ["m.json": mapping("\"decimals\": 0", "\"decimals\": \"een\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "m.json, column measures[0].decimals",
            "wrong type"
        ),
        Case(
            "tidy: an unknown encoding",
            ["m.json": mapping("\"period\"", "\"encoding\": \"ebcdic\", \"period\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "column encoding",
            "'ebcdic'"
        ),
        Case(
            "tidy: an unknown code list",
            ["m.json": mapping("\"none\"", "\"beroepen\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "column dimensions[0].codeList",
            "'beroepen'"
        ),
        Case("tidy: the mapping is a folder", ["m.json/": "", "t.csv": tidy], ["@/t.csv", "--mapping", "@/m.json"], "m.json", "a folder"),
        Case(
            "tidy: the mapping is not JSON",
            ["m.json": "{dataset", "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "m.json",
            "not valid JSON"
        ),
        Case(
            "tidy: 1e999",
            ["m.json": tidyMapping, "t.csv": "periode;regio;vacatures\n2024KW01;Noord;1e999\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "t.csv, row 2, column vacatures",
            "too large"
        ),
        Case(
            "tidy: a missing column",
            ["m.json": tidyMapping, "t.csv": "periode;gebied;vacatures\n2024KW01;Noord;1\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "t.csv, row 1, column regio",
            "no column 'regio'"
        ),
        Case(
            "tidy: a NUL in a label",
            ["m.json": tidyMapping, "t.csv": "periode;regio;vacatures\n2024KW01;No\u{0}ord;1\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "t.csv, row 2, column regio",
            "control character U+0000"
        ),
        Case(
            "tidy: a 10 MB label",
            ["m.json": tidyMapping, "t.csv": "periode;regio;vacatures\n2024KW01;" + String(repeating: "a", count: 10_000_000) + ";1\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "t.csv, row 2, column regio",
            "more than 1000"
        ),
        Case(
            "tidy: a bad status",
            ["m.json": mapping("\"period\": \"periode\"", "\"period\": \"periode\", \"status\": \"regio\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "row 2, column regio",
            "not a status"
        ),
        Case(
            "tidy: an unlisted measure (long)",
            ["m.json": mapping("\"period\"", "\"measureColumn\": \"regio\", \"valueColumn\": \"vacatures\", \"period\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "row 2, column regio",
            "measure 'Noord' is not listed"
        ),
        Case(
            "tidy: a long layout half given",
            ["m.json": mapping("\"period\"", "\"measureColumn\": \"regio\", \"period\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "column valueColumn",
            "needs both"
        ),
        Case(
            "tidy: a byte Windows-1252 leaves undefined",
            bytes: [
                "m.json": Array(mapping("\"period\"", "\"encoding\": \"windows-1252\", \"period\"").utf8),
                "t.csv": Array("periode;regio;vacatures\n2024KW01;No".utf8) + [0x81] + Array("rd;1\n".utf8),
            ],
            ["@/t.csv", "--mapping", "@/m.json"],
            ["t.csv, row 2, column regio", "Windows-1252 does not define"]
        ),
        Case(
            "tidy: not UTF-8",
            bytes: ["m.json": Array(tidyMapping.utf8), "t.csv": Array("periode;regio;vacatures\n2024KW01;No".utf8) + [0xFF] + Array("rd;1\n".utf8)],
            ["@/t.csv", "--mapping", "@/m.json"],
            ["row 2, column regio", "not valid UTF-8"]
        ),
        // Paths that are not files.
        Case(
            "a folder as the file",
            ["data.csv/": ""],
            ["@/data.csv", "--mapping", "@/m.json"],
            "data.csv",
            "folder holds no saved CBS OData responses"
        ),
        Case("a device as the file", [:], ["/dev/null", "--mapping", "/dev/null"], "/dev/null", "a device"),
    ]

    /// What the command line says of `error` with `--lang en`.
    static func english(_ error: any Error) -> String {
        Output.$language.withValue(.en) { String(describing: error) }
    }

    /// Runs the command `arguments` name, as the `krapte` binary does with `--lang en`: the cases name what the
    /// messages say in English (`CommandTests` checks the Dutch ones).
    static func run(_ arguments: [String]) async throws {
        try await Output.$language.withValue(.en) {
            guard var command = try Krapte.parseAsRoot(arguments) as? any AsyncParsableCommand else {
                throw CLIError(Message("Krapte.as", "not an async command"))
            }
            try await command.run()
        }
    }

    /// A store with one dataset in it, and what it holds.
    static func store() async throws -> (path: String, version: Int64, datasets: [DatasetSummary]) {
        let path = try TestData.temporaryFolder().appendingPathComponent("k.sqlite").path
        let file = try TestData.file("80472ned.csv", cbs)
        try await Self.run(["ingest", file.path, "--db", path])
        let store = try SQLiteStore(path: path)
        return (path, try await store.version(), try await store.datasets())
    }

    @Test(arguments: cases)
    func isRefusedByNameAndChangesNothing(_ bad: Case) async throws {
        let (db, version, datasets) = try await Self.store()
        let folder = try TestData.temporaryFolder()
        for (name, bytes) in bad.files {
            let url = folder.appendingPathComponent(name)
            if name.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } else {
                try Data(bytes).write(to: url)
            }
        }
        let arguments = bad.arguments.map { $0.replacingOccurrences(of: "@", with: folder.path) } + ["--db", db]
        let error = try await #require(throws: (any Error).self) { try await Self.run(arguments) }
        let message = Self.english(error)
        #expect(Krapte.exitCode(for: error) != .success)
        for text in bad.expected { #expect(message.contains(text), "\(bad.name): \(message)") }
        #expect(message.count < 1_000, "\(bad.name): \(message.count) characters")
        let store = try SQLiteStore(path: db)
        #expect(try await store.version() == version)
        #expect(try await store.datasets() == datasets)
    }

    /// A pipe given as the file is refused at once instead of waiting for a writer.
    @Test func aFIFOIsRefusedAtOnce() async throws {
        let (db, version, _) = try await Self.store()
        let fifo = try TestData.temporaryFolder().appendingPathComponent("f.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let start = ContinuousClock.now
        let error = try await #require(throws: (any Error).self) { try await Self.run(["ingest", fifo, "--db", db]) }
        #expect(Self.english(error).contains("a pipe (FIFO)"))
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(try await SQLiteStore(path: db).version() == version)
    }

    /// A copy of the saved OData v4 responses of 82242NED with its 3,084 observations on three pages, changed by
    /// `change` (given the folder).
    static func odataFolder(_ change: (URL) throws -> Void) throws -> URL {
        let source = TestData.real("cbs-odata4-fixtures/82242NED")
        let folder = try TestData.temporaryFolder().appendingPathComponent("82242NED")
        try FileManager.default.copyItem(at: source, to: folder)
        let page = folder.appendingPathComponent("observations-page-1.json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: page)) as? [String: Any])["value"] as? [Any]
        let all = try #require(rows)
        let size = (all.count + 2) / 3
        for k in 0..<3 {
            let part = Array(all[(k * size)..<min(all.count, (k + 1) * size)])
            try JSONSerialization.data(withJSONObject: ["value": part]).write(to: folder.appendingPathComponent("observations-page-\(k + 1).json"))
        }
        let index = ["observationRows": all.count, "observationPages": (1...3).map { "observations-page-\($0).json" }] as [String: Any]
        try JSONSerialization.data(withJSONObject: index).write(to: folder.appendingPathComponent("index.json"))
        try change(folder)
        return folder
    }

    /// Rewrites the JSON file `name` in `folder` with `change`.
    static func rewrite(_ folder: URL, _ name: String, _ change: (inout [String: Any]) -> Void) throws {
        let url = folder.appendingPathComponent(name)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        change(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: url)
    }

    /// Changes the first row of the `value` array of `name`.
    static func firstRow(_ folder: URL, _ name: String, _ change: @escaping (inout [String: Any]) -> Void) throws {
        try rewrite(folder, name) { object in
            var rows = object["value"] as? [[String: Any]] ?? []
            if !rows.isEmpty { change(&rows[0]) }
            object["value"] = rows
        }
    }

    static let odataCases: [(name: String, change: @Sendable (URL) throws -> Void, expected: [String])] = [
        ("all three pages load", { _ in }, []),
        ("page 2 missing", { try FileManager.default.removeItem(at: $0.appendingPathComponent("observations-page-2.json")) }, ["page 2 is missing"]),
        (
            "only page 2",
            { folder in
                for n in [1, 3] { try FileManager.default.removeItem(at: folder.appendingPathComponent("observations-page-\(n).json")) }
                try FileManager.default.removeItem(at: folder.appendingPathComponent("index.json"))
            },
            ["page 1 is missing"]
        ),
        ("a row fewer than the index says", { try rewrite($0, "index.json") { $0["observationRows"] = 3_085 } }, ["3085 rows", "3084 were read"]),
        (
            "a page the index lists is not there",
            { try rewrite($0, "index.json") { $0["observationPages"] = ["observations-page-1.json", "observations-page-9.json"] } },
            ["'observations-page-9.json'"]
        ),
        (
            "true as a value", { try firstRow($0, "observations-page-1.json") { $0["Value"] = true } },
            ["observations-page-1.json, row 1, column Value", "not a number"]
        ),
        (
            "a text as a value", { try firstRow($0, "observations-page-2.json") { $0["Value"] = "12" } },
            ["observations-page-2.json, row 1029, column Value"]
        ),
        (
            "Decimals een", { try firstRow($0, "measure-codes.json") { $0["Decimals"] = "een" } },
            ["measure-codes.json, row 1, column Decimals", "'een'"]
        ),
        ("Decimals 1e300", { try firstRow($0, "measure-codes.json") { $0["Decimals"] = 1e300 } }, ["column Decimals"]),
        ("Decimals 2.5", { try firstRow($0, "measure-codes.json") { $0["Decimals"] = 2.5 } }, ["column Decimals"]),
        (
            "a control character in a title", { try firstRow($0, "measure-codes.json") { $0["Title"] = "Faillis\u{7}sementen" } },
            ["measures[0].title", "U+0007"]
        ),
    ]

    /// Saved OData v4 responses with a page missing, a page the index lists but the folder lacks, a count that does
    /// not match, or a value or decimals of the wrong kind are refused naming the page, row and field.
    @Test(arguments: odataCases.indices)
    func odataFoldersWithAMissingPageOrAWrongFieldAreRefused(_ i: Int) async throws {
        let (db, version, datasets) = try await Self.store()
        let folder = try Self.odataFolder(Self.odataCases[i].change)
        let arguments = ["ingest", folder.path, "--db", db]
        guard !Self.odataCases[i].expected.isEmpty else {
            try await Self.run(arguments)
            #expect(try await SQLiteStore(path: db).metadata(of: "82242NED", vintage: version + 1).measures.isEmpty == false)
            return
        }
        let error = try await #require(throws: (any Error).self) { try await Self.run(arguments) }
        for text in Self.odataCases[i].expected { #expect(Self.english(error).contains(text), "\(Self.odataCases[i].name): \(error)") }
        let store = try SQLiteStore(path: db)
        #expect(try await store.version() == version)
        #expect(try await store.datasets() == datasets)
    }
}
