import Foundation

extension BadInputTests {
    /// The saved responses of a small OData v3 table (two regions, two quarters, three records), by file name.
    static let odataV3: [String: String] = [
        "table-infos.json": #"{"value":[{"Identifier":"99999ned","Title":"WW-uitkeringen; regio","Modified":"2025-03-14T02:00:00"}]}"#,
        "data-properties.json": """
        {"value":[{"ID":0,"Type":"GeoDimension","Key":"RegioS","Title":"Regio's"},
         {"ID":1,"Type":"TimeDimension","Key":"Perioden","Title":"Perioden"},
         {"ID":2,"Type":"Topic","Key":"WWUitkeringen_1","Title":"WW-uitkeringen","Unit":"x 1 000","Decimals":1,"Datatype":"Double","Default":"Missing"}]}
        """,
        "codes-RegioS.json": #"{"value":[{"Key":"NL01    ","Title":"Nederland"},{"Key":"AM01    ","Title":"Groningen"}]}"#,
        "codes-Perioden.json":
            #"{"value":[{"Key":"2024KW03","Title":"2024 3e kwartaal","Status":"Nader voorlopig"},{"Key":"2024KW04","Title":"2024 4e kwartaal","Status":"Voorlopig"}]}"#,
        "typed-data-set-page-1.json": """
        {"odata.count":3,"value":[{"ID":0,"RegioS":"NL01    ","Perioden":"2024KW03","WWUitkeringen_1":171.2},
         {"ID":1,"RegioS":"NL01    ","Perioden":"2024KW04","WWUitkeringen_1":176.0},
         {"ID":2,"RegioS":"AM01    ","Perioden":"2024KW03","WWUitkeringen_1":null}]}
        """,
    ]

    /// A case of `krapte ingest` of the OData v3 folder above with `files` in place (a file given as nil is left out).
    static func odataV3(_ name: String, _ files: [String: String?], _ expected: String...) -> Case {
        var all = odataV3
        for (file, text) in files { all[file] = text }
        return Case("odata v3: \(name)", bytes: all.mapValues { Array($0.utf8) }, ["@"], expected)
    }

    /// The saved `TypedDataSet` page with `original` replaced.
    static func records(_ original: String, _ replacement: String) -> [String: String?] {
        ["typed-data-set-page-1.json": odataV3["typed-data-set-page-1.json"]?.replacingOccurrences(of: original, with: replacement)]
    }

    /// The saved `DataProperties` with `original` replaced.
    static func properties(_ original: String, _ replacement: String) -> [String: String?] {
        ["data-properties.json": odataV3["data-properties.json"]?.replacingOccurrences(of: original, with: replacement)]
    }

    static let moreIngestCases: [Case] = [
        // OData v3 folders.
        odataV3(
            "only page 2",
            ["typed-data-set-page-1.json": nil, "typed-data-set-page-2.json": odataV3["typed-data-set-page-1.json"]],
            "page 1 is missing"
        ),
        odataV3("pages 1 and 3", ["typed-data-set-page-3.json": odataV3["typed-data-set-page-1.json"]], "page 2 is missing"),
        odataV3("a count the pages do not hold", records("\"odata.count\":3", "\"odata.count\":4"), "typed-data-set-page-1.json", "4"),
        odataV3("true as a value", records("171.2", "true"), "typed-data-set-page-1.json, row 1, column WWUitkeringen_1", "not a number"),
        odataV3("a text as a value", records("176.0", "\"176\""), "typed-data-set-page-1.json, row 2, column WWUitkeringen_1"),
        odataV3("Decimals een", properties("\"Decimals\":1", "\"Decimals\":\"een\""), "data-properties.json", "column Decimals", "'een'"),
        odataV3("Decimals 1e300", properties("\"Decimals\":1", "\"Decimals\":1e300"), "data-properties.json", "column Decimals"),
        odataV3("an unknown period", records("\"2024KW04\"", "\"2024XX04\""), "typed-data-set-page-1.json, row 2", "2024XX04"),
        odataV3("an unknown region", records("\"AM01    \"", "\"ZZ99    \""), "typed-data-set-page-1.json, row 3", "ZZ99"),
        odataV3("a control character in a title", properties("\"WW-uitkeringen\"", "\"WW-uit\\u0007keringen\""), "U+0007"),
        odataV3("the properties are not JSON", ["data-properties.json": "{\"value\": ["], "data-properties.json", "JSON"),
        odataV3("no time dimension", properties("\"TimeDimension\"", "\"Dimension\""), "data-properties.json"),
        odataV3(
            "a topic twice",
            properties("]}", ",{\"ID\":3,\"Type\":\"Topic\",\"Key\":\"WWUitkeringen_1\",\"Title\":\"Nog eens\",\"Datatype\":\"Double\"}]}"),
            "WWUitkeringen_1",
            "twice"
        ),
        odataV3(
            "a record twice",
            records("{\"ID\":1,\"RegioS\":\"NL01    \",\"Perioden\":\"2024KW04\"", "{\"ID\":1,\"RegioS\":\"NL01    \",\"Perioden\":\"2024KW03\""),
            "a second value"
        ),
        // Tidy mappings and files.
        Case("tidy: the mapping is empty", ["m.json": "", "t.csv": tidy], ["@/t.csv", "--mapping", "@/m.json"], "m.json", "JSON"),
        Case(
            "tidy: no dataset",
            ["m.json": mapping("\"dataset\": \"uwv-test\", ", ""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "m.json",
            "dataset"
        ),
        Case(
            "tidy: a misspelt key",
            ["m.json": mapping("\"decimal\"", "\"decimaal\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "m.json, column decimaal",
            "unknown key 'decimaal'"
        ),
        Case(
            "tidy: a two-character separator",
            ["m.json": mapping("\"separator\": \";\"", "\"separator\": \";;\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "m.json",
            "separator"
        ),
        Case(
            "tidy: no measures",
            ["m.json": mapping("[{\"code\": \"vacatures\", \"column\": \"vacatures\", \"decimals\": 0}]", "[]"), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "m.json",
            "measures"
        ),
        Case(
            "tidy: a measure code with a space",
            ["m.json": mapping("\"code\": \"vacatures\"", "\"code\": \"open vacatures\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "'open vacatures'"
        ),
        Case(
            "tidy: a dimension column the file lacks",
            ["m.json": mapping("\"column\": \"regio\"", "\"column\": \"gebied\""), "t.csv": tidy],
            ["@/t.csv", "--mapping", "@/m.json"],
            "t.csv, row 1",
            "gebied"
        ),
        Case(
            "tidy: a column twice in the file",
            ["m.json": tidyMapping, "t.csv": "periode;regio;regio;vacatures\n2024KW01;Noord;Zuid;10\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "t.csv, row 1",
            "regio"
        ),
        Case(
            "tidy: an empty period",
            ["m.json": tidyMapping, "t.csv": tidy + ";Zuid;11\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "t.csv, row 3, column periode"
        ),
        Case(
            "tidy: a period that is none",
            ["m.json": tidyMapping, "t.csv": tidy + "2024KW05;Zuid;11\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "t.csv, row 3, column periode",
            "2024KW05"
        ),
        Case(
            "tidy: a duplicate",
            ["m.json": tidyMapping, "t.csv": tidy + "2024KW01;Noord;11\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "t.csv, row 3",
            "a second value",
            "row 2"
        ),
        Case(
            "tidy: a comma as decimal where a point is",
            ["m.json": tidyMapping, "t.csv": tidy + "2024KW02;Noord;1.5.5\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "row 3, column vacatures",
            "not a number"
        ),
        Case(
            "tidy: true as a number",
            ["m.json": tidyMapping, "t.csv": tidy + "2024KW02;Noord;true\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "row 3, column vacatures",
            "not a number"
        ),
        Case(
            "tidy: NaN as a number",
            ["m.json": tidyMapping, "t.csv": tidy + "2024KW02;Noord;NaN\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "row 3, column vacatures",
            "not a number"
        ),
        Case(
            "tidy: infinity as a number",
            ["m.json": tidyMapping, "t.csv": tidy + "2024KW02;Noord;inf\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "row 3, column vacatures",
            "not a number"
        ),
        Case(
            "tidy: a hexadecimal number",
            ["m.json": tidyMapping, "t.csv": tidy + "2024KW02;Noord;0x1p3\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "row 3, column vacatures",
            "not a number"
        ),
        Case(
            "tidy: an unclosed quote",
            ["m.json": tidyMapping, "t.csv": tidy + "2024KW02;\"Noord;1\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "t.csv, row 3",
            "not closed"
        ),
        Case(
            "tidy: a ragged row",
            ["m.json": tidyMapping, "t.csv": tidy + "2024KW02;Noord\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "t.csv, row 3"
        ),
        Case(
            "tidy: only a header",
            ["m.json": tidyMapping, "t.csv": "periode;regio;vacatures\n"],
            ["@/t.csv", "--mapping", "@/m.json"],
            "t.csv",
            "no observations"
        ),
        Case("tidy: the file is missing", ["m.json": tidyMapping], ["@/t.csv", "--mapping", "@/m.json"], "t.csv"),
        // CBS CSV dumps.
        Case(
            "cbs: Windows-1252 in a UTF-8 dump",
            bytes: ["data.csv": Array((header + "0;A-U Caf").utf8) + [0xE9] + Array(";2024KW01;1\n".utf8)],
            ["@/data.csv"],
            ["data.csv, row 2", "UTF-8"]
        ),
        Case(
            "cbs: a NUL in a label",
            bytes: ["data.csv": Array((header + "0;A-U\u{0}x;2024KW01;1\n").utf8)],
            ["@/data.csv"],
            ["data.csv, row 2, column Bedrijfskenmerken"]
        ),
        Case(
            "cbs: a period label with a wrong year",
            ["data.csv": header + "0;A-U;twintig 1e kwartaal;1\n"],
            ["@/data.csv"],
            "row 2, column Perioden",
            "not a CBS period"
        ),
        Case(
            "cbs: a thousands separator in a number",
            ["data.csv": header + "0;A-U;2024KW01;1,234,5\n"],
            ["@/data.csv"],
            "row 2, column OpenstaandeVacatures_1"
        ),
        Case("cbs: only a byte-order mark", bytes: ["data.csv": [0xEF, 0xBB, 0xBF]], ["@/data.csv"], ["data.csv", "empty"]),
        Case(
            "cbs: a metadata file that is not CBS's",
            ["80472ned.csv": cbs, "80472ned_metadata.csv": "\"\u{0}\""],
            ["@/80472ned.csv"],
            "80472ned_metadata.csv"
        ),
    ]
}
