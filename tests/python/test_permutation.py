"""Permutation tests against R sna (tests/reference/qap_reference.json, made by
make_qap_reference.R with sna 2.7-1).

Deterministic values — gcor, coefficients, standard errors, t- and z-values, fitted values,
residuals, R², deviances — agree to 1e-9. p-values are Monte-Carlo estimates on both sides (R's
with set.seed(11) and 2,000 permutations, ours with our own seed and as many): two independent
binomial proportions, so their difference has standard deviation sqrt(p (1 - p) (1/R1 + 1/R2))
(0.016 at p = 1/2). We accept 4 such standard deviations plus 0.005 (for p near 0 or 1, where
the normal approximation is poor): with about a hundred p-values compared, a correct
implementation fails this check with probability well below 1%, and the seeds are fixed, so the
test is deterministic.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import wijknet
from wijknet import _tests

from test_measures import load

REF = json.loads((Path(__file__).resolve().parents[1] / "reference" / "qap_reference.json").read_text())


def num(v):
    return float("nan") if v in ("NaN", "NA") else float(v)


def close_p(ours: float, theirs: float, r1: int, r2: int) -> bool:
    p = (ours + theirs) / 2
    return abs(ours - theirs) <= 4 * math.sqrt(p * (1 - p) * (1 / r1 + 1 / r2)) + 0.005


def sna_order(frame: pd.DataFrame, mode: str) -> np.ndarray:
    r, c = _tests._dyads(len(frame), mode, order="column")
    return frame.to_numpy()[r, c]


@pytest.fixture(scope="module")
def directed():
    """roles_directed as sna saw it: A, V, S (same group), R = A^T, D = |position_i - position_j|."""
    a = load("roles_directed")
    order = REF["roles_directed"]["vertex_order"]
    A = wijknet.relation_matrix(a, "tie").loc[order, order]
    V = wijknet.relation_matrix(a, "tie", weighted=True).loc[order, order]
    S = wijknet.same_attribute(a, "group").loc[order, order]
    pos = np.arange(1, len(order) + 1, dtype=float)
    D = pd.DataFrame(np.abs(pos[:, None] - pos[None, :]), index=order, columns=order)
    return {"A": A, "V": V, "S": S, "R": A.T.copy(), "D": D}


@pytest.fixture(scope="module")
def karate():
    a = load("karate")
    order = REF["karate"]["vertex_order"]
    K = wijknet.relation_matrix(a, "tie").loc[order, order]
    C = wijknet.same_attribute(a, "group").loc[order, order]
    deg = K.sum(axis=1).to_numpy()
    G = pd.DataFrame(np.abs(deg[:, None] - deg[None, :]), index=order, columns=order)
    return {"K": K, "C": C, "G": G}


# -------------------------------------------------------------------------------- gcor, QAP

def test_gcor_matches_sna(directed, karate):
    ref = REF["roles_directed"]
    assert wijknet.gcor(directed["A"], directed["R"], mode="digraph") == pytest.approx(ref["gcor_A_R"], abs=1e-12)
    assert wijknet.gcor(directed["V"], directed["S"], mode="digraph") == pytest.approx(ref["gcor_V_S"], abs=1e-12)
    assert wijknet.gcor(directed["V"], directed["D"], mode="digraph") == pytest.approx(ref["gcor_V_D"], abs=1e-12)
    assert wijknet.gcor(karate["K"], karate["C"]) == pytest.approx(REF["karate"]["gcor_K_C"], abs=1e-12)
    assert wijknet.gcor(karate["K"], karate["G"], mode="graph") == pytest.approx(REF["karate"]["gcor_K_G"], abs=1e-12)


@pytest.mark.parametrize("key,data,a,b,mode", [
    ("qaptest_A_R", "roles_directed", "A", "R", "digraph"), ("qaptest_V_S", "roles_directed", "V", "S", "digraph"),
    ("qaptest_K_C", "karate", "K", "C", "graph")])
def test_qap_test_matches_sna(directed, karate, key, data, a, b, mode):
    ref = REF[data][key]
    m = directed if data == "roles_directed" else karate
    r = wijknet.qap_test(m[a], m[b], reps=2000, seed=7, mode=mode)
    assert r.statistic == pytest.approx(ref["testval"], abs=1e-12)
    assert close_p(r.p_greater, ref["pgreq"], 2000, ref["reps"]), (r.p_greater, ref["pgreq"])
    assert close_p(r.p_less, ref["pleeq"], 2000, ref["reps"]), (r.p_less, ref["pleeq"])


def test_qap_test_same_for_any_thread_count(directed):
    one = wijknet.qap_test(directed["A"], directed["R"], reps=600, seed=3, threads=1)
    two = wijknet.qap_test(directed["A"], directed["R"], reps=600, seed=3, threads=2)
    assert np.array_equal(one.distribution, two.distribution)


# ------------------------------------------------------------------------------------ netlm

def _netlm_cases(directed, karate):
    return {
        "netlm_V_SRD": (REF["roles_directed"], directed["V"], [directed["S"], directed["R"], directed["D"]], "digraph"),
        "netlm_A_S": (REF["roles_directed"], directed["A"], [directed["S"]], "digraph"),
        "netlm_K_CG": (REF["karate"], karate["K"], [karate["C"], karate["G"]], "graph"),
    }


@pytest.mark.parametrize("case", ["netlm_V_SRD", "netlm_A_S", "netlm_K_CG"])
def test_netlm_fit_matches_sna(directed, karate, case):
    data, y, x, mode = _netlm_cases(directed, karate)[case]
    ref = data[case]
    fit = wijknet.netlm(y, x, mode=mode, nullhyp="classical")
    np.testing.assert_allclose(fit.coefficients["estimate"], ref["coefficients"], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(fit.coefficients["t_value"], ref["tstat"], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(sna_order(fit.fitted, mode), ref["fitted"], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(sna_order(fit.residuals, mode), ref["residuals"], rtol=1e-9, atol=1e-12)
    assert fit.r_squared == pytest.approx(ref["r_squared"], rel=1e-9)
    assert fit.adj_r_squared == pytest.approx(ref["adj_r_squared"], rel=1e-9)
    assert fit.f_statistic == pytest.approx(ref["f_statistic"], rel=1e-9)
    assert fit.df_residual == ref["df_residual"] and fit.n == ref["n"]
    # classical p-values are exact (Student's t)
    for ours, theirs in (("p_greater", "pgreq"), ("p_less", "pleeq"), ("p_abs", "pgreqabs")):
        np.testing.assert_allclose(fit.coefficients[ours], ref["classical"][theirs], rtol=1e-9, atol=1e-14)


@pytest.mark.parametrize("case", ["netlm_V_SRD", "netlm_A_S", "netlm_K_CG"])
@pytest.mark.parametrize("nullhyp", ["qapspp", "qapy", "qapx", "qapallx"])
def test_netlm_p_values_match_sna(directed, karate, case, nullhyp):
    data, y, x, mode = _netlm_cases(directed, karate)[case]
    ref = data[case]
    fit = wijknet.netlm(y, x, mode=mode, nullhyp=nullhyp, reps=2000, seed=11)
    for ours, theirs in (("p_greater", "pgreq"), ("p_less", "pleeq"), ("p_abs", "pgreqabs")):
        for got, want in zip(fit.coefficients[ours], ref[nullhyp][theirs]):
            assert close_p(got, want, 2000, ref["reps"]), (nullhyp, ours, list(fit.coefficients[ours]),
                                                           ref[nullhyp][theirs])


def test_netlm_beta_statistic(directed):
    ref = REF["roles_directed"]["netlm_V_SRD"]["qapspp_beta"]
    fit = wijknet.netlm(directed["V"], [directed["S"], directed["R"], directed["D"]], mode="digraph",
                        test_statistic="beta", reps=2000, seed=5)
    for got, want in zip(fit.coefficients["p_abs"], ref["pgreqabs"]):
        assert close_p(got, want, 2000, 2000)


def test_netlm_same_result_in_batches_and_threads(directed):
    x = {"same group": directed["S"], "reverse": directed["R"]}
    a = wijknet.netlm(directed["V"], x, reps=700, seed=2, threads=1)
    b = wijknet.netlm(directed["V"], x, reps=700, seed=2, threads=2)
    assert np.array_equal(a.distribution, b.distribution)
    assert list(a.coefficients.index) == ["(intercept)", "same group", "reverse"]


# --------------------------------------------------------------------------------- netlogit

@pytest.mark.parametrize("case", ["netlogit_A_SRD", "netlogit_K_CG"])
def test_netlogit_matches_sna(directed, karate, case):
    if case == "netlogit_A_SRD":
        data, y, x, mode = REF["roles_directed"], directed["A"], [directed["S"], directed["R"], directed["D"]], "digraph"
    else:
        data, y, x, mode = REF["karate"], karate["K"], [karate["C"], karate["G"]], "graph"
    ref = data[case]
    fit = wijknet.netlogit(y, x, mode=mode, nullhyp="classical")
    # glm.fit stops when the deviance changes by less than 1e-8 (relative); we run the same
    # iterations from the same start, so the values agree to rounding.
    np.testing.assert_allclose(fit.coefficients["estimate"], ref["coefficients"], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(fit.coefficients["std_error"], ref["se"], rtol=1e-9)
    np.testing.assert_allclose(fit.coefficients["z_value"], ref["tstat"], rtol=1e-9)
    np.testing.assert_allclose(sna_order(fit.fitted, mode), ref["fitted"], rtol=1e-9, atol=1e-12)
    for ours, theirs in (("deviance", "deviance"), ("null_deviance", "null_deviance"), ("aic", "aic"), ("bic", "bic")):
        assert getattr(fit, ours) == pytest.approx(ref[theirs], rel=1e-9)
    np.testing.assert_allclose(fit.coefficients["p_abs"], ref["classical"]["pgreqabs"], rtol=1e-9, atol=1e-14)
    perm = wijknet.netlogit(y, x, mode=mode, nullhyp="qapy", reps=500, seed=4)
    for got, want in zip(perm.coefficients["p_abs"], ref["qapy"]["pgreqabs"]):
        assert close_p(got, want, 500, ref["reps"])


def test_netlogit_rejects_valued_y(directed):
    with pytest.raises(wijknet.WijknetError, match="binary"):
        wijknet.netlogit(directed["V"], directed["S"])


# -------------------------------------------------------------------------------------- CUG

@pytest.mark.parametrize("data,key,stat", [("roles_directed", "cug_gtrans", "transitivity"),
                                           ("roles_directed", "cug_grecip", "reciprocity"),
                                           ("karate", "cug_gtrans", "transitivity")])
@pytest.mark.parametrize("condition", ["size", "edges", "dyad_census"])
def test_cug_test_matches_sna(directed, karate, data, key, stat, condition):
    ref = REF[data][key][condition]
    g = directed["A"] if data == "roles_directed" else karate["K"]
    mode = REF[data]["mode"]
    r = wijknet.cug_test(g, stat, condition, mode=mode, reps=2000, seed=13)
    assert r.statistic == pytest.approx(ref["obs"], abs=1e-12)
    assert close_p(r.p_greater, ref["pgteobs"], 2000, 2000), (r.p_greater, ref["pgteobs"])
    assert close_p(r.p_less, ref["plteobs"], 2000, 2000), (r.p_less, ref["plteobs"])
    # the mean of the null distribution within 5 standard errors of sna's
    assert abs(np.nanmean(r.distribution) - ref["mean"]) <= 5 * ref["sd"] / math.sqrt(1000) + 1e-12


def test_cug_test_takes_a_python_function(directed):
    r = wijknet.cug_test(directed["A"], lambda m: float(np.trace(m @ m)), "edges", reps=50, seed=1)
    assert r.statistic == 14.0  # trace(A A) = 2 x 7 reciprocated dyads
    assert len(r.distribution) == 50


# ------------------------------------------------------------------------------- predictors

def test_predictors_from_the_model(example):
    ids = list(example.stakeholders().index)
    role = wijknet.same_role(example)
    assert list(role.index) == ids and (role.to_numpy() == role.to_numpy().T).all()
    t0 = wijknet.relation_matrix(example, "referral", wave="T0")
    ties = example.ties()
    part = ties[(ties.relation == "referral") & (ties.wave == "T0")]
    assert t0.to_numpy().sum() == len(set(zip(part.source, part.target)))
    fit = wijknet.netlm(wijknet.relation_matrix(example, "referral", wave="T1"), {"same role": role, "T0": t0},
                        reps=100, seed=1)
    assert fit.coefficients.loc["T0", "estimate"] > 0


def test_attribute_predictors(small):
    small.add_stakeholder("extra", attributes={"members": 20})
    with pytest.raises(wijknet.WijknetError, match="missing"):
        wijknet.attribute_difference(small, "members")
    # members: coc 120, extra 20, the others missing -> the mean 70 with missing="mean"
    diff = wijknet.attribute_difference(small, "members", missing="mean")
    assert diff.loc["coc", "extra"] == 100 and diff.loc["agent", "coc"] == 50 and diff.loc["agent", "welzijn"] == 0
    small.add_stakeholder("odd", attributes={"members": "many"})
    with pytest.raises(wijknet.WijknetError, match="not a number"):
        wijknet.attribute_difference(small, "members", missing=0)
    same = wijknet.same_attribute(small, "members")
    assert same.loc["coc", "coc"] == 1 and same.loc["coc", "extra"] == 0 and same.loc["agent", "welzijn"] == 0


def test_relation_matrix_selects_waves_as_every_function_does(example):
    one = wijknet.relation_matrix(example, "referral", wave="T1")
    assert one.equals(wijknet.relation_matrix(example, "referral", waves="T1"))
    assert one.equals(wijknet.relation_matrix(example, "referral", waves=["T1"]))
    both = wijknet.relation_matrix(example, "referral", waves=["T0", "T1"], weighted=True)
    t0 = wijknet.relation_matrix(example, "referral", wave="T0", weighted=True)
    t1 = wijknet.relation_matrix(example, "referral", wave="T1", weighted=True)
    assert both.equals(t0 + t1)  # the ties of both waves add up
    with pytest.raises(wijknet.UnknownIdError, match=r"unknown wave 'T9'; the waves are \['T0', 'T1'\]"):
        wijknet.relation_matrix(example, "referral", wave="T9")  # never a silently empty matrix
