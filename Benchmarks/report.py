"""A report built from a warm store (issue 17): the ICT report of Examples/rapporten (after seed 000) over the real
CBS tables of ../shared/data/real, as HTML and as PDF, against headless Chromium printing the same HTML on its own
(the part of the PDF that is Chromium's), runs alternated.

    swift build -c release --product krapte --scratch-path .build-release
    python3 Benchmarks/report.py [RUNS]

Goals: the HTML in under 200 ms (the whole command: start, open the store, read, fill in, write), and the PDF with
Chromium's start in the time Chromium takes plus that."""
import glob, os, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
KRAPTE = os.path.join(HERE, '..', '.build-release', 'release', 'krapte')
REPORT = os.path.join(HERE, '..', 'Examples', 'rapporten', 'ict-arbeidsmarkt.md')
REAL = os.environ.get('KRAPTE_SHARED_DATA', os.path.join(HERE, '..', '..', 'shared', 'data', 'real'))
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 11
TABLES = ['cbs-arbeidsmarkt/85276NED.csv', 'cbs-vacatures/80472ned.csv', 'cbs-ict-gebruik/86075NED.csv',
          'cbs-faillissementen/82242NED.csv', 'cbs-productiviteit/85880NED.csv', 'cbs-productiviteit/85920NED.csv']


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def main():
    work = tempfile.mkdtemp(prefix='krapte-report-bench-')
    db = os.path.join(work, 'real.sqlite')
    for table in TABLES:
        subprocess.run([KRAPTE, 'ingest', os.path.join(REAL, table), '--db', db], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([KRAPTE, 'compute', '--all', '--db', db], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = os.path.join(work, 'out')
    html_command = [KRAPTE, 'report', 'build', REPORT, '--db', db, '--out', out]
    pdf_command = html_command + ['--pdf']
    subprocess.run(html_command, check=True, stdout=subprocess.DEVNULL)  # warm: the store's pages in the OS cache
    html_file = os.path.join(out, 'ict-arbeidsmarkt.html')
    profile = os.path.join(work, 'profile')
    chromium = ['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
                '--no-pdf-header-footer', f'--user-data-dir={profile}', f'--print-to-pdf={os.path.join(work, "alone.pdf")}',
                'file://' + html_file]
    html, pdf, alone = [], [], []
    for i in range(RUNS):
        html.append(timed(html_command))
        if i < max(3, RUNS // 2):
            pdf.append(timed(pdf_command))
            alone.append(timed(chromium))
    size = os.path.getsize(html_file)
    print(f'ict-arbeidsmarkt.md over {len(TABLES)} real tables and their indicators; HTML {size:,} bytes')
    for name, runs in [('krapte report build (HTML)', html), ('krapte report build --pdf', pdf), ('chromium --print-to-pdf alone', alone)]:
        print(f'{name:32} median {statistics.median(runs):7.0f} ms   min {min(runs):7.0f} ms   ({len(runs)} runs)')
    print(f'PDF minus Chromium alone: median {statistics.median(pdf) - statistics.median(alone):.0f} ms')


if __name__ == '__main__':
    main()
