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


def test_pooled_test(study):
    values = pd.Series({"oost": 1.0, "zuid": 1.2, "west": 3.0, "noord": 3.1})
    r = study.pooled_test(values, by="method", reps=2000, seed=3)
    # groups sorted: alle_kleuren (west, noord: mean 3.05) minus samen_in_de_wijk (1.1) = 1.95;
    # of the 6 ways to split 4 alliances 2 + 2, two give |difference| >= 1.95 -> p about 1/3
    assert r["difference"] == pytest.approx(1.95)
    assert r["p_value"] == pytest.approx(1 / 3, abs=0.04)


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
