# Series of the real CBS tables under ../shared/data/real that the forecast checks use: vacancies per sector
# (80472ned), jobs and hours per sector (85920NED), unemployment (80590ned) and WW benefits (37789ksz), each the last
# stretch of one frequency without a missing value. Sourced by ets_reference.R and Benchmarks/forecast_backtest.R.
#   cbs_series(data, everything): a list of list(id, dataset, measure, where, y); `where` names each dimension's
#   member by its label, `y` is a ts. Without `everything` a sample of the sectors.
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


cbs_series <- function(data, everything) {
  series <- list()
  add <- function(id, dataset, measure, where, y) {
    if (!is.null(y) && length(y) >= 16) series[[id]] <<- list(id = id, dataset = dataset, measure = measure, where = where, y = y)
  }
  v <- read.csv2(file.path(data, "cbs-vacatures/80472ned.csv"), stringsAsFactors = FALSE, check.names = FALSE, encoding = "UTF-8", dec = ".")
  sectors <- unique(v$Bedrijfskenmerken)
  if (!everything) sectors <- c("A-U Alle economische activiteiten", "C Industrie", "F Bouwnijverheid", "G Handel", "I Horeca",
                                "J Informatie en communicatie", "K Financiële dienstverlening", "Q Gezondheids- en welzijnszorg")
  for (s in sectors) add(paste0("80472ned|", s), "80472ned", "OpenstaandeVacatures_1", list(Bedrijfskenmerken = s), read_series(v[v$Bedrijfskenmerken == s, ], "Perioden", "OpenstaandeVacatures_1", 4))

  j <- read.csv2(file.path(data, "cbs-productiviteit/85920NED.csv"), stringsAsFactors = FALSE, check.names = FALSE, encoding = "UTF-8", dec = ".")
  j <- j[j$TypeWerkenden == "Totaal", ]
  sectors <- unique(j$BedrijfstakkenBranchesSBI2008)
  if (!everything) sectors <- c("A-U Alle economische activiteiten", "C Industrie", "F Bouwnijverheid", "J Informatie en communicatie", "P Onderwijs")
  for (s in sectors) for (m in c("Banen_3", "GewerkteUren_5")) {
    add(paste0("85920NED|", s, "|", m), "85920NED", m, list(TypeWerkenden = "Totaal", BedrijfstakkenBranchesSBI2008 = s), read_series(j[j$BedrijfstakkenBranchesSBI2008 == s, ], "Perioden", m, 4))
  }

  u <- read.csv2(file.path(data, "cbs-arbeidsmarkt/80590ned.csv"), stringsAsFactors = FALSE, check.names = FALSE, encoding = "UTF-8", dec = ".")
  u <- u[u$Geslacht == "Totaal" & u$Leeftijd == "52052", ]
  add("80590ned|werkloos|kwartaal", "80590ned", "NietSeizoengecorrigeerd_5", list(Geslacht = "Totaal", Leeftijd = "52052"), read_series(u, "Perioden", "NietSeizoengecorrigeerd_5", 4))
  add("80590ned|werkloos|maand", "80590ned", "NietSeizoengecorrigeerd_5", list(Geslacht = "Totaal", Leeftijd = "52052"), read_series(u, "Perioden", "NietSeizoengecorrigeerd_5", 12))
  add("80590ned|werkloosheidspercentage|jaar", "80590ned", "NietSeizoengecorrigeerd_7", list(Geslacht = "Totaal", Leeftijd = "52052"), read_series(u, "Perioden", "NietSeizoengecorrigeerd_7", 1))

  w <- read.csv2(file.path(data, "cbs-arbeidsmarkt/37789ksz.csv"), stringsAsFactors = FALSE, check.names = FALSE, encoding = "UTF-8", dec = ".")
  add("37789ksz|WW|maand", "37789ksz", "NietSeizoengecorrigeerd_8", list(), read_series(w, "Perioden", "NietSeizoengecorrigeerd_8", 12))
  series
}
