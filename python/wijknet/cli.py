"""The ``wijknet`` command: the report, the summary and the diagnostics of an alliance.

::

    wijknet [--lang en|nl] [--format table|csv|json] [--show-names] [--show-sensitive] COMMAND [DATA] [options]

Commands: ``summary`` (the default), ``report``, ``check``, ``coverage``, ``chains``, ``key-players``,
``scenario``, ``suggest``, ``survey init`` and ``survey import`` (survey-tool exports). DATA is a folder of CSV files, a ``.json`` or a ``.graphml`` file
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
from ._wording import PROTECTING, SMALL_CELL, TERMS, Wording, display_names, small_cells

#: The report's options that say which alliance it is about (Alliance.about entries).
ABOUT_OPTIONS = ("neighbourhood", "municipality", "source", "date", "author", "organisation")

COMMANDS = ("summary", "report", "check", "coverage", "chains", "key-players", "scenario", "suggest", "survey")
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
        **{k: TERMS["en"][k] for k in ("absent", "isolated", "single", "covered")},
        "broken": "broken", "repaired": "repaired",
        "objective.fragmentation": "fragmentation", "objective.distance_fragmentation": "distance fragmentation",
        "objective.reach": "reach",
        **{f"m.{k}": TERMS["en"][k] for k in ("stakeholders", "components", "largest_component", "fragmentation",
                                               "distance_fragmentation", "roles_absent", "roles_single")},
        "m.chain": TERMS["en"]["chain_works"],
        "sc.intro": "Without {names} (removed from a copy; the data are not changed). Chain: {chain}.",
        "left_out": "Left out for privacy: the sensitive attribute(s) {names} (use --show-sensitive).",
        "pseudonyms": "Persons appear under pseudonyms (use --show-names to name them).",
        "suppressed": "<{n}",
        "default_removed": "Nobody given with --remove: the top key player of wave {wave} is removed.",
        "no_suggestions": "No new contact improves this any further.",
        "fewer": "Only {n} of the {k} contacts asked for: after {them}, no new contact improves this any further.",
        "without": "without {names}",
        "written": "Report written to {path}",
        "sv.exists": "{path} exists already; it may hold edits: choose another -o, or pass --force to replace it",
        "sv.proposed": ("Mapping written to {path}: {columns} answer columns ({items}), respondents in column "
                        "{respondent!r}, {ignored} columns ignored."),
        "sv.checks": "{n} lines are guesses (marked CHECK): look at them, then run: {command}",
        "sv.no_checks": "Look at every line, then run: {command}",
        "sv.response": "Wave {wave}: {responded} of {roster} on the roster responded ({partly} of them partly){nots}.",
        "sv.not": "; did not respond: {names}",
        "sv.ties": "Ties added: {ties}.",
        "sv.saved": "Written to {path}",
        "sv.more": "and {n} more errors; '{command}' lists them all",
        "warning": "warning",
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
        **{k: TERMS["nl"][k] for k in ("absent", "isolated", "single", "covered")},
        "broken": "verbroken", "repaired": "hersteld",
        "objective.fragmentation": "fragmentatie", "objective.distance_fragmentation": "afstandsfragmentatie",
        "objective.reach": "bereik",
        **{f"m.{k}": TERMS["nl"][k] for k in ("stakeholders", "components", "largest_component", "fragmentation",
                                               "distance_fragmentation", "roles_absent", "roles_single")},
        "m.chain": TERMS["nl"]["chain_works"],
        "sc.intro": "Zonder {names} (uit een kopie verwijderd; de gegevens zelf veranderen niet). Keten: {chain}.",
        "left_out": "Weggelaten vanwege privacy: het gevoelige kenmerk {names} (gebruik --show-sensitive).",
        "pseudonyms": "Personen staan onder een pseudoniem (gebruik --show-names voor hun naam).",
        "suppressed": "<{n}",
        "default_removed": "Niemand opgegeven met --remove: de belangrijkste sleutelfiguur van meting {wave} "
                           "wordt verwijderd.",
        "no_suggestions": "Geen nieuw contact verbetert dit nog verder.",
        "fewer": "Maar {n} van de {k} gevraagde contacten: na {them} verbetert geen nieuw contact dit nog verder.",
        "without": "zonder {names}",
        "written": "Rapport geschreven naar {path}",
        "sv.exists": "{path} bestaat al en kan aanpassingen bevatten: kies een andere -o, of geef --force om het "
                     "te vervangen",
        "sv.proposed": ("Koppeling geschreven naar {path}: {columns} antwoordkolommen ({items}), respondenten in "
                        "kolom {respondent!r}, {ignored} kolommen genegeerd."),
        "sv.checks": "{n} regels zijn gissingen (gemarkeerd met CHECK): bekijk ze, en geef dan: {command}",
        "sv.no_checks": "Bekijk elke regel, en geef dan: {command}",
        "sv.response": ("Meting {wave}: {responded} van de {roster} op de lijst antwoordden ({partly} van hen "
                        "gedeeltelijk){nots}."),
        "sv.not": "; niet geantwoord: {names}",
        "sv.ties": "Relaties toegevoegd: {ties}.",
        "sv.saved": "Geschreven naar {path}",
        "sv.more": "en nog {n} fouten; '{command}' noemt ze allemaal",
        "warning": "waarschuwing",
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
    # Columns of fractions get one number of decimals throughout (0,476 and 0,000, not 0,476 and 0); a
    # before/after pair counts as one.
    floats = [c for c in columns if c not in table.show and c not in table.show_row and len(table.frame) and all(
        isinstance(v, float) and not _is_missing(v) for v in table.frame[c])]
    fractional = any(not float(v).is_integer() for c in floats for v in table.frame[c])
    fractions = set(floats) if fractional else set()
    cells = [[table.show_row[c](row) if c in table.show_row else table.show[c](row[c]) if c in table.show
              else w.fixed(row[c], 3) if c in fractions else _cell(row[c], w) for c in columns]
             for _, row in table.frame.iterrows()]
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
        # Safe to open in a spreadsheet (docs/csv.md). In Dutch as Dutch Excel reads it: a byte order mark (so it
        # takes UTF-8), semicolons and decimal commas.
        dutch = w.lang == "nl"
        out.write(("\ufeff" if dutch else "") + to_csv_text(tables[0].frame, separator=";" if dutch else ",",
                                                            decimal_comma=dutch))
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
    return _diagnostics.chain_relation(alliance, relation or None)[0]


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
        present = len(_core.Snapshot(alliance, **selection))
        if present <= args.k:  # a set of k needs others left to fragment or reach
            rows.append({"wave": wave, "players": [], "before": None, "after": None,
                         "explanation": f"{_wave_label(w, wave)}: {_sentences.too_few_for_key_players(w, present, args.k)}"})
            continue
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
    if 0 < len(rows) < args.k:  # say why the table is shorter than asked
        them = (f"{len(rows)} " + ("contact" if len(rows) == 1 else "contacten" if w.lang == "nl" else "contacts"))
        notes.append(t["fewer"].format(n=len(rows), k=args.k, them=them))
    if frame.attrs.get("note"):  # no objective on a connected alliance: planned for the key player leaving
        notes.insert(0, frame.attrs["note"])
    headers = {"rank": t["rank"], "source": t["source"], "target": t["target"], "relation": t["relation"],
               "before": t["before"], "after": t["after"]}
    if not any(r["relation"] for r in rows):  # cohesion asks for a tie of any relation: no column of blanks
        del headers["relation"]
    gone = frame.attrs.get("removed") or []
    scope = [part for part in (_wave_label(w, wave) if wave else "",
                               t["without"].format(names=w.join(names.all(gone))) if gone else "") if part]
    title = t["suggest"] + (f" ({', '.join(scope)})" if scope else "")
    return [Table("suggestions", title,
                  pd.DataFrame(rows, columns=["rank", "wave", "source", "target", "relation", "before", "after",
                                              "reason"]), headers, notes)]


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
                         show_sensitive=args.show_sensitive,
                         about={k: getattr(args, k) for k in ABOUT_OPTIONS if getattr(args, k) is not None})
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


# ---------------------------------------------------------------------------- survey exports

def _survey_command(args: argparse.Namespace) -> int:
    """``wijknet survey init`` (propose a mapping) and ``wijknet survey import`` (add an export to the data)."""
    import warnings

    from . import _survey
    from ._io import write
    from ._validate import count, problem_line

    t = _WORDS[args.lang]
    export = Path(args.export)
    for path in [export] + ([Path(args.stakeholders)] if args.stakeholders else []) + (
            [Path(args.mapping)] if getattr(args, "mapping", None) else []):
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder", f"{path}: dit bestand of deze map bestaat niet")
    out = Path(args.output)
    if out.exists() and not args.force:
        raise UsageError(_WORDS["en"]["sv.exists"].format(path=out), _WORDS["nl"]["sv.exists"].format(path=out))
    if args.survey_command == "init":
        mapping = _survey.survey_mapping(export, args.stakeholders, wave=args.wave, lang=args.lang)
        _survey.write_survey_mapping(mapping, out, lang=args.lang, export=str(export))
        items = ", ".join(f"{len([c for c in mapping['columns'] if c['item'] == key])} {key}"
                          for key in mapping["items"])
        print(t["sv.proposed"].format(path=out, columns=len(mapping["columns"]), items=items,
                                      respondent=mapping["respondent_column"], ignored=len(mapping["ignore"])))
        command = f"wijknet check {export} --mapping {out}" + (" --lang nl" if args.lang == "nl" else "")
        checks = len(mapping["checks"]) - len([k for k in mapping["checks"] if k.endswith(".text")])
        print(t["sv.checks"].format(n=checks, command=command) if checks else t["sv.no_checks"].format(command=command))
        return 0
    # import: every problem first, in the language asked; nothing is written unless the export reads cleanly.
    found = _survey.survey_problems(export, args.mapping, args.stakeholders, args.wave)
    level = "waarschuwing" if args.lang == "nl" else "warning"
    for p in found:
        if p.severity == "warning":
            print(f"wijknet: {problem_line(p, args.lang, level)}", file=sys.stderr)
    errors = count(found, "error")
    if errors:
        first = next(p for p in found if p.severity == "error")
        print(f"wijknet: {'fout' if args.lang == 'nl' else 'error'}: {problem_line(first, args.lang)}", file=sys.stderr)
        if errors > 1:
            command = f"wijknet check {export} --mapping {args.mapping}" + (" --lang nl" if args.lang == "nl" else "")
            print(f"wijknet: {t['sv.more'].format(n=errors - 1, command=command)}", file=sys.stderr)
        return 1
    alliance = _survey.mapping_roster(args.mapping, args.stakeholders)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", _survey.SurveyWarning)  # printed above, in the language asked
        added = _survey.add_survey(alliance, export, args.mapping, wave=args.wave)
    write(alliance, out)
    w = Wording(alliance, args.lang, args.show_names)
    roster = len(added["respondents"]) + len(added["non_respondents"])
    nots = (t["sv.not"].format(names=w.join([w.name(i) for i in added["non_respondents"]]))
            if added["non_respondents"] else "")
    print(t["sv.response"].format(wave=added["wave"], responded=len(added["respondents"]), roster=roster,
                                  partly=len(added["partly"]), nots=nots))
    print(t["sv.ties"].format(ties=", ".join(f"{w.relation(r)} {n}" for r, n in added["ties"].items())))
    print(t["sv.saved"].format(path=out.resolve()))
    return 0


# ------------------------------------------------------------------------------- command line

#: The help of the command line, in both languages: `wijknet --lang nl --help` is Dutch throughout.
_HELP = {
    "en": {
        "usage": "usage: ", "positionals": "arguments", "optionals": "options", "commands": "commands",
        "help": "show this help and exit", "version": "show the version and exit",
        "description": "Report on a neighbourhood safety alliance: its summary, an HTML report and the diagnostics "
        "(role coverage, chains, key players, what-if scenarios, suggested contacts). DATA is a folder of CSV files "
        "(stakeholders.csv, ties.csv, ...), a .json or a .graphml file; without DATA the bundled fictional example "
        "is used. `wijknet DATA` prints the summary.",
        "epilog": "See docs/cli.md. Persons appear under pseudonyms unless --show-names.",
        "lang": "language of the output: English (default) or Dutch",
        "format": "table (default, for reading), csv (the main table) or json (every table)",
        "show_names": "name persons (default: stable pseudonyms such as 'Wijkagent 1')",
        "show_sensitive": "show sensitive attributes (groups smaller than 5 stay suppressed)",
        "data": "folder of CSV files, .json or .graphml file (default: the bundled example)",
        "separator": "CSV separator (default: detected)",
        "decimal_comma": "CSV numbers are written as 3,5 (default: so in files separated by ';', as Dutch Excel "
        "writes them)",
        "decimal_point": "CSV numbers are written as 3.5, also in files separated by ';'",
        "check.mapping": "DATA is a survey export: check it with this mapping (see 'wijknet survey init')",
        "check.stakeholders": "with --mapping: the stakeholders (default: the mapping's 'stakeholders')",
        "survey": "survey-tool exports: propose a mapping (init), then add the answers to the data (import)",
        "survey.init": "propose the mapping of an export: who answered, which partner and question each column is, "
        "which answers mean no tie or missing",
        "survey.export": "the survey export (a CSV file)",
        "survey.init.stakeholders": "the stakeholders: a folder of CSV files, a .json file or a CSV file of "
        "stakeholders",
        "survey.init.output": "where to write the mapping (default survey.toml)",
        "survey.init.wave": "the wave of the answers (default T0)",
        "survey.force": "replace the output if it exists",
        "survey.import": "add the ties and the response of an export to the data, and write them",
        "survey.mapping": "the mapping (from 'wijknet survey init')",
        "survey.import.stakeholders": "the data to add to: a folder of CSV files or a .json file (default: the "
        "mapping's 'stakeholders')",
        "survey.import.wave": "the wave of the answers (default: the mapping's)",
        "survey.import.output": "where to write the data with the survey: a folder of CSV files, or a .json file",
        "encoding": "text encoding of the CSV files (default: detected per file)",
        "duplicates": "a tie listed twice: merge identical listings (default), refuse, or sum/max/mean the weights",
        "summary": "stakeholders per role, ties per relation and wave, missing roles",
        "summary.template": "method template to check (repeatable; default: all, e.g. samen_in_de_wijk, alle_kleuren)",
        "check": "list every problem of every file at once; exit status 1 on errors",
        "report": "write the HTML report (one self-contained file); of a folder of alliances: the report across "
        "neighbourhoods",
        "output": "where to write it (default: rapport.html / report.html; '-' prints it)",
        "template": "method template (default: the one the data name, else samen_in_de_wijk)",
        "report.wave": "the wave to report on (default: the latest)",
        "compare": "the earlier wave to compare with (default: the one before)",
        "report.relation": "the relation the chain follows (default: referral when the data have referral ties, "
        "else every relation)",
        "report.chain": "the chain of roles (default: the Samen in de Wijk chain)",
        "about.neighbourhood": "the neighbourhood, in the title (default: the data's about.csv / 'about')",
        "about.municipality": "the municipality, in the title (default: from the data)",
        "about.source": "where the data come from, under the title, e.g. 'survey autumn 2022'",
        "about.date": "the date of the data, under the title (2022-11-20 or 20-11-2022)",
        "about.author": "who prepared the report, under the title",
        "about.organisation": "the organisation behind the report, under the title",
        "coverage": "which roles of a method template are absent, isolated or held once",
        "wave": "one wave (default: each wave)",
        "relations": "count only ties of this relation (repeatable; default: every relation)",
        "chains": "does the chain of roles work, along which routes, where does it break",
        "chains.chain": "roles in order (default: " + ",".join(DEFAULT_CHAIN) + ")",
        "chains.relation": "the relation every step follows (default: referral when the data have referral ties, "
        "else every relation)",
        "intermediaries": "a step may pass through other stakeholders",
        "key-players": "the few stakeholders who hold the alliance together",
        "k": "how many (default {k})",
        "kp.objective": "fragmentation (default): whose departure splits the alliance most; reach: who reaches the "
        "most others",
        "max_distance": "for reach: within this many ties (default 1)",
        "seed": "seed of the search (default 42)",
        "scenario": "what if stakeholders leave: before and after",
        "sc.remove": "stakeholder to remove: id or name as the tables print it (repeatable, or a,b; default: the "
        "top key player of the latest wave)",
        "sc.chain": "chain to check (default: the Samen in de Wijk chain)",
        "suggest": "the new contacts that would help most, each with its reason",
        "sg.objective": "what should improve (default: chain with --chain, else fragmentation)",
        "sg.chain": "complete this chain of roles",
        "sg.relation": "the relation of the new contacts / the chain's steps",
        "sg.remove": "hold together without these stakeholders (repeatable; id or name as printed)",
        "max_per_stakeholder": "at most this many new contacts per stakeholder",
        "sg.wave": "the wave (default: the latest)",
    },
    "nl": {
        "usage": "gebruik: ", "positionals": "argumenten", "optionals": "opties", "commands": "opdrachten",
        "help": "toon deze hulp en stop", "version": "toon de versie en stop",
        "description": "Rapporteer over een veiligheidsalliantie in de wijk: de samenvatting, een HTML-rapport en "
        "de diagnoses (rolbezetting, ketens, sleutelfiguren, wat-als-scenario's, voorgestelde contacten). DATA is "
        "een map met CSV-bestanden (stakeholders.csv, ties.csv, ...), een .json- of een .graphml-bestand; zonder "
        "DATA wordt het meegeleverde verzonnen voorbeeld gebruikt. `wijknet DATA` toont de samenvatting.",
        "epilog": "Zie docs/cli.md. Personen staan onder een pseudoniem, tenzij --show-names.",
        "lang": "taal van de uitvoer: Engels (standaard) of Nederlands",
        "format": "table (standaard, om te lezen), csv (de hoofdtabel, voor Excel) of json (alle tabellen)",
        "show_names": "noem personen bij naam (standaard: vaste pseudoniemen zoals 'Wijkagent 1')",
        "show_sensitive": "toon gevoelige kenmerken (groepen kleiner dan 5 blijven weggelaten)",
        "data": "map met CSV-bestanden, .json- of .graphml-bestand (standaard: het meegeleverde voorbeeld)",
        "separator": "scheidingsteken van de CSV-bestanden (standaard: herkend)",
        "decimal_comma": "getallen in de CSV-bestanden staan als 3,5 (standaard: zo in bestanden met ';' ertussen, "
        "zoals Nederlandse Excel ze schrijft)",
        "decimal_point": "getallen in de CSV-bestanden staan als 3.5, ook in bestanden met ';' ertussen",
        "check.mapping": "DATA is een export van een enquête: controleer die met deze koppeling (zie 'wijknet "
        "survey init')",
        "check.stakeholders": "met --mapping: de stakeholders (standaard: 'stakeholders' uit de koppeling)",
        "survey": "exports van enquêtetools: stel een koppeling voor (init) en voeg dan de antwoorden aan de "
        "gegevens toe (import)",
        "survey.init": "stel de koppeling van een export voor: wie antwoordde, welke partner en vraag elke kolom is, "
        "welke antwoorden geen relatie of ontbrekend betekenen",
        "survey.export": "de export van de enquête (een CSV-bestand)",
        "survey.init.stakeholders": "de stakeholders: een map met CSV-bestanden, een .json-bestand of een "
        "CSV-bestand met stakeholders",
        "survey.init.output": "waar de koppeling heen moet (standaard survey.toml)",
        "survey.init.wave": "de meting van de antwoorden (standaard T0)",
        "survey.force": "vervang de uitvoer als die al bestaat",
        "survey.import": "voeg de relaties en de respons van een export aan de gegevens toe en schrijf ze weg",
        "survey.mapping": "de koppeling (van 'wijknet survey init')",
        "survey.import.stakeholders": "de gegevens om aan toe te voegen: een map met CSV-bestanden of een "
        ".json-bestand (standaard: 'stakeholders' uit de koppeling)",
        "survey.import.wave": "de meting van de antwoorden (standaard: die uit de koppeling)",
        "survey.import.output": "waar de gegevens met de enquête heen moeten: een map met CSV-bestanden of een "
        ".json-bestand",
        "encoding": "tekencodering van de CSV-bestanden (standaard: per bestand herkend)",
        "duplicates": "een relatie die twee keer voorkomt: gelijke samenvoegen (standaard), weigeren, of de "
        "gewichten optellen (sum), het grootste nemen (max) of middelen (mean)",
        "summary": "stakeholders per rol, relaties per soort en meting, ontbrekende rollen",
        "summary.template": "methode om te controleren (herhaalbaar; standaard: alle, bijv. samen_in_de_wijk, "
        "alle_kleuren)",
        "check": "noem elk probleem van elk bestand in één keer; exitstatus 1 bij fouten",
        "report": "schrijf het HTML-rapport (één zelfstandig bestand); van een map met allianties: het rapport "
        "over de wijken heen",
        "output": "waar het heen moet (standaard: rapport.html / report.html; '-' drukt het af)",
        "template": "methode (standaard: die de gegevens noemen, anders samen_in_de_wijk)",
        "report.wave": "de meting van het rapport (standaard: de laatste)",
        "compare": "de eerdere meting om mee te vergelijken (standaard: de meting ervoor)",
        "report.relation": "de relatie die de keten volgt (standaard: doorverwijzing als de gegevens die hebben, "
        "anders elke relatie)",
        "report.chain": "de keten van rollen (standaard: de keten van Samen in de Wijk)",
        "about.neighbourhood": "de wijk, in de titel (standaard: uit about.csv / 'about' van de gegevens)",
        "about.municipality": "de gemeente, in de titel (standaard: uit de gegevens)",
        "about.source": "waar de gegevens vandaan komen, onder de titel, bijv. 'enquête najaar 2022'",
        "about.date": "de datum van de gegevens, onder de titel (2022-11-20 of 20-11-2022)",
        "about.author": "wie het rapport opstelde, onder de titel",
        "about.organisation": "de organisatie achter het rapport, onder de titel",
        "coverage": "welke rollen van een methode ontbreken, geïsoleerd zijn of één vervuller hebben",
        "wave": "één meting (standaard: elke meting)",
        "relations": "tel alleen relaties van deze soort (herhaalbaar; standaard: elke soort)",
        "chains": "werkt de keten van rollen, langs welke routes, waar breekt hij",
        "chains.chain": "rollen op volgorde (standaard: " + ",".join(DEFAULT_CHAIN) + ")",
        "chains.relation": "de relatie die elke stap volgt (standaard: doorverwijzing als de gegevens die hebben, "
        "anders elke relatie)",
        "intermediaries": "een stap mag via andere stakeholders lopen",
        "key-players": "de paar stakeholders die de alliantie bijeenhouden (sleutelfiguren)",
        "k": "hoeveel (standaard {k})",
        "kp.objective": "fragmentation (standaard): wiens vertrek de alliantie het meest uiteen laat vallen; "
        "reach: wie de meeste anderen bereikt",
        "max_distance": "bij reach: binnen zoveel stappen (standaard 1)",
        "seed": "startwaarde van de zoektocht (standaard 42)",
        "scenario": "wat als stakeholders vertrekken: voor en na",
        "sc.remove": "stakeholder die vertrekt: id of naam zoals de tabellen die tonen (herhaalbaar, of a,b; "
        "standaard: de belangrijkste sleutelfiguur van de laatste meting)",
        "sc.chain": "keten om te controleren (standaard: de keten van Samen in de Wijk)",
        "suggest": "de nieuwe contacten die het meest helpen, elk met de reden",
        "sg.objective": "wat beter moet worden (standaard: chain met --chain, anders fragmentation)",
        "sg.chain": "maak deze keten van rollen compleet",
        "sg.relation": "de relatie van de nieuwe contacten / van de stappen van de keten",
        "sg.remove": "houd de alliantie bijeen zonder deze stakeholders (herhaalbaar; id of naam zoals getoond)",
        "max_per_stakeholder": "hoogstens zoveel nieuwe contacten per stakeholder",
        "sg.wave": "de meting (standaard: de laatste)",
    },
}


def _asked_lang(argv: Sequence[str]) -> str:
    """The language of ``--lang`` before the parser exists (its help must be in that language)."""
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv) and argv[i + 1] in _HELP:
            return argv[i + 1]
        if a.startswith("--lang=") and a.split("=", 1)[1] in _HELP:
            return a.split("=", 1)[1]
    return "en"


def _help_parser(h: dict[str, str], **kwargs: Any) -> dict[str, Any]:
    """Keyword arguments for a parser whose own words (usage, headings, -h) are in the language of ``h``."""
    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage, actions, groups, prefix=None):
            return super().add_usage(usage, actions, groups, h["usage"] if prefix is None else prefix)

    return {"formatter_class": Formatter, "add_help": False, **kwargs}


def _titled(parser: argparse.ArgumentParser, h: dict[str, str]) -> argparse.ArgumentParser:
    parser._positionals.title, parser._optionals.title = h["positionals"], h["optionals"]
    parser.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=h["help"])
    return parser


def _global_options(parser: argparse.ArgumentParser, top: bool, h: dict[str, str]) -> None:
    """The options every command takes, before or after the command's name. On the commands'
    parsers they default to SUPPRESS, so that a value given before the command stays."""
    def default(value: Any) -> Any:
        return value if top else argparse.SUPPRESS

    parser.add_argument("--lang", choices=["en", "nl"], default=default("en"), help=h["lang"])
    parser.add_argument("--format", choices=FORMATS, default=default("table"), help=h["format"])
    parser.add_argument("--show-names", action="store_true", default=default(False), help=h["show_names"])
    parser.add_argument("--show-sensitive", action="store_true", default=default(False), help=h["show_sensitive"])


def _data_options(parser: argparse.ArgumentParser, h: dict[str, str]) -> None:
    parser.add_argument("data", nargs="?", metavar="DATA", help=h["data"])
    parser.add_argument("--separator", default="", help=h["separator"])
    decimal = parser.add_mutually_exclusive_group()
    decimal.add_argument("--decimal-comma", action="store_const", const=True, dest="decimal_comma", default=None,
                         help=h["decimal_comma"])
    decimal.add_argument("--decimal-point", action="store_const", const=False, dest="decimal_comma",
                         help=h["decimal_point"])
    parser.add_argument("--encoding", default="auto", choices=["auto", "utf-8", "cp1252", "utf-16"],
                        help=h["encoding"])
    parser.add_argument("--duplicates", default="merge", choices=["merge", "error", "sum", "max", "mean"],
                        help=h["duplicates"])
    _global_options(parser, False, h)


def _parser(lang: str = "en") -> argparse.ArgumentParser:
    h = _HELP[lang]
    p = _titled(argparse.ArgumentParser(**_help_parser(h, prog="wijknet", description=h["description"],
                                                        epilog=h["epilog"])), h)
    p.add_argument("--version", action="version", version=f"wijknet {__version__}", help=h["version"])
    _global_options(p, True, h)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", title=h["commands"])

    def command(name: str) -> argparse.ArgumentParser:
        parser = _titled(sub.add_parser(name, **_help_parser(h, help=h[name], description=h[name])), h)
        _data_options(parser, h)
        return parser

    s = command("summary")
    s.add_argument("--template", action="append", dest="templates", metavar="KEY", help=h["summary.template"])

    ck = command("check")
    ck.add_argument("--mapping", metavar="FILE", help=h["check.mapping"])
    ck.add_argument("--stakeholders", metavar="DATA", help=h["check.stakeholders"])

    sv = _titled(sub.add_parser("survey", **_help_parser(h, help=h["survey"], description=h["survey"])), h)
    _global_options(sv, False, h)
    svsub = sv.add_subparsers(dest="survey_command", metavar="init|import", required=True, title=h["commands"])
    si = _titled(svsub.add_parser("init", **_help_parser(h, help=h["survey.init"], description=h["survey.init"])), h)
    si.add_argument("export", metavar="EXPORT", help=h["survey.export"])
    si.add_argument("--stakeholders", metavar="DATA", required=True, help=h["survey.init.stakeholders"])
    si.add_argument("-o", "--output", metavar="FILE", default="survey.toml", help=h["survey.init.output"])
    si.add_argument("--wave", default="T0", help=h["survey.init.wave"])
    si.add_argument("--force", action="store_true", help=h["survey.force"])
    _global_options(si, False, h)
    sm = _titled(svsub.add_parser("import", **_help_parser(h, help=h["survey.import"],
                                                          description=h["survey.import"])), h)
    sm.add_argument("export", metavar="EXPORT", help=h["survey.export"])
    sm.add_argument("--mapping", metavar="FILE", required=True, help=h["survey.mapping"])
    sm.add_argument("--stakeholders", metavar="DATA", help=h["survey.import.stakeholders"])
    sm.add_argument("--wave", help=h["survey.import.wave"])
    sm.add_argument("-o", "--output", metavar="DATA", required=True, help=h["survey.import.output"])
    sm.add_argument("--force", action="store_true", help=h["survey.force"])
    _global_options(sm, False, h)

    r = command("report")
    r.add_argument("-o", "--output", metavar="FILE", help=h["output"])
    r.add_argument("--template", metavar="KEY|FILE", help=h["template"])
    r.add_argument("--wave", help=h["report.wave"])
    r.add_argument("--compare", metavar="WAVE", help=h["compare"])
    r.add_argument("--relation", help=h["report.relation"])
    r.add_argument("--chain", metavar="ROLE,ROLE,...", help=h["report.chain"])
    for key in ABOUT_OPTIONS:  # which alliance the report is about, over what the data say (Alliance.about)
        r.add_argument(f"--{key}", metavar="TEXT", help=h[f"about.{key}"])

    c = command("coverage")
    c.add_argument("--template", metavar="KEY", help=h["template"])
    c.add_argument("--wave", help=h["wave"])
    c.add_argument("--relation", action="append", dest="relations", metavar="KEY", help=h["relations"])

    ch = command("chains")
    ch.add_argument("--chain", metavar="ROLE,ROLE,...", help=h["chains.chain"])
    ch.add_argument("--relation", help=h["chains.relation"])
    ch.add_argument("--wave", help=h["wave"])
    ch.add_argument("--intermediaries", action="store_true", help=h["intermediaries"])

    k = command("key-players")
    k.add_argument("-k", type=int, default=2, help=h["k"].format(k=2))
    k.add_argument("--objective", choices=["fragmentation", "distance_fragmentation", "reach"],
                   default="fragmentation", help=h["kp.objective"])
    k.add_argument("--max-distance", type=int, default=1, help=h["max_distance"])
    k.add_argument("--seed", type=int, default=42, help=h["seed"])
    k.add_argument("--wave", help=h["wave"])
    k.add_argument("--relation", action="append", dest="relations", metavar="KEY", help=h["relations"])

    sc = command("scenario")
    sc.add_argument("--remove", action="append", metavar="ID", help=h["sc.remove"])
    sc.add_argument("--template", metavar="KEY", help=h["template"])
    sc.add_argument("--chain", metavar="ROLE,ROLE,...", help=h["sc.chain"])
    sc.add_argument("--relation", help=h["chains.relation"])
    sc.add_argument("--wave", help=h["wave"])

    sg = command("suggest")
    sg.add_argument("-k", type=int, default=3, help=h["k"].format(k=3))
    sg.add_argument("--objective", choices=["chain", "fragmentation", "distance"], help=h["sg.objective"])
    sg.add_argument("--chain", metavar="ROLE,ROLE,...", help=h["sg.chain"])
    sg.add_argument("--relation", help=h["sg.relation"])
    sg.add_argument("--remove", action="append", metavar="ID", help=h["sg.remove"])
    sg.add_argument("--max-per-stakeholder", type=int, help=h["max_per_stakeholder"])
    sg.add_argument("--wave", help=h["sg.wave"])
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
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser(_asked_lang(argv))
    args = parser.parse_args(_with_command(argv, parser))
    if args.format != "table" and args.command in ("report", "check", "survey"):
        parser.error(f"{args.command} prints no table; --format applies to the tables of the other commands")
    if args.command == "check":
        from ._validate import main_check

        args.data = args.data or str(example_path())
        try:
            return main_check(args)
        except (WijknetError, OSError) as err:
            print(_error_line(err, args), file=sys.stderr)
            return 2
    if args.command == "survey":
        try:
            return _survey_command(args)
        except UsageError as err:
            print(_error_line(err, args), file=sys.stderr)
            return err.status
        except (WijknetError, OSError) as err:
            print(_error_line(err, args), file=sys.stderr)
            return 1
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
