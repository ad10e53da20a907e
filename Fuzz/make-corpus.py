#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into Fuzz/Corpus/<target>/ (checked in; run again to renew).

Seeds are small, valid inputs of each kind, cut from the real CBS files in ../shared/data/real when they are there
and from the test fixtures otherwise. Multi-file inputs use the `=== name` format of Fuzz/Sources/KrapteFuzz/FuzzFiles.swift.
"""
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.join(HERE, "..", "..", "shared", "data", "real")
CORPUS = os.path.join(HERE, "Corpus")


def files(**named):
    return "".join(f"=== {name}\n{text}\n" for name, text in named.items())


def write(target, seeds):
    folder = os.path.join(CORPUS, target)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for i, seed in enumerate(seeds):
        data = seed if isinstance(seed, bytes) else seed.encode("utf-8")
        with open(os.path.join(folder, f"seed-{i:02d}"), "wb") as f:
            f.write(data)


def odata_v4(table, rows=12):
    base = os.path.join(REAL, "cbs-odata4-fixtures", table)
    index = json.load(open(os.path.join(base, "index.json")))
    observations = json.load(open(os.path.join(base, index["observationPages"][0])))
    kept = observations["value"][:rows]
    out = {}
    for key, name in index["files"].items():
        doc = json.load(open(os.path.join(base, name)))
        if key == "properties":
            doc["Description"] = doc.get("Description", "")[:120]
        if key.startswith("codes-") and isinstance(doc.get("value"), list):
            used = {str(o.get(key[len("codes-"):])) for o in kept}
            doc["value"] = [c for c in doc["value"] if str(c.get("Identifier")) in used] or doc["value"][:3]
            for c in doc["value"]:
                c["Description"] = (c.get("Description") or "")[:60]
        if key == "measure-codes":
            used = {o["Measure"] for o in kept}
            doc["value"] = [m for m in doc["value"] if m.get("Identifier") in used]
            for m in doc["value"]:
                m["Description"] = (m.get("Description") or "")[:60]
        out[name] = json.dumps(doc, ensure_ascii=False)
    index["observationRows"] = len(kept)
    out["index.json"] = json.dumps(index, ensure_ascii=False)
    out[index["observationPages"][0]] = json.dumps({"value": kept}, ensure_ascii=False)
    return files(**out)


V3_SMALL = dict(
    **{
        "table-infos.json": '{"odata.metadata":"x","value":[{"Identifier":"99999ned","Title":"WW-uitkeringen; regio","Modified":"2025-03-14T02:00:00"}]}',
        "data-properties.json": json.dumps({"value": [
            {"ID": 0, "Type": "GeoDimension", "Key": "RegioS", "Title": "Regio's"},
            {"ID": 1, "Type": "TimeDimension", "Key": "Perioden", "Title": "Perioden"},
            {"ID": 2, "Type": "Topic", "Key": "Naam_2", "Title": "Naam", "Datatype": "String"},
            {"ID": 3, "Type": "Topic", "Key": "WWUitkeringen_3", "Title": "WW-uitkeringen", "Unit": "x 1 000", "Decimals": 1, "Datatype": "Double", "Default": "Missing"},
        ]}),
        "codes-RegioS.json": '{"value":[{"Key":"NL01    ","Title":"Nederland"},{"Key":"AM01    ","Title":"Groningen"}]}',
        "codes-Perioden.json": '{"value":[{"Key":"2024KW03","Title":"2024 3e kwartaal","Status":"Nader voorlopig"},{"Key":"2024KW04","Title":"2024 4e kwartaal","Status":"Voorlopig"}]}',
        "typed-data-set-page-1.json": json.dumps({"odata.count": 3, "value": [
            {"ID": 0, "RegioS": "NL01    ", "Perioden": "2024KW03", "Naam_2": "Nederland", "WWUitkeringen_3": 171.2},
            {"ID": 1, "RegioS": "NL01    ", "Perioden": "2024KW04", "Naam_2": "Nederland", "WWUitkeringen_3": 176.0},
            {"ID": 2, "RegioS": "AM01    ", "Perioden": "2024KW03", "Naam_2": "Groningen", "WWUitkeringen_3": None},
        ]}),
    }
)

LONG_MAPPING = json.dumps({
    "dataset": "uwv-test", "publisher": "UWV", "separator": ";", "decimal": ",", "thousands": ".",
    "period": "periode", "status": "status",
    "dimensions": [{"column": "regio", "code": "RegioS"}, {"column": "beroep", "code": "Beroep"}],
    "measureColumn": "onderwerp", "valueColumn": "waarde",
    "measures": [{"code": "vacatures", "unit": "aantal", "kind": "stock"}, {"code": "ww", "unit": "aantal"}],
})
LONG_CSV = "periode;regio;beroep;onderwerp;waarde;status\n2024KW04;AM13;0811;vacatures;22.600;voorlopig\n2024 4e kwartaal;Midden-Utrecht (AM);0811;ww;2.935,5;\n"
WIDE_MAPPING = json.dumps({
    "dataset": "d", "encoding": "windows-1252", "period": "p", "dimensions": [{"column": "s", "codeList": "none"}],
    "measures": [{"code": "v", "column": "v", "decimals": 1}],
})
WIDE_CSV = "p,s,v\n2024,Zuid-Holland,\"1.5\"\n2023,Caf\xe9,2\n"

DESIGN = json.dumps({
    "dataset": "t", "strata": ["sector", "size"], "minimumRespondents": 3,
    "questions": [{"name": "q", "categories": ["Ja", "Nee"]}], "domains": [[], ["sector"]],
})
POPULATION = "wave,sector,size,N\n2025,C,klein,100\n2025,C,groot,20\n2025,J,klein,50\n2024,C,klein,90\n2024,C,groot,25\n2024,J,klein,40\n"
RESPONSES = "id,wave,sector,size,q\n1,2025,C,klein,Ja\n2,2025,C,klein,Nee\n3,2025,C,klein,\n4,2025,C,groot,Ja\n5,2025,C,groot,Ja\n6,2025,J,klein,Nee\n7,2025,J,klein,Ja\n8,2024,C,klein,Nee\n9,2024,C,klein,Nee\n10,2024,C,groot,Ja\n12,2024,J,klein,Ja\n13,2024,J,klein,Ja\n14,2024,J,klein,Nee\n"


def definitions_seeds():
    shipped = os.path.join(HERE, "..", "Sources", "KrapteCore", "Definitions", "IndicatorDefinitions+Shipped.swift")
    text = open(shipped, encoding="utf-8").read()
    start = text.index('#"""') + 4
    doc = json.loads(text[start:text.index('"""#', start)])
    seeds = [json.dumps(doc)]
    for indicator in doc["indicators"]:
        seeds.append(json.dumps({"indicators": [indicator]}))
    return seeds


def main():
    csv_sample = os.path.join(REAL, "statline-csv-sample")
    if not os.path.isdir(csv_sample):
        sys.exit(f"no {csv_sample}: the real CBS files are needed for the seeds")
    table = open(os.path.join(csv_sample, "82608ENG_UntypedDataSet_26122020_004554.csv"), encoding="utf-8").read().splitlines()[:15]
    metadata = open(os.path.join(csv_sample, "82608ENG_metadata.csv"), encoding="utf-8").read()[:3000]
    write("csv", [";a;b;\"c;d\"\r\n1;2;3\n", ",x,\"y \"\"z\"\"\",\n\n", "\t\ufeffp\tq\n1\t2\n", ";" + "\n".join(table[:5]) + "\n"])
    write("number", ["\x00" + t for t in ["12", " 1.5 ", "-0.25", "1e5", ".", "12345678901234567890"]]
          + ["\x01" + t for t in ["22.600", "2.935,5", "1.234.567,89", "x"]] + ["\x02" + "1,234.5", "\x03" + "7,7"])
    write("period", ["2024KW04", "2024 4e kwartaal*", "2019KW01..2024KW04", "2024MM04", "2024 april", "2024HJ02", "2024 jaargem. /jaartotaal", "..2024KW04", "\x00\x07\xe8\x10"])
    write("cbs-csv", ["\n".join(table) + "\n", files(**{"table.csv": "\n".join(table), "metadata.csv": metadata})])
    write("tidy", [files(**{"mapping.json": LONG_MAPPING, "data.csv": LONG_CSV}), files(**{"mapping.json": WIDE_MAPPING, "data.csv": WIDE_CSV})])
    write("odata-v4", [odata_v4("82242NED"), odata_v4("80590ned", rows=8)])
    write("odata-v3", [files(**V3_SMALL)])
    write("mapping", [LONG_MAPPING, WIDE_MAPPING])
    write("design", [DESIGN, open(os.path.join(HERE, "..", "Examples", "werkgeversenquete-ai", "design.json"), encoding="utf-8").read()])
    write("survey", [files(**{"design.json": DESIGN, "responses.csv": RESPONSES, "population.csv": POPULATION})])
    write("definitions", definitions_seeds())
    write("query", ["demo-spanning?measure=OpenstaandeVacatures&Beroep=0111&RegioS=AM01&period=2024KW01..2024KW04",
                    "demo-spanning?measure=OpenstaandeVacatures&limit=5&cursor=10", "demo-vacatures?measure=OpenstaandeVacatures&format=csv"])
    write("pages", ["\x00demo-spanning?measure=OpenstaandeVacatures&Beroep=0111,0112&van=2023KW01&tot=2024KW04",
                    "\x02?regio=AM01", "\x03?regio=AM01&periode=2024KW04", "\x04demo-vacatures", "\x05"])


if __name__ == "__main__":
    main()
