#!/usr/bin/env Rscript
# Reference values of R sna and network on networks with missing dyads (issue 20, part 2), for
# tests/python/test_missing.py.
#
# Run from the repository root:
#   Rscript tests/reference/make_missing_reference.R
# Writes tests/reference/missing_reference.json (Debian: r-cran-sna, r-cran-network, r-cran-jsonlite).
# About a minute.
#
# The missing dyads are those of a survey with non-response (docs/missing.md), written out in
# `missing` below and copied into the JSON, so the Python test builds the same ones:
#   roles_directed (directed): w3 and p5 did not respond (every cell i -> j without a tie is
#     missing); l1 left p2 and l3 open (those cells, where there is no tie).
#   karate (undirected): "5", "16" and "25" did not respond; "0" left "9" open and "33" left "0"
#     open. An undirected pair without a tie is missing when either report is.
# Matrices as in make_qap_reference.R: roles_directed A (binary), V (valued), S (same group),
# R = t(A) (complete), D = |i - j|; karate K, C (same club), G = |degree_i - degree_j|.
# Values:
#   gden (missing dyads out of numerator and denominator) and network.density with na.omit TRUE
#   (missing out of the numerator only: the same as counting them absent) and FALSE;
#   network.naedgecount; gcor; qaptest p-values; netlm and netlogit fits (classical) and p-values
#   under qapy, qapx, qapallx (set.seed(11)). sna's netlm/netlogit warn "Missing data supplied";
#   qapspp is left out: sna writes the residuals of the complete dyads back over all dyad cells
#   (recycling them), which is not defined with missing dyads.

suppressPackageStartupMessages({
  library(sna)
  library(network)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
file_arg <- sub("^--file=", "", args[grepl("^--file=", args)])
here <- if (length(file_arg) == 1) dirname(normalizePath(file_arg)) else "tests/reference"
data_dir <- file.path(here, "data")
out_file <- file.path(here, "missing_reference.json")
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
LOGIT_REPS <- 500

# Which cells are missing: no tie, and the sender's report unknown (undirected: either end's).
missing_cells <- function(A, ids, not, open, directed) {
  n <- length(ids)
  M <- matrix(FALSE, n, n)
  for (i in match(not, ids)) M[i, ] <- TRUE
  for (who in names(open)) M[match(who, ids), match(open[[who]], ids)] <- TRUE
  if (!directed) M <- M | t(M)
  diag(M) <- FALSE
  M & (A == 0)
}
with_na <- function(X, M) { X[M] <- NA; X }

num <- function(x) as.numeric(x)
fit_lm <- function(y, x, mode) {
  base <- suppressWarnings(netlm(y, x, mode = mode, nullhyp = "classical"))
  fv <- base$fitted.values
  mss <- if (base$intercept) sum((fv - mean(fv))^2) else sum(fv^2)
  rss <- sum(base$residuals^2)
  rdf <- base$n - base$rank
  r2 <- mss / (mss + rss)
  out <- list(coefficients = num(base$coefficients), tstat = num(base$tstat), fitted = num(base$fitted.values),
              residuals = num(base$residuals), r_squared = r2,
              adj_r_squared = 1 - (1 - r2) * ((base$n - base$intercept) / rdf),
              f_statistic = (mss / (base$rank - base$intercept)) / (rss / rdf),
              df_residual = base$df.residual, n = base$n,
              classical = list(pgreq = num(base$pgreq), pleeq = num(base$pleeq), pgreqabs = num(base$pgreqabs)))
  for (h in c("qapy", "qapx", "qapallx")) {
    set.seed(11)
    f <- suppressWarnings(netlm(y, x, mode = mode, nullhyp = h, reps = REPS))
    out[[h]] <- list(pgreq = num(f$pgreq), pleeq = num(f$pleeq), pgreqabs = num(f$pgreqabs))
  }
  out$reps <- REPS
  out
}
fit_logit <- function(y, x, mode) {
  base <- suppressWarnings(netlogit(y, x, mode = mode, nullhyp = "classical"))
  out <- list(coefficients = num(base$coefficients), se = num(base$se), tstat = num(base$tstat),
              fitted = num(base$fitted.values), deviance = base$deviance, null_deviance = base$null.deviance,
              aic = base$aic, bic = base$bic, df_residual = base$df.residual, n = base$n)
  set.seed(11)
  f <- suppressWarnings(netlogit(y, x, mode = mode, nullhyp = "qapy", reps = LOGIT_REPS))
  out$qapy <- list(pgreq = num(f$pgreq), pleeq = num(f$pleeq), pgreqabs = num(f$pgreqabs))
  out$reps <- LOGIT_REPS
  out
}
densities <- function(X, M, directed) {
  mode <- if (directed) "digraph" else "graph"
  net <- network(X, directed = directed, matrix.type = "adjacency")
  cells <- sum(M)  # ordered cells (an undirected pair twice)
  list(gden = gden(X, mode = mode), gden_complete_as_absent = gden(ifelse(is.na(X), 0, X), mode = mode),
       network_density_na_omit = network.density(net, na.omit = TRUE),
       network_density_na_kept = network.density(net, na.omit = FALSE),
       network_naedgecount = network.naedgecount(net), missing_cells = cells)
}

out <- list(versions = list(R = R.version.string, sna = as.character(packageVersion("sna")),
                            network = as.character(packageVersion("network")),
                            jsonlite = as.character(packageVersion("jsonlite"))))

# ---- roles_directed
nodes <- read_chr("roles_directed_nodes.csv")
ids <- nodes$id
edges <- read_chr("roles_directed.csv")
A <- build_adj(edges, ids, TRUE, FALSE)
V <- build_adj(edges, ids, TRUE, TRUE)
S <- same(nodes$group)
R <- t(A)
D <- absdiff(seq_along(ids))
not <- c("w3", "p5")
open <- list(l1 = c("p2", "l3"))
M <- missing_cells(A, ids, not, open, TRUE)
A_na <- with_na(A, M)
V_na <- with_na(V, M)
d <- list(vertex_order = ids, missing = list(not = not, open = open),
          missing_matrix = M * 1)
d$density <- densities(A_na, M, TRUE)
d$gcor_A_S <- gcor(A_na, S)
d$gcor_A_R <- gcor(A_na, R)
set.seed(11)
q <- qaptest(list(A_na, S), gcor, g1 = 1, g2 = 2, reps = REPS)
d$qaptest_A_S <- list(testval = q$testval, pgreq = q$pgreq, pleeq = q$pleeq, reps = REPS)
d$netlm_V_SRD <- fit_lm(V_na, list(S, R, D), "digraph")
d$netlogit_A_SRD <- fit_logit(A_na, list(S, R, D), "digraph")
out$roles_directed <- d

# ---- karate (undirected)
nodes <- read_chr("karate_nodes.csv")
ids <- nodes$id
K <- build_adj(read_chr("karate.csv"), ids, FALSE, FALSE)
C <- same(nodes$group)
deg <- rowSums(K)
G <- absdiff(deg)
not <- c("5", "16", "25")
open <- list("0" = c("9"), "33" = c("0"))
M <- missing_cells(K, ids, not, open, FALSE)
K_na <- with_na(K, M)
d <- list(vertex_order = ids, missing = list(not = not, open = open), missing_matrix = M * 1)
d$density <- densities(K_na, M, FALSE)
d$gcor_K_C <- gcor(K_na, C, mode = "graph")
set.seed(11)
q <- qaptest(list(K_na, C), gcor, g1 = 1, g2 = 2, mode = "graph", reps = REPS)
d$qaptest_K_C <- list(testval = q$testval, pgreq = q$pgreq, pleeq = q$pleeq, reps = REPS)
d$netlm_K_CG <- fit_lm(K_na, list(C, G), "graph")
out$karate <- d

writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "string"), out_file)
