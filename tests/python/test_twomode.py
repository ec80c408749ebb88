"""The two-mode network against networkx.bipartite and igraph, on Davis's Southern Women (as
networkx ships it) and on random bipartite graphs; agreement to 1e-9."""

from __future__ import annotations

import math

import igraph
import networkx as nx
import pytest
from networkx.algorithms import bipartite

import wijknet


def as_two_mode(B: nx.Graph, top: list) -> wijknet.TwoMode:
    """The bipartite graph B with `top` as the stakeholders."""
    bottom = [v for v in B if v not in set(top)]
    ti = {v: k for k, v in enumerate(top)}
    bi = {v: k for k, v in enumerate(bottom)}
    us, es = [], []
    for u, v in B.edges():
        if u in bi:
            u, v = v, u
        us.append(ti[u]), es.append(bi[v])
    return wijknet.TwoMode([str(v) for v in top], [str(v) for v in bottom], us, es)


def davis():
    B = nx.davis_southern_women_graph()
    return B, [v for v, d in B.nodes(data=True) if d["bipartite"] == 0]


def random_graphs():
    out = []
    for seed, (n, m, p) in enumerate([(12, 7, 0.3), (30, 10, 0.15), (40, 25, 0.08), (8, 15, 0.2)]):
        B = bipartite.random_graph(n, m, p, seed=seed)
        top = [v for v, d in B.nodes(data=True) if d["bipartite"] == 0]
        out.append((B, top))
    return out


CASES = [davis(), *random_graphs()]
IDS = ["davis", "random12x7", "random30x10", "random40x25", "random8x15"]


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def projected(s: wijknet.Snapshot) -> dict:
    sources, targets, weights = s.edges()
    return {frozenset((a, b)): w for a, b, w in zip(sources, targets, weights)}


def reference(G: nx.Graph, attr: str | None = "weight") -> dict:
    return {frozenset((str(a), str(b))): (d[attr] if attr else 1.0) for a, b, d in G.edges(data=True)}


@pytest.mark.parametrize("case", CASES, ids=IDS)
@pytest.mark.parametrize("weight", [None, "count", "newman", "jaccard", "overlap"])
def test_projections_match_networkx(case, weight):
    B, top = case
    t = as_two_mode(B, top)
    bottom = [v for v in B if v not in set(top)]
    for side, nodes, project in (("stakeholders", top, wijknet.co_participation),
                                 ("events", bottom, wijknet.event_projection)):
        ours = project(t, weight=weight)
        assert ours.ids == [str(v) for v in nodes]
        if weight is None:
            ref = reference(bipartite.projected_graph(B, nodes), None)
        elif weight == "count":
            ref = reference(bipartite.weighted_projected_graph(B, nodes))
        elif weight == "newman":
            ref = reference(bipartite.collaboration_weighted_projected_graph(B, nodes))
        else:
            ref = reference(bipartite.overlap_weighted_projected_graph(B, nodes, jaccard=weight == "jaccard"))
        got = projected(ours)
        assert got.keys() == ref.keys(), side
        assert all(close(got[k], ref[k]) for k in ref), side


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_projection_multiplicities_match_igraph(case):
    B, top = case
    t = as_two_mode(B, top)
    nodes = list(B)
    g = igraph.Graph(n=len(nodes), edges=[(nodes.index(a), nodes.index(b)) for a, b in B.edges()])
    g.vs["type"] = [v not in set(top) for v in nodes]
    g.vs["name"] = [str(v) for v in nodes]
    p_top, p_bottom = g.bipartite_projection(multiplicity=True)
    for ours, ig in ((wijknet.co_participation(t), p_top), (wijknet.event_projection(t), p_bottom)):
        ref = {frozenset((ig.vs[e.source]["name"], ig.vs[e.target]["name"])): float(e["weight"]) for e in ig.es}
        assert projected(ours) == ref


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_centralities_match_networkx(case):
    B, top = case
    t = as_two_mode(B, top)
    for ours, ref in ((wijknet.bipartite_degree(t), bipartite.degree_centrality(B, top)),
                      (wijknet.bipartite_closeness(t), bipartite.closeness_centrality(B, top)),
                      (wijknet.bipartite_closeness(t, normalized=False),
                       bipartite.closeness_centrality(B, top, normalized=False)),
                      (wijknet.bipartite_betweenness(t), bipartite.betweenness_centrality(B, top))):
        by_id = {i: v for (_, i), v in ours.items()}
        assert len(by_id) == len(ref)
        assert all(close(by_id[str(k)], v) for k, v in ref.items()), ours.name
    assert close(wijknet.bipartite_density(t), bipartite.density(B, top))
    labels = wijknet.bipartite_components(t)
    assert labels.nunique() == nx.number_connected_components(B)


def test_projection_runs_through_every_measure(example):
    s = wijknet.co_participation(example, weight="newman")
    assert not s.directed and len(s) == 33  # the 33 stakeholders who took part in an event
    assert wijknet.betweenness(s).index.tolist() == s.ids
    assert wijknet.density(s) == pytest.approx(349 / (33 * 32 / 2))
    assert wijknet.components(s).nunique() == 1
    e = wijknet.event_projection(example)
    assert wijknet.degree(e).index.tolist() == e.ids and len(e) == 10


def test_selection(example):
    t = wijknet.two_mode(example, themes="racisme", kinds=["person"])
    assert t.event_ids == ["ev04_racisme_bespreekbaar", "ev06_jongerendialoog", "ev07_keti_koti"]
    people = example.stakeholders().loc[t.stakeholder_ids, "kind"]
    assert set(people) == {"person"}
    assert wijknet.two_mode(example, waves=["T0"]).event_ids == []  # every event lies after T0's date
    assert len(wijknet.two_mode(example, start="2022-01-01", end="2022-06-30").event_ids) == 3
    organisers = wijknet.two_mode(example, participation_roles=["organiser"])
    assert organisers.num_participations == 31
    m = wijknet.participation_matrix(example)
    assert int(m.to_numpy().sum()) == 136 and m.shape == (33, 10)
    with pytest.raises(wijknet.UnknownIdError):
        wijknet.two_mode(example, themes=["breien"])
    with pytest.raises(TypeError):
        wijknet.two_mode(example, colour="red")


@pytest.mark.parametrize("module", ["_twomode", "_alle_kleuren", "_report_events"])
def test_docstring_examples_run(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"wijknet.{module}"), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
