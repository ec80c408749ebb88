#!/usr/bin/env python3
"""Cost of the alliance diagnostics on generated alliances (fixed seed).

    .venv/bin/python benchmarks/bench_diagnostics.py              # 500 and 10,000 stakeholders
    .venv/bin/python benchmarks/bench_diagnostics.py --sizes 500

The generated alliance has neighbourhood clusters of 25 stakeholders (about 4 collaboration ties
each inside the cluster, a few ties between clusters), roles in realistic shares (1 % wijkagent,
8 % welzijnswerk, 3 % lhbti_organisatie, 10 % bewonersinitiatief ...) and referral ties along
the chain bewonersinitiatief -> lhbti_organisatie -> welzijnswerk -> wijkagent. One wave.
Timed: key players (k = 5; fragmentation F, and reach within 2 ties) and tie suggestions (k = 5;
fragmentation after the key players are gone, and completing the referral chain), plus role
coverage and the chain itself. Times are wall-clock seconds with every core (--threads 0).
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

import wijknet

CHAIN = ["bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"]
SHARES = [("wijkagent", 0.01), ("welzijnswerk", 0.08), ("lhbti_organisatie", 0.03), ("bewonersinitiatief", 0.10),
          ("zelforganisatie", 0.10), ("sociale_partner", 0.10), ("gemeente", 0.03), ("kerngroep", 0.05)]


def pick_roles(n: int, rng: random.Random) -> list[str]:
    """A role per stakeholder in the shares of SHARES (the rest residents); the chain's roles first."""
    roles = []
    for i in range(n):
        x, role = rng.random(), "bewoner"
        for r, share in SHARES:
            if x < share:
                role = r
                break
            x -= share
        roles.append(role)
    for i, r in enumerate(CHAIN):  # every chain role at least once
        roles[i] = r
    return roles


def generate(n: int, seed: int = 2026) -> wijknet.Alliance:
    rng = random.Random(seed)
    roles = pick_roles(n, rng)
    cluster = 25
    ties = set()
    for i in range(n):
        c = i // cluster
        members = range(c * cluster, min(n, (c + 1) * cluster))
        for _ in range(2):
            j = rng.choice(members)
            if j != i:
                ties.add((min(i, j), max(i, j)))
        if rng.random() < 0.08:  # a tie to another cluster
            j = rng.randrange(n)
            if j != i:
                ties.add((min(i, j), max(i, j)))
    holders = {r: [i for i in range(n) if roles[i] == r] for r in CHAIN}
    referrals = set()
    for a, b in zip(CHAIN, CHAIN[1:]):
        for i in holders[a]:
            if rng.random() < 0.5:
                referrals.add((i, rng.choice(holders[b])))
    folder = Path(tempfile.mkdtemp())
    try:
        (folder / "waves.csv").write_text("key,label,date\nT0,T0,2024-01-01\n")
        with open(folder / "stakeholders.csv", "w") as f:
            f.write("id,name,kind,role,waves\n")
            f.writelines(f"s{i},s{i},organisation,{roles[i]},\n" for i in range(n))
        with open(folder / "ties.csv", "w") as f:
            f.write("source,target,relation,wave,weight\n")
            f.writelines(f"s{u},s{v},collaboration,T0,1\n" for u, v in sorted(ties))
            f.writelines(f"s{u},s{v},referral,T0,1\n" for u, v in sorted(referrals))
        return wijknet.read_csv_folder(folder)
    finally:
        shutil.rmtree(folder)


def timed(label, f):
    start = time.perf_counter()
    result = f()
    seconds = time.perf_counter() - start
    print(f"  {label:<58} {seconds:8.3f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 10_000])
    args = parser.parse_args()
    for n in args.sizes:
        a = timed(f"generate and read {n} stakeholders", lambda: generate(n))
        print(f"{n} stakeholders, {a.num_ties} ties")
        collab = {"relations": ["collaboration"], "waves": ["T0"]}
        timed("role_coverage (samen_in_de_wijk, T0)", lambda: wijknet.role_coverage(a, wave="T0"))
        timed("chain_routes (referral, T0)", lambda: wijknet.chain_routes(a, CHAIN, relation="referral", wave="T0"))
        timed("fragmentation F and DF", lambda: wijknet.fragmentation(a, **collab))
        kp = timed("key_players k=5, fragmentation (KPP-Neg)", lambda: wijknet.key_players(a, k=5, **collab))
        print(f"    players {kp.players}, F {kp.before:.4f} -> {kp.score:.4f}")
        pos = timed("key_players k=5, reach within 2 ties (KPP-Pos)",
                    lambda: wijknet.key_players(a, k=5, objective="reach", max_distance=2, **collab))
        print(f"    players {pos.players}, reach {pos.score:.4f}")
        s = timed("suggest_ties k=5, fragmentation without the key players",
                  lambda: wijknet.suggest_ties(a, k=5, removed=kp.players, wave="T0", relations="collaboration"))
        print(f"    F {s['before'].iloc[0]:.4f} -> {s['after'].iloc[-1]:.4f} with {len(s)} ties")
        c = timed("suggest_ties k=5, complete the referral chain",
                  lambda: wijknet.suggest_ties(a, k=5, chain=CHAIN, relation="referral", wave="T0"))
        print(f"    starts with a route {c['before'].iloc[0]:.0f} -> {c['after'].iloc[-1]:.0f}" if len(c) else
              "    nothing to add")


if __name__ == "__main__":
    main()
