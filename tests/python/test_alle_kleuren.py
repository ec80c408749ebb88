"""The Alle Kleuren analyses on a hand-worked case, and on the bundled example.

The case (waves T0 2021-01-01, T1 2022-01-01; collaboration ties):

    stakeholders  k1 (kerngroep, person)   k2 (kerngroep)   b1, b2 (bewoner, person)
                  l1 (lhbti_organisatie)   w1 (welzijnswerk)
    ties at T0    k1 - k2, k1 - b1, w1 - b2
    ties at T1    k1 - k2, b1 - l1, k2 - l1, k1 - b2
    events        e1 2021-03-01 veiligheid            organisers k1, k2   participants k1 k2 b1 l1
                  e2 2021-06-01 sport                 organiser  k1       participants k1 b2 w1
                  e3 2021-09-01 veiligheid, jongeren  organiser  k1       participants b1 b2
"""

from __future__ import annotations

import itertools

import pytest

import wijknet


@pytest.fixture
def case():
    a = wijknet.Alliance()
    a.add_wave("T0", "T0", "2021-01-01")
    a.add_wave("T1", "T1", "2022-01-01")
    for i, kind, roles in [("k1", "person", ["kerngroep"]), ("k2", "organisation", ["kerngroep"]),
                           ("b1", "person", ["bewoner"]), ("b2", "person", ["bewoner"]),
                           ("l1", "organisation", ["lhbti_organisatie"]), ("w1", "organisation", ["welzijnswerk"])]:
        a.add_stakeholder(i, i.upper(), kind, roles=roles)
    for s, t in [("k1", "k2"), ("k1", "b1"), ("w1", "b2")]:
        a.add_tie(s, t, "collaboration", "T0")
    for s, t in [("k1", "k2"), ("b1", "l1"), ("k2", "l1"), ("k1", "b2")]:
        a.add_tie(s, t, "collaboration", "T1")
    a.add_event("e1", "Eén", "2021-03-01", themes=["veiligheid"], organisers=["k1", "k2"])
    a.add_event("e2", "Twee", "2021-06-01", themes=["sport"], organisers=["k1"])
    a.add_event("e3", "Drie", "2021-09-01", themes=["veiligheid", "jongeren"], organisers=["k1"])
    for e, people in [("e1", "k1 k2 b1 l1"), ("e2", "k1 b2 w1"), ("e3", "b1 b2")]:
        for p in people.split():
            a.add_participation(p, e)
    return a


def test_theme_reach(case):
    r = wijknet.theme_reach(case)
    # veiligheid: e1 (4) + e3 (2) = 6 participations of {k1, k2, b1, l1} | {b1, b2} = 5 stakeholders.
    assert r.loc["veiligheid"].tolist() == [2, 6, 5]
    assert r.loc["sport"].tolist() == [1, 3, 3]
    assert r.loc["jongeren"].tolist() == [1, 2, 2]
    assert wijknet.uncovered_themes(case) == ["ondernemerschap", "mensenrechten", "racisme"]
    by_role = wijknet.theme_reach(case, by="role")
    assert by_role.loc["veiligheid", ["bewoner", "kerngroep", "lhbti_organisatie", "welzijnswerk"]].tolist() == [2, 2, 1, 0]
    by_kind = wijknet.theme_reach(case, by="kind")
    assert by_kind.loc["sport"].to_dict() == {"organisation": 1, "person": 2}  # w1; k1, b2


def test_sensitive_attribute_cells_are_suppressed(case):
    case.update_stakeholder("l1", "L1", "organisation", roles=["lhbti_organisatie"], attributes={"focus": True},
                            sensitive=["focus"])
    table = wijknet.theme_reach(case, by="focus")
    assert table.isna().to_numpy().any()  # 1 < 5: not shown


def test_theme_reach_by_a_sensitive_attribute_names_no_value_of_one_or_two(case):
    """Issue 25: a value held by one stakeholder was a column label, so the table said that someone at the events
    holds it. Values fewer than 5 of the participants hold are one column; a theme with one small cell hides the
    next smallest too, so the small one cannot be worked out from the theme's total (theme_reach() without by)."""
    for k in range(12):  # 12 more at e1 (veiligheid) and e2 (sport): 10 'ja', 2 'nee'
        case.add_stakeholder(f"p{k}", roles=["bewoner"], attributes={"focus": "ja" if k < 10 else "nee"},
                             sensitive=["focus"])
        case.add_participation(f"p{k}", "e1" if k % 2 else "e2")
    case.update_stakeholder("l1", "L1", "organisation", roles=["lhbti_organisatie"],
                            attributes={"focus": "zeldzaam"}, sensitive=["focus"])
    table = wijknet.theme_reach(case, by="focus")
    assert list(table.columns) == ["(rare values)", "ja"]  # 'zeldzaam' (1) and 'nee' (2) are not named
    # veiligheid: e1 and e3 reach ja 5 (p1 p3 p5 p7 p9), rare 2 (l1, p11): the 2 is hidden and so is the 5.
    # sport: ja 5 (p0 ... p8), rare 1 (p10): both hidden. jongeren: nobody with a value.
    assert table.loc["veiligheid"].isna().all() and table.loc["sport"].isna().all()
    assert table.loc["jongeren"].tolist() == [0, 0]
    assert wijknet.theme_reach(case).loc["veiligheid", "stakeholders"] == 11  # the total the 2 could be taken from


def test_cumulative_reach(case):
    r = wijknet.cumulative_reach(case)
    # e1: 4 new; e2: k1 back, b2 and w1 new (6 so far); e3: b1 and b2 both back.
    assert r[["participants", "new", "returning", "cumulative"]].values.tolist() == [[4, 4, 0, 4], [3, 2, 1, 6],
                                                                                     [2, 0, 2, 6]]


def test_bridging_events(case):
    b = wijknet.bridging_events(case, tie_waves="T0")
    # Group pairs with a tie at T0: kerngroep-bewoner (k1-b1), welzijnswerk-bewoner (w1-b2).
    # e1 has bewoner, kerngroep, lhbti: 2 pairs unconnected; e2 has bewoner, kerngroep, welzijnswerk: 1.
    assert b.index.tolist() == ["e1", "e2", "e3"]
    assert b.loc["e1", "bridged_pairs"] == [("bewoner", "lhbti_organisatie"), ("kerngroep", "lhbti_organisatie")]
    assert b.loc["e2", "bridged_pairs"] == [("kerngroep", "welzijnswerk")]
    # Fragmentation 1 - Σ s(s-1) / (n(n-1)), n = 6, from 0 with every event:
    # without e1 components {k1, b2, w1, b1}, {k2}, {l1}: 1 - 12/30 = 0.6; without e2 {5}, {w1}: 1 - 20/30.
    assert b.loc["e1", "fragmentation_gain"] == pytest.approx(0.6)
    assert b.loc["e2", "fragmentation_gain"] == pytest.approx(1 / 3)
    assert b.loc["e3", "fragmentation_gain"] == pytest.approx(0.0)
    assert b.loc["e3", "explanation"] == ""
    assert b.loc["e1", "explanation"] == (
        "‘Eén’ brought together resident with lgbti+ organisation and core group member with lgbti+ organisation: "
        "groups without a tie between them in the alliance. Without this event the network of who met whom at "
        "events would be 60 percentage points more fragmented.")
    # With the T1 ties too, lhbti is tied to bewoner (b1 - l1) and kerngroep (k2 - l1): e1 bridges nothing.
    assert wijknet.bridging_events(case).loc["e1", "bridged"] == 0
    nl = wijknet.bridging_events(case, tie_waves="T0", lang="nl")
    assert "60 procentpunt" in nl.loc["e1", "explanation"]


def test_core_group(case):
    c = wijknet.core_group(case)
    assert c.members.to_dict("index") == {"k1": {"organised": 3, "attended": 2, "sole_organiser": 2},
                                          "k2": {"organised": 1, "attended": 1, "sole_organiser": 0}}
    assert c.single_point == "k1" and c.events == 3 and c.events_without_organiser == 0
    # Only e1 and e3, T0 ties: outside the core group b1, l1 (e1 with k1, k2: one step) and b2 (via b1 at
    # e3: two). With the T1 ties b2 is one step away too (k1 - b2).
    assert wijknet.core_group(case, events=["e1", "e3"]).reach["1"] == 1.0
    r = wijknet.core_group(case, events=["e1", "e3"], tie_waves="T0")
    assert r.reach["participants"] == 3
    assert r.reach["1"] == pytest.approx(2 / 3) and r.reach["2"] == pytest.approx(1.0)
    assert "single point of failure" in c.explanation
    assert "K1" not in wijknet.core_group(case, lang="nl").explanation  # a person: pseudonym


def test_meeting_and_ties_counts_and_exact_test(case):
    m = wijknet.meeting_and_ties(case, permutations=500, seed=3)
    # 15 pairs, 3 tied at T0; met: k1l1 k2b1 k2l1 b1l1 k1b2 k1w1 b1b2 (7), with a T1 tie b1l1 k2l1 k1b2 (3).
    # Not met: k2b2 k2w1 b1w1 l1b2 l1w1 (5), none tied at T1.
    assert (m.met_pairs, m.met_new_ties, m.other_pairs, m.other_new_ties) == (7, 3, 5, 0)
    assert m.difference == pytest.approx(3 / 7)
    assert m == wijknet.meeting_and_ties(case, permutations=500, seed=3)  # reproducible
    # The exact permutation distribution over all 6! relabellings, against the sampled p-value.
    ids = ["k1", "k2", "b1", "b2", "l1", "w1"]
    met = {frozenset(p) for e in (["k1", "k2", "b1", "l1"], ["k1", "b2", "w1"], ["b1", "b2"])
           for p in itertools.combinations(e, 2)}
    t0 = {frozenset(p) for p in [("k1", "k2"), ("k1", "b1"), ("w1", "b2")]}
    t1 = {frozenset(p) for p in [("k1", "k2"), ("b1", "l1"), ("k2", "l1"), ("k1", "b2")]}
    pairs = [frozenset(p) for p in itertools.combinations(ids, 2) if frozenset(p) not in t0]

    def difference(perm):
        relabel = dict(zip(ids, perm))
        m_ = [frozenset(relabel[x] for x in p) in met for p in pairs]
        new = [p in t1 for p in pairs]
        a = sum(1 for x, y in zip(m_, new) if x and y) / max(1, sum(m_))
        b = sum(1 for x, y in zip(m_, new) if not x and y) / max(1, len(pairs) - sum(m_))
        return a - b

    exact = sum(difference(p) >= 3 / 7 - 1e-12 for p in itertools.permutations(ids)) / 720
    assert abs(m.as_large / m.permutations - exact) < 0.07
    assert m.p_value == (m.as_large + 1) / 501
    assert "association" in m.explanation
    assert "samenhang" in wijknet.meeting_and_ties(case, permutations=10, lang="nl").explanation


def test_event_role_coverage(case):
    case.add_stakeholder("s1", roles=["sociale_partner"])
    case.add_participation("s1", "e3")
    c = wijknet.event_role_coverage(case, wave="T1", relations="collaboration")
    plain = wijknet.role_coverage(case, "alle_kleuren", "T1", "collaboration", show_names=False)
    assert c[plain.columns].equals(plain)  # the columns of role_coverage, unchanged
    assert bool(c.loc["sociale_partner", "events_only"]) and c.loc["sociale_partner", "event_holders"] == 1
    assert "only through the events" in c.loc["sociale_partner", "event_explanation"]
    assert not c.loc["bewoner", "events_only"]


def test_event_role_coverage_names_persons_by_pseudonym_by_default(case):
    case.add_stakeholder("s2", "Sanne Smit", "person", roles=["sociale_partner"])
    case.add_participation("s2", "e3")
    c = wijknet.event_role_coverage(case, wave="T1", relations="collaboration")
    sentences = " ".join(c["explanation"]) + " ".join(c["event_explanation"])  # holder_ids stay ids: data
    assert "Sanne Smit" not in sentences and "by Partner staff member 1," in c.loc["sociale_partner", "explanation"]
    assert "(Partner staff member 1)" in c.loc["sociale_partner", "event_explanation"]
    named = wijknet.event_role_coverage(case, wave="T1", relations="collaboration", show_names=True)
    assert "(Sanne Smit)" in named.loc["sociale_partner", "event_explanation"]


def test_networkx_bridge_carries_events(example):
    import networkx as nx
    from networkx.algorithms import bipartite

    g = wijknet.to_networkx(example)
    events = [v for v, d in g.nodes(data=True) if d["bipartite"] == 1]
    assert len(events) == 10
    participation = nx.Graph([(u, v) for u, v in g.edges() if v in set(events)])
    assert bipartite.is_bipartite_node_set(participation, events)
    assert participation.number_of_edges() == 136
    back = wijknet.from_networkx(g)
    assert back.events().equals(example.events())

    def rows(a):
        return sorted(map(tuple, a.participation().to_numpy().tolist()))

    assert rows(back) == rows(example)
    def ties(a):
        return sorted(map(tuple, a.ties()[["source", "target", "relation", "wave", "weight"]].to_numpy().tolist()))

    assert ties(back) == ties(example)
    davis = wijknet.from_networkx(nx.davis_southern_women_graph())
    assert len(davis) == 18 and len(davis.events()) == 14 and len(davis.participation()) == 89


def test_report_has_an_events_section(example):
    html = wijknet.report(example, lang="en").html
    assert '<section id="events"><h2>8. Events and themes</h2>' in html
    assert "Ayşe" not in html and "Noor Nachtegaal" not in html
