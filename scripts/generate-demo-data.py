#!/usr/bin/env python3
"""Documents how Sources/KrapteIngest/Demo/DemoFigures.swift was made: the published tables
../shared/data/publications/faillissementen.csv and arbeidsproductiviteit-groei.csv copied as they are, and the
open vacancies of 80472ned (A-U, C, J; quarters 2019-2024) from ../shared/data/real/cbs-vacatures/80472ned.csv.
Rerun it after those files change: python3 scripts/generate-demo-data.py"""
import csv
src = '../shared/data'
rows = list(csv.reader(open(f'{src}/real/cbs-vacatures/80472ned.csv', encoding='utf-8-sig'), delimiter=';'))
keep = {'A-U Alle economische activiteiten', 'C Industrie', 'J Informatie en communicatie'}
sample = ['periode,sector,openstaande_vacatures']
for r in rows[1:]:
    if r[1] in keep and 'kwartaal' in r[2] and int(r[2][:4]) >= 2019:
        sample.append(f'{r[2][:4]}KW0{int(r[2][5])},{r[1].split(" ")[0]},{r[3]}')
fail = open(f'{src}/publications/faillissementen.csv').read().strip().splitlines()
prod = open(f'{src}/publications/arbeidsproductiviteit-groei.csv').read().strip().splitlines()
def lit(lines): return '"""\n' + '\n'.join('        ' + l for l in lines) + '\n        """'
out = f'''/// The small data sets that `krapte demo` loads, written into the project so that the demo works offline.
///
/// - `faillissementen` and `arbeidsproductiviteit`: figures published in UWV's sector article on ICT (2025),
///   copied from its tables (see `scripts/generate-demo-data.py`).
/// - `vacatures`: open vacancies per quarter 2019-2024 for three sectors, taken from CBS table 80472ned (Bron: CBS, CC BY 4.0).
enum DemoFigures {{
    /// Bankruptcies per group of sectors, as published (UWV, Sectorbeschrijving ICT 2025, table "Faillissementen").
    static let faillissementen = {lit(fail)}

    /// Yearly growth of labour productivity in %, as published (UWV, Sectorbeschrijving ICT 2025).
    static let arbeidsproductiviteit = {lit(prod)}

    /// Open vacancies at the end of the quarter, x 1 000 (CBS 80472ned, 2019-2024).
    static let vacatures = {lit(sample)}
}}
'''
open('Sources/KrapteIngest/Demo/DemoFigures.swift', 'w').write(out)
