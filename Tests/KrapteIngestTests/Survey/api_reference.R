# Writes R survey's estimates on its `api` data for SurveyAgreementTests: the data as CSV, and per estimate a row
# name,estimate,se with 17 significant digits. Usage: Rscript api_reference.R OUTPUT_FOLDER
suppressMessages(library(survey))
out <- commandArgs(trailingOnly = TRUE)[1]
data(api)
columns <- c("stype", "dnum", "pw", "fpc", "api00", "enroll", "sch.wide", "awards")
write.csv(apistrat[, columns], file.path(out, "apistrat.csv"), row.names = FALSE)
write.csv(apiclus1[, columns], file.path(out, "apiclus1.csv"), row.names = FALSE)
rows <- list()
put <- function(name, result) {
  est <- coef(result)
  se <- as.vector(SE(result))
  rows[[length(rows) + 1]] <<- data.frame(name = paste0(name, ":", names(est)), estimate = sprintf("%.17g", est), se = sprintf("%.17g", se))
}
by <- function(name, result) {
  # svyby: one row per domain, columns of estimates then of SEs
  est <- coef(result)
  se <- as.vector(as.matrix(SE(result)))
  rows[[length(rows) + 1]] <<- data.frame(name = paste0(name, ":", names(est)), estimate = sprintf("%.17g", est), se = sprintf("%.17g", se))
}
designs <- list(
  strat = svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = apistrat),
  stratnofpc = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat)
)
clus <- svydesign(id = ~dnum, weights = ~pw, fpc = ~fpc, data = apiclus1)
designs$post <- calibrate(clus, ~stype, population = c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018))
designs$rake <- calibrate(clus, ~stype + sch.wide, population = c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, sch.wideYes = 5122),
                          calfun = "raking", epsilon = 1e-13, maxit = 200)
for (d in names(designs)) {
  put(paste0(d, ":mean"), svymean(~api00, designs[[d]]))
  put(paste0(d, ":total"), svytotal(~enroll, designs[[d]]))
  put(paste0(d, ":share"), svymean(~sch.wide, designs[[d]]))
  put(paste0(d, ":count"), svytotal(~sch.wide, designs[[d]]))
  by(paste0(d, ":byshare"), svyby(~sch.wide, ~awards, designs[[d]], svymean))
  by(paste0(d, ":bytotal"), svyby(~sch.wide, ~awards, designs[[d]], svytotal))
}
write.csv(do.call(rbind, rows), file.path(out, "reference.csv"), row.names = FALSE, quote = FALSE)
