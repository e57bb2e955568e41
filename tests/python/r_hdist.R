# Runs sna::hdist on the pairs of graphs written by test_panel_r.py (one Rscript call for all).
# Usage: Rscript r_hdist.R DIR.  DIR/cases.txt lists "name n mode"; DIR/name.a and DIR/name.b
# hold the arcs of the earlier and the later graph (1-based "tail head"). Writes DIR/hdist.txt:
# one Hamming distance per case, self-loops included (diag = TRUE).
suppressMessages(library(sna))
dir <- commandArgs(trailingOnly = TRUE)[1]
adj <- function(file, n) {
  g <- matrix(0, n, n)
  if (file.info(file)$size > 0) {
    e <- as.matrix(read.table(file))
    g[cbind(e[, 1], e[, 2])] <- 1
  }
  g
}
cases <- read.table(file.path(dir, "cases.txt"), stringsAsFactors = FALSE)
res <- c()
for (i in seq_len(nrow(cases))) {
  name <- cases[i, 1]; n <- cases[i, 2]; mode <- cases[i, 3]
  a <- adj(file.path(dir, paste0(name, ".a")), n)
  b <- adj(file.path(dir, paste0(name, ".b")), n)
  res <- c(res, hdist(a, b, diag = TRUE, mode = mode))
}
write.table(res, file.path(dir, "hdist.txt"), row.names = FALSE, col.names = FALSE)
