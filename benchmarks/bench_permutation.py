#!/usr/bin/env python3
"""Permutation tests, wijknet against R sna (when Rscript with sna is installed).

    .venv/bin/python benchmarks/bench_permutation.py                 # n = 500, 1,000 permutations
    .venv/bin/python benchmarks/bench_permutation.py --n 200 --reps 200 --r-reps 20
    .venv/bin/python benchmarks/bench_permutation.py --study 100     # plus a 100-alliance study on Dask
    .venv/bin/python benchmarks/bench_permutation.py --only-study    # the study alone

Timed (wall clock, fixed seed, the same matrices for both):
  1. QAP test of gcor between two 500 x 500 networks (density 5 %, the second correlated with the
     first), 1,000 permutations: wijknet.qap_test vs sna::qaptest(list(a, b), gcor, g1 = 1, g2 = 2);
  2. netlm with three predictors (a binary network, a same-group matrix, |attribute difference|)
     and the default null hypothesis qapspp, 1,000 permutations: wijknet.netlm vs sna::netlm.
sna is slow at this size, so R runs --r-reps permutations (default 50) and its time is scaled to
--reps (time per permutation is constant); the R side is single-threaded, wijknet uses every core
(--threads) and also reports one thread. The matrices go to R as a CSV file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np

import wijknet

R_SCRIPT = r"""
suppressPackageStartupMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; reps <- as.integer(args[2])
rd <- function(f) as.matrix(read.csv(file.path(dir, f), header = FALSE))
y <- rd("y.csv"); a <- rd("a.csv"); b <- rd("b.csv"); s <- rd("s.csv"); d <- rd("d.csv")
set.seed(1)
t0 <- proc.time()[["elapsed"]]
q <- qaptest(list(a, b), gcor, g1 = 1, g2 = 2, reps = reps)
t1 <- proc.time()[["elapsed"]]
x <- array(dim = c(3, nrow(y), nrow(y))); x[1, , ] <- a; x[2, , ] <- s; x[3, , ] <- d
f <- netlm(y, x, nullhyp = "qapspp", reps = reps)
t2 <- proc.time()[["elapsed"]]
cat(sprintf("%.6f %.6f %.10f %.10f\n", t1 - t0, t2 - t1, q$testval, f$coefficients[2]))
"""


def data(n: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    a = (rng.random((n, n)) < 0.05).astype(float)
    np.fill_diagonal(a, 0)
    b = np.where(rng.random((n, n)) < 0.7, a, (rng.random((n, n)) < 0.05)).astype(float)
    np.fill_diagonal(b, 0)
    group = rng.integers(0, 5, n)
    s = (group[:, None] == group[None, :]).astype(float)
    x = rng.normal(size=n)
    d = np.abs(x[:, None] - x[None, :])
    y = 0.5 * a + 0.2 * s - 0.1 * d + rng.normal(size=(n, n))
    np.fill_diagonal(y, 0)
    return y, a, b, s, d


def timed(f):
    t = time.perf_counter()
    out = f()
    return time.perf_counter() - t, out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=500)
    p.add_argument("--reps", type=int, default=1000)
    p.add_argument("--r-reps", type=int, default=50)
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--study", type=int, default=0, help="also time a study of this many alliances on Dask")
    p.add_argument("--only-study", action="store_true", help="skip the two tests, time the study only")
    args = p.parse_args()
    if args.only_study:
        study(args.study or 100)
        return
    y, a, b, s, d = data(args.n)
    print(f"n = {args.n} stakeholders, {args.reps} permutations, {os.cpu_count()} cores")
    rows = []
    for threads, label in ((args.threads, "all cores"), (1, "1 thread")):
        tq, q = timed(lambda: wijknet.qap_test(a, b, reps=args.reps, seed=1, mode="digraph", threads=threads))
        tl, f = timed(lambda: wijknet.netlm(y, [a, s, d], mode="digraph", reps=args.reps, seed=1, threads=threads))
        rows.append((label, tq, tl))
        print(f"wijknet ({label}): qap_test gcor {tq:.2f} s, netlm qapspp {tl:.2f} s")
    if _has_sna():
        with tempfile.TemporaryDirectory() as tmp:
            for name, m in zip("yabsd", (y, a, b, s, d)):
                np.savetxt(Path(tmp) / f"{name}.csv", m, delimiter=",", fmt="%.17g")
            script = Path(tmp) / "bench.R"
            script.write_text(R_SCRIPT)
            out = subprocess.run(["Rscript", str(script), tmp, str(args.r_reps)], capture_output=True, text=True,
                                 check=True).stdout.split()
        rq, rl = float(out[0]) * args.reps / args.r_reps, float(out[1]) * args.reps / args.r_reps
        assert abs(float(out[2]) - q.statistic) < 1e-9, "gcor differs from sna"
        assert abs(float(out[3]) - f.coefficients["estimate"].iloc[1]) < 1e-9, "netlm differs from sna"
        print(f"R sna (1 thread, {args.r_reps} permutations scaled to {args.reps}): qaptest {rq:.1f} s, "
              f"netlm {rl:.1f} s")
        for label, tq, tl in rows:
            print(f"speed-up ({label}): qap_test {rq / tq:.0f}x, netlm {rl / tl:.0f}x")
    else:
        print("Rscript with sna not found: no comparison")
    if args.study:
        study(args.study)


def study(count: int) -> None:
    from dask.distributed import Client, LocalCluster

    rng = np.random.default_rng(3)
    alliances = []
    for k in range(count):
        al = wijknet.Alliance()
        al.add_wave("T0")
        al.add_wave("T1")
        ids = [f"s{i}" for i in range(200)]
        for i in ids:
            al.add_stakeholder(i, roles=[str(rng.choice(["wijkagent", "welzijnswerk", "bewonersinitiatief",
                                                         "lhbti_organisatie", "zelforganisatie"]))])
        for w in ("T0", "T1"):
            for _ in range(600):
                u, v = rng.choice(200, 2, replace=False)
                try:
                    al.add_tie(ids[u], ids[v], "referral", w)
                except wijknet.WijknetError:
                    pass
        alliances.append((al, {"municipality": f"m{k % 8}", "neighbourhood": f"n{k}",
                               "method": "samen_in_de_wijk" if k % 2 else "alle_kleuren"}))
    st = wijknet.Study(alliances)

    def work(al):
        return wijknet.netlm(wijknet.relation_matrix(al, "referral", wave="T1"),
                             [wijknet.relation_matrix(al, "referral", wave="T0"), wijknet.same_role(al)],
                             reps=100, seed=1, threads=1).coefficients["estimate"].iloc[1]

    t_local, local = timed(lambda: st.apply(work))
    t_stats, stats = timed(lambda: st.statistics(waves=["T0", "T1"]))
    t_pool, pooled = timed(lambda: st.pooled_test(local.rename("coefficient"), reps=100000, seed=1))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster, Client(cluster) as client:
        t_dask, remote = timed(lambda: st.apply(work, client=client))
        t_dstats, dstats = timed(lambda: st.statistics(waves=["T0", "T1"], client=client))
        t_dpool, dpooled = timed(lambda: st.pooled_test(remote.rename("coefficient"), reps=100000, seed=1,
                                                        client=client))
    assert local.equals(remote) and stats.equals(dstats)
    assert np.array_equal(pooled.distribution, dpooled.distribution)
    print(f"study of {count} alliances x 200 stakeholders, local (1 thread) vs LocalCluster (2 process workers), "
          "identical results:")
    print(f"  netlm per alliance (2 predictors, 100 permutations each): local {t_local:.1f} s, Dask {t_dask:.1f} s")
    print(f"  Study.statistics (T0, T1): local {t_stats:.1f} s, Dask {t_dstats:.1f} s")
    print(f"  pooled test of the coefficient by method (100,000 labellings): local {t_pool:.1f} s, "
          f"Dask {t_dpool:.1f} s, p = {pooled.p_value:.4f}")
    if _has_sna():
        al = alliances[0][0]
        with tempfile.TemporaryDirectory() as tmp:
            for name, m in (("y", wijknet.relation_matrix(al, "referral", wave="T1")),
                            ("a", wijknet.relation_matrix(al, "referral", wave="T0")), ("s", wijknet.same_role(al))):
                np.savetxt(Path(tmp) / f"{name}.csv", m.to_numpy(), delimiter=",", fmt="%.17g")
            script = Path(tmp) / "study.R"
            script.write_text(R_STUDY)
            reps = 10
            out = subprocess.run(["Rscript", str(script), tmp, str(reps)], capture_output=True, text=True,
                                 check=True).stdout.split()
        assert abs(float(out[1]) - local.iloc[0]) < 1e-9, "netlm differs from sna"
        r_total = float(out[0]) * 100 / reps * count
        print(f"  R sna netlm (1 thread; one alliance, {reps} permutations, scaled to 100 x {count} alliances): "
              f"{r_total:.0f} s; speed-up {r_total / t_local:.0f}x local, {r_total / t_dask:.0f}x Dask")


def _has_sna() -> bool:
    return bool(shutil.which("Rscript")) and subprocess.run(["Rscript", "-e", "library(sna)"],
                                                             capture_output=True).returncode == 0


R_STUDY = r"""
suppressPackageStartupMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; reps <- as.integer(args[2])
rd <- function(f) as.matrix(read.csv(file.path(dir, f), header = FALSE))
y <- rd("y.csv"); a <- rd("a.csv"); s <- rd("s.csv")
x <- array(dim = c(2, nrow(y), nrow(y))); x[1, , ] <- a; x[2, , ] <- s
set.seed(1)
t0 <- proc.time()[["elapsed"]]
f <- netlm(y, x, nullhyp = "qapspp", reps = reps)
cat(sprintf("%.6f %.10f\n", proc.time()[["elapsed"]] - t0, f$coefficients[2]))
"""


if __name__ == "__main__":
    main()
