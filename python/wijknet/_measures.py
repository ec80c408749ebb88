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

import difflib
import math
import weakref
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

from . import _core
from ._keywords import SELECTION, checked
from ._missing import available_density, treated_snapshot

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


_INDEXES: "weakref.WeakKeyDictionary[_core.Snapshot, pd.Index]" = weakref.WeakKeyDictionary()


def _stakeholder_index(s: _core.Snapshot) -> pd.Index:
    """The index of a result by stakeholder. A snapshot never changes, so its ids are read and
    turned into an Index once (a tenth of a millisecond for 3,000 stakeholders, more than a linear
    measure takes); every result gets its own shallow copy, so renaming one leaves the rest alone."""
    index = _INDEXES.get(s)
    if index is None:
        index = _INDEXES[s] = pd.Index(s.ids, name="stakeholder")
    return index.copy()


def _series(s: _core.Snapshot, values: Iterable, name: str, dtype: str = "float64") -> pd.Series:
    return pd.Series(np.asarray(values, dtype=dtype), index=_stakeholder_index(s), name=name, copy=False)


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
                names = sorted({n for j in s.ids for n in g.stakeholder(j)["attributes"]})
                if by not in names:  # a typo or a Dutch word ('rol'), not a gap in the data
                    close = difflib.get_close_matches(str(by), ["role", "kind", *names], n=1)
                    raise _core.UnknownIdError(
                        f"{function}(by={by!r}): no stakeholder has an attribute {by!r}"
                        + (f"; did you mean '{close[0]}'?" if close else "")
                        + f" (group by 'role', 'kind' or an attribute: {', '.join(names) or 'none'})")
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
def density(g: Any, treatment: str = "observed", assume_reciprocal: bool = False, **selection) -> float:
    """Density: the share of possible ties that are present.

    Parameters
    ----------
    g : Alliance or Snapshot
    treatment : {"observed", "available", "reconstruct"}, default "observed"
        What a missing tie cell of a survey (:func:`wijknet.missing_dyads`) counts as: ``"observed"`` counts it as
        no tie (R network's ``network.density(na.omit=TRUE)``); ``"available"`` leaves it out of the count and of
        the possible ties (R sna's ``gden`` on a network with missing edges); ``"reconstruct"`` fills it from the
        partner's report (Stork & Richards 1992; docs/missing.md). The last two need the Alliance.
    assume_reciprocal : bool, default False
        With ``"reconstruct"`` on a directed relation: say that its ties are reciprocal, so that the partner's
        report j -> i may stand for the missing i -> j (without it, an InvalidValueError).
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    float
        Between 0 and 1; 0 for fewer than two stakeholders (``"available"``: NaN, and NaN when every cell is
        missing).

    Notes
    -----
    With n stakeholders and m ties, the density is m / (n(n-1)) on a directed snapshot and 2m / (n(n-1)) on an
    undirected one (Wasserman & Faust 1994, section 4.2), as R sna's ``gden``. Weights are ignored; parallel ties
    count once unless ``combine="keep"``. With ``treatment="available"`` and c missing cells (an undirected pair
    counts two) it is m / (n(n-1) - c) (2m / (n(n-1) - c) undirected): an unbiased estimate when whether an answer
    is missing does not depend on the tie (docs/missing.md). Without survey data both treatments agree.

    References
    ----------
    .. [1] Wasserman, S. & Faust, K. (1994). Social Network Analysis: Methods and Applications. Cambridge University
       Press. https://doi.org/10.1017/CBO9780511815478

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> round(wijknet.density(alliance, relations="collaboration", wave="T1"), 4)
    0.0625
    """
    if treatment == "available":
        if not isinstance(g, _core.Alliance):
            raise TypeError("density(treatment='available') needs the Alliance (its survey response), not a Snapshot")
        return available_density(g, _snapshot(g, selection), selection.get("relations"), selection.get("waves"))
    if treatment not in ("observed", "reconstruct"):
        raise _core.InvalidValueError(f"density: treatment must be 'observed', 'available' or 'reconstruct', got "
                                      f"{treatment!r}")
    return treated_snapshot(g, treatment, assume_reciprocal, selection, "density", _snapshot).density()


@checked(selection=SELECTION)
def reciprocity(g: Any, kind: str = "edgewise", treatment: str = "observed", assume_reciprocal: bool = False,
                **selection) -> float:
    """Reciprocity of a directed network.

    Parameters
    ----------
    g : Alliance or Snapshot
    kind : {"edgewise", "dyadic", "dyadic_non_null"}, default "edgewise"
        Which ratio of the dyad census (see Notes).
    treatment : {"observed", "reconstruct"}, default "observed"
        What a missing tie cell of a survey counts as: no tie, or the partner's report (see :func:`density`).
    assume_reciprocal : bool, default False
        With ``"reconstruct"`` on a directed relation: say that its ties are reciprocal (see :func:`density`).
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    float

    Notes
    -----
    From the dyad census (M mutual, A asymmetric and N null pairs): ``edgewise`` is 2M / (2M + A), the share of
    ties that are returned (networkx ``reciprocity``, sna ``grecip(measure="edgewise")``); ``dyadic`` is
    (M + N) / (M + A + N), the share of pairs that are symmetric (sna's default); ``dyadic_non_null`` is M / (M + A).
    Weights are ignored. Reconstruction makes a non-respondent return every tie it received, so it raises
    reciprocity by construction: read it as an upper bound.

    References
    ----------
    .. [1] Wasserman, S. & Faust, K. (1994). Social Network Analysis: Methods and Applications, chapter 13. Cambridge
       University Press. https://doi.org/10.1017/CBO9780511815478

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> round(wijknet.reciprocity(alliance, relations="information", wave="T1"), 4)
    0.1739
    >>> round(wijknet.reciprocity(alliance, kind="dyadic", relations="information", wave="T1"), 4)
    0.9617
    """
    return treated_snapshot(g, treatment, assume_reciprocal, selection, "reciprocity", _snapshot)._reciprocity(kind)


@checked(selection=SELECTION)
def dyad_census(g: Any, **selection) -> pd.Series:
    """Dyad census: how many pairs of stakeholders are mutual, asymmetric or null.

    Parameters
    ----------
    g : Alliance or Snapshot
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        Counts indexed ``mutual``, ``asymmetric``, ``null``; they add up to n(n-1)/2.

    Notes
    -----
    A pair is mutual when ties run both ways, asymmetric when one runs, null when none does (Holland & Leinhardt
    1970). On an undirected snapshot every tie is mutual. Weights are ignored. As R sna's ``dyad.census``.

    References
    ----------
    .. [1] Holland, P. W. & Leinhardt, S. (1970). A method for detecting structure in sociometric data. American
       Journal of Sociology 76(3), 492-513.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.dyad_census(alliance, relations="information", wave="T1")
    mutual          2.0
    asymmetric     19.0
    null          475.0
    Name: dyads, dtype: float64
    """
    m, a, n = _snapshot(g, selection)._dyad_census()
    return pd.Series({"mutual": m, "asymmetric": a, "null": n}, name="dyads")


@checked(selection=SELECTION)
def triad_census(g: Any, **selection) -> pd.Series:
    """Triad census: the number of triples of each of the 16 directed types.

    Parameters
    ----------
    g : Alliance or Snapshot
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        Counts indexed by the MAN labels ``003``, ``012``, ``102``, ``021D``, ... ``300``; they add up to n(n-1)(n-2)/6.

    Notes
    -----
    Each unordered triple is classified by its numbers of mutual, asymmetric and null pairs (and, where that does not
    decide it, by direction: D down, U up, C cyclic, T transitive). Counted with the algorithm of Batagelj & Mrvar
    (2001) in O(m Δ), without visiting the triples that have no tie; equal to networkx ``triadic_census`` and sna
    ``triad.census``. Weights are ignored; on an undirected snapshot only 003, 102, 201 and 300 occur.

    References
    ----------
    .. [1] Batagelj, V. & Mrvar, A. (2001). A subquadratic triad census algorithm for large sparse networks with small
       maximum degree. Social Networks 23(3), 237-243. https://doi.org/10.1016/S0378-8733(01)00035-1

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> census = wijknet.triad_census(alliance, relations="information", wave="T1")
    >>> census[["003", "012", "102", "300"]]
    003    4368.0
    012     505.0
    102      49.0
    300       0.0
    Name: triads, dtype: float64
    """
    names = ["003", "012", "102", "021D", "021U", "021C", "111D", "111U", "030T", "030C", "201", "120D",
             "120U", "120C", "210", "300"]
    return pd.Series(_snapshot(g, selection)._triad_census(), index=names, name="triads")


@checked(selection=SELECTION)
def transitivity(g: Any, **selection) -> float:
    """Global transitivity: the share of two-paths that are closed.

    Parameters
    ----------
    g : Alliance or Snapshot
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    float
        Between 0 and 1; 0 when there is no two-path.

    Notes
    -----
    Undirected: 3 x triangles / connected triples (networkx ``transitivity``, igraph ``transitivity_undirected``).
    Directed: the share of two-paths i -> j -> k (i != k) for which the tie i -> k exists, sna's
    ``gtrans(measure="weak")``. Weights are ignored.

    References
    ----------
    .. [1] Wasserman, S. & Faust, K. (1994). Social Network Analysis: Methods and Applications, section 6.2.
       Cambridge University Press. https://doi.org/10.1017/CBO9780511815478

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> round(wijknet.transitivity(alliance, relations="collaboration", wave="T1"), 4)
    0.1053
    """
    return _snapshot(g, selection)._transitivity()


@checked(selection=SELECTION)
def clustering(g: Any, weight: Any = None, method: str = "onnela", **selection) -> pd.Series:
    """Local clustering coefficient of each stakeholder.

    Parameters
    ----------
    g : Alliance or Snapshot
    weight : None, True, "weight" or "strength", default None
        None: the share of pairs of neighbours that are tied (Watts & Strogatz 1998). Otherwise weights are read as
        tie strength and ``method`` chooses the weighted variant.
    method : {"onnela", "barrat"}, default "onnela"
        The weighted variant: Onnela et al. (2005), the geometric mean of the triangle's weights over the largest
        weight (networkx), or Barrat et al. (2004), the weights of the two ties at the stakeholder (igraph).
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        Clustering per stakeholder, indexed by stakeholder id, named ``clustering``.

    Notes
    -----
    Computed on the undirected reading of the snapshot (a directed tie joins the pair). A stakeholder with fewer
    than two neighbours gets 0 (igraph's ``mode="zero"``).

    References
    ----------
    .. [1] Watts, D. J. & Strogatz, S. H. (1998). Collective dynamics of 'small-world' networks. Nature 393,
       440-442. https://doi.org/10.1038/30918
    .. [2] Onnela, J.-P., Saramäki, J., Kertész, J. & Kaski, K. (2005). Intensity and coherence of motifs in weighted
       complex networks. Physical Review E 71, 065103. https://doi.org/10.1103/PhysRevE.71.065103
    .. [3] Barrat, A., Barthélemy, M., Pastor-Satorras, R. & Vespignani, A. (2004). The architecture of complex
       weighted networks. PNAS 101(11), 3747-3752. https://doi.org/10.1073/pnas.0400087101

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.clustering(alliance, relations="collaboration", wave="T1").round(3).nlargest(3)
    stakeholder
    sv_de_kieviten           1.000
    bewoner_ayse_cicekdal    1.000
    wijkagent_kwikstaart     0.333
    Name: clustering, dtype: float64
    """
    s = _snapshot(g, selection)
    kind = "unweighted" if _weights(weight, "strength") == "none" else method
    return _series(s, s._clustering(kind), "clustering")


@checked(selection=SELECTION)
def components(g: Any, connection: str = "weak", **selection) -> pd.Series:
    """Connected component of each stakeholder.

    Parameters
    ----------
    g : Alliance or Snapshot
    connection : {"weak", "strong"}, default "weak"
        ``weak``: stakeholders joined by ties in either direction; ``strong``: stakeholders that reach each other
        along the direction of the ties (Tarjan's algorithm).
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        Component label (0, 1, ...) per stakeholder, indexed by stakeholder id, named ``component``. An isolate is a
        component of its own.

    Notes
    -----
    On an undirected snapshot both connections are the same. Weights are ignored. The components agree with R sna's
    ``components`` and networkx.

    References
    ----------
    .. [1] Tarjan, R. (1972). Depth-first search and linear graph algorithms. SIAM Journal on Computing 1(2),
       146-160. https://doi.org/10.1137/0201010

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> labels = wijknet.components(alliance, relations="referral", wave="T1")
    >>> labels.nunique(), int(labels.value_counts().max())
    (19, 14)
    """
    s = _snapshot(g, selection)
    if connection == "weak":
        labels = s.weak_components()
    elif connection == "strong":
        labels = s._strong_components()
    else:
        raise _core.InvalidValueError(f"connection must be 'weak' or 'strong', got {connection!r}")
    return _series(s, labels, "component", "int64")


def _distances(g, direction, weight, threads, selection):
    s = _snapshot(g, selection)
    return s, s._distances(direction, _weights(weight, "distance"), threads)


@checked(selection=SELECTION)
def eccentricity(g: Any, direction: str = "out", weight: Any = None, threads: int = 0, **selection) -> pd.Series:
    """Eccentricity: each stakeholder's longest shortest path to anyone it reaches.

    Parameters
    ----------
    g : Alliance or Snapshot
    direction : {"out", "in", "all"}, default "out"
    weight : None, True, "weight" or "distance", default None
        None counts steps; otherwise tie weights are lengths (a heavier tie is a longer step). ``"strength"`` is an
        error, not ignored: a strength has no single length, so give ties a length first (e.g. 1 / strength).
    threads : int, default 0
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        Eccentricity per stakeholder, indexed by stakeholder id, named ``eccentricity``; 0 for one who reaches no one.

    Notes
    -----
    Unreachable stakeholders are left out of the maximum, as igraph does; networkx raises on a disconnected graph and
    R sna returns infinity.

    References
    ----------
    .. [1] Wasserman, S. & Faust, K. (1994). Social Network Analysis: Methods and Applications, section 4.2.
       Cambridge University Press. https://doi.org/10.1017/CBO9780511815478

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.eccentricity(alliance, relations="collaboration", wave="T1").value_counts().sort_index()
    eccentricity
    0.0     9
    3.0     6
    4.0    13
    5.0     4
    Name: count, dtype: int64
    """
    s, r = _distances(g, direction, weight, threads, selection)
    return _series(s, r[0], "eccentricity")


@checked(selection=SELECTION)
def diameter(g: Any, direction: str = "out", weight: Any = None, threads: int = 0, **selection) -> float:
    """Diameter: the longest shortest path between two stakeholders that reach each other.

    Parameters
    ----------
    g : Alliance or Snapshot
    direction : {"out", "in", "all"}, default "out"
    weight : None, True, "weight" or "distance", default None
        None counts steps; otherwise tie weights are lengths (a heavier tie is a longer step). ``"strength"`` is an
        error, not ignored: a strength has no single length, so give ties a length first (e.g. 1 / strength).
    threads : int, default 0
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    float
        The largest eccentricity; 0 when no stakeholder reaches another.

    Notes
    -----
    Only reachable ordered pairs count (igraph ``diameter(unconn=True)``); see :func:`eccentricity`.

    References
    ----------
    .. [1] Wasserman, S. & Faust, K. (1994). Social Network Analysis: Methods and Applications, section 4.2.
       Cambridge University Press. https://doi.org/10.1017/CBO9780511815478

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.diameter(alliance, relations="collaboration", wave="T1")
    5.0
    >>> wijknet.diameter(alliance, relations="referral", wave="T1", direction="all")
    4.0
    """
    return _distances(g, direction, weight, threads, selection)[1][1]


@checked(selection=SELECTION)
def average_path_length(g: Any, direction: str = "out", weight: Any = None, threads: int = 0, **selection) -> float:
    """Mean length of the shortest paths between stakeholders that reach each other.

    Parameters
    ----------
    g : Alliance or Snapshot
    direction : {"out", "in", "all"}, default "out"
    weight : None, True, "weight" or "distance", default None
        None counts steps; otherwise tie weights are lengths (a heavier tie is a longer step). ``"strength"`` is an
        error, not ignored: a strength has no single length, so give ties a length first (e.g. 1 / strength).
    threads : int, default 0
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    float
        The mean over ordered pairs (i, j), i != j, where j is reachable from i; 0 when there are none.

    Notes
    -----
    Unreachable pairs are left out of the mean (igraph ``average_path_length(unconn=True)``); networkx raises on a
    disconnected graph.

    References
    ----------
    .. [1] Wasserman, S. & Faust, K. (1994). Social Network Analysis: Methods and Applications, section 4.2.
       Cambridge University Press. https://doi.org/10.1017/CBO9780511815478

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> round(wijknet.average_path_length(alliance, relations="collaboration", wave="T1"), 4)
    2.5929
    """
    return _distances(g, direction, weight, threads, selection)[1][2]


# --------------------------------------------------------------------------------- centrality

@checked(selection=SELECTION)
def degree(g: Any, direction: str = "all", weight: Any = None, **selection) -> pd.Series:
    """Degree (number of ties) or strength (sum of tie weights) of each stakeholder.

    Parameters
    ----------
    g : Alliance or Snapshot
    direction : {"all", "out", "in"}, default "all"
        Count ties out of the stakeholder, into it, or both (in + out on a directed snapshot).
    weight : None, True, "weight" or "strength", default None
        None counts ties; otherwise sums their weights (strength).
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        Degree per stakeholder, indexed by stakeholder id, named ``degree``.

    Notes
    -----
    On an undirected snapshot every direction gives the number of neighbours. Equals R sna's ``degree`` with
    ``gmode="digraph"`` (``cmode`` freeman, indegree, outdegree). Parallel ties have been merged by the snapshot's
    ``combine`` (sum by default, so strength adds up over relations and waves).

    References
    ----------
    .. [1] Freeman, L. C. (1978). Centrality in social networks: conceptual clarification. Social Networks 1(3),
       215-239. https://doi.org/10.1016/0378-8733(78)90021-7

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.degree(alliance, relations="referral", wave="T1", direction="in").nlargest(3)
    stakeholder
    welzijn_rivierstad          4.0
    jongerenwerker_roodborst    4.0
    coc_rivierstad              4.0
    Name: degree, dtype: float64
    """
    s = _snapshot(g, selection)
    return _series(s, s._degree(direction, _weights(weight, "strength")), "degree")


@checked(selection=SELECTION)
def betweenness(g: Any, normalized: bool = False, weight: Any = None, threads: int = 0, **selection) -> pd.Series:
    """Betweenness centrality: how many shortest paths between others run through each stakeholder.

    Parameters
    ----------
    g : Alliance or Snapshot
    normalized : bool, default False
        Divide by the number of pairs of others: (n-1)(n-2) directed, (n-1)(n-2)/2 undirected (networkx).
    weight : None, True, "weight" or "distance", default None
        None counts steps; otherwise tie weights are lengths (a heavier tie is a longer step). ``"strength"`` is an
        error, not ignored: a strength has no single length, so give ties a length first (e.g. 1 / strength).
    threads : int, default 0
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        Betweenness per stakeholder, indexed by stakeholder id, named ``betweenness``.

    Notes
    -----
    The betweenness of v is the sum over pairs (s, t) of others of σ_st(v) / σ_st, σ_st being the number of
    shortest paths from s to t and σ_st(v) the number of them through v (Freeman 1977), computed with Brandes' (2001)
    algorithm in O(nm) (O(nm + n² log n) weighted). Raw by default, each unordered pair counted once on an undirected
    snapshot: the values of igraph, R sna and networkx ``normalized=False``. Pairs that do not reach each other add
    nothing; an isolate scores 0.

    References
    ----------
    .. [1] Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry 40(1), 35-41.
       https://doi.org/10.2307/3033543
    .. [2] Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of Mathematical Sociology
       25(2), 163-177. https://doi.org/10.1080/0022250X.2001.9990249

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.betweenness(alliance, relations="referral", wave="T1").nlargest(3)
    stakeholder
    coc_rivierstad              14.0
    jongerenwerker_roodborst     8.0
    welzijn_rivierstad           4.0
    Name: betweenness, dtype: float64
    >>> wijknet.betweenness(alliance, relations="referral", wave="T1", normalized=True).round(4).nlargest(3)
    stakeholder
    coc_rivierstad              0.0151
    jongerenwerker_roodborst    0.0086
    welzijn_rivierstad          0.0043
    Name: betweenness, dtype: float64
    """
    s = _snapshot(g, selection)
    node, _ = s._betweenness(_weights(weight, "distance"), normalized, False, threads)
    return _series(s, node, "betweenness")


@checked(selection=SELECTION)
def edge_betweenness(g: Any, normalized: bool = False, weight: Any = None, threads: int = 0,
                     **selection) -> pd.Series:
    """Edge betweenness: how many shortest paths between stakeholders run along each tie.

    Parameters
    ----------
    g : Alliance or Snapshot
    normalized : bool, default False
        Divide by n(n-1) on a directed snapshot, n(n-1)/2 on an undirected one (networkx).
    weight : None, True, "weight" or "distance", default None
        None counts steps; otherwise tie weights are lengths (a heavier tie is a longer step). ``"strength"`` is an
        error, not ignored: a strength has no single length, so give ties a length first (e.g. 1 / strength).
    threads : int, default 0
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        Betweenness per tie, indexed by (``source``, ``target``) stakeholder ids, named ``edge_betweenness``.

    Notes
    -----
    The sum over pairs (s, t) of the share of shortest s-t paths using the tie (Brandes 2008, edge variant of
    Brandes' algorithm); equal to networkx ``edge_betweenness_centrality``. Each tie of the snapshot is one row
    (parallel ties merged by ``combine``).

    References
    ----------
    .. [1] Brandes, U. (2008). On variants of shortest-path betweenness centrality and their generic computation.
       Social Networks 30(2), 136-145. https://doi.org/10.1016/j.socnet.2007.11.001

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.edge_betweenness(alliance, relations="collaboration", wave="T1").nlargest(2)
    source              target                       
    welzijn_rivierstad  jongerenwerker_roodborst         65.100000
                        turkse_vrouwenvereniging_lale    33.883333
    Name: edge_betweenness, dtype: float64
    """
    s = _snapshot(g, selection)
    _, edge = s._betweenness(_weights(weight, "distance"), normalized, True, threads)
    src, dst = s._edge_ends()
    ids = s.ids
    index = pd.MultiIndex.from_arrays([[ids[i] for i in src], [ids[i] for i in dst]], names=["source", "target"])
    return pd.Series(edge, index=index, name="edge_betweenness", dtype="float64")


@checked(selection=SELECTION)
def closeness(g: Any, direction: str = "out", weight: Any = None, convention: str = "wasserman_faust",
              threads: int = 0, **selection) -> pd.Series:
    """Closeness centrality: how near each stakeholder is to the others.

    Parameters
    ----------
    g : Alliance or Snapshot
    direction : {"out", "in", "all"}, default "out"
        Distances from the stakeholder (igraph, sna), to it (networkx on a directed graph), or either way.
    weight : None, True, "weight" or "distance", default None
    convention : {"wasserman_faust", "reachable", "freeman"}, default "wasserman_faust"
        How unreachable stakeholders are handled (see Notes).
    threads : int, default 0
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        Closeness per stakeholder, indexed by stakeholder id, named ``closeness``.

    Notes
    -----
    With r the number of others the stakeholder reaches and Σd the sum of the distances to them:
    ``wasserman_faust`` (r / (n-1)) · (r / Σd), networkx's ``wf_improved`` default; ``reachable`` r / Σd, igraph's
    (an isolate gets 0 where igraph gives NaN); ``freeman`` (n-1) / Σd, and 0 unless everyone is reached, as R sna.

    References
    ----------
    .. [1] Freeman, L. C. (1978). Centrality in social networks: conceptual clarification. Social Networks 1(3),
       215-239. https://doi.org/10.1016/0378-8733(78)90021-7
    .. [2] Wasserman, S. & Faust, K. (1994). Social Network Analysis: Methods and Applications, section 5.3.
       Cambridge University Press. https://doi.org/10.1017/CBO9780511815478

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.closeness(alliance, relations="collaboration", wave="T1").round(4).nlargest(3)
    stakeholder
    welzijn_rivierstad      0.4337
    coc_rivierstad          0.3631
    wijkregisseur_specht    0.3548
    Name: closeness, dtype: float64
    """
    s = _snapshot(g, selection)
    return _series(s, s._closeness(direction, _weights(weight, "distance"), convention, False, False, threads),
                   "closeness")


@checked(selection=SELECTION)
def harmonic(g: Any, direction: str = "out", weight: Any = None, normalized: bool = False, threads: int = 0,
             **selection) -> pd.Series:
    """Harmonic centrality: the sum of the inverse distances to the other stakeholders.

    Parameters
    ----------
    g : Alliance or Snapshot
    direction : {"out", "in", "all"}, default "out"
        Distances from the stakeholder, to it, or either way.
    weight : None, True, "weight" or "distance", default None
    normalized : bool, default False
        Divide by n - 1 (igraph ``harmonic_centrality(normalized=True)``).
    threads : int, default 0
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        Harmonic centrality per stakeholder, indexed by stakeholder id, named ``harmonic``.

    Notes
    -----
    H(v) = Σ_{u != v} 1 / d(v, u), an unreachable u adding 0 (Marchiori & Latora 2000), so it needs no special
    case for disconnected networks. Unnormalised it equals networkx ``harmonic_centrality`` (with networkx's
    distances *to* the node, ``direction="in"`` on a directed snapshot).

    References
    ----------
    .. [1] Marchiori, M. & Latora, V. (2000). Harmony in the small-world. Physica A 285(3-4), 539-546.
       https://doi.org/10.1016/S0378-4371(00)00311-3

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.harmonic(alliance, relations="collaboration", wave="T1", normalized=True).round(4).nlargest(3)
    stakeholder
    welzijn_rivierstad          0.5054
    coc_rivierstad              0.4140
    alle_kleuren_begeleiding    0.4140
    Name: harmonic, dtype: float64
    """
    s = _snapshot(g, selection)
    return _series(s, s._closeness(direction, _weights(weight, "distance"), "freeman", True, normalized, threads),
                   "harmonic")


@checked(selection=SELECTION)
def eigenvector(g: Any, weight: Any = None, tol: float = 1e-12, max_iter: int = 10000, **selection) -> pd.Series:
    """Eigenvector centrality: a stakeholder is central when central stakeholders tie to it.

    Parameters
    ----------
    g : Alliance or Snapshot
    weight : None, True, "weight" or "strength", default None
    tol : float, default 1e-12
    max_iter : int, default 10000
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        Centrality per stakeholder, indexed by stakeholder id, named ``eigenvector``; the vector has unit
        Euclidean length.

    Notes
    -----
    The principal eigenvector x of Aᵀ (x_v = λ⁻¹ Σ_u a_uv x_u: ties *into* v count), found by power iteration on
    Aᵀ + I from the all-ones vector, as networkx ``eigenvector_centrality``; on a network that is not connected the
    result depends on that start vector, as in networkx. Not converging within ``max_iter`` iterations is an
    InvalidValueError. O(m) per iteration.

    References
    ----------
    .. [1] Bonacich, P. (1972). Factoring and weighting approaches to status scores and clique identification.
       Journal of Mathematical Sociology 2(1), 113-120. https://doi.org/10.1080/0022250X.1972.9989806

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.eigenvector(alliance, relations="collaboration", wave="T1").round(4).nlargest(3)
    stakeholder
    welzijn_rivierstad          0.5046
    coc_rivierstad              0.3489
    alle_kleuren_begeleiding    0.3420
    Name: eigenvector, dtype: float64
    """
    s = _snapshot(g, selection)
    return _series(s, s._eigenvector(_weights(weight, "strength"), tol, max_iter), "eigenvector")


@checked(selection=SELECTION)
def pagerank(g: Any, alpha: float = 0.85, weight: Any = None, tol: float = 1e-12, max_iter: int = 10000,
             **selection) -> pd.Series:
    """PageRank of each stakeholder.

    Parameters
    ----------
    g : Alliance or Snapshot
    alpha : float, default 0.85
        The damping factor: the chance of following a tie rather than jumping to a random stakeholder.
    weight : None, True, "weight" or "strength", default None
        None treats ties alike; otherwise a walker leaves along a tie with a chance proportional to its weight.
    tol : float, default 1e-12
    max_iter : int, default 10000
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        PageRank per stakeholder, indexed by stakeholder id, named ``pagerank``; the values sum to 1.

    Notes
    -----
    The stationary distribution of a random walk that follows an out-tie with probability alpha and jumps to a
    uniformly chosen stakeholder otherwise; a stakeholder without out-ties spreads its rank evenly over everyone.
    Equal to networkx ``pagerank`` and igraph ``pagerank``. An undirected tie can be walked both ways.

    References
    ----------
    .. [1] Page, L., Brin, S., Motwani, R. & Winograd, T. (1999). The PageRank citation ranking: bringing order to
       the web. Stanford InfoLab technical report 1999-66.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.pagerank(alliance, relations="referral", wave="T1").round(4).nlargest(3)
    stakeholder
    wijkagent_kwikstaart        0.1733
    welzijn_rivierstad          0.1173
    jongerenwerker_roodborst    0.0982
    Name: pagerank, dtype: float64
    """
    s = _snapshot(g, selection)
    return _series(s, s._pagerank(alpha, _weights(weight, "strength"), tol, max_iter), "pagerank")


@checked(selection=SELECTION)
def katz(g: Any, alpha: float = 0.1, beta: float = 1.0, weight: Any = None, tol: float = 1e-12,
         max_iter: int = 10000, **selection) -> pd.Series:
    """Katz centrality: ties into a stakeholder count, and so do longer walks, attenuated by their length.

    Parameters
    ----------
    g : Alliance or Snapshot
    alpha : float, default 0.1
        The attenuation factor; it must be below 1 / the largest eigenvalue of A, or the iteration diverges (an
        error).
    beta : float, default 1.0
        The centrality every stakeholder starts with.
    weight : None, True, "weight" or "strength", default None
    tol : float, default 1e-12
    max_iter : int, default 10000
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        Centrality per stakeholder, indexed by stakeholder id, named ``katz``; the vector has unit Euclidean length.

    Notes
    -----
    The solution of x = alpha Aᵀ x + beta, scaled to unit length, as networkx ``katz_centrality(normalized=True)``.

    References
    ----------
    .. [1] Katz, L. (1953). A new status index derived from sociometric analysis. Psychometrika 18(1), 39-43.
       https://doi.org/10.1007/BF02289026

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.katz(alliance, relations="referral", wave="T1").round(4).nlargest(3)
    stakeholder
    welzijn_rivierstad          0.2454
    jongerenwerker_roodborst    0.2381
    coc_rivierstad              0.2344
    Name: katz, dtype: float64
    """
    s = _snapshot(g, selection)
    return _series(s, s._katz(alpha, beta, _weights(weight, "strength"), tol, max_iter), "katz")


@checked(selection=SELECTION)
def centralization(g: Any, measure: str = "degree", threads: int = 0, **selection) -> float:
    """Freeman centralisation: how much one stakeholder dominates the network on a centrality.

    Parameters
    ----------
    g : Alliance or Snapshot
    measure : {"degree", "indegree", "outdegree", "betweenness", "closeness"}, default "degree"
        The centrality whose inequality is measured.
    threads : int, default 0
        Threads for the all-pairs search of betweenness and closeness; 0 uses every core.
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    float
        0 when every stakeholder scores the same, 1 for a star.

    Notes
    -----
    Σ_v (max c − c_v) divided by the same sum for the star on n stakeholders, as R sna's ``centralization``: degree
    (n-1)(n-2) undirected and 2(n-1)(n-2) directed (total degree), in- and out-degree (n-1)², betweenness
    (n-1)²(n-2) directed and half that undirected, closeness (Freeman's) (n-1)(n-2)/(2n-3). Weights are ignored.

    References
    ----------
    .. [1] Freeman, L. C. (1978). Centrality in social networks: conceptual clarification. Social Networks 1(3),
       215-239. https://doi.org/10.1016/0378-8733(78)90021-7

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> round(wijknet.centralization(alliance, relations="collaboration", wave="T1"), 4)
    0.2774
    >>> round(wijknet.centralization(alliance, measure="betweenness", relations="collaboration", wave="T1"), 4)
    0.2743
    """
    return _snapshot(g, selection)._centralization(measure, threads)


# ------------------------------------------------------------------------- structural holes

@checked(selection=SELECTION)
def structural_holes(g: Any, alters: str = "both", weight: Any = True, **selection) -> pd.DataFrame:
    """Burt's structural-hole measures: constraint, effective size, efficiency and hierarchy.

    Parameters
    ----------
    g : Alliance or Snapshot
    alters : {"both", "out", "in"}, default "both"
    weight : True, None, "weight" or "strength", default True
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.DataFrame
        Indexed by stakeholder id, with the columns ``constraint``, ``effective_size``, ``efficiency`` and
        ``hierarchy``.

    Notes
    -----
    With p_ij = z_ij / Σ_k z_ik the share of i's ties invested in j and m_jq = z_jq / max_k z_jk,
    for each stakeholder i over its alters j:

    - constraint C_i = Σ_j (p_ij + Σ_q p_iq p_qj)², q ranging over the other alters (networkx ``constraint``,
      igraph ``constraint``);
    - effective size Σ_j (1 − Σ_q p_iq m_jq): the number of alters less their redundancy (networkx
      ``effective_size``; on directed graphs wijknet follows the formula, as networkx's per-node path does);
    - efficiency: effective size / number of alters;
    - hierarchy Σ_j r_j ln r_j / (N ln N), r_j = c_ij / (C_i / N), N alters: how much of the constraint comes from
      one alter (Burt 1992; UCINET). NaN for a single alter.

    An isolate gets NaN in all four, as networkx.

    References
    ----------
    .. [1] Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard University Press.
       https://doi.org/10.4159/9780674029095

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> holes = wijknet.structural_holes(alliance, relations="collaboration", wave="T1")
    >>> holes.round(3).sort_values("constraint").head(3)
                              constraint  effective_size  efficiency  hierarchy
    stakeholder                                                                
    welzijn_rivierstad             0.131           9.598       0.960      0.071
    alle_kleuren_begeleiding       0.190           6.760       0.966      0.065
    coc_rivierstad                 0.231           4.682       0.936      0.014
    """
    s = _snapshot(g, selection)
    c, es, ef, h = s._structural_holes(alters, _weights(weight, "strength"))
    return pd.DataFrame({"constraint": c, "effective_size": es, "efficiency": ef, "hierarchy": h},
                        index=_stakeholder_index(s))


def _burt_column(column: str, summary: str, example: str):
    """Gives a one-column shortcut of :func:`structural_holes` its docstring (one text serves all four)."""
    def decorate(function):
        function.__doc__ = f"""{summary}

        Parameters
        ----------
        g : Alliance or Snapshot
        alters : {{"both", "out", "in"}}, default "both"
        weight : True, None, "weight" or "strength", default True
        **selection
            The selection keywords (docs/selection.md).

        Returns
        -------
        pandas.Series
            The ``{column}`` column of :func:`structural_holes`, indexed by stakeholder id.

        Notes
        -----
        See :func:`structural_holes` for the formula; isolates get NaN.

        References
        ----------
        .. [1] Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard University Press.
           https://doi.org/10.4159/9780674029095

        Examples
        --------
        >>> import wijknet
        >>> alliance = wijknet.load_example()
        >>> wijknet.{column}(alliance, relations="collaboration", wave="T1").round(3).nsmallest(3)
{example}
        Name: {column}, dtype: float64
        """
        return function
    return decorate


@checked(selection=SELECTION)
@_burt_column("constraint", "Burt's constraint: how much a stakeholder's ties lead to one another.", """\
        stakeholder
        welzijn_rivierstad          0.131
        alle_kleuren_begeleiding    0.190
        coc_rivierstad              0.231""")
def constraint(g: Any, alters: str = "both", weight: Any = True, **selection) -> pd.Series:
    return structural_holes(g, alters, weight, **selection)["constraint"]


@checked(selection=SELECTION)
@_burt_column("effective_size", "Burt's effective size: the number of alters less their redundancy.", """\
        stakeholder
        stichting_fri_fu_libi         1.0
        moskee_jongeren_al_amal       1.0
        eritrese_gemeenschap_selam    1.0""")
def effective_size(g: Any, alters: str = "both", weight: Any = True, **selection) -> pd.Series:
    return structural_holes(g, alters, weight, **selection)["effective_size"]


@checked(selection=SELECTION)
@_burt_column("efficiency", "Burt's efficiency: effective size per alter.", """\
        stakeholder
        bewoner_ayse_cicekdal    0.500
        sv_de_kieviten           0.655
        stichting_een_wijk       0.767""")
def efficiency(g: Any, alters: str = "both", weight: Any = True, **selection) -> pd.Series:
    return structural_holes(g, alters, weight, **selection)["efficiency"]


@checked(selection=SELECTION)
@_burt_column("hierarchy", "Burt's hierarchy: how far a stakeholder's constraint comes from one alter.", """\
        stakeholder
        beleidsmedewerker_zilvermeeuw    0.000
        coc_rivierstad                   0.014
        wijkregisseur_specht             0.032""")
def hierarchy(g: Any, alters: str = "both", weight: Any = True, **selection) -> pd.Series:
    return structural_holes(g, alters, weight, **selection)["hierarchy"]


# ------------------------------------------------------------------------- brokerage, mixing

_ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]


@checked(selection=SELECTION)
def brokerage(g: Any, by: Any = "role", scores: str = "raw", include_sensitive: bool = False,
              **selection) -> pd.DataFrame:
    """Gould & Fernandez brokerage roles of each stakeholder between groups.

    Parameters
    ----------
    g : Alliance or Snapshot
    by : "role", "kind", str, dict or pandas.Series, default "role"
    scores : {"raw", "expected", "sd", "z"}, default "raw"
        The counts, their expectation and standard deviation under a random graph of the same density, or
        z = (raw − expected) / sd (NaN where sd = 0), as R sna's ``brokerage``.
    include_sensitive : bool, default False
        Grouping by an attribute marked sensitive (whose values would label the groups) needs ``True``; without it
        such an attribute is an error.
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.DataFrame
        Indexed by stakeholder id, with the columns ``coordinator``, ``itinerant``, ``representative``,
        ``gatekeeper``, ``liaison`` and ``total``.

    Notes
    -----
    For each broker v, the open two-paths a -> v -> c (a != c, no tie a -> c) are counted by the groups of a, v and c:
    coordinator all three in one group (sna ``w_I``); itinerant (consultant) a and c in one group, v in another
    (``w_O``); representative a and v together, c outside (``b_IO``); gatekeeper v and c together, a outside
    (``b_OI``); liaison three different groups (``b_O``); total all of them (``t``). Undirected ties count both ways,
    as sna on symmetric data. Weights are ignored. Expectations follow sna (docs/measures.md).

    References
    ----------
    .. [1] Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to brokerage in
       transaction networks. Sociological Methodology 19, 89-126. https://doi.org/10.2307/270949

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> roles = wijknet.brokerage(alliance, relations="referral", wave="T1")
    >>> roles.sort_values("total", ascending=False).head(3)[["representative", "gatekeeper", "liaison", "total"]]
                              representative  gatekeeper  liaison  total
    stakeholder                                                         
    jongerenwerker_roodborst             0.0         3.0      4.0    7.0
    coc_rivierstad                       0.0         0.0      7.0    7.0
    welzijn_rivierstad                   0.0         0.0      3.0    3.0
    """
    s = _snapshot(g, selection)
    codes, _ = _groups(s, g, by, "brokerage", include_sensitive)
    raw, expected, sd, z, _density = s._brokerage(codes)
    table = {"raw": raw, "expected": expected, "sd": sd, "z": z}
    if scores not in table:
        raise _core.InvalidValueError(f"scores must be 'raw', 'expected', 'sd' or 'z', got {scores!r}")
    return pd.DataFrame(table[scores], columns=_ROLES, index=_stakeholder_index(s))


@checked(selection=SELECTION)
def mixing_matrix(g: Any, by: Any = "role", normalized: str | None = None, weight: Any = None,
                  include_sensitive: bool = False, **selection) -> pd.DataFrame:
    """Group-by-group tie counts (or densities): who ties to whom across groups.

    Parameters
    ----------
    g : Alliance or Snapshot
    by : "role", "kind", str, dict or pandas.Series, default "role"
    normalized : None or "density", default None
        None: tie counts (or weight sums); ``"density"``: divided by the number of possible ties between the groups.
    weight : None, True, "weight" or "strength", default None
        None counts ties; otherwise sums their weights.
    include_sensitive : bool, default False
        Grouping by an attribute marked sensitive (whose values would label the groups) needs ``True``; without it
        such an attribute is an error.
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.DataFrame
        Rows are the sending groups (index ``from``), columns the receiving ones (``to``).

    Notes
    -----
    A directed tie counts in the cell of its source's and target's groups. An undirected tie counts in both cells
    between two groups and once within a group. The density divides by n_a n_b between groups and by n_a (n_a − 1)
    within (halved on an undirected snapshot).

    References
    ----------
    .. [1] Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E 67, 026126.
       https://doi.org/10.1103/PhysRevE.67.026126

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> m = wijknet.mixing_matrix(alliance, relations="referral", wave="T1")
    >>> m.loc[["wijkagent", "welzijnswerk"], ["wijkagent", "welzijnswerk"]]
    to            wijkagent  welzijnswerk
    from                                 
    wijkagent           0.0           0.0
    welzijnswerk        2.0           1.0
    """
    s = _snapshot(g, selection)
    codes, labels = _groups(s, g, by, "mixing_matrix", include_sensitive)
    ties, dens, _ = s._mixing(codes, _weights(weight, "strength"))
    if normalized not in (None, "density"):
        raise _core.InvalidValueError("normalized must be None or 'density'")
    data = dens if normalized == "density" else ties
    return pd.DataFrame(data, index=pd.Index(labels, name="from"), columns=pd.Index(labels, name="to"))


@dataclass
class EIIndex:
    """The E-I index of an alliance at every level; returned by :func:`ei_index`.

    Attributes
    ----------
    network : float
        (E − I) / (E + I) over all ties.
    groups : pandas.Series
        The index of each group's ties (index ``group``).
    stakeholders : pandas.Series
        The index of each stakeholder's ties, indexed by stakeholder id; NaN for an isolate.
    expected : float
        The network index of the complete graph on the same groups (UCINET's expected value).
    rescaled : float
        ``network`` with ``expected`` mapped to 0: [−1, expected] onto [−1, 0] and [expected, 1] onto [0, 1].
    external, internal : float
        E and I: the number of ties between groups and within groups.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> ei = wijknet.ei_index(alliance, relations="collaboration", wave="T1")
    >>> (ei.external, ei.internal)
    (28.0, 3.0)
    """

    network: float
    groups: pd.Series
    stakeholders: pd.Series
    expected: float
    rescaled: float
    external: float
    internal: float


@checked(selection=SELECTION)
def ei_index(g: Any, by: Any = "role", include_sensitive: bool = False, **selection) -> EIIndex:
    """Krackhardt & Stern's E-I index: external against internal ties, for the network, each group and each stakeholder.

    Parameters
    ----------
    g : Alliance or Snapshot
    by : "role", "kind", str, dict or pandas.Series, default "role"
    include_sensitive : bool, default False
        Grouping by an attribute marked sensitive (whose values would label the groups) needs ``True``; without it
        such an attribute is an error.
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    EIIndex
        ``network``, ``groups``, ``stakeholders``, ``expected``, ``rescaled``, ``external``, ``internal``.

    Notes
    -----
    E-I = (E − I) / (E + I), E counting ties between groups and I ties within: −1 when every tie stays inside a group,
    +1 when every tie crosses. A tie counts for both its ends at the stakeholder level. Because large groups leave
    fewer possible ties within, the index of a random network is not 0: ``expected`` is the value of the complete
    graph on the same groups and ``rescaled`` maps it to 0 (wijknet's definition). Weights are ignored.

    References
    ----------
    .. [1] Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises: an experimental
       simulation. Social Psychology Quarterly 51(2), 123-140. https://doi.org/10.2307/2786835

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> ei = wijknet.ei_index(alliance, relations="collaboration", wave="T1")
    >>> round(ei.network, 4), round(ei.expected, 4), round(ei.rescaled, 4)
    (0.8065, 0.6452, 0.4545)
    >>> ei.groups.round(3)
    group
    wijkagent             1.000
    welzijnswerk          0.857
    zelforganisatie       1.000
    lhbti_organisatie     0.714
    bewonersinitiatief    1.000
    sociale_partner       1.000
    gemeente              0.667
    kerngroep             1.000
    bewoner               1.000
    Name: ei, dtype: float64
    """
    s = _snapshot(g, selection)
    codes, labels = _groups(s, g, by, "ei_index", include_sensitive)
    net, groups, verts, expected, rescaled, e, i = s._ei_index(codes)
    return EIIndex(net, pd.Series(groups, index=pd.Index(labels, name="group"), name="ei"),
                   _series(s, verts, "ei"), expected, rescaled, e, i)


@checked(selection=SELECTION)
def assortativity(g: Any, by: Any = "role", include_sensitive: bool = False, **selection) -> float:
    """Newman's assortativity: how far ties join alike stakeholders.

    Parameters
    ----------
    g : Alliance or Snapshot
    by : "role", "kind", "degree", str, dict or pandas.Series, default "role"
        A category (first role, kind, a text attribute or a mapping from id to group), a numeric attribute, or
        ``"degree"``.
    include_sensitive : bool, default False
        Grouping by an attribute marked sensitive (whose values would label the groups) needs ``True``; without it
        such an attribute is an error.
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    float
        From −1 (ties join unlike stakeholders) through 0 (as by chance) to 1 (only alike ones).

    Notes
    -----
    For a category, r = (Σ_g e_gg − Σ_g a_g b_g) / (1 − Σ_g a_g b_g), e being the share of ties from group to group
    and a, b its row and column sums (networkx ``attribute_assortativity_coefficient``). For a numeric attribute, the
    Pearson correlation of the values at both ends of the ties (``numeric_assortativity_coefficient``; every
    stakeholder needs a value). ``by="degree"``: the out-degree of the source against the in-degree of the target on
    a directed snapshot, degree against degree on an undirected one (``degree_assortativity_coefficient``). Weights
    are ignored; an undirected tie counts both ways.

    References
    ----------
    .. [1] Newman, M. E. J. (2003). Mixing patterns in networks. Physical Review E 67, 026126.
       https://doi.org/10.1103/PhysRevE.67.026126

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> round(wijknet.assortativity(alliance, by="sector", relations="collaboration", wave="T1"), 4)
    0.102
    >>> round(wijknet.assortativity(alliance, by="degree", relations="collaboration", wave="T1"), 4)
    -0.4218
    """
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
    """k-core number: the largest k for which the stakeholder is in a subgraph where everyone has degree at least k.

    Parameters
    ----------
    g : Alliance or Snapshot
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        Core number per stakeholder (int), indexed by stakeholder id, named ``core``; 0 for an isolate.

    Notes
    -----
    Computed by peeling off the stakeholders of least degree (Batagelj & Zaversnik), O(m). On a directed snapshot
    degree is in + out (igraph ``coreness(mode="all")``, networkx ``core_number``). Weights are ignored.

    References
    ----------
    .. [1] Batagelj, V. & Zaversnik, M. (2011). Fast algorithms for determining (generalized) core groups in social
       networks. Advances in Data Analysis and Classification 5(2), 129-145.
       https://doi.org/10.1007/s11634-010-0079-y

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.core_number(alliance, relations="collaboration", wave="T1").value_counts().sort_index()
    core
    0     9
    1    11
    2    12
    Name: count, dtype: int64
    """
    s = _snapshot(g, selection)
    return _series(s, s._core_number(), "core", "int64")


@checked(selection=SELECTION)
def articulation_points(g: Any, **selection) -> list[str]:
    """Cut points: the stakeholders whose leaving splits their part of the network.

    Parameters
    ----------
    g : Alliance or Snapshot
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    list of str
        Stakeholder ids.

    Notes
    -----
    A stakeholder is a cut point when removing it (and its ties) leaves more components than before. Read on the
    undirected network (a directed tie joins the pair), with Hopcroft & Tarjan's depth-first search, O(n + m);
    networkx ``articulation_points`` and igraph agree. See :func:`fragmentation` for how badly a removal splits.

    References
    ----------
    .. [1] Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph manipulation.
       Communications of the ACM 16(6), 372-378. https://doi.org/10.1145/362248.362272

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> sorted(wijknet.articulation_points(alliance, relations="referral", wave="T1"))
    ['buurtpreventie_vogelwijk', 'coc_rivierstad', 'jongerenwerker_roodborst', 'stichting_een_wijk', 'welzijn_rivierstad']
    """
    s = _snapshot(g, selection)
    points, _, _ = s._biconnected()
    return [s.ids[v] for v in points]


@checked(selection=SELECTION)
def bridges(g: Any, **selection) -> list[tuple[str, str]]:
    """Bridges: the ties whose loss splits their part of the network.

    Parameters
    ----------
    g : Alliance or Snapshot
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    list of tuple of str
        (source, target) stakeholder ids.

    Notes
    -----
    Read on the undirected network (a directed tie joins the pair; two ties of one pair are one), with Hopcroft &
    Tarjan's depth-first search, O(n + m), as networkx ``bridges``.

    References
    ----------
    .. [1] Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph manipulation.
       Communications of the ACM 16(6), 372-378. https://doi.org/10.1145/362248.362272

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> sorted(wijknet.bridges(alliance, relations="referral", wave="T1"))[:3]
    [('buurtpreventie_vogelwijk', 'bewoner_grietje_grasmus'), ('coc_rivierstad', 'bewoner_femke_fuut'), ('coc_rivierstad', 'stichting_een_wijk')]
    """
    s = _snapshot(g, selection)
    _, pairs, _ = s._biconnected()
    return [(s.ids[u], s.ids[v]) for u, v in pairs]


@checked(selection=SELECTION)
def biconnected_components(g: Any, **selection) -> list[set[str]]:
    """Biconnected components: the largest groups that stay connected when any one member leaves.

    Parameters
    ----------
    g : Alliance or Snapshot
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    list of set of str
        One set of stakeholder ids per component; a cut point is in several. Isolates are in none.

    Notes
    -----
    Read on the undirected network, with Hopcroft & Tarjan's depth-first search, O(n + m); a single tie whose ends
    belong to no larger block is a component of two (as networkx ``biconnected_components``).

    References
    ----------
    .. [1] Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph manipulation.
       Communications of the ACM 16(6), 372-378. https://doi.org/10.1145/362248.362272

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> sorted(len(c) for c in wijknet.biconnected_components(alliance, relations="referral", wave="T1"))
    [2, 2, 2, 2, 2, 2, 2, 2, 6]
    """
    s = _snapshot(g, selection)
    _, _, comps = s._biconnected()
    return [{s.ids[v] for v in c} for c in comps]


@checked(selection=SELECTION)
def cliques(g: Any, min_size: int = 1, **selection) -> list[list[str]]:
    """Maximal cliques: groups in which everyone is tied to everyone, not part of a larger such group.

    Parameters
    ----------
    g : Alliance or Snapshot
    min_size : int, default 1
        Leave out cliques smaller than this.
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    list of list of str
        One list of stakeholder ids per clique, ids in snapshot order.

    Notes
    -----
    On the undirected reading of the snapshot, with the Bron-Kerbosch algorithm and Tomita's pivoting (worst case
    O(3^(n/3))); the same cliques as networkx ``find_cliques``.

    References
    ----------
    .. [1] Tomita, E., Tanaka, A. & Takahashi, H. (2006). The worst-case time complexity for generating all maximal
       cliques and computational experiments. Theoretical Computer Science 363(1), 28-42.
       https://doi.org/10.1016/j.tcs.2006.06.015

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.cliques(alliance, min_size=3, relations="collaboration", wave="T1")[:2]
    [['wijkagent_kwikstaart', 'welzijn_rivierstad', 'coc_rivierstad'], ['wijkagent_kwikstaart', 'welzijn_rivierstad', 'wijkregisseur_specht']]
    """
    s = _snapshot(g, selection)
    return [[s.ids[v] for v in c] for c in s._cliques(min_size)]


@checked(selection=SELECTION)
def node_connectivity(g: Any, source: str, target: str, direction: str = "out", **selection) -> int:
    """The number of paths from one stakeholder to another that share no stakeholder on the way.

    Parameters
    ----------
    g : Alliance or Snapshot
    source, target : str
        Stakeholder ids in the selection.
    direction : {"out", "in", "all"}, default "out"
        Follow ties from source to target along their direction, against it, or either way.
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    int
        How many stakeholders must leave to cut every route from source to target (Menger's theorem); a direct tie
        counts as one route that no removal cuts.

    Notes
    -----
    Computed as a maximum flow with unit vertex capacities. On pairs without a direct tie it equals networkx
    ``node_connectivity(G, s, t)``. Weights are ignored. An id outside the selection is an UnknownIdError.

    References
    ----------
    .. [1] Even, S. & Tarjan, R. E. (1975). Network flow and testing graph connectivity. SIAM Journal on Computing
       4(4), 507-518. https://doi.org/10.1137/0204043

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.node_connectivity(alliance, "buurtpreventie_vogelwijk", "wijkagent_kwikstaart", relations="referral",
    ...                           wave="T1")
    2
    """
    s = _snapshot(g, selection)
    index = {i: k for k, i in enumerate(s.ids)}
    for name in (source, target):
        if name not in index:
            raise _core.UnknownIdError(f"stakeholder '{name}' is not in this selection")
    return s._node_connectivity(index[source], index[target], direction)


# -------------------------------------------------------------------------------- communities

def _communities(g, method, resolution, weight, seed, selection, max_iterations=None):
    s = _snapshot(g, selection)
    if max_iterations is not None and (not isinstance(max_iterations, int) or max_iterations < 1):
        raise _core.InvalidValueError(f"max_iterations must be a whole number of at least 1 (or None), got {max_iterations!r}")
    labels = s._communities(method, resolution, _weights(weight, "strength"), seed, max_iterations or 0)
    return _series(s, labels, "community", "int64")


@checked(selection=SELECTION)
def louvain(g: Any, resolution: float = 1.0, weight: Any = True, seed: int = 42, **selection) -> pd.Series:
    """Communities by the Louvain method (greedy modularity optimisation).

    Parameters
    ----------
    g : Alliance or Snapshot
    resolution : float, default 1.0
    weight : True, None, "weight" or "strength", default True
    seed : int, default 42
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        Community label (0, 1, ...) per stakeholder (int), indexed by stakeholder id, named ``community``.

    Notes
    -----
    Stakeholders move to the neighbouring community that raises the modularity most, communities are merged into
    single nodes and the moves repeat (Blondel et al. 2008). The network is read as undirected and weighted (a
    directed tie adds to the pair either way). See :func:`modularity` for the quality of the result.

    References
    ----------
    .. [1] Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding of communities in
       large networks. Journal of Statistical Mechanics P10008. https://doi.org/10.1088/1742-5468/2008/10/P10008

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> parts = wijknet.louvain(alliance, relations="collaboration", wave="T1")
    >>> parts.nunique(), round(wijknet.modularity(alliance, parts, relations="collaboration", wave="T1"), 4)
    (13, 0.4527)
    """
    return _communities(g, "louvain", resolution, weight, seed, selection)


@checked(selection=SELECTION)
def leiden(g: Any, resolution: float = 1.0, weight: Any = True, seed: int = 42, max_iterations: int | None = None,
           **selection) -> pd.Series:
    """Communities by the Leiden method: Louvain with a refinement that keeps communities connected.

    Parameters
    ----------
    g : Alliance or Snapshot
    resolution : float, default 1.0
    weight : True, None, "weight" or "strength", default True
    seed : int, default 42
    max_iterations : int, optional
        At most this many passes; default: repeat until a pass changes nothing.
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        The community labels, as :func:`louvain` gives them.

    Notes
    -----
    As :func:`louvain`, with a refinement step before every aggregation (Traag et al. 2019). Passes repeat, each
    from the partition of the one before, until a pass changes nothing (igraph's ``n_iterations=-1``) or
    ``max_iterations`` passes have run. Fast local moving lets a stakeholder leave for a community of its own; the
    refinement merges each well-connected singleton into a well-connected part of its community drawn with
    probability proportional to exp(ΔQ / θ), θ = 0.01 (the paper's and igraph's randomised merge, seeded), so every
    community is connected. The network is read as undirected and weighted.

    References
    ----------
    .. [1] Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden: guaranteeing well-connected
       communities. Scientific Reports 9, 5233. https://doi.org/10.1038/s41598-019-41695-z

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> parts = wijknet.leiden(alliance, relations="collaboration", wave="T1")
    >>> parts.nunique(), round(wijknet.modularity(alliance, parts, relations="collaboration", wave="T1"), 4)
    (13, 0.4527)
    """
    return _communities(g, "leiden", resolution, weight, seed, selection, max_iterations)


@checked(selection=SELECTION)
def label_propagation(g: Any, weight: Any = True, seed: int = 42, **selection) -> pd.Series:
    """Communities by asynchronous label propagation.

    Parameters
    ----------
    g : Alliance or Snapshot
    weight : True, None, "weight" or "strength", default True
    seed : int, default 42
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        The community labels, as :func:`louvain` gives them.

    Notes
    -----
    Every stakeholder starts with a label of its own and, in random order, takes the label that weighs most among its
    neighbours, until no label changes (Raghavan et al. 2007). The network is read as undirected. Fast, but the
    result depends more on the seed than Louvain's or Leiden's.

    References
    ----------
    .. [1] Raghavan, U. N., Albert, R. & Kumara, S. (2007). Near linear time algorithm to detect community structures
       in large-scale networks. Physical Review E 76, 036106. https://doi.org/10.1103/PhysRevE.76.036106

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.label_propagation(alliance, relations="collaboration", wave="T1").nunique()
    12
    """
    return _communities(g, "label_propagation", 1.0, weight, seed, selection)


@checked(selection=SELECTION)
def modularity(g: Any, communities: Any, resolution: float = 1.0, weight: Any = None, **selection) -> float:
    """Modularity of a partition of the stakeholders into communities.

    Parameters
    ----------
    g : Alliance or Snapshot
    communities : dict, pandas.Series or list of sets
        Community of each stakeholder (a mapping from id to label, such as :func:`louvain` returns), or the
        communities as sets of ids. Every stakeholder of the selection needs one.
    resolution : float, default 1.0
        γ below.
    weight : None, True, "weight" or "strength", default None
        None treats every tie as 1; otherwise weights are tie strength.
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    float

    Notes
    -----
    Q = Σ_c [L_c / m − γ (d_c / 2m)²], L_c being the ties within community c, d_c its degree sum and m the number
    of ties (Newman & Girvan 2004); on a directed snapshot Q = Σ_c [L_c / m − γ d_c^out d_c^in / m²] (Leicht &
    Newman 2008). Equal to networkx ``community.modularity`` and igraph's.

    References
    ----------
    .. [1] Newman, M. E. J. & Girvan, M. (2004). Finding and evaluating community structure in networks. Physical
       Review E 69, 026113. https://doi.org/10.1103/PhysRevE.69.026113
    .. [2] Leicht, E. A. & Newman, M. E. J. (2008). Community structure in directed networks. Physical Review Letters
       100, 118703. https://doi.org/10.1103/PhysRevLett.100.118703

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> sectors = alliance.stakeholders()["sector"]
    >>> round(wijknet.modularity(alliance, sectors, relations="collaboration", wave="T1"), 4)
    0.0806
    """
    s = _snapshot(g, selection)
    if isinstance(communities, (Mapping, pd.Series)):
        mapping = dict(communities)
    else:
        mapping = {member: k for k, group in enumerate(communities) for member in group}
    codes, _ = _groups(s, g, mapping)
    return s._modularity(codes, resolution, _weights(weight, "strength"))
