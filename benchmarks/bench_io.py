"""Reading a 1,000,000-tie alliance from CSV: wijknet against pandas + networkx and pandas + igraph.

    .venv/bin/python benchmarks/bench_io.py [--ties 1000000] [--stakeholders 50000] [--repeat 3]

Generates (fixed seed) a node list (stakeholders.csv: id, name, kind, role, sector, years) and an
edge list (ties.csv: source, target, relation, wave, weight, unique per source/target/relation/
wave) in a temporary folder, then runs every contender in a fresh Python process and reports its
best wall time and its peak resident memory (ru_maxrss of that process: it includes C++
allocations, which tracemalloc would miss, and the interpreter with its imports).

Contenders build the same thing: every stakeholder with its attributes and every tie with relation,
wave and weight.
- wijknet:   wijknet.read_csv_folder(folder)
- networkx:  pandas.read_csv (both files) + networkx.from_pandas_edgelist (MultiDiGraph, edge
             attributes) + the nodes with their attributes
- igraph:    pandas.read_csv (both files) + igraph.Graph.DataFrame(edges, vertices=nodes)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CONTENDERS = {
    "wijknet": """
import wijknet
START
a = wijknet.read_csv_folder(FOLDER)
n, m = len(a), a.num_ties
""",
    "networkx": """
import pandas as pd, networkx as nx
START
nodes = pd.read_csv(FOLDER + "/stakeholders.csv")
edges = pd.read_csv(FOLDER + "/ties.csv")
g = nx.from_pandas_edgelist(edges, "source", "target", edge_attr=["relation", "wave", "weight"],
                            create_using=nx.MultiDiGraph)
g.add_nodes_from((r["id"], r) for r in nodes.to_dict("records"))
n, m = g.number_of_nodes(), g.number_of_edges()
""",
    "igraph": """
import pandas as pd, igraph as ig
START
nodes = pd.read_csv(FOLDER + "/stakeholders.csv")
edges = pd.read_csv(FOLDER + "/ties.csv")
# igraph keeps the first column as its vertex "name": the display name moves to "label".
g = ig.Graph.DataFrame(edges, directed=True, vertices=nodes.rename(columns={"name": "label"}), use_vids=False)
n, m = g.vcount(), g.ecount()
""",
}

RUNNER = """
import json, resource, sys, time
FOLDER = sys.argv[1]
{code}
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                   "nodes": n, "ties": m}}))
"""


def generate(folder: Path, ties: int, stakeholders: int, seed: int = 20211001) -> None:
    # Imported here: the parent process stays small, because on Linux a child's ru_maxrss starts
    # from its parent's resident size at fork.
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    roles = np.array(["wijkagent", "welzijnswerk", "zelforganisatie", "lhbti_organisatie", "bewonersinitiatief",
                      "sociale_partner", "gemeente", "bewoner"])
    kinds = np.array(["organisation", "person", "initiative", "group"])
    ids = np.array([f"s{i:06d}" for i in range(stakeholders)])
    pd.DataFrame({
        "id": ids,
        "name": np.char.add("Stakeholder ", ids),
        "kind": kinds[rng.integers(0, len(kinds), stakeholders)],
        "role": roles[rng.integers(0, len(roles), stakeholders)],
        "sector": np.array(["welzijn", "politie", "wonen", "sport", "zorg"])[rng.integers(0, 5, stakeholders)],
        "years": rng.integers(0, 30, stakeholders),
    }).to_csv(folder / "stakeholders.csv", index=False)
    relations = np.array(["collaboration", "information", "referral", "trust"])
    waves = np.array(["T0", "T1"])
    # Draw a few more than needed, drop repeats (and, for the undirected collaboration, mirrored pairs).
    n = int(ties * 1.1)
    s = rng.integers(0, stakeholders, n)
    t = rng.integers(0, stakeholders, n)
    r = rng.integers(0, len(relations), n)
    w = rng.integers(0, len(waves), n)
    lo, hi = np.minimum(s, t), np.maximum(s, t)
    a_end = np.where(r == 0, lo, s)
    b_end = np.where(r == 0, hi, t)
    key = (a_end.astype(np.int64) * stakeholders + b_end) * 8 + r * 2 + w
    _, first = np.unique(key, return_index=True)
    first = np.sort(first)[:ties]
    if len(first) < ties:
        raise SystemExit("too few unique ties drawn; use more stakeholders")
    pd.DataFrame({
        "source": ids[s[first]], "target": ids[t[first]], "relation": relations[r[first]],
        "wave": waves[w[first]], "weight": rng.integers(1, 6, len(first)),
    }).to_csv(folder / "ties.csv", index=False)


def run_child(name: str, code: str, folder: Path) -> dict:
    """Runs contender ``name``'s script in a fresh Python process (argument: the data folder) and
    returns the JSON its last line prints."""
    out = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{name} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(name: str, folder: Path) -> dict:
    return run_child(name, RUNNER.format(code=CONTENDERS[name].replace("START", "start = time.perf_counter()")), folder)


def size_parser(description: str, contenders) -> argparse.ArgumentParser:
    """The options of the benchmarks on generated data: its size, the runs, the contenders."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--ties", type=int, default=1_000_000)
    parser.add_argument("--stakeholders", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender; the best time counts")
    parser.add_argument("--only", nargs="*", default=list(contenders), choices=list(contenders))
    return parser


def main() -> None:
    parser = size_parser(__doc__.splitlines()[0], CONTENDERS)
    parser.add_argument("--generate", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(Path(args.generate), args.ties, args.stakeholders)
        return
    with tempfile.TemporaryDirectory(prefix="wijknet_bench_") as tmp:
        folder = Path(tmp)
        # Generated in a child process, so the parent's resident size stays small (see generate).
        subprocess.run([sys.executable, __file__, "--generate", tmp, "--ties", str(args.ties),
                        "--stakeholders", str(args.stakeholders)], check=True)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(f"{args.ties:,} ties, {args.stakeholders:,} stakeholders, {size:.0f} MB of CSV; best of {args.repeat}", flush=True)
        results = {}
        for name in args.only:
            runs = [run(name, folder) for _ in range(args.repeat)]
            best = min(runs, key=lambda x: x["seconds"])
            best["peak_mb"] = max(x["peak_mb"] for x in runs)
            results[name] = best
            if (best["nodes"], best["ties"]) != (args.stakeholders, args.ties):
                raise SystemExit(f"{name} built {best['nodes']} nodes and {best['ties']} ties")
    base = results.get("wijknet")
    print(f"{'reader':<10} {'seconds':>8} {'peak MB':>8} {'time / wijknet':>15} {'memory / wijknet':>17}")
    for name, r in results.items():
        ratio_t = r["seconds"] / base["seconds"] if base else float("nan")
        ratio_m = r["peak_mb"] / base["peak_mb"] if base else float("nan")
        print(f"{name:<10} {r['seconds']:>8.2f} {r['peak_mb']:>8.0f} {ratio_t:>14.1f}x {ratio_m:>16.1f}x")


if __name__ == "__main__":
    main()
