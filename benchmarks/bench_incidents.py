#!/usr/bin/env python3
"""Cost of the incident log: reading, writing and every analysis on a generated log (fixed seed).

    .venv/bin/python benchmarks/bench_incidents.py                      # 100,000 incidents, 500,000 steps
    .venv/bin/python benchmarks/bench_incidents.py --incidents 10000

The alliance is the bundled example (34 stakeholders, two waves). Each generated incident has
five steps: received by a resident initiative, lhbti+ organisation or welfare worker, passed on
twice along random stakeholders (about half along a referral tie on paper), acted on, and (for
80 %) closed; reports spread over 2021-10 to 2023-03, so both waves have incidents. Timed: adding
the log through from_pandas, writing and reading the CSV folder and JSON, and each analysis.
Times are wall-clock seconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

import pandas as pd

import wijknet


def generate(alliance: wijknet.Alliance, n: int, seed: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = random.Random(seed)
    ids = list(alliance.stakeholders().index)
    first = [s for s, roles in alliance.stakeholders()["roles"].items()
             if {"bewonersinitiatief", "lhbti_organisatie", "welzijnswerk"} & set(roles)]
    categories = [c["key"] for c in alliance.incident_categories]
    start = dt.datetime(2021, 10, 2)
    span = int((dt.datetime(2023, 3, 1) - start).total_seconds() // 60)
    incidents = {"id": [], "reported": [], "category": [], "neighbourhood": []}
    steps = {"incident": [], "stakeholder": [], "action": [], "to": [], "time": []}

    def step(i, who, action, to, t):
        steps["incident"].append(i), steps["stakeholder"].append(who), steps["action"].append(action)
        steps["to"].append(to), steps["time"].append(t.strftime("%Y-%m-%dT%H:%M"))

    for k in range(n):
        i = f"M{k:06d}"
        t = start + dt.timedelta(minutes=rng.randrange(span))
        incidents["id"].append(i), incidents["reported"].append(t.strftime("%Y-%m-%dT%H:%M"))
        incidents["category"].append(rng.choice(categories)), incidents["neighbourhood"].append("Vogelwijk-Oost")
        who = rng.choice(first)
        step(i, who, "ontvangen", "", t)
        for _ in range(2):
            to = rng.choice(ids)
            t += dt.timedelta(minutes=rng.randrange(30, 3000))
            step(i, who, "doorverwezen", to, t)
            who = to
        t += dt.timedelta(minutes=rng.randrange(30, 3000))
        step(i, who, "opgepakt", "", t)
        t += dt.timedelta(minutes=rng.randrange(30, 6000))
        if rng.random() < 0.8:
            step(i, who, "afgesloten", "", t)
        else:
            step(i, who, "geinformeerd", rng.choice(ids), t)
    return pd.DataFrame(incidents), pd.DataFrame(steps)


def timed(label: str, f):
    begin = time.perf_counter()
    out = f()
    print(f"  {label:<44} {time.perf_counter() - begin:8.2f} s", flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--incidents", type=int, default=100_000)
    args = parser.parse_args()
    base = wijknet.load_example()
    for sid in list(base.incidents(include_sensitive=True).index):
        base.remove_incident(sid)
    incidents, steps = timed("generate (pure Python, not wijknet)", lambda: generate(base, args.incidents))
    print(f"{len(incidents):,} incidents, {len(steps):,} steps")
    frames = wijknet.to_pandas(base, include_sensitive=True)
    a = timed("from_pandas (stakeholders, ties, incidents)", lambda: wijknet.from_pandas(
        frames["stakeholders"], frames["ties"], incidents=incidents, incident_steps=steps,
        sensitive=frames["stakeholders"].attrs["sensitive"]))
    a._assign(base)  # keep waves (dates) and relations of the example; add the generated log
    timed("add the log again (from_pandas into the example)", lambda: wijknet._io._add_incidents(a, incidents, steps))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "csv"
        timed("write CSV folder (include_sensitive)", lambda: wijknet.write(a, folder, include_sensitive=True))
        timed("read CSV folder", lambda: wijknet.read(folder))
        timed("write JSON (include_sensitive)", lambda: wijknet.write(a, Path(tmp) / "a.json", include_sensitive=True))
        timed("read JSON", lambda: wijknet.read(Path(tmp) / "a.json"))
    timed("incidents / incident_steps tables", lambda: (a.incidents(include_sensitive=True),
                                                        a.incident_steps(include_sensitive=True)))
    net = timed("handoff_network", lambda: wijknet.handoff_network(a))
    timed("betweenness of the handoff network", lambda: wijknet.betweenness(net, relations=["handoff"]))
    timed("handoffs", lambda: wijknet.handoffs(a))
    timed("paper_vs_practice", lambda: wijknet.paper_vs_practice(a))
    timed("incident_times", lambda: wijknet.incident_times(a))
    timed("incident_roles", lambda: wijknet.incident_roles(a))
    timed("incident_change T0 -> T1", lambda: wijknet.incident_change(a, "T0", "T1"))
    timed("report (HTML, with the incidents section)", lambda: wijknet.report(a, lang="nl"))


if __name__ == "__main__":
    main()
