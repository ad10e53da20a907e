#!/usr/bin/env python3
"""Forecasts (issue 18), two comparisons with R's forecast package (8.20), each side by side in one run.

1. Speed: every series of the 93 x 36 x 80 demo cube (3,348 occupation-region series of each of two measures,
   6,696 quarterly series of 80 quarters), forecast 8 quarters ahead with the ETS model chosen by AICc.
   krapte: `krapte compute` of two forecast definitions, the whole command (start, read the store, fit, store the
   forecasts with their bounds and models), on both cores.
   R: `forecast(ets(y), h = 8)` over the same series, the loop alone (the series read from CSV before the clock
   starts), in one R process; and the same spread over two R processes (parallel::mclapply, 2 cores).
2. Accuracy: a rolling-origin back-test on the real CBS series of Tests/KrapteCoreTests/Forecast/cbs_series.R (all
   sectors: 80472ned vacancies, 85920NED jobs and hours, 80590ned unemployment, 37789ksz WW): from each of the
   last 3 years of origins (5 for yearly series), 1 to 8 steps ahead; MASE against the seasonal naive method for
   Krapte (`krapte forecast backtest`) and R (Benchmarks/forecast_backtest.R).

    swift build -c release --product krapte --scratch-path .build-release
    python3 Benchmarks/forecast.py [speed|accuracy] [RUNS]
"""
import csv, io, json, os, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
KRAPTE = os.path.join(HERE, '..', '.build-release', 'release', 'krapte')
REAL = os.environ.get('KRAPTE_SHARED_DATA', os.path.join(HERE, '..', '..', 'shared', 'data', 'real'))
PART = sys.argv[1] if len(sys.argv) > 1 else 'both'
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
work = tempfile.mkdtemp(prefix='krapte-forecast-bench-')

R_SPEED = r'''
suppressMessages(library(forecast)); suppressMessages(library(parallel))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], colClasses = c(Beroep = "character", RegioS = "character"))
d <- d[order(d$measure, d$Beroep, d$RegioS, d$period), ]
series <- split(d$value, paste(d$measure, d$Beroep, d$RegioS))
cores <- as.integer(args[2])
t <- proc.time()[["elapsed"]]
fit <- function(v) { f <- forecast(ets(ts(v, frequency = 4)), h = 8); f$mean[1] }
means <- if (cores == 1) lapply(series, fit) else mclapply(series, fit, mc.cores = cores)
cat(length(series), proc.time()[["elapsed"]] - t, "\n")
'''


def speed():
    store = os.path.join(work, 'cube.sqlite')
    subprocess.run([KRAPTE, 'demo', '--cube-size', '93x36x80', '--db', store], check=True, stdout=subprocess.DEVNULL)
    definitions = {'indicators': [
        {'id': f'{m}-prognose', 'operation': 'forecast', 'parameters': {'frequency': 'quarter', 'horizon': 8},
         'inputs': {'input': {'dataset': 'demo-spanning', 'measure': m}}}
        for m in ['OpenstaandeVacatures', 'WWKorterDan6Maanden']]}
    definitions_path = os.path.join(work, 'forecasts.json')
    json.dump(definitions, open(definitions_path, 'w'))
    # The same series for R, in long form (not timed).
    frames = []
    for m in ['OpenstaandeVacatures', 'WWKorterDan6Maanden']:
        out = subprocess.run([KRAPTE, 'query', 'demo-spanning', '--measure', m, '--format', 'csv', '--db', store],
                             check=True, capture_output=True, text=True).stdout
        for row in csv.DictReader(io.StringIO(out)):
            frames.append((m, row['Beroep'], row['RegioS'], row['period'], row['value']))
    series_csv = os.path.join(work, 'series.csv')
    with open(series_csv, 'w') as f:
        f.write('measure,Beroep,RegioS,period,value\n')
        for r in frames:
            f.write(','.join(r) + '\n')
    r_script = os.path.join(work, 'speed.R')
    open(r_script, 'w').write(R_SPEED)

    def krapte():
        db = os.path.join(work, 'k.sqlite')
        shutil.copy(store, db)
        t = time.perf_counter()
        subprocess.run([KRAPTE, 'compute', '--all', '--definitions', definitions_path, '--db', db], check=True,
                       stdout=subprocess.DEVNULL)
        return time.perf_counter() - t

    def r(cores):
        out = subprocess.run(['Rscript', r_script, series_csv, str(cores)], check=True, capture_output=True, text=True).stdout
        count, seconds = out.split()
        assert int(count) == 6696, count
        return float(seconds)

    k, r2 = [], []
    r1 = r(1)  # once: about 20 minutes
    for _ in range(RUNS):
        k.append(krapte())
        r2.append(r(2))
    print(f'6,696 quarterly series of 80 quarters, 8 ahead, model chosen by AICc ({RUNS} runs alternated)')
    print(f'  krapte compute (whole command, 2 cores): median {statistics.median(k):.1f} s, min {min(k):.1f} s')
    print(f'  R ets + forecast, 1 process (loop only): {r1:.1f} s (one run)')
    print(f'  R ets + forecast, mclapply 2 cores (loop only): median {statistics.median(r2):.1f} s, min {min(r2):.1f} s')
    print(f'  ratio R 1 process / krapte: {r1 / statistics.median(k):.1f}x; R 2 cores / krapte: '
          f'median {statistics.median(r2) / statistics.median(k):.1f}x, min/min {min(r2) / min(k):.1f}x')


def accuracy():
    # R as released, and R with its two faulty interval formulas corrected (the one for ETS(M,Ad,M) moves its point
    # forecasts). KRAPTE_R_BACKTEST and KRAPTE_R_BACKTEST_CORRECTED name files of earlier R runs to use again (R
    # takes about 5 minutes for each).
    r_out = os.environ.get('KRAPTE_R_BACKTEST') or os.path.join(work, 'backtest_r.csv')
    r_fixed = os.environ.get('KRAPTE_R_BACKTEST_CORRECTED') or os.path.join(work, 'backtest_r_corrected.csv')
    if not os.path.exists(r_out):
        subprocess.run(['Rscript', os.path.join(HERE, 'forecast_backtest.R'), REAL, r_out], check=True)
    if not os.path.exists(r_fixed):
        subprocess.run(['Rscript', os.path.join(HERE, 'forecast_backtest.R'), REAL, r_fixed, 'corrected'], check=True)
    r_seconds = sum(float(row['seconds']) for row in csv.DictReader(open(r_out), delimiter=';'))
    corrected = {row['id']: float(row['mase']) for row in csv.DictReader(open(r_fixed), delimiter=';')}
    db = os.path.join(work, 'real.sqlite')
    for table in ['cbs-vacatures/80472ned.csv', 'cbs-productiviteit/85920NED.csv', 'cbs-arbeidsmarkt/80590ned.csv',
                  'cbs-arbeidsmarkt/37789ksz.csv']:
        subprocess.run([KRAPTE, 'ingest', os.path.join(REAL, table), '--db', db], check=True, stdout=subprocess.DEVNULL)
    frequency = {'1': 'jaar', '4': 'kwartaal', '12': 'maand'}
    # Member codes by label, from the store's own answer (labels such as "A Landbouw, bosbouw en visserij" hold
    # commas, and CBS's dumps cut long ones short).
    codes = {}
    for dataset, measure in {(r['dataset'], r['measure']) for r in csv.DictReader(open(r_out), delimiter=';')}:
        answer = subprocess.run([KRAPTE, 'query', dataset, '--measure', measure, '--format', 'csv', '--db', db],
                                check=True, capture_output=True, text=True).stdout
        for row in csv.DictReader(io.StringIO(answer)):
            for column in row:
                if column.endswith('_label'):
                    codes[(dataset, column[:-len('_label')], row[column])] = row[column[:-len('_label')]]
    ours, theirs, fixed, k_seconds = [], [], [], 0.0
    for row in csv.DictReader(open(r_out), delimiter=';'):
        command = [KRAPTE, 'forecast', 'backtest', row['dataset'], '--measure', row['measure'], '--frequency',
                   frequency[row['frequency']], '--period', f"{row['first']}..{row['last']}", '--horizon', '8',
                   '--origins', row['origins'], '--format', 'csv', '--db', db]
        for pair in filter(None, row['where'].split('|')):
            dimension, label = pair.split('=', 1)
            # CBS's dumps cut long labels short ("Bedrijfsgrootte: 0 tot 10 werkzame pe..."): a unique prefix will do.
            prefix = label.rstrip('.')
            starting = {c for (d, k, l), c in codes.items() if d == row['dataset'] and k == dimension and l.startswith(prefix)}
            code = codes.get((row['dataset'], dimension, label)) or codes.get((row['dataset'], dimension, label.replace('’', "'"))) \
                or (starting.pop() if len(starting) == 1 else label)
            command += ['--where', f"{dimension}={code}"]
        t = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        k_seconds += time.perf_counter() - t
        if done.returncode != 0:
            print(f"  {row['id']}: krapte refused: {done.stderr.strip()[:200]}")
            continue
        out = done.stdout
        errors = [float(r['mase']) for r in csv.DictReader(io.StringIO(out))]
        if not errors or int(row['checks']) != len(errors):
            print(f"  {row['id']}: krapte {len(errors)} checks, R {row['checks']}")
        if errors:
            ours.append(statistics.fmean(errors))
            theirs.append(float(row['mase']))
            fixed.append(corrected[row['id']])
            if abs(ours[-1] - fixed[-1]) > 1e-6 * fixed[-1]:
                print(f"  {row['id']}: MASE krapte {ours[-1]:.6f}, R corrected {fixed[-1]:.6f}, R {theirs[-1]:.6f}")
    print(f'rolling-origin back-test, {len(ours)} real CBS series, 1 to 8 steps ahead')
    print(f'  mean MASE: krapte {statistics.fmean(ours):.4f}, R {statistics.fmean(theirs):.4f} '
          f'(ratio {statistics.fmean(ours) / statistics.fmean(theirs):.4f}), R corrected {statistics.fmean(fixed):.4f} '
          f'(ratio {statistics.fmean(ours) / statistics.fmean(fixed):.4f})')
    print(f'  series whose MASE differs by more than 1e-6: from R {sum(abs(a - b) > 1e-6 * b for a, b in zip(ours, theirs))}, '
          f'from R corrected {sum(abs(a - b) > 1e-6 * b for a, b in zip(ours, fixed))}')
    print(f'  time: krapte {k_seconds:.1f} s (one command per series, start and store included), R {r_seconds:.1f} s (its loops only)')


if PART in ('speed', 'both'):
    speed()
if PART in ('accuracy', 'both'):
    accuracy()
shutil.rmtree(work, ignore_errors=True)
