#!/usr/bin/env python3
"""The two-mode network: wijknet against networkx.bipartite and igraph.

    .venv/bin/python benchmarks/bench_twomode.py                  # 10,000 x 500, 50,000 participations
    .venv/bin/python benchmarks/bench_twomode.py --small          # 2,000 x 100, 10,000 (a quick look)

A random bipartite graph (fixed seed): every participation joins a uniformly drawn stakeholder
and event, duplicates drawn again. Timed: the projections both ways (count weights; Newman's
weights too), two-mode degree, closeness and betweenness. wijknet runs on every core (--threads,
default all) and on one; networkx and igraph on one. networkx's closeness and betweenness would
take tens of minutes at this size, so they run from --sources sampled sources and are scaled up
to all N sources (their cost is the same per source: one BFS, or one Brandes pass); those figures
are marked "est.". Ratios are peer time / wijknet time (all cores): above 1 means wijknet is faster.
"""

from __future__ import annotations

import argparse
import random
import time


def graph(actors: int, events: int, participations: int, seed: int = 2026):
    rng = random.Random(seed)
    seen: set = set()
    while len(seen) < participations:
        seen.add((rng.randrange(actors), rng.randrange(events)))
    return sorted(seen)


def timed(f, repeat: int = 1):
    best = float("inf")
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        out = f()
        best = min(best, time.perf_counter() - t)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", action="store_true")
    parser.add_argument("--sources", type=int, default=100, help="networkx closeness/betweenness sample")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--no-networkx", action="store_true")
    args = parser.parse_args()
    A, E, P = (2_000, 100, 10_000) if args.small else (10_000, 500, 50_000)
    pairs = graph(A, E, P)
    print(f"two-mode network: {A:,} stakeholders x {E:,} events, {P:,} participations")

    import wijknet

    actor_ids = [f"s{i}" for i in range(A)]
    event_ids = [f"e{j}" for j in range(E)]
    build, t = timed(lambda: wijknet.TwoMode(actor_ids, event_ids, [u for u, _ in pairs], [e for _, e in pairs]))
    rows: dict[str, dict[str, tuple[float, bool]]] = {}

    def record(task: str, lib: str, seconds: float, estimated: bool = False) -> None:
        rows.setdefault(task, {})[lib] = (seconds, estimated)

    tasks = {
        "project stakeholders (count)": lambda threads: t.project("stakeholders", "count"),
        "project stakeholders (newman)": lambda threads: t.project("stakeholders", "newman"),
        "project events (count)": lambda threads: t.project("events", "count"),
        "degree": lambda threads: t._degree(),
        "closeness": lambda threads: t._closeness(True, threads),
        "betweenness": lambda threads: t._betweenness(threads),
    }
    for task, f in tasks.items():
        record(task, "wijknet", timed(lambda: f(args.threads), 3 if task != "betweenness" else 1)[0])
        record(task, "wijknet-1thread", timed(lambda: f(1), 1)[0])
    s = t.project("stakeholders", "count")
    print(f"wijknet: build {build:.3f} s; stakeholder projection {s.num_ties:,} ties")

    import igraph

    g = igraph.Graph(n=A + E, edges=[(u, A + e) for u, e in pairs])
    g.vs["type"] = [False] * A + [True] * E
    record("project stakeholders (count)", "igraph",
           timed(lambda: g.bipartite_projection(multiplicity=True, which=0))[0])
    record("project events (count)", "igraph", timed(lambda: g.bipartite_projection(multiplicity=True, which=1))[0])
    record("degree", "igraph", timed(lambda: g.degree())[0])
    # igraph has no two-mode normalisation; its raw closeness and betweenness do the same searches.
    record("closeness", "igraph", timed(lambda: g.closeness())[0])
    record("betweenness", "igraph", timed(lambda: g.betweenness(directed=False))[0])

    if not args.no_networkx:
        import networkx as nx
        from networkx.algorithms import bipartite

        B = nx.Graph()
        B.add_nodes_from(range(A), bipartite=0)
        B.add_nodes_from(range(A, A + E), bipartite=1)
        B.add_edges_from((u, A + e) for u, e in pairs)
        top = list(range(A))
        bottom = list(range(A, A + E))
        record("project stakeholders (count)", "networkx", timed(lambda: bipartite.weighted_projected_graph(B, top))[0])
        record("project stakeholders (newman)", "networkx",
               timed(lambda: bipartite.collaboration_weighted_projected_graph(B, top))[0])
        record("project events (count)", "networkx", timed(lambda: bipartite.weighted_projected_graph(B, bottom))[0])
        record("degree", "networkx", timed(lambda: bipartite.degree_centrality(B, top))[0])
        rng = random.Random(7)
        sample = rng.sample(range(A + E), min(args.sources, A + E))
        scale = (A + E) / len(sample)
        seconds, _ = timed(lambda: [nx.single_source_shortest_path_length(B, v) for v in sample])
        record("closeness", "networkx", seconds * scale, True)
        seconds, _ = timed(lambda: nx.betweenness_centrality(B, k=len(sample), normalized=False, seed=7))
        record("betweenness", "networkx", seconds * scale, True)

    libs = ["wijknet", "wijknet-1thread", "igraph", "networkx"]
    print(f"\n{'task':32}" + "".join(f"{lib:>18}" for lib in libs) + f"{'networkx/wijknet':>18}{'igraph/wijknet':>16}")
    for task, row in rows.items():
        cells = []
        for lib in libs:
            if lib in row:
                sec, est = row[lib]
                cells.append(f"{sec:>14.4f} s" + (" *" if est else "  "))
            else:
                cells.append(f"{'-':>18}")
        ours = row["wijknet"][0]
        ratio = lambda lib: f"{row[lib][0] / ours:>14.1f}x" if lib in row else f"{'-':>15}"
        print(f"{task:32}" + "".join(cells) + f"{ratio('networkx'):>18}{ratio('igraph'):>16}")
    print("\n* estimated from --sources sampled sources, scaled to all sources")


if __name__ == "__main__":
    main()
