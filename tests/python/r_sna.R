# Runs R's sna on the graphs written by test_brokerage_r.py (one Rscript call for all).
# Usage: Rscript r_sna.R DIR.  DIR/brokerage.txt lists "name n"; DIR/name.edges holds arcs
# (1-based "tail head", undirected ties both ways), DIR/name.cl the class of each vertex.
# DIR/central.txt lists "name n mode"; DIR/qap.txt lists "name n mode reps seed" with
# DIR/name.a and DIR/name.b. Results go to DIR/out/.
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
out <- file.path(dir, "out")
dir.create(out, showWarnings = FALSE)
adj <- function(file, n) {
  g <- matrix(0, n, n)
  if (file.info(file)$size > 0) {
    e <- as.matrix(read.table(file))
    g[cbind(e[, 1], e[, 2])] <- 1
  }
  g
}
wr <- function(x, name) write.table(x, file.path(out, name), row.names = FALSE, col.names = FALSE)
cases <- read.table(file.path(dir, "brokerage.txt"), stringsAsFactors = FALSE)
for (i in seq_len(nrow(cases))) {
  name <- cases[i, 1]; n <- cases[i, 2]
  g <- adj(file.path(dir, paste0(name, ".edges")), n)
  cl <- readLines(file.path(dir, paste0(name, ".cl")))
  b <- suppressWarnings(brokerage(g, cl))
  wr(b$raw.nli, paste0(name, ".raw")); wr(b$exp.nli, paste0(name, ".exp"))
  wr(b$sd.nli, paste0(name, ".sd")); wr(b$z.nli, paste0(name, ".z"))
  wr(rbind(b$raw.gli, b$exp.gli, b$sd.gli, b$z.gli), paste0(name, ".gli"))
}
cases <- read.table(file.path(dir, "central.txt"), stringsAsFactors = FALSE)
res <- c()
for (i in seq_len(nrow(cases))) {
  name <- cases[i, 1]; n <- cases[i, 2]; mode <- cases[i, 3]
  g <- adj(file.path(dir, paste0(name, ".edges")), n)
  res <- rbind(res, c(centralization(g, betweenness, mode = mode),
                      centralization(g, closeness, mode = mode),
                      centralization(g, degree, mode = mode)))
}
wr(res, "central")
cases <- read.table(file.path(dir, "qap.txt"), stringsAsFactors = FALSE)
res <- c()
for (i in seq_len(nrow(cases))) {
  name <- cases[i, 1]; n <- cases[i, 2]; mode <- cases[i, 3]; reps <- cases[i, 4]
  set.seed(cases[i, 5])
  a <- adj(file.path(dir, paste0(name, ".a")), n)
  b <- adj(file.path(dir, paste0(name, ".b")), n)
  q <- qaptest(list(a, b), gcor, g1 = 1, g2 = 2, reps = reps, mode = mode)
  res <- rbind(res, c(q$testval, q$pgreq, q$pleeq, mean(abs(q$dist) >= abs(q$testval))))
}
wr(res, "qap")
