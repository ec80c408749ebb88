"""Building a 1,000,000-tie alliance from pandas DataFrames: wijknet.from_pandas against
igraph.Graph.DataFrame and networkx.from_pandas_edgelist.

    .venv/bin/python benchmarks/bench_import.py [--ties 1000000] [--stakeholders 50000] [--repeat 3]

The data are bench_io.py's (fixed seed): a node table (id, name, kind, role, sector, years) and an
edge table (source, target, relation, wave, weight) with string ids. Each contender runs in a fresh
Python process, reads both CSV files with pandas before its clock starts, and is timed on the
build from the two DataFrames only; the best wall time of --repeat runs counts.

Contenders build the same thing: every stakeholder with its attributes and every tie with
relation, wave and weight.
- wijknet:   wijknet.from_pandas(nodes, edges) (ties checked: known stakeholders, relations,
             duplicates, weights)
- igraph:    igraph.Graph.DataFrame(edges, vertices=nodes, use_vids=False)
- networkx:  networkx.from_pandas_edgelist (MultiDiGraph, edge attributes) + the nodes with their
             attributes
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_io import generate, run_child, size_parser  # noqa: E402  (the same data as the CSV benchmark)

READ = """
import pandas as pd
nodes = pd.read_csv(FOLDER + "/stakeholders.csv")
edges = pd.read_csv(FOLDER + "/ties.csv")
"""

CONTENDERS = {
    "wijknet": """
import wijknet
START
a = wijknet.from_pandas(nodes, edges)
n, m = len(a), a.num_ties
""",
    "igraph": """
import igraph as ig
# igraph keeps the first column as its vertex "name": the display name moves to "label".
vertices = nodes.rename(columns={"name": "label"})
START
g = ig.Graph.DataFrame(edges, directed=True, vertices=vertices, use_vids=False)
n, m = g.vcount(), g.ecount()
""",
    "networkx": """
import networkx as nx
START
g = nx.from_pandas_edgelist(edges, "source", "target", edge_attr=["relation", "wave", "weight"],
                            create_using=nx.MultiDiGraph)
g.add_nodes_from((r["id"], r) for r in nodes.to_dict("records"))
n, m = g.number_of_nodes(), g.number_of_edges()
""",
}

RUNNER = """
import json, resource, sys, time
FOLDER = sys.argv[1]
{read}
{code}
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "nodes": n, "ties": m}}))
"""


def run(name: str, folder: Path) -> dict:
    return run_child(name, RUNNER.format(read=READ, code=CONTENDERS[name].replace("START", "start = time.perf_counter()")),
                     folder)


def main() -> None:
    args = size_parser(__doc__.splitlines()[0], CONTENDERS).parse_args()
    with tempfile.TemporaryDirectory(prefix="wijknet_bench_") as tmp:
        folder = Path(tmp)
        generate(folder, args.ties, args.stakeholders)
        print(f"{args.ties:,} ties, {args.stakeholders:,} stakeholders (string ids) from two DataFrames; "
              f"best of {args.repeat}", flush=True)
        results = {}
        for name in args.only:
            best = min((run(name, folder) for _ in range(args.repeat)), key=lambda x: x["seconds"])
            if (best["nodes"], best["ties"]) != (args.stakeholders, args.ties):
                raise SystemExit(f"{name} built {best['nodes']} nodes and {best['ties']} ties")
            results[name] = best
    base = results.get("wijknet")
    print(f"{'builder':<10} {'seconds':>8} {'time / wijknet':>15}")
    for name, r in results.items():
        ratio = r["seconds"] / base["seconds"] if base else float("nan")
        print(f"{name:<10} {r['seconds']:>8.2f} {ratio:>14.1f}x")


if __name__ == "__main__":
    main()
