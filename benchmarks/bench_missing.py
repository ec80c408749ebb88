#!/usr/bin/env python3
"""Missing respondents: how wrong each treatment of the missing tie cells makes the whole-network figures.

    .venv/bin/python benchmarks/bench_missing.py                     # 100 networks per setting, 20 imputations
    .venv/bin/python benchmarks/bench_missing.py --reps 20 --imputations 10 --reciprocity 0.5
    .venv/bin/python benchmarks/bench_missing.py --speed-only        # the 2,000-stakeholder timing alone

Per replication: a complete alliance of 50-200 stakeholders (uniform) with one directed relation, grown by
preferential attachment (each newcomer sends Poisson(--ties) ties to earlier stakeholders, chosen in proportion to
their in-degree + 1, and each tie is returned with chance --reciprocity), so it has hubs, some isolates and
reciprocal ties. Then 10, 20, 30 or 40 % of the stakeholders do not respond, chosen at random or in proportion to
their degree (in + out + 1): their outgoing reports become missing (respondent_T0 = "not"), their incoming ties
stay (others reported them). Each treatment estimates the complete network's density, degree centralisation and
fragmentation:

- observed: missing counted as no tie;
- available: density of the known cells (density only);
- reconstruct: i -> j from j -> i (assume_reciprocal=True; fragmentation with ties read either way is unchanged);
- impute random / preferential / reconstruct_random / donor: the mean over --imputations imputations.

Printed per mechanism, share and treatment: bias (mean estimate - truth) and RMSE over the replications, and for the
imputations the coverage of the density's 2.5-97.5 % interval (share of replications whose interval holds the true
density). Last, the time of 100 imputations of every whole-network figure on a 2,000-stakeholder alliance.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np
import pandas as pd

import wijknet
from wijknet import _impute, _measures, _missing

SHARES = (0.1, 0.2, 0.3, 0.4)
MECHANISMS = ("random", "degree")
METHODS = ("random", "preferential", "reconstruct_random", "donor")
FIGURES = ("density", "centralization", "fragmentation")


def complete_network(n: int, ties: float, reciprocity: float, rng: np.random.Generator):
    """Sources and targets of a directed preferential-attachment network with returned ties (no self-ties, no
    duplicates)."""
    indegree = np.zeros(n)
    pairs: set[tuple[int, int]] = set()
    for i in range(1, n):
        k = min(int(rng.poisson(ties)), i)
        if k == 0:
            continue
        weight = indegree[:i] + 1
        for j in rng.choice(i, size=k, replace=False, p=weight / weight.sum()):
            pairs.add((i, int(j)))
            indegree[j] += 1
            if rng.random() < reciprocity:
                pairs.add((int(j), i))
                indegree[i] += 1
    edges = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    return edges[:, 0], edges[:, 1]


def survey_alliance(n: int, sources, targets, silent: np.ndarray) -> wijknet.Alliance:
    """The alliance as the survey readers would leave it: a tie only when its sender responded; the
    non-respondents marked respondent_T0 = "not" with every report missing."""
    a = wijknet.Alliance()
    a.add_wave("T0")
    a.add_relation("contact", directed=True)
    for i in range(n):
        if silent[i]:
            a.add_stakeholder(f"s{i}", attributes={"respondent_T0": "not",
                                                   "missing_T0": json.dumps({"contact": "all"})})
        else:
            a.add_stakeholder(f"s{i}", attributes={"respondent_T0": "responded"})
    for s, t in zip(sources, targets):
        if not silent[s]:
            a.add_tie(f"s{s}", f"s{t}", "contact", "T0", 1.0)
    return a


def silent_set(n: int, share: float, mechanism: str, sources, targets, rng) -> np.ndarray:
    degree = np.bincount(sources, minlength=n) + np.bincount(targets, minlength=n) + 1.0
    p = None if mechanism == "random" else degree / degree.sum()
    silent = np.zeros(n, dtype=bool)
    silent[rng.choice(n, size=round(share * n), replace=False, p=p)] = True
    return silent


def estimates(a: wijknet.Alliance, imputations: int, seed: int) -> dict[str, dict[str, float]]:
    """treatment -> figure -> estimate; for the imputations also density_low / density_high."""
    out = {"observed": {"density": wijknet.density(a), "centralization": wijknet.centralization(a),
                        "fragmentation": wijknet.fragmentation(a)["fragmentation"]},
           "available": {"density": wijknet.density(a, treatment="available")}}
    rebuilt = _missing.treated_snapshot(a, "reconstruct", True, {}, "bench", _measures._snapshot)
    out["reconstruct"] = {"density": rebuilt.density(), "centralization": wijknet.centralization(rebuilt),
                          "fragmentation": wijknet.fragmentation(rebuilt)["fragmentation"]}
    for method in METHODS:
        f = wijknet.imputed_figures(a, method=method, imputations=imputations, seed=seed, assume_reciprocal=True)
        out[f"impute {method}"] = {**{x: f.loc[x, "estimate"] for x in FIGURES},
                                   "density_low": f.loc["density", "low"], "density_high": f.loc["density", "high"]}
    return out


def simulate(reps: int, imputations: int, ties: float, reciprocity: float, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for rep in range(reps):
        n = int(rng.integers(50, 201))
        sources, targets = complete_network(n, ties, reciprocity, rng)
        truth = _impute.whole_network(n, sources, targets, True)
        for mechanism in MECHANISMS:
            for share in SHARES:
                silent = silent_set(n, share, mechanism, sources, targets, rng)
                a = survey_alliance(n, sources, targets, silent)
                for treatment, values in estimates(a, imputations, seed + rep).items():
                    row = {"mechanism": mechanism, "share": share, "treatment": treatment}
                    for x in FIGURES:
                        if x in values:
                            row[f"{x}_error"] = values[x] - truth[x]
                    if "density_low" in values:
                        row["covered"] = float(values["density_low"] <= truth["density"] <= values["density_high"])
                    rows.append(row)
    return pd.DataFrame(rows)


def table(errors: pd.DataFrame) -> pd.DataFrame:
    keys = ["mechanism", "share", "treatment"]
    grouped = errors.groupby(keys, sort=False)
    out = pd.DataFrame(index=grouped.size().index)
    for x in FIGURES:
        column = f"{x}_error"
        out[f"{x} bias"] = grouped[column].mean()
        out[f"{x} RMSE"] = grouped[column].apply(lambda e: float(np.sqrt(np.mean(e ** 2))) if e.notna().any()
                                                 else np.nan)
    out["density coverage"] = grouped["covered"].mean()
    return out


def speed(n: int, imputations: int, share: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    sources, targets = complete_network(n, 2.0, 0.5, rng)
    silent = silent_set(n, share, "random", sources, targets, rng)
    a = survey_alliance(n, sources, targets, silent)
    for method in METHODS:
        start = time.perf_counter()
        wijknet.imputed_figures(a, method=method, imputations=imputations, seed=seed, assume_reciprocal=True)
        print(f"{imputations} imputations, {n} stakeholders ({len(sources)} ties, {share:.0%} silent), "
              f"method {method}: {time.perf_counter() - start:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=100, help="networks per mechanism and share")
    parser.add_argument("--imputations", type=int, default=20)
    parser.add_argument("--ties", type=float, default=2.0, help="mean ties a newcomer sends")
    parser.add_argument("--reciprocity", type=float, default=0.7, help="chance that a tie is returned")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--speed-n", type=int, default=2000)
    parser.add_argument("--speed-only", action="store_true")
    args = parser.parse_args()
    if not args.speed_only:
        start = time.perf_counter()
        errors = simulate(args.reps, args.imputations, args.ties, args.reciprocity, args.seed)
        with pd.option_context("display.width", 200, "display.max_columns", 20, "display.max_rows", 200):
            print(table(errors).round(4))
        print(f"{args.reps} networks per setting, {args.imputations} imputations, reciprocity {args.reciprocity}, "
              f"{time.perf_counter() - start:.0f} s")
    speed(args.speed_n, 100, 0.3, args.seed)


if __name__ == "__main__":
    main()
