#!/usr/bin/env python3
"""Memory of a load (issue 14): peak RSS and time of `krapte ingest` of a tidy CSV of 1, 4 and 16 million observations
into SQLite, and into PostgreSQL when KRAPTE_TEST_POSTGRES names a server. A release is written out in sorted runs of
262,144 observations and merged series by series while the store writes it, so peak RSS should not grow with rows.
Run from the checkout:
    swift build -c release --product krapte --scratch-path .build-release
    scripts/with-postgres.sh python3 Benchmarks/memory.py 1000000 4000000 16000000"""
import os, subprocess, sys, tempfile, uuid

from cube import write_cube
from urllib.parse import urlsplit, urlunsplit

krapte = os.path.abspath('.build-release/release/krapte')
sizes = [int(a) for a in sys.argv[1:]] or [1_000_000, 4_000_000, 16_000_000]
server = os.environ.get('KRAPTE_TEST_POSTGRES')


def measured(db, csv_path, mapping_path):
    """Peak RSS in MiB and seconds of one ingest."""
    r = subprocess.run(['/usr/bin/time', '-f', '%M %e', krapte, 'ingest', csv_path, '--mapping', mapping_path, '--db', db],
                       check=True, capture_output=True, text=True)
    kib, seconds = r.stderr.strip().splitlines()[-1].split()
    return int(kib) / 1024, float(seconds)


def new_database():
    name = 'mem_' + uuid.uuid4().hex[:12]
    subprocess.run(['psql', server, '-qtAc', f'CREATE DATABASE {name}'], check=True, capture_output=True)
    return urlunsplit(urlsplit(server)._replace(path='/' + name))


print(f'{"rows":>12} {"CSV MB":>8} {"SQLite MiB":>11} {"s":>7} {"PostgreSQL MiB":>15} {"s":>7}')
for rows in sizes:
    work = tempfile.mkdtemp(prefix='krapte-mem-')
    csv_path, mapping_path = write_cube(krapte, rows, work)
    size = os.path.getsize(csv_path) / 1e6
    sqlite_mib, sqlite_s = measured(os.path.join(work, 'k.sqlite'), csv_path, mapping_path)
    pg = measured(new_database(), csv_path, mapping_path) if server else None
    pg_text = f'{pg[0]:15.0f} {pg[1]:7.2f}' if pg else f'{"-":>15} {"-":>7}'
    print(f'{rows:12,d} {size:8.0f} {sqlite_mib:11.0f} {sqlite_s:7.2f} {pg_text}', flush=True)
    subprocess.run(['rm', '-rf', work])
