# R's forecast package on real CBS series, for ETSAgreementTests: the series, R's chosen model and its forecasts
# with 80% and 95% intervals, and per model form R's fitted parameters, initial states and forecasts.
#   Rscript ets_reference.R DATA_FOLDER OUT_FILE [all]
# DATA_FOLDER is ../shared/data/real; with "all" every sector's series is written, else a sample.
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
data <- args[1]
out <- file(args[2], "w")
everything <- length(args) > 2 && args[3] == "all"
months <- c("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
            "november", "december")

# Periods of one frequency in order, as ts: "1997 1e kwartaal" (4), "1998 januari" (12), "2003" (1).
read_series <- function(table, period_column, value_column, frequency) {
  p <- trimws(table[[period_column]])
  year <- as.integer(substr(p, 1, 4))
  rest <- trimws(substring(p, 5))
  sub <- if (frequency == 4) suppressWarnings(as.integer(sub("e kwartaal", "", rest))) else if (frequency == 12) match(sub("\\*", "", rest), months) else ifelse(rest == "", 1L, NA)
  keep <- !is.na(sub) & (if (frequency == 1) rest == "" else TRUE)
  keep <- keep & (if (frequency == 4) grepl("kwartaal", rest) else TRUE)
  v <- suppressWarnings(as.numeric(table[[value_column]][keep]))
  key <- year[keep] * frequency + sub[keep] - 1
  o <- order(key)
  v <- v[o]
  key <- key[o]
  # The last stretch without missing values.
  ok <- !is.na(v)
  if (!any(ok)) return(NULL)
  last <- max(which(ok))
  first <- last
  while (first > 1 && ok[first - 1] && key[first - 1] == key[first] - 1) first <- first - 1
  ts(v[first:last], start = c(key[first] %/% frequency, key[first] %% frequency + 1), frequency = frequency)
}

num <- function(x) paste(sprintf("%.17g", as.numeric(x)), collapse = " ")
series <- list()
add <- function(id, y) if (!is.null(y) && length(y) >= 16) series[[id]] <<- y

v <- read.csv2(file.path(data, "cbs-vacatures/80472ned.csv"), stringsAsFactors = FALSE, check.names = FALSE, encoding = "UTF-8", dec = ".")
sectors <- unique(v$Bedrijfskenmerken)
if (!everything) sectors <- c("A-U Alle economische activiteiten", "C Industrie", "F Bouwnijverheid", "G Handel", "I Horeca",
                              "J Informatie en communicatie", "K Financiële dienstverlening", "Q Gezondheids- en welzijnszorg")
for (s in sectors) add(paste0("80472ned|", s), read_series(v[v$Bedrijfskenmerken == s, ], "Perioden", "OpenstaandeVacatures_1", 4))

j <- read.csv2(file.path(data, "cbs-productiviteit/85920NED.csv"), stringsAsFactors = FALSE, check.names = FALSE, encoding = "UTF-8", dec = ".")
j <- j[j$TypeWerkenden == "Totaal", ]
sectors <- unique(j$BedrijfstakkenBranchesSBI2008)
if (!everything) sectors <- c("A-U Alle economische activiteiten", "C Industrie", "F Bouwnijverheid", "J Informatie en communicatie", "P Onderwijs")
for (s in sectors) for (m in c("Banen_3", "GewerkteUren_5")) {
  add(paste0("85920NED|", s, "|", m), read_series(j[j$BedrijfstakkenBranchesSBI2008 == s, ], "Perioden", m, 4))
}

u <- read.csv2(file.path(data, "cbs-arbeidsmarkt/80590ned.csv"), stringsAsFactors = FALSE, check.names = FALSE, encoding = "UTF-8", dec = ".")
u <- u[u$Geslacht == "Totaal" & u$Leeftijd == "52052", ]
add("80590ned|werkloos|kwartaal", read_series(u, "Perioden", "NietSeizoengecorrigeerd_5", 4))
add("80590ned|werkloos|maand", read_series(u, "Perioden", "NietSeizoengecorrigeerd_5", 12))
add("80590ned|werkloosheidspercentage|jaar", read_series(u, "Perioden", "NietSeizoengecorrigeerd_7", 1))

w <- read.csv2(file.path(data, "cbs-arbeidsmarkt/37789ksz.csv"), stringsAsFactors = FALSE, check.names = FALSE, encoding = "UTF-8", dec = ".")
add("37789ksz|WW|maand", read_series(w, "Perioden", "NietSeizoengecorrigeerd_8", 12))

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
