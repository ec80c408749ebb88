"""The two-mode (stakeholder x event) participation network of the Alle Kleuren method.

Every function takes an :class:`wijknet.Alliance` plus selection keywords, or a
:class:`wijknet.TwoMode` made by :func:`two_mode`:

- ``waves``: events in the period of these waves (after the previous wave's date, up to and
  including the wave's own date; the first wave: up to its date);
- ``start``, ``end``: ISO dates, inclusive;
- ``themes``: events with one of these themes; ``events``: these event ids;
- ``roles``, ``kinds``: stakeholders with one of these roles, of one of these kinds;
- ``participation_roles``: the participation attribute ``role`` (``"organiser"``,
  ``"participant"``) is one of these.

The stakeholders of the network are those with at least one selected participation; every
selected event stays, attended or not. Projections come back as :class:`wijknet.Snapshot`
objects, so every measure of wijknet (``wijknet.betweenness(co_participation(a))``, ...) runs on
them; their vertices are stakeholders (co-participation) or events (event projection).

Two-mode centralities return a Series indexed by (``mode``, ``id``), ``mode`` being
``"stakeholder"`` or ``"event"``, as networkx.bipartite computes them with the stakeholders as
``nodes`` (Borgatti & Halgin 2011).
"""

from __future__ import annotations

from typing import Any, Iterable

import numpy as np
import pandas as pd

from ._keywords import checked
from . import _core

__all__ = [
    "TwoMode", "bipartite_betweenness", "bipartite_closeness", "bipartite_components", "bipartite_degree",
    "bipartite_density", "co_participation", "event_projection", "participation_matrix", "two_mode",
]

TwoMode = _core.TwoMode

_KEYS = ("waves", "start", "end", "themes", "events", "roles", "kinds", "participation_roles")

#: The keywords that select part of the participation network (see two_mode).
TWO_MODE_SELECTION = ("waves", "start", "end", "themes", "events", "roles", "kinds", "participation_roles")


@checked(selection=TWO_MODE_SELECTION)
def two_mode(g: Any, **selection) -> _core.TwoMode:
    """The stakeholder x event participation network of an alliance.

    Parameters
    ----------
    g : wijknet.Alliance or wijknet.TwoMode
        The alliance (a TwoMode is returned as it is; then no selection keywords).
    **selection
        ``waves``, ``start``, ``end``, ``themes``, ``events``, ``roles``, ``kinds``,
        ``participation_roles`` (see the module documentation).

    Returns
    -------
    wijknet.TwoMode
        ``stakeholder_ids``, ``event_ids``, ``num_participations``, ``pairs()``,
        ``bipartite()`` (a Snapshot, stakeholders first), ``project(side, weight)``.

    Examples
    --------
    >>> import wijknet
    >>> t = wijknet.two_mode(wijknet.load_example(), themes=["racisme"])
    >>> t.event_ids
    ['ev04_racisme_bespreekbaar', 'ev06_jongerendialoog', 'ev07_keti_koti']
    """
    if isinstance(g, _core.TwoMode):
        if selection:
            raise TypeError(f"selection keywords {sorted(selection)} need an Alliance, not a TwoMode")
        return g
    if not isinstance(g, _core.Alliance):
        raise TypeError(f"expected a wijknet.Alliance or wijknet.TwoMode, got {type(g).__name__}")
    unknown = sorted(set(selection) - set(_KEYS))
    if unknown:
        raise TypeError(f"unknown selection keyword(s) {unknown}; expected some of {list(_KEYS)}")
    args = {}
    for key, value in selection.items():
        if value is None:
            continue
        if key in ("start", "end"):
            args[key] = str(value)
        else:
            args[key] = [value] if isinstance(value, str) else list(value)
    return _core.TwoMode(g, **args)


@checked(selection=TWO_MODE_SELECTION)
def participation_matrix(g: Any, **selection) -> pd.DataFrame:
    """The stakeholder x event incidence matrix: 1 where the stakeholder took part.

    Parameters
    ----------
    g : Alliance or TwoMode
    **selection : two-mode

    Returns
    -------
    pandas.DataFrame
        Indexed by stakeholder id, one column per event id, integers 0/1.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> m = wijknet.participation_matrix(alliance, themes="racisme")
    >>> m.shape, int(m.to_numpy().sum())
    ((28, 3), 38)
    >>> m.sum().sort_values(ascending=False)
    event
    ev07_keti_koti               17
    ev04_racisme_bespreekbaar    13
    ev06_jongerendialoog          8
    dtype: int64
    """
    t = two_mode(g, **selection)
    actor, event = t.pairs()
    cells = np.zeros((len(t.stakeholder_ids), len(t.event_ids)), dtype="int64")
    cells[np.asarray(actor, dtype="int64"), np.asarray(event, dtype="int64")] = 1
    return pd.DataFrame(cells, index=pd.Index(t.stakeholder_ids, name="stakeholder"),
                        columns=pd.Index(t.event_ids, name="event"))


def _weight(weight: Any) -> str:
    if weight is None or weight is False:
        return "none"
    if weight in ("count", "newman", "jaccard", "overlap"):
        return weight
    raise ValueError(f"weight must be None, 'count', 'newman', 'jaccard' or 'overlap', got {weight!r}")


@checked(selection=TWO_MODE_SELECTION)
def co_participation(g: Any, weight: Any = "count", **selection) -> _core.Snapshot:
    """Stakeholders tied by the events they attended together (the one-mode projection).

    Parameters
    ----------
    g : wijknet.Alliance or wijknet.TwoMode
    weight : {"count", "newman", "jaccard", "overlap"} or None
        With N(u) the events of u and k(e) the participants of event e:
        ``count`` |N(u) ∩ N(v)|, the events shared (networkx ``weighted_projected_graph``,
        igraph ``bipartite_projection`` multiplicity); ``newman`` Σ_{e ∈ N(u) ∩ N(v)} 1 / (k(e) − 1)
        (Newman 2001: a small meeting ties more strongly than a big one;
        ``collaboration_weighted_projected_graph``); ``jaccard`` |N(u) ∩ N(v)| / |N(u) ∪ N(v)|;
        ``overlap`` |N(u) ∩ N(v)| / min(|N(u)|, |N(v)|) (``overlap_weighted_projected_graph``);
        None: unweighted (``projected_graph``).
    **selection
        As for :func:`two_mode`.

    Returns
    -------
    wijknet.Snapshot
        Undirected; one vertex per participating stakeholder (isolated ones included). Every
        measure of wijknet accepts it. Cost O(Σ_e k(e)²).

    References
    ----------
    M. E. J. Newman (2001), Scientific collaboration networks. II. Physical Review E 64, 016132.
    https://doi.org/10.1103/PhysRevE.64.016132

    Examples
    --------
    >>> import wijknet
    >>> s = wijknet.co_participation(wijknet.load_example(), weight="newman")
    >>> len(s), s.directed
    (33, False)
    >>> wijknet.degree(s).idxmax()
    'coc_rivierstad'
    """
    return two_mode(g, **selection).project("stakeholders", _weight(weight))


@checked(selection=TWO_MODE_SELECTION)
def event_projection(g: Any, weight: Any = "count", **selection) -> _core.Snapshot:
    """Events tied by the participants they share (the projection onto the events).

    Parameters
    ----------
    g : Alliance or TwoMode
    weight : {"count", "newman", "jaccard", "overlap"} or None, default "count"
        As in :func:`co_participation`, with the two sides swapped: ``count`` the shared participants, ``newman``
        Σ over shared participants p of 1 / (k(p) − 1), k(p) the events p attended, ``jaccard`` and ``overlap`` the
        shared participants over the union or the smaller set; None unweighted.
    **selection : two-mode

    Returns
    -------
    Snapshot
        Undirected, one vertex per selected event (its id), attended or not. Every measure of wijknet accepts it.

    References
    ----------
    .. [1] Newman, M. E. J. (2001). Scientific collaboration networks. II. Physical Review E 64, 016132.
       https://doi.org/10.1103/PhysRevE.64.016132

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> s = wijknet.event_projection(alliance, weight="jaccard")
    >>> len(s), s.num_ties
    (10, 37)
    >>> wijknet.degree(s, weight=True).round(3).nlargest(2)
    stakeholder
    ev07_keti_koti          3.918
    ev10_slotbijeenkomst    3.822
    Name: degree, dtype: float64
    """
    return two_mode(g, **selection).project("events", _weight(weight))


def _two_mode_series(t: _core.TwoMode, values: Iterable[float], name: str) -> pd.Series:
    index = pd.MultiIndex.from_arrays(
        [["stakeholder"] * len(t.stakeholder_ids) + ["event"] * len(t.event_ids),
         list(t.stakeholder_ids) + list(t.event_ids)], names=["mode", "id"])
    return pd.Series(list(values), index=index, name=name, dtype="float64")


@checked(selection=TWO_MODE_SELECTION)
def bipartite_degree(g: Any, **selection) -> pd.Series:
    """Two-mode degree centrality of the stakeholders and the events.

    Parameters
    ----------
    g : Alliance or TwoMode
    **selection : two-mode

    Returns
    -------
    pandas.Series
        Indexed by (``mode``, ``id``): the stakeholders (mode ``"stakeholder"``) first, then the events (``"event"``).

    Notes
    -----
    A stakeholder's events over the number of events E; an event's participants over the number of stakeholders A
    (Borgatti & Everett 1997), as ``networkx.bipartite.degree_centrality`` with the stakeholders as ``nodes``.

    References
    ----------
    .. [1] Borgatti, S. P. & Everett, M. G. (1997). Network analysis of 2-mode data. Social Networks 19(3), 243-269.
       https://doi.org/10.1016/S0378-8733(96)00301-2

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> d = wijknet.bipartite_degree(alliance)
    >>> d.xs("stakeholder").nlargest(2)
    id
    alle_kleuren_begeleiding    0.9
    coc_rivierstad              0.8
    Name: degree, dtype: float64
    >>> float(d["event", "ev01_aftrap"])
    0.48484848484848486
    """
    t = two_mode(g, **selection)
    return _two_mode_series(t, t._degree(), "degree")


@checked(selection=TWO_MODE_SELECTION)
def bipartite_closeness(g: Any, normalized: bool = True, threads: int = 0, **selection) -> pd.Series:
    """Two-mode closeness centrality of the stakeholders and the events.

    Parameters
    ----------
    g : Alliance or TwoMode
    normalized : bool, default True
        Multiply by the share of the others reached, r(v) / (N − 1).
    threads : int, default 0
    **selection : two-mode

    Returns
    -------
    pandas.Series
        Indexed as by :func:`bipartite_degree`.

    Notes
    -----
    With D(v) the sum of the hop distances from v to the r(v) vertices it reaches in the bipartite graph of A
    stakeholders and E events (N = A + E), a stakeholder scores (E + 2(A − 1)) / D(v) and an event
    (A + 2(E − 1)) / D(v): the smallest sum possible over the sum found (Borgatti & Halgin 2011), as
    ``networkx.bipartite.closeness_centrality``. A vertex reaching nobody scores 0.

    References
    ----------
    .. [1] Borgatti, S. P. & Halgin, D. S. (2011). Analyzing affiliation networks. In The SAGE Handbook of Social
       Network Analysis, 417-433. https://doi.org/10.4135/9781446294413.n28

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> c = wijknet.bipartite_closeness(alliance)
    >>> c.xs("event").round(4).nlargest(2)
    id
    ev10_slotbijeenkomst    0.6000
    ev07_keti_koti          0.5604
    Name: closeness, dtype: float64
    """
    t = two_mode(g, **selection)
    return _two_mode_series(t, t._closeness(normalized, threads), "closeness")


@checked(selection=TWO_MODE_SELECTION)
def bipartite_betweenness(g: Any, threads: int = 0, **selection) -> pd.Series:
    """Two-mode betweenness centrality of the stakeholders and the events.

    Parameters
    ----------
    g : Alliance or TwoMode
    threads : int, default 0
    **selection : two-mode

    Returns
    -------
    pandas.Series
        Indexed as by :func:`bipartite_degree`.

    Notes
    -----
    The betweenness of the bipartite graph (each unordered pair once, hop counts; Brandes' algorithm, O(N P) for N
    vertices and P participations) over the largest value possible on the vertex's side (Borgatti & Everett 1997;
    Borgatti & Halgin 2011): with n vertices on the side, m on the other and s, t = divmod(n − 1, m),
    max = (m²(s + 1)² + m(s + 1)(2t − s − 1) − t(2s − t + 3)) / 2. As ``networkx.bipartite.betweenness_centrality``.

    References
    ----------
    .. [1] Borgatti, S. P. & Everett, M. G. (1997). Network analysis of 2-mode data. Social Networks 19(3), 243-269.
       https://doi.org/10.1016/S0378-8733(96)00301-2
    .. [2] Borgatti, S. P. & Halgin, D. S. (2011). Analyzing affiliation networks. In The SAGE Handbook of Social
       Network Analysis, 417-433. https://doi.org/10.4135/9781446294413.n28

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> b = wijknet.bipartite_betweenness(alliance)
    >>> b.xs("stakeholder").round(4).nlargest(2)
    id
    alle_kleuren_begeleiding    0.1181
    coc_rivierstad              0.0922
    Name: betweenness, dtype: float64
    """
    t = two_mode(g, **selection)
    return _two_mode_series(t, t._betweenness(threads), "betweenness")


@checked(selection=TWO_MODE_SELECTION)
def bipartite_density(g: Any, **selection) -> float:
    """Density of the two-mode network: participations / (stakeholders x events).

    Parameters
    ----------
    g : Alliance or TwoMode
    **selection : two-mode

    Returns
    -------
    float
        As ``networkx.bipartite.density``; 0 without stakeholders or events.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> round(wijknet.bipartite_density(alliance), 3)
    0.412
    >>> round(wijknet.bipartite_density(alliance, themes="racisme"), 3)
    0.452
    """
    return two_mode(g, **selection).density()


@checked(selection=TWO_MODE_SELECTION)
def bipartite_components(g: Any, **selection) -> pd.Series:
    """Connected component of each stakeholder and event of the two-mode network.

    Parameters
    ----------
    g : Alliance or TwoMode
    **selection : two-mode

    Returns
    -------
    pandas.Series
        Component labels (int), indexed by (``mode``, ``id``), numbered from the first stakeholder. An event nobody
        attended is a component of its own.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> labels = wijknet.bipartite_components(alliance, themes="racisme")
    >>> labels.groupby(level="mode").nunique()
    mode
    event          2
    stakeholder    2
    Name: component, dtype: int64
    """
    t = two_mode(g, **selection)
    return _two_mode_series(t, t._components(), "component").astype("int64")
