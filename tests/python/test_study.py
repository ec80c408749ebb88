"""Study (many alliances), pickling, and the same results on a Dask LocalCluster.

The cluster runs two in-process workers (processes=False): process workers take several seconds
each to start on the 2-core test machine; pickling itself is tested by the round trips below,
and benchmarks/bench_permutation.py --study runs process workers."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest

import wijknet


@pytest.fixture(scope="module")
def study():
    base = wijknet.load_example()
    other = wijknet.without(base, ["opbouwwerker_grutto"])
    third = wijknet.without(base, ["coc_rivierstad"])
    fourth = base.copy()
    return wijknet.Study({
        "oost": (base, {"municipality": "Rivierstad", "neighbourhood": "Oost", "method": "samen_in_de_wijk"}),
        "west": (other, {"municipality": "Rivierstad", "neighbourhood": "West", "method": "alle_kleuren"}),
        "noord": (third, {"municipality": "Beekdorp", "neighbourhood": "Noord", "method": "alle_kleuren"}),
        "zuid": (fourth, {"municipality": "Beekdorp", "neighbourhood": "Zuid", "method": "samen_in_de_wijk"}),
    })


def test_alliance_and_snapshot_pickle(example):
    again = pickle.loads(pickle.dumps(example))
    assert again.stakeholders(include_sensitive=True).equals(example.stakeholders(include_sensitive=True))
    assert again.ties(include_sensitive=True).equals(example.ties(include_sensitive=True))
    assert [w["key"] for w in again.waves] == [w["key"] for w in example.waves]
    s = wijknet.Snapshot(example, relations=["referral"], waves=["T1"])
    t = pickle.loads(pickle.dumps(s))
    assert list(t.ids) == list(s.ids) and t.directed == s.directed and t.edges() == s.edges()
    assert wijknet.betweenness(t).equals(wijknet.betweenness(s))


def test_tidy_tables(study):
    dens = study.apply(wijknet.density, waves=["T1"])
    assert list(dens.index) == ["oost", "west", "noord", "zuid"] and dens["oost"] == dens["zuid"]
    deg = study.table(wijknet.degree, waves=["T1"])
    assert {"alliance", "stakeholder", "method", "municipality"} <= set(deg.columns)
    assert len(deg) == sum(len(wijknet.degree(a, waves=["T1"])) for a in study.alliances.values())
    side = study.compare(wijknet.density, by="method", waves=["T0", "T1"])
    assert side.loc["samen_in_de_wijk", ("count", "T1")] == 2


def test_pooled_test_exact_by_hand(study):
    values = pd.Series({"oost": 1.0, "zuid": 1.2, "west": 3.0, "noord": 3.1}, name="score")
    r = study.pooled_test(values, by="method", reps=2000, seed=3)
    # groups sorted: alle_kleuren (west, noord: mean 3.05) minus samen_in_de_wijk (1.1) = 1.95;
    # there are C(4, 2) = 6 ways to split 4 alliances 2 + 2, all enumerated (6 <= reps); the
    # observed split and its mirror give |difference| = 1.95, the other four |d| <= 0.15 -> p = 2/6
    assert r.exact and r.reps == 6 and r.groups == ["alle_kleuren", "samen_in_de_wijk"]
    assert r.difference == pytest.approx(1.95) and r.p_value == pytest.approx(1 / 3, abs=1e-12)
    assert list(r.means) == [pytest.approx(3.05), pytest.approx(1.1)] and list(r.sizes) == [2, 2]
    assert "Mean score: 3.050 in Alle Kleuren (2 alliances) and 1.100 in Samen in de Wijk (2)" in r.explanation
    assert "cannot show a difference" in r.explanation  # the smallest possible p is 2/6
    nl = study.pooled_test(values, by="method", lang="nl")
    assert nl.explanation.startswith("Gemiddelde score: 3,050 bij Alle Kleuren (2 allianties)")
    assert r.to_frame().loc["score", "p_value"] == r.p_value


def ten_alliances(example, values):
    return wijknet.Study({f"a{i}": (example, {"method": "alle_kleuren" if i < len(values) // 2 else "samen_in_de_wijk"})
                          for i in range(len(values))}), pd.Series(values, index=[f"a{i}" for i in range(len(values))])


def test_pooled_test_against_scipy(example):
    # scipy.stats.permutation_test, exact (every split of 5 + 5 = 252), difference of means; with
    # equal groups the null distribution is symmetric, so scipy's two-sided p (twice the smaller
    # one-sided p) equals the share of splits with |d*| >= |d|.
    stats = pytest.importorskip("scipy.stats")
    x = [0.31, 0.42, 0.28, 0.51, 0.47, 0.22, 0.30, 0.19, 0.35, 0.26]
    st, values = ten_alliances(example, x)
    ours = st.pooled_test(values, reps=1000)
    theirs = stats.permutation_test((x[:5], x[5:]), lambda a, b, axis: np.mean(a, axis=axis) - np.mean(b, axis=axis),
                                    permutation_type="independent", n_resamples=np.inf, alternative="two-sided")
    assert ours.exact and ours.reps == 252
    assert ours.difference == pytest.approx(theirs.statistic, abs=1e-12)
    assert ours.p_value == pytest.approx(theirs.pvalue, abs=1e-12)
    # Sampled (fewer draws than splits): within Monte-Carlo error of the exact p (4 sd).
    sampled = st.pooled_test(values, reps=200, seed=5)
    p = theirs.pvalue
    assert not sampled.exact and abs(sampled.p_value - p) <= 4 * np.sqrt(p * (1 - p) / 200) + 1 / 201


def test_pooled_test_bad_input(study):
    with pytest.raises(wijknet.UnknownIdError, match="no label 'wijk'; it has municipality, neighbourhood, method"):
        study.pooled_test(pd.Series({"oost": 1.0}), by="wijk")
    with pytest.raises(wijknet.UnknownIdError, match=r"not in the study: \['elders'\]"):
        study.pooled_test(pd.Series({"oost": 1.0, "elders": 2.0}))
    with pytest.raises(wijknet.InvalidValueError, match="two groups in 'municipality', got \\['Rivierstad'\\]"):
        study.pooled_test(pd.Series({"oost": 1.0, "west": 2.0}), by="municipality")
    with pytest.raises(TypeError, match="did you mean 'reps'"):
        study.pooled_test(pd.Series({"oost": 1.0}), repz=10)


def test_statistics_and_changes_by_hand(small):
    # small (conftest): T0 has agent, welzijn, coc (buurt joins in T1) and three tie rows:
    # agent -- welzijn (collaboration), coc -> welzijn and welzijn -> agent (referral); T1 has no tie.
    st = wijknet.Study({"klein": (small, {"method": "samen_in_de_wijk"})})
    c = st.changes(template=None)
    row = c.loc["klein"]
    # before 3, after 0: gained 0, lost 3, kept 0, Jaccard 0 / (0 + 0 + 3) = 0; buurt joined, nobody left
    assert [row[k] for k in ("ties_before", "ties_after", "gained", "lost", "kept", "joined", "left")] == [3, 0, 0, 3, 0, 1, 0]
    assert row["jaccard"] == 0
    s = st.statistics(template="samen_in_de_wijk")
    assert s.loc[("klein", "T0"), "stakeholders"] == 3 and s.loc[("klein", "T1"), "stakeholders"] == 4
    # T0 as one graph: agent, welzijn, coc tied in two pairs -> one component; T1: no ties, 4 components
    assert s.loc[("klein", "T0"), "components"] == 1 and s.loc[("klein", "T1"), "components"] == 4
    # samen_in_de_wijk requires 7 roles; small holds wijkagent, welzijnswerk, lhbti_organisatie and
    # zelforganisatie (coc) in T0, plus bewonersinitiatief (buurt) in T1
    assert s.loc[("klein", "T0"), ["required_roles", "required_held"]].tolist() == [7, 4]
    assert s.loc[("klein", "T1"), "required_held"] == 5
    assert not s["chain_works"].any()  # no bewonersinitiatief in T0, no ties in T1


def test_statistics_equal_the_single_alliance_functions(study, example):
    s = study.statistics()
    c = wijknet.compare_waves(example, "T0", "T1")
    for wave, column in (("T0", "before"), ("T1", "after")):
        for measure in ("stakeholders", "ties", "density", "transitivity", "components"):
            assert s.loc[("oost", wave), measure] == pytest.approx(c.measures.at[measure, column])
    cov = wijknet.role_coverage(example, "alle_kleuren", wave="T1")  # west is labelled alle_kleuren
    required = cov[cov["level"] == "required"]
    assert s.loc[("west", "T1"), "template"] == "alle_kleuren"
    assert s.loc[("oost", "T1"), "template"] == "samen_in_de_wijk"
    assert s.loc[("noord", "T1"), "required_roles"] == len(required)
    assert list(s.columns[:3]) == ["municipality", "neighbourhood", "method"]


def test_tests_over_a_study_make_one_tidy_table(study):
    def fit(alliance):
        return wijknet.netlm(wijknet.relation_matrix(alliance, "referral", wave="T1"),
                             {"earlier": wijknet.relation_matrix(alliance, "referral", wave="T0")}, reps=50, seed=1)

    table = study.apply(fit)
    assert table.index.names == ["alliance", "term"] and len(table) == 8
    alone = fit(study.alliances["west"]).coefficients
    assert table.loc["west"].equals(alone)
    q = study.table(lambda a: wijknet.qap_test(wijknet.relation_matrix(a, "referral", wave="T1"),
                                               wijknet.relation_matrix(a, "referral", wave="T0"), reps=50, seed=1))
    assert {"alliance", "statistic", "p_greater", "method"} <= set(q.columns) and len(q) == 4


def test_study_pickles_and_reads_a_folder(study, tmp_path):
    again = pickle.loads(pickle.dumps(study))
    assert again.labels.equals(study.labels) and list(again.alliances) == list(study.alliances)
    for name in ("oost", "west"):
        wijknet.write(study.alliances[name], str(tmp_path / f"{name}.json"))
    (tmp_path / "labels.csv").write_text("alliance,municipality,method\noost,Rivierstad,samen_in_de_wijk\n"
                                         "west,Rivierstad,alle_kleuren\n")
    st = wijknet.Study.from_folder(tmp_path)
    assert st.labels.loc["west", "method"] == "alle_kleuren"
    assert st.statistics().loc[("oost", "T1"), "ties"] == study.statistics().loc[("oost", "T1"), "ties"]
    (tmp_path / "labels.csv").write_text("alliance,method\noost,x\nzuid,y\n")
    with pytest.raises(wijknet.ParseError, match=r"labels.csv: line 3: alliance 'zuid' is not in the folder; it "
                                                 r"holds oost, west"):
        wijknet.Study.from_folder(tmp_path)
    (tmp_path / "labels.csv").write_text("naam,method\noost,x\n")
    with pytest.raises(wijknet.ParseError, match="line 1: no column 'alliance'"):
        wijknet.Study.from_folder(tmp_path)
    with pytest.raises(FileNotFoundError):
        wijknet.Study.from_folder(tmp_path / "nowhere")


def test_progress_bar_and_missing_tqdm(study, example, monkeypatch, capsys):
    pytest.importorskip("tqdm")
    assert study.apply(wijknet.density, waves=["T1"], progress=True).equals(study.apply(wijknet.density, waves=["T1"]))
    y = wijknet.relation_matrix(example, "referral", wave="T1")
    x = wijknet.relation_matrix(example, "referral", wave="T0")
    with_bar = wijknet.qap_test(y, x, reps=600, seed=4, progress=True)
    assert np.array_equal(with_bar.distribution, wijknet.qap_test(y, x, reps=600, seed=4).distribution)
    assert "600/600" in capsys.readouterr().err
    monkeypatch.setitem(__import__("sys").modules, "tqdm.auto", None)
    with pytest.raises(ModuleNotFoundError, match="progress=True needs tqdm"):
        wijknet.qap_test(y, x, reps=10, seed=4, progress=True)


def test_ctrl_c_stops_a_permutation_test():
    import os
    import signal
    import threading

    rng = np.random.default_rng(0)
    y = rng.normal(size=(300, 300))
    x = [(rng.random((300, 300)) < 0.1).astype(float) for _ in range(3)]
    timer = threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            wijknet.netlm(y, x, reps=20000, seed=1, threads=1)  # minutes of work; stops within a batch
    finally:
        timer.cancel()


def test_dask_gives_the_same_results(study, example):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as c, \
            distributed.Client(c) as client:
        assert study.apply(wijknet.density, waves=["T1"], client=client).equals(
            study.apply(wijknet.density, waves=["T1"]))
        y = wijknet.relation_matrix(example, "referral", wave="T1")
        x = [wijknet.relation_matrix(example, "referral", wave="T0"), wijknet.same_role(example)]
        local = wijknet.netlm(y, x, reps=600, seed=9)
        remote = wijknet.netlm(y, x, reps=600, seed=9, client=client)
        assert np.array_equal(local.distribution, remote.distribution)
        q1 = wijknet.qap_test(y, x[0], reps=300, seed=2)
        q2 = wijknet.qap_test(y, x[0], reps=300, seed=2, client=client)
        assert np.array_equal(q1.distribution, q2.distribution)
        # Per-alliance work and the pooled test's batches of label permutations as Dask tasks:
        # 16 alliances split 8 + 8 in 12,870 ways, so 5,000 labellings are drawn, in 3 batches.
        many, values = ten_alliances(example, list(np.linspace(0, 1, 16) ** 2))
        here = many.pooled_test(values, reps=5000, seed=8)
        there = many.pooled_test(values, reps=5000, seed=8, client=client)
        assert not here.exact and np.array_equal(here.distribution, there.distribution)
        assert here.p_value == there.p_value
        assert study.pooled_test(wijknet.density, client=client, waves=["T1"]).p_value == \
            study.pooled_test(wijknet.density, waves=["T1"]).p_value
        # The report runs statistics, changes and pooled tests on the client: the same file.
        assert study.report(lang="nl", client=client).html == study.report(lang="nl").html


@pytest.mark.parametrize("module", ["_study", "_tests", "_report_study"])
def test_docstring_examples_run(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"wijknet.{module}"), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_progress_is_a_widget_in_a_notebook(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipywidgets")
    from test_notebook import kernel as make_kernel

    name = make_kernel.__wrapped__(tmp_path, monkeypatch)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import wijknet\n"
        "a = wijknet.load_example()\n"
        "y = wijknet.relation_matrix(a, 'referral', wave='T1')\n"
        "x = wijknet.relation_matrix(a, 'referral', wave='T0')\n"
        "r = wijknet.netlm(y, x, reps=600, seed=1, progress=True)\n"
        "st = wijknet.Study({'oost': a, 'west': a.copy()})\n"
        "d = st.apply(wijknet.density, waves=['T1'], progress=True)\n"
        "print(r.reps, len(d))")])
    nbclient.NotebookClient(nb, kernel_name=name, timeout=120).execute()
    outputs = nb.cells[0].outputs
    widgets = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(widgets) == 2                                   # one bar per call, drawn as a widget
    assert not [o for o in outputs if o.output_type == "error" or o.get("name") == "stderr"]  # no warning
    assert "600 2" in "".join(o.get("text", "") for o in outputs)
