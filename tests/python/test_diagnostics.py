"""Diagnostics from Python: hand-worked small alliances, brute-force checks of fragmentation and
key players over all k-subsets (networkx as the independent reference), and the deliberate
flaws of the bundled example."""

import itertools
import math
import random

import networkx as nx
import pandas as pd
import pytest

import wijknet

CHAIN = ["bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"]


def from_graph(graph: nx.Graph, roles=None) -> wijknet.Alliance:
    """An alliance with one wave T0 whose collaboration ties are the graph's edges."""
    a = wijknet.Alliance()
    a.add_wave("T0", "T0", "")
    for v in graph.nodes:
        a.add_stakeholder(str(v), roles=(roles or {}).get(v, []))
    for u, v in graph.edges:
        a.add_tie(str(u), str(v), "collaboration", "T0")
    return a


def brute_fragmentation(graph: nx.Graph) -> tuple[float, float]:
    n = graph.number_of_nodes()
    if n < 2:
        return 0.0, 0.0
    pairs = sum(len(c) * (len(c) - 1) for c in nx.connected_components(graph))
    inverse = sum(1 / d for s, dist in nx.all_pairs_shortest_path_length(graph) for t, d in dist.items() if s != t)
    return 1 - pairs / (n * (n - 1)), 1 - inverse / (n * (n - 1))


def random_graphs(count, n, p, seed):
    rng = random.Random(seed)
    return [nx.gnp_random_graph(n, p, seed=rng.randrange(10**6)) for _ in range(count)]


# ----------------------------------------------------------------------------- fragmentation

def test_fragmentation_by_hand():
    #   a - b - c     d - e     f : F = 1 - 8/30, DF = 1 - 7/30 (see test_diagnostics.cpp)
    g = nx.Graph([("a", "b"), ("b", "c"), ("d", "e")])
    g.add_node("f")
    f = wijknet.fragmentation(from_graph(g))
    assert f["fragmentation"] == pytest.approx(22 / 30)
    assert f["distance_fragmentation"] == pytest.approx(23 / 30)
    assert f["components"] == 3
    assert wijknet.fragmentation(from_graph(g), removed=["b"])["fragmentation"] == pytest.approx(0.9)


@pytest.mark.parametrize("graph", random_graphs(6, 14, 0.15, seed=1))
def test_fragmentation_matches_enumeration(graph):
    a = from_graph(graph)
    f = wijknet.fragmentation(a)
    F, DF = brute_fragmentation(graph)
    assert f["fragmentation"] == pytest.approx(F, abs=1e-12)
    assert f["distance_fragmentation"] == pytest.approx(DF, abs=1e-12)
    # Removing any one stakeholder: the same as networkx on the graph without it.
    for v in list(graph.nodes)[:5]:
        h = graph.copy()
        h.remove_node(v)
        F, DF = brute_fragmentation(h)
        f = wijknet.fragmentation(a, removed=[str(v)])
        assert f["fragmentation"] == pytest.approx(F, abs=1e-12)
        assert f["distance_fragmentation"] == pytest.approx(DF, abs=1e-12)


# ------------------------------------------------------------------------------- key players

def best_by_enumeration(graph, k, score):
    return max(score(set(s)) for s in itertools.combinations(graph.nodes, k))


@pytest.mark.parametrize("graph", random_graphs(5, 12, 0.2, seed=2))
@pytest.mark.parametrize("k", [1, 2, 3])
def test_kpp_neg_matches_enumeration(graph, k):
    def f_without(s):
        h = graph.copy()
        h.remove_nodes_from(s)
        return brute_fragmentation(h)[0]

    def df_without(s):
        h = graph.copy()
        h.remove_nodes_from(s)
        return brute_fragmentation(h)[1]

    a = from_graph(graph)
    r = wijknet.key_players(a, k=k, restarts=20)
    assert len(r.players) == k
    assert r.score == pytest.approx(f_without({int(p) for p in r.players}), abs=1e-12)  # the score is honest
    assert r.score == pytest.approx(best_by_enumeration(graph, k, f_without), abs=1e-12)
    d = wijknet.key_players(a, k=k, objective="distance_fragmentation", restarts=20)
    assert d.score == pytest.approx(df_without({int(p) for p in d.players}), abs=1e-12)
    assert d.score == pytest.approx(best_by_enumeration(graph, k, df_without), abs=1e-12)


@pytest.mark.parametrize("graph", random_graphs(5, 12, 0.2, seed=3))
@pytest.mark.parametrize("k,d", [(1, 1), (2, 1), (2, 2), (3, 1)])
def test_kpp_pos_matches_enumeration(graph, k, d):
    n = graph.number_of_nodes()
    near = {v: {u for u, dist in nx.single_source_shortest_path_length(graph, v, cutoff=d).items() if u != v}
            for v in graph.nodes}

    def reach(s):
        return len(set().union(*(near[v] for v in s)) - s) / (n - k)

    r = wijknet.key_players(from_graph(graph), k=k, objective="reach", max_distance=d, restarts=20)
    assert r.score == pytest.approx(reach({int(p) for p in r.players}), abs=1e-12)
    assert r.score == pytest.approx(best_by_enumeration(graph, k, reach), abs=1e-12)


def test_key_players_are_reproducible():
    g = nx.gnp_random_graph(40, 0.08, seed=7)
    a = from_graph(g)
    assert wijknet.key_players(a, k=3, seed=5).players == wijknet.key_players(a, k=3, seed=5).players
    with pytest.raises(wijknet.InvalidValueError):
        wijknet.key_players(a, k=0)


# ---------------------------------------------------------------------------- coverage, chains

def test_role_coverage_by_hand(small):
    # small (conftest): agent -- welzijn (collaboration, T0); coc -> welzijn -> agent (referral, T0);
    # buurt only in T1, without ties.
    c = wijknet.role_coverage(small, wave="T0")
    assert c.loc["wijkagent", "status"] == "single"
    assert c.loc["lhbti_organisatie", "status"] == "single"
    assert c.loc["bewonersinitiatief", "status"] == "absent"  # buurt is not there in T0
    assert c.loc["gemeente", "level"] == "required"
    every = wijknet.role_coverage(small)
    assert every.loc[("T1", "bewonersinitiatief"), "status"] == "isolated"
    assert every.loc[("T1", "bewonersinitiatief"), "isolated"] == ["buurt"]
    # Only collaboration ties: coc has none.
    assert wijknet.role_coverage(small, wave="T0", relations="collaboration").loc[
        "lhbti_organisatie", "status"] == "isolated"


def test_role_matrices_by_hand(small):
    roles = ["wijkagent", "welzijnswerk", "lhbti_organisatie"]
    d = wijknet.role_distance_matrix(small, wave="T0", roles=roles)
    assert d.loc["lhbti_organisatie", "wijkagent"] == 2  # coc - welzijn - agent
    assert math.isinf(d.loc["wijkagent", "wijkagent"])  # no second wijkagent
    out = wijknet.role_distance_matrix(small, wave="T0", roles=roles, relations="referral", direction="out")
    assert out.loc["lhbti_organisatie", "wijkagent"] == 2
    assert math.isinf(out.loc["wijkagent", "lhbti_organisatie"])  # referrals run one way
    t = wijknet.role_tie_matrix(small, wave="T0", roles=roles, relations="referral")
    assert t.loc["lhbti_organisatie", "welzijnswerk"] == 1 and t.loc["welzijnswerk", "lhbti_organisatie"] == 0


def test_chain_by_hand(small):
    r = wijknet.chain_routes(small, ["lhbti_organisatie", "welzijnswerk", "wijkagent"], relation="referral", wave="T0")
    assert r.exists()
    assert r.routes["stakeholders"].tolist() == [["coc", "welzijn", "agent"]]
    assert r.summary.loc["T0", "disjoint_routes"] == 1
    assert r.on_routes["T0"].to_dict() == {"coc": 1.0, "welzijn": 1.0, "agent": 1.0}
    broken = wijknet.chain_routes(small, ["lhbti_organisatie", "welzijnswerk", "wijkagent"], relation="referral")
    assert not broken.exists("T1")
    assert broken.summary.loc["T1", "broken_between"] == "lhbti_organisatie -> welzijnswerk"
    # Sentences name the wave by its label and stakeholders by their name.
    assert "breaks in wave T1 2022 at step 1" in broken.summary.loc["T1", "explanation"]
    nl = wijknet.chain_routes(small, ["lhbti_organisatie", "welzijnswerk", "wijkagent"], relation="referral",
                              lang="nl")
    assert "breekt in meting T1 2022 bij stap 1" in nl.summary.loc["T1", "explanation"]
    assert "doorverwijzing" in nl.summary.loc["T1", "explanation"]


def test_without_leaves_the_original(small):
    copy = wijknet.without(small, ["welzijn"])
    assert "welzijn" in small and "welzijn" not in copy
    assert isinstance(copy, wijknet.Alliance)
    with pytest.raises(wijknet.UnknownIdError):
        wijknet.without(small, "nobody")


def test_suggest_ties_by_hand():
    #   a - b - c     d - e     f   (see test_diagnostics.cpp): b - d, then f joined through a
    #   (b has a new tie already, a none: new contacts are spread).
    g = nx.Graph([("a", "b"), ("b", "c"), ("d", "e")])
    g.add_node("f")
    s = wijknet.suggest_ties(from_graph(g), k=5)
    assert list(zip(s["source"], s["target"])) == [("b", "d"), ("a", "f")]
    assert s["after"].tolist() == pytest.approx([10 / 30, 0])
    s = wijknet.suggest_ties(from_graph(g), k=5, exclude=[("d", "b")], max_per_stakeholder=1)
    assert list(zip(s["source"], s["target"])) == [("b", "e"), ("a", "f")]


# --------------------------------------------------------------------------- bundled example

def test_example_coverage_finds_the_flaws(example):
    c = wijknet.role_coverage(example, "samen_in_de_wijk")
    for wave in ("T0", "T1"):
        assert c.loc[(wave, "antidiscriminatievoorziening"), "status"] == "absent"
        assert c.loc[(wave, "wijkagent"), "status"] == "single"
        assert c.loc[(wave, "wijkagent"), "holder_ids"] == ["wijkagent_kwikstaart"]
        assert c.loc[(wave, "bewonersinitiatief"), "isolated"] == ["moestuin_de_vlinderhof"]
        assert "Buurtmoestuin De Vlinderhof" in c.loc[(wave, "bewonersinitiatief"), "explanation"]
    nl = wijknet.role_coverage(example, "samen_in_de_wijk", wave="T1", lang="nl", show_names=False)
    assert nl.loc["wijkagent", "explanation"] == ("Alleen Wijkagent 1 vervult in meting T1 2022 de vereiste rol "
                                                  "wijkagent: een kwetsbaar punt; valt deze weg, dan is de rol "
                                                  "verdwenen.")
    assert nl.loc["lhbti_organisatie", "label"] == "lhbti+-organisatie"
    assert not any("Kwikstaart" in e for e in nl["explanation"])


def test_example_chain_depends_on_the_opbouwwerker(example):
    r = wijknet.chain_routes(example, CHAIN, relation="referral")
    assert r.exists("T0") and r.exists("T1")
    t0 = r.routes[r.routes["wave"] == "T0"]["stakeholders"].tolist()
    assert t0 == [["stichting_een_wijk", "coc_rivierstad", "opbouwwerker_grutto", "wijkagent_kwikstaart"]]
    assert r.on_routes.loc["opbouwwerker_grutto", "T0"] == 1.0
    t1 = {s for route in r.routes[r.routes["wave"] == "T1"]["stakeholders"] for s in route}
    assert {"welzijn_rivierstad", "jongerenwerker_roodborst"} <= t1 and "opbouwwerker_grutto" not in t1

    scenario = wijknet.Scenario(example, remove=["opbouwwerker_grutto"])
    cmp = scenario.compare(chains=[CHAIN], relation="referral", wave="T0")
    assert cmp.loc["chain " + " -> ".join(CHAIN), "change"] == "broken"
    assert cmp.loc["stakeholders", "change"] == -1
    # Losing the only wijkagent: the role is gone and every chain breaks, in both waves.
    gone = wijknet.Scenario(example, remove="wijkagent_kwikstaart").compare(chains=[CHAIN], relation="referral")
    for wave in ("T0", "T1"):
        assert "wijkagent" in gone.loc[(wave, "roles_absent"), "change"]
        assert gone.loc[(wave, "chain " + " -> ".join(CHAIN)), "change"] == "broken"

    # The tie that repairs the T0 chain once the opbouwwerker is gone starts at coc_rivierstad.
    s = wijknet.suggest_ties(scenario.alliance, k=2, chain=CHAIN, relation="referral", wave="T0")
    assert s.loc[1, "source"] == "coc_rivierstad"
    assert s.loc[1, "relation"] == "referral"
    assert s.loc[1, "reason"] == ("Connects COC Rivierstad, afdeling Vogelwijk (lgbti+ organisation) to Welzijn "
                                  "Rivierstad (social welfare work): then 1 instead of 0 holders of resident "
                                  "initiative have a route through the chain.")
    nl = wijknet.suggest_ties(scenario.alliance, k=1, chain=CHAIN, relation="referral", wave="T0", lang="nl")
    assert nl.loc[1, "reason"].startswith("Verbindt COC Rivierstad, afdeling Vogelwijk (lhbti+-organisatie) met")


def test_scenario_shift_of_a_measure(example):
    # Without the opbouwwerker at T0, the welfare organisation carries more of the shortest paths.
    shift = wijknet.Scenario(example, remove="opbouwwerker_grutto").shift(
        wijknet.betweenness, waves=["T0"], relations=["collaboration"])
    assert math.isnan(shift.loc["opbouwwerker_grutto", "after"])
    assert shift.loc["welzijn_rivierstad", "change"] > 0
    assert shift["change"].dropna().is_monotonic_decreasing


def test_example_key_player_and_repair(example):
    kp = wijknet.key_players(example, k=1, waves=["T0"])
    assert kp.score > kp.before
    repair = wijknet.suggest_ties(example, k=3, removed=kp.players, wave="T0")
    assert len(repair) >= 1
    assert (repair["after"] < repair["before"]).all()
    assert all(isinstance(r, str) and r for r in repair["reason"])
    near = wijknet.suggest_ties(example, k=1, closer=("lhbti_organisatie", "wijkagent"), wave="T0",
                                relations="collaboration")
    assert near.loc[1, "after"] > near.loc[1, "before"]


def test_results_are_pandas(example):
    assert isinstance(wijknet.role_distance_matrix(example, wave="T1"), pd.DataFrame)
    assert isinstance(wijknet.fragmentation(example, waves=["T1"]), pd.Series)


def test_key_players_stop_on_ctrl_c():
    import os
    import signal
    import threading

    g = nx.gnm_random_graph(3000, 15000, seed=11)
    a = from_graph(g)
    timer = threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            # 64 candidates x an all-pairs DF each: many seconds of work; stops within one chunk.
            wijknet.key_players(a, k=3, objective="distance_fragmentation", threads=1)
    finally:
        timer.cancel()
    assert len(a) == 3000


def test_scenario_sentences_in_both_languages(example):
    s = wijknet.Scenario(example, remove=["opbouwwerker_grutto"])
    en = s.compare(chains=[CHAIN], relation="referral", wave="T0")
    nl = s.compare(chains=[CHAIN], relation="referral", wave="T0", lang="nl")
    key = "chain " + " -> ".join(CHAIN)
    assert en.loc[key, "explanation"] == ("The chain resident initiative → lgbti+ organisation → social welfare work "
                                          "→ community police officer breaks.")
    assert nl.loc[key, "explanation"] == "De keten bewonersinitiatief → lhbti+-organisatie → welzijnswerk → wijkagent breekt."
    # 31 stakeholders at T0, 30 without the opbouwwerker.
    assert nl.loc["stakeholders", "explanation"] == "Stakeholders: van 31 naar 30."


def test_key_players_sentence(example):
    kp = wijknet.key_players(example, k=1, waves=["T0"], lang="nl", show_names=False)
    assert kp.explanation.startswith("Zonder ") and "stijgt de fragmentatie van 0," in kp.explanation
