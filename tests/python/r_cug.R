# Runs R's sna::cug.test on the graphs written by test_stats_cug_r.py (one Rscript call for
# all). Usage: Rscript r_cug.R DIR. DIR/cases.txt lists "name n mode statistic cmode reps";
# DIR/name.edges holds the arcs (1-based "tail head", undirected ties both ways). Writes
# DIR/out/name.txt: the observed statistic, then the statistic of every draw.
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
out <- file.path(dir, "out")
dir.create(out, showWarnings = FALSE)
cases <- read.table(file.path(dir, "cases.txt"), stringsAsFactors = FALSE)
stat <- list(
  density = function(g, mode) gden(g, mode = mode),
  reciprocity = function(g, mode) grecip(g, measure = "edgewise"),
  transitivity = function(g, mode) gtrans(g, mode = mode))
set.seed(1)
for (i in seq_len(nrow(cases))) {
  name <- cases[i, 1]; n <- cases[i, 2]; mode <- cases[i, 3]
  f <- stat[[cases[i, 4]]]
  g <- matrix(0, n, n)
  e <- as.matrix(read.table(file.path(dir, paste0(name, ".edges"))))
  g[cbind(e[, 1], e[, 2])] <- 1
  r <- cug.test(g, function(x, mode) f(x, mode), mode = mode, cmode = cases[i, 5],
                reps = cases[i, 6])
  write.table(c(r$obs.stat, r$rep.stat), file.path(out, paste0(name, ".txt")),
              row.names = FALSE, col.names = FALSE)
}
