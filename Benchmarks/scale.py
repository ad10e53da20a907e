#!/usr/bin/env python3
"""Scale (issue 19): a generated cube of OCCUPATIONS x REGIONS x QUARTERS x 4 measures (by default 400 x 400 x 160 x 4,
102.4 million observations) loaded into PostgreSQL and into SQLite, then served, all in one run:

- the load: `krapte ingest` into PostgreSQL against `psql \\copy` of the same CSV into a plain table (each into a new
  database, one after the other), and `krapte ingest` into SQLite; the size of each database;
- the spanningsindicator computed over the cube (`krapte compute` of the three indicators its page reads);
- the API and the pages on PostgreSQL and on SQLite under wrk with 50 connections, p50 and p99: one series of the
  cube (`/api/v1/datasets/demo-spanning/observations`, a new series with every request), a region's
  spanningsindicator page (`/spanningsindicator?regio=...&beroep=...`, a new address with every request, so never
  kept), and the spanningsindicator page of Nederland (kept after its first rendering, as a reader meets it).

The codes come from Krapte's built-in lists: the 114 BRC 2014 beroepsgroepen and the 35 arbeidsmarktregio's,
numbered on (`0111-1`, `GM0036`) when more are asked. The figures are generated, not real.

    swift build -c release --product krapte --scratch-path .build-release
    scripts/with-postgres.sh python3 Benchmarks/scale.py [OCCUPATIONS REGIONS QUARTERS] [SECONDS]

Needs Debian's postgresql, wrk and about 15 GB of free disk at full size; takes about 25 minutes on 2 cores."""
import csv, json, os, random, subprocess, sys, tempfile, time, urllib.request, uuid
from urllib.parse import urlsplit, urlunsplit

from loadtest import THREAD_IDS, figures, free_port, wait_until_up

KRAPTE = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '.build-release', 'release', 'krapte'))
SERVER = os.environ['KRAPTE_TEST_POSTGRES']
OCCUPATIONS, REGIONS, QUARTERS = (int(a) for a in sys.argv[1:4]) if len(sys.argv) > 3 else (400, 400, 160)
SECONDS = int(sys.argv[4]) if len(sys.argv) > 4 else 20
MEASURES = ['OpenstaandeVacatures', 'WWKorterDan6Maanden', 'WWUitkeringen', 'Werkzoekenden']
ROWS = OCCUPATIONS * REGIONS * QUARTERS * len(MEASURES)

# The 114 beroepsgroepen of BRC 2014 (four-digit codes) and the 35 arbeidsmarktregio's of today, as the built-in lists
# hold them; `krapte demo --cube-size` numbers on the same way.
BRC_GROUPS = None
AMS = None


def built_in_codes(work):
    """The BRC groups and arbeidsmarktregio's of the built-in lists, as `krapte demo --cube-size` takes them."""
    db = os.path.join(work, 'codes.sqlite')
    subprocess.run([KRAPTE, 'demo', '--cube-size', '114x35x1', '--db', db], check=True, stdout=subprocess.DEVNULL)
    rows = subprocess.run([KRAPTE, 'query', 'demo-spanning', '--measure', 'OpenstaandeVacatures', '--format', 'csv',
                           '--db', db], check=True, capture_output=True, text=True).stdout.splitlines()[1:]
    cells = list(csv.reader(rows))
    return sorted({c[0] for c in cells}), sorted({c[2] for c in cells})


def codes():
    occupations = [g if i < len(BRC_GROUPS) else f'{g}-{i // len(BRC_GROUPS)}'
                   for i, g in ((i, BRC_GROUPS[i % len(BRC_GROUPS)]) for i in range(OCCUPATIONS))]
    # Nederland as a region of its own (the cube is not summed up to it), then the arbeidsmarktregio's, then gemeenten.
    named = ['NL01'] + AMS
    regions = [named[i] if i < len(named) else f'GM{i:04d}' for i in range(REGIONS)]
    quarters = [f'{1985 + q // 4}KW{q % 4 + 1:02d}' for q in range(QUARTERS)]
    return occupations, regions, quarters


def write_cube(path):
    """The tidy CSV (period,region,occupation,measure,value,status), streamed; values a fixed function of the cell."""
    occupations, regions, quarters = codes()
    statuses = ['voorlopig' if q >= QUARTERS - 2 else 'definitief' for q in range(QUARTERS)]
    with open(path, 'w', buffering=1 << 22) as f:
        f.write('period,region,occupation,measure,value,status\n')
        for q, (quarter, status) in enumerate(zip(quarters, statuses)):
            for r, region in enumerate(regions):
                head = f'{quarter},{region},'
                tail = f',{status}\n'
                lines = []
                for o, occupation in enumerate(occupations):
                    base = (r * 7919 + o * 104729 + q * 31) % 4000
                    for m, measure in enumerate(MEASURES):
                        lines.append(f'{head}{occupation},{measure},{base + 250 * m + 1}{tail}')
                f.write(''.join(lines))


MAPPING = {
    'dataset': 'demo-spanning',
    'title': 'Gegenereerde schaalkubus: vacatures, WW en werkzoekenden per beroep en regio (illustratief)',
    'publisher': 'Krapte (illustratief)',
    'location': 'Benchmarks/scale.py',
    'period': 'period', 'status': 'status',
    'dimensions': [{'column': 'region', 'code': 'RegioS', 'title': 'Regio', 'codeList': 'none'},
                   {'column': 'occupation', 'code': 'Beroep', 'title': 'Beroep', 'codeList': 'none'}],
    'measureColumn': 'measure', 'valueColumn': 'value',
    'measures': [{'code': m, 'title': m, 'unit': 'aantal', 'decimals': 0, 'kind': 'stock'} for m in MEASURES],
}


def psql(url, *args):
    return subprocess.run(['psql', url, '-v', 'ON_ERROR_STOP=1', '-qtA', *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def new_database():
    name = 'scale_' + uuid.uuid4().hex[:12]
    psql(SERVER, '-c', f'CREATE DATABASE {name}')
    url = urlunsplit(urlsplit(SERVER)._replace(path='/' + name))
    psql(url, '-c', 'SELECT 1')
    return url


def timed(command, **kw):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, **kw)
    return time.perf_counter() - start


# Every request a new address: each wrk thread walks its own share of the list given.
WALK = THREAD_IDS + """
function init(args)
  n = 0
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
end
function request()
  local i = (n * 2 + id) % #paths + 1
  n = n + 1
  return wrk.format(nil, paths[i])
end
"""


def wrk(base, paths, work, name):
    listing = os.path.join(work, name + '.txt')
    with open(listing, 'w') as f:
        f.write('\n'.join(paths) + '\n')
    script = os.path.join(work, 'walk.lua')
    with open(script, 'w') as f:
        f.write(WALK)
    return figures(subprocess.run(['wrk', '-t2', '-c50', f'-d{SECONDS}s', '--latency', '-s', script, base, '--', listing],
                                  check=True, capture_output=True, text=True).stdout)


def serve_and_measure(db, work, label):
    port = free_port()
    server = subprocess.Popen([KRAPTE, 'serve', '--db', db, '--port', str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        base = f'http://127.0.0.1:{port}'
        wait_until_up(base)
        occupations, regions, quarters = codes()
        rng = random.Random(19)
        series = [f'/api/v1/datasets/demo-spanning/observations?measure={rng.choice(MEASURES)}'
                  f'&Beroep={rng.choice(occupations)}&RegioS={rng.choice(regions)}' for _ in range(20000)]
        body = json.load(urllib.request.urlopen(base + series[0]))
        assert len(body['observations']) == QUARTERS, 'one series does not hold every quarter'
        tension = json.load(urllib.request.urlopen(base + '/api/v1/datasets/spanningsindicator-beroepen'))['dataset']
        members = {d['code']: [m['code'] for m in d['members']] for d in tension['dimensions']}
        pages = [f'/spanningsindicator?regio={rng.choice(members["RegioS"])}&beroep={rng.choice(members["Beroep"])}'
                 f'&periode={rng.choice(quarters[-40:])}' for _ in range(20000)]
        first = time.perf_counter()
        assert b'<svg' in urllib.request.urlopen(base + '/spanningsindicator').read()
        first = (time.perf_counter() - first) * 1000
        # Between the runs the server is given a few seconds to finish the requests wrk left behind when it stopped
        # (fifty pages of a second each), so that each run measures only its own requests.
        results = []
        for name, paths, file in [('one series (API, each a new one)', series, 'series'),
                                  ("a region's spanningsindicator page (never kept)", pages, 'pages'),
                                  ('the spanningsindicator page of Nederland (kept)', ['/spanningsindicator'], 'nl')]:
            results.append((name, wrk(base, paths, work, file)))
            time.sleep(3)
        for name, (rps, p50, p99, errors) in results:
            print(f'  {label:10s} {name:50s} {rps:8.0f} req/s  p50 {p50:8.2f} ms  p99 {p99:8.2f} ms  non-2xx {errors}')
        print(f'  {label:10s} the spanningsindicator page of Nederland, first rendering: {first:.0f} ms')
    finally:
        server.terminate()
        server.wait()


def main():
    global BRC_GROUPS, AMS
    work = tempfile.mkdtemp(prefix='krapte-scale-', dir=os.environ.get('KRAPTE_SCALE_DIR'))
    BRC_GROUPS, AMS = built_in_codes(work)
    csv_path = os.path.join(work, 'cube.csv')
    mapping_path = os.path.join(work, 'mapping.json')
    with open(mapping_path, 'w') as f:
        json.dump(MAPPING, f)
    start = time.perf_counter()
    write_cube(csv_path)
    print(f'{OCCUPATIONS} x {REGIONS} x {QUARTERS} x {len(MEASURES)} = {ROWS:,} observations, '
          f'{os.path.getsize(csv_path) / 1e9:.2f} GB of CSV (written in {time.perf_counter() - start:.0f} s); '
          f'PostgreSQL {psql(SERVER, "-c", "SHOW server_version")}')

    copy_db = new_database()
    psql(copy_db, '-c', 'CREATE TABLE obs (period TEXT, region TEXT, occupation TEXT, measure TEXT, '
                        'value DOUBLE PRECISION, status TEXT)')
    copy = timed(['psql', copy_db, '-v', 'ON_ERROR_STOP=1', '-qc',
                  f"\\copy obs FROM '{csv_path}' WITH (FORMAT csv, HEADER true)"])
    assert int(psql(copy_db, '-c', 'SELECT count(*) FROM obs')) == ROWS
    copy_size = int(psql(copy_db, '-c', 'SELECT pg_database_size(current_database())'))
    psql(SERVER, '-c', f'DROP DATABASE {urlsplit(copy_db).path[1:]}')

    pg = new_database()
    ingest = ['ingest', csv_path, '--mapping', mapping_path]
    pg_load = timed([KRAPTE, *ingest, '--db', pg])
    assert int(psql(pg, '-c', 'SELECT sum(observation_count) FROM vintage')) == ROWS
    pg_size = int(psql(pg, '-c', 'SELECT pg_database_size(current_database())'))

    sqlite = os.path.join(work, 'scale.sqlite')
    sqlite_load = timed([KRAPTE, *ingest, '--db', sqlite])
    sqlite_size = sum(os.path.getsize(sqlite + s) for s in ('', '-wal') if os.path.exists(sqlite + s))

    print(f'load, psql \\copy into a plain table   {copy:8.1f} s  {ROWS / copy / 1e6:5.2f} M rows/s  {copy_size / 1e9:6.2f} GB')
    print(f'load, krapte ingest into PostgreSQL     {pg_load:8.1f} s  {ROWS / pg_load / 1e6:5.2f} M rows/s  {pg_size / 1e9:6.2f} GB'
          f'  ({pg_load / copy:.2f}x the time of \\copy; goal at most 1.5x)')
    print(f'load, krapte ingest into SQLite         {sqlite_load:8.1f} s  {ROWS / sqlite_load / 1e6:5.2f} M rows/s  {sqlite_size / 1e9:6.2f} GB')

    # The shipped definitions add the cube up the BRC and region hierarchies; the numbered codes have none, so the
    # page's three datasets are computed per occupation and region as they are (`Guides/Spanningsindicator.md`).
    shipped = json.loads(subprocess.run([KRAPTE, 'compute', '--print-definitions'], check=True, capture_output=True,
                                        text=True).stdout)
    indicators = ['vacatures-beroepen', 'ww-kort-beroepen', 'spanningsindicator-beroepen']
    chosen = [d for d in shipped['indicators'] if d['id'] in indicators]
    for d in chosen:
        d['title'] += ' (schaalkubus, zonder hiërarchie)'
        for i in d['inputs'].values():
            i.pop('rollUp', None)
    definitions = os.path.join(work, 'definitions.json')
    with open(definitions, 'w') as f:
        json.dump({'description': 'De spanningsindicator over de schaalkubus', 'indicators': chosen}, f)
    for label, db in (('PostgreSQL', pg), ('SQLite', sqlite)):
        took = sum(timed([KRAPTE, 'compute', i, '--definitions', definitions, '--period', quarters_last(), '--db', db])
                   for i in indicators)
        print(f'compute the spanningsindicator over the cube ({", ".join(indicators)}), {label}: {took:.1f} s')
    print(f'wrk, 2 threads, 50 connections, {SECONDS} s each:')
    serve_and_measure(pg, work, 'PostgreSQL')
    serve_and_measure(sqlite, work, 'SQLite')


def quarters_last():
    return codes()[2][-1]


if __name__ == '__main__':
    main()
