#!/usr/bin/env python3
"""Reference values from networkx and python-igraph (plus a few documented hand-coded
formulas) for the data sets in tests/reference/data/.

Run from the repository root:
    .venv/bin/python tests/reference/make_peer_reference.py
Writes tests/reference/peer_reference.json.

Needs (PyPI): networkx, numpy, pandas, scipy (networkx uses it for some measures), igraph.

JSON conventions (same as sna_reference.json):
  * every per-node vector is an object keyed by node id (string);
  * per-edge values are keyed "u|v" (undirected: u before v in vertex_order;
    directed: source|target);
  * non-finite numbers are written as the strings "NaN", "Inf", "-Inf";
  * floats are rounded to 15 significant digits; the script re-runs itself with
    PYTHONHASHSEED=0 so the output is byte-for-byte reproducible;
  * a measure that raised an exception is stored as {"error": "<message>"}.
"""
import csv
import json
import math
import os
import random
import sys
import warnings
from importlib import metadata

import networkx as nx
import numpy as np

try:
    import igraph as ig
except ImportError:  # pragma: no cover
    ig = None

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
OUT = os.path.join(HERE, "peer_reference.json")


# ----------------------------------------------------------------- helpers
def read_csv(name):
    with open(os.path.join(DATA, name), newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def clean(x):
    """Make x JSON-safe: numpy scalars -> python, non-finite -> strings."""
    if isinstance(x, dict):
        return {str(k): clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (np.floating, float)):
        x = float(x)
        if math.isnan(x):
            return "NaN"
        if math.isinf(x):
            return "Inf" if x > 0 else "-Inf"
        return float(f"{x:.15g}")  # 15 significant digits, like the sna file
    if isinstance(x, (np.bool_,)):
        return bool(x)
    return x


def attempt(fn):
    """Run fn(); record warnings; return value or {"error": ...}."""
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            val = fn()
        except Exception as exc:  # record, do not crash the whole run
            return {"error": f"{type(exc).__name__}: {exc}"}
    if w:
        return {"value": val, "warnings": sorted({str(x.message) for x in w})}
    return val


def keyed(G, d, order):
    return {str(v): d[v] for v in order if v in d}


def ekey(u, v, order_index, directed):
    if not directed and order_index[u] > order_index[v]:
        u, v = v, u
    return f"{u}|{v}"


def edge_keyed(d, order_index, directed):
    out = {}
    for (u, v), val in d.items():
        out[ekey(u, v, order_index, directed)] = val
    return dict(sorted(out.items(), key=lambda kv: tuple(order_index[x] for x in kv[0].split("|"))))


# ---------------------------------------------- hand-coded Burt hierarchy
def burt_hierarchy(G, weight=None):
    """Burt (1992, Structural Holes, p. 71) hierarchy, Coleman-Theil disorder index:

        H_i = sum_j (c_ij / (C_i/N_i)) * ln(c_ij / (C_i/N_i)) / (N_i * ln N_i)

    c_ij  = networkx local_constraint(G, i, j, weight)  (Burt's dyadic constraint),
    C_i   = sum_j c_ij  (= networkx constraint),
    N_i   = number of ego's contacts (neighbours; in+out neighbours for digraphs),
    sum over the contacts j of i.  Terms with c_ij == 0 contribute 0 (x ln x -> 0).
    N_i <= 1 gives 0/0 and is reported as NaN (undefined); isolates are NaN.
    """
    out = {}
    for i in G:
        nbrs = set(nx.all_neighbors(G, i)) if G.is_directed() else set(G[i])
        nbrs.discard(i)
        N = len(nbrs)
        if N <= 1:
            out[i] = float("nan")
            continue
        cij = [nx.local_constraint(G, i, j, weight=weight) for j in nbrs]
        C = sum(cij)
        s = 0.0
        for c in cij:
            r = c / (C / N)
            if r > 0:
                s += r * math.log(r)
        out[i] = s / (N * math.log(N))
    return out


# -------------------------------------------------- hand-coded E-I index
def ei_index(G, group):
    """Krackhardt & Stern (1988) E-I index: (E - I) / (E + I), E = ties between groups,
    I = ties within a group.  Whole network counts each edge (arc) once; the group-level
    value counts the ties that touch a member of the group (a between-group tie counts for
    both groups); the node-level value counts ego's ties (in+out for digraphs).
    Empty denominators give NaN."""
    def ratio(e, i):
        return (e - i) / (e + i) if (e + i) > 0 else float("nan")

    E = sum(1 for u, v in G.edges() if group[u] != group[v])
    I = sum(1 for u, v in G.edges() if group[u] == group[v])
    groups = list(dict.fromkeys(group[v] for v in G))
    by_group = {}
    for g in groups:
        e = sum(1 for u, v in G.edges() if (group[u] == g) != (group[v] == g))
        i = sum(1 for u, v in G.edges() if group[u] == g and group[v] == g)
        by_group[g] = {"E": e, "I": i, "EI": ratio(e, i)}
    by_node = {}
    for v in G:
        nbr_ties = list(G.out_edges(v)) + list(G.in_edges(v)) if G.is_directed() else list(G.edges(v))
        e = sum(1 for a, b in nbr_ties if group[a] != group[b])
        i = sum(1 for a, b in nbr_ties if group[a] == group[b])
        by_node[str(v)] = {"E": e, "I": i, "EI": ratio(e, i)}
    return {"whole": {"E": E, "I": I, "EI": ratio(E, I)}, "by_group": by_group, "by_node": by_node,
            "formula": "(E - I) / (E + I), Krackhardt & Stern 1988"}


# ------------------------------------------------------------ networkx part
def nx_measures(G, order, group, weighted):
    directed = G.is_directed()
    oi = {v: k for k, v in enumerate(order)}
    # An unweighted copy: networkx picks up 'weight' by default in several functions.
    U = G.__class__()
    U.add_nodes_from((v, G.nodes[v]) for v in order)
    U.add_edges_from(G.edges())
    r = {}
    r["constraint"] = keyed(U, nx.constraint(U), order)
    r["effective_size"] = keyed(U, nx.effective_size(U), order)
    r["efficiency"] = {str(v): (r["effective_size"][str(v)] / (len(set(nx.all_neighbors(U, v))))
                               if len(set(nx.all_neighbors(U, v))) else float("nan")) for v in order}
    r["efficiency_note"] = "effective_size / number of contacts (in+out neighbours for digraphs)"
    r["hierarchy_burt_handcoded"] = keyed(U, burt_hierarchy(U), order)
    r["local_constraint"] = {ekey(u, v, oi, True): nx.local_constraint(U, u, v)
                             for u in order for v in order
                             if u != v and (U.has_edge(u, v) or U.has_edge(v, u))}
    if weighted:
        r["constraint_weighted"] = keyed(G, nx.constraint(G, weight="weight"), order)
        r["effective_size_weighted"] = keyed(G, nx.effective_size(G, weight="weight"), order)
        r["hierarchy_burt_handcoded_weighted"] = keyed(G, burt_hierarchy(G, weight="weight"), order)
    r["pagerank"] = keyed(U, nx.pagerank(U, alpha=0.85, tol=1e-14, max_iter=100000), order)
    if weighted:
        r["pagerank_weighted"] = keyed(G, nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-14, max_iter=100000), order)
    r["katz_centrality"] = attempt(lambda: keyed(U, nx.katz_centrality(U, alpha=0.1, beta=1.0, max_iter=100000, tol=1e-14), order))
    r["katz_centrality_unnormalized"] = attempt(
        lambda: keyed(U, nx.katz_centrality(U, alpha=0.1, beta=1.0, normalized=False, max_iter=100000, tol=1e-14), order))
    r["eigenvector_centrality"] = attempt(lambda: keyed(U, nx.eigenvector_centrality(U, max_iter=10000, tol=1e-12), order))
    # ARPACK starts from a random vector that cannot be seeded here: round to 12 digits
    r["eigenvector_centrality_numpy"] = attempt(lambda: {k: float(f"{v:.12g}") for k, v in keyed(
        U, nx.eigenvector_centrality_numpy(U), order).items()})
    r["eigenvector_centrality_numpy_note"] = "rounded to 12 significant digits (ARPACK random start)"
    r["closeness_centrality"] = keyed(U, nx.closeness_centrality(U), order)
    r["closeness_centrality_wf_false"] = keyed(U, nx.closeness_centrality(U, wf_improved=False), order)
    r["harmonic_centrality"] = keyed(U, nx.harmonic_centrality(U), order)
    if directed:
        R = U.reverse(copy=True)
        r["closeness_centrality_outward"] = keyed(R, nx.closeness_centrality(R), order)
        r["harmonic_centrality_outward"] = keyed(R, nx.harmonic_centrality(R), order)
        r["closeness_harmonic_direction_note"] = ("networkx closeness_centrality and harmonic_centrality on a DiGraph "
                                                  "use INWARD distances (paths ending at the node); *_outward are "
                                                  "computed on G.reverse() (paths starting at the node)")
    r["betweenness_centrality_normalized"] = keyed(U, nx.betweenness_centrality(U, normalized=True), order)
    r["betweenness_centrality_raw"] = keyed(U, nx.betweenness_centrality(U, normalized=False), order)
    if weighted:
        r["betweenness_centrality_raw_weighted"] = keyed(
            G, nx.betweenness_centrality(G, normalized=False, weight="weight"), order)
        r["closeness_centrality_weighted"] = keyed(G, nx.closeness_centrality(G, distance="weight"), order)
    r["edge_betweenness_centrality_normalized"] = edge_keyed(
        nx.edge_betweenness_centrality(U, normalized=True), oi, directed)
    r["edge_betweenness_centrality_raw"] = edge_keyed(
        nx.edge_betweenness_centrality(U, normalized=False), oi, directed)
    UU_ = U.to_undirected() if directed else U
    r["clustering"] = keyed(U, nx.clustering(U), order)
    r["average_clustering"] = nx.average_clustering(U)
    r["transitivity"] = nx.transitivity(U)
    if directed:
        r["clustering_of_undirected_version"] = keyed(UU_, nx.clustering(UU_), order)
        r["average_clustering_of_undirected_version"] = nx.average_clustering(UU_)
        r["transitivity_of_undirected_version"] = nx.transitivity(UU_)
        r["betweenness_centrality_raw_of_undirected_version"] = keyed(
            UU_, nx.betweenness_centrality(UU_, normalized=False), order)
        r["clustering_note"] = ("clustering/average_clustering on a DiGraph are Fagiolo's directed clustering; "
                                "*_of_undirected_version use G.to_undirected() (mutual arcs collapse to one edge)")
    if weighted and not directed:
        r["clustering_weighted"] = keyed(G, nx.clustering(G, weight="weight"), order)
    if directed:
        r["reciprocity"] = nx.reciprocity(U)
        r["triadic_census"] = nx.triadic_census(U)
    r["core_number"] = keyed(U, nx.core_number(U), order)
    r["attribute_assortativity_group"] = attempt(lambda: nx.attribute_assortativity_coefficient(U, "group"))
    r["degree_assortativity"] = attempt(lambda: nx.degree_assortativity_coefficient(U))
    UU = U.to_undirected() if directed else U
    cliques = sorted(sorted(c, key=lambda v: oi[v]) for c in nx.find_cliques(UU))
    cliques = sorted(cliques, key=lambda c: (-len(c), [oi[v] for v in c]))
    r["find_cliques"] = [[str(v) for v in c] for c in cliques]
    r["find_cliques_note"] = ("maximal cliques, each sorted by vertex_order, list sorted by size desc then "
                              "vertex_order" + ("; computed on the undirected version" if directed else ""))
    r["number_of_cliques"] = {str(v): sum(1 for c in cliques if v in c) for v in order}
    r["node_connectivity_global"] = nx.node_connectivity(U)
    r["edge_connectivity_global"] = nx.edge_connectivity(U)
    pairs = []
    for a, b in [(0, len(order) - 1), (0, 1), (1, len(order) // 2), (2, len(order) - 2)]:
        u, v = order[a], order[b]
        if u != v and not U.has_edge(u, v):
            pairs.append((u, v))
    r["node_connectivity_pairs"] = {f"{u}|{v}": nx.node_connectivity(U, u, v) for u, v in pairs}
    r["node_connectivity_pairs_note"] = "local node connectivity (max number of internally vertex-disjoint paths) for non-adjacent pairs"
    r["articulation_points"] = sorted((str(v) for v in nx.articulation_points(UU)), key=lambda s: oi[_id(s, order)])
    r["bridges"] = sorted(ekey(u, v, oi, False) for u, v in nx.bridges(UU))
    r["ei_index_handcoded"] = ei_index(U, group)
    return r


def _id(s, order):
    for v in order:
        if str(v) == s:
            return v
    raise KeyError(s)


# -------------------------------------------------------------- igraph part
def ig_measures(G, order, group, weighted):
    directed = G.is_directed()
    random.seed(20240601)  # python-igraph draws its RNG (ARPACK start vectors) from Python's random
    idx = {v: k for k, v in enumerate(order)}
    edges = [(idx[u], idx[v]) for u, v in G.edges()]
    g = ig.Graph(n=len(order), edges=edges, directed=directed)
    g.vs["name"] = [str(v) for v in order]
    if weighted:
        g.es["weight"] = [float(G[u][v]["weight"]) for u, v in G.edges()]
    names = g.vs["name"]

    def vec(values):
        return {names[k]: values[k] for k in range(len(names))}

    r = {}
    r["betweenness_undirected"] = vec(g.betweenness(directed=False))
    if directed:
        r["betweenness_directed"] = vec(g.betweenness(directed=True))
        gc = g.as_undirected(mode="collapse")
        r["betweenness_undirected_collapsed"] = vec(gc.betweenness())
        r["betweenness_undirected_note"] = (
            "betweenness(directed=False) on a directed igraph graph treats reciprocated arcs as TWO parallel edges "
            "(multigraph), doubling geodesic counts through them; *_collapsed uses as_undirected(mode='collapse') "
            "and equals sna cmode='undirected' and networkx on G.to_undirected()")
    if weighted:
        r["betweenness_undirected_weighted"] = vec(g.betweenness(directed=False, weights="weight"))
        if directed:
            r["betweenness_directed_weighted"] = vec(g.betweenness(directed=True, weights="weight"))
    modes = ["all", "out", "in"] if directed else ["all"]
    for m in modes:
        r[f"closeness_{m}"] = vec(g.closeness(mode=m))
        r[f"closeness_{m}_raw"] = vec(g.closeness(mode=m, normalized=False))
        r[f"harmonic_centrality_{m}"] = vec(g.harmonic_centrality(mode=m))
        r[f"harmonic_centrality_{m}_raw"] = vec(g.harmonic_centrality(mode=m, normalized=False))
        if weighted:
            r[f"closeness_{m}_weighted"] = vec(g.closeness(mode=m, weights="weight"))
        r[f"coreness_{m}"] = vec(g.coreness(mode=m))
    r["pagerank"] = vec(g.pagerank(damping=0.85))
    if weighted:
        r["pagerank_weighted"] = vec(g.pagerank(damping=0.85, weights="weight"))
    r["eigenvector_centrality"] = attempt(lambda: vec(g.eigenvector_centrality()))
    if directed:
        r["eigenvector_centrality_undirected"] = attempt(lambda: vec(g.eigenvector_centrality(directed=False)))
    r["constraint"] = vec(g.constraint())
    if weighted:
        r["constraint_weighted"] = vec(g.constraint(weights="weight"))
    r["transitivity_local_undirected_nan"] = vec(g.transitivity_local_undirected(mode="nan"))
    r["transitivity_local_undirected_zero"] = vec(g.transitivity_local_undirected(mode="zero"))
    if weighted and not directed:
        r["transitivity_local_undirected_barrat"] = vec(g.transitivity_local_undirected(mode="zero", weights="weight"))
    r["transitivity_undirected"] = g.transitivity_undirected()
    r["transitivity_avglocal_undirected_zero"] = g.transitivity_avglocal_undirected(mode="zero")
    r["articulation_points"] = sorted((names[k] for k in g.articulation_points()), key=lambda s: names.index(s))
    r["bridges"] = sorted(ekey(names[g.es[e].source], names[g.es[e].target], {n: k for k, n in enumerate(names)}, False)
                          for e in g.bridges())
    groups = list(dict.fromkeys(group[v] for v in order))
    membership = [groups.index(group[v]) for v in order]
    r["modularity_group"] = g.modularity(membership)
    if directed:
        r["modularity_group_undirected"] = g.modularity(membership, directed=False)
        r["modularity_group_collapsed_undirected"] = g.as_undirected(mode="collapse").modularity(membership)
    if weighted:
        r["modularity_group_weighted"] = g.modularity(membership, weights="weight")
    r["modularity_membership_order"] = groups
    if directed:
        r["reciprocity"] = g.reciprocity()
        r["triad_census"] = dict(zip(["003", "012", "102", "021D", "021U", "021C", "111D", "111U", "030T", "030C",
                                      "201", "120D", "120U", "120C", "210", "300"], list(g.triad_census())))
    r["density"] = g.density()
    return r


# ----------------------------------------------------------------- loading
def load_undirected(edge_file, node_file, weighted=False):
    nodes = read_csv(node_file)
    order = [n["id"] for n in nodes]
    group = {n["id"]: n["group"] for n in nodes}
    G = nx.Graph()
    for v in order:
        G.add_node(v, group=group[v])
    for row in read_csv(edge_file):
        if weighted:
            G.add_edge(row["source"], row["target"], weight=float(row["weight"]))
        else:
            G.add_edge(row["source"], row["target"])
    return G, order, group


def load_directed(edge_file, node_file):
    nodes = read_csv(node_file)
    order = [n["id"] for n in nodes]
    group = {n["id"]: n["group"] for n in nodes}
    G = nx.DiGraph()
    for v in order:
        G.add_node(v, group=group[v])
    for row in read_csv(edge_file):
        G.add_edge(row["source"], row["target"], weight=float(row["weight"]))
    return G, order, group


def dataset(G, order, group, weighted, mode):
    d = {"mode": mode, "vertex_order": [str(v) for v in order], "group": {str(v): group[v] for v in order},
         "weighted": weighted}
    d["networkx"] = nx_measures(G, order, group, weighted)
    if ig is not None:
        d["igraph"] = ig_measures(G, order, group, weighted)
    return d


def main():
    def ver(p):
        try:
            return metadata.version(p)
        except metadata.PackageNotFoundError:
            return None

    out = {
        "generator": "tests/reference/make_peer_reference.py",
        "versions": {"python": sys.version.split()[0], "networkx": nx.__version__, "numpy": np.__version__,
                     "scipy": ver("scipy"), "igraph": ig.__version__ if ig else None},
        "conventions": {
            "vectors": "objects keyed by node id, keys in vertex_order",
            "edges": "keyed 'u|v'; undirected: u before v in vertex_order",
            "non_finite": "written as strings NaN / Inf / -Inf",
            "weights": "keys with _weighted use the 'weight' column; for betweenness/closeness it is a DISTANCE, "
                       "for constraint/effective size/pagerank/modularity/clustering a tie STRENGTH",
            "errors": "a measure that raised is {'error': message}; one that warned is {'value':..., 'warnings': [...]}",
        },
        "datasets": {},
    }
    G, order, group = load_undirected("karate.csv", "karate_nodes.csv")
    out["datasets"]["karate"] = dataset(G, order, group, False, "graph")
    G, order, group = load_undirected("karate_weighted.csv", "karate_nodes.csv", weighted=True)
    out["datasets"]["karate_weighted"] = dataset(G, order, group, True, "graph")
    G, order, group = load_undirected("florentine.csv", "florentine_nodes.csv")
    out["datasets"]["florentine"] = dataset(G, order, group, False, "graph")
    G, order, group = load_undirected("kite.csv", "kite_nodes.csv")
    out["datasets"]["kite"] = dataset(G, order, group, False, "graph")

    # davis: one undirected bipartite graph (women then events) + networkx bipartite measures
    nodes = read_csv("davis_nodes.csv")
    order = [n["id"] for n in nodes]
    group = {n["id"]: n["group"] for n in nodes}
    D = nx.Graph()
    for v in order:
        D.add_node(v, group=group[v])
    D.add_edges_from((r["woman"], r["event"]) for r in read_csv("davis_two_mode.csv"))
    dd = dataset(D, order, group, False, "graph")
    women = [v for v in order if group[v] == "woman"]
    events = [v for v in order if group[v] == "event"]
    bp = nx.bipartite
    WP = bp.weighted_projected_graph(D, women)
    EP = bp.weighted_projected_graph(D, events)
    wi = {v: k for k, v in enumerate(order)}
    dd["bipartite"] = {
        "degree_centrality": keyed(D, bp.degree_centrality(D, women), order),
        "betweenness_centrality": keyed(D, bp.betweenness_centrality(D, women), order),
        "closeness_centrality": keyed(D, bp.closeness_centrality(D, women), order),
        "density": bp.density(D, women),
        "women_projection_weights": edge_keyed({(u, v): d["weight"] for u, v, d in WP.edges(data=True)}, wi, False),
        "events_projection_weights": edge_keyed({(u, v): d["weight"] for u, v, d in EP.edges(data=True)}, wi, False),
        "note": "networkx.bipartite with top nodes = women; projection weight = number of shared neighbours",
    }
    out["datasets"]["davis"] = dd

    G, order, group = load_directed("roles_directed.csv", "roles_directed_nodes.csv")
    out["datasets"]["roles_directed"] = dataset(G, order, group, True, "digraph")

    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(clean(out), fh, indent=1, allow_nan=False)
        fh.write("\n")
    print("wrote", OUT)


if __name__ == "__main__":
    # networkx iterates over sets of node ids in places; fix string hashing so that
    # summation order, and so the last bits of the results, are reproducible.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)
    main()
