# The rolling-origin back-test of Benchmarks/forecast.py on R's side: for every series of cbs_series.R (all
# sectors), forecasts by forecast::ets from each of the last ORIGINS periods with a later value, 1 to 8 steps ahead
# as far as observed, each scaled by the in-sample mean absolute error of the seasonal naive method (MASE).
#   Rscript Benchmarks/forecast_backtest.R DATA_FOLDER OUT_FILE [corrected]
# With "corrected", R's two faulty interval formulas are replaced as Krapte computes them (forecast_fixes.R); the
# one for ETS(M,Ad,M) changes its point forecasts too.
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])))
source(file.path(here, "..", "Tests", "KrapteCoreTests", "Forecast", "cbs_series.R"))
if (length(args) > 2 && args[3] == "corrected") source(file.path(here, "..", "Tests", "KrapteCoreTests", "Forecast", "forecast_fixes.R"))
code <- function(y, i) {
  f <- frequency(y)
  t <- time(y)[i]
  year <- floor(t + 1e-9)
  k <- round((t - year) * f) + 1
  if (f == 4) sprintf("%dKW%02d", year, k) else if (f == 12) sprintf("%dMM%02d", year, k) else sprintf("%dJJ00", year)
}
out <- file(args[2], "w")
writeLines("id;dataset;measure;where;frequency;first;last;origins;mase;checks;seconds", out)
for (s in cbs_series(args[1], TRUE)) {
  y <- s$y
  n <- length(y)
  m <- frequency(y)
  origins <- if (m == 1) 5 else 3 * m
  started <- proc.time()[["elapsed"]]
  errors <- c()
  for (t in max(1, n - origins):(n - 1)) {
    train <- ts(y[1:t], start = start(y), frequency = m)
    h <- min(8, n - t)
    f <- tryCatch(forecast(ets(train), h = h)$mean, error = function(e) NULL)
    if (is.null(f)) next
    lag <- max(m, 1)
    scale <- mean(abs(diff(as.numeric(train), lag = lag)))
    errors <- c(errors, abs(as.numeric(y[(t + 1):(t + h)]) - as.numeric(f)) / scale)
  }
  seconds <- proc.time()[["elapsed"]] - started
  where <- paste(names(s$where), unlist(s$where), sep = "=", collapse = "|")
  writeLines(paste(s$id, s$dataset, s$measure, where, m, code(y, 1), code(y, n), origins, sprintf("%.17g", mean(errors)),
                   length(errors), sprintf("%.3f", seconds), sep = ";"), out)
}
close(out)
