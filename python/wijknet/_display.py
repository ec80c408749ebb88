"""Rich display in Jupyter: the ``_repr_html_`` of wijknet's objects (and a plain ``repr`` for a
Snapshot), built here so that every object shows the same compact style.

Rules for every builder: the text is HTML-escaped; explanation sentences are shown whole (never
cut off with "..."); no ``<... object at 0x...>`` appears; the alliance's display shows counts
and labels, never stakeholder names or sensitive attributes; results name stakeholders only
through their explanation sentences, which follow the ``show_names`` they were made with (ids
often contain a person's name, so no id table is shown; the ids are in the result's attributes).
"""

from __future__ import annotations

import math
from html import escape
from typing import Any, Iterable, Sequence

import pandas as pd

from ._wording import Wording

_STYLE = ("<style>.wijknet-repr table{border-collapse:collapse;margin:.3em 0 .6em;font-size:inherit}"
          ".wijknet-repr th,.wijknet-repr td{padding:.15em .6em;text-align:left;vertical-align:top;"
          "border-bottom:1px solid #ddd}.wijknet-repr td.n{text-align:right}"
          ".wijknet-repr ul{margin:.2em 0 .4em 1.2em;padding:0}.wijknet-repr li{white-space:normal}"
          ".wijknet-repr .note{color:#555}</style>")


def _text(value: Any) -> str:
    """A cell value as escaped text: numbers with 3 decimals at most, lists joined, NaN as "–"."""
    if isinstance(value, (list, tuple)):
        return escape(", ".join(str(v) for v in value))
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if not value.is_integer() else str(int(value))
    return escape(str(value))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """An HTML table; numbers right-aligned."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f'<td class="n">{_text(v)}</td>' if _is_number(v) else f"<td>{_text(v)}</td>"
                                    for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def sentences(items: Iterable[str]) -> str:
    """Explanation sentences as a list, each whole."""
    items = [s for s in items if s]
    return "<ul>" + "".join(f"<li>{escape(s)}</li>" for s in items) + "</ul>" if items else ""


def block(title: str, *parts: str) -> str:
    """One display: a heading and its parts, in the wijknet style."""
    return f'<div class="wijknet-repr">{_STYLE}<strong>{escape(title)}</strong>' + "".join(parts) + "</div>"


def _p(text: str, note: bool = False) -> str:
    return f'<p class="note">{escape(text)}</p>' if note else f"<p>{escape(text)}</p>"


# ------------------------------------------------------------------------------------ objects

def alliance_html(alliance: Any) -> str:
    """An alliance: counts, roles with their holders per wave, relations, waves, templates.

    >>> import wijknet
    >>> html = alliance_html(wijknet.load_example())
    >>> "34 stakeholders" in html and "Kees" not in html
    True
    """
    frame = alliance.stakeholders()
    ties = alliance.ties()
    waves = [w["key"] for w in alliance.waves]

    def present(wave: str) -> pd.Series:
        return frame["waves"].map(lambda ws: not ws or wave in ws)

    role_rows = []
    for role in alliance.roles:
        holders = frame["roles"].map(lambda rs, k=role["key"]: k in rs)
        counts = [int((holders & present(w)).sum()) for w in waves] if waves else [int(holders.sum())]
        role_rows.append([role["key"], role["label"], *counts])
    relation_rows = []
    for rel in alliance.relations:
        mine = ties[ties["relation"] == rel["key"]] if len(ties) else ties
        counts = [int((mine["wave"] == w).sum()) for w in waves] if waves else [len(mine)]
        relation_rows.append([rel["key"], rel["label"], rel["directed"], *counts])
    per_wave = waves or ["all"]
    kinds = frame["kind"].value_counts()
    hidden = alliance.stakeholders(include_sensitive=True).attrs.get("sensitive", [])
    overview = (f"{len(alliance)} stakeholders ("
                + ", ".join(f"{n} {k}" for k, n in kinds.items()) + f"), {alliance.num_ties} ties, "
                f"{len(waves)} waves, {len(alliance.relations)} relations, {len(alliance.events())} events")
    wave_rows = [[w["key"], w["label"], w.get("date", ""), int(present(w["key"]).sum()),
                  int((ties["wave"] == w["key"]).sum()) if len(ties) else 0] for w in alliance.waves]
    parts = [_p(overview),
             table(["role", "label", *(f"holders {w}" for w in per_wave)], role_rows),
             table(["relation", "label", "directed", *(f"ties {w}" for w in per_wave)], relation_rows)]
    if wave_rows:
        parts.append(table(["wave", "label", "date", "stakeholders", "ties"], wave_rows))
    templates = ", ".join(f"{t['key']} ({t['label']})" for t in alliance.templates)
    if templates:
        parts.append(_p(f"Method templates: {templates}."))
    if hidden:
        parts.append(_p("Sensitive attributes, left out of every table unless asked for: " + ", ".join(hidden)
                        + ".", note=True))
    return block("wijknet.Alliance", *parts)


def snapshot_repr(snapshot: Any) -> str:
    """``<wijknet.Snapshot: 31 stakeholders, 26 ties, undirected, weighted>``."""
    return (f"<wijknet.Snapshot: {len(snapshot)} stakeholders, {snapshot.num_ties} ties, "
            f"{'directed' if snapshot.directed else 'undirected'}, "
            f"{'weighted' if snapshot.weighted else 'unweighted'}>")


def snapshot_html(snapshot: Any) -> str:
    """A snapshot: its size, direction, weights, density and components.

    >>> import wijknet
    >>> "31" in snapshot_html(wijknet.load_example().snapshot(waves=["T0"]))
    True
    """
    components = snapshot.weak_components()
    sizes = pd.Series(components).value_counts() if len(components) else pd.Series(dtype="int64")
    rows = [["stakeholders", len(snapshot)], ["ties", snapshot.num_ties],
            ["directed", bool(snapshot.directed)], ["weighted", bool(snapshot.weighted)],
            ["density", float(snapshot.density())], ["weak components", len(sizes)],
            ["largest component", int(sizes.max()) if len(sizes) else 0]]
    return block("wijknet.Snapshot", table(["", "value"], rows))


def summary_html(summary: Any) -> str:
    """A :class:`wijknet.Summary`, in its language."""
    from ._summary import _TEXT

    t = _TEXT[summary.lang]
    overview = summary._overview(summary.lang)
    flags = {1: t["single"], 0: t["none"]}
    labels = summary.labels.get(summary.lang, {})
    role_label = labels.get("roles", summary.role_labels)
    relation_label = labels.get("relations", {})
    comma = summary.lang == "nl"
    roles = [[role_label.get(key, key), int(n), flags.get(int(n), "")] for key, n in summary.roles.items()]
    columns = t["columns"]
    measured, unmeasured = summary._measured()
    relations = [[relation_label.get(rel, rel), wave, int(r["stakeholders"]), int(r["ties"]),
                  f"{float(r['density']):.3f}".replace(".", "," if comma else "."), int(r["components"]),
                  int(r["largest_component"]), int(r["isolates"])] for (rel, wave), r in measured.iterrows()]
    missing = []
    for template, gaps in summary.missing.items():
        if not gaps["required"] and not gaps["recommended"]:
            missing.append(f"{template}: {t['complete']}")
        for level in ("required", "recommended"):
            missing += [f"{template}: {role_label.get(role, role)} - {t[level]}"
                        for role in gaps[level]]
    from ._missing import rate_lines

    response = ([f"<p>{escape(t['response'])}</p>", sentences(rate_lines(summary.response, summary.lang))]
                if len(summary.response) else [])
    return block(t["title"], _p(overview), *response, f"<p>{escape(t['roles'])}</p>",
                 table(["rol" if comma else "role", "stakeholders", ""], roles),
                 f"<p>{escape(t['relations'])}</p>",
                 table(list(columns), relations),
                 sentences([t["unmeasured"].format(relations=", ".join(relation_label.get(r, r) for r in unmeasured))]
                           if unmeasured else []),
                 f"<p>{escape(t['missing'])}</p>", sentences(missing))


def snapshot_html(snapshot: Any, rows: int = 10) -> str:
    """A :class:`wijknet.Snapshot`: its size and kind, then its first ties (all of them are in ``to_pandas()``)."""
    ties = snapshot.to_pandas()["ties"]
    kind = ("directed" if snapshot.directed else "undirected") + (", weighted" if snapshot.weighted else "")
    shown = [[r.source, r.target, r.weight] for r in ties.head(rows).itertuples()]
    more = f"The first {rows} of {len(ties)} ties; to_pandas() gives them all." if len(ties) > rows else ""
    return block(f"Snapshot: {len(snapshot)} stakeholders, {snapshot.num_ties} ties ({kind})",
                 table(["source", "target", "weight"], shown), _p(more, note=True) if more else "")


def chain_routes_html(routes: Any) -> str:
    """A :class:`wijknet.ChainRoutes`: per wave whether the chain works, and its explanation (the
    routes themselves are in ``.routes``)."""
    rows = [[w or "all", bool(r["exists"]), r["length"], int(r["shortest_routes"]), int(r["disjoint_routes"]),
             r["broken_between"]] for w, r in routes.summary.iterrows()]
    return block("Chain: " + " → ".join(routes.chain),
                 table(["wave", "works", "ties", "shortest routes", "independent routes", "breaks between"], rows),
                 sentences(f"{w or 'all waves'}: {e}" for w, e in routes.summary["explanation"].items()))


def key_players_html(kp: Any) -> str:
    """A :class:`wijknet.KeyPlayers`: the players, the score before and without them, the sentence."""
    label = {"fragmentation": "fragmentation F", "distance_fragmentation": "distance-weighted fragmentation DF",
             "reach": "share of the others reached"}.get(kp.objective, kp.objective)
    rows = [["players", len(kp.players)], ["objective", label], ["before", float(kp.before)],
            ["with this set" if kp.objective == "reach" else "without them", float(kp.score)]]
    return block("Key players", table(["", ""], rows), sentences([getattr(kp, "explanation", "")]))


def worth_saying(measure: Any, row: Any) -> bool:
    """Whether the sentence of a row of :meth:`Scenario.compare` is shown under its table: the
    chain always, roles lost and fragmentation F when they change (the other numbers speak from
    the table)."""
    if str(measure).startswith("chain "):
        return True
    if isinstance(row["change"], list):
        return bool(row["change"])
    return measure == "fragmentation" and not math.isclose(float(row["before"]), float(row["after"]))


def scenario_html(scenario: Any) -> str:
    """A :class:`wijknet.Scenario`: who is removed and the comparison of :meth:`Scenario.compare`
    with its defaults (the Samen in de Wijk template, every wave)."""
    frame = scenario.compare()
    rows, notes = [], []
    for key, r in frame.iterrows():
        wave, measure = key if isinstance(key, tuple) else ("", key)
        rows.append([wave, measure, r["before"], r["after"], r["change"]])
        if worth_saying(measure, r):
            notes.append(f"{wave}: {r['explanation']}" if wave else r["explanation"])
    # Who leaves, by display name as in the report (a person's id often holds the name).
    names = Wording(scenario.base, "en").names
    return block("Scenario: without " + ", ".join(names.get(i, "…") for i in scenario.remove),
                 table(["wave", "measure", "before", "after", "change"], rows), sentences(notes),
                 _p("Stakeholders removed from a copy; the alliance itself is unchanged. "
                    "compare(chains=[chain], relation='referral') also checks chains.", note=True))
