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

    Returns
    -------
    pandas.DataFrame
        Indexed by stakeholder id, one column per event id, integers 0/1.

    Examples
    --------
    >>> import wijknet
    >>> m = wijknet.participation_matrix(wijknet.load_example())
    >>> int(m.to_numpy().sum()), m.shape[1]
    (136, 10)
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
    """Events tied by the participants they share; ``weight`` as in :func:`co_participation`
    with the roles of the two sides swapped (``newman``: Σ over shared participants p of
    1 / (k(p) − 1), k(p) the events p attended).

    Examples
    --------
    >>> import wijknet
    >>> s = wijknet.event_projection(wijknet.load_example(), weight="jaccard")
    >>> s.ids[:2]
    ['ev01_aftrap', 'ev02_veilig_over_straat']
    """
    return two_mode(g, **selection).project("events", _weight(weight))


def _two_mode_series(t: _core.TwoMode, values: Iterable[float], name: str) -> pd.Series:
    index = pd.MultiIndex.from_arrays(
        [["stakeholder"] * len(t.stakeholder_ids) + ["event"] * len(t.event_ids),
         list(t.stakeholder_ids) + list(t.event_ids)], names=["mode", "id"])
    return pd.Series(list(values), index=index, name=name, dtype="float64")


@checked(selection=TWO_MODE_SELECTION)
def bipartite_degree(g: Any, **selection) -> pd.Series:
    """Two-mode degree centrality: a stakeholder's events / number of events E; an event's
    participants / number of stakeholders A (Borgatti & Everett 1997; networkx.bipartite).

    Examples
    --------
    >>> import wijknet
    >>> d = wijknet.bipartite_degree(wijknet.load_example())
    >>> float(d["stakeholder", "alle_kleuren_begeleiding"])
    0.9
    """
    t = two_mode(g, **selection)
    return _two_mode_series(t, t._degree(), "degree")


@checked(selection=TWO_MODE_SELECTION)
def bipartite_closeness(g: Any, normalized: bool = True, threads: int = 0, **selection) -> pd.Series:
    """Two-mode closeness (Borgatti & Halgin 2011), as networkx.bipartite.closeness_centrality.

    With D(v) the sum of hop distances from v to the r(v) vertices it reaches in the bipartite
    graph of A stakeholders and E events (N = A + E): a stakeholder scores
    (E + 2(A − 1)) / D(v), an event (A + 2(E − 1)) / D(v) — the smallest sum possible over the
    sum found — times r(v) / (N − 1) when ``normalized``. Reaching nobody: 0.

    References
    ----------
    S. P. Borgatti and D. S. Halgin (2011), Analyzing affiliation networks. In The SAGE Handbook
    of Social Network Analysis, 417-433. https://doi.org/10.4135/9781446294413.n28

    Examples
    --------
    >>> import wijknet
    >>> c = wijknet.bipartite_closeness(wijknet.load_example())
    >>> c.xs("event").idxmax()
    'ev10_slotbijeenkomst'
    """
    t = two_mode(g, **selection)
    return _two_mode_series(t, t._closeness(normalized, threads), "closeness")


@checked(selection=TWO_MODE_SELECTION)
def bipartite_betweenness(g: Any, threads: int = 0, **selection) -> pd.Series:
    """Two-mode betweenness (Borgatti & Everett 1997; Borgatti & Halgin 2011), as
    networkx.bipartite.betweenness_centrality: the betweenness of the bipartite graph (each
    unordered pair once, hop counts) over the largest value possible on the vertex's side. With
    n on the side, m on the other, s, t = divmod(n − 1, m):
    max = (m²(s + 1)² + m(s + 1)(2t − s − 1) − t(2s − t + 3)) / 2. O(N P).

    Examples
    --------
    >>> import wijknet
    >>> b = wijknet.bipartite_betweenness(wijknet.load_example())
    >>> b.xs("stakeholder").idxmax()
    'alle_kleuren_begeleiding'
    """
    t = two_mode(g, **selection)
    return _two_mode_series(t, t._betweenness(threads), "betweenness")


@checked(selection=TWO_MODE_SELECTION)
def bipartite_density(g: Any, **selection) -> float:
    """Participations / (stakeholders x events) (networkx.bipartite.density).

    Examples
    --------
    >>> import wijknet
    >>> round(wijknet.bipartite_density(wijknet.load_example()), 3)
    0.412
    """
    return two_mode(g, **selection).density()


@checked(selection=TWO_MODE_SELECTION)
def bipartite_components(g: Any, **selection) -> pd.Series:
    """Component label per stakeholder and event of the bipartite graph (an event nobody
    attended is a component of its own), numbered from the first stakeholder.

    Examples
    --------
    >>> import wijknet
    >>> int(wijknet.bipartite_components(wijknet.load_example()).nunique())
    1
    """
    t = two_mode(g, **selection)
    return _two_mode_series(t, t._components(), "component").astype("int64")
