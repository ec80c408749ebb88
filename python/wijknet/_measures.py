"""Network measures, networkx-style: functions of an alliance (or a snapshot) returning pandas
objects keyed by stakeholder id.

Every function takes either a :class:`wijknet.Snapshot` or an :class:`wijknet.Alliance` plus
selection keywords (``relations``, ``waves``, ``min_weight``, ``roles``, ``ids``, ``where``,
``symmetrize``, ``combine``; see :class:`wijknet.Snapshot`). ``weight`` chooses how tie weights
are read: ``None`` ignores them; ``True`` (or ``"weight"``) reads them the measure's natural way
(as distances for path measures, as strength otherwise); ``"distance"`` / ``"strength"`` say it
explicitly. Conventions, formulas and the peers each measure agrees with are in docs/measures.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from . import _core

__all__ = [
    "articulation_points", "assortativity", "average_path_length", "betweenness", "biconnected_components",
    "bridges", "brokerage", "centralization", "cliques", "closeness", "clustering", "components", "constraint",
    "core_number", "degree", "density", "diameter", "dyad_census", "eccentricity", "edge_betweenness",
    "effective_size", "efficiency", "ei_index", "eigenvector", "harmonic", "hierarchy", "katz",
    "label_propagation", "leiden", "louvain", "mixing_matrix", "modularity", "node_connectivity", "pagerank",
    "reciprocity", "structural_holes", "transitivity", "triad_census",
]


def _snapshot(g: Any, selection: dict) -> _core.Snapshot:
    if isinstance(g, _core.Snapshot):
        if selection:
            raise TypeError(f"selection keywords {sorted(selection)} need an Alliance, not a Snapshot")
        return g
    if isinstance(g, _core.Alliance):
        return _core.Snapshot(g, **selection)
    raise TypeError(f"expected a wijknet.Alliance or wijknet.Snapshot, got {type(g).__name__}")


def _weights(weight: Any, natural: str) -> str:
    if weight is None or weight is False:
        return "none"
    if weight is True or weight == "weight":
        return natural
    if weight in ("none", "strength", "distance"):
        return weight
    raise ValueError(f"weight must be None, True, 'weight', 'strength' or 'distance', got {weight!r}")


def _series(s: _core.Snapshot, values: Iterable, name: str) -> pd.Series:
    out = pd.Series(list(values), index=pd.Index(s.ids, name="stakeholder"), name=name, dtype="float64")
    return out


def _groups(s: _core.Snapshot, g: Any, by: Any) -> tuple[list[int], list]:
    """Group codes per vertex, and the group labels. `by`: "role" (each stakeholder's first
    role), an attribute name, or a mapping / Series from stakeholder id to group."""
    if isinstance(by, (Mapping, pd.Series)):
        mapping = dict(by)
        missing = [i for i in s.ids if i not in mapping]
        if missing:
            raise _core.UnknownIdError(f"no group given for stakeholder(s) {missing[:5]}")
        values = [mapping[i] for i in s.ids]
    else:
        if not isinstance(g, _core.Alliance):
            raise TypeError("grouping by role or attribute needs the Alliance; pass a mapping for a Snapshot")
        values = []
        for i in s.ids:
            rec = g.stakeholder(i)
            if by == "role":
                if not rec["roles"]:
                    raise _core.InvalidValueError(f"stakeholder '{i}' has no role to group by")
                values.append(rec["roles"][0])
            elif by == "kind":
                values.append(rec["kind"])
            else:
                if by not in rec["attributes"]:
                    raise _core.UnknownIdError(f"stakeholder '{i}' has no attribute '{by}' to group by")
                values.append(rec["attributes"][by])
    labels: list = []
    index: dict = {}
    codes = []
    for v in values:
        key = "<missing>" if v is None or (isinstance(v, float) and math.isnan(v)) else v
        if key not in index:
            index[key] = len(labels)
            labels.append(key)
        codes.append(index[key])
    return codes, labels


# ---------------------------------------------------------------------------------- structure

def density(g: Any, **selection) -> float:
    """Ties / possible ties: m / (n(n-1)) directed, 2m / (n(n-1)) undirected (Wasserman & Faust 1994)."""
    return _snapshot(g, selection).density()


def reciprocity(g: Any, kind: str = "edgewise", **selection) -> float:
    """Reciprocity of a directed network from its dyad census (M mutual, A asymmetric, N null):
    ``edgewise`` 2M / (2M + A) (networkx, sna), ``dyadic`` (M + N) / (M + A + N) (sna),
    ``dyadic_non_null`` M / (M + A)."""
    return _snapshot(g, selection)._reciprocity(kind)


def dyad_census(g: Any, **selection) -> pd.Series:
    """Mutual, asymmetric and null dyads (Holland & Leinhardt 1970)."""
    m, a, n = _snapshot(g, selection)._dyad_census()
    return pd.Series({"mutual": m, "asymmetric": a, "null": n}, name="dyads")


def triad_census(g: Any, **selection) -> pd.Series:
    """The 16 triad types (003 ... 300) of a directed network (Batagelj & Mrvar 2001), as
    networkx.triadic_census and sna triad.census."""
    names = ["003", "012", "102", "021D", "021U", "021C", "111D", "111U", "030T", "030C", "201", "120D",
             "120U", "120C", "210", "300"]
    return pd.Series(_snapshot(g, selection)._triad_census(), index=names, name="triads")


def transitivity(g: Any, **selection) -> float:
    """Global transitivity: 3 x triangles / connected triples (undirected; networkx, igraph), or the
    share of two-paths i->j->k closed by i->k (directed; sna gtrans "weak")."""
    return _snapshot(g, selection)._transitivity()


def clustering(g: Any, weight: Any = None, method: str = "onnela", **selection) -> pd.Series:
    """Local clustering on the undirected reading; with ``weight`` the ``onnela`` (networkx) or
    ``barrat`` (igraph) weighted variant. Fewer than two neighbours: 0."""
    s = _snapshot(g, selection)
    kind = "unweighted" if _weights(weight, "strength") == "none" else method
    return _series(s, s._clustering(kind), "clustering")


def components(g: Any, connection: str = "weak", **selection) -> pd.Series:
    """Component label per stakeholder: ``weak`` (ties either way) or ``strong`` (mutually reachable)."""
    s = _snapshot(g, selection)
    if connection == "weak":
        labels = s.weak_components()
    elif connection == "strong":
        labels = s._strong_components()
    else:
        raise ValueError(f"connection must be 'weak' or 'strong', got {connection!r}")
    return pd.Series(labels, index=pd.Index(s.ids, name="stakeholder"), name="component", dtype="int64")


def _distances(g, direction, weight, threads, selection):
    s = _snapshot(g, selection)
    return s, s._distances(direction, _weights(weight, "distance"), threads)


def eccentricity(g: Any, direction: str = "out", weight: Any = None, threads: int = 0, **selection) -> pd.Series:
    """Longest shortest path to any reachable stakeholder (unreachable ones ignored, as igraph)."""
    s, r = _distances(g, direction, weight, threads, selection)
    return _series(s, r[0], "eccentricity")


def diameter(g: Any, direction: str = "out", weight: Any = None, threads: int = 0, **selection) -> float:
    """Largest eccentricity (over reachable pairs; igraph unconn=True)."""
    return _distances(g, direction, weight, threads, selection)[1][1]


def average_path_length(g: Any, direction: str = "out", weight: Any = None, threads: int = 0, **selection) -> float:
    """Mean shortest path length over ordered reachable pairs (igraph unconn=True)."""
    return _distances(g, direction, weight, threads, selection)[1][2]


# --------------------------------------------------------------------------------- centrality

def degree(g: Any, direction: str = "all", weight: Any = None, **selection) -> pd.Series:
    """Degree (``direction`` out, in or all), or strength with ``weight``."""
    s = _snapshot(g, selection)
    return _series(s, s._degree(direction, _weights(weight, "strength")), "degree")


def betweenness(g: Any, normalized: bool = False, weight: Any = None, threads: int = 0, **selection) -> pd.Series:
    """Betweenness (Freeman 1977; Brandes 2001); raw by default (igraph, sna), ``normalized`` by
    (n-1)(n-2) directed and (n-1)(n-2)/2 undirected (networkx). Weights are distances. Every core."""
    s = _snapshot(g, selection)
    node, _ = s._betweenness(_weights(weight, "distance"), normalized, False, threads)
    return _series(s, node, "betweenness")


def edge_betweenness(g: Any, normalized: bool = False, weight: Any = None, threads: int = 0,
                     **selection) -> pd.Series:
    """Edge betweenness keyed by (source, target); ``normalized`` by n(n-1) (/2 undirected), as networkx."""
    s = _snapshot(g, selection)
    _, edge = s._betweenness(_weights(weight, "distance"), normalized, True, threads)
    src, dst = s._edge_ends()
    ids = s.ids
    index = pd.MultiIndex.from_arrays([[ids[i] for i in src], [ids[i] for i in dst]], names=["source", "target"])
    return pd.Series(edge, index=index, name="edge_betweenness", dtype="float64")


def closeness(g: Any, direction: str = "out", weight: Any = None, convention: str = "wasserman_faust",
              threads: int = 0, **selection) -> pd.Series:
    """Closeness. ``convention``: ``wasserman_faust`` (networkx default), ``reachable`` (igraph),
    ``freeman`` (sna: 0 unless all are reachable). ``direction="in"`` matches networkx on directed graphs."""
    s = _snapshot(g, selection)
    return _series(s, s._closeness(direction, _weights(weight, "distance"), convention, False, False, threads),
                   "closeness")


def harmonic(g: Any, direction: str = "out", weight: Any = None, normalized: bool = False, threads: int = 0,
             **selection) -> pd.Series:
    """Harmonic centrality: sum of 1/d to every other stakeholder (unreachable: 0); / (n-1) when normalized."""
    s = _snapshot(g, selection)
    return _series(s, s._closeness(direction, _weights(weight, "distance"), "freeman", True, normalized, threads),
                   "harmonic")


def eigenvector(g: Any, weight: Any = None, tol: float = 1e-12, max_iter: int = 10000, **selection) -> pd.Series:
    """Eigenvector centrality of A^T (in-ties count), unit Euclidean length (networkx)."""
    s = _snapshot(g, selection)
    return _series(s, s._eigenvector(_weights(weight, "strength"), tol, max_iter), "eigenvector")


def pagerank(g: Any, alpha: float = 0.85, weight: Any = None, tol: float = 1e-12, max_iter: int = 10000,
             **selection) -> pd.Series:
    """PageRank with dangling rank spread evenly; sums to 1 (networkx, igraph)."""
    s = _snapshot(g, selection)
    return _series(s, s._pagerank(alpha, _weights(weight, "strength"), tol, max_iter), "pagerank")


def katz(g: Any, alpha: float = 0.1, beta: float = 1.0, weight: Any = None, tol: float = 1e-12,
         max_iter: int = 10000, **selection) -> pd.Series:
    """Katz centrality x = alpha A^T x + beta, unit Euclidean length (networkx normalized=True)."""
    s = _snapshot(g, selection)
    return _series(s, s._katz(alpha, beta, _weights(weight, "strength"), tol, max_iter), "katz")


def centralization(g: Any, measure: str = "degree", threads: int = 0, **selection) -> float:
    """Freeman centralisation of ``degree``, ``indegree``, ``outdegree``, ``betweenness`` or
    ``closeness``, normalised by the star's value as R sna's centralization()."""
    return _snapshot(g, selection)._centralization(measure, threads)


# ------------------------------------------------------------------------- structural holes

def structural_holes(g: Any, alters: str = "both", weight: Any = True, **selection) -> pd.DataFrame:
    """Burt's constraint, effective size, efficiency and hierarchy (Burt 1992). ``alters``: ties
    either way (``both``, networkx/igraph), ``out`` or ``in``. Weights as strength unless weight=None."""
    s = _snapshot(g, selection)
    c, es, ef, h = s._structural_holes(alters, _weights(weight, "strength"))
    return pd.DataFrame({"constraint": c, "effective_size": es, "efficiency": ef, "hierarchy": h},
                        index=pd.Index(s.ids, name="stakeholder"))


def constraint(g: Any, alters: str = "both", weight: Any = True, **selection) -> pd.Series:
    """Burt's constraint (networkx.constraint, igraph constraint)."""
    return structural_holes(g, alters, weight, **selection)["constraint"]


def effective_size(g: Any, alters: str = "both", weight: Any = True, **selection) -> pd.Series:
    """Burt's effective size (networkx.effective_size)."""
    return structural_holes(g, alters, weight, **selection)["effective_size"]


def efficiency(g: Any, alters: str = "both", weight: Any = True, **selection) -> pd.Series:
    """Effective size / number of alters."""
    return structural_holes(g, alters, weight, **selection)["efficiency"]


def hierarchy(g: Any, alters: str = "both", weight: Any = True, **selection) -> pd.Series:
    """Burt's hierarchy: concentration of constraint on one alter (NaN for a single alter)."""
    return structural_holes(g, alters, weight, **selection)["hierarchy"]


# ------------------------------------------------------------------------- brokerage, mixing

_ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]


def brokerage(g: Any, by: Any = "role", scores: str = "raw", **selection) -> pd.DataFrame:
    """Gould & Fernandez brokerage per stakeholder: coordinator (sna w_I), itinerant (w_O),
    representative (b_IO), gatekeeper (b_OI), liaison (b_O) and total (t). ``scores``: ``raw``
    counts, ``expected``, ``sd`` or ``z`` (as R sna brokerage). ``by``: "role" (first role), an
    attribute, or a mapping id -> group."""
    s = _snapshot(g, selection)
    codes, _ = _groups(s, g, by)
    raw, expected, sd, z, _density = s._brokerage(codes)
    table = {"raw": raw, "expected": expected, "sd": sd, "z": z}
    if scores not in table:
        raise ValueError(f"scores must be 'raw', 'expected', 'sd' or 'z', got {scores!r}")
    return pd.DataFrame(table[scores], columns=_ROLES, index=pd.Index(s.ids, name="stakeholder"))


def mixing_matrix(g: Any, by: Any = "role", normalized: str | None = None, weight: Any = None,
                  **selection) -> pd.DataFrame:
    """Group x group ties (rows send, columns receive; undirected ties count both ways between
    groups, once within). ``normalized="density"`` divides by the possible ties."""
    s = _snapshot(g, selection)
    codes, labels = _groups(s, g, by)
    ties, dens, _ = s._mixing(codes, _weights(weight, "strength"))
    if normalized not in (None, "density"):
        raise ValueError("normalized must be None or 'density'")
    data = dens if normalized == "density" else ties
    return pd.DataFrame(data, index=pd.Index(labels, name="from"), columns=pd.Index(labels, name="to"))


@dataclass
class EIIndex:
    """E-I index (Krackhardt & Stern 1988) at every level; see :func:`ei_index`."""

    network: float
    groups: pd.Series
    stakeholders: pd.Series
    expected: float
    rescaled: float
    external: float
    internal: float


def ei_index(g: Any, by: Any = "role", **selection) -> EIIndex:
    """(E - I) / (E + I) for the network, each group and each stakeholder; ``expected`` for a
    complete graph on the same groups, ``rescaled`` with that expectation mapped to 0."""
    s = _snapshot(g, selection)
    codes, labels = _groups(s, g, by)
    net, groups, verts, expected, rescaled, e, i = s._ei_index(codes)
    return EIIndex(net, pd.Series(groups, index=pd.Index(labels, name="group"), name="ei"),
                   _series(s, verts, "ei"), expected, rescaled, e, i)


def assortativity(g: Any, by: Any = "role", **selection) -> float:
    """Newman's assortativity: categorical by role / attribute / mapping (networkx
    attribute_assortativity_coefficient), or ``by="degree"`` (degree_assortativity_coefficient:
    out-degree of the source against in-degree of the target on directed networks)."""
    s = _snapshot(g, selection)
    if isinstance(by, str) and by == "degree":
        if s.directed:
            return s._numeric_assortativity(s._degree("out", "none"), s._degree("in", "none"))
        d = s._degree("all", "none")
        return s._numeric_assortativity(d, d)
    codes, _ = _groups(s, g, by)
    return s._assortativity(codes)


# ----------------------------------------------------------------------------------- cohesion

def core_number(g: Any, **selection) -> pd.Series:
    """k-core number (Batagelj & Zaversnik 2003); degree = in + out on directed networks."""
    s = _snapshot(g, selection)
    return pd.Series(s._core_number(), index=pd.Index(s.ids, name="stakeholder"), name="core", dtype="int64")


def articulation_points(g: Any, **selection) -> list[str]:
    """Stakeholders whose removal splits their component (undirected reading)."""
    s = _snapshot(g, selection)
    points, _, _ = s._biconnected()
    return [s.ids[v] for v in points]


def bridges(g: Any, **selection) -> list[tuple[str, str]]:
    """Ties whose removal splits their component (undirected reading)."""
    s = _snapshot(g, selection)
    _, pairs, _ = s._biconnected()
    return [(s.ids[u], s.ids[v]) for u, v in pairs]


def biconnected_components(g: Any, **selection) -> list[set[str]]:
    """Maximal sets that stay connected after removing any one stakeholder."""
    s = _snapshot(g, selection)
    _, _, comps = s._biconnected()
    return [{s.ids[v] for v in c} for c in comps]


def cliques(g: Any, min_size: int = 1, **selection) -> list[list[str]]:
    """Maximal cliques of the undirected reading (Bron-Kerbosch with pivoting), ids sorted by vertex."""
    s = _snapshot(g, selection)
    return [[s.ids[v] for v in c] for c in s._cliques(min_size)]


def node_connectivity(g: Any, source: str, target: str, direction: str = "out", **selection) -> int:
    """Number of paths from source to target sharing no stakeholder (Menger); a direct tie counts as one."""
    s = _snapshot(g, selection)
    index = {i: k for k, i in enumerate(s.ids)}
    for name in (source, target):
        if name not in index:
            raise _core.UnknownIdError(f"stakeholder '{name}' is not in this selection")
    return s._node_connectivity(index[source], index[target], direction)


# -------------------------------------------------------------------------------- communities

def _communities(g, method, resolution, weight, seed, selection):
    s = _snapshot(g, selection)
    labels = s._communities(method, resolution, _weights(weight, "strength"), seed)
    return pd.Series(labels, index=pd.Index(s.ids, name="stakeholder"), name="community", dtype="int64")


def louvain(g: Any, resolution: float = 1.0, weight: Any = True, seed: int = 42, **selection) -> pd.Series:
    """Louvain communities (Blondel et al. 2008), reproducible with ``seed``."""
    return _communities(g, "louvain", resolution, weight, seed, selection)


def leiden(g: Any, resolution: float = 1.0, weight: Any = True, seed: int = 42, **selection) -> pd.Series:
    """Leiden communities (Traag et al. 2019; greedy refinement), reproducible with ``seed``."""
    return _communities(g, "leiden", resolution, weight, seed, selection)


def label_propagation(g: Any, weight: Any = True, seed: int = 42, **selection) -> pd.Series:
    """Asynchronous label propagation (Raghavan et al. 2007), reproducible with ``seed``."""
    return _communities(g, "label_propagation", 1.0, weight, seed, selection)


def modularity(g: Any, communities: Any, resolution: float = 1.0, weight: Any = None, **selection) -> float:
    """Modularity of a partition (Newman & Girvan 2004; directed: Leicht & Newman 2008), as
    networkx.community.modularity. ``communities``: a Series / mapping id -> community, or a list of sets."""
    s = _snapshot(g, selection)
    if isinstance(communities, (Mapping, pd.Series)):
        mapping = dict(communities)
    else:
        mapping = {member: k for k, group in enumerate(communities) for member in group}
    codes, _ = _groups(s, g, mapping)
    return s._modularity(codes, resolution, _weights(weight, "strength"))
