#!/usr/bin/env python3
"""Indicator benchmark (issue 3): the spanningsindicator with its typering, the year-on-year change of open vacancies
and their change since the peak (from 2019KW01), over a synthetic cube of 93 occupations x 36 regions x 80 quarters
with two input measures (535,680 observations), from the store to stored results.

krapte: `krapte compute --all --definitions` on a copy of the SQLite store holding the cube: reads both measures,
computes, and stores three derived datasets with their provenance (input periods per value, input vintages).
pandas: `read_sql` of the same observations from a SQLite table, merge, groupby + shift(4), groupby + cummax,
`pd.cut` for the typering, and `to_sql` of the three results into SQLite. Both results are compared value by value.
What is timed: Krapte as its whole process (its start printed beside, so that it can be taken off), pandas inside
this process after its import; the two alternated, median and minimum of the runs.

Run from the checkout (pandas via pip):
    swift build -c release --product krapte --scratch-path .build-release && python3 Benchmarks/indicators.py
"""
import json, os, shutil, sqlite3, statistics, subprocess, sys, tempfile, time

import numpy as np
import pandas as pd

krapte = os.path.abspath('.build-release/release/krapte')
size = sys.argv[1] if len(sys.argv) > 1 else '93x36x80'
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
work = tempfile.mkdtemp(prefix='krapte-bench-')
store = os.path.join(work, 'cube.sqlite')
subprocess.run([krapte, 'demo', '--cube-size', size, '--db', store], check=True, stdout=subprocess.DEVNULL)

definitions = {'indicators': [
    {'id': 'spanningsindicator', 'operation': 'spanningsindicator', 'decimals': 2,
     'inputs': {'vacancies': {'dataset': 'demo-spanning', 'measure': 'OpenstaandeVacatures'},
                'ww': {'dataset': 'demo-spanning', 'measure': 'WWKorterDan6Maanden'}}},
    {'id': 'vacatures-jaarmutatie', 'operation': 'change', 'parameters': {'base': 'samePeriodLastYear'},
     'inputs': {'input': {'dataset': 'demo-spanning', 'measure': 'OpenstaandeVacatures'}}},
    {'id': 'vacatures-sinds-piek', 'operation': 'sincePeak', 'parameters': {'frequency': 'quarter', 'range': '2019KW01..'},
     'inputs': {'input': {'dataset': 'demo-spanning', 'measure': 'OpenstaandeVacatures'}}},
]}
definitions_path = os.path.join(work, 'bench.json')
json.dump(definitions, open(definitions_path, 'w'))

# The same observations in long form, in a plain SQLite table for pandas (not timed).
def export(measure):
    out = subprocess.run([krapte, 'query', 'demo-spanning', '--measure', measure, '--format', 'csv', '--db', store],
                         check=True, capture_output=True, text=True).stdout
    frame = pd.read_csv(pd.io.common.StringIO(out), dtype={'Beroep': str, 'RegioS': str})
    frame['measure'] = measure
    return frame[['Beroep', 'RegioS', 'period', 'measure', 'value', 'status']]
observations = pd.concat([export('OpenstaandeVacatures'), export('WWKorterDan6Maanden')])
pandas_store = os.path.join(work, 'pandas.sqlite')
with sqlite3.connect(pandas_store) as con:
    observations.to_sql('obs', con, index=False)
print(f'cube {size}: {len(observations):,} observations')

def run_krapte():
    db = os.path.join(work, 'k.sqlite')
    shutil.copy(store, db)
    t = time.perf_counter()
    subprocess.run([krapte, 'compute', '--all', '--definitions', definitions_path, '--db', db], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t, db

def compute_pandas(obs):
    keys = ['Beroep', 'RegioS', 'period']
    vac = obs[obs.measure == 'OpenstaandeVacatures'][keys + ['value', 'status']]
    ww = obs[obs.measure == 'WWKorterDan6Maanden'][keys + ['value', 'status']]
    m = vac.merge(ww, on=keys, suffixes=('_v', '_w'))
    m['value'] = (m.value_v / m.value_w).replace([np.inf, -np.inf], np.nan)
    m['typering'] = pd.cut(m.value, [0, 0.25, 0.67, 1.5, 4.0, np.inf], right=False,
                           labels=['zeer ruim', 'ruim', 'gemiddeld', 'krap', 'zeer krap'])
    m['status'] = np.where((m.status_v == 'voorlopig') | (m.status_w == 'voorlopig'), 'voorlopig', 'definitief')
    spanning = m[keys + ['value', 'typering', 'status']]
    vac = vac.sort_values(keys)
    groups = vac.groupby(['Beroep', 'RegioS'], sort=False)
    base = groups.value.shift(4)
    yoy = vac[keys].assign(value=(vac.value / base - 1) * 100, base_period=groups.period.shift(4))[base.notna()]
    recent = vac[vac.period >= '2019KW01'].copy()
    peak = recent.groupby(['Beroep', 'RegioS'], sort=False).value.cummax()
    recent['value'] = (recent.value / peak - 1) * 100
    return spanning, yoy, recent[keys + ['value', 'status']]

def run_pandas():
    db = os.path.join(work, 'p.sqlite')
    shutil.copy(pandas_store, db)
    t = time.perf_counter()
    con = sqlite3.connect(db)
    obs = pd.read_sql('SELECT * FROM obs', con)
    spanning, yoy, since = compute_pandas(obs)
    spanning.assign(typering=spanning.typering.astype(str)).to_sql('spanningsindicator', con, index=False)
    yoy.to_sql('vacatures_jaarmutatie', con, index=False)
    since.to_sql('vacatures_sinds_piek', con, index=False)
    con.commit()
    con.close()
    return time.perf_counter() - t, (spanning, yoy, since)

def compare(db, frames):
    """Every value krapte stored equals pandas' (to 1e-9 relative), and the counts agree."""
    for (name, frame) in zip(['spanningsindicator', 'vacatures-jaarmutatie', 'vacatures-sinds-piek'], frames):
        out = subprocess.run([krapte, 'query', name, '--measure', name, '--format', 'csv', '--db', db],
                             check=True, capture_output=True, text=True).stdout
        k = pd.read_csv(pd.io.common.StringIO(out), dtype={'Beroep': str, 'RegioS': str})
        k = k[k.value.notna()]
        p = frame[frame.value.notna()]
        joined = k.merge(p, on=['Beroep', 'RegioS', 'period'], suffixes=('_k', '_p'))
        assert len(joined) == len(k) == len(p), f'{name}: krapte {len(k)} values, pandas {len(p)}, matched {len(joined)}'
        worst = (abs(joined.value_k - joined.value_p) / joined.value_p.abs().clip(lower=1e-12)).max()
        assert worst < 1e-9, f'{name}: largest relative difference {worst}'
        print(f'  {name}: {len(k):,} values agree (largest relative difference {worst:.1e})')
    out = subprocess.run([krapte, 'query', 'spanningsindicator', '--measure', 'typering', '--format', 'csv', '--db', db],
                         check=True, capture_output=True, text=True).stdout
    k = pd.read_csv(pd.io.common.StringIO(out), dtype={'Beroep': str, 'RegioS': str})
    p = frames[0][frames[0].typering.notna()]
    joined = k.merge(p, on=['Beroep', 'RegioS', 'period'], suffixes=('_k', '_p'))
    assert len(joined) == len(k) == len(p) and (joined.value_k == joined.typering.cat.codes).all(), 'typering differs'
    print(f'  typering: {len(k):,} classes agree')

def krapte_start():
    """The time krapte takes to start and stop doing nothing, which its timings include and pandas' do not."""
    t = time.perf_counter()
    subprocess.run([krapte, '--help'], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t

k_times, p_times = [], []
for _ in range(repeats):
    kt, db = run_krapte()
    pt, frames = run_pandas()
    k_times.append(kt)
    p_times.append(pt)
t = time.perf_counter(); compute_pandas(pd.read_sql('SELECT * FROM obs', sqlite3.connect(pandas_store))); read_compute = time.perf_counter() - t
t = time.perf_counter(); compute_pandas(observations); compute_only = time.perf_counter() - t
compare(db, frames)
start = statistics.median(krapte_start() for _ in range(5))
k, p = statistics.median(k_times), statistics.median(p_times)
print(f'krapte compute --all (store -> stored, with provenance), the whole process: median {k:.3f} s, min {min(k_times):.3f} s '
      f'of {repeats} ({start * 1000:.0f} ms of it the process start)')
print(f'pandas read_sql + compute + to_sql, in this process:                       median {p:.3f} s, min {min(p_times):.3f} s')
print(f'  of which pandas read_sql + compute: {read_compute:.3f} s; compute alone (frame in memory): {compute_only:.3f} s')
print(f'ratio of medians: krapte is {p / k:.1f}x pandas (store to store), {p / (k - start):.1f}x without its start; '
      f'of minimums {min(p_times) / min(k_times):.1f}x; {read_compute / k:.1f}x pandas without its write')
