"""Never a wrong sentence (issue 21): the crashes and false statements found on neighbourhoods other than the
bundled example, each reproduced on the smallest alliance that shows it, and the one answer the API, the
command line, the report and the Study give to "does the chain work?"."""

import html
import re

import pandas as pd
import pytest

import wijknet
from wijknet import cli

CHAIN = ["bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"]


def text_of(page: str) -> str:
    """The words a reader sees: no style, script or drawing, tags gone, entities decoded."""
    page = re.sub(r"<style.*?</style>|<script.*?</script>|<svg.*?</svg>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def survey_without_referral(incidents: int = 6) -> wijknet.Alliance:
    """Collaboration and trust were asked, referral was not; an incident log with handoffs in two waves."""
    a = wijknet.Alliance()
    a.add_wave("T0", "T0", "2021-10-01")
    a.add_wave("T1", "T1", "2022-10-01")
    a.add_stakeholder("bi", "Pleincomité", "initiative", roles=["bewonersinitiatief"])
    a.add_stakeholder("roze", "Roze Lindehaven", roles=["lhbti_organisatie"])
    a.add_stakeholder("welzijn", "Welzijn Lindehaven", roles=["welzijnswerk"])
    a.add_stakeholder("agent", "Sanne de Vries", "person", roles=["wijkagent"])
    for wave in ("T0", "T1"):
        a.add_tie("bi", "roze", "collaboration", wave, 3)
        a.add_tie("roze", "welzijn", "collaboration", wave, 4)
        a.add_tie("welzijn", "agent", "trust", wave, 2)
    for i in range(incidents):
        # 4 incidents in T0, the rest in T1: an incident belongs to the last wave dated on or before its report
        day = f"2021-11-{i + 1:02d}" if i < 4 else f"2022-11-{i + 1:02d}"
        a.add_incident(f"M{i}", f"{day}T10:00", "discriminatie",
                       steps=[{"stakeholder": "roze", "action": "ontvangen", "time": f"{day}T10:00"},
                              {"stakeholder": "roze", "action": "doorverwezen", "to": "welzijn",
                               "time": f"{day}T12:00"},
                              {"stakeholder": "welzijn", "action": "afgesloten", "time": f"{day}T18:00"}])
    return a


def dense() -> wijknet.Alliance:
    """Five stakeholders, every pair collaborating: no departure disconnects anyone."""
    a = wijknet.Alliance()
    a.add_wave("T0")
    roles = ["bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent", "gemeente"]
    for k, role in enumerate(roles):
        a.add_stakeholder(f"s{k}", f"Partner {k}", roles=[role])
    for u in range(5):
        for v in range(u + 1, 5):
            a.add_tie(f"s{u}", f"s{v}", "collaboration", "T0")
    return a


# ------------------------------------------------------------------ 1. the crash without referral ties

def test_report_with_incidents_and_no_referral_ties_does_not_crash(tmp_path):
    a = survey_without_referral()
    for lang in ("nl", "en"):
        page = wijknet.report(a, lang=lang).html
        assert 'id="incidents"' in page
    # the analyses the section uses, on their own
    p = wijknet.paper_vs_practice(a)
    assert list(p.unused_ties.columns) == ["source", "target", "relation", "wave"]
    c = wijknet.incident_change(a, "T0", "T1")
    assert c.loc["incidents", "before"] == 4 and c.loc["incidents", "after"] == 2


def test_paper_is_the_measured_relations_when_referral_was_not_asked():
    # roze -> welzijn is a collaboration tie in both waves, so every handoff went along a measured tie;
    # against referral ties that were never measured the share would read 0 %.
    p = wijknet.paper_vs_practice(survey_without_referral(), lang="nl")
    assert p.along_share == 1.0
    assert "(samenwerking en vertrouwen)" in str(p)


def test_paper_vs_practice_with_no_tie_of_the_relation_gives_an_empty_table():
    p = wijknet.paper_vs_practice(survey_without_referral(), relations="referral")
    assert p.unused_ties.empty and p.along_share == 0.0


# ------------------------------------------------------------------ 2. incidents of the reported wave only

@pytest.mark.parametrize("wave, count", [("T0", 24), ("T1", 14)])
def test_incident_section_counts_the_reported_wave(example, wave, count):
    # incident_change gives 24 incidents in T0 and 14 in T1 (its doctest); the report of a wave says the same.
    page = wijknet.report(example, wave=wave, lang="nl").html
    section = text_of(page[page.index('<section id="incidents">'):])
    assert f"De meldingenlog bevat in meting {wave} {count} meldingen" in section.replace(" 2021", "").replace(
        " 2022", "")


def test_incident_section_of_a_wave_without_incidents_says_so():
    a = survey_without_referral(incidents=4)  # all four in T0
    page = text_of(wijknet.report(a, wave="T1", lang="en").html)
    assert "No incidents are recorded in wave T1" in page


# ------------------------------------------------------------------ 3. no risk where nothing is at risk

def test_dense_alliance_names_no_main_risk():
    a = dense()
    for lang, forbidden in (("nl", "Grootste risico"), ("en", "Main risk")):
        page = text_of(wijknet.report(a, lang=lang).html)
        assert forbidden not in page
    kp = wijknet.key_players(a, k=1, lang="nl")
    assert "stijgt" not in kp.explanation
    assert kp.explanation.startswith("Het vertrek van geen enkele stakeholder verhoogt de fragmentatie")
    kp2 = wijknet.key_players(a, k=2)
    assert "holds the alliance together most" not in kp2.explanation and "found no 2" in kp2.explanation


def test_dense_alliance_suggest_says_one_thing(capsys):
    frame = wijknet.suggest_ties(dense(), k=3, lang="nl")
    assert frame.empty and not frame.attrs["note"]
    assert "geen enkel vertrek van één stakeholder" in frame.attrs["why_empty"]


def test_a_real_risk_is_still_named(example):
    page = text_of(wijknet.report(example, lang="en").html)
    assert "Main risk: the departure of" in page


# ------------------------------------------------------------------ 4. one chain verdict

def test_unmeasured_referral_is_not_a_broken_chain(capsys, tmp_path):
    a = survey_without_referral()
    api = wijknet.chain_routes(a, CHAIN)
    assert api.summary["exists"].all()
    assert "not measured" in api.summary["explanation"].iloc[0]
    # the command line
    folder = tmp_path / "data"
    wijknet.write(a, folder, format="csv")
    status = cli.main(["--lang", "nl", "--format", "json", "chains", str(folder)])
    out = capsys.readouterr().out
    assert status == 0 and '"works": false' not in out and '"works": true' in out
    # the report
    page = text_of(wijknet.report(a, lang="nl").html)
    assert "werkt niet" not in page and "De keten bewonersinitiatief" in page
    # the Study: a chain that works in every alliance
    study = wijknet.Study({"a": (a, {"method": "samen_in_de_wijk"}), "b": (dense(), {"method": "alle_kleuren"})})
    assert study.statistics(waves="T0", chain=CHAIN)["chain_works"].all()


def test_measured_referral_is_followed_by_default(example):
    default = wijknet.chain_routes(example, CHAIN)
    referral = wijknet.chain_routes(example, CHAIN, relation="referral")
    pd.testing.assert_frame_equal(default.summary, referral.summary)
    every = wijknet.chain_routes(example, CHAIN, relations=[r["key"] for r in example.relations])
    assert (every.summary["length"] <= referral.summary["length"]).all()


# ------------------------------------------------------------------ 5. a stakeholder with two roles of the chain

@pytest.fixture
def two_roles():
    a = wijknet.Alliance()
    a.add_wave("T0")
    for s, rs in (("M", ["bewonersinitiatief", "welzijnswerk"]), ("B", ["bewonersinitiatief"]),
                  ("L", ["lhbti_organisatie"]), ("Z", ["welzijnswerk"]), ("W", ["wijkagent"])):
        a.add_stakeholder(s, s, roles=rs)
    for u, v in (("M", "L"), ("L", "M"), ("M", "W"), ("B", "L"), ("L", "Z"), ("Z", "W")):
        a.add_tie(u, v, "referral", "T0")
    return a


@pytest.mark.parametrize("intermediaries", [False, True])
def test_a_stakeholder_in_two_places_counts_once(two_roles, intermediaries):
    r = wijknet.chain_routes(two_roles, CHAIN, relation="referral", wave="T0", intermediaries=intermediaries)
    # The four routes, worked by hand: M-L-M-W, M-L-Z-W, B-L-M-W, B-L-Z-W. M is on three of them (B-L-Z-W
    # avoids it), L and W on all four, B and Z on two.
    routes = sorted(tuple(x) for x in r.routes["stakeholders"])
    assert routes == [("B", "L", "M", "W"), ("B", "L", "Z", "W"), ("M", "L", "M", "W"), ("M", "L", "Z", "W")]
    assert r.summary.loc["T0", "shortest_routes"] == 4
    shares = r.on_routes["T0"]
    assert shares.to_dict() == {"M": 0.75, "B": 0.5, "L": 1.0, "Z": 0.5, "W": 1.0}
    # L and W are on every route: one departure of either breaks the chain (exact).
    assert r.summary.loc["T0", "disjoint_routes"] == 1 and r.summary.loc["T0", "disjoint_exact"]
    assert "depends on L and W (on every shortest route)" in r.summary.loc["T0", "explanation"]


def test_no_single_departure_breaks_two_role_routes():
    # X and Y both hold lhbti_organisatie and welzijnswerk. Routes: B1-X-Y-W1 (X as lhbti+, Y as welfare) and
    # B2-Y-X-W2 (the other way round). In the layered graph they share no vertex (X and Y sit in different
    # places), so it counts 2 disjoint routes; but both routes pass X and Y, so X alone breaks the chain.
    a = wijknet.Alliance()
    a.add_wave("T0")
    for s, rs in (("B1", ["bewonersinitiatief"]), ("B2", ["bewonersinitiatief"]),
                  ("X", ["lhbti_organisatie", "welzijnswerk"]), ("Y", ["lhbti_organisatie", "welzijnswerk"]),
                  ("W1", ["wijkagent"]), ("W2", ["wijkagent"])):
        a.add_stakeholder(s, s, roles=rs)
    for u, v in (("B1", "X"), ("X", "Y"), ("Y", "W1"), ("B2", "Y"), ("Y", "X"), ("X", "W2")):
        a.add_tie(u, v, "referral", "T0")
    r = wijknet.chain_routes(a, CHAIN, relation="referral", wave="T0")
    assert r.summary.loc["T0", "disjoint_routes"] == 1
    assert r.on_routes["T0"]["X"] == 1.0 and r.on_routes["T0"]["Y"] == 1.0
    # without X or Y there is no route at all
    for gone in ("X", "Y"):
        assert not wijknet.chain_routes(wijknet.without(a, [gone]), CHAIN, relation="referral", wave="T0").exists()


# ------------------------------------------------------------------ 6. the core group's single point

def core_alliance(organisers):
    a = wijknet.Alliance()
    a.add_wave("T0", "T0", "2021-01-01")
    a.add_stakeholder("A", "Anna", "person", roles=["kerngroep"])
    a.add_stakeholder("B", "Bert", "person", roles=["kerngroep"])
    a.add_stakeholder("C", "Cor", "person", roles=["bewoner"])
    for k, org in enumerate(organisers):
        a.add_event(f"ev{k + 1}", f"Avond {k + 1}", f"2021-0{k + 1}-15", themes=["veiligheid"], organisers=org)
        a.add_participation("C", f"ev{k + 1}")
    return a


def test_core_group_single_point_follows_its_rule():
    # ev1 (A), ev2 (A), ev3 (no organiser), ev4 (A, B): without A, ev1, ev2 and ev3 lack a core-group
    # organiser: 3 of 4, over half, while with A only ev3 (1 of 4) does.
    c = wijknet.core_group(core_alliance([["A"], ["A"], [], ["A", "B"]]))
    assert c.single_point == "A"
    # ev1 (A), ev2 (B), ev3 (A, B), ev4 (no organiser): without A, ev1 and ev4 lack one: 2 of 4, not over half.
    assert wijknet.core_group(core_alliance([["A"], ["B"], ["A", "B"], []])).single_point is None


def test_core_group_without_members_says_nobody_holds_the_role():
    a = core_alliance([["C"], ["C"]])
    a.remove_stakeholder("A")
    a.remove_stakeholder("B")
    c = wijknet.core_group(a, lang="nl")
    assert c.explanation.startswith("Niemand vervult de rol kerngroep")
    assert "%" not in c.explanation


# ------------------------------------------------------------------ 7. strengths are not lengths

@pytest.mark.parametrize("measure", [wijknet.betweenness, wijknet.closeness, wijknet.edge_betweenness])
def test_strength_on_a_path_measure_is_refused(example, measure):
    with pytest.raises(wijknet.InvalidValueError, match="weight='strength'.*1 / strength"):
        measure(example, weight="strength", wave="T1")


# ------------------------------------------------------------------ change, with its test

@pytest.mark.parametrize("gained, lost", [(0, 0), (5, 0), (0, 5), (11, 3), (6, 6), (40, 25), (1, 30)])
def test_sign_test_equals_scipy(gained, lost):
    from scipy.stats import binomtest

    from wijknet._change import sign_test

    expected = 1.0 if gained + lost == 0 else binomtest(lost, gained + lost, 0.5).pvalue
    assert sign_test(gained, lost) == pytest.approx(expected, rel=1e-12)


def test_sign_test_by_hand():
    from wijknet._change import sign_test

    # 5 gained, 0 lost: P(X = 0) + P(X = 5) = 2 / 2^5 = 0.0625. 3 and 1: 2 (1 + 4) / 16 = 0.625.
    assert sign_test(5, 0) == 0.0625 and sign_test(3, 1) == 0.625


def test_change_test_counts_pairs_present_in_both_waves(example):
    c = wijknet.compare_waves(example, "T0", "T1")
    t = c.test()
    stable = set(c.stakeholders.index[c.stakeholders["before"] & c.stakeholders["after"]])
    ref = c.tie_changes[(c.tie_changes["relation"] == "referral") & c.tie_changes["source"].isin(stable)
                        & c.tie_changes["target"].isin(stable)]
    assert t.loc["referral", "gained"] == (ref["change"] == "gained").sum()
    assert t.loc["referral", "lost"] == (ref["change"] == "lost").sum()
    assert t.loc["referral", "gained"] <= c.ties.loc["referral", "gained"]


def test_report_gives_the_change_with_its_test(example):
    page = example_page = wijknet.report(example, lang="en").html
    section = text_of(page[page.index('<section id="change">'):page.index('<section id="incidents">')])
    assert "more than chance explains" in section and "(p = 0.031)" in section
    assert example_page.count("McNemar") >= 1


def test_one_dutch_word_for_one_thing_in_the_command_line_and_the_report(example, capsys):
    from wijknet._wording import TERMS

    page = text_of(wijknet.report(example, wave="T0", lang="nl").html)
    cli.main(["--lang", "nl", "coverage", "--wave", "T0"])
    coverage = capsys.readouterr().out
    cli.main(["--lang", "nl", "scenario", "--wave", "T0"])
    scenario = capsys.readouterr().out
    for key in ("absent", "single"):
        assert TERMS["nl"][key] in page and TERMS["nl"][key] in coverage
    assert TERMS["nl"]["components"] in scenario and TERMS["nl"]["components"] in page
    for other in ("één houder", "afwezig", "sleutelspeler", "grootste deel"):
        assert other not in page + coverage + scenario


# ------------------------------------------------------------------ one API

def test_a_snapshot_as_pandas_and_in_a_notebook(example):
    s = wijknet.Snapshot(example, relations="referral", wave="T1")
    frames = wijknet.to_pandas(s)
    sources, targets, weights = s.edges()
    assert frames["ties"]["source"].tolist() == sources and frames["ties"]["weight"].tolist() == weights
    assert frames["stakeholders"]["id"].tolist() == s.ids
    assert "Snapshot: 32 stakeholders, 17 ties" in s._repr_html_()
    with pytest.raises(wijknet.InvalidValueError, match="need the Alliance"):
        wijknet.to_pandas(s, wave="T1")


def test_a_p_value_of_zero_is_printed_as_below_one_over_reps(example):
    t1, t0 = wijknet.relation_matrix(example, "referral", wave="T1"), wijknet.relation_matrix(example, "referral",
                                                                                                wave="T0")
    q = wijknet.qap_test(t1, t0, reps=100, seed=1)
    assert q.p_greater == 0.0  # as R sna computes it: b / R
    assert "P(r' >= r) < 0.01" in str(q) and "0.0000" not in str(q)
    fit = wijknet.netlm(t1, {"earlier": t0}, reps=100, seed=1)
    assert fit.coefficients.loc["earlier", "p_abs"] == 0.0 and "< 0.01" in str(fit)
