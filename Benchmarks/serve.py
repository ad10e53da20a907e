"""The explorer page under load (issues 5 and 16): wrk on loopback against the explorer with a line chart over a
93 x 36 x 80 cube, kept from before and never kept (a new address for every request), and against the server's
smallest static response (its style sheet), in the same run.

    swift build -c release --product krapte --scratch-path .build-release
    python3 Benchmarks/serve.py [SECONDS] [CONNECTIONS]

Needs Debian's wrk. Prints requests per second and latency percentiles of each, and the ratios; the goals are a p99
under 50 ms on the chart page, kept or not, and at least half the static response's requests per second for the
kept page."""
import json, os, subprocess, sys, tempfile, time, urllib.request

from loadtest import THREAD_IDS, figures, free_port, wait_until_up

KRAPTE = os.path.join(os.path.dirname(__file__), '..', '.build-release', 'release', 'krapte')
SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 20
CONNECTIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 100


# Every request a page not asked for before: each of wrk's threads walks its own share of 2 measures x 93
# occupations x 36 regions x 40 first quarters (267,840 addresses), so that no page is kept when it is asked.
FRESH = THREAD_IDS + """
function init(args)
  n = 0
  occupations = {}
  for code in string.gmatch(args[1], "[^,]+") do occupations[#occupations + 1] = code end
  regions = {}
  for code in string.gmatch(args[2], "[^,]+") do regions[#regions + 1] = code end
  quarters = {}
  for code in string.gmatch(args[3], "[^,]+") do quarters[#quarters + 1] = code end
end
function request()
  local i = n * 2 + id
  n = n + 1
  local measure = ({"OpenstaandeVacatures", "WWKorterDan6Maanden"})[i % 2 + 1]
  i = math.floor(i / 2)
  local o = occupations[i % #occupations + 1]
  i = math.floor(i / #occupations)
  local r = regions[i % #regions + 1]
  i = math.floor(i / #regions)
  local q = quarters[i % 40 + 1]
  return wrk.format(nil, "/verkenner/demo-spanning?measure=" .. measure .. "&Beroep=" .. o .. "&RegioS=" .. r .. "&van=" .. q)
end
"""


def wrk(url, script=None, args=()):
    command = ['wrk', '-t2', f'-c{CONNECTIONS}', f'-d{SECONDS}s', '--latency']
    if script:
        command += ['-s', script]
    return figures(subprocess.run(command + [url, '--'] + list(args), check=True, capture_output=True, text=True).stdout)


def main():
    work = tempfile.mkdtemp(prefix='krapte-serve-bench-')
    db = os.path.join(work, 'cube.sqlite')
    subprocess.run([KRAPTE, 'demo', '--cube-size', '93x36x80', '--db', db], check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen([KRAPTE, 'serve', '--db', db, '--port', str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f'http://127.0.0.1:{port}'
        wait_until_up(base)
        explorer = base + '/verkenner/demo-spanning?measure=OpenstaandeVacatures&Beroep=0111&RegioS=AM01'
        page = urllib.request.urlopen(explorer).read().decode()
        assert '<svg' in page and page.count('<tr>') >= 80, 'the explorer page has no chart over 80 quarters'
        # A page rendered for the first time: 200 other choices, one at a time, none of them kept yet.
        meta = json.load(urllib.request.urlopen(base + '/api/v1/datasets/demo-spanning'))['dataset']
        occupations, regions = ([m['code'] for m in d['members']] for d in meta['dimensions'])
        cold = []
        for i in range(200):
            url = f'{base}/verkenner/demo-spanning?measure=WWKorterDan6Maanden&Beroep={occupations[i % 10]}&RegioS={regions[i // 10]}'
            start = time.perf_counter()
            page = urllib.request.urlopen(url).read()
            assert b'<svg' in page
            cold.append((time.perf_counter() - start) * 1000)
        cold.sort()
        script = os.path.join(work, 'fresh.lua')
        with open(script, 'w') as f:
            f.write(FRESH)
        quarters = [p['period'] for p in json.load(urllib.request.urlopen(
            base + '/api/v1/datasets/demo-spanning/observations?measure=OpenstaandeVacatures&Beroep=0111&RegioS=AM01'))['observations']]
        fresh_args = (','.join(occupations), ','.join(regions), ','.join(sorted(set(quarters))[:40]))
        static = wrk(base + '/static/krapte.css')
        chart = wrk(explorer)
        fresh = wrk(base, script, fresh_args)
        # A page not kept, one at a time, while wrk keeps the server busy with the kept page on 100 connections.
        busy = subprocess.Popen(['wrk', '-t2', f'-c{CONNECTIONS}', f'-d{SECONDS}s', explorer], stdout=subprocess.DEVNULL)
        time.sleep(1)
        loaded = []
        for i in range(200):
            url = f'{base}/verkenner/demo-spanning?measure=OpenstaandeVacatures&Beroep={occupations[i % 10 + 10]}&RegioS={regions[i // 10]}'
            start = time.perf_counter()
            assert b'<svg' in urllib.request.urlopen(url).read()
            loaded.append((time.perf_counter() - start) * 1000)
        busy.wait()
        loaded.sort()
        print(f'{SECONDS} s, {CONNECTIONS} connections, 2 wrk threads')
        for name, (rps, p50, p99, errors) in [('static style sheet', static), ('explorer, kept', chart), ('explorer, never kept', fresh)]:
            print(f'{name:26} {rps:10.0f} req/s   p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   non-2xx {errors}')
        print(f'kept page / static: {chart[0] / static[0]:.2f} of the requests per second')
        print(f'page never kept / kept: {fresh[0] / chart[0]:.3f} of the requests per second, p99 {fresh[2] / chart[2]:.1f}x')
        print(f'first rendering of a page (200 other choices, one at a time): p50 {cold[100]:.1f} ms, p99 {cold[197]:.1f} ms')
        print(f'the same while wrk asks the kept page on {CONNECTIONS} connections: p50 {loaded[100]:.1f} ms, p99 {loaded[197]:.1f} ms')
    finally:
        server.terminate()
        server.wait()


if __name__ == '__main__':
    main()
