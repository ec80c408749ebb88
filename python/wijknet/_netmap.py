"""The network map of the report: a self-contained SVG per wave, with a legend beside it.

Roles are colours (Paul Tol's colour-blind-safe "muted" scheme, then Okabe-Ito; a role keeps its
colour because colours follow the order of the taxonomy), kinds are shapes, relations are line
styles (directed ones with an arrowhead). Positions come from :func:`wijknet.layout` computed
once over every wave drawn, so a stakeholder stands in the same place in each of them. Nothing
in the SVG carries a stakeholder id (ids often contain a person's name): nodes are numbered
``n0, n1, ...`` and labelled with their display name.
"""

from __future__ import annotations

from html import escape
from typing import Iterable, Mapping, Sequence

import pandas as pd

from ._wording import Wording

# Tol "muted" (9), then Okabe-Ito orange, sky blue and vermillion; grey for no role.
PALETTE = ("#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499",
           "#E69F00", "#56B4E9", "#D55E00")
NO_ROLE = "#BBBBBB"
SHAPES = {"person": "circle", "organisation": "square", "initiative": "diamond", "group": "triangle"}
# stroke-dasharray per relation, in taxonomy order; the first is a solid line.
DASHES = ("", "2 3", "7 4", "9 3 2 3", "1 5", "12 6")
UNIT = 95.0      # pixels per tie length of the layout
MARGIN = 90.0    # room for the labels of the outermost stakeholders
RADIUS = 9.0


def role_colours(role_keys: Sequence[str]) -> dict[str, str]:
    """Colour of every role, by its place in the taxonomy (stable between reports)."""
    return {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(role_keys)}


def relation_dashes(relation_keys: Sequence[str]) -> dict[str, str]:
    return {key: DASHES[i % len(DASHES)] for i, key in enumerate(relation_keys)}


def shape(kind: str, x: float, y: float, r: float = RADIUS, attrs: str = "") -> str:
    """An SVG shape for a stakeholder kind, centred on (x, y)."""
    form = SHAPES.get(kind, "circle")
    if form == "square":
        s = r * 0.9
        return f'<rect x="{x - s:.1f}" y="{y - s:.1f}" width="{2 * s:.1f}" height="{2 * s:.1f}" {attrs}/>'
    if form == "diamond":
        s = r * 1.2
        return f'<polygon points="{x:.1f},{y - s:.1f} {x + s:.1f},{y:.1f} {x:.1f},{y + s:.1f} {x - s:.1f},{y:.1f}" {attrs}/>'
    if form == "triangle":
        s = r * 1.2
        return (f'<polygon points="{x:.1f},{y - s:.1f} {x + s * 0.95:.1f},{y + s * 0.7:.1f} '
                f'{x - s * 0.95:.1f},{y + s * 0.7:.1f}" {attrs}/>')
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {attrs}/>'


def _lines(label: str, width: int = 24) -> list[str]:
    """A label wrapped at spaces into lines of about ``width`` characters: never cut off (a single word
    longer than the width keeps its own line)."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [label]


class NetMap:
    """Everything the maps of one report share: positions, node numbers, colours and styles."""

    def __init__(self, alliance, words: Wording, positions: pd.DataFrame, relations: Sequence[str]) -> None:
        self.words = words
        frame = alliance.stakeholders()
        self.frame = frame
        self.ids = list(positions.index)
        self.node = {sid: f"n{i}" for i, sid in enumerate(self.ids)}
        # On paper each mark carries a number and the key table names it (long names would cross ties).
        self.number = {sid: k + 1 for k, sid in enumerate(sorted(self.ids, key=lambda i: words.name(i).casefold()))}
        self.pos = {sid: (MARGIN + UNIT * float(positions.at[sid, "x"]), MARGIN + UNIT * float(positions.at[sid, "y"]))
                    for sid in self.ids}
        self.width = max((p[0] for p in self.pos.values()), default=0) + MARGIN + 40
        self.height = max((p[1] for p in self.pos.values()), default=0) + MARGIN
        role_keys = [r["key"] for r in alliance.roles]
        self.colours = role_colours(role_keys)
        self.relations = list(relations)
        all_relations = [r["key"] for r in alliance.relations]
        self.dashes = relation_dashes(all_relations)
        self.directed = {r["key"]: bool(r["directed"]) for r in alliance.relations}
        self.ties = alliance.ties()

    def colour(self, sid: str) -> str:
        roles = list(self.frame.at[sid, "roles"])
        return self.colours.get(roles[0], NO_ROLE) if roles else NO_ROLE

    def present(self, wave: str) -> list[str]:
        waves = self.frame["waves"]
        return [sid for sid in self.ids if not wave or not list(waves[sid]) or wave in list(waves[sid])]

    def wave_ties(self, wave: str) -> pd.DataFrame:
        t = self.ties
        t = t[t["relation"].isin(self.relations)]
        if wave:
            t = t[t["wave"] == wave]
        return t

    # ------------------------------------------------------------------ drawing
    def svg(self, wave: str, highlight: Iterable[Sequence[str]] = (), caption: str = "") -> str:
        """The map of one wave; ``highlight``: routes (lists of ids) drawn over it in orange."""
        present = self.present(wave)
        here = set(present)
        ties = self.wave_ties(wave)
        self._drawn = getattr(self, "_drawn", 0) + 1
        mark = f"m{self._drawn}"  # marker ids unique in the document
        out = [f'<svg class="netmap" viewBox="0 0 {self.width:.0f} {self.height:.0f}" role="img" '
               f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(caption)}">']
        out.append("<defs>")
        for key in ("tie", "hl"):
            colour = "#555555" if key == "tie" else "#E66100"
            size = 8 if key == "tie" else 11
            out.append(f'<marker id="arrow-{key}-{mark}" viewBox="0 0 10 10" refX="10" refY="5" '
                       f'markerUnits="userSpaceOnUse" markerWidth="{size}" markerHeight="{size}" '
                       f'orient="auto-start-reverse">'
                       f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>')
        out.append("</defs>")
        # Parallel ties of different relations bend apart, so each stays visible.
        bend = {rel: (i - (len(self.relations) - 1) / 2) * 9.0 for i, rel in enumerate(self.relations)}
        for rel in self.relations:
            part = ties[ties["relation"] == rel]
            if part.empty:
                continue
            directed = self.directed.get(rel, False)
            dash = self.dashes.get(rel, "")
            out.append(f'<g class="rel" data-relation="{escape(rel)}" fill="none" stroke="#555555" stroke-width="1.4"'
                       + (f' stroke-dasharray="{dash}"' if dash else "") + ">")
            seen = set()
            for s, t in zip(part["source"], part["target"]):
                if s not in here or t not in here or s == t:
                    continue
                key = (s, t) if directed else tuple(sorted((s, t)))
                if key in seen:
                    continue
                seen.add(key)
                marker = f' marker-end="url(#arrow-tie-{mark})"' if directed else ""
                out.append(f'<path class="tie" data-s="{self.node[s]}" data-t="{self.node[t]}" '
                           f'd="{self._curve(s, t, bend[rel])}"{marker}/>')
            out.append("</g>")
        for route in highlight:
            out.append('<g class="route" fill="none" stroke="#E66100" stroke-width="4" stroke-opacity="0.85">')
            for s, t in zip(route, route[1:]):
                if s in self.pos and t in self.pos:
                    out.append(f'<path d="{self._curve(s, t, 0)}" marker-end="url(#arrow-hl-{mark})"/>')
            out.append("</g>")
        on_route = {sid for route in highlight for sid in route}
        labels = self._place_labels(present)
        for sid in present:
            x, y = self.pos[sid]
            kind = self.frame.at[sid, "kind"]
            name = self.words.name(sid)
            title = self.describe(sid)
            stroke = 'stroke="#E66100" stroke-width="3.5"' if sid in on_route else 'stroke="#222222" stroke-width="1"'
            out.append(f'<g class="node" data-node="{self.node[sid]}" tabindex="0"><title>{escape(title)}</title>')
            out.append(shape(kind, x, y, RADIUS, f'fill="{self.colour(sid)}" {stroke}'))
            lx, ly, anchor = labels[sid]
            lines = "".join(f'<tspan x="{lx:.1f}" dy="{0 if k == 0 else 12}">{escape(line)}</tspan>'
                            for k, line in enumerate(_lines(name)))
            out.append(f'<text class="name" x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}">{lines}</text>')
            out.append(f'<text class="num" x="{x:.1f}" y="{y + 3.5:.1f}" text-anchor="middle">{self.number[sid]}</text>')
            out.append("</g>")
        out.append("</svg>")
        return "".join(out)

    def _place_labels(self, present: Sequence[str]) -> dict[str, tuple[float, float, str]]:
        """Label position per stakeholder: below, above, right, left or diagonal to its mark, the first that
        overlaps no label placed before and no other mark (greedy, most-tied stakeholders first;
        below when every place is taken)."""
        char, height = 6.3, 12.0  # 11px DejaVu Sans: about 6.3px a character
        marks = [(self.pos[s][0] - RADIUS, self.pos[s][1] - RADIUS, self.pos[s][0] + RADIUS, self.pos[s][1] + RADIUS)
                 for s in present]
        placed: list[tuple[float, float, float, float]] = []
        out = {}

        def free(box):
            x0, y0, x1, y1 = box
            return all(x1 <= a0 or x0 >= a1 or y1 <= b0 or y0 >= b1 for a0, b0, a1, b1 in placed + marks)

        counts = pd.concat([self.ties["source"], self.ties["target"]]).value_counts()
        for sid in sorted(present, key=lambda i: -int(counts.get(i, 0))):
            x, y = self.pos[sid]
            lines = _lines(self.words.name(sid))
            width, tall = char * max(len(line) for line in lines), height * len(lines)
            up = height * (len(lines) - 1)  # the first line's baseline moves up by the lines under it
            options = [
                ((x - width / 2, y + RADIUS + 2, x + width / 2, y + RADIUS + 2 + tall), (x, y + RADIUS + 12, "middle")),
                ((x - width / 2, y - RADIUS - 2 - tall, x + width / 2, y - RADIUS - 2), (x, y - RADIUS - 4 - up, "middle")),
                ((x + RADIUS + 3, y - tall / 2, x + RADIUS + 3 + width, y + tall / 2), (x + RADIUS + 3, y + 4 - up / 2, "start")),
                ((x - RADIUS - 3 - width, y - tall / 2, x - RADIUS - 3, y + tall / 2), (x - RADIUS - 3, y + 4 - up / 2, "end")),
                ((x + RADIUS, y + RADIUS, x + RADIUS + width, y + RADIUS + tall), (x + RADIUS, y + RADIUS + 10, "start")),
                ((x - RADIUS - width, y - RADIUS - tall, x - RADIUS, y - RADIUS), (x - RADIUS, y - RADIUS - 2 - up, "end")),
                ((x + RADIUS, y - RADIUS - tall, x + RADIUS + width, y - RADIUS), (x + RADIUS, y - RADIUS - 2 - up, "start")),
                ((x - RADIUS - width, y + RADIUS, x - RADIUS, y + RADIUS + tall), (x - RADIUS, y + RADIUS + 10, "end")),
            ]
            box, where = next(((b, w) for b, w in options if free(b)), options[0])
            placed.append(box)
            out[sid] = where
        return out

    def _curve(self, s: str, t: str, bend: float) -> str:
        (x1, y1), (x2, y2) = self.pos[s], self.pos[t]
        dx, dy = x2 - x1, y2 - y1
        length = max((dx * dx + dy * dy) ** 0.5, 1e-9)
        # End the line at the node's edge so the arrowhead stays visible.
        shorten = (RADIUS + 3) / length
        x2e, y2e = x2 - dx * shorten, y2 - dy * shorten
        x1s, y1s = x1 + dx * (RADIUS / length), y1 + dy * (RADIUS / length)
        cx, cy = (x1 + x2) / 2 - dy / length * bend, (y1 + y2) / 2 + dx / length * bend
        return f"M{x1s:.1f},{y1s:.1f} Q{cx:.1f},{cy:.1f} {x2e:.1f},{y2e:.1f}"

    def legend(self, roles_present: Iterable[str], kinds_present: Iterable[str], toggles: bool = True) -> str:
        """The legend, as HTML beside the map (so it can never cover the drawing)."""
        w = self.words
        nl = w.lang == "nl"
        parts = [f'<div class="legend"><h4>{"Rollen" if nl else "Roles"}</h4><ul>']
        for key in roles_present:
            parts.append(f'<li><svg width="16" height="16"><circle cx="8" cy="8" r="6" fill="{self.colours.get(key, NO_ROLE)}"'
                         f' stroke="#222"/></svg> {escape(w.role(key))}</li>')
        parts.append(f'</ul><h4>{"Soort" if nl else "Kind"}</h4><ul>')
        plain = 'fill="#ffffff" stroke="#222"'
        for kind in kinds_present:
            parts.append(f'<li><svg width="16" height="16">{shape(kind, 8, 8, 6, plain)}</svg> {escape(w.kind(kind))}</li>')
        parts.append(f'</ul><h4>{"Relaties" if nl else "Relations"}</h4><ul>')
        for rel in self.relations:
            dash = self.dashes.get(rel, "")
            arrow = " →" if self.directed.get(rel) else ""
            line = (f'<svg width="34" height="10"><line x1="1" y1="5" x2="33" y2="5" stroke="#555" stroke-width="1.6"'
                    + (f' stroke-dasharray="{dash}"' if dash else "") + "/></svg>")
            label = f"{line} {escape(w.relation(rel))}{arrow}"
            if toggles:
                parts.append(f'<li><label><input type="checkbox" class="rel-toggle" data-relation="{escape(rel)}" '
                             f"checked> {label}</label></li>")
            else:
                parts.append(f"<li>{label}</li>")
        parts.append("</ul></div>")
        return "".join(parts)

    def key_table(self, ids: Iterable[str]) -> str:
        """On paper only: the number on each mark, with the stakeholder's full name, roles and kind."""
        w = self.words
        nl = w.lang == "nl"
        rows = "".join(f"<tr><td>{self.number[sid]}</td><td>{escape(w.name(sid))}</td>"
                       f"<td>{escape(', '.join(w.role(r) for r in self.frame.at[sid, 'roles']) or '–')}</td></tr>"
                       for sid in sorted(ids, key=lambda i: self.number[i]))
        head = "<tr><th>nr</th><th>stakeholder</th><th>" + ("rollen" if nl else "roles") + "</th></tr>"
        return f'<table class="key">{head}{rows}</table>'

    def describe(self, sid: str) -> str:
        """"name — roles (kind)": the node's tooltip and the first part of the hover box."""
        roles = ", ".join(self.words.role(r) for r in self.frame.at[sid, "roles"]) or "–"
        return f"{self.words.name(sid)} — {roles} ({self.words.kind(self.frame.at[sid, 'kind'])})"

    def info(self) -> Mapping[str, str]:
        """Per node number, its description (for the hover box)."""
        return {self.node[sid]: self.describe(sid) for sid in self.ids}

    def neighbours(self, wave: str) -> dict[str, list[str]]:
        """Per node number, one line per tie ("samenwerking: X") for the hover box."""
        out: dict[str, list[str]] = {}
        here = set(self.present(wave))
        ties = self.wave_ties(wave)
        for s, t, rel in zip(ties["source"], ties["target"], ties["relation"]):
            if s not in here or t not in here or s == t:
                continue
            arrow = "→" if self.directed.get(rel) else "—"
            out.setdefault(self.node[s], []).append(f"{self.words.relation(rel)} {arrow} {self.words.name(t)}")
            back = "←" if self.directed.get(rel) else "—"
            out.setdefault(self.node[t], []).append(f"{self.words.relation(rel)} {back} {self.words.name(s)}")
        return {k: sorted(set(v)) for k, v in out.items()}
