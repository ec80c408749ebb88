#!/usr/bin/env Rscript
# Reference values of R sna's permutation tests (gcor, qaptest, netlm, netlogit, cug.test) for
# the data sets in tests/reference/data/.
#
# Run from the repository root:
#   Rscript tests/reference/make_qap_reference.R
# Writes tests/reference/qap_reference.json (Debian: r-cran-sna, r-cran-jsonlite).
#
# Matrices (n x n, in node-file order; the tests build the same ones from the same files):
#   roles_directed (12 nodes, mode "digraph"):
#     A   binary adjacency, V valued adjacency (weights),
#     S   same group (1 when i and j share a group, else 0),
#     R   reverse tie, t(A),
#     D   |i - j|: absolute difference of the position in the node file (a numeric attribute)
#   karate (34 nodes, mode "graph"):
#     K   adjacency, C same club, G |degree_i - degree_j|
# Deterministic values (coefficients, t-values, fitted values, R^2, deviances) are exact up to
# rounding; permutation p-values come from set.seed(11) runs with `reps` permutations and are
# compared within Monte-Carlo error (see tests/python/test_permutation.py).

suppressPackageStartupMessages({
  library(sna)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
file_arg <- sub("^--file=", "", args[grepl("^--file=", args)])
here <- if (length(file_arg) == 1) dirname(normalizePath(file_arg)) else "tests/reference"
data_dir <- file.path(here, "data")
out_file <- file.path(here, "qap_reference.json")
read_chr <- function(f) read.csv(file.path(data_dir, f), colClasses = "character",
                                 check.names = FALSE, stringsAsFactors = FALSE)

build_adj <- function(edges, ids, directed, weighted) {
  n <- length(ids)
  A <- matrix(0, n, n)
  s <- match(edges[[1]], ids); t <- match(edges[[2]], ids)
  w <- if (weighted) as.numeric(edges[[3]]) else rep(1, length(s))
  for (k in seq_along(s)) { A[s[k], t[k]] <- w[k]; if (!directed) A[t[k], s[k]] <- w[k] }
  A
}

same <- function(g) outer(g, g, "==") * 1
absdiff <- function(x) abs(outer(x, x, "-"))
REPS <- 2000

netlm_info <- function(y, x, mode) {
  out <- list()
  base <- netlm(y, x, mode = mode, nullhyp = "classical")
  # R^2, adjusted R^2 and F as sna's print.summary.netlm computes them
  fv <- base$fitted.values
  mss <- if (base$intercept) sum((fv - mean(fv))^2) else sum(fv^2)
  rss <- sum(base$residuals^2)
  rdf <- base$n - base$rank
  r2 <- mss / (mss + rss)
  out$coefficients <- as.numeric(base$coefficients)
  out$tstat <- as.numeric(base$tstat)
  out$fitted <- as.numeric(base$fitted.values)
  out$residuals <- as.numeric(base$residuals)
  out$r_squared <- r2
  out$adj_r_squared <- 1 - (1 - r2) * ((base$n - base$intercept) / rdf)
  out$f_statistic <- (mss / (base$rank - base$intercept)) / (rss / rdf)
  out$df_residual <- base$df.residual
  out$n <- base$n
  for (h in c("classical", "qapspp", "qapy", "qapx", "qapallx")) {
    set.seed(11)
    f <- netlm(y, x, mode = mode, nullhyp = h, reps = REPS)
    out[[h]] <- list(pgreq = as.numeric(f$pgreq), pleeq = as.numeric(f$pleeq), pgreqabs = as.numeric(f$pgreqabs))
  }
  set.seed(11)
  f <- netlm(y, x, mode = mode, nullhyp = "qapspp", test.statistic = "beta", reps = REPS)
  out$qapspp_beta <- list(pgreq = as.numeric(f$pgreq), pleeq = as.numeric(f$pleeq), pgreqabs = as.numeric(f$pgreqabs))
  out$reps <- REPS
  out
}

netlogit_info <- function(y, x, mode) {
  out <- list()
  base <- netlogit(y, x, mode = mode, nullhyp = "classical")
  out$coefficients <- as.numeric(base$coefficients)
  out$se <- as.numeric(base$se)
  out$tstat <- as.numeric(base$tstat)
  out$fitted <- as.numeric(base$fitted.values)
  out$deviance <- base$deviance
  out$null_deviance <- base$null.deviance
  out$aic <- base$aic
  out$bic <- base$bic
  out$df_residual <- base$df.residual
  out$classical <- list(pgreq = as.numeric(base$pgreq), pleeq = as.numeric(base$pleeq),
                        pgreqabs = as.numeric(base$pgreqabs))
  for (h in c("qapspp", "qapy")) {
    set.seed(11)
    f <- netlogit(y, x, mode = mode, nullhyp = h, reps = 500)
    out[[h]] <- list(pgreq = as.numeric(f$pgreq), pleeq = as.numeric(f$pleeq), pgreqabs = as.numeric(f$pgreqabs))
  }
  out$reps <- 500
  out
}

cug_info <- function(A, FUN, mode) {
  out <- list()
  for (cm in c("size", "edges", "dyad.census")) {
    set.seed(11)
    f <- cug.test(A, FUN, mode = mode, cmode = cm, reps = REPS)
    out[[gsub(".", "_", cm, fixed = TRUE)]] <- list(obs = f$obs.stat, pgteobs = f$pgteobs, plteobs = f$plteobs,
                                                    mean = mean(f$rep.stat), sd = sd(f$rep.stat))
  }
  out$reps <- REPS
  out
}

out <- list()

# ---- roles_directed
nodes <- read_chr("roles_directed_nodes.csv")
edges <- read_chr("roles_directed.csv")
ids <- nodes$id
A <- build_adj(edges, ids, TRUE, FALSE)
V <- build_adj(edges, ids, TRUE, TRUE)
S <- same(nodes$group)
R <- t(A)
D <- absdiff(seq_along(ids))
X <- array(dim = c(3, length(ids), length(ids)))
X[1, , ] <- S; X[2, , ] <- R; X[3, , ] <- D
set.seed(11)
q <- qaptest(list(A, R), gcor, g1 = 1, g2 = 2, reps = REPS)
set.seed(11)
q2 <- qaptest(list(V, S), gcor, g1 = 1, g2 = 2, reps = REPS)
out$roles_directed <- list(
  vertex_order = ids, mode = "digraph",
  gcor_A_R = gcor(A, R), gcor_V_S = gcor(V, S), gcor_V_D = gcor(V, D),
  qaptest_A_R = list(testval = q$testval, pgreq = q$pgreq, pleeq = q$pleeq, reps = REPS),
  qaptest_V_S = list(testval = q2$testval, pgreq = q2$pgreq, pleeq = q2$pleeq, reps = REPS),
  netlm_V_SRD = netlm_info(V, X, "digraph"),
  netlm_A_S = netlm_info(A, S, "digraph"),
  netlogit_A_SRD = netlogit_info(A, X, "digraph"),
  cug_gtrans = cug_info(A, gtrans, "digraph"),
  cug_grecip = cug_info(A, function(d) grecip(d, measure = "edgewise"), "digraph")
)

# ---- karate (undirected)
nodes <- read_chr("karate_nodes.csv")
edges <- read_chr("karate.csv")
ids <- nodes$id
K <- build_adj(edges, ids, FALSE, FALSE)
C <- same(nodes$group)
G <- absdiff(rowSums(K))
XK <- array(dim = c(2, length(ids), length(ids)))
XK[1, , ] <- C; XK[2, , ] <- G
set.seed(11)
qk <- qaptest(list(K, C), gcor, g1 = 1, g2 = 2, reps = REPS, mode = "graph")
out$karate <- list(
  vertex_order = ids, mode = "graph",
  gcor_K_C = gcor(K, C, mode = "graph"), gcor_K_G = gcor(K, G, mode = "graph"),
  qaptest_K_C = list(testval = qk$testval, pgreq = qk$pgreq, pleeq = qk$pleeq, reps = REPS),
  netlm_K_CG = netlm_info(K, XK, "graph"),
  netlogit_K_CG = netlogit_info(K, XK, "graph"),
  cug_gtrans = cug_info(K, gtrans, "graph")
)

out$versions <- list(R = R.version.string, sna = as.character(packageVersion("sna")),
                     jsonlite = as.character(packageVersion("jsonlite")))
out$notes <- paste("fitted/residuals are in sna's gvectorize order: column-major over the dyads",
                   "(digraph: every i != j; graph: the lower triangle i > j).")
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "string", pretty = TRUE), out_file)
