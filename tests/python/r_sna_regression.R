# Runs R's sna netlm and netlogit on the matrices written by test_stats_regression_r.py (one
# Rscript call for all). Usage: Rscript r_sna_regression.R DIR. DIR/cases.txt lists
# "name fn mode nullhyp reps seed data"; DIR/data.y, DIR/data.x1 ... hold the matrices
# (whitespace-separated, full precision), DIR/data.nx their count. Writes DIR/out/name: the
# rows coefficients, test statistics, pgreq, pleeq, pgreqabs, then the fit (netlm: R-squared
# and adjusted R-squared as summary.netlm; netlogit: deviance, null deviance, AIC, BIC).
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
out <- file.path(dir, "out")
dir.create(out, showWarnings = FALSE)
rd <- function(name) unname(as.matrix(read.table(file.path(dir, name))))
cases <- read.table(file.path(dir, "cases.txt"), stringsAsFactors = FALSE)
for (i in seq_len(nrow(cases))) {
  name <- cases[i, 1]; fn <- cases[i, 2]; mode <- cases[i, 3]; nullhyp <- cases[i, 4]
  reps <- cases[i, 5]; data <- cases[i, 7]
  y <- rd(paste0(data, ".y"))
  nx <- scan(file.path(dir, paste0(data, ".nx")), quiet = TRUE)
  x <- array(dim = c(nx, nrow(y), nrow(y)))
  for (k in seq_len(nx)) x[k, , ] <- rd(paste0(data, ".x", k))
  set.seed(cases[i, 6])
  if (fn == "netlm") {
    f <- netlm(y, x, mode = mode, nullhyp = nullhyp, reps = reps)
    mss <- sum((f$fitted.values - mean(f$fitted.values))^2)
    rss <- sum(f$residuals^2)
    r2 <- mss / (mss + rss)
    fit <- c(r2, 1 - (1 - r2) * ((f$n - 1) / (f$n - f$rank)))
  } else {
    f <- suppressWarnings(netlogit(y, x, mode = mode, nullhyp = nullhyp, reps = reps))
    fit <- c(f$deviance, f$null.deviance, f$aic, f$bic)
  }
  length(fit) <- nx + 1
  write.table(rbind(f$coefficients, f$tstat, f$pgreq, f$pleeq, f$pgreqabs, fit),
              file.path(out, name), row.names = FALSE, col.names = FALSE)
}
