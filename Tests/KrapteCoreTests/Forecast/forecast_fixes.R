# Two faults of forecast 8.20's interval formulas, corrected as Krapte computes them (Guides/Forecasts.md), for the
# comparisons with R: sourced by ets_reference.R, and by Benchmarks/forecast_backtest.R when asked.
# forecast 8.20's class1 gives gamma to the third state also when there is no slope, where the newest seasonal
# state is the second: the intervals of ETS(A,N,A) and ETS(M,N,A) then rise a step early (simulate() disagrees with
# them). Krapte gives gamma to the newest seasonal state; the comparison is with R so corrected.
class1 <- get("class1", envir = asNamespace("forecast"))
body(class1) <- parse(text = sub('G[3, 1] <- par["gamma"]', 'G[2 + (trendtype == "A"), 1] <- par["gamma"]',
                                 paste(deparse(body(class1), width.cutoff = 500L), collapse = "\n"), fixed = TRUE))[[1]]
assignInNamespace("class1", class1, "forecast")
stopifnot(grepl("2 + (trendtype", paste(deparse(body(get("class1", envir = asNamespace("forecast")))), collapse = ""), fixed = TRUE))

# And its class3 leaves the damping out of H1, F1 and G1, so that the means and variances of ETS(M,Ad,M) are those
# of an undamped trend (again simulate() disagrees); Krapte enters the level and slope as l + phi b.
class3 <- get("class3", envir = asNamespace("forecast"))
fixed <- paste(deparse(body(class3), width.cutoff = 500L), collapse = "\n")
fixed <- sub("H1 <- matrix(rep(1, 1 + (trendtype != \"N\")), nrow = 1)",
             "H1 <- matrix(if (trendtype == \"N\") 1 else c(1, ifelse(damped, par[\"phi\"], 1)), nrow = 1)", fixed, fixed = TRUE)
fixed <- sub("c(1, 1), c(0, ifelse(damped, par[\"phi\"], 1))", "c(1, ifelse(damped, par[\"phi\"], 1)), c(0, ifelse(damped, par[\"phi\"], 1))", fixed, fixed = TRUE)
fixed <- sub("c(par[\"alpha\"], par[\"alpha\"]), c(par[\"beta\"], par[\"beta\"])",
             "c(par[\"alpha\"], par[\"alpha\"] * ifelse(damped, par[\"phi\"], 1)), c(par[\"beta\"], par[\"beta\"] * ifelse(damped, par[\"phi\"], 1))", fixed, fixed = TRUE)
body(class3) <- parse(text = fixed)[[1]]
stopifnot(lengths(regmatches(fixed, gregexpr("ifelse(damped", fixed, fixed = TRUE))) == 5)
assignInNamespace("class3", class3, "forecast")
