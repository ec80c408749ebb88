"""Drawing an alliance with matplotlib (the optional extra ``pip install wijknet[plot]``)."""

from __future__ import annotations

import textwrap
from typing import Any, Iterable

import pandas as pd

from . import _core
from ._layout import layout as _layout
from ._netmap import NO_ROLE, PALETTE, relation_dashes, role_colours
from ._wording import Wording, check_lang

__all__ = ["draw"]

#: Marker of each stakeholder kind (matplotlib marker codes, the shapes of the report's map);
#: other kinds are hexagons.
MARKERS = {"person": "o", "organisation": "s", "initiative": "D", "group": "^"}
_TIE = "#666666"
_MANY_TIES = 1500  # above this, ties are drawn as plain lines without arrowheads (much faster)


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as err:
        raise ImportError("wijknet.draw needs matplotlib, the optional extra 'plot': "
                          "pip install 'wijknet[plot]' (or pip install matplotlib)") from err
    return plt


def _line_style(dashes: str) -> Any:
    """The report map's stroke-dasharray ("7 4") as a matplotlib line style."""
    return (0, tuple(float(x) for x in dashes.split())) if dashes else "-"


def draw(g: Any, wave: str | None = None, relations: Iterable[str] | str | None = None, color_by: str | None = "role",
         labels: bool = True, ax: Any = None, layout: pd.DataFrame | None = None, show_names: bool = False,
         lang: str = "en", alliance: Any = None, seed: int = 1) -> Any:
    """Draw the network of an alliance in one wave with matplotlib.

    Only the stakeholders present in the wave appear. Fill colour shows the first role
    (``color_by="role"``; the same role always has the same colour, from the colour-blind-safe
    palette of the report's map: Paul Tol's "muted" scheme, then Okabe-Ito), marker shape the kind (person: circle, organisation: square, initiative: diamond,
    group: triangle), line style the relation; directed relations have arrowheads (up to 1,500
    ties). The legend stands to the right of the drawing. Persons are labelled with a pseudonym
    ("Wijkagent 1") unless ``show_names=True``.

    Parameters
    ----------
    g : Alliance or Snapshot
        What to draw. A Snapshot is drawn as it is (its merged ties in one style); give
        ``alliance=`` (the alliance it was taken from) for roles, kinds and names.
    wave : str, optional
        The wave (default: every wave together). With an Alliance only.
    relations : str or list of str, optional
        The relations to draw (default: every relation). With an Alliance only.
    color_by : {"role", "kind"}, an attribute name, or None, default "role"
        What the fill colour shows. An attribute (e.g. ``"sector"``) is coloured by its values
        in sorted order; sensitive attributes cannot be used. None: one colour.
    labels : bool, default True
        Write each stakeholder's display name under it.
    ax : matplotlib.axes.Axes, optional
        Where to draw (default: a new figure).
    layout : pandas.DataFrame, optional
        Positions, columns ``x`` and ``y`` indexed by stakeholder id, as :func:`wijknet.layout`
        returns. Default: ``wijknet.layout`` of every wave together, so a stakeholder stands in
        the same place in the drawing of each wave.
    show_names : bool, default False
        Label persons with their names instead of pseudonyms.
    lang : {"en", "nl"}, default "en"
        Language of the labels and the legend.
    alliance : Alliance, optional
        With a Snapshot: the alliance it was taken from.
    seed : int, default 1
        Seed of the default layout.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    ImportError
        When matplotlib is not installed (``pip install 'wijknet[plot]'``).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import wijknet
    >>> a = wijknet.load_example()
    >>> ax = wijknet.draw(a, wave="T0", relations=["referral"], lang="nl")
    >>> ax.get_title()
    'T0 2021'
    >>> sum(len(c.get_offsets()) for c in ax.collections) == len(a.snapshot(waves=["T0"]))
    True
    """
    plt = _pyplot()
    from matplotlib.lines import Line2D

    check_lang(lang)
    relations = [relations] if isinstance(relations, str) else (list(relations) if relations is not None else None)
    if isinstance(g, _core.Snapshot):
        if wave is not None or relations is not None:
            raise TypeError("wave= and relations= need an Alliance; a Snapshot is drawn as it is")
        snapshot = g
    elif isinstance(g, _core.Alliance):
        alliance = g
        selection: dict[str, Any] = {}
        if wave is not None:
            selection["waves"] = [wave]
        if relations is not None:
            selection["relations"] = relations
        snapshot = _core.Snapshot(g, **selection)
    else:
        raise TypeError(f"expected a wijknet.Alliance or wijknet.Snapshot, got {type(g).__name__}")

    ids = list(snapshot.ids)
    if layout is None:
        layout = _layout(alliance, seed=seed, **({"relations": relations} if relations else {})) \
            if alliance is not None else _layout(snapshot, seed=seed)
    missing = [i for i in ids if i not in layout.index]
    if missing:
        raise ValueError(f"layout has no position for {len(missing)} of the {len(ids)} stakeholders drawn")
    pos = layout.loc[ids, ["x", "y"]]

    words = Wording(alliance, lang, show_names) if alliance is not None else None
    frame = alliance.stakeholders() if alliance is not None else None
    if ax is None:
        # About 1.2 inch per tie length, so that labels of neighbours rarely overlap.
        width = min(18.0, 5.0 + 1.2 * (pos["x"].max() - pos["x"].min() if len(pos) else 0))
        height = min(16.0, 3.5 + 1.2 * (pos["y"].max() - pos["y"].min() if len(pos) else 0))
        _, ax = plt.subplots(figsize=(width, height))
    legend: list[Any] = []

    def heading(text: str) -> None:
        legend.append(Line2D([], [], linestyle="none", marker="", label=text))

    # Ties: one style per relation (with an Alliance), arrowheads on directed relations.
    if alliance is not None:
        ties = alliance.ties()
        present = set(ids)
        ties = ties[ties["source"].isin(present) & ties["target"].isin(present)]
        if wave is not None:
            ties = ties[ties["wave"] == wave]
        if relations is not None:
            ties = ties[ties["relation"].isin(relations)]
        rel_info = [r for r in alliance.relations if r["key"] in set(ties["relation"])]
        styles = {k: _line_style(d) for k, d in relation_dashes([r["key"] for r in alliance.relations]).items()}
        groups = [(r["key"], bool(r["directed"]), ties[ties["relation"] == r["key"]]) for r in rel_info]
    else:
        sources, targets, _ = snapshot.edges()
        groups = [("", bool(snapshot.directed), pd.DataFrame({"source": sources, "target": targets}))]
        styles = {"": "-"}
    arrows = sum(len(t) for _, _, t in groups) <= _MANY_TIES
    if groups and any(len(t) for _, _, t in groups) and alliance is not None:
        heading("Relaties" if lang == "nl" else "Relations")
    for key, directed, t in groups:
        if not len(t):
            continue
        style = styles[key]
        for s, e in zip(t["source"], t["target"]):
            (x0, y0), (x1, y1) = pos.loc[s], pos.loc[e]
            if arrows:
                ax.annotate("", xy=(x1, y1), xytext=(x0, y0), zorder=1,
                            arrowprops=dict(arrowstyle="-|>" if directed else "-", color=_TIE, linewidth=0.8,
                                            linestyle=style, shrinkA=7, shrinkB=7, mutation_scale=9))
            else:
                ax.plot([x0, x1], [y0, y1], color=_TIE, linewidth=0.6, linestyle=style, zorder=1)
        if alliance is not None:
            legend.append(Line2D([], [], color=_TIE, linestyle=style, linewidth=1.2,
                                 label=words.relation(key) + (" →" if directed else "")))

    # Stakeholders: colour and marker per stakeholder.
    colour_of, colour_legend = _colours(alliance, frame, ids, color_by, words)
    kinds = [frame.loc[i, "kind"] for i in ids] if frame is not None else ["" for _ in ids]
    for kind in dict.fromkeys(kinds):
        mine = [i for i, k in zip(ids, kinds) if k == kind]
        ax.scatter(pos.loc[mine, "x"], pos.loc[mine, "y"], s=150, marker=MARKERS.get(kind, "h" if kind else "o"),
                   c=[colour_of(i) for i in mine], edgecolors="#333333", linewidths=0.8, zorder=2)
    if colour_legend:
        heading(colour_legend[0])
        legend += [Line2D([], [], linestyle="none", marker="o", markersize=9, markerfacecolor=c,
                          markeredgecolor="#333333", label=label) for label, c in colour_legend[1:]]
    if frame is not None:
        heading("Soort" if lang == "nl" else "Kind")
        legend += [Line2D([], [], linestyle="none", marker=MARKERS.get(k, "h"), markersize=9,
                          markerfacecolor="white", markeredgecolor="#333333", label=words.kind(k))
                   for k in dict.fromkeys(kinds)]

    if labels and (words is not None or show_names):
        for sid in ids:
            x, y = pos.loc[sid]
            label = textwrap.fill(words.name(sid) if words is not None else sid, 18, break_long_words=False)
            ax.annotate(label, (x, y), xytext=(0, -11),
                        textcoords="offset points", ha="center", va="top", fontsize=7, zorder=3)

    ax.set_aspect("equal", adjustable="datalim")
    ax.invert_yaxis()  # the layout's y grows downwards, as in SVG
    ax.margins(0.08)
    ax.set_axis_off()
    if wave is not None:
        ax.set_title(words.wave(wave) if words is not None else wave)
    if legend:
        ax.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0,
                  frameon=False, fontsize=8, handlelength=2.5)
    return ax


def _colours(alliance: Any, frame: pd.DataFrame | None, ids: list[str], color_by: str | None,
             words: Wording | None) -> tuple[Any, list]:
    """A function giving each stakeholder's colour, and the legend: its title, then (label, colour)."""
    nl = words is not None and words.lang == "nl"
    if color_by is None or frame is None:
        return (lambda sid: PALETTE[1]), []
    if color_by == "role":
        colours = role_colours([r["key"] for r in alliance.roles])
        first = {sid: (list(frame.loc[sid, "roles"]) or [None])[0] for sid in ids}
        used = [r["key"] for r in alliance.roles if r["key"] in set(first.values())]
        entries = [(words.role(k), colours[k]) for k in used]
        if None in first.values():
            entries.append(("geen rol" if nl else "no role", NO_ROLE))
        return (lambda sid: colours.get(first[sid], NO_ROLE)), ["Rol" if nl else "Role", *entries]
    if color_by == "kind":
        values = {sid: frame.loc[sid, "kind"] for sid in ids}
        title = "Soort" if nl else "Kind"
        show = words.kind
    elif color_by in frame.columns and color_by not in ("name", "roles", "waves"):
        values = {sid: frame.loc[sid, color_by] for sid in ids}
        title = color_by
        show = str
    else:
        raise ValueError(f"color_by={color_by!r}: expected 'role', 'kind', None or an attribute of the "
                         f"stakeholders ({', '.join(c for c in frame.columns if c not in ('name', 'roles', 'waves'))}); "
                         "sensitive attributes cannot be drawn")
    missing = "(onbekend)" if nl else "(missing)"
    keys = {sid: missing if v is None or (isinstance(v, float) and v != v) else show(v) for sid, v in values.items()}
    order = sorted(set(keys.values()) - {missing}) + ([missing] if missing in keys.values() else [])
    colours = role_colours(order)
    colours[missing] = NO_ROLE
    return (lambda sid: colours[keys[sid]]), [title, *((k, colours[k]) for k in order)]
