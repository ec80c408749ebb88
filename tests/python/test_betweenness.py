"""Betweenness by batches of sources against networkx and igraph on random graphs.

The batched algorithm (64 sources per traversal) must give the one-source-at-a-time values: the
references here are computed by the peers in the test, on graphs chosen to reach the corners of
the batching: several batches with a partial last one, several components and isolates, pendant
(degree-1) vertices, hubs, self-ties and parallel ties. Agreement to 1e-9.
"""

from __future__ import annotations

import random

import pytest

import wijknet

nx = pytest.importorskip("networkx")
ig = pytest.importorskip("igraph")


def random_ties(seed: int, n: int, directed: bool) -> list[tuple[int, int]]:
    """A graph of three parts: a sparse random core with hubs, a tree hanging off it (pendant
    vertices), and a second component; the last few vertices are isolates."""
    rng = random.Random(seed)
    core = int(n * 0.6)
    ties = set()
    for v in range(1, core):  # preferential attachment: 2 ties to earlier vertices
        targets = [rng.randrange(v)] + [rng.choice(list(ties))[rng.randrange(2)] if ties else 0]
        for t in targets:
            if t != v:
                ties.add((v, t))
                if directed and rng.random() < 0.3:
                    ties.add((t, v))
    for v in range(core, int(n * 0.8)):  # a tree: each vertex has one tie up
        ties.add((v, rng.randrange(max(1, v - 20), v)) if rng.random() < 0.5 else (rng.randrange(max(1, v - 20), v), v))
    second = range(int(n * 0.8), n - 3)
    for v in second[1:]:
        ties.add((v, rng.randrange(second.start, v)))
        if rng.random() < 0.4:
            ties.add((rng.randrange(second.start, v), v))
    if not directed:  # an undirected tie once, whichever way it was drawn
        ties = {(min(u, v), max(u, v)) for u, v in ties}
    return sorted(ties)


def alliance_of(n: int, ties, directed: bool, relation: str = "tie") -> wijknet.Alliance:
    a = wijknet.Alliance()
    a.add_wave("T0")
    a.add_relation(relation, directed=directed)
    for v in range(n):
        a.add_stakeholder(str(v))
    for u, v in ties:
        a.add_tie(str(u), str(v), relation, "T0")
    return a


def near(got, want: dict) -> None:
    assert len(got) == len(want)
    for key, value in want.items():
        assert got[str(key)] == pytest.approx(value, rel=1e-9, abs=1e-9), key


@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("seed,n", [(1, 40), (2, 150), (3, 333)])
def test_betweenness_matches_networkx_on_random_graphs(seed, n, directed):
    ties = random_ties(seed, n, directed)
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(ties)
    a = alliance_of(n, ties, directed)
    near(wijknet.betweenness(a), nx.betweenness_centrality(g, normalized=False))
    near(wijknet.betweenness(a, normalized=True), nx.betweenness_centrality(g, normalized=True))


@pytest.mark.parametrize("directed", [True, False])
def test_self_ties_and_parallel_ties_count_as_igraph_counts_them(directed):
    # Parallel ties (the same pair in two relations, kept apart with combine="keep") are separate
    # shortest paths, in igraph as here; self-ties lie on no shortest path.
    n = 200
    ties = random_ties(7, n, directed)
    rng = random.Random(8)
    doubled = rng.sample(ties, 60)
    loops = [(v, v) for v in rng.sample(range(n), 15)]
    a = alliance_of(n, ties, directed)
    a.add_relation("other", directed=directed)
    for u, v in doubled + loops:
        a.add_tie(str(u), str(v), "other", "T0")
    g = ig.Graph(n=n, edges=ties + doubled + loops, directed=directed)
    want = dict(enumerate(g.betweenness(directed=directed)))
    near(wijknet.betweenness(a, combine="keep", self_ties=True), want)


def test_betweenness_does_not_depend_on_the_thread_count():
    # 1,300 vertices: 21 batches of 64 sources, more than there are slots (16), so slots add
    # several batches each; every thread count must give the same bits.
    n = 1300
    rng = random.Random(11)
    ties = sorted({(rng.randrange(n), rng.randrange(n)) for _ in range(4000)} - {(v, v) for v in range(n)})
    for directed in (True, False):
        if not directed:
            ties = sorted({(min(u, v), max(u, v)) for u, v in ties})
        g = alliance_of(n, ties, directed).snapshot()
        one = wijknet.betweenness(g, threads=1)
        for threads in (2, 3, 16):
            assert wijknet.betweenness(g, threads=threads).tolist() == one.tolist()
        w = ig.Graph(n=n, edges=ties, directed=directed)
        near(one, dict(enumerate(w.betweenness(directed=directed))))
