#!/usr/bin/env python3
"""Write the reference data sets as plain CSV files into tests/reference/data/.

Sources (all deterministic, no network access):
  karate      networkx.karate_club_graph()          (Zachary 1977)
  florentine  networkx.florentine_families_graph()  (Padgett & Ansell 1993, marriage ties)
  kite        networkx.krackhardt_kite_graph()      (Krackhardt 1990)
  davis       networkx.davis_southern_women_graph() (Davis, Gardner & Gardner 1941)
  roles_directed  written literally below (made-up alliance, 12 nodes, 30 arcs)

Run from the repository root:  .venv/bin/python tests/reference/make_data.py
"""
import csv
import os

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")


def write_csv(name, header, rows):
    path = os.path.join(DATA, name)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(r)


def undirected_edges(G, weight=None):
    """Each undirected edge once, as (min, max) in node-order, sorted."""
    order = {v: i for i, v in enumerate(G.nodes())}
    rows = []
    for u, v, d in G.edges(data=True):
        if order[u] > order[v]:
            u, v = v, u
        row = [str(u), str(v)]
        if weight:
            row.append(d[weight])
        rows.append((order[u], order[v], row))
    rows.sort(key=lambda t: (t[0], t[1]))
    return [r for _, _, r in rows]


# ------------------------------------------------------------------ karate
K = nx.karate_club_graph()
write_csv("karate.csv", ["source", "target"], undirected_edges(K))
write_csv("karate_weighted.csv", ["source", "target", "weight"], undirected_edges(K, "weight"))
write_csv("karate_nodes.csv", ["id", "group"], [[str(v), K.nodes[v]["club"]] for v in K.nodes()])

# -------------------------------------------------------------- florentine
# group: first letter of the family name A-L -> "A-L", M-Z -> "M-Z"
F = nx.florentine_families_graph()
fnodes = sorted(F.nodes())
F2 = nx.Graph()
F2.add_nodes_from(fnodes)
F2.add_edges_from(F.edges())
write_csv("florentine.csv", ["source", "target"], undirected_edges(F2))
write_csv("florentine_nodes.csv", ["id", "group"],
          [[v, "A-L" if v[0].upper() <= "L" else "M-Z"] for v in fnodes])

# -------------------------------------------------------------------- kite
T = nx.krackhardt_kite_graph()
write_csv("kite.csv", ["source", "target"], undirected_edges(T))
write_csv("kite_nodes.csv", ["id", "group"], [[str(v), "a" if v <= 4 else "b"] for v in T.nodes()])

# ------------------------------------------------------------------- davis
D = nx.davis_southern_women_graph()
women = D.graph["top"]
events = D.graph["bottom"]
rows = []
for w in women:
    for e in events:
        if D.has_edge(w, e):
            rows.append([w, e])
write_csv("davis_two_mode.csv", ["woman", "event"], rows)
write_csv("davis_nodes.csv", ["id", "group"], [[w, "woman"] for w in women] + [[e, "event"] for e in events])

# ---------------------------------------------------------- roles_directed
# Made-up alliance: wijkagent (w*), welzijnswerk (p*), lhbti_organisatie (l*).
# 12 nodes, 30 arcs, integer weights 1-5, 7 reciprocated dyads, l4 is an isolate, no loops.
ROLE_NODES = [
    ("w1", "wijkagent"), ("w2", "wijkagent"), ("w3", "wijkagent"),
    ("p1", "welzijnswerk"), ("p2", "welzijnswerk"), ("p3", "welzijnswerk"),
    ("p4", "welzijnswerk"), ("p5", "welzijnswerk"),
    ("l1", "lhbti_organisatie"), ("l2", "lhbti_organisatie"),
    ("l3", "lhbti_organisatie"), ("l4", "lhbti_organisatie"),
]
ROLE_ARCS = [
    ("w1", "w2", 3), ("w2", "w1", 2),
    ("w1", "p1", 4), ("p1", "w1", 4),
    ("w1", "p2", 2),
    ("w2", "p3", 3), ("p3", "w2", 5),
    ("w3", "w1", 1),
    ("w3", "l1", 2),
    ("p1", "p2", 5), ("p2", "p1", 3),
    ("p1", "p3", 2),
    ("p2", "p4", 1),
    ("p3", "p4", 4), ("p4", "p3", 4),
    ("p4", "p5", 2),
    ("p5", "l1", 3), ("l1", "p5", 5),
    ("p5", "w3", 1),
    ("l1", "l2", 4), ("l2", "l1", 2),
    ("l2", "l3", 3),
    ("l3", "l1", 1),
    ("l3", "p2", 2),
    ("l2", "w1", 1),
    ("p1", "l3", 2),
    ("w2", "p5", 1),
    ("p4", "w3", 3),
    ("l1", "w1", 2),
    ("p2", "l2", 4),
]
assert len(ROLE_ARCS) == 30
assert len({(u, v) for u, v, _ in ROLE_ARCS}) == 30
assert all(u != v for u, v, _ in ROLE_ARCS)
write_csv("roles_directed.csv", ["source", "target", "weight"], [[u, v, w] for u, v, w in ROLE_ARCS])
write_csv("roles_directed_nodes.csv", ["id", "group"], [list(t) for t in ROLE_NODES])

print("wrote", sorted(os.listdir(DATA)))
