#!/usr/bin/env python3
"""wijknet against networkx, igraph, NetworKit (and R sna when installed) on the same graphs.

    .venv/bin/python benchmarks/bench_measures.py            # every tier
    .venv/bin/python benchmarks/bench_measures.py --tiers S   # the small one only

Graphs are random (Erdos-Renyi G(n, m), fixed seed), undirected and unweighted, one per tier:
  S:  2,000 stakeholders,    10,000 ties  (all peers, networkx and R sna included)
  M: 20,000 stakeholders,   130,000 ties  (betweenness and closeness only: the goal size; no networkx)
  L: 100,000 stakeholders, 1,000,000 ties (linear-time measures only)
Every contender runs in its own process, so its peak memory (ru_maxrss) is its own; graph
construction is timed apart from the measures. Iterative measures use a tolerance of 1e-10 (L1
change per vertex) where the library takes one. Threads: wijknet and NetworKit use every core
(--threads), igraph and networkx one; wijknet's single-thread time is printed too. Ratios are
peer time / wijknet time: above 1 means wijknet is faster.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIERS = {"S": (2_000, 10_000), "M": (20_000, 130_000), "L": (100_000, 1_000_000)}
MEASURES = ["betweenness", "closeness", "pagerank", "constraint", "brokerage", "k-core", "louvain"]
ALL_PAIRS = {"betweenness", "closeness"}
LIBS = ["wijknet", "wijknet-1thread", "igraph", "networkit", "networkx", "R sna"]


def edges_of(n: int, m: int, seed: int = 2026):
    """m distinct undirected pairs u < v of n vertices."""
    import numpy as np

    rng = np.random.default_rng(seed)
    seen = set()
    out = []
    while len(out) < m:
        u, v = rng.integers(0, n, size=2 * (m - len(out))).reshape(-1, 2).T
        for a, b in zip(u.tolist(), v.tolist()):
            if a == b:
                continue
            key = (a, b) if a < b else (b, a)
            if key not in seen:
                seen.add(key)
                out.append(key)
                if len(out) == m:
                    break
    return out


def groups_of(n: int):
    """Six role groups, as in an alliance (vertex i in group i mod 6)."""
    return [i % 6 for i in range(n)]


def timed(f):
    start = time.perf_counter()
    result = f()
    return time.perf_counter() - start, result


# ------------------------------------------------------------------------------ contenders

def run_wijknet(n, edges, measures, threads):
    import wijknet

    folder = Path(tempfile.mkdtemp())
    try:
        with open(folder / "stakeholders.csv", "w") as f:
            f.write("id,group\n")
            f.writelines(f"{i},{i % 6}\n" for i in range(n))
        with open(folder / "ties.csv", "w") as f:
            f.write("source,target\n")
            f.writelines(f"{u},{v}\n" for u, v in edges)
        t_build, a = timed(lambda: wijknet.read_csv_folder(folder))
    finally:
        shutil.rmtree(folder)
    t_snap, g = timed(lambda: a.snapshot(relations=["collaboration"]))
    out = {"build": t_build + t_snap, "snapshot_bytes_per_tie": (g.memory_bytes - 12 * n) / g.num_ties}
    groups = dict(zip(g.ids, groups_of(n)))
    calls = {
        "betweenness": lambda: g._betweenness("none", False, False, threads),
        "closeness": lambda: g._closeness("out", "none", "wasserman_faust", False, False, threads),
        "pagerank": lambda: g._pagerank(0.85, "none", 1e-10, 10000),
        "constraint": lambda: g._structural_holes("both", "none"),
        "brokerage": lambda: g._brokerage([groups[i] for i in g.ids]),
        "k-core": lambda: g._core_number(),
        "louvain": lambda: g._communities("louvain", 1.0, "none", 42),
    }
    for m in measures:
        out[m] = timed(calls[m])[0]
    return out


def run_igraph(n, edges, measures, threads):
    import igraph as ig

    t_build, g = timed(lambda: ig.Graph(n=n, edges=edges))
    out = {"build": t_build}
    calls = {
        "betweenness": lambda: g.betweenness(directed=False),
        "closeness": lambda: g.closeness(),
        "pagerank": lambda: g.pagerank(),
        "constraint": lambda: g.constraint(),
        "k-core": lambda: g.coreness(),
        "louvain": lambda: g.community_multilevel(),
    }
    for m in measures:
        if m in calls:
            out[m] = timed(calls[m])[0]
    return out


def run_networkit(n, edges, measures, threads):
    import networkit as nk

    nk.setNumberOfThreads(threads)

    def build():
        g = nk.Graph(n)
        for u, v in edges:
            g.addEdge(u, v)
        return g

    t_build, g = timed(build)
    out = {"build": t_build}
    calls = {
        "betweenness": lambda: nk.centrality.Betweenness(g).run(),
        "closeness": lambda: nk.centrality.Closeness(g, True, nk.centrality.ClosenessVariant.GENERALIZED).run(),
        "pagerank": lambda: nk.centrality.PageRank(g, damp=0.85, tol=1e-10).run(),
        "k-core": lambda: nk.centrality.CoreDecomposition(g).run(),
        "louvain": lambda: nk.community.detectCommunities(g, algo=nk.community.PLM(g, refine=False), inspect=False),
    }
    for m in measures:
        if m in calls:
            out[m] = timed(calls[m])[0]
    return out


def run_networkx(n, edges, measures, threads):
    import networkx as nx

    def build():
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)
        return g

    t_build, g = timed(build)
    out = {"build": t_build}
    calls = {
        "betweenness": lambda: nx.betweenness_centrality(g, normalized=False),
        "closeness": lambda: nx.closeness_centrality(g),
        "pagerank": lambda: nx.pagerank(g, tol=1e-10),
        "constraint": lambda: nx.constraint(g),
        "k-core": lambda: nx.core_number(g),
        "louvain": lambda: nx.community.louvain_communities(g, seed=42),
    }
    for m in measures:
        if m in calls:
            out[m] = timed(calls[m])[0]
    return out


def run_r_sna(n, edges, measures, threads):
    """R sna through Rscript (dense adjacency: tier S only)."""
    if not shutil.which("Rscript"):
        return {}
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write("u,v\n")
        f.writelines(f"{u + 1},{v + 1}\n" for u, v in edges)
        path = f.name
    script = f"""
suppressMessages(library(sna))
e <- read.csv("{path}")
A <- matrix(0, {n}, {n}); A[cbind(e$u, e$v)] <- 1; A[cbind(e$v, e$u)] <- 1
cl <- (seq_len({n}) - 1) %% 6
t1 <- system.time(betweenness(A, gmode = "graph"))[["elapsed"]]
t2 <- system.time(brokerage(A, cl))[["elapsed"]]
cat(sprintf('{{"betweenness": %f, "brokerage": %f}}', t1, t2))
"""
    try:
        res = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True, timeout=3600)
    finally:
        os.unlink(path)
    if res.returncode != 0:
        return {}
    return {k: v for k, v in json.loads(res.stdout.strip().splitlines()[-1]).items() if k in measures}


RUNNERS = {"wijknet": run_wijknet, "wijknet-1thread": run_wijknet, "igraph": run_igraph,
           "networkit": run_networkit, "networkx": run_networkx, "R sna": run_r_sna}


def child(lib: str, tier: str, threads: int) -> None:
    n, m = TIERS[tier]
    measures = [x for x in MEASURES if (x in ALL_PAIRS) == (tier == "M") or tier == "S"]
    edges = edges_of(n, m)
    if lib == "wijknet-1thread":
        measures = [x for x in measures if x in ALL_PAIRS]
        threads = 1
    try:
        __import__({"R sna": "json", "wijknet-1thread": "wijknet"}.get(lib, lib))
    except ImportError:
        print(json.dumps({"missing": True}))
        return
    out = RUNNERS[lib](n, edges, measures, threads)
    out["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tiers", default="SML", help="which tiers to run (letters of S, M, L)")
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    p.add_argument("--child", nargs=2, metavar=("LIB", "TIER"), help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.threads)
        return
    print(f"wijknet benchmark: {args.threads} threads for wijknet and NetworKit; igraph, networkx, R single-threaded")
    for tier in args.tiers:
        n, m = TIERS[tier]
        libs = [lib for lib in LIBS if not (lib in ("networkx", "R sna") and tier != "S")]
        results = {}
        for lib in libs:
            res = subprocess.run([sys.executable, __file__, "--child", lib, tier, "--threads", str(args.threads)],
                                 capture_output=True, text=True)
            if res.returncode != 0:
                print(f"  {lib} failed: {res.stderr.strip().splitlines()[-1] if res.stderr else res.returncode}")
                continue
            results[lib] = json.loads(res.stdout.strip().splitlines()[-1])
        print(f"\nTier {tier}: {n:,} stakeholders, {m:,} ties  (seconds; ratio = peer / wijknet)")
        w = results.get("wijknet", {})
        header = f"  {'measure':<12}" + "".join(f"{lib:>17}" for lib in results)
        print(header)
        for measure in ["build", *MEASURES]:
            if measure not in w:
                continue
            row = f"  {measure:<12}"
            for lib, r in results.items():
                if measure not in r:
                    row += f"{'-':>17}"
                elif lib == "wijknet":
                    row += f"{r[measure]:>17.3f}"
                else:
                    row += f"{r[measure]:>9.3f} ({r[measure] / w[measure]:>5.1f}x)"
            print(row)
        print("  peak MiB    " + "".join(f"{r.get('peak_mib', 0):>17.0f}" for r in results.values()))
        if "snapshot_bytes_per_tie" in w:
            print(f"  wijknet snapshot: {w['snapshot_bytes_per_tie']:.1f} bytes per tie (plus O(n))")


if __name__ == "__main__":
    main()
