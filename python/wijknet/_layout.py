"""Positions for drawing an alliance, from Boost.Graph's spring layouts (C++)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from . import _core
from ._keywords import SELECTION, checked
from ._measures import _snapshot

__all__ = ["layout"]


@checked(selection=SELECTION)
def layout(g: Any, method: str = "auto", seed: int = 1, iterations: int = 0, min_distance: float = 0.8,
           **selection) -> pd.DataFrame:
    """Positions of the stakeholders for drawing the network.

    Each component is laid out by Boost.Graph's ``kamada_kawai_spring_layout`` (up to 150
    stakeholders) or ``fruchterman_reingold_force_directed_layout`` (larger ones) from a seeded
    random start, scaled so that a tie is about one unit long; components are packed side by side,
    largest first, and stakeholders without ties stand in a row below. Ties are read undirected.

    Parameters
    ----------
    g : Alliance or Snapshot
        An alliance (with the selection keywords of :class:`Snapshot`) or a snapshot.
    method : {"auto", "kamada_kawai", "fruchterman_reingold"}, default "auto"
        The spring layout for every component; "auto" picks by component size as above.
    seed : int, default 1
        Seeds the random start, so the same data give the same picture.
    iterations : int, default 0
        Cooling steps of Fruchterman-Reingold; 0 chooses 200 for components up to 500
        stakeholders and fewer for larger ones (100,000 / size, at least 50).
    min_distance : float, default 0.8
        Stakeholders of a component are pushed at least this far apart (in tie lengths), so that
        their labels stay readable; 0 keeps the spring layout as it is.
    **selection
        ``waves=``, ``relations=`` ... as for :class:`Snapshot`. Lay out all the waves you will draw
        at once (the default: every wave), and a stakeholder keeps its place in each of them.

    Returns
    -------
    pandas.DataFrame
        Columns ``x`` and ``y`` (y grows downwards, as in SVG; the smallest x and y are 0),
        indexed by stakeholder id.

    Raises
    ------
    KeyboardInterrupt
        On Ctrl-C, within a second (a large layout takes long: 20,000 stakeholders about 45 s).

    References
    ----------
    .. [1] T. Kamada, S. Kawai, "An algorithm for drawing general undirected graphs",
       Information Processing Letters 31 (1989) 7-15.
    .. [2] T. M. J. Fruchterman, E. M. Reingold, "Graph drawing by force-directed placement",
       Software: Practice and Experience 21 (1991) 1129-1164.

    Examples
    --------
    >>> import wijknet
    >>> pos = wijknet.layout(wijknet.load_example(), seed=1)
    >>> sorted(pos.columns), len(pos) == len(wijknet.load_example())
    (['x', 'y'], True)
    """
    s = _snapshot(g, selection)
    xs, ys = _core._layout(s, method, seed, iterations, min_distance)
    return pd.DataFrame({"x": xs, "y": ys}, index=pd.Index(s.ids, name="stakeholder"))
