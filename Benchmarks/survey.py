"""Survey estimation against R's survey package (issue 4): shares with standard errors overall, per sector and per
size class for one question over 335,000 respondents, by `krapte survey estimate` and by R's svymean and svyby on
the same data, in the same run; the results must be identical (1e-9 relative).

    swift build -c release --product krapte --scratch-path .build-release
    python3 Benchmarks/survey.py [RESPONDENTS]

Needs Rscript with the survey package (Debian r-cran-survey). krapte is timed end to end (reading the CSV files,
checking them, estimating, writing CSV); R only for svymean and svyby, after it has read the data."""
import csv, json, os, subprocess, sys, tempfile, time

KRAPTE = os.path.join(os.path.dirname(__file__), '..', '.build-release', 'release', 'krapte')
N = int(sys.argv[1]) if len(sys.argv) > 1 else 335_000
# The generator's size is rough: this many respondents per wave gives about N in wave 2025.
GENERATOR = round(N * 1.19)

R = r'''
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
r <- read.csv(args[1], colClasses = "character", na.strings = "")
p <- read.csv(args[2], colClasses = c("character", "character", "character", "numeric"))
p <- p[p$wave == "2025", ]
r$stratum <- paste(r$sector, r$size_class, sep = "|")
r$N <- p$N[match(r$stratum, paste(p$sector, p$size_class, sep = "|"))]
r$w <- r$N / as.vector(table(r$stratum)[r$stratum])
r$overall <- "totaal"
r$q <- factor(r$q_ai_gebruik, levels = c("Ja, veel", "Ja, een beetje", "Nee", "Weet niet"))
start <- proc.time()[["elapsed"]]
d <- svydesign(id = ~1, strata = ~stratum, weights = ~w, fpc = ~N, data = r)
a <- subset(d, !is.na(q))
results <- list(overall = svymean(~q, a), sector = svyby(~q, ~sector, a, svymean), size_class = svyby(~q, ~size_class, a, svymean))
elapsed <- proc.time()[["elapsed"]] - start
cat(sprintf("%.4f\n", elapsed), file = args[3])
out <- file(args[4], "w")
cats <- levels(r$q)
writeLines(paste0("overall,totaal,", cats, ",", sprintf("%.17g", coef(results$overall)), ",", sprintf("%.17g", SE(results$overall))), out)
for (type in c("sector", "size_class")) {
  x <- results[[type]]
  est <- matrix(coef(x), nrow = nrow(x))
  se <- as.matrix(SE(x))
  for (i in seq_len(nrow(x))) writeLines(paste0(type, ",", rownames(x)[i], ",", cats, ",", sprintf("%.17g", est[i, ]), ",", sprintf("%.17g", se[i, ])), out)
}
close(out)
'''


def main():
    work = tempfile.mkdtemp(prefix='krapte-survey-bench-')
    subprocess.run([KRAPTE, 'demo', '--survey-respondents', str(GENERATOR), '--survey-folder', work], check=True, stdout=subprocess.DEVNULL)
    # One wave and one question, as the issue asks.
    with open(os.path.join(work, 'responses.csv')) as f, open(os.path.join(work, 'wave.csv'), 'w', newline='') as g:
        reader, writer = csv.reader(f), csv.writer(g)
        header = next(reader)
        writer.writerow(header[:5])
        rows = 0
        for row in reader:
            if row[1] == '2025':
                writer.writerow(row[:5])
                rows += 1
    design = {'dataset': 'bench', 'strata': ['sector', 'size_class'], 'domains': [[], ['sector'], ['size_class']], 'minimumRespondents': 1,
              'questions': [{'name': 'q_ai_gebruik', 'categories': ['Ja, veel', 'Ja, een beetje', 'Nee', 'Weet niet']}]}
    with open(os.path.join(work, 'bench.json'), 'w') as f:
        json.dump(design, f)
    ours = os.path.join(work, 'krapte.csv')
    best = None
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([KRAPTE, 'survey', 'estimate', '--design', os.path.join(work, 'bench.json'), '--responses', os.path.join(work, 'wave.csv'),
                        '--population', os.path.join(work, 'population.csv'), '--out', ours], check=True)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    script = os.path.join(work, 'bench.R')
    with open(script, 'w') as f:
        f.write(R)
    r_times = []
    for _ in range(3):
        subprocess.run(['Rscript', script, os.path.join(work, 'wave.csv'), os.path.join(work, 'population.csv'), os.path.join(work, 'rtime.txt'),
                        os.path.join(work, 'r.csv')], check=True)
        r_times.append(float(open(os.path.join(work, 'rtime.txt')).read()))
    theirs = {}
    for line in open(os.path.join(work, 'r.csv')):
        type_, domain, rest = line.rstrip('\n').split(',', 2)
        category, share, se = rest.rsplit(',', 2)
        theirs[(type_, domain, category)] = (float(share), float(se))
    worst = 0.0
    with open(ours) as f:
        for row in csv.DictReader(f):
            share, se = theirs[(row['domain_type'], row['domain'], row['category'])]
            for a, b in ((float(row['share']), share), (float(row['se']), se)):
                worst = max(worst, abs(a - b) / max(abs(a), abs(b), 1e-300))
    r_best = min(r_times)
    print(f'{rows} respondents, 1 question, 4 categories, overall + 16 sectors + 3 size classes')
    print(f'krapte survey estimate (end to end, best of 3): {best:.3f} s')
    print(f'R svymean + svyby (estimation only, best of 3):  {r_best:.3f} s')
    print(f'krapte is {r_best / best:.1f}x faster; largest relative difference of share and se: {worst:.1e} over {len(theirs)} cells')


if __name__ == '__main__':
    main()
