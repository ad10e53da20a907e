"""What the server benchmarks share: a free port on loopback, waiting for the server to answer, the Lua lines that
number wrk's threads, and the figures of wrk's `--latency` report."""
import re, socket, time, urllib.request

# Gives each of wrk's threads its number as `id`, so that the threads can walk their own share of the addresses.
THREAD_IDS = """
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
"""


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def figures(out):
    """Requests per second, p50 and p99 in milliseconds, and the count of answers not 2xx or 3xx, from wrk's output."""
    rps = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))

    def ms(label):
        value, unit = re.search(rf'{label}\s+([\d.]+)(us|ms|s)\b', out).groups()
        return float(value) * {'us': 0.001, 'ms': 1, 's': 1000}[unit]
    errors = re.search(r'Non-2xx or 3xx responses: (\d+)', out)
    return rps, ms('50%'), ms('99%'), int(errors.group(1)) if errors else 0


def wait_until_up(base, seconds=60):
    """Waits until the server at `base` answers its style sheet; fails after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(base + '/static/krapte.css', timeout=1)
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
