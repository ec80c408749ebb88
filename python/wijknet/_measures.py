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
from ._keywords import SELECTION, checked

__all__ = [
    "articulation_points", "assortativity", "average_path_length", "betweenness", "biconnected_components",
    "bridges", "brokerage", "centralization", "cliques", "closeness", "clustering", "components", "constraint",
    "core_number", "degree", "density", "diameter", "dyad_census", "eccentricity", "edge_betweenness",
    "effective_size", "efficiency", "ei_index", "eigenvector", "harmonic", "hierarchy", "katz",
    "label_propagation", "leiden", "louvain", "mixing_matrix", "modularity", "node_connectivity", "pagerank",
    "reciprocity", "structural_holes", "transitivity", "triad_census",
]


def _snapshot(g: Any, selection: dict) -> _core.Snapshot:
    """The graph a function runs on: g itself, or the Snapshot of the selection keywords (which
    checks them, reads strings as lists of one and warns when a filter keeps nobody)."""
    from ._alliance import Snapshot

    if isinstance(g, _core.Snapshot):
        if selection:
            raise TypeError(f"selection keywords {sorted(selection)} need an Alliance, not a Snapshot")
        return g
    if isinstance(g, _core.Alliance):
        return Snapshot(g, **selection)
    raise TypeError(f"expected a wijknet.Alliance or wijknet.Snapshot, got {type(g).__name__}")


def _weights(weight: Any, natural: str) -> str:
    if weight is None or weight is False:
        return "none"
    if weight is True or weight == "weight":
        return natural
    if weight in ("none", "strength", "distance"):
        return weight
    raise _core.InvalidValueError(f"weight must be None, True, 'weight', 'strength' or 'distance', got {weight!r}")


def _series(s: _core.Snapshot, values: Iterable, name: str) -> pd.Series:
    out = pd.Series(list(values), index=pd.Index(s.ids, name="stakeholder"), name=name, dtype="float64")
    return out


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.number)) and not isinstance(value, (bool, np.bool_))


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _attribute_values(s: _core.Snapshot, g: Any, by: str, function: str, include_sensitive: bool) -> list:
    """Each selected stakeholder's first role (by="role"), kind, or value of attribute `by`. A
    sensitive attribute only with include_sensitive (the results would carry its values)."""
    if not isinstance(g, _core.Alliance):
        raise TypeError("grouping by role or attribute needs the Alliance; pass a mapping for a Snapshot")
    values = []
    for i in s.ids:
        rec = g.stakeholder(i, include_sensitive=True)
        if by in rec["sensitive"] and not include_sensitive:
            raise _core.InvalidValueError(
                f"{function}(by={by!r}): {by!r} is a sensitive attribute (special-category data); its values would "
                "label the result. Pass include_sensitive=True to group by it anyway")
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
    return values


def _groups(s: _core.Snapshot, g: Any, by: Any, function: str = "",
            include_sensitive: bool = False) -> tuple[list[int], list]:
    """Group codes per vertex, and the group labels. `by`: "role" (each stakeholder's first
    role), "kind", an attribute name (a sensitive one only with include_sensitive), or a mapping
    / Series from stakeholder id to group. A numeric attribute is an error: it would make one
    group per distinct number."""
    if isinstance(by, (Mapping, pd.Series)):
        mapping = dict(by)
        missing = [i for i in s.ids if i not in mapping]
        if missing:
            raise _core.UnknownIdError(f"no group given for stakeholder(s) {missing[:5]}")
        values = [mapping[i] for i in s.ids]
    else:
        values = _attribute_values(s, g, by, function or "grouping", include_sensitive)
        numbers = [v for v in values if not _missing(v)]
        if by not in ("role", "kind") and numbers and all(_is_number(v) for v in numbers):
            raise _core.InvalidValueError(
                f"{function or 'grouping'}(by={by!r}): {by!r} is a number ({len(set(numbers))} different values), and "
                "grouping by it would make one group per value. Bin it first and pass the groups as a mapping, e.g. "
                f"by=pandas.cut(alliance.stakeholders()[{by!r}], bins=3), or by=<Series of group labels by stakeholder id>")
    labels: list = []
    index: dict = {}
    codes = []
    for v in values:
        key = "<missing>" if _missing(v) else v
        if key not in index:
            index[key] = len(labels)
            labels.append(key)
        codes.append(index[key])
    return codes, labels


# ---------------------------------------------------------------------------------- structure

@checked(selection=SELECTION)
def density(g: Any, **selection) -> float:
    """Ties / possible ties: m / (n(n-1)) directed, 2m / (n(n-1)) undirected (Wasserman & Faust 1994)."""
    return _snapshot(g, selection).density()


@checked(selection=SELECTION)
def reciprocity(g: Any, kind: str = "edgewise", **selection) -> float:
    """Reciprocity of a directed network from its dyad census (M mutual, A asymmetric, N null):
    ``edgewise`` 2M / (2M + A) (networkx, sna), ``dyadic`` (M + N) / (M + A + N) (sna),
    ``dyadic_non_null`` M / (M + A)."""
    return _snapshot(g, selection)._reciprocity(kind)


@checked(selection=SELECTION)
def dyad_census(g: Any, **selection) -> pd.Series:
    """Mutual, asymmetric and null dyads (Holland & Leinhardt 1970)."""
    m, a, n = _snapshot(g, selection)._dyad_census()
    return pd.Series({"mutual": m, "asymmetric": a, "null": n}, name="dyads")


@checked(selection=SELECTION)
def triad_census(g: Any, **selection) -> pd.Series:
    """The 16 triad types (003 ... 300) of a directed network (Batagelj & Mrvar 2001), as
    networkx.triadic_census and sna triad.census."""
    names = ["003", "012", "102", "021D", "021U", "021C", "111D", "111U", "030T", "030C", "201", "120D",
             "120U", "120C", "210", "300"]
    return pd.Series(_snapshot(g, selection)._triad_census(), index=names, name="triads")


@checked(selection=SELECTION)
def transitivity(g: Any, **selection) -> float:
    """Global transitivity: 3 x triangles / connected triples (undirected; networkx, igraph), or the
    share of two-paths i->j->k closed by i->k (directed; sna gtrans "weak")."""
    return _snapshot(g, selection)._transitivity()


@checked(selection=SELECTION)
def clustering(g: Any, weight: Any = None, method: str = "onnela", **selection) -> pd.Series:
    """Local clustering on the undirected reading; with ``weight`` the ``onnela`` (networkx) or
    ``barrat`` (igraph) weighted variant. Fewer than two neighbours: 0."""
    s = _snapshot(g, selection)
    kind = "unweighted" if _weights(weight, "strength") == "none" else method
    return _series(s, s._clustering(kind), "clustering")


@checked(selection=SELECTION)
def components(g: Any, connection: str = "weak", **selection) -> pd.Series:
    """Component label per stakeholder: ``weak`` (ties either way) or ``strong`` (mutually reachable)."""
    s = _snapshot(g, selection)
    if connection == "weak":
        labels = s.weak_components()
    elif connection == "strong":
        labels = s._strong_components()
    else:
        raise _core.InvalidValueError(f"connection must be 'weak' or 'strong', got {connection!r}")
    return pd.Series(labels, index=pd.Index(s.ids, name="stakeholder"), name="component", dtype="int64")


def _distances(g, direction, weight, threads, selection):
    s = _snapshot(g, selection)
    return s, s._distances(direction, _weights(weight, "distance"), threads)


@checked(selection=SELECTION)
def eccentricity(g: Any, direction: str = "out", weight: Any = None, threads: int = 0, **selection) -> pd.Series:
    """Longest shortest path to any reachable stakeholder (unreachable ones ignored, as igraph)."""
    s, r = _distances(g, direction, weight, threads, selection)
    return _series(s, r[0], "eccentricity")


@checked(selection=SELECTION)
def diameter(g: Any, direction: str = "out", weight: Any = None, threads: int = 0, **selection) -> float:
    """Largest eccentricity (over reachable pairs; igraph unconn=True)."""
    return _distances(g, direction, weight, threads, selection)[1][1]


@checked(selection=SELECTION)
def average_path_length(g: Any, direction: str = "out", weight: Any = None, threads: int = 0, **selection) -> float:
    """Mean shortest path length over ordered reachable pairs (igraph unconn=True)."""
    return _distances(g, direction, weight, threads, selection)[1][2]


# --------------------------------------------------------------------------------- centrality

@checked(selection=SELECTION)
def degree(g: Any, direction: str = "all", weight: Any = None, **selection) -> pd.Series:
    """Degree (``direction`` out, in or all), or strength with ``weight``."""
    s = _snapshot(g, selection)
    return _series(s, s._degree(direction, _weights(weight, "strength")), "degree")


@checked(selection=SELECTION)
def betweenness(g: Any, normalized: bool = False, weight: Any = None, threads: int = 0, **selection) -> pd.Series:
    """Betweenness (Freeman 1977; Brandes 2001); raw by default (igraph, sna), ``normalized`` by
    (n-1)(n-2) directed and (n-1)(n-2)/2 undirected (networkx). Weights are distances. Every core."""
    s = _snapshot(g, selection)
    node, _ = s._betweenness(_weights(weight, "distance"), normalized, False, threads)
    return _series(s, node, "betweenness")


@checked(selection=SELECTION)
def edge_betweenness(g: Any, normalized: bool = False, weight: Any = None, threads: int = 0,
                     **selection) -> pd.Series:
    """Edge betweenness keyed by (source, target); ``normalized`` by n(n-1) (/2 undirected), as networkx."""
    s = _snapshot(g, selection)
    _, edge = s._betweenness(_weights(weight, "distance"), normalized, True, threads)
    src, dst = s._edge_ends()
    ids = s.ids
    index = pd.MultiIndex.from_arrays([[ids[i] for i in src], [ids[i] for i in dst]], names=["source", "target"])
    return pd.Series(edge, index=index, name="edge_betweenness", dtype="float64")


@checked(selection=SELECTION)
def closeness(g: Any, direction: str = "out", weight: Any = None, convention: str = "wasserman_faust",
              threads: int = 0, **selection) -> pd.Series:
    """Closeness. ``convention``: ``wasserman_faust`` (networkx default), ``reachable`` (igraph),
    ``freeman`` (sna: 0 unless all are reachable). ``direction="in"`` matches networkx on directed graphs."""
    s = _snapshot(g, selection)
    return _series(s, s._closeness(direction, _weights(weight, "distance"), convention, False, False, threads),
                   "closeness")


@checked(selection=SELECTION)
def harmonic(g: Any, direction: str = "out", weight: Any = None, normalized: bool = False, threads: int = 0,
             **selection) -> pd.Series:
    """Harmonic centrality: sum of 1/d to every other stakeholder (unreachable: 0); / (n-1) when normalized."""
    s = _snapshot(g, selection)
    return _series(s, s._closeness(direction, _weights(weight, "distance"), "freeman", True, normalized, threads),
                   "harmonic")


@checked(selection=SELECTION)
def eigenvector(g: Any, weight: Any = None, tol: float = 1e-12, max_iter: int = 10000, **selection) -> pd.Series:
    """Eigenvector centrality of A^T (in-ties count), unit Euclidean length (networkx)."""
    s = _snapshot(g, selection)
    return _series(s, s._eigenvector(_weights(weight, "strength"), tol, max_iter), "eigenvector")


@checked(selection=SELECTION)
def pagerank(g: Any, alpha: float = 0.85, weight: Any = None, tol: float = 1e-12, max_iter: int = 10000,
             **selection) -> pd.Series:
    """PageRank with dangling rank spread evenly; sums to 1 (networkx, igraph)."""
    s = _snapshot(g, selection)
    return _series(s, s._pagerank(alpha, _weights(weight, "strength"), tol, max_iter), "pagerank")


@checked(selection=SELECTION)
def katz(g: Any, alpha: float = 0.1, beta: float = 1.0, weight: Any = None, tol: float = 1e-12,
         max_iter: int = 10000, **selection) -> pd.Series:
    """Katz centrality x = alpha A^T x + beta, unit Euclidean length (networkx normalized=True)."""
    s = _snapshot(g, selection)
    return _series(s, s._katz(alpha, beta, _weights(weight, "strength"), tol, max_iter), "katz")


@checked(selection=SELECTION)
def centralization(g: Any, measure: str = "degree", threads: int = 0, **selection) -> float:
    """Freeman centralisation of ``degree``, ``indegree``, ``outdegree``, ``betweenness`` or
    ``closeness``, normalised by the star's value as R sna's centralization()."""
    return _snapshot(g, selection)._centralization(measure, threads)


# ------------------------------------------------------------------------- structural holes

@checked(selection=SELECTION)
def structural_holes(g: Any, alters: str = "both", weight: Any = True, **selection) -> pd.DataFrame:
    """Burt's constraint, effective size, efficiency and hierarchy (Burt 1992). ``alters``: ties
    either way (``both``, networkx/igraph), ``out`` or ``in``. Weights as strength unless weight=None."""
    s = _snapshot(g, selection)
    c, es, ef, h = s._structural_holes(alters, _weights(weight, "strength"))
    return pd.DataFrame({"constraint": c, "effective_size": es, "efficiency": ef, "hierarchy": h},
                        index=pd.Index(s.ids, name="stakeholder"))


@checked(selection=SELECTION)
def constraint(g: Any, alters: str = "both", weight: Any = True, **selection) -> pd.Series:
    """Burt's constraint (networkx.constraint, igraph constraint)."""
    return structural_holes(g, alters, weight, **selection)["constraint"]


@checked(selection=SELECTION)
def effective_size(g: Any, alters: str = "both", weight: Any = True, **selection) -> pd.Series:
    """Burt's effective size (networkx.effective_size)."""
    return structural_holes(g, alters, weight, **selection)["effective_size"]


@checked(selection=SELECTION)
def efficiency(g: Any, alters: str = "both", weight: Any = True, **selection) -> pd.Series:
    """Effective size / number of alters."""
    return structural_holes(g, alters, weight, **selection)["efficiency"]


@checked(selection=SELECTION)
def hierarchy(g: Any, alters: str = "both", weight: Any = True, **selection) -> pd.Series:
    """Burt's hierarchy: concentration of constraint on one alter (NaN for a single alter)."""
    return structural_holes(g, alters, weight, **selection)["hierarchy"]


# ------------------------------------------------------------------------- brokerage, mixing

_ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]


@checked(selection=SELECTION)
def brokerage(g: Any, by: Any = "role", scores: str = "raw", include_sensitive: bool = False,
              **selection) -> pd.DataFrame:
    """Gould & Fernandez brokerage per stakeholder: coordinator (sna w_I), itinerant (w_O),
    representative (b_IO), gatekeeper (b_OI), liaison (b_O) and total (t). ``scores``: ``raw``
    counts, ``expected``, ``sd`` or ``z`` (as R sna brokerage). ``by``: "role" (first role), an
    attribute (a sensitive one only with ``include_sensitive=True``), or a mapping id -> group."""
    s = _snapshot(g, selection)
    codes, _ = _groups(s, g, by, "brokerage", include_sensitive)
    raw, expected, sd, z, _density = s._brokerage(codes)
    table = {"raw": raw, "expected": expected, "sd": sd, "z": z}
    if scores not in table:
        raise _core.InvalidValueError(f"scores must be 'raw', 'expected', 'sd' or 'z', got {scores!r}")
    return pd.DataFrame(table[scores], columns=_ROLES, index=pd.Index(s.ids, name="stakeholder"))


@checked(selection=SELECTION)
def mixing_matrix(g: Any, by: Any = "role", normalized: str | None = None, weight: Any = None,
                  include_sensitive: bool = False, **selection) -> pd.DataFrame:
    """Group x group ties (rows send, columns receive; undirected ties count both ways between
    groups, once within). ``normalized="density"`` divides by the possible ties. Grouping by a
    sensitive attribute (whose values would label rows and columns) needs ``include_sensitive=True``."""
    s = _snapshot(g, selection)
    codes, labels = _groups(s, g, by, "mixing_matrix", include_sensitive)
    ties, dens, _ = s._mixing(codes, _weights(weight, "strength"))
    if normalized not in (None, "density"):
        raise _core.InvalidValueError("normalized must be None or 'density'")
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


@checked(selection=SELECTION)
def ei_index(g: Any, by: Any = "role", include_sensitive: bool = False, **selection) -> EIIndex:
    """(E - I) / (E + I) for the network, each group and each stakeholder; ``expected`` for a
    complete graph on the same groups, ``rescaled`` with that expectation mapped to 0. Grouping by
    a sensitive attribute (whose values would label the groups) needs ``include_sensitive=True``."""
    s = _snapshot(g, selection)
    codes, labels = _groups(s, g, by, "ei_index", include_sensitive)
    net, groups, verts, expected, rescaled, e, i = s._ei_index(codes)
    return EIIndex(net, pd.Series(groups, index=pd.Index(labels, name="group"), name="ei"),
                   _series(s, verts, "ei"), expected, rescaled, e, i)


@checked(selection=SELECTION)
def assortativity(g: Any, by: Any = "role", include_sensitive: bool = False, **selection) -> float:
    """Newman's assortativity: categorical by role / attribute / mapping (networkx
    attribute_assortativity_coefficient); by a numeric attribute the Pearson correlation of the
    values at both ends of the ties (numeric_assortativity_coefficient); or ``by="degree"``
    (degree_assortativity_coefficient: out-degree of the source against in-degree of the
    target on directed networks). A sensitive attribute only with ``include_sensitive=True``."""
    s = _snapshot(g, selection)
    if isinstance(by, str) and by == "degree":
        if s.directed:
            return s._numeric_assortativity(s._degree("out", "none"), s._degree("in", "none"))
        d = s._degree("all", "none")
        return s._numeric_assortativity(d, d)
    if isinstance(by, str) and by not in ("role", "kind"):
        values = _attribute_values(s, g, by, "assortativity", include_sensitive)
        numbers = [v for v in values if not _missing(v)]
        if numbers and all(_is_number(v) for v in numbers):
            if len(numbers) < len(values):
                raise _core.InvalidValueError(f"assortativity(by={by!r}): {len(values) - len(numbers)} stakeholder(s) "
                                              f"have no value of {by!r}; leave them out with where= or ids=")
            x = [float(v) for v in values]
            return s._numeric_assortativity(x, x)
    codes, _ = _groups(s, g, by, "assortativity", include_sensitive)
    return s._assortativity(codes)


# ----------------------------------------------------------------------------------- cohesion

@checked(selection=SELECTION)
def core_number(g: Any, **selection) -> pd.Series:
    """k-core number (Batagelj & Zaversnik 2003); degree = in + out on directed networks."""
    s = _snapshot(g, selection)
    return pd.Series(s._core_number(), index=pd.Index(s.ids, name="stakeholder"), name="core", dtype="int64")


@checked(selection=SELECTION)
def articulation_points(g: Any, **selection) -> list[str]:
    """Stakeholders whose removal splits their component (undirected reading)."""
    s = _snapshot(g, selection)
    points, _, _ = s._biconnected()
    return [s.ids[v] for v in points]


@checked(selection=SELECTION)
def bridges(g: Any, **selection) -> list[tuple[str, str]]:
    """Ties whose removal splits their component (undirected reading)."""
    s = _snapshot(g, selection)
    _, pairs, _ = s._biconnected()
    return [(s.ids[u], s.ids[v]) for u, v in pairs]


@checked(selection=SELECTION)
def biconnected_components(g: Any, **selection) -> list[set[str]]:
    """Maximal sets that stay connected after removing any one stakeholder."""
    s = _snapshot(g, selection)
    _, _, comps = s._biconnected()
    return [{s.ids[v] for v in c} for c in comps]


@checked(selection=SELECTION)
def cliques(g: Any, min_size: int = 1, **selection) -> list[list[str]]:
    """Maximal cliques of the undirected reading (Bron-Kerbosch with pivoting), ids sorted by vertex."""
    s = _snapshot(g, selection)
    return [[s.ids[v] for v in c] for c in s._cliques(min_size)]


@checked(selection=SELECTION)
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


@checked(selection=SELECTION)
def louvain(g: Any, resolution: float = 1.0, weight: Any = True, seed: int = 42, **selection) -> pd.Series:
    """Louvain communities (Blondel et al. 2008), reproducible with ``seed``."""
    return _communities(g, "louvain", resolution, weight, seed, selection)


@checked(selection=SELECTION)
def leiden(g: Any, resolution: float = 1.0, weight: Any = True, seed: int = 42, **selection) -> pd.Series:
    """Leiden communities (Traag et al. 2019; greedy refinement), reproducible with ``seed``."""
    return _communities(g, "leiden", resolution, weight, seed, selection)


@checked(selection=SELECTION)
def label_propagation(g: Any, weight: Any = True, seed: int = 42, **selection) -> pd.Series:
    """Asynchronous label propagation (Raghavan et al. 2007), reproducible with ``seed``."""
    return _communities(g, "label_propagation", 1.0, weight, seed, selection)


@checked(selection=SELECTION)
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
