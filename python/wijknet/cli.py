"""The ``wijknet`` command: the report, the summary and the diagnostics of an alliance.

::

    wijknet [--lang en|nl] [--format table|csv|json] [--show-names] [--show-sensitive] COMMAND [DATA] [options]

Commands: ``summary`` (the default), ``report``, ``coverage``, ``chains``, ``key-players``,
``scenario``, ``suggest``. DATA is a folder of CSV files, a ``.json`` or a ``.graphml`` file
(default: the bundled fictional example). The global options may stand before or after the
command. docs/cli.md describes every command and its output.

Every table follows the privacy rules of the reports: persons appear under stable pseudonyms
("Wijkagent 1") unless ``--show-names``; sensitive attributes appear only with
``--show-sensitive``, and then counts below :data:`wijknet._wording.SMALL_CELL` are suppressed.
Stakeholder ids are never printed (they often contain a person's name); the tables name
stakeholders by their display name.

Exit status: 0 on success, 1 when the data are wrong (the message names file, line and
column), 2 for a wrong command line or a path that does not exist.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import stat
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import pandas as pd

from . import WijknetError, __version__, example_path
from . import _core, _diagnostics, _display, _sentences, _summary
from ._io import _SPREADSHEETS, read, to_csv_text
from ._report import _pick_template
from ._study import is_study_folder
from ._wording import PROTECTING, SMALL_CELL, Wording, display_names, small_cells

COMMANDS = ("summary", "report", "check", "coverage", "chains", "key-players", "scenario", "suggest")
FORMATS = ("table", "csv", "json")

#: The chain of Samen in de Wijk, used when ``--chain`` is not given.
DEFAULT_CHAIN = ("bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent")

# Headings and words of the tables, in English and Dutch. Keys are the column names of the
# machine formats (csv, json), which stay the same in both languages.
_WORDS = {
    "en": {
        "coverage": "Role coverage: {template}", "chains": "Does the chain work? {chain}",
        "routes": "Shortest routes", "key_players": "Key players ({objective}, k = {k})",
        "scenario": "Scenario: without {names}", "suggest": "Suggested new contacts",
        "sensitive": "Sensitive attributes (groups smaller than {n} suppressed)",
        "wave": "wave", "role": "role", "level": "level", "status": "status", "holders": "holders",
        "works": "works", "length": "ties", "shortest_routes": "shortest routes",
        "disjoint_routes": "independent routes", "broken_between": "breaks between", "route": "route",
        "stakeholders": "stakeholders", "players": "key players", "before": "before", "after": "after",
        "change": "change", "measure": "measure", "rank": "#", "source": "from", "target": "to",
        "relation": "relation", "attribute": "attribute", "value": "value", "count": "stakeholders",
        "yes": "yes", "no": "no", "all_waves": "all waves", "missing": "(missing)",
        "required": "required", "recommended": "recommended",
        "absent": "absent", "isolated": "isolated", "single": "single", "covered": "covered",
        "broken": "broken", "repaired": "repaired",
        "objective.fragmentation": "fragmentation", "objective.distance_fragmentation": "distance fragmentation",
        "objective.reach": "reach",
        "m.stakeholders": "stakeholders", "m.components": "components",
        "m.largest_component": "stakeholders in the largest component", "m.fragmentation": "fragmentation",
        "m.distance_fragmentation": "distance fragmentation", "m.roles_absent": "roles absent",
        "m.roles_single": "roles held by one stakeholder", "m.chain": "chain works",
        "sc.intro": "Without {names} (removed from a copy; the data are not changed). Chain: {chain}.",
        "left_out": "Left out for privacy: the sensitive attribute(s) {names} (use --show-sensitive).",
        "pseudonyms": "Persons appear under pseudonyms (use --show-names to name them).",
        "suppressed": "<{n}",
        "default_removed": "Nobody given with --remove: the top key player of wave {wave} is removed.",
        "no_suggestions": "No new contact improves this any further.",
        "written": "Report written to {path}",
    },
    "nl": {
        "coverage": "Rolbezetting: {template}", "chains": "Werkt de keten? {chain}",
        "routes": "Kortste routes", "key_players": "Sleutelfiguren ({objective}, k = {k})",
        "scenario": "Scenario: zonder {names}", "suggest": "Voorgestelde nieuwe contacten",
        "sensitive": "Gevoelige kenmerken (groepen kleiner dan {n} weggelaten)",
        "wave": "meting", "role": "rol", "level": "niveau", "status": "status", "holders": "vervuld door",
        "works": "werkt", "length": "stappen", "shortest_routes": "kortste routes",
        "disjoint_routes": "onafhankelijke routes", "broken_between": "breekt tussen", "route": "route",
        "stakeholders": "stakeholders", "players": "sleutelfiguren", "before": "voor", "after": "na",
        "change": "verschil", "measure": "maat", "rank": "#", "source": "van", "target": "naar",
        "relation": "relatie", "attribute": "kenmerk", "value": "waarde", "count": "stakeholders",
        "yes": "ja", "no": "nee", "all_waves": "alle metingen", "missing": "(onbekend)",
        "required": "vereist", "recommended": "aanbevolen",
        "absent": "afwezig", "isolated": "geïsoleerd", "single": "één houder", "covered": "vervuld",
        "broken": "verbroken", "repaired": "hersteld",
        "objective.fragmentation": "fragmentatie", "objective.distance_fragmentation": "afstandsfragmentatie",
        "objective.reach": "bereik",
        "m.stakeholders": "stakeholders", "m.components": "delen",
        "m.largest_component": "stakeholders in het grootste deel", "m.fragmentation": "fragmentatie",
        "m.distance_fragmentation": "afstandsfragmentatie", "m.roles_absent": "afwezige rollen",
        "m.roles_single": "rollen met één houder", "m.chain": "keten werkt",
        "sc.intro": "Zonder {names} (uit een kopie verwijderd; de gegevens zelf veranderen niet). Keten: {chain}.",
        "left_out": "Weggelaten vanwege privacy: het gevoelige kenmerk {names} (gebruik --show-sensitive).",
        "pseudonyms": "Personen staan onder een pseudoniem (gebruik --show-names voor hun naam).",
        "suppressed": "<{n}",
        "default_removed": "Niemand opgegeven met --remove: de belangrijkste sleutelfiguur van meting {wave} "
                           "wordt verwijderd.",
        "no_suggestions": "Geen nieuw contact verbetert dit nog verder.",
        "written": "Rapport geschreven naar {path}",
    },
}


class UsageError(Exception):
    """A wrong command line or a path that does not exist (exit status 2), in English and Dutch."""

    status = 2

    def __init__(self, message: str, nl: str) -> None:
        super().__init__(message)
        self.nl = nl


# --------------------------------------------------------------------------------- the tables

@dataclass
class Table:
    """One table of a command's output.

    ``frame`` holds the values for machines (csv, json): English column names, stakeholders
    under their display names, numbers as numbers. ``headers`` names, in the output language,
    the columns the table format shows (in this order); ``show`` turns a value into the text of
    a cell (codes such as ``status`` into words), ``show_row`` a whole row, for a cell whose text
    depends on another column. ``notes`` are the sentences printed under the table, whole.
    """

    key: str
    title: str
    frame: pd.DataFrame
    headers: dict[str, str]
    notes: list[str] = field(default_factory=list)
    show: dict[str, Callable[[Any], str]] = field(default_factory=dict)
    show_row: dict[str, Callable[[pd.Series], str]] = field(default_factory=dict)


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _cell(value: Any, w: Wording) -> str:
    """The text of a table cell, numbers and words as the language writes them."""
    t = _WORDS[w.lang]
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v, w) for v in value)
    if _is_missing(value):
        return "–"
    if isinstance(value, bool):
        return t["yes"] if value else t["no"]
    if isinstance(value, int):
        return w.number(value, 0)
    if isinstance(value, float):
        return w.number(value, 3)
    return str(value)


def _grid(table: Table, w: Wording) -> str:
    """A fixed-width text table: numbers right-aligned, nothing cut off."""
    columns = list(table.headers)
    cells = [[table.show_row[c](row) if c in table.show_row else table.show[c](row[c]) if c in table.show
              else _cell(row[c], w) for c in columns] for _, row in table.frame.iterrows()]
    right = [all(isinstance(v, (int, float)) and not isinstance(v, bool) or _is_missing(v)
                 for v in table.frame[c]) for c in columns]
    heads = [table.headers[c] for c in columns]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(heads)]

    def line(values: Sequence[str]) -> str:
        parts = [v.rjust(widths[i]) if right[i] else v.ljust(widths[i]) for i, v in enumerate(values)]
        return "  " + "  ".join(parts).rstrip()

    return "\n".join([line(heads), "  " + "  ".join("-" * n for n in widths)] + [line(r) for r in cells])


def _wrap(sentence: str) -> str:
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    return textwrap.fill(sentence, width=width, initial_indent="- ", subsequent_indent="  ",
                         break_long_words=False, break_on_hyphens=False)


def _plain(value: Any) -> Any:
    """A value as JSON has it: NaN and NA as null, numpy numbers as Python numbers."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if _is_missing(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{c: _plain(v) for c, v in row.items()} for row in frame.to_dict("records")]


def _emit(tables: list[Table], fmt: str, w: Wording, preface: Iterable[str] = (), out=None) -> None:
    """Print the tables: as text (every table, its notes under it), as CSV (the first table)
    or as JSON (every table, keyed by ``Table.key``, with the notes)."""
    out = out or sys.stdout
    preface = list(preface)
    if fmt == "json":
        doc: dict[str, Any] = {"lang": w.lang, "notes": preface}
        for table in tables:
            doc[table.key] = _records(table.frame)
            if table.notes:
                doc["notes"] = doc["notes"] + table.notes
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == "csv":
        out.write(to_csv_text(tables[0].frame))  # safe to open in a spreadsheet (docs/csv.md)
        return
    blocks = [_wrap(s) for s in preface]
    for table in tables:
        text = [table.title, "=" * len(table.title)]
        if len(table.frame):
            text.append(_grid(table, w))
        if table.notes:
            text.append("")
            text += [_wrap(s) for s in table.notes]
        blocks.append("\n".join(text))
    out.write("\n\n".join(blocks) + "\n")


# ---------------------------------------------------------------------------- shared helpers

class _Names:
    """Stakeholders under their display names (pseudonyms for persons unless names are shown)."""

    def __init__(self, w: Wording) -> None:
        self.w = w

    def __call__(self, sid: str) -> str:
        return self.w.name(sid)

    def all(self, ids: Iterable[str]) -> list[str]:
        return [self.w.name(i) for i in ids]


def _wave_keys(alliance: Any, wave: str | None) -> list[str]:
    if wave is not None:
        known = [x["key"] for x in alliance.waves]
        if known and wave not in known:
            raise UsageError(f"no wave '{wave}' in the data; the waves are {', '.join(known)}",
                             f"geen meting '{wave}' in de gegevens; de metingen zijn {', '.join(known)}")
        return [wave]
    return [x["key"] for x in alliance.waves] or [""]


def _latest_wave(alliance: Any) -> str:
    keys = [x["key"] for x in alliance.waves]
    return keys[-1] if keys else ""


def _chain(text: str | None) -> list[str]:
    if not text:
        return list(DEFAULT_CHAIN)
    roles = [r.strip() for r in text.split(",") if r.strip()]
    if len(roles) < 2:
        raise UsageError(f"--chain needs two or more roles separated by commas, got '{text}'",
                         f"--chain vraagt twee of meer rollen, gescheiden door komma's; gegeven: '{text}'")
    return roles


def _chain_relation(alliance: Any, relation: str | None) -> str | None:
    """The relation each step of a chain follows: the one given, else referral when the data
    have it, else every relation."""
    if relation:
        return relation
    return "referral" if any(r["key"] == "referral" for r in alliance.relations) else None


def _resolve(alliance: Any, w: Wording, given: Iterable[str]) -> list[str]:
    """Stakeholder ids from what people type: an id, a name, or a pseudonym in either language
    (as the tables print it)."""
    by_name: dict[str, str] = {}
    for lang, show in (("en", False), ("nl", False), ("en", True)):
        for sid, name in display_names(alliance, show, lang).items():
            by_name.setdefault(name.casefold(), sid)
    ids = []
    for item in given:
        for part in (p.strip() for p in item.split(",")):
            if not part:
                continue
            if part in w.names:
                ids.append(part)
            elif part.casefold() in by_name:
                ids.append(by_name[part.casefold()])
            else:
                raise UsageError(f"no stakeholder '{part}': give an id or a name as the tables print it",
                                 f"geen stakeholder '{part}': geef een id of een naam zoals de tabellen die tonen")
    return ids


def _wave_label(w: Wording, wave: str) -> str:
    """The wave as sentences name it ("T1 2022"), or "all waves"."""
    return w.wave(wave) if wave else _WORDS[w.lang]["all_waves"]


# ---------------------------------------------------------------------------------- commands

def _summary_tables(alliance: Any, args: argparse.Namespace, w: Wording) -> tuple[list[Table], str]:
    report = _summary.summary(alliance, args.templates, lang=w.lang)
    relations = report.relations.reset_index()
    relations["relation_label"] = relations["relation"].map(w.relation)
    roles = pd.DataFrame({"role": list(report.roles.index), "label": [w.role(r) for r in report.roles.index],
                          "stakeholders": [int(v) for v in report.roles]})
    missing = pd.DataFrame([{"template": tmpl, "level": level, "role": role, "label": w.role(role)}
                            for tmpl, gaps in report.missing.items() for level in ("required", "recommended")
                            for role in gaps[level]], columns=["template", "level", "role", "label"])
    tables = [Table("relations", "", relations, {}), Table("roles", "", roles, {}),
              Table("missing", "", missing, {}),
              Table("totals", "", pd.DataFrame([{"stakeholders": report.stakeholders, "ties": report.ties,
                                                  "waves": report.waves, "events": report.events,
                                                  "participations": report.participations}]), {})]
    if args.show_sensitive:
        tables.append(_sensitive_table(alliance, w))
    text = report.to_text(w.lang)
    if args.show_sensitive and len(tables[-1].frame):
        text += "\n\n" + tables[-1].title + "\n" + "=" * len(tables[-1].title) + "\n" + _grid(tables[-1], w)
        text += "".join("\n\n" + _wrap(note) for note in tables[-1].notes)
    return tables, text


def _sensitive_table(alliance: Any, w: Wording) -> Table:
    """Stakeholders per value of each sensitive attribute, with the report's small-cell rule
    (:func:`wijknet._wording.small_cells`): a count below SMALL_CELL is suppressed (shown as "<5"),
    and when that leaves one suppressed cell in an attribute the next smallest is suppressed too, so
    it cannot be worked out from the total (``protects``; shown as PROTECTING, with a note: it is
    no count under 5)."""
    t = _WORDS[w.lang]
    frame = alliance.stakeholders(include_sensitive=True)
    rows = []
    for attribute in frame.attrs.get("sensitive", []):
        counts = frame[attribute].map(lambda v: t["missing"] if _is_missing(v) else _cell(v, w)).value_counts()
        counts = counts.sort_index()
        small, protecting = small_cells(counts)
        for value, n in counts.items():
            hidden = value in small or value in protecting
            rows.append({"attribute": attribute, "value": value, "count": None if hidden else int(n),
                         "suppressed": hidden, "protects": value in protecting})
    table = Table("sensitive", t["sensitive"].format(n=SMALL_CELL),
                  pd.DataFrame(rows, columns=["attribute", "value", "count", "suppressed", "protects"])
                  .astype({"count": "Int64"}),
                  {"attribute": t["attribute"], "value": t["value"], "count": t["count"]})
    table.show_row["count"] = lambda row: (PROTECTING if row["protects"] else
                                           t["suppressed"].format(n=SMALL_CELL) if _is_missing(row["count"])
                                           else w.number(row["count"], 0))
    if any(row["protects"] for row in rows):
        table.notes.append(w.protecting_note())
    return table


def _coverage(alliance: Any, args: argparse.Namespace, w: Wording, names: _Names) -> list[Table]:
    t = _WORDS[w.lang]
    template = _pick_template(alliance, args.template)
    rows, notes = [], []
    for wave in _wave_keys(alliance, args.wave):
        frame = _diagnostics.role_coverage(alliance, template, wave=wave, relations=args.relations, lang=w.lang,
                                           show_names=w.show_names)
        for role, r in frame.iterrows():
            explanation = r["explanation"]
            rows.append({"wave": wave, "role": role, "label": w.role(role), "level": r["level"],
                         "status": r["status"], "holders": int(r["holders"]),
                         "holder_names": names.all(r["holder_ids"]), "isolated_names": names.all(r["isolated"]),
                         "explanation": explanation})
            if r["status"] != "covered" or len(r["isolated"]):
                notes.append(explanation)
    title = t["coverage"].format(template=_template_label(alliance, template))
    table = Table("coverage", title, pd.DataFrame(rows),
                  {"wave": t["wave"], "label": t["role"], "level": t["level"], "status": t["status"],
                   "holders": t["holders"]}, notes)
    table.show.update(level=lambda v: t.get(v, v), status=lambda v: t.get(v, v))
    return [table]


def _template_label(alliance: Any, key: str) -> str:
    for tmpl in alliance.templates:
        if tmpl["key"] == key:
            return tmpl["label"] or key
    return key


def _chains(alliance: Any, args: argparse.Namespace, w: Wording, names: _Names) -> list[Table]:
    t = _WORDS[w.lang]
    chain = _chain(args.chain)
    relation = _chain_relation(alliance, args.relation)
    routes = _diagnostics.chain_routes(alliance, chain, relation=relation, wave=args.wave,
                                       intermediaries=args.intermediaries, lang=w.lang, show_names=w.show_names)
    if args.wave is not None:
        _wave_keys(alliance, args.wave)
    rows = []
    for wave, r in routes.summary.iterrows():
        step = r["broken_step"]
        between = (f"{w.role(chain[int(step) - 1])} → {w.role(chain[int(step)])}"
                   if not _is_missing(step) and int(step) < len(chain) else None)
        rows.append({"wave": wave, "works": bool(r["exists"]),
                     "length": None if _is_missing(r["length"]) else int(r["length"]),
                     "shortest_routes": int(r["shortest_routes"]), "disjoint_routes": int(r["disjoint_routes"]),
                     "broken_between": between, "stranded": names.all(r["stranded"]),
                     "explanation": r["explanation"]})
    chain_text = _sentences.chain_text(w, chain)
    if relation:
        chain_text += f" ({w.relation(relation)})"
    summary = Table("chains", t["chains"].format(chain=chain_text), pd.DataFrame(rows),
                    {"wave": t["wave"], "works": t["works"], "length": t["length"],
                     "shortest_routes": t["shortest_routes"], "disjoint_routes": t["disjoint_routes"],
                     "broken_between": t["broken_between"]},
                    [r["explanation"] for r in rows])
    route_rows = [{"wave": r["wave"], "route": int(r["route"]), "length": int(r["length"]),
                   "stakeholders": names.all(r["stakeholders"])} for _, r in routes.routes.iterrows()]
    route_table = Table("routes", t["routes"], pd.DataFrame(route_rows, columns=["wave", "route", "length",
                                                                                  "stakeholders"]),
                        {"wave": t["wave"], "route": t["route"], "stakeholders": t["stakeholders"]})
    route_table.show["stakeholders"] = lambda ids: " → ".join(ids)
    return [summary, route_table]


def _key_players(alliance: Any, args: argparse.Namespace, w: Wording, names: _Names) -> list[Table]:
    t = _WORDS[w.lang]
    rows = []
    for wave in _wave_keys(alliance, args.wave):
        selection = {"waves": [wave]} if wave else {}
        if args.relations:
            selection["relations"] = args.relations
        kp = _diagnostics.key_players(alliance, k=args.k, objective=args.objective, max_distance=args.max_distance,
                                      seed=args.seed, lang=w.lang, show_names=w.show_names, **selection)
        rows.append({"wave": wave, "players": names.all(kp.players), "before": float(kp.before),
                     "after": float(kp.score), "explanation": f"{_wave_label(w, wave)}: {kp.explanation}"})
    title = t["key_players"].format(objective=t["objective." + args.objective], k=args.k)
    return [Table("key_players", title, pd.DataFrame(rows),
                  {"wave": t["wave"], "players": t["players"], "before": t["before"], "after": t["after"]},
                  [r["explanation"] for r in rows])]


def _scenario(alliance: Any, args: argparse.Namespace, w: Wording, names: _Names) -> tuple[list[Table], list[str]]:
    t = _WORDS[w.lang]
    preface = []
    if args.remove:
        removed = _resolve(alliance, w, args.remove)
    else:
        wave = _latest_wave(alliance)
        kp = _diagnostics.key_players(alliance, k=1, **({"waves": [wave]} if wave else {}))
        removed = list(kp.players)
        preface.append(t["default_removed"].format(wave=_wave_label(w, wave)))
    chain = _chain(args.chain)
    relation = _chain_relation(alliance, args.relation)
    if args.wave is not None:
        _wave_keys(alliance, args.wave)
    scenario = _diagnostics.Scenario(alliance, remove=removed)
    frame = scenario.compare(template=_pick_template(alliance, args.template), chains=[chain], relation=relation,
                             wave=args.wave, lang=w.lang)
    if args.wave is not None:
        frame = pd.concat({args.wave: frame}, names=["wave", "measure"])
    chain_text = _sentences.chain_text(w, chain)
    rows, notes = [], [t["sc.intro"].format(names=w.join(names.all(removed)), chain=chain_text)]
    for (wave, measure), r in frame.iterrows():
        if str(measure).startswith("chain "):
            label = t["m.chain"]
            change = t.get(r["change"], r["change"]) if r["change"] else ""
        else:
            label = t.get("m." + str(measure), str(measure))
            change = r["change"]
        before, after = r["before"], r["after"]
        if isinstance(before, list):
            before, after, change = ([w.role(x) for x in before], [w.role(x) for x in after],
                                     [w.role(x) for x in change])
        if _display.worth_saying(measure, r):
            notes.append(f"{_wave_label(w, wave)}: {r['explanation']}")
        rows.append({"wave": wave, "measure": str(measure), "label": label, "before": _plain(before),
                     "after": _plain(after), "change": _plain(change), "explanation": r["explanation"]})
    names_text = w.join(names.all(removed))
    table = Table("scenario", t["scenario"].format(names=names_text), pd.DataFrame(rows),
                  {"wave": t["wave"], "label": t["measure"], "before": t["before"], "after": t["after"],
                   "change": t["change"]}, notes)
    return [table], preface


def _suggest(alliance: Any, args: argparse.Namespace, w: Wording, names: _Names) -> list[Table]:
    t = _WORDS[w.lang]
    wave = args.wave if args.wave is not None else _latest_wave(alliance)
    if wave:
        _wave_keys(alliance, wave)
    chain = _chain(args.chain) if args.chain else None
    removed = _resolve(alliance, w, args.remove) if args.remove else []
    frame = _diagnostics.suggest_ties(alliance, k=args.k, objective=args.objective, chain=chain,
                                      relation=_chain_relation(alliance, args.relation) if chain else args.relation,
                                      removed=removed, max_per_stakeholder=args.max_per_stakeholder, wave=wave or None,
                                      lang=w.lang, show_names=w.show_names)
    rows = [{"rank": int(rank), "wave": wave, "source": names(r["source"]), "target": names(r["target"]),
             "relation": w.relation(r["relation"]) if r["relation"] else "", "before": float(r["before"]),
             "after": float(r["after"]), "reason": r["reason"]} for rank, r in frame.iterrows()]
    notes = [f"{r['rank']}. {r['reason']}" for r in rows] or [frame.attrs.get("why_empty") or t["no_suggestions"]]
    if frame.attrs.get("note"):  # no objective on a connected alliance: planned for the key player leaving
        notes.insert(0, frame.attrs["note"])
    return [Table("suggestions", t["suggest"] + (f" ({_wave_label(w, wave)})" if wave else ""),
                  pd.DataFrame(rows, columns=["rank", "wave", "source", "target", "relation", "before", "after",
                                              "reason"]),
                  {"rank": t["rank"], "source": t["source"], "target": t["target"], "relation": t["relation"],
                   "before": t["before"], "after": t["after"]}, notes)]


def _check_report_options(alliance: Any, args: argparse.Namespace) -> None:
    """--wave, --compare, --template and --chain of ``wijknet report`` checked before anything is
    computed: a wrong one is a usage error (exit status 2) in the language asked."""
    keys = [x["key"] for x in alliance.waves]
    for given in (args.wave, args.compare):
        _wave_keys(alliance, given)
    if args.compare is not None and keys:
        wave = args.wave or keys[-1]
        earlier = ", ".join(keys[:keys.index(wave)])
        if keys.index(args.compare) >= keys.index(wave):
            raise UsageError(f"--compare {args.compare} is not a wave before {wave}; "
                             + (f"compare with {earlier}" if earlier else f"{wave} is the first wave"),
                             f"--compare {args.compare} is geen meting vóór {wave}; "
                             + (f"vergelijk met {earlier}" if earlier else f"{wave} is de eerste meting"))
    templates = [t["key"] for t in alliance.templates]
    if args.template and args.template not in templates:
        raise UsageError(f"no method template '{args.template}'; the templates are {', '.join(templates)}",
                         f"geen methode '{args.template}'; de methodes zijn {', '.join(templates)}")
    for role in _chain(args.chain) if args.chain else ():
        try:
            alliance.role(role)
        except WijknetError as err:
            raise UsageError(f"--chain: {err}", f"--chain: {_core._dutch(str(err))}") from None


def _report(alliance: Any, args: argparse.Namespace, w: Wording) -> str:
    from ._report import report as make_report

    _check_report_options(alliance, args)
    chain = _chain(args.chain) if args.chain else None
    result = make_report(alliance, lang=w.lang, template=args.template, wave=args.wave, compare=args.compare,
                         relation=args.relation, chain=chain, show_names=args.show_names,
                         show_sensitive=args.show_sensitive)
    return _save_report(result, args.output, w.lang)


def _study_report(args: argparse.Namespace) -> str:
    """``wijknet report STUDYFOLDER``: the report across the neighbourhoods of a folder of alliances."""
    from ._report import report as make_report

    if args.show_sensitive:
        raise UsageError("--show-sensitive applies to the report of one alliance; the report across "
                         "neighbourhoods shows no attributes",
                         "--show-sensitive geldt voor het rapport van één alliantie; het rapport over wijken heen "
                         "toont geen kenmerken")
    result = make_report(args.data, lang=args.lang, template=args.template, wave=args.wave, compare=args.compare,
                         relation=args.relation, chain=_chain(args.chain) if args.chain else None,
                         show_names=args.show_names)
    return _save_report(result, args.output, args.lang)


def _save_report(result: Any, output: str | None, lang: str) -> str:
    """Save the report where ``-o`` says and return the sentence saying where.

    Standard output (``-o -``, ``-o /dev/stdout`` or any path that is the file standard output
    writes to) gets the report printed, so ``| head`` ends quietly as for the tables; a device
    or a pipe is written through by Report.save, never replaced. No sentence then: it would
    follow the report itself.
    """
    out = Path(output or ("rapport.html" if lang == "nl" else "report.html"))
    if output == "-" or _is_stdout(out):
        if hasattr(sys.stdout, "buffer"):
            sys.stdout.buffer.write(result.html.encode("utf-8"))  # UTF-8, as the file would be
        else:
            sys.stdout.write(result.html)
        sys.stdout.flush()
        return ""
    result.save(out)
    if not stat.S_ISREG(out.stat().st_mode):
        return ""
    return _WORDS[lang]["written"].format(path=out.resolve())


def _is_stdout(path: Path) -> bool:
    try:
        return os.path.samestat(os.stat(path), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError):  # no such file, or standard output is no file (captured)
        return False


# ------------------------------------------------------------------------------- command line

def _global_options(parser: argparse.ArgumentParser, top: bool) -> None:
    """The options every command takes, before or after the command's name. On the commands'
    parsers they default to SUPPRESS, so that a value given before the command stays."""
    def default(value: Any) -> Any:
        return value if top else argparse.SUPPRESS

    parser.add_argument("--lang", choices=["en", "nl"], default=default("en"),
                        help="language of the output: English (default) or Dutch")
    parser.add_argument("--format", choices=FORMATS, default=default("table"),
                        help="table (default, for reading), csv (the main table) or json (every table)")
    parser.add_argument("--show-names", action="store_true", default=default(False),
                        help="name persons (default: stable pseudonyms such as 'Wijkagent 1')")
    parser.add_argument("--show-sensitive", action="store_true", default=default(False),
                        help="show sensitive attributes (groups smaller than 5 stay suppressed)")


def _data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", nargs="?", metavar="DATA",
                        help="folder of CSV files, .json or .graphml file (default: the bundled example)")
    parser.add_argument("--separator", default="", help="CSV separator (default: detected)")
    parser.add_argument("--decimal-comma", action="store_true", help="CSV numbers are written as 3,5")
    parser.add_argument("--encoding", default="auto", choices=["auto", "utf-8", "cp1252", "utf-16"],
                        help="text encoding of the CSV files (default: detected per file)")
    parser.add_argument("--duplicates", default="merge", choices=["merge", "error", "sum", "max", "mean"],
                        help="a tie listed twice: merge identical listings (default), refuse, or sum/max/mean "
                        "the weights")
    _global_options(parser, top=False)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="wijknet",
        description="Report on a neighbourhood safety alliance: its summary, an HTML report and the diagnostics "
        "(role coverage, chains, key players, what-if scenarios, suggested contacts). DATA is a folder of CSV files "
        "(stakeholders.csv, ties.csv, ...), a .json or a .graphml file; without DATA the bundled fictional example "
        "is used. `wijknet DATA` prints the summary.",
        epilog="See docs/cli.md. Persons appear under pseudonyms unless --show-names.")
    p.add_argument("--version", action="version", version=f"wijknet {__version__}")
    _global_options(p, top=True)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("summary", help="stakeholders per role, ties per relation and wave, missing roles")
    _data_options(s)
    s.add_argument("--template", action="append", dest="templates", metavar="KEY",
                   help="method template to check (repeatable; default: all, e.g. samen_in_de_wijk, alle_kleuren)")

    ck = sub.add_parser("check", help="list every problem of every file at once; exit status 1 on errors")
    _data_options(ck)

    r = sub.add_parser("report", help="write the HTML report (one self-contained file); of a folder of alliances: the report across neighbourhoods")
    _data_options(r)
    r.add_argument("-o", "--output", metavar="FILE",
                   help="where to write it (default: rapport.html / report.html; '-' prints it)")
    r.add_argument("--template", metavar="KEY|FILE", help="method template (default: the one the data name, "
                   "else samen_in_de_wijk)")
    r.add_argument("--wave", help="the wave to report on (default: the latest)")
    r.add_argument("--compare", metavar="WAVE", help="the earlier wave to compare with (default: the one before)")
    r.add_argument("--relation", help="the relation the chain follows (e.g. referral)")
    r.add_argument("--chain", metavar="ROLE,ROLE,...", help="the chain of roles (default: the Samen in de Wijk chain)")

    c = sub.add_parser("coverage", help="which roles of a method template are absent, isolated or held once")
    _data_options(c)
    c.add_argument("--template", metavar="KEY", help="method template (default: the one the data name, else "
                   "samen_in_de_wijk)")
    c.add_argument("--wave", help="one wave (default: each wave)")
    c.add_argument("--relation", action="append", dest="relations", metavar="KEY",
                   help="count only ties of this relation (repeatable; default: every relation)")

    ch = sub.add_parser("chains", help="does the chain of roles work, along which routes, where does it break")
    _data_options(ch)
    ch.add_argument("--chain", metavar="ROLE,ROLE,...",
                    help="roles in order (default: " + ",".join(DEFAULT_CHAIN) + ")")
    ch.add_argument("--relation", help="the relation every step follows (default: referral when the data have it)")
    ch.add_argument("--wave", help="one wave (default: each wave)")
    ch.add_argument("--intermediaries", action="store_true", help="a step may pass through other stakeholders")

    k = sub.add_parser("key-players", help="the few stakeholders who hold the alliance together")
    _data_options(k)
    k.add_argument("-k", type=int, default=2, help="how many (default 2)")
    k.add_argument("--objective", choices=["fragmentation", "distance_fragmentation", "reach"],
                   default="fragmentation", help="fragmentation (default): whose departure splits the alliance "
                   "most; reach: who reaches the most others")
    k.add_argument("--max-distance", type=int, default=1, help="for reach: within this many ties (default 1)")
    k.add_argument("--seed", type=int, default=42, help="seed of the search (default 42)")
    k.add_argument("--wave", help="one wave (default: each wave)")
    k.add_argument("--relation", action="append", dest="relations", metavar="KEY",
                   help="only ties of this relation (repeatable; default: every relation)")

    sc = sub.add_parser("scenario", help="what if stakeholders leave: before and after")
    _data_options(sc)
    sc.add_argument("--remove", action="append", metavar="ID",
                    help="stakeholder to remove: id or name as the tables print it (repeatable, or a,b; "
                    "default: the top key player of the latest wave)")
    sc.add_argument("--template", metavar="KEY", help="method template (default: the one the data name, else "
                    "samen_in_de_wijk)")
    sc.add_argument("--chain", metavar="ROLE,ROLE,...", help="chain to check (default: the Samen in de Wijk chain)")
    sc.add_argument("--relation", help="the relation the chain follows (default: referral when the data have it)")
    sc.add_argument("--wave", help="one wave (default: each wave)")

    sg = sub.add_parser("suggest", help="the new contacts that would help most, each with its reason")
    _data_options(sg)
    sg.add_argument("-k", type=int, default=3, help="how many (default 3)")
    sg.add_argument("--objective", choices=["chain", "fragmentation", "distance"],
                    help="what should improve (default: chain with --chain, else fragmentation)")
    sg.add_argument("--chain", metavar="ROLE,ROLE,...", help="complete this chain of roles")
    sg.add_argument("--relation", help="the relation of the new contacts / the chain's steps")
    sg.add_argument("--remove", action="append", metavar="ID",
                    help="hold together without these stakeholders (repeatable; id or name as printed)")
    sg.add_argument("--max-per-stakeholder", type=int, help="at most this many new contacts per stakeholder")
    sg.add_argument("--wave", help="the wave (default: the latest)")
    return p


def _with_command(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``argv`` with ``summary`` put in front of DATA when no command is named (``wijknet DATA``,
    bare ``wijknet``)."""
    if any(a in ("-h", "--help", "--version") for a in argv):
        if not any(a in COMMANDS for a in argv):
            return argv
    takes_value = {s for a in parser._actions if a.option_strings and a.nargs is None and a.const is None
                   for s in a.option_strings}
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--":
            return argv[:i] + ["summary"] + argv[i:]
        if a.startswith("-"):
            i += 2 if a in takes_value else 1
            continue
        return argv if a in COMMANDS else argv[:i] + ["summary"] + argv[i:]
    return argv + ["summary"]


def _load(args: argparse.Namespace) -> tuple[Any, str]:
    path = Path(args.data) if args.data else example_path()
    if not path.exists():
        raise UsageError(f"{path}: no such file or folder", f"{path}: dit bestand of deze map bestaat niet")
    options = ({"separator": args.separator, "decimal_comma": args.decimal_comma, "encoding": args.encoding,
                "duplicates": args.duplicates} if path.is_dir() else {})
    return read(path, **options), str(path)


def _error_line(err: BaseException, args: argparse.Namespace) -> str:
    """The line a failed command prints, in the language asked. In Dutch: a usage error and a
    missing or unreadable path in Dutch; a spreadsheet workbook with what to do instead; a CSV
    folder that does not read with its first error as ``wijknet check`` words it (the readers'
    own messages are English) and how many more there are."""
    if args.lang != "nl":
        return f"wijknet: error: {err}"
    if isinstance(err, UsageError):
        return f"wijknet: fout: {err.nl}"
    if isinstance(err, FileNotFoundError):
        return f"wijknet: fout: {err.filename}: dit bestand of deze map bestaat niet"
    if isinstance(err, PermissionError):
        return f"wijknet: fout: {err.filename}: geen toegang (leesrechten of schrijfrechten ontbreken)"
    data = Path(args.data) if getattr(args, "data", None) else None
    if data is not None and data.suffix.lower() in _SPREADSHEETS:
        return (f"wijknet: fout: {data}: een werkmap (Excel) wordt niet direct gelezen; sla elk tabblad op als "
                "'CSV UTF-8' in één map (stakeholders.csv, ties.csv ...; zie docs/csv.md) en geef die map op")
    if isinstance(err, WijknetError) and data is not None and data.is_dir():
        from ._validate import count, problem_line, problems

        try:
            found = problems(data, encoding=args.encoding, separator=args.separator,
                             decimal_comma=args.decimal_comma, duplicates=args.duplicates)
        except (WijknetError, OSError):
            found = []
        errors = count(found, "error")
        if errors:
            first = next(p for p in found if p.severity == "error")
            more = "" if errors == 1 else (
                f"\nwijknet: en nog {errors - 1} {'fout' if errors == 2 else 'fouten'}; "
                f"'wijknet check --lang nl {data}' noemt ze allemaal")
            return f"wijknet: fout: {problem_line(first, 'nl')}{more}"
    return f"wijknet: fout: {_core._dutch(str(err))}"


def main(argv: list[str] | None = None) -> int:
    """Run the ``wijknet`` command with ``argv`` (default: ``sys.argv[1:]``); returns the exit status.

    Examples
    --------
    >>> from wijknet import cli
    >>> cli.main(["coverage", "--wave", "T0", "--format", "csv"])     # doctest: +ELLIPSIS
    wave,role,label,level,status,holders,holder_names,isolated_names,explanation
    T0,wijkagent,community police officer,required,single,1,Community police officer 1,,...
    ...
    0
    """
    parser = _parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(_with_command(argv, parser))
    if args.format != "table" and args.command in ("report", "check"):
        parser.error(f"{args.command} prints no table; --format applies to the tables of the other commands")
    if args.command == "check":
        from ._validate import main_check

        args.data = args.data or str(example_path())
        try:
            return main_check(args)
        except (WijknetError, OSError) as err:
            print(_error_line(err, args), file=sys.stderr)
            return 2
    try:
        if args.command == "report" and args.data and is_study_folder(args.data):
            _print_if_any(_study_report(args))
            return 0
        alliance, source = _load(args)
        w = Wording(alliance, args.lang, args.show_names)
        names = _Names(w)
        preface: list[str] = []
        if args.command == "report":
            _print_if_any(_report(alliance, args, w))
            return 0
        if args.command == "summary":
            tables, text = _summary_tables(alliance, args, w)
            if args.format == "table":
                print(f"# {source}\n")
                print(text)
                _privacy_notes(alliance, args, w)
                return 0
        elif args.command == "coverage":
            tables = _coverage(alliance, args, w, names)
        elif args.command == "chains":
            tables = _chains(alliance, args, w, names)
        elif args.command == "key-players":
            tables = _key_players(alliance, args, w, names)
        elif args.command == "scenario":
            tables, preface = _scenario(alliance, args, w, names)
        else:
            tables = _suggest(alliance, args, w, names)
        _emit(tables, args.format, w, preface)
        if args.format == "table":
            _privacy_notes(alliance, args, w)
    except UsageError as err:
        print(_error_line(err, args), file=sys.stderr)
        return err.status
    except (WijknetError, OSError) as err:
        if isinstance(err, BrokenPipeError):  # `wijknet | head`: the reader left early; not an error
            # Point stdout at /dev/null so the interpreter's final flush does not fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        print(_error_line(err, args), file=sys.stderr)
        return 1
    return 0


def _print_if_any(text: str) -> None:
    if text:
        print(text)


def _privacy_notes(alliance: Any, args: argparse.Namespace, w: Wording) -> None:
    """What the tables left out for privacy, under the text tables."""
    t = _WORDS[w.lang]
    lines = []
    if not args.show_names and any(alliance.stakeholders()["kind"] == "person"):
        lines.append(t["pseudonyms"])
    hidden = alliance.stakeholders(include_sensitive=True).attrs.get("sensitive", [])
    if hidden and not args.show_sensitive:
        lines.append(t["left_out"].format(names=w.join(hidden)))
    if lines:
        print()
        print("\n".join(_wrap(s) for s in lines))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
