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
reference <- do.call(rbind, rows)
write.csv(reference, file.path(folder, "reference.csv"), row.names = FALSE)
# The two waves compared as independent samples, from R's own shares and SEs, with R's normal distribution.
a <- reference[reference$wave == "2024", ]
b <- reference[reference$wave == "2025", ]
m <- merge(a, b, by = c("question", "domain_type", "domain", "category"))
num <- function(x) as.numeric(x)
change <- num(m$share.y) - num(m$share.x)
se <- sqrt(num(m$se.x)^2 + num(m$se.y)^2)
se0 <- sqrt(num(m$se_nofpc.x)^2 + num(m$se_nofpc.y)^2)
compare <- data.frame(question = m$question, domain_type = m$domain_type, domain = m$domain, category = m$category,
                      change = sprintf("%.17g", change), se = sprintf("%.17g", se), z = sprintf("%.17g", change / se),
                      p = sprintf("%.17g", 2 * pnorm(-abs(change / se))), se_nofpc = sprintf("%.17g", se0),
                      p_nofpc = sprintf("%.17g", 2 * pnorm(-abs(change / se0))))
write.csv(compare, file.path(folder, "compare.csv"), row.names = FALSE)
