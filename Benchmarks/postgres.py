#!/usr/bin/env python3
"""PostgreSQL load benchmark (issue 6): a tidy CSV of 1,000,000 observations, `krapte ingest` into PostgreSQL
(parse, resolve codes, check duplicates, pack series, one transaction of multi-row INSERTs) against `psql \\copy` of the same
CSV into a plain table, in the same run, each into a new database, the two alternated; median and minimum of N.
Run from the checkout, with a server given by KRAPTE_TEST_POSTGRES or started for the run:
    swift build -c release --product krapte --scratch-path .build-release
    scripts/with-postgres.sh python3 Benchmarks/postgres.py 1000000 3"""
import os, statistics, subprocess, sys, tempfile, time, uuid

from cube import write_cube
from urllib.parse import urlsplit, urlunsplit

krapte = os.path.abspath('.build-release/release/krapte')
server = os.environ['KRAPTE_TEST_POSTGRES']
rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
work = tempfile.mkdtemp(prefix='krapte-bench-')
csv_path, mapping_path = write_cube(krapte, rows, work)


def psql(url, *args):
    return subprocess.run(['psql', url, '-v', 'ON_ERROR_STOP=1', '-qtA', *args], check=True, capture_output=True, text=True).stdout


def new_database():
    name = 'bench_' + uuid.uuid4().hex[:12]
    psql(server, '-c', f'CREATE DATABASE {name}')
    return urlunsplit(urlsplit(server)._replace(path='/' + name))


def run_krapte(url):
    subprocess.run([krapte, 'ingest', csv_path, '--mapping', mapping_path, '--db', url], check=True, stdout=subprocess.DEVNULL)


def run_copy(url):
    psql(url, '-c', 'CREATE TABLE obs (period TEXT, region TEXT, sector TEXT, occupation TEXT, measure TEXT, '
                    'value DOUBLE PRECISION, status TEXT)',
         '-c', f"\\copy obs FROM '{csv_path}' WITH (FORMAT csv, HEADER true)")


def once(fn, check):
    url = new_database()
    psql(url, '-c', 'SELECT 1')  # connect once, so that neither side pays for the new database's first connection
    t = time.perf_counter()
    fn(url)
    took = time.perf_counter() - t
    check(url)
    return took


def check_krapte(url):
    stored = int(psql(url, '-c', 'SELECT sum(observation_count) FROM vintage'))
    assert stored == rows, f'krapte stored {stored} observations, not {rows}'


def check_copy(url):
    stored = int(psql(url, '-c', 'SELECT count(*) FROM obs'))
    assert stored == rows, f'\\copy stored {stored} rows, not {rows}'


print(f'{rows} observations, {os.path.getsize(csv_path) / 1e6:.1f} MB, PostgreSQL {psql(server, "-c", "SHOW server_version").strip()}')
times = {'copy': [], 'krapte': []}
for _ in range(repeats):
    times['copy'].append(once(run_copy, check_copy))
    times['krapte'].append(once(run_krapte, check_krapte))
for label, name in (('psql \\copy into a plain table', 'copy'), ('krapte ingest -> PostgreSQL (checked, one transaction)', 'krapte')):
    ts = times[name]
    print(f'{label:55s} median {statistics.median(ts):6.3f} s  min {min(ts):6.3f} s  ({", ".join(f"{s:.3f}" for s in ts)})')
k, c = statistics.median(times['krapte']), statistics.median(times['copy'])
print(f'ratio of medians: krapte takes {k / c:.2f}x the time of \\copy; of minimums {min(times["krapte"]) / min(times["copy"]):.2f}x '
      '(goal: at most 1.5x)')
