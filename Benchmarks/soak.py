"""A soak of the server (issue 14): `wrk -c 200 -d 60s` over a mix of pages and API queries against the release
`krapte serve` over the demo set with its 93 x 36 x 80 cube, the server's RSS sampled every second.

    swift build -c release --product krapte --scratch-path .build-release
    python3 Benchmarks/soak.py [SECONDS] [CONNECTIONS]

Needs Debian's wrk. A warm-up of 10 s with the same mix comes first. Prints requests per second, latency, socket
errors and answers other than 2xx or 3xx, and RSS after the warm-up and at the end; the goal is no errors, no 5xx
and RSS at the end within 1.5 times RSS after the warm-up."""
import os, re, subprocess, sys, tempfile, threading, time, urllib.request

from loadtest import free_port, wait_until_up

KRAPTE = os.path.join(os.path.dirname(__file__), '..', '.build-release', 'release', 'krapte')
SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 60
CONNECTIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 200
PATHS = [
    '/', '/datasets/demo-spanning', '/verkenner/demo-spanning?Beroep=0811&RegioS=AM13',
    '/kerncijfers?regio=AM13', '/spanningsindicator', '/spanningsindicator?regio=AM13',
    '/api/v1/datasets', '/api/v1/datasets/demo-spanning',
    '/api/v1/datasets/demo-spanning/observations?measure=OpenstaandeVacatures&Beroep=0811&RegioS=AM13',
    '/api/v1/datasets/demo-spanning/observations?measure=OpenstaandeVacatures&limit=1000',
    '/api/v1/datasets/demo-spanning/observations?measure=WWKorterDan6Maanden&RegioS=AM01&format=csv',
    '/api/v1/indicators', '/api/v1/indicators/spanningsindicator/observations?RegioS=AM13',
    '/api/v1/datasets/nergens', '/static/krapte.css',
]
SCRIPT = """
paths = {%s}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counter = 0; fivexx = 0; fourxx = 0 end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
function response(status, headers, body)
  if status >= 500 then fivexx = fivexx + 1 elseif status >= 400 then fourxx = fourxx + 1 end
end
function done(summary, latency, requests)
  local f, g = 0, 0
  for _, t in ipairs(threads) do f = f + t:get("fivexx"); g = g + t:get("fourxx") end
  io.write(string.format("answers 5xx %%d 4xx %%d\\n", f, g))
end
""" % ', '.join(f'"{p}"' for p in PATHS)


def rss(pid):
    with open(f'/proc/{pid}/status') as f:
        return int(next(line for line in f if line.startswith('VmRSS:')).split()[1]) // 1024


def wrk(base, seconds, script):
    out = subprocess.run(['wrk', '-t2', f'-c{CONNECTIONS}', f'-d{seconds}s', '--timeout', '20s', '--latency', '-s', script, base],
                         check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))
    errors = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', out)
    fivexx, fourxx = (int(g) for g in re.search(r'answers 5xx (\d+) 4xx (\d+)', out).groups())
    return out, rps, (sum(int(g) for g in errors.groups()) if errors else 0), fivexx, fourxx


work = tempfile.mkdtemp(prefix='krapte-soak-')
db = os.path.join(work, 'k.sqlite')
subprocess.run([KRAPTE, 'demo', '--db', db], check=True, stdout=subprocess.DEVNULL)
script = os.path.join(work, 'mix.lua')
with open(script, 'w') as f:
    f.write(SCRIPT)
port = free_port()
log = open(os.path.join(work, 'serve.log'), 'w')
server = subprocess.Popen([KRAPTE, 'serve', '--db', db, '--port', str(port)], stdout=log, stderr=subprocess.STDOUT)
base = f'http://127.0.0.1:{port}'
try:
    wait_until_up(base)
    # Every path of the mix answers as expected before the soak: 200, and 404 for the dataset that is not there.
    for p in PATHS:
        try:
            status = urllib.request.urlopen(base + p, timeout=30).status
        except urllib.error.HTTPError as e:
            status = e.code
        assert status == (404 if p.endswith('nergens') else 200), f'{p}: {status}'
    wrk(base, 10, script)
    # wrk leaves with queries of the warm-up still queued; they leave the queue within 10 s.
    time.sleep(11)
    warm = rss(server.pid)
    samples = []
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            samples.append(rss(server.pid))
            time.sleep(1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, rps, errors, fivexx, fourxx = wrk(base, SECONDS, script)
    stop.set()
    sampler.join()
    end = rss(server.pid)
    latency = re.search(r'99%\s+(\S+)', out).group(1)
    print(f'{SECONDS} s, {CONNECTIONS} connections, {len(PATHS)} paths: {rps:.0f} requests/s, p99 {latency}')
    print(f'socket errors {errors}; 5xx {fivexx}; 4xx {fourxx} (one path in {len(PATHS)} is a 404 by design: '
          f'about {rps * SECONDS / len(PATHS):.0f})')
    print(f'RSS after warm-up {warm} MiB, max {max(samples)} MiB, at the end {end} MiB: {end / warm:.2f}x')
    if fivexx:
        with open(os.path.join(work, 'serve.log')) as f:
            lines = [line for line in f if re.search(r' 5\d\d \d+ ms$', line.rstrip())]
        print(f'{len(lines)} answers 5xx in the log, the first: {lines[0].strip() if lines else "-"}')
finally:
    server.terminate()
    server.wait()
