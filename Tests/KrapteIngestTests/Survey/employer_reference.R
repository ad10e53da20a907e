# R survey's estimates of a generated employer survey, for SurveyAgreementTests: for each wave, question, domain
# and category the share (svyby of svymean over those who answered) with its SE with and without fpc, and the
# weighted count (svyby of svytotal) with its SE. Usage: Rscript employer_reference.R FOLDER (responses.csv and
# population.csv in; reference.csv out). Questions: columns q_*, categories in the order of questions.txt.
suppressMessages(library(survey))
folder <- commandArgs(trailingOnly = TRUE)[1]
resp <- read.csv(file.path(folder, "responses.csv"), colClasses = "character", na.strings = "")
pop <- read.csv(file.path(folder, "population.csv"), colClasses = c("character", "character", "character", "numeric"))
questions <- strsplit(readLines(file.path(folder, "questions.txt")), ";")
rows <- list()
for (wave in sort(unique(resp$wave))) {
  r <- resp[resp$wave == wave, ]
  r$stratum <- paste(r$sector, r$size_class, sep = "|")
  r$sector_x_size_class <- r$stratum
  r$overall <- "totaal"
  p <- pop[pop$wave == wave, ]
  r$N <- p$N[match(r$stratum, paste(p$sector, p$size_class, sep = "|"))]
  r$w <- r$N / as.vector(table(r$stratum)[r$stratum])
  for (q in questions) {
    name <- q[1]
    cats <- q[-1]
    r$qf <- factor(r[[name]], levels = cats)
    designs <- list(fpc = svydesign(id = ~1, strata = ~stratum, weights = ~w, fpc = ~N, data = r),
                    nofpc = svydesign(id = ~1, strata = ~stratum, weights = ~w, data = r))
    for (type in c("overall", "sector", "size_class", "sector_x_size_class")) {
      res <- lapply(designs, function(d) {
        answered <- subset(d, !is.na(qf))
        list(mean = svyby(~qf, as.formula(paste0("~", type)), answered, svymean),
             total = svyby(~qf, as.formula(paste0("~", type)), answered, svytotal))
      })
      k <- nrow(res$fpc$mean)
      share <- matrix(coef(res$fpc$mean), nrow = k)
      se <- as.matrix(SE(res$fpc$mean))
      se0 <- as.matrix(SE(res$nofpc$mean))
      total <- matrix(coef(res$fpc$total), nrow = k)
      setotal <- as.matrix(SE(res$fpc$total))
      for (i in seq_len(k)) for (j in seq_along(cats)) {
        rows[[length(rows) + 1]] <- data.frame(
          wave = wave, question = name, domain_type = type, domain = rownames(res$fpc$mean)[i], category = cats[j],
          share = sprintf("%.17g", share[i, j]), se = sprintf("%.17g", se[i, j]), se_nofpc = sprintf("%.17g", se0[i, j]),
          weighted = sprintf("%.17g", total[i, j]), se_weighted = sprintf("%.17g", setotal[i, j]))
      }
    }
  }
}
write.csv(do.call(rbind, rows), file.path(folder, "reference.csv"), row.names = FALSE)
