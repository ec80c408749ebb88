"""Multiple imputation of missing tie cells (issue 20, part 3): Huisman's random, preferential and
reconstruction-plus-random imputations, and the whole-network figures over the imputations."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import wijknet
from wijknet import _impute

from test_measures import load
from test_missing import with_response


def survey(rows, roster):
    """An alliance from (respondent, partner, value) answers of item "contact" (relation information, directed)."""
    answers = pd.DataFrame(rows, columns=["respondent", "partner", "value"]).assign(item="contact")
    a = wijknet.Alliance()
    wijknet.add_roster_ties(a, answers, "contact", roster=roster)
    return a


def hand_graph():
    """Four partners share information; d did not answer, c left its question about a open. Ties a->b, b->a, b->c,
    b->d, c->b: 5 ties; missing d->a, d->b, d->c and c->a: 4 of 12 cells; 8 known cells, so p = 5/8."""
    return survey([("a", "b", 1), ("a", "c", 0), ("a", "d", 0),
                   ("b", "a", 1), ("b", "c", 1), ("b", "d", 1),
                   ("c", "a", None), ("c", "b", 1), ("c", "d", 0)], ["a", "b", "c", "d"])


@pytest.mark.parametrize("name", ["karate", "roles_directed"])
def test_figures_equal_the_measures(name):
    """The numpy figures of a network equal wijknet's measures on it."""
    a = load(name)
    m = _impute.model(a, "random", False, {})
    got = _impute.whole_network(m.n, m.sources, m.targets, m.directed)
    assert got["density"] == pytest.approx(wijknet.density(a), abs=1e-12)
    assert got["reciprocity"] == pytest.approx(wijknet.reciprocity(a), abs=1e-12)
    assert got["centralization"] == pytest.approx(wijknet.centralization(a), abs=1e-12)
    f = wijknet.fragmentation(a)
    assert got["fragmentation"] == pytest.approx(f["fragmentation"], abs=1e-12)
    assert got["components"] == f["components"] == wijknet.components(a).nunique()


def test_figures_of_a_split_network():
    """Several components, isolates and one-way ties: components and fragmentation by hand."""
    # 0-1-2 a path, 3 -> 4, 5 alone, 6-7 mutual: components {0,1,2} {3,4} {5} {6,7}
    got = _impute.whole_network(8, np.array([0, 2, 3, 6, 7]), np.array([1, 1, 4, 7, 6]), True)
    assert got["components"] == 4
    assert got["fragmentation"] == pytest.approx(1 - (6 + 2 + 0 + 2) / 56)
    assert got["reciprocity"] == pytest.approx(2 / 5)
    assert got["density"] == pytest.approx(5 / 56)
    # a long chain labelled backwards takes many hooking rounds
    n = 200
    order = np.arange(n)[::-1]
    got = _impute.whole_network(n, order[:-1], order[1:], False)
    assert got["components"] == 1 and got["fragmentation"] == 0


def test_no_missing_cells_every_imputation_is_the_observed_network():
    a = wijknet.load_example()
    for method in _impute.METHODS:
        for relations in ("collaboration", "information"):
            selection = {"relations": relations, "waves": "T1"}
            m = _impute.model(a, method, False, selection)
            assert len(m.chance) == 0
            figures = wijknet.imputed_figures(a, method=method, imputations=5, **selection)
            for column in ("estimate", "low", "high"):
                pd.testing.assert_series_equal(figures[column], figures["observed"], check_names=False)
            assert figures.loc["density", "observed"] == pytest.approx(wijknet.density(a, **selection))
    # a survey everyone answered in full
    full = survey([("a", "b", 1), ("b", "a", 0)], ["a", "b"])
    figures = wijknet.imputed_figures(full, imputations=3)
    assert (figures["low"] == figures["observed"]).all() and (figures["high"] == figures["observed"]).all()


def test_random_imputation_keeps_the_density_of_the_known_cells():
    a = hand_graph()
    assert wijknet.missing_dyads(a).to_numpy().sum() == 4
    m = _impute.model(a, "random", False, {})
    assert m.observed_density == pytest.approx(5 / 8)
    assert np.allclose(m.chance, 5 / 8)
    # expected density: (5 + 4 * 5/8) / 12 = 7.5 / 12 = 5/8, the density of the known cells
    assert (5 + m.chance.sum()) / 12 == pytest.approx(5 / 8)
    k = 4000
    figures = _impute.sample(m, k, seed=3)
    # the mean of k densities: standard error sqrt(4 * p(1-p)) / 12 / sqrt(k)
    se = math.sqrt(4 * 5 / 8 * 3 / 8) / 12 / math.sqrt(k)
    assert abs(figures["density"].mean() - 5 / 8) < 4 * se
    summary = wijknet.imputed_figures(a, imputations=k, seed=3)
    assert summary.loc["density", "estimate"] == pytest.approx(figures["density"].mean())
    assert summary.loc["density", "observed"] == pytest.approx(5 / 12)
    # densities are multiples of 1/12 between 5/12 (no imputed tie) and 9/12 (all four)
    assert 5 / 12 <= summary.loc["density", "low"] <= summary.loc["density", "high"] <= 9 / 12


def test_preferential_imputation_follows_the_in_degree_rate():
    a = hand_graph()
    m = _impute.model(a, "preferential", False, {})
    ids = ["a", "b", "c", "d"]
    cells = {(ids[i], ids[j]): p for i, j, p in zip(m.cell_sources, m.cell_targets, m.chance)}
    # known cells into a: b->a (tie), d->a and c->a missing: 1 of 1; into b: a, c (ties), d missing: 2 of 2;
    # into c: a->c (no tie), b->c (tie), d missing: 1 of 2
    assert cells == pytest.approx({("c", "a"): 1.0, ("d", "a"): 1.0, ("d", "b"): 1.0, ("d", "c"): 0.5})


def test_reconstruct_random_takes_the_partners_report():
    a = hand_graph()
    with pytest.raises(wijknet.InvalidValueError, match="assume_reciprocal=True"):
        wijknet.imputed_figures(a, method="reconstruct_random")
    m = _impute.model(a, "reconstruct_random", True, {})
    ids = ["a", "b", "c", "d"]
    cells = {(ids[i], ids[j]): p for i, j, p in zip(m.cell_sources, m.cell_targets, m.chance)}
    # every reverse is known: d->b from b->d (tie), d->a and d->c from a->d, c->d (no tie), c->a from a->c
    assert cells == {("c", "a"): 0.0, ("d", "a"): 0.0, ("d", "b"): 1.0, ("d", "c"): 0.0}
    figures = wijknet.imputed_figures(a, method="reconstruct_random", assume_reciprocal=True, imputations=4)
    reconstructed = wijknet.density(a, treatment="reconstruct", assume_reciprocal=True)
    assert (figures.loc["density", ["estimate", "low", "high"]] == reconstructed).all()
    assert figures.loc["reciprocity", "estimate"] == pytest.approx(
        wijknet.reciprocity(a, treatment="reconstruct", assume_reciprocal=True))


def test_reconstruct_random_draws_where_nobody_reported():
    # c and d did not answer: c->d and d->c are both missing, so drawn at p; the rest from the partner's report
    a = survey([("a", "b", 1), ("a", "c", 1), ("a", "d", 0), ("b", "a", 1), ("b", "c", 0), ("b", "d", 1)],
               ["a", "b", "c", "d"])
    m = _impute.model(a, "reconstruct_random", True, {})
    ids = ["a", "b", "c", "d"]
    cells = {(ids[i], ids[j]): p for i, j, p in zip(m.cell_sources, m.cell_targets, m.chance)}
    p = 4 / 6
    assert cells == pytest.approx({("c", "a"): 1.0, ("c", "b"): 0.0, ("c", "d"): p,
                                   ("d", "a"): 0.0, ("d", "b"): 1.0, ("d", "c"): p})


def test_undirected_reconstruct_random_draws_only_unreported_pairs():
    a = with_response("karate")  # undirected; 5, 16 and 25 did not respond; 0 and 33 left some partners open
    m = _impute.model(a, "reconstruct_random", False, {})
    missing = wijknet.missing_dyads(a).to_numpy()
    ids = list(wijknet.missing_dyads(a).index)
    assert len(m.chance) == int(np.triu(missing, 1).sum())
    nots = {"5", "16", "25"}
    for i, j, chance in zip(m.cell_sources, m.cell_targets, m.chance):
        both = ids[i] in nots and ids[j] in nots
        assert chance == (pytest.approx(m.observed_density) if both else 0.0), (ids[i], ids[j])
    assert (m.chance > 0).sum() == 2  # the pairs among the three non-respondents but 5-16, a tie


def test_seeds_reproduce():
    a = with_response("roles_directed")
    first = wijknet.imputed_figures(a, method="preferential", imputations=30, seed=7)
    again = wijknet.imputed_figures(a, method="preferential", imputations=30, seed=7)
    pd.testing.assert_frame_equal(first, again)
    m = _impute.model(a, "random", False, {})
    ten, five = _impute.sample(m, 10, 11), _impute.sample(m, 5, 11)
    pd.testing.assert_frame_equal(ten.iloc[:5], five)
    assert not _impute.sample(m, 10, 12)["density"].equals(ten["density"])


def test_bad_arguments_name_what_is_right():
    a = hand_graph()
    with pytest.raises(wijknet.InvalidValueError, match="method must be 'random', 'preferential', "):
        wijknet.imputed_figures(a, method="hot-deck")
    with pytest.raises(wijknet.InvalidValueError, match="imputations must be a whole number of at least 1"):
        wijknet.imputed_figures(a, imputations=0)
    with pytest.raises(TypeError, match="needs the Alliance"):
        wijknet.imputed_figures(wijknet.Snapshot(a))


def test_donor_imputation_gives_takers_a_respondents_rate():
    a = hand_graph()
    m = _impute.model(a, "donor", False, {})
    # donors: a (1 tie of 3) and b (3 of 3); takers: c (left a open) and d (did not respond)
    assert sorted(m.donor_rates) == pytest.approx([1 / 3, 1.0])
    assert m.takers == 2
    k = 4000
    figures = _impute.sample(m, k, seed=5)
    # four cells, each at a rate that is 1/3 or 1 with equal chance: E = (5 + 4 * 2/3) / 12
    expected = (5 + 4 * 2 / 3) / 12
    se = figures["density"].std() / math.sqrt(k)
    assert abs(figures["density"].mean() - expected) < 4 * se
    # d's three cells share one rate, so d sends to all three or to none far more often than at a common p
    seen = set(figures["density"].round(6))
    assert seen <= {round(x / 12, 6) for x in range(5, 10)}


def test_donor_imputation_needs_a_donor():
    # everyone left something open: nobody to copy a rate from
    a = survey([("a", "b", 1), ("a", "c", None), ("b", "a", None), ("b", "c", 1), ("c", "a", 1), ("c", "b", None)],
               ["a", "b", "c"])
    with pytest.raises(wijknet.InvalidValueError, match="nobody on the list did"):
        wijknet.imputed_figures(a, method="donor")


def test_undirected_donor_pairs_take_the_unknown_ends():
    a = with_response("karate")  # 5, 16 and 25 did not respond; 0 and 33 left some partners open
    m = _impute.model(a, "donor", False, {})
    ids = list(wijknet.missing_dyads(a).index)
    takers = sorted(["5", "16", "25", "0", "33"], key=ids.index)  # in vertex order, as the model counts them
    assert m.takers == 5
    nots = {"5", "16", "25"}
    for i, j, x, y in zip(m.cell_sources, m.cell_targets, *m.cell_ends):
        pair, ends = {ids[i], ids[j]}, {takers[x], takers[y]}
        assert ends <= pair
        # a pair with a non-respondent takes its rate, two non-respondents both (no partial respondent left a
        # non-respondent open here, so the ends are the non-respondents of the pair, or else the partial one)
        assert ends == (pair & nots or ends)
    figures = wijknet.imputed_figures(a, method="donor", imputations=50, seed=2)
    assert figures.loc["density", "low"] >= figures.loc["density", "observed"]
