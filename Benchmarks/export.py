#!/usr/bin/env python3
"""Export benchmark (issue 19, point 4): a whole measure of the 93 x 36 x 80 demo cube (267,840 observations) written
as CSV and as JSON, from the store to the file.

krapte: `krapte query demo-spanning --measure OpenstaandeVacatures --format csv|json`, the whole command (start, read
the store, write to stdout, which goes to a file). Anchors, each in the same run and alternated with Krapte:
- DuckDB: `COPY (SELECT ...) TO 'x.csv'` and `TO 'x.json'` of the same rows from a table in a DuckDB database file
  (the table is filled before the clock starts; DuckDB's default threads);
- pandas: `DataFrame.to_csv` and `to_json(orient='records', lines=True)` of the same rows already in memory (the
  frame is built before the clock starts).
Each figure: median and minimum of the runs. Krapte's CSV is checked to hold every row.

Run from the checkout (pandas and duckdb via pip):
    swift build -c release --product krapte --scratch-path .build-release && python3 Benchmarks/export.py [RUNS]
"""
import io, os, statistics, subprocess, sys, tempfile, time

import duckdb
import pandas as pd

krapte = os.path.abspath('.build-release/release/krapte')
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
work = tempfile.mkdtemp(prefix='krapte-export-')
store = os.path.join(work, 'cube.sqlite')
subprocess.run([krapte, 'demo', '--cube-size', '93x36x80', '--db', store], check=True, stdout=subprocess.DEVNULL)
query = [krapte, 'query', 'demo-spanning', '--measure', 'OpenstaandeVacatures', '--db', store, '--format']

# The same rows for the anchors, read once (not timed), codes kept as text.
text = subprocess.run(query + ['csv'], check=True, capture_output=True).stdout
frame = pd.read_csv(io.BytesIO(text), dtype=str)
frame['value'] = frame['value'].astype(float)
rows = len(frame)
database = os.path.join(work, 'anchor.duckdb')
con = duckdb.connect(database)
con.execute('CREATE TABLE obs AS SELECT * FROM frame')


def timed(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def krapte_to(fmt):
    def run():
        with open(os.path.join(work, f'krapte.{fmt}'), 'wb') as out:
            subprocess.run(query + [fmt], check=True, stdout=out)
    return run


def duckdb_to(fmt):
    def run():
        con.execute(f"COPY (SELECT * FROM obs) TO '{os.path.join(work, 'duckdb.' + fmt)}' (FORMAT {fmt})")
    return run


def pandas_to(fmt):
    def run():
        path = os.path.join(work, 'pandas.' + fmt)
        if fmt == 'csv':
            frame.to_csv(path, index=False)
        else:
            frame.to_json(path, orient='records', lines=True)
    return run


results = {}
for fmt in ('csv', 'json'):
    for _ in range(runs):
        for name, action in (('krapte', krapte_to(fmt)), ('duckdb', duckdb_to(fmt)), ('pandas', pandas_to(fmt))):
            results.setdefault((fmt, name), []).append(timed(action))

with open(os.path.join(work, 'krapte.csv')) as f:
    assert sum(1 for _ in f) == rows + 1, 'the CSV does not hold every row'

print(f'{rows:,} rows, {runs} runs each, alternated')
print('| format | Krapte median (min) | rows/s | DuckDB median (min) | pandas median (min) | DuckDB / Krapte | pandas / Krapte |')
print('| --- | --- | --- | --- | --- | --- | --- |')
for fmt in ('csv', 'json'):
    k, d, p = (results[(fmt, n)] for n in ('krapte', 'duckdb', 'pandas'))
    km, dm, pm = statistics.median(k), statistics.median(d), statistics.median(p)
    print(f'| {fmt} | {km:.3f} s ({min(k):.3f}) | {rows / km:,.0f} | {dm:.3f} s ({min(d):.3f}) | {pm:.3f} s ({min(p):.3f}) '
          f'| {dm / km:.2f}x | {pm / km:.2f}x |')
