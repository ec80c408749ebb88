"""Missing is not absent (issue 20, part 2): missing tie cells of a survey, response rates, and density, gcor,
QAP, netlm and netlogit on networks with missing dyads, against R sna and network
(tests/reference/missing_reference.json, made by make_missing_reference.R).

Deterministic values agree to 1e-9; permutation p-values within Monte-Carlo error (see test_permutation.py).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from html import escape
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import wijknet

from test_measures import load
from test_permutation import close_p, sna_order
from test_survey import DATA, imported

REF = json.loads((Path(__file__).resolve().parents[1] / "reference" / "missing_reference.json").read_text())


def num(values):
    return np.array([math.nan if v in ("NA", "NaN") else float(v) for v in values])


def with_response(name: str) -> wijknet.Alliance:
    """The reference data set with the survey response of make_missing_reference.R, as the survey readers write it:
    respondent_T0 for everyone, missing_T0 for the non-respondents ("all") and the partial ones (their open
    partners)."""
    a = load(name)
    spec = REF[name]["missing"]
    for sid in REF[name]["vertex_order"]:
        record = a.stakeholder(sid)
        attributes = dict(record["attributes"])
        if sid in spec["not"]:
            attributes.update(respondent_T0="not", missing_T0=json.dumps({"tie": "all"}))
        elif sid in spec["open"]:
            partners = spec["open"][sid]  # jsonlite writes a list of one as its element
            attributes.update(respondent_T0="partly",
                              missing_T0=json.dumps({"tie": [partners] if isinstance(partners, str) else partners}))
        else:
            attributes["respondent_T0"] = "responded"
        a.update_stakeholder(sid, attributes=attributes)
    return a


def matrices(name: str):
    """The matrices of make_missing_reference.R, NaN on the missing cells (from wijknet.missing_dyads)."""
    a = with_response(name)
    order = REF[name]["vertex_order"]
    missing = wijknet.missing_dyads(a, relations="tie", wave="T0").loc[order, order]
    A = wijknet.relation_matrix(a, "tie").loc[order, order]
    out = {"missing": missing, "A": A.mask(missing)}
    if name == "roles_directed":
        out["V"] = wijknet.relation_matrix(a, "tie", weighted=True).loc[order, order].mask(missing)
        out["S"] = wijknet.same_attribute(a, "group").loc[order, order]
        out["R"] = A.T.copy()
        pos = np.arange(1, len(order) + 1, dtype=float)
        out["D"] = pd.DataFrame(np.abs(pos[:, None] - pos[None, :]), index=order, columns=order)
    else:
        out["C"] = wijknet.same_attribute(a, "group").loc[order, order]
        deg = A.sum(axis=1).to_numpy()
        out["G"] = pd.DataFrame(np.abs(deg[:, None] - deg[None, :]), index=order, columns=order)
    return out


# ------------------------------------------------------------------------------------------ missing cells

@pytest.mark.parametrize("name", ["roles_directed", "karate"])
def test_missing_dyads_are_the_cells_r_marks_na(name):
    m = matrices(name)["missing"]
    np.testing.assert_array_equal(m.to_numpy().astype(int), np.array(REF[name]["missing_matrix"]))
    assert m.to_numpy().sum() == REF[name]["density"]["missing_cells"]


def test_data_not_from_a_survey_has_no_missing_dyads_and_keeps_its_density():
    a = wijknet.load_example()
    assert not wijknet.missing_dyads(a, relations="referral", wave="T1").to_numpy().any()
    assert wijknet.density(a, treatment="available", relations="referral", wave="T1") == \
        wijknet.density(a, relations="referral", wave="T1")
    assert wijknet.response_rates(a).empty
    assert wijknet._missing.response_section(a, wijknet._wording.Wording(a, "en"), 9) == ""


def test_a_non_respondent_without_missing_attribute_misses_every_relation():
    """Data written before missing_<wave> was kept: respondent_T0 = "not" alone makes every cell of the sender
    without a tie missing, in every relation selected."""
    a = load("roles_directed")
    a.update_stakeholder("w3", attributes={"group": "wijkagent", "respondent_T0": "not"})
    for sid in ("w1", "p1"):
        a.update_stakeholder(sid, attributes={"group": a.stakeholder(sid)["attributes"]["group"],
                                              "respondent_T0": "responded"})
    m = wijknet.missing_dyads(a, relations="tie", wave="T0")
    # only w3 -> w1 and w3 -> p1 (both on the list), unless w3 has a tie there
    expected = {("w3", t) for t in ("w1", "p1") if not a.has_tie("w3", t, "tie", "T0")}
    assert {(s, t) for s in m.index for t in m.columns if m.at[s, t]} == expected


def test_a_broken_missing_attribute_names_the_stakeholder():
    a = with_response("roles_directed")
    a.update_stakeholder("l2", attributes={"group": "lhbti_organisatie", "respondent_T0": "partly",
                                           "missing_T0": "p1, p2"})
    with pytest.raises(wijknet.InvalidValueError, match="stakeholder 'l2': missing_T0 is 'p1, p2'; expected a JSON"):
        wijknet.missing_dyads(a, wave="T0")


# ------------------------------------------------------------------------------------------ the survey readers keep it

def test_a_survey_keeps_who_left_which_answer_open_through_write_and_read(tmp_path):
    alliance = imported("t0_qualtrics.csv", "t1_forms.csv")
    frame = alliance.stakeholders()
    # Stichting Al Amal did not respond at T1: every relation asked is missing.
    assert json.loads(frame.loc["al_amal", "missing_T1"]) == {"collaboration": "all", "trust": "all"}
    # The Meldpunt said "Weet niet" about OBS De Regenboog at T1 (make_exports.py)
    assert "regenboog" in json.loads(frame.loc["meldpunt", "missing_T1"])["collaboration"]
    # Welzijn answered everything at T0
    assert not isinstance(frame.loc["welzijn", "missing_T0"], str)
    answers = wijknet.read_survey(DATA / "t1_forms.csv", DATA / "t1_forms.toml")
    open_ = answers[(answers["status"] == "missing") & (answers["relation"] == "collaboration")]
    for who, group in open_.groupby("respondent"):
        entry = json.loads(frame.loc[who, "missing_T1"])["collaboration"]
        assert entry == "all" or sorted(entry) == sorted(group["partner"]), who
    for fmt in ("folder", "x.json", "x.graphml"):
        path = tmp_path / fmt
        wijknet.write(alliance, path)
        again = wijknet.read(path)
        for wave in ("T0", "T1"):
            assert (wijknet.missing_dyads(again, relations="collaboration", wave=wave).to_numpy() ==
                    wijknet.missing_dyads(alliance, relations="collaboration", wave=wave).to_numpy()).all(), fmt


def test_collaboration_density_of_t1_with_the_missing_pairs_left_out():
    """t1_forms.csv (test_survey.py): 44 of the 66 pairs are tied. A pair without a tie is missing when a report of it
    is missing (collaboration is undirected, rule maximum: either report could make the tie), counted here from the
    answers themselves."""
    alliance = imported("t0_qualtrics.csv", "t1_forms.csv")
    answers = wijknet.read_survey(DATA / "t1_forms.csv", DATA / "t1_forms.toml")
    collab = answers[answers["relation"] == "collaboration"]
    open_ = {frozenset(p) for p in collab.loc[collab["status"] == "missing", ["respondent", "partner"]].values}
    tied = {frozenset(p) for p in alliance.ties().query("relation == 'collaboration' and wave == 'T1'")
            [["source", "target"]].values}
    unknown = len(open_ - tied)
    assert unknown > 2  # more than the two pairs without any number: Al Amal's pairs answered 1 = nooit too
    observed = wijknet.density(alliance, relations="collaboration", wave="T1")
    available = wijknet.density(alliance, treatment="available", relations="collaboration", wave="T1")
    assert observed == pytest.approx(44 / 66, abs=1e-12)
    assert available == pytest.approx(44 / (66 - unknown), abs=1e-12)


def test_add_roster_ties_keeps_missing_answers_and_is_all_or_nothing():
    survey = pd.DataFrame({"respondent": ["coc", "coc", "team", "team"], "partner": ["team", "agent", "coc", "agent"],
                           "item": "contact", "value": [3, 0, 2, None]})
    a = wijknet.Alliance()
    wijknet.add_roster_ties(a, survey, "contact", roster=["coc", "team", "agent"])
    frame = a.stakeholders()
    assert json.loads(frame.loc["team", "missing_T0"]) == {"information": ["agent"]}
    assert json.loads(frame.loc["agent", "missing_T0"]) == {"information": "all"}
    before = a.stakeholders().to_dict()
    with pytest.raises(wijknet.InvalidValueError):
        wijknet.add_roster_ties(a, survey.assign(value=[3, -1, 2, None]), "contact", roster=["coc", "team", "agent"],
                                relation="trust", wave="T1")
    assert a.stakeholders().to_dict() == before


# ------------------------------------------------------------------------------------------ response

def test_response_rates_per_wave_relation_and_role():
    alliance = imported("t0_qualtrics.csv", "t1_forms.csv")
    rates = wijknet.response_rates(alliance)
    whole = rates.loc[("T0", "", "")]
    assert (whole["roster"], whole["not"], whole["partly"]) == (12, 3, 7)
    assert whole["rate"] == pytest.approx(9 / 12)
    assert rates.loc[("T1", "", ""), "not"] == 1
    # a role row counts the stakeholders holding it
    frame = alliance.stakeholders()
    role = frame.loc["welzijn", "roles"][0]
    holders = [s for s in frame.index if role in frame.at[s, "roles"]]
    assert rates.loc[("T0", "", role), "roster"] == len(holders)
    # per relation: Al Amal answered no T1 trust question either
    assert rates.loc[("T1", "trust", ""), "not"] >= 1


def test_check_summary_and_report_show_the_response(tmp_path):
    alliance = imported("t0_qualtrics.csv", "t1_forms.csv")
    wijknet.write(alliance, tmp_path / "survey")
    run = subprocess.run([sys.executable, "-m", "wijknet.cli", "check", str(tmp_path / "survey"), "--lang", "nl"],
                         capture_output=True, text=True)
    assert "respons T0: 9 van 12 (75%), 7 gedeeltelijk" in run.stdout, run.stdout + run.stderr
    assert "respons T1: 11 van 12 (92%)" in run.stdout
    text = wijknet.summary(alliance).to_text()
    assert "response T0: 9 of 12 (75%), 7 partly" in text
    html = wijknet.report(alliance, lang="nl").html
    words = wijknet._wording.Wording(alliance, "nl")
    assert "Hoe zeker is dit?" in html
    # T1, the report's wave: 11 of 12 answered; Stichting Al Amal, under its report name, did not
    assert "11 van de 12 stakeholders" in html
    assert escape(f"Antwoordden niet: {words.name('al_amal')}.") in html
    assert "tellen een onbeantwoorde vraag als geen relatie" in html
    on_list = list(alliance.stakeholders()["respondent_T1"].dropna().index)
    unknown = int(wijknet.missing_dyads(alliance, wave="T1", ids=on_list).to_numpy().sum())  # trust is directed
    assert unknown > 0 and (f"van de {12 * 11} mogelijke relaties tussen de stakeholders op de lijst zijn er "
                            f"{unknown} onbekend") in html


# ------------------------------------------------------------------------------------------ density against R

@pytest.mark.parametrize("name", ["roles_directed", "karate"])
def test_density_with_missing_dyads_equals_r(name):
    a = with_response(name)
    ref = REF[name]["density"]
    assert wijknet.density(a, treatment="available", relations="tie", wave="T0") == pytest.approx(ref["gden"], rel=1e-9)
    # counting missing as absent is what network.density(na.omit = TRUE) gives
    assert wijknet.density(a, relations="tie", wave="T0") == pytest.approx(ref["network_density_na_omit"], rel=1e-9)
    with pytest.raises(wijknet.InvalidValueError, match="treatment must be"):
        wijknet.density(a, treatment="imputed")


# ------------------------------------------------------------------------------------------ QAP against R sna

def test_gcor_drops_missing_dyads_as_sna():
    d, k = matrices("roles_directed"), matrices("karate")
    assert wijknet.gcor(d["A"], d["S"]) == pytest.approx(REF["roles_directed"]["gcor_A_S"], rel=1e-9)
    assert wijknet.gcor(d["A"], d["R"]) == pytest.approx(REF["roles_directed"]["gcor_A_R"], rel=1e-9)
    assert wijknet.gcor(k["A"], k["C"], mode="graph") == pytest.approx(REF["karate"]["gcor_K_C"], rel=1e-9)


@pytest.mark.parametrize("name,a,b,mode,key", [("roles_directed", "A", "S", "digraph", "qaptest_A_S"),
                                               ("karate", "A", "C", "graph", "qaptest_K_C")])
def test_qap_test_with_missing_dyads_matches_sna(name, a, b, mode, key):
    m = matrices(name)
    ref = REF[name][key]
    r = wijknet.qap_test(m[a], m[b], reps=2000, seed=11, mode=mode)
    assert r.statistic == pytest.approx(ref["testval"], rel=1e-9)
    assert not np.isnan(r.distribution).any()
    assert close_p(r.p_greater, ref["pgreq"], 2000, ref["reps"]) and close_p(r.p_less, ref["pleeq"], 2000, ref["reps"])
    # the same in one thread and in batches
    again = wijknet.qap_test(m[a], m[b], reps=300, seed=5, mode=mode, threads=1)
    np.testing.assert_array_equal(again.distribution, wijknet.qap_test(m[a], m[b], reps=300, seed=5, mode=mode).distribution)


def lm_case(name):
    m = matrices(name)
    if name == "roles_directed":
        return REF[name]["netlm_V_SRD"], m["V"], [m["S"], m["R"], m["D"]], "digraph"
    return REF[name]["netlm_K_CG"], m["A"], [m["C"], m["G"]], "graph"


@pytest.mark.parametrize("name", ["roles_directed", "karate"])
def test_netlm_drops_missing_dyads_as_sna(name):
    ref, y, x, mode = lm_case(name)
    fit = wijknet.netlm(y, x, mode=mode, nullhyp="classical")
    np.testing.assert_allclose(fit.coefficients["estimate"], ref["coefficients"], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(fit.coefficients["t_value"], ref["tstat"], rtol=1e-9, atol=1e-12)
    fitted, residuals = sna_order(fit.fitted, mode), sna_order(fit.residuals, mode)
    np.testing.assert_allclose(fitted[~np.isnan(fitted)], ref["fitted"], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(residuals[~np.isnan(residuals)], ref["residuals"], rtol=1e-9, atol=1e-12)
    assert fit.r_squared == pytest.approx(ref["r_squared"], rel=1e-9)
    assert fit.adj_r_squared == pytest.approx(ref["adj_r_squared"], rel=1e-9)
    assert fit.f_statistic == pytest.approx(ref["f_statistic"], rel=1e-9)
    assert (fit.n, fit.df_residual) == (ref["n"], ref["df_residual"])
    for ours, theirs in (("p_greater", "pgreq"), ("p_less", "pleeq"), ("p_abs", "pgreqabs")):
        np.testing.assert_allclose(fit.coefficients[ours], ref["classical"][theirs], rtol=1e-9, atol=1e-14)


@pytest.mark.parametrize("name", ["roles_directed", "karate"])
@pytest.mark.parametrize("nullhyp", ["qapy", "qapx", "qapallx"])
def test_netlm_p_values_with_missing_dyads_match_sna(name, nullhyp):
    ref, y, x, mode = lm_case(name)
    fit = wijknet.netlm(y, x, mode=mode, nullhyp=nullhyp, reps=2000, seed=11)
    for ours, theirs in (("p_greater", "pgreq"), ("p_less", "pleeq"), ("p_abs", "pgreqabs")):
        for got, want in zip(fit.coefficients[ours], ref[nullhyp][theirs]):
            assert close_p(got, want, 2000, ref["reps"]), (nullhyp, ours, list(fit.coefficients[ours]), ref[nullhyp])


def test_netlogit_drops_missing_dyads_as_sna():
    m = matrices("roles_directed")
    ref = REF["roles_directed"]["netlogit_A_SRD"]
    x = [m["S"], m["R"], m["D"]]
    fit = wijknet.netlogit(m["A"], x, mode="digraph", nullhyp="classical")
    np.testing.assert_allclose(fit.coefficients["estimate"], ref["coefficients"], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(fit.coefficients["std_error"], ref["se"], rtol=1e-9, atol=1e-12)
    fitted = sna_order(fit.fitted, "digraph")
    np.testing.assert_allclose(fitted[~np.isnan(fitted)], ref["fitted"], rtol=1e-9, atol=1e-12)
    for ours, theirs in (("deviance", "deviance"), ("null_deviance", "null_deviance"), ("aic", "aic"), ("bic", "bic")):
        assert getattr(fit, ours) == pytest.approx(ref[theirs], rel=1e-9)
    assert (fit.n, fit.df_residual) == (ref["n"], ref["df_residual"])
    test = wijknet.netlogit(m["A"], x, mode="digraph", nullhyp="qapy", reps=1000, seed=11)
    for ours, theirs in (("p_greater", "pgreq"), ("p_less", "pleeq"), ("p_abs", "pgreqabs")):
        for got, want in zip(test.coefficients[ours], ref["qapy"][theirs]):
            assert close_p(got, want, 1000, ref["reps"]), (ours, list(test.coefficients[ours]), ref["qapy"])


def test_qapspp_with_missing_dyads_is_refused_where_dropping_is_not_defined():
    ref, y, x, mode = lm_case("roles_directed")
    for function in (wijknet.netlm, wijknet.netlogit):
        yy = y.notna().astype(float).where(y.notna()) if function is wijknet.netlogit else y
        with pytest.raises(wijknet.InvalidValueError, match="'qapspp' is not defined with missing dyads.*'qapy'"):
            function(yy, x, mode=mode, reps=10, seed=1)
    # one term: sna's qapspp is qapy, which is defined
    assert wijknet.netlm(y, x[0], intercept=False, mode=mode, reps=10, seed=1).nullhyp == "qapy"


def test_tests_without_a_rule_for_missing_dyads_refuse_them():
    m = matrices("roles_directed")
    with pytest.raises(wijknet.InvalidValueError, match="missing values"):
        wijknet.cug_test(m["A"], "density", "size", reps=10, seed=1)
    with pytest.raises(wijknet.InvalidValueError, match="infinite"):
        wijknet.gcor(m["S"].replace(1.0, np.inf), m["R"])


# ------------------------------------------------------------------------------------------ part 3: reconstruction

def reconstruction_example():
    """Four partners, information sharing (directed), d did not answer:

        a -> b    b -> a, b -> c, b -> d    c -> a          (a said 0 about c and d, c said 0 about b and d)

    Observed: 5 arcs of 12 cells; d's three cells d -> a, d -> b, d -> c are missing. Reconstruction (Stork &
    Richards) fills d -> j from j's report about d: only b reported b -> d, so d -> b is added; d -> a and d -> c stay
    absent (a and c said 0)."""
    answers = pd.DataFrame({"respondent": ["a"] * 3 + ["b"] * 3 + ["c"] * 3,
                            "partner": ["b", "c", "d", "a", "c", "d", "a", "b", "d"],
                            "item": "info", "value": [1, 0, 0, 1, 1, 1, 1, 0, 0]})
    a = wijknet.Alliance()
    wijknet.add_roster_ties(a, answers, "info", roster=["a", "b", "c", "d"])
    return a


def test_reconstruction_by_hand():
    a = reconstruction_example()
    sel = {"relations": "information", "wave": "T0", "assume_reciprocal": True}
    # density: 5/12 observed, 5/(12 - 3) with the missing cells left out, 6/12 reconstructed
    assert wijknet.density(a, relations="information", wave="T0") == pytest.approx(5 / 12, abs=1e-15)
    assert wijknet.density(a, treatment="available", relations="information", wave="T0") == pytest.approx(5 / 9)
    assert wijknet.density(a, treatment="reconstruct", **sel) == pytest.approx(6 / 12, abs=1e-15)
    # edgewise reciprocity 2M / (2M + A): observed M = 1 (a-b), A = 3 (b->c, c->a, b->d): 2/5; reconstructed b-d is
    # mutual too: 4/6
    assert wijknet.reciprocity(a, relations="information", wave="T0") == pytest.approx(2 / 5, abs=1e-15)
    assert wijknet.reciprocity(a, treatment="reconstruct", **sel) == pytest.approx(4 / 6, abs=1e-15)
    # fragmentation along the arcs: observed d reaches nobody and the others reach all three: F = 1 - 9/12;
    # reconstructed d -> b reaches everyone: F = 0. Distance fragmentation: sums of 1/d per source a 2, b 3,
    # c 1 + 1/2 + 1/3, d 0 (observed) or 1 + 1/2 + 1/2 = 2 (reconstructed), over 12.
    out = wijknet.fragmentation(a, direction="out", relations="information", wave="T0")
    rec = wijknet.fragmentation(a, direction="out", treatment="reconstruct", **sel)
    assert (out["fragmentation"], rec["fragmentation"]) == (pytest.approx(0.25), pytest.approx(0.0))
    assert out["distance_fragmentation"] == pytest.approx(1 - (2 + 3 + 1 + 1 / 2 + 1 / 3) / 12, abs=1e-15)
    assert rec["distance_fragmentation"] == pytest.approx(1 - (2 + 3 + 1 + 1 / 2 + 1 / 3 + 2) / 12, abs=1e-15)
    # ties either way already join d to b: nothing to reconstruct
    assert wijknet.fragmentation(a, treatment="reconstruct", **sel).equals(
        wijknet.fragmentation(a, relations="information", wave="T0"))


def test_reconstruction_of_a_directed_relation_needs_the_caller_to_say_it_is_reciprocal():
    a = reconstruction_example()
    for function in (wijknet.density, wijknet.reciprocity, wijknet.fragmentation):
        with pytest.raises(wijknet.InvalidValueError, match=r"only sound when ties are reciprocal; 'information' is "
                                                            r"directed\. Pass assume_reciprocal=True"):
            function(a, treatment="reconstruct", relations="information", wave="T0")
    with pytest.raises(wijknet.InvalidValueError, match="treatment must be 'observed' or 'reconstruct'"):
        wijknet.reciprocity(a, treatment="available", relations="information")
    with pytest.raises(TypeError, match="needs the Alliance"):
        wijknet.density(wijknet.Snapshot(a), treatment="reconstruct")


def test_reconstruction_of_an_undirected_relation_is_what_the_rules_already_did():
    """collaboration is undirected and made by the rule maximum: each tie already came from either report, so the
    reconstructed figures are the observed ones; without missing cells (data not from a survey) too."""
    alliance = imported("t0_qualtrics.csv", "t1_forms.csv")
    sel = {"relations": "collaboration", "wave": "T1"}
    assert wijknet.missing_dyads(alliance, **sel).to_numpy().any()
    assert wijknet.density(alliance, treatment="reconstruct", **sel) == wijknet.density(alliance, **sel)
    assert wijknet.fragmentation(alliance, treatment="reconstruct", **sel).equals(wijknet.fragmentation(alliance, **sel))
    example = wijknet.load_example()
    assert wijknet.reciprocity(example, treatment="reconstruct", relations="information", wave="T1") == \
        wijknet.reciprocity(example, relations="information", wave="T1")


@pytest.mark.parametrize("rule", ["minimum", "mean"])
@pytest.mark.parametrize("b_about_a", ["Weet niet", "no response"])
def test_a_dont_know_is_no_report_under_every_rule(rule, b_about_a):
    """a reports 3 about b. Whether b answered "don't know" about a or did not respond at all, b gave no report of
    the pair, so a's report stands alone: one tie of weight 3, unconfirmed (docs/io/roster.md). Before, the "don't
    know" of a partial respondent counted as 0: no tie under minimum, weight 1.5 under mean."""
    rows = [("a", "b", 3.0), ("a", "c", 2.0)]
    if b_about_a != "no response":
        rows.append(("b", "c", 1.0))
    if b_about_a == "Weet niet":
        rows.append(("b", "a", math.nan))
    survey = pd.DataFrame(rows, columns=["respondent", "partner", "value"]).assign(item="x")
    a = wijknet.Alliance()
    wijknet.add_roster_ties(a, survey, "x", roster=["a", "b", "c"], rule=rule)
    ties = a.ties().set_index(["source", "target"])
    assert ties.loc[("a", "b"), "weight"] == 3.0 and not ties.loc[("a", "b"), "confirmed"]
