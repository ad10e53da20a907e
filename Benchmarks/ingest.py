#!/usr/bin/env python3
"""Ingest benchmark: a tidy CSV of 1,000,000 observations into the store, krapte against pandas (read_csv + to_sql
into SQLite) and DuckDB (read_csv into a table, 2 threads), in the same run; and the 85880NED OData v4 response.
Each round runs the three one after another (alternating), and the medians and minimums are compared.

What is timed: Krapte as the whole `krapte ingest` process (its start, about 10 ms, included: printed below);
pandas and DuckDB inside this process, their imports done before any clock starts. Both anchors read the code
columns as text (`0111` stays `0111`), as Krapte does; the file is checked to hold the rows asked for.
Run from the checkout: swift build -c release --product krapte --scratch-path .build-release &&
python3 Benchmarks/ingest.py [ROWS [ROUNDS]]"""
import os, sqlite3, statistics, subprocess, sys, tempfile, time

import duckdb
import pandas

from cube import TEXT_COLUMNS, write_cube

krapte = os.path.abspath('.build-release/release/krapte')
work = tempfile.mkdtemp(prefix='krapte-bench-')
rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
csv_path, mapping_path = write_cube(krapte, rows, work)

def timed(label, fn):
    t = time.perf_counter(); extra = fn(); s = time.perf_counter() - t
    print(f'{label:45s} {s:7.3f} s  {rows / s / 1e6:6.2f} M rows/s {extra or ""}')
    return s

def run_krapte():
    db = os.path.join(work, 'k.sqlite')
    r = subprocess.run(['/usr/bin/time', '-f', '%M', krapte, 'ingest', csv_path, '--mapping', mapping_path, '--db', db],
                       check=True, capture_output=True, text=True)
    return f' peak RSS {int(r.stderr.strip().splitlines()[-1]) // 1024} MiB'

def run_pandas():
    con = sqlite3.connect(os.path.join(work, 'p.sqlite'))
    pandas.read_csv(csv_path, dtype={c: str for c in TEXT_COLUMNS}).to_sql('obs', con, index=False)
    con.close()

def run_duckdb():
    con = duckdb.connect(os.path.join(work, 'd.duckdb'))
    con.execute('SET threads TO 2')
    types = ', '.join(f"'{c}': 'VARCHAR'" for c in TEXT_COLUMNS)
    con.execute(f"CREATE TABLE obs AS SELECT * FROM read_csv('{csv_path}', types = {{{types}}})")
    stored = con.execute("SELECT count(*), min(occupation) FROM obs").fetchone()
    assert stored[0] == rows and len(stored[1]) == 4, f'DuckDB stored {stored}'
    con.close()

def krapte_start():
    t = time.perf_counter()
    subprocess.run([krapte, '--help'], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t

print(f'{rows} observations, {os.path.getsize(csv_path) / 1e6:.1f} MB; {runs} rounds, alternating; '
      f'krapte starts in {statistics.median(krapte_start() for _ in range(5)) * 1000:.0f} ms')
times = {'krapte': [], 'pandas': [], 'duckdb': []}
for _ in range(runs):
    times['krapte'].append(timed('krapte ingest (tidy CSV -> SQLite, checked)', run_krapte))
    times['pandas'].append(timed('pandas read_csv + to_sql (SQLite)', run_pandas))
    times['duckdb'].append(timed('DuckDB read_csv -> table (2 threads)', run_duckdb))
    for f in os.listdir(work):
        if f.startswith(('k.sqlite', 'p.sqlite', 'd.duckdb')):
            os.remove(os.path.join(work, f))
for name, ts in times.items():
    print(f'{name:7s} median {statistics.median(ts):.3f} s  min {min(ts):.3f} s  ({", ".join(f"{t:.3f}" for t in ts)})')
k, p, d = (statistics.median(times[n]) for n in ('krapte', 'pandas', 'duckdb'))
print(f'ratio of medians: krapte is {p / k:.1f}x pandas and {d / k:.2f}x DuckDB (>1 is faster); '
      f'of minimums: {min(times["pandas"]) / min(times["krapte"]):.1f}x and {min(times["duckdb"]) / min(times["krapte"]):.2f}x')
fixture = os.path.abspath('../shared/data/real/cbs-odata4-fixtures/85880NED')
t = time.perf_counter()
subprocess.run([krapte, 'ingest', fixture, '--db', os.path.join(work, 'o.sqlite')], check=True, stdout=subprocess.DEVNULL)
print(f'krapte ingest 85880NED OData v4 (22,230 obs, 4 MB JSON): {time.perf_counter() - t:.3f} s')
