#!/usr/bin/env Rscript
# Reference values from R's `sna` package for the data sets in tests/reference/data/.
#
# Run from the repository root:
#   Rscript tests/reference/make_sna_reference.R
# Writes tests/reference/sna_reference.json.
#
# Needs the Debian packages r-cran-sna (pulls r-base-core, r-cran-network,
# r-cran-statnet.common) and r-cran-jsonlite.
#
# Conventions of the JSON file:
#  * every per-node vector is a JSON object keyed by node id; the data set's
#    "vertex_order" gives the order the adjacency matrix was built in (the order
#    of <name>_nodes.csv), which is also the key order of every object;
#  * non-finite numbers are written as the strings "NaN", "Inf", "-Inf", "NA";
#  * numbers are written with 15 significant digits.
#  * adjacency is UNWEIGHTED (0/1) unless a key ends in "_valued".

suppressPackageStartupMessages({
  library(sna)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
file_arg <- sub("^--file=", "", args[grepl("^--file=", args)])
here <- if (length(file_arg) == 1) dirname(normalizePath(file_arg)) else "tests/reference"
data_dir <- file.path(here, "data")
out_file <- file.path(here, "sna_reference.json")

read_chr <- function(f) read.csv(file.path(data_dir, f), colClasses = "character",
                                 check.names = FALSE, stringsAsFactors = FALSE)

# Build an n x n adjacency matrix in node-file order.
build_adj <- function(edges, ids, directed, weighted) {
  n <- length(ids)
  A <- matrix(0, n, n, dimnames = list(ids, ids))
  s <- match(edges[[1]], ids)
  t <- match(edges[[2]], ids)
  stopifnot(!anyNA(s), !anyNA(t))
  w <- if (weighted) as.numeric(edges[[3]]) else rep(1, length(s))
  for (k in seq_along(s)) {
    A[s[k], t[k]] <- w[k]
    if (!directed) A[t[k], s[k]] <- w[k]
  }
  A
}

named <- function(x, ids) {
  x <- as.numeric(x)
  stopifnot(length(x) == length(ids))
  as.list(setNames(x, ids))
}

by_node_matrix <- function(M, ids) {
  # rows = nodes, columns as R names them; -> {id: {col: value}}
  out <- list()
  for (i in seq_along(ids)) out[[ids[i]]] <- as.list(setNames(as.numeric(M[i, ]), colnames(M)))
  out
}

matrix_obj <- function(M) {
  list(rows = rownames(M), columns = colnames(M),
       values = lapply(seq_len(nrow(M)), function(i) as.numeric(M[i, ])))
}

components_info <- function(A, ids, connected) {
  cd <- component.dist(A, connected = connected)
  list(count = components(A, connected = connected),
       membership = named(cd$membership, ids),
       csize = as.numeric(cd$csize))
}

brokerage_info <- function(A, ids, grp) {
  b <- brokerage(A, grp)
  list(
    call = "sna::brokerage(A, cl = group)",
    columns = colnames(b$raw.nli),
    row_order = ids,
    raw.nli = by_node_matrix(b$raw.nli, ids),
    exp.nli = by_node_matrix(b$exp.nli, ids),
    sd.nli = by_node_matrix(b$sd.nli, ids),
    z.nli = by_node_matrix(b$z.nli, ids),
    raw.gli = as.list(b$raw.gli),
    exp.gli = as.list(b$exp.gli),
    sd.gli = as.list(b$sd.gli),
    z.gli = as.list(b$z.gli),
    exp.grp = matrix_obj(b$exp.grp),
    sd.grp = matrix_obj(b$sd.grp),
    clid = as.character(b$clid),
    n = as.numeric(b$n),
    N = as.numeric(b$N),
    density_used = nrow(as.edgelist.sna(A)) / (length(ids) * (length(ids) - 1))
  )
}

block_density <- function(A, grp, mode) {
  clid <- unique(grp)
  ec <- match(grp, clid)
  bm <- blockmodel(A, ec, mode = mode)
  M <- bm$block.model
  dimnames(M) <- list(clid[as.integer(sub("Block ", "", rownames(M)))],
                      clid[as.integer(sub("Block ", "", colnames(M)))])
  matrix_obj(M)
}

# ---------------------------------------------------------------- undirected
undirected_set <- function(name, edges, nodes, weighted_edges = NULL, do_brokerage = TRUE) {
  ids <- nodes$id
  grp <- nodes$group
  A <- build_adj(edges, ids, directed = FALSE, weighted = FALSE)
  gm <- "graph"
  res <- list(
    mode = "graph",
    n = length(ids),
    n_edges = sum(A) / 2,
    vertex_order = ids,
    group = as.list(setNames(grp, ids)),
    degree = named(degree(A, gmode = gm), ids),
    betweenness = named(betweenness(A, gmode = gm), ids),
    betweenness_rescaled = named(betweenness(A, gmode = gm, rescale = TRUE), ids),
    closeness = named(closeness(A, gmode = gm), ids),
    closeness_suminvundir = named(closeness(A, gmode = gm, cmode = "suminvundir"), ids),
    closeness_gil_schmidt = named(closeness(A, gmode = gm, cmode = "gil-schmidt"), ids),
    stresscent = named(stresscent(A, gmode = gm), ids),
    evcent = named(evcent(A, gmode = gm), ids),
    evcent_use_eigen = named(abs(evcent(A, gmode = gm, use.eigen = TRUE)), ids),
    evcent_use_eigen_note = "eigen() returns an arbitrary sign; stored as abs() of the leading eigenvector",
    infocent = named(infocent(A, gmode = gm), ids),
    gden = gden(A, mode = gm),
    gtrans = gtrans(A, mode = gm),
    triad.census = as.list(triad.census(A, mode = gm)[1, ]),
    centralization = list(
      degree = centralization(A, degree, mode = gm),
      betweenness = centralization(A, betweenness, mode = gm),
      closeness = centralization(A, closeness, mode = gm),
      evcent = centralization(A, evcent, mode = gm)
    ),
    centralization_tmaxdev = list(
      degree = degree(A, gmode = gm, tmaxdev = TRUE),
      betweenness = betweenness(A, gmode = gm, tmaxdev = TRUE),
      closeness = closeness(A, gmode = gm, tmaxdev = TRUE),
      evcent = evcent(A, gmode = gm, tmaxdev = TRUE)
    ),
    components = components_info(A, ids, "weak"),
    connectedness = connectedness(A),
    block_density = block_density(A, grp, gm)
  )
  # closeness cmode "suminvdir" under gmode="graph" (see README: switch() typo in sna)
  cs <- closeness(A, gmode = gm, cmode = "suminvdir")
  res$closeness_suminvdir_in_graph_mode <- list(
    note = "sna maps cmode 'suminvdir' to the misspelt 'siminvundir' when gmode='graph'",
    length = length(cs), class = class(cs)[1])
  if (do_brokerage) res$brokerage <- brokerage_info(A, ids, grp)
  if (!is.null(weighted_edges)) {
    W <- build_adj(weighted_edges, ids, directed = FALSE, weighted = TRUE)
    res$degree_valued <- named(degree(W, gmode = gm), ids)
    res$betweenness_valued <- named(betweenness(W, gmode = gm, ignore.eval = FALSE), ids)
    res$closeness_valued <- named(closeness(W, gmode = gm, ignore.eval = FALSE), ids)
    res$evcent_valued <- named(evcent(W, gmode = gm), ids)
    res$valued_note <- "weights are edge values; in betweenness/closeness with ignore.eval=FALSE they are path LENGTHS (distances)"
  }
  res
}

# ----------------------------------------------------------------- directed
directed_set <- function(name, edges, nodes) {
  ids <- nodes$id
  grp <- nodes$group
  A <- build_adj(edges, ids, directed = TRUE, weighted = FALSE)
  W <- build_adj(edges, ids, directed = TRUE, weighted = TRUE)
  gm <- "digraph"
  list(
    mode = "digraph",
    n = length(ids),
    n_arcs = sum(A),
    vertex_order = ids,
    group = as.list(setNames(grp, ids)),
    degree = list(
      freeman = named(degree(A, gmode = gm, cmode = "freeman"), ids),
      indegree = named(degree(A, gmode = gm, cmode = "indegree"), ids),
      outdegree = named(degree(A, gmode = gm, cmode = "outdegree"), ids)
    ),
    degree_valued = list(
      freeman = named(degree(W, gmode = gm, cmode = "freeman"), ids),
      indegree = named(degree(W, gmode = gm, cmode = "indegree"), ids),
      outdegree = named(degree(W, gmode = gm, cmode = "outdegree"), ids)
    ),
    betweenness = list(
      directed = named(betweenness(A, gmode = gm, cmode = "directed"), ids),
      undirected = named(betweenness(A, gmode = gm, cmode = "undirected"), ids),
      endpoints = named(betweenness(A, gmode = gm, cmode = "endpoints"), ids),
      proximalsrc = named(betweenness(A, gmode = gm, cmode = "proximalsrc"), ids),
      proximaltar = named(betweenness(A, gmode = gm, cmode = "proximaltar"), ids),
      proximalsum = named(betweenness(A, gmode = gm, cmode = "proximalsum"), ids),
      lengthscaled = named(betweenness(A, gmode = gm, cmode = "lengthscaled"), ids),
      linearscaled = named(betweenness(A, gmode = gm, cmode = "linearscaled"), ids)
    ),
    betweenness_valued = list(
      directed = named(betweenness(W, gmode = gm, cmode = "directed", ignore.eval = FALSE), ids),
      undirected = named(betweenness(W, gmode = gm, cmode = "undirected", ignore.eval = FALSE), ids)
    ),
    closeness = list(
      directed = named(closeness(A, gmode = gm, cmode = "directed"), ids),
      undirected = named(closeness(A, gmode = gm, cmode = "undirected"), ids),
      suminvdir = named(closeness(A, gmode = gm, cmode = "suminvdir"), ids),
      suminvundir = named(closeness(A, gmode = gm, cmode = "suminvundir"), ids),
      gil_schmidt = named(closeness(A, gmode = gm, cmode = "gil-schmidt"), ids)
    ),
    closeness_without_isolates = {
      keep <- which(degree(A, gmode = gm) > 0)
      list(vertex_order = ids[keep],
           directed = named(closeness(A[keep, keep], gmode = gm, cmode = "directed"), ids[keep]),
           undirected = named(closeness(A[keep, keep], gmode = gm, cmode = "undirected"), ids[keep]),
           note = "closeness on the subgraph induced by the non-isolated vertices (strongly connected here)")
    },
    stresscent = named(stresscent(A, gmode = gm), ids),
    evcent_digraph = named(evcent(A, gmode = gm), ids),
    evcent_note = "sna evcent on a digraph: principal eigenvector of A (right eigenvector, A x = lambda x, i.e. scores from OUT-ties' targets), unit L2 length",
    gden = gden(A, mode = gm),
    grecip = list(
      dyadic = grecip(A, measure = "dyadic"),
      dyadic.nonnull = grecip(A, measure = "dyadic.nonnull"),
      edgewise = grecip(A, measure = "edgewise"),
      edgewise.lrr = grecip(A, measure = "edgewise.lrr"),
      correlation = grecip(A, measure = "correlation")
    ),
    gtrans = list(
      weak = gtrans(A, mode = gm, measure = "weak"),
      strong = gtrans(A, mode = gm, measure = "strong"),
      weakcensus = gtrans(A, mode = gm, measure = "weakcensus"),
      strongcensus = gtrans(A, mode = gm, measure = "strongcensus")
    ),
    dyad.census = as.list(dyad.census(A)[1, ]),
    triad.census = as.list(triad.census(A, mode = gm)[1, ]),
    centralization = list(
      degree_freeman = centralization(A, degree, mode = gm),
      degree_indegree = centralization(A, degree, mode = gm, cmode = "indegree"),
      degree_outdegree = centralization(A, degree, mode = gm, cmode = "outdegree"),
      betweenness = centralization(A, betweenness, mode = gm),
      closeness = centralization(A, closeness, mode = gm)
    ),
    centralization_tmaxdev = list(
      degree_freeman = degree(A, gmode = gm, tmaxdev = TRUE),
      degree_indegree = degree(A, gmode = gm, cmode = "indegree", tmaxdev = TRUE),
      betweenness = betweenness(A, gmode = gm, tmaxdev = TRUE),
      closeness = closeness(A, gmode = gm, tmaxdev = TRUE)
    ),
    components = list(
      weak = components_info(A, ids, "weak"),
      strong = components_info(A, ids, "strong")
    ),
    connectedness = connectedness(A),
    hierarchy_krackhardt = hierarchy(A, measure = "krackhardt"),
    hierarchy_reciprocity = hierarchy(A, measure = "reciprocity"),
    efficiency_krackhardt = efficiency(A),
    lubness = lubness(A),
    brokerage = brokerage_info(A, ids, grp),
    block_density = block_density(A, grp, gm)
  )
}

# ---------------------------------------------------------------- data sets
out <- list(
  generator = "tests/reference/make_sna_reference.R",
  versions = list(
    R = R.version.string,
    sna = as.character(packageVersion("sna")),
    network = as.character(packageVersion("network")),
    statnet.common = as.character(packageVersion("statnet.common")),
    jsonlite = as.character(packageVersion("jsonlite"))
  ),
  conventions = list(
    vectors = "objects keyed by node id, keys in vertex_order",
    non_finite = "written as strings NaN / Inf / -Inf / NA",
    adjacency = "unweighted 0/1 unless key ends with _valued",
    digits = "15 significant digits"
  ),
  datasets = list()
)

# Run an expression, record any warnings it gives (they are part of the reference).
with_warnings <- function(expr) {
  w <- character()
  val <- withCallingHandlers(expr, warning = function(cond) {
    w <<- c(w, paste0(deparse(conditionCall(cond))[1], ": ", conditionMessage(cond)))
    invokeRestart("muffleWarning")
  })
  val$warnings <- unique(w)
  val
}

kn <- read_chr("karate_nodes.csv")
out$datasets$karate <- with_warnings(undirected_set("karate", read_chr("karate.csv"), kn,
                                      weighted_edges = read_chr("karate_weighted.csv")))
out$datasets$florentine <- with_warnings(undirected_set("florentine", read_chr("florentine.csv"),
                                          read_chr("florentine_nodes.csv")))
out$datasets$kite <- with_warnings(undirected_set("kite", read_chr("kite.csv"), read_chr("kite_nodes.csv")))

# davis: the bipartite graph as one undirected 32-node graph (women first, then events),
# plus the two one-mode projections (co-membership counts).
dn <- read_chr("davis_nodes.csv")
de <- read_chr("davis_two_mode.csv")
davis <- with_warnings(undirected_set("davis", de, dn, do_brokerage = FALSE))
davis$evcent_note <- paste("bipartite graph: adjacency spectrum is symmetric (lambda and -lambda), so sna's power",
                           "iteration does not converge; 'evcent' (and centralization$evcent) are NOT the eigenvector",
                           "centrality here - use 'evcent_use_eigen'")
women <- dn$id[dn$group == "woman"]
events <- dn$id[dn$group == "event"]
B <- matrix(0, length(women), length(events), dimnames = list(women, events))
B[cbind(match(de$woman, women), match(de$event, events))] <- 1
WW <- B %*% t(B)
EE <- t(B) %*% B
davis$two_mode <- list(
  incidence_rows = women, incidence_cols = events,
  women_projection = matrix_obj(WW),
  events_projection = matrix_obj(EE),
  note = "projection = B %*% t(B) (women) and t(B) %*% B (events); diagonal = number of events attended / number of attendees"
)
out$datasets$davis <- davis

out$datasets$roles_directed <- with_warnings(directed_set("roles_directed", read_chr("roles_directed.csv"),
                                            read_chr("roles_directed_nodes.csv")))

writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "string", pretty = TRUE), out_file)
cat("wrote", out_file, "\n")
