#!/usr/bin/env python3
"""Cost of the evaluation report, and of its layout next to networkx's and igraph's.

    .venv/bin/python benchmarks/bench_report.py                 # the example, then 2,000 stakeholders
    .venv/bin/python benchmarks/bench_report.py --sizes 500

The generated alliance (fixed seed) has two waves, 2 % of its stakeholders leaving after T0 and
2 % joining at T1, neighbourhood clusters of 25 with about 4 collaboration ties each, a few ties
between clusters, and referral ties along the chain bewonersinitiatief -> lhbti_organisatie ->
welzijnswerk -> wijkagent; about half are persons (pseudonymised in the report). The goals of
issue 8: the example's report under 2 s, a 2,000-stakeholder two-wave report under 30 s. Peak
memory is the process's maximum resident set size, read after each step.

Layout, same graph (the largest component of the T1 collaboration network), one run each:
wijknet.layout (Boost.Graph Kamada-Kawai, or Fruchterman-Reingold above 150 stakeholders, plus
packing), networkx.kamada_kawai_layout and spring_layout (Fruchterman-Reingold), igraph's
layout_kamada_kawai and layout_fruchterman_reingold.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

import pandas as pd

import wijknet
from bench_diagnostics import CHAIN, pick_roles  # the same role shares as the diagnostics benchmark

def generate(n: int, seed: int = 2026) -> wijknet.Alliance:
    rng = random.Random(seed)
    roles = pick_roles(n, rng)
    waves = ["" if rng.random() > 0.04 else rng.choice(["T0", "T1"]) for _ in range(n)]
    stakeholders = pd.DataFrame({
        "id": [f"s{i}" for i in range(n)], "name": [f"Naam {i}" for i in range(n)],
        "kind": ["person" if r in ("bewoner", "wijkagent", "kerngroep") or rng.random() < 0.3 else "organisation"
                 for r in roles],
        "role": roles, "waves": waves})
    rows = []
    cluster = 25
    for wave in ("T0", "T1"):
        for i in range(n):
            c = i // cluster
            for _ in range(2):
                j = rng.randrange(c * cluster, min(n, (c + 1) * cluster))
                if j != i and rng.random() < 0.9:
                    rows.append((f"s{min(i, j)}", f"s{max(i, j)}", "collaboration", wave))
            if rng.random() < 0.08:
                rows.append((f"s{i}", f"s{rng.randrange(n)}", "collaboration", wave))
        holders = {r: [i for i in range(n) if roles[i] == r] for r in CHAIN}
        for a, b in zip(CHAIN, CHAIN[1:]):
            for i in holders[a]:
                if rng.random() < 0.5:
                    rows.append((f"s{i}", f"s{rng.choice(holders[b])}", "referral", wave))
    ties = pd.DataFrame(rows, columns=["source", "target", "relation", "wave"]).drop_duplicates()
    present = {(r.id, w) for r in stakeholders.itertuples() for w in ("T0", "T1") if not r.waves or r.waves == w}
    keep = [(s, w) in present and (t, w) in present and s != t for s, t, w in zip(ties.source, ties.target, ties.wave)]
    ties = ties[keep]
    a = wijknet.from_pandas(stakeholders=stakeholders, ties=ties)
    return a


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, f):
    start = time.perf_counter()
    result = f()
    seconds = time.perf_counter() - start
    print(f"  {label:<52} {seconds:8.3f} s   peak {peak_mb():7.0f} MB")
    return result, seconds


def layouts(a: wijknet.Alliance) -> None:
    import igraph
    import networkx as nx

    t = a.ties()
    t = t[(t["relation"] == "collaboration") & (t["wave"] == "T1")]
    graph = nx.Graph()
    graph.add_edges_from(zip(t["source"], t["target"]))
    largest = graph.subgraph(max(nx.connected_components(graph), key=len)).copy()
    ids = list(largest.nodes)
    print(f"  layout of the largest component: {largest.number_of_nodes()} stakeholders, "
          f"{largest.number_of_edges()} ties")
    _, ours = timed("wijknet.layout (auto)", lambda: wijknet.layout(a, relations=["collaboration"], waves=["T1"],
                                                                     ids=ids))
    _, fr = timed("wijknet.layout (fruchterman_reingold)",
                  lambda: wijknet.layout(a, method="fruchterman_reingold", relations=["collaboration"],
                                         waves=["T1"], ids=ids))
    ig = igraph.Graph.TupleList(largest.edges(), directed=False)
    peers = []
    if largest.number_of_nodes() <= 600:  # networkx's Kamada-Kawai is an O(n^2) scipy optimisation
        peers.append(("networkx.kamada_kawai_layout", lambda: nx.kamada_kawai_layout(largest), ours))
    peers += [("networkx.spring_layout (FR, 50 iterations)", lambda: nx.spring_layout(largest, seed=1), fr),
              ("igraph layout_kamada_kawai", lambda: ig.layout_kamada_kawai(), ours),
              ("igraph layout_fruchterman_reingold", lambda: ig.layout_fruchterman_reingold(), fr)]
    for label, f, mine in peers:
        _, theirs = timed(label, f)
        print(f"    {'ratio peer / wijknet':<50} {theirs / mine:8.2f} x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000])
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp())
    example = wijknet.load_example()
    print(f"example: {len(example)} stakeholders, {example.num_ties} ties")
    for lang in ("nl", "en"):
        r, seconds = timed(f"report of the example ({lang})", lambda: wijknet.report(example, lang=lang))
        r.save(out / f"example_{lang}.html")
        print(f"    {'goal under 2 s:':<50} {'met' if seconds < 2 else 'MISSED'}")
    for n in args.sizes:
        a, _ = timed(f"generate {n} stakeholders, two waves", lambda: generate(n))
        print(f"{n} stakeholders, {a.num_ties} ties")
        r, seconds = timed(f"report of {n} stakeholders (nl)", lambda: wijknet.report(a, lang="nl"))
        r.save(out / f"generated_{n}.html")
        print(f"    {'goal under 30 s:':<50} {'met' if seconds < 30 else 'MISSED'}   "
              f"({len(r.html) / 1e6:.1f} MB of HTML)")
        layouts(a)
    print(f"reports written to {out}")


if __name__ == "__main__":
    main()
