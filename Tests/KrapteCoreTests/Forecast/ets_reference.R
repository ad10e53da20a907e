# R's forecast package on real CBS series, for ETSAgreementTests: the series, R's chosen model and its forecasts
# with 80% and 95% intervals, and per model form R's fitted parameters, initial states and forecasts.
#   Rscript ets_reference.R DATA_FOLDER OUT_FILE [all]
# DATA_FOLDER is ../shared/data/real; with "all" every sector's series is written, else a sample.
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
data <- args[1]
out <- file(args[2], "w")
everything <- length(args) > 2 && args[3] == "all"
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])))
source(file.path(here, "cbs_series.R"))
num <- function(x) paste(sprintf("%.17g", as.numeric(x)), collapse = " ")
series <- lapply(cbs_series(data, everything), function(s) s$y)

source(file.path(here, "forecast_fixes.R"))

forms <- list(c("ANN", FALSE), c("AAN", FALSE), c("AAN", TRUE), c("ANA", FALSE), c("AAA", FALSE), c("AAA", TRUE),
              c("MNN", FALSE), c("MAN", FALSE), c("MAN", TRUE), c("MNA", FALSE), c("MAA", FALSE), c("MAA", TRUE),
              c("MNM", FALSE), c("MAM", FALSE), c("MAM", TRUE))
forecasts <- function(f) paste(num(f$mean), num(f$lower[, 1]), num(f$upper[, 1]), num(f$lower[, 2]), num(f$upper[, 2]), sep = ";")
parameters <- function(fit) num(c(fit$par["alpha"], fit$par["beta"], fit$par["gamma"], fit$par["phi"]))

for (id in names(series)) {
  y <- series[[id]]
  writeLines(paste("S", id, frequency(y), num(y), sep = ";"), out)
  fit <- ets(y)
  writeLines(paste("A", id, sub("ETS\\((.),(.*),(.)\\)", "\\1\\2\\3", fit$method), num(fit$aicc), num(fit$sigma2),
                   parameters(fit), num(fit$initstate), forecasts(forecast(fit, h = 8)), sep = ";"), out)
  if (everything) next
  writeLines(paste("N", id, "naive", forecasts(naive(y, h = 8)), sep = ";"), out)
  writeLines(paste("N", id, "seasonalNaive", forecasts(snaive(y, h = 8)), sep = ";"), out)
  writeLines(paste("N", id, "drift", forecasts(rwf(y, h = 8, drift = TRUE)), sep = ";"), out)
  for (form in forms) {
    code <- form[1]
    damped <- as.logical(form[2])
    if (frequency(y) == 1 && substr(code, 3, 3) != "N") next
    fit <- tryCatch(ets(y, model = code, damped = damped), error = function(e) NULL)
    if (is.null(fit)) next
    name <- if (damped) paste0(substr(code, 1, 2), "d", substr(code, 3, 3)) else code
    writeLines(paste("F", id, name, num(fit$aicc), num(fit$sigma2), parameters(fit), num(fit$initstate),
                     forecasts(forecast(fit, h = 8)), sep = ";"), out)
  }
}
close(out)
