#!/usr/bin/env python3
"""wijknet against networkx, igraph, NetworKit (and R sna when installed) on the same graphs.

    .venv/bin/python benchmarks/bench_measures.py            # every tier
    .venv/bin/python benchmarks/bench_measures.py --tiers S   # the small one only

    .venv/bin/python benchmarks/bench_measures.py --tiers PMC --repeat 3   # issue 14's figures

Graphs are random (Erdos-Renyi G(n, m), fixed seed), undirected and unweighted, one per tier:
  S:  2,000 stakeholders,    10,000 ties  (all peers, networkx and R sna included)
  M: 20,000 stakeholders,   130,000 ties  (betweenness and closeness only: the goal size; no networkx)
  L: 100,000 stakeholders, 1,000,000 ties (linear-time measures only)
and two more:
  P: 20,000 stakeholders, ~130,000 ties, directed preferential attachment (igraph's Barabasi,
     out-degree 5, seed 7) with 30 % of the ties returned: the shape of real social networks,
     with hubs. Betweenness (directed) and Leiden (undirected, unweighted reading; igraph run
     until a pass changes nothing, n_iterations=-1), with the modularity each reaches: Leiden's
     time and modularity are means over seeds 0-4 of each library. Both
     contenders run on one thread, timed in processor time (time.process_time).
  C: 3,000 stakeholders, 15,000 ties (G(n, m)): the fixed cost of a small call, the best of
     200 calls on a graph built beforehand (a wijknet Snapshot, an igraph Graph).
Every contender runs in its own process, so its peak memory (ru_maxrss) is its own; graph
construction is timed apart from the measures. Iterative measures use a tolerance of 1e-10 (L1
change per vertex) where the library takes one. Threads: wijknet and NetworKit use every core
(--threads), igraph and networkx one; wijknet's single-thread time is printed too. Single-threaded
contenders (igraph, wijknet-1thread) are timed in processor time, the others in wall time. Ratios are
peer time / wijknet time: above 1 means wijknet is faster. With --repeat R every contender runs
R times, the contenders taking turns (round 1: each once, round 2: each once, ...), and each
figure is the minimum over the rounds: the machine may be shared, and the minimum is the run
least disturbed.
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

TIERS = {"S": (2_000, 10_000), "M": (20_000, 130_000), "L": (100_000, 1_000_000), "P": (20_000, 130_000),
         "C": (3_000, 15_000)}
MEASURES = ["betweenness", "closeness", "pagerank", "constraint", "brokerage", "k-core", "louvain"]
ALL_PAIRS = {"betweenness", "closeness"}
LIBS = ["wijknet", "wijknet-1thread", "igraph", "networkit", "networkx", "R sna"]
# Tier P: directed betweenness single-threaded, Leiden to convergence (time and modularity).
P_MEASURES = ["betweenness", "leiden", "leiden modularity"]
P_LIBS = ["wijknet-1thread", "igraph"]
# Tier C: milliseconds per small call.
C_MEASURES = ["k-core", "degree", "components", "pagerank"]
C_LIBS = ["wijknet", "igraph"]
QUALITY = {"leiden modularity"}  # higher is better; printed as the value, ratio wijknet / peer


def preferential_edges(n: int, out_degree: int = 5, returned: float = 0.3, seed: int = 7):
    """Directed preferential attachment (igraph's Barabasi, each vertex sending out_degree ties
    to earlier ones) with a share of the ties returned; distinct ties, no self-ties."""
    import random

    import igraph as ig

    random.seed(seed)
    g = ig.Graph.Barabasi(n, out_degree, directed=True)
    ties = sorted({e for e in g.get_edgelist() if e[0] != e[1]})
    back = random.Random(seed).sample(ties, int(returned * len(ties)))
    return sorted(set(ties) | {(v, u) for u, v in back})


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


def timed(f, clock=time.perf_counter):
    start = clock()
    result = f()
    return clock() - start, result


def cpu_timed(f):
    """Processor time of the calling process: for single-threaded contenders on a shared machine,
    where waiting for a core would otherwise count."""
    return timed(f, time.process_time)


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
    clock = time.process_time if threads == 1 else time.perf_counter  # one thread: processor time
    for m in measures:
        out[m] = timed(calls[m], clock)[0]
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
            out[m] = cpu_timed(calls[m])[0]  # single-threaded: processor time
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


def alliance_of(n: int, edges, relation: str):
    """A wijknet alliance of stakeholders "0" .. "n-1" tied by `relation` in one wave."""
    import wijknet

    a = wijknet.Alliance()
    a.add_wave("T0")
    for i in range(n):
        a.add_stakeholder(str(i))
    for x, y in edges:
        a.add_tie(str(x), str(y), relation, "T0")
    return a


def run_preferential(lib: str, n: int, edges, threads: int) -> dict:
    """Tier P: directed betweenness, one thread; Leiden on the undirected, unweighted reading."""
    if lib == "igraph":
        import igraph as ig

        t_build, g = timed(lambda: ig.Graph(n=n, edges=edges, directed=True))
        u = g.as_undirected(mode="collapse")
        out = {"build": t_build, "betweenness": cpu_timed(lambda: g.betweenness(directed=True))[0]}
        import random

        def leiden_igraph(seed):
            random.seed(seed)
            ig.set_random_number_generator(random)
            return u.community_leiden(objective_function="modularity", n_iterations=-1)

        out["leiden"], out["leiden modularity"] = leiden_over_seeds(leiden_igraph, u.modularity)
        return out
    import wijknet

    t_build, a = timed(lambda: alliance_of(n, edges, "referral"))
    g = a.snapshot()
    u = a.snapshot(symmetrize=True)  # the undirected reading; weight=None counts a pair once
    out = {"build": t_build, "betweenness": cpu_timed(lambda: g._betweenness("none", False, False, 1))[0]}
    out["leiden"], out["leiden modularity"] = leiden_over_seeds(
        lambda seed: wijknet.leiden(u, weight=None, seed=seed), lambda parts: wijknet.modularity(u, parts))
    return out


def leiden_over_seeds(run, quality, seeds: int = 5) -> tuple[float, float]:
    """Mean processor time and mean modularity of Leiden over seeds 0 .. seeds-1: one seed's
    modularity spreads by about 0.002 on the tier-P graph, more than the libraries differ."""
    times, qualities = [], []
    for seed in range(seeds):
        t, parts = cpu_timed(lambda: run(seed))
        times.append(t)
        qualities.append(quality(parts))
    return sum(times) / seeds, sum(qualities) / seeds


def run_calls(lib: str, n: int, edges, threads: int, calls: int = 200) -> dict:
    """Tier C: milliseconds per call, the best of `calls` calls of the public function."""
    def best(f):
        low = float("inf")
        for _ in range(calls):
            start = time.perf_counter()
            f()
            low = min(low, time.perf_counter() - start)
        return low * 1e3

    if lib == "igraph":
        import igraph as ig

        g = ig.Graph(n=n, edges=edges)
        fs = {"k-core": g.coreness, "degree": g.degree, "components": lambda: g.connected_components().membership,
              "pagerank": g.pagerank}
    else:
        import wijknet

        g = alliance_of(n, edges, "collaboration").snapshot()
        fs = {"k-core": lambda: wijknet.core_number(g), "degree": lambda: wijknet.degree(g),
              "components": lambda: wijknet.components(g), "pagerank": lambda: wijknet.pagerank(g)}
    return {m: best(f) for m, f in fs.items()}


def child(lib: str, tier: str, threads: int) -> None:
    n, m = TIERS[tier]
    if tier in "PC":
        try:
            __import__({"wijknet-1thread": "wijknet"}.get(lib, lib))
            import igraph  # noqa: F401  (tier P's graph is made by igraph's generator)
        except ImportError:
            print(json.dumps({"missing": True}))
            return
        if tier == "P":
            out = run_preferential(lib, n, preferential_edges(n), threads)
        else:
            out = run_calls(lib, n, edges_of(n, m), threads)
        out["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(out))
        return
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
    p.add_argument("--tiers", default="SML", help="which tiers to run (letters of S, M, L, P, C)")
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    p.add_argument("--repeat", type=int, default=1, help="rounds; each figure is the minimum over them")
    p.add_argument("--libs", help="comma-separated contenders to run (default: all of the tier's)")
    p.add_argument("--child", nargs=2, metavar=("LIB", "TIER"), help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.threads)
        return
    print(f"wijknet benchmark: {args.threads} threads for wijknet and NetworKit; igraph, networkx, R single-threaded; "
          f"the minimum of {args.repeat} interleaved run(s) of each contender")
    for tier in args.tiers:
        n, m = TIERS[tier]
        if tier == "P":
            libs, measures, unit = P_LIBS, P_MEASURES, "seconds"
        elif tier == "C":
            libs, measures, unit = C_LIBS, C_MEASURES, "milliseconds per call"
        else:
            libs = [lib for lib in LIBS if not (lib in ("networkx", "R sna") and tier != "S")]
            measures, unit = ["build", *MEASURES], "seconds"
        if args.libs:
            libs = [lib for lib in libs if lib in args.libs.split(",")]
        results: dict[str, dict] = {}
        for _ in range(args.repeat):
            for lib in libs:
                res = subprocess.run([sys.executable, __file__, "--child", lib, tier, "--threads", str(args.threads)],
                                     capture_output=True, text=True)
                if res.returncode != 0:
                    print(f"  {lib} failed: {res.stderr.strip().splitlines()[-1] if res.stderr else res.returncode}")
                    continue
                got = json.loads(res.stdout.strip().splitlines()[-1])
                if got.get("missing"):
                    continue
                if args.repeat > 1:
                    print(f"  round {_ + 1}, {lib}: " + ", ".join(f"{k} {v:.3f}" for k, v in got.items()), flush=True)
                best = results.setdefault(lib, {})
                for key, value in got.items():
                    keep = max if key in QUALITY else min
                    best[key] = keep(best[key], value) if key in best else value
        ties = m if tier not in "P" else "~" + format(m, ",")
        print(f"\nTier {tier}: {n:,} stakeholders, {ties if isinstance(ties, str) else format(ties, ',')} ties  "
              f"({unit}; ratio = peer / wijknet)")
        w = results.get("wijknet", results.get("wijknet-1thread", {}))
        print(f"  {'measure':<18}" + "".join(f"{lib:>19}" for lib in results))
        for measure in measures:
            if measure not in w:
                continue
            row = f"  {measure:<18}"
            for lib, r in results.items():
                if measure not in r:
                    row += f"{'-':>19}"
                elif r is w or measure in QUALITY:
                    row += f"{r[measure]:>19.3f}"
                else:
                    row += f"{r[measure]:>11.3f} ({r[measure] / w[measure]:>5.1f}x)"
            print(row)
        if tier not in "C":
            print("  peak MiB          " + "".join(f"{r.get('peak_mib', 0):>19.0f}" for r in results.values()))
        if "snapshot_bytes_per_tie" in w:
            print(f"  wijknet snapshot: {w['snapshot_bytes_per_tie']:.1f} bytes per tie (plus O(n))")


if __name__ == "__main__":
    main()
