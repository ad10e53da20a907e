#!/usr/bin/env python3
"""Long-record benchmark: one CBS CSV row whose first field (ID, which Krapte skips) holds 10, 20, 40 and 80 MB, and
a file of 150 MB of NUL bytes, through `krapte ingest`. Reading must grow linearly: each size at most 2.2 times the
time of the one before. Runs alternate over the sizes; median and minimum of the runs are given.
Run from the checkout: swift build -c release --product krapte --scratch-path .build-release && python3 Benchmarks/longfield.py"""
import os, statistics, subprocess, sys, tempfile, time

krapte = os.path.abspath('.build-release/release/krapte')
work = tempfile.mkdtemp(prefix='krapte-long-')
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
sizes = [10, 20, 40, 80]

files = {}
for mb in sizes:
    path = os.path.join(work, f'long{mb}.csv')
    with open(path, 'w') as f:
        f.write('ID;Bedrijfskenmerken;Perioden;OpenstaandeVacatures_1\n')
        f.write('x' * (mb << 20) + ';A-U Alle economische activiteiten;2024 1e kwartaal;10.5\n')
    files[mb] = path
nul = os.path.join(work, 'nul.csv')
with open(nul, 'wb') as f:
    f.write(b'\0' * (150 << 20))

def timed(path, expect_ok):
    db = os.path.join(work, f'k{time.perf_counter_ns()}.sqlite')
    t = time.perf_counter()
    r = subprocess.run([krapte, 'ingest', path, '--db', db], capture_output=True, text=True)
    s = time.perf_counter() - t
    if (r.returncode == 0) != expect_ok:
        sys.exit(f'unexpected outcome for {path}: {r.returncode} {r.stderr[:300]}')
    return s

times = {mb: [] for mb in sizes}
nul_times = []
for _ in range(runs):
    for mb in sizes:
        times[mb].append(timed(files[mb], True))
    nul_times.append(timed(nul, False))

print(f'{"field":>10} {"median s":>9} {"min s":>7} {"ratio to previous (median)":>27}')
previous = None
for mb in sizes:
    med = statistics.median(times[mb])
    ratio = f'{med / previous:.2f}' if previous else '-'
    print(f'{mb:>7} MB {med:9.3f} {min(times[mb]):7.3f} {ratio:>27}')
    previous = med
print(f'150 MB of NUL bytes, refused: median {statistics.median(nul_times):.3f} s, min {min(nul_times):.3f} s')
