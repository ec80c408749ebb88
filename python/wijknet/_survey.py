"""Survey exports (LimeSurvey, Microsoft Forms, Qualtrics and the like): a mapping file, the answers, the ties.

A roster survey asks every respondent about every partner on a list. Survey tools export it as a CSV file with one
row per respondent (wide: one column per partner and question, headed by the question text or a code) or one row
per respondent and partner (long). A **mapping** says how to read such an export: who answered (the respondent
column and, where the export does not use stakeholder ids, a table of names), which columns to ignore, which partner
and question (item) each column is about, and each question's answer scale: which answer stands for which number,
which answers mean *no tie* and which mean *missing*. :func:`survey_mapping` proposes a mapping from an export and the
stakeholders (``wijknet survey init``), :func:`write_survey_mapping` writes it as a commented TOML file a programme
lead can read and edit, :func:`read_survey` reads an export into its answers (one row per respondent, partner and
item: a tie, no tie, or missing), and :func:`add_survey` adds the ties and the respondents' response of the wave to an
alliance (through :func:`wijknet.add_roster_ties`' rules). docs/survey.md describes the mapping field by field.

The CSV file is read by the reader of CSV folders (the same encodings, separators and quoting rules); problems are
:class:`wijknet.Problem` objects with English and Dutch wording, so ``wijknet check EXPORT --mapping FILE`` lists them
as it lists the problems of a folder.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import os
import re
import textwrap
import tomllib
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

import pandas as pd

from . import _core
from ._alliance import Alliance, check_path
from ._keywords import checked, stacklevel
from ._roster import record_missing
from ._validate import Problem, count

__all__ = ["SurveyWarning", "add_survey", "read_survey", "survey_mapping", "write_survey_mapping"]

#: The rules by which two reports of a pair become ties (see :func:`wijknet.add_roster_ties`).
RULES = ("as_reported", "minimum", "maximum", "mean")

# Answers that mean "we do not know" (folded, see _key): proposed as missing by survey_mapping.
_MISSING_WORDS = {"weet niet", "weet ik niet", "nvt", "n v t", "niet van toepassing", "geen antwoord", "onbekend",
                  "geen mening", "zeg ik liever niet", "wil ik niet zeggen", "dont know", "don t know", "do not know",
                  "not applicable", "n a", "na", "no answer", "prefer not to say", "unknown"}
# Answers (or anchors of a scale, "1 = nooit") that mean "no contact": no tie.
_NEVER_WORDS = {"nooit", "never", "geen", "none", "geen contact", "no contact", "helemaal niet", "not at all",
                "nee", "no", "geen samenwerking", "no collaboration", "niet", "not"}
# Words of a question that say which relation it asks about (folded), in the order they are tried.
_RELATION_WORDS = (("referral", ("verwijs", "verwijst", "doorverwijs", "doorverwijzing", "refer")),
                   ("trust", ("vertrouw", "trust")),
                   ("information", ("informatie", "deelt", "delen", "information", "share")),
                   ("collaboration", ("samen", "samenwerking", "samenwerken", "collaborat", "work together",
                                      "work with", "werkt u")))
_ITEM_NAMES = {"collaboration": "samenwerking", "trust": "vertrouwen", "information": "informatie",
               "referral": "doorverwijzing"}
# Columns whose name says they name the respondent, best first (folded).
_RESPONDENT_WORDS = ("externalreference", "external data reference", "respondent", "token", "organisatie",
                     "organisation", "organization", "naam", "name", "e mail", "email")
_KEYS = {
    "top": ("stakeholders", "wave", "form", "header_rows", "separator", "encoding", "respondent_column",
            "partner_column", "ignore", "names", "scales", "items", "columns", "checks"),
    "scale": ("range", "labels", "no_tie", "missing"),
    "item": ("question", "relation", "rule", "scale"),
    "column": ("column", "partner", "item"),
}


class SurveyWarning(UserWarning):
    """A survey export reads, but the result may not be what was meant.

    For example: a scale whose lowest answer means "never" (``1 = nooit`` in the question text) while the mapping does
    not say which answers mean no tie (they are then read as no tie), or a row without respondent and without answers
    (skipped). The message names the file, line and column. :func:`read_survey` also keeps the warnings in
    ``answers.attrs["warnings"]`` as :class:`wijknet.Problem` objects.

    Examples
    --------
    >>> import warnings
    >>> import wijknet
    >>> issubclass(wijknet.SurveyWarning, UserWarning)
    True
    """


# ------------------------------------------------------------------------------------------ words

# What this module says to people, in English and Dutch (one catalogue per language).
_TEXT = {
    "en": {
        "no_column": "the mapping names the column {column!r}, which the export does not have",
        "unmapped": "column {column!r} is neither an answer column nor ignored",
        "unmapped.fix": "add it to ignore, or add it to columns with its partner and item",
        "twice_mapped": "column {column!r} is named twice in the mapping",
        "no_respondent": "row without respondent: the column {column!r} is empty",
        "no_respondent.fix": "fill in who answered, or delete the row",
        "empty_row": "row without respondent and without answers: skipped",
        "not_on_roster": "respondent {who!r} is not on the roster",
        "not_on_roster.fix": "add it to [names] with its stakeholder id",
        "unnamed": "respondent {who!r} has no stakeholder id in [names] yet",
        "twice": "respondent {who!r} answers twice, on lines {first} and {line}",
        "twice.fix": "keep one of the two rows (often an unfinished and a finished response)",
        "partner": "partner {partner!r} of column {column!r} is not a stakeholder",
        "long_partner": "partner {who!r} is not on the roster",
        "unknown_item": "item {item!r} of column {column!r} is not in [items]",
        "unknown_scale": "scale {scale!r} of item {item!r} is not in [scales]",
        "unknown_relation": "relation {relation!r} of item {item!r} is not a relation of the alliance",
        "unknown_rule": "rule {rule!r} of item {item!r}; expected as_reported, minimum, maximum or mean",
        "unknown_key": "unknown field {key!r} in {where}",
        "missing_key": "the mapping has no {key!r}",
        "bad_value": "{key!r} must be {what}, not {value!r}",
        "unknown_answer": "answer {answer!r} is not on the scale {scale!r}",
        "unknown_answer.fix": "add it to the labels of [scales.{scale}] with its number, or to missing",
        "out_of_range": "answer {answer!r} is outside the scale {scale!r} ({low}-{high})",
        "out_of_range.fix": "correct the answer, or widen range",
        "no_numbers": "answer {answer!r} is a number, but the scale {scale!r} has no range",
        "no_numbers.fix": "add range = [lowest, highest] to [scales.{scale}]",
        "never": ("the scale {scale!r} does not say which answers mean no tie; {answers} means {meaning!r}, so it is "
                  "read as no tie"),
        "never.fix": "write no_tie = [{answers}] in [scales.{scale}] (or no_tie = [] if every answer is a tie)",
        "no_no_tie": ("the scale {scale!r} does not say which answers mean no tie: every answer is a tie, the lowest "
                      "too"),
        "no_no_tie.fix": "write no_tie = [...] in [scales.{scale}], or no_tie = [] if every answer is a tie",
        "no_ties": "no item has a relation, so the survey makes no ties",
        "no_ties.fix": "give the questions about ties a relation (collaboration, trust ...) in [items]",
        "did_you_mean": "did you mean {names}?",
        "toml": "the mapping is not TOML: {error}",
        "roster_read": "the stakeholders cannot be read: {error}",
        "no_stakeholders": "the mapping does not say where the stakeholders are",
        "no_stakeholders.fix": "write stakeholders = \"FOLDER\" in the mapping, or pass them",
        "import": "{error}",
        # notes of survey_mapping: what must be checked
        "c.relation": "read from the question's words; the answers become {relation} ties",
        "c.undirected": "read from the question's words; the answers become {relation} ties (undirected: one tie "
                        "per pair, see rule)",
        "c.no_relation": ("no relation recognised in the question: its answers make no ties (a rating); write a "
                          "relation (collaboration, information, referral, trust) if they should"),
        "c.label": "which number stands for {label!r}? Write it, and remove the #",
        "c.never": "the answer that means never: no tie",
        "c.never_said": "the answer that means never: no tie ({said})",
        "c.no_tie": ("which answers mean no contact (no tie)? The question does not say. Write no_tie = [...], or "
                     "no_tie = [] if every answer is a tie, and remove the #"),
        "c.no_tie_low": ("which answers mean no contact (no tie)? The question does not say; is it {low}? Write "
                         "no_tie = [...], or no_tie = [] if every answer is a tie, and remove the #"),
        "c.partner_close": "the question names {name!r}: did you mean {close}?",
        "c.partner_none": "the question names {name!r}, who is not a stakeholder: write the id",
        "c.name_close": "did you mean {close}?",
        "c.name_none": "not on the roster: write the stakeholder id, or delete the row of the export",
        "c.respondent_guess": ("no column names stakeholders by id or name; {column!r} is a guess: write who each "
                               "value is in [names]"),
        "c.respondent_none": "no column names stakeholders: write the column that says who answered",
        "c.long": "the export is long: one row per respondent and partner ({column!r})",
        "c.header_rows": "the answers start on line {line}",
    },
    "nl": {
        "no_column": "de koppeling noemt de kolom {column!r}, maar die staat niet in de export",
        "unmapped": "kolom {column!r} is geen antwoordkolom en wordt ook niet genegeerd",
        "unmapped.fix": "zet hem bij ignore, of bij columns met zijn partner en vraag (item)",
        "twice_mapped": "kolom {column!r} staat twee keer in de koppeling",
        "no_respondent": "rij zonder respondent: de kolom {column!r} is leeg",
        "no_respondent.fix": "vul in wie de vragen beantwoordde, of verwijder de rij",
        "empty_row": "rij zonder respondent en zonder antwoorden: overgeslagen",
        "not_on_roster": "respondent {who!r} staat niet op de lijst van stakeholders",
        "not_on_roster.fix": "zet hem bij [names] met zijn stakeholder-id",
        "unnamed": "respondent {who!r} heeft in [names] nog geen stakeholder-id",
        "twice": "respondent {who!r} antwoordt twee keer, op regel {first} en {line}",
        "twice.fix": "houd één van de twee rijen over (vaak een onafgemaakte en een afgemaakte)",
        "partner": "partner {partner!r} van kolom {column!r} is geen stakeholder",
        "long_partner": "partner {who!r} staat niet op de lijst van stakeholders",
        "unknown_item": "vraag (item) {item!r} van kolom {column!r} staat niet bij [items]",
        "unknown_scale": "schaal {scale!r} van vraag {item!r} staat niet bij [scales]",
        "unknown_relation": "relatie {relation!r} van vraag {item!r} is geen relatie van de alliantie",
        "unknown_rule": "regel {rule!r} van vraag {item!r}; verwacht as_reported, minimum, maximum of mean",
        "unknown_key": "onbekend veld {key!r} in {where}",
        "missing_key": "de koppeling heeft geen {key!r}",
        "bad_value": "{key!r} moet {what} zijn, niet {value!r}",
        "unknown_answer": "antwoord {answer!r} staat niet op de schaal {scale!r}",
        "unknown_answer.fix": "zet het bij de labels van [scales.{scale}] met zijn getal, of bij missing",
        "out_of_range": "antwoord {answer!r} valt buiten de schaal {scale!r} ({low}-{high})",
        "out_of_range.fix": "verbeter het antwoord, of verruim range",
        "no_numbers": "antwoord {answer!r} is een getal, maar de schaal {scale!r} heeft geen range",
        "no_numbers.fix": "zet range = [laagste, hoogste] bij [scales.{scale}]",
        "never": ("de schaal {scale!r} zegt niet welke antwoorden geen relatie betekenen; {answers} betekent "
                  "{meaning!r} en telt daarom als geen relatie"),
        "never.fix": "schrijf no_tie = [{answers}] bij [scales.{scale}] (of no_tie = [] als elk antwoord een relatie is)",
        "no_no_tie": ("de schaal {scale!r} zegt niet welke antwoorden geen relatie betekenen: elk antwoord is een "
                      "relatie, ook het laagste"),
        "no_no_tie.fix": "schrijf no_tie = [...] bij [scales.{scale}], of no_tie = [] als elk antwoord een relatie is",
        "no_ties": "geen enkele vraag heeft een relatie, dus de vragenlijst levert geen relaties op",
        "no_ties.fix": "geef de vragen over relaties een relatie (collaboration, trust ...) bij [items]",
        "did_you_mean": "bedoelt u {names}?",
        "toml": "de koppeling is geen TOML: {error}",
        "roster_read": "de stakeholders zijn niet te lezen: {error}",
        "no_stakeholders": "de koppeling zegt niet waar de stakeholders staan",
        "no_stakeholders.fix": "schrijf stakeholders = \"MAP\" in de koppeling, of geef ze mee",
        "import": "{error}",
        "c.relation": "afgeleid uit de woorden van de vraag; de antwoorden worden relaties {relation}",
        "c.undirected": "afgeleid uit de woorden van de vraag; de antwoorden worden relaties {relation} "
                        "(ongericht: één relatie per paar, zie rule)",
        "c.no_relation": ("geen relatie herkend in de vraag: de antwoorden maken geen relaties (een beoordeling); "
                          "schrijf een relatie (collaboration, information, referral, trust) als dat wel moet"),
        "c.label": "voor welk getal staat {label!r}? Schrijf het op, en haal de # weg",
        "c.never": "het antwoord dat nooit betekent: geen relatie",
        "c.never_said": "het antwoord dat nooit betekent: geen relatie ({said})",
        "c.no_tie": ("welke antwoorden betekenen geen contact (geen relatie)? De vraag zegt het niet. Schrijf "
                     "no_tie = [...], of no_tie = [] als elk antwoord een relatie is, en haal de # weg"),
        "c.no_tie_low": ("welke antwoorden betekenen geen contact (geen relatie)? De vraag zegt het niet; is het "
                         "{low}? Schrijf no_tie = [...], of no_tie = [] als elk antwoord een relatie is, en haal de "
                         "# weg"),
        "c.partner_close": "de vraag noemt {name!r}: bedoelt u {close}?",
        "c.partner_none": "de vraag noemt {name!r}, en dat is geen stakeholder: schrijf de id op",
        "c.name_close": "bedoelt u {close}?",
        "c.name_none": "staat niet op de lijst: schrijf de stakeholder-id op, of haal de rij uit de export",
        "c.respondent_guess": ("geen kolom noemt stakeholders bij id of naam; {column!r} is een gok: schrijf bij "
                               "[names] wie elke waarde is"),
        "c.respondent_none": "geen kolom noemt stakeholders: schrijf de kolom die zegt wie antwoordde",
        "c.long": "de export is lang: één rij per respondent en partner ({column!r})",
        "c.header_rows": "de antwoorden beginnen op regel {line}",
    },
}
_WHAT = {"en": {"text": "text", "list": "a list of texts", "number": "a whole number of 1 or more",
                "form": "'wide' or 'long'", "pair": "two numbers [lowest, highest]", "table": "a table",
                "answer": "a number or a text", "separator": "one of ',', ';', a tab or empty"},
         "nl": {"text": "tekst", "list": "een lijst van teksten", "number": "een geheel getal van 1 of meer",
                "form": "'wide' of 'long'", "pair": "twee getallen [laagste, hoogste]", "table": "een tabel",
                "answer": "een getal of een tekst", "separator": "',', ';', een tab of leeg"}}


def _said(which: str, **values: Any) -> tuple[str, str]:
    """The English and Dutch wording of a message of the catalogue."""
    return _TEXT["en"][which].format(**values), _TEXT["nl"][which].format(**values)


def _or_list(names: Iterable[str], lang: str) -> str:
    names = [repr(n) for n in names]
    word = " or " if lang == "en" else " of "
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + word + names[-1]


# ------------------------------------------------------------------------------------------ text

def _fold(text: str) -> str:
    """Lower case without accents, one character for one, so positions stay those of ``text``."""
    out = []
    for c in text:
        base = unicodedata.normalize("NFD", c)[0]
        low = base.lower()
        out.append(low if len(low) == 1 else c)
    return "".join(out)


def _key(text: str) -> str:
    """Text folded for comparing answers and names: lower case, no accents, words separated by one space."""
    return " ".join(re.findall(r"[^\W_]+", _fold(str(text))))


def _number(text: str) -> float | None:
    """An answer written as a number ("4", "4.0", "4,0"), or None. A survey answer is a small number, so a single
    full stop or comma is its decimal sign; thousands separators are not numbers here."""
    m = re.fullmatch(r"\s*(\d+)(?:[.,](\d+))?\s*", text)
    return float(f"{m.group(1)}.{m.group(2) or 0}") if m else None


def _closest(text: str, choices: Mapping[str, str], n: int = 2, cutoff: float = 0.6) -> list[str]:
    """The choices (folded key -> shown text) closest to ``text``."""
    keys = difflib.get_close_matches(_key(text), list(choices), n=n, cutoff=cutoff)
    return list(dict.fromkeys(choices[k] for k in keys))


def _int_or_float(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


# ------------------------------------------------------------------------------------------ the roster

class _Roster:
    """The stakeholders answers are matched to: by id, by name (folded), or by the mapping's [names]."""

    def __init__(self, alliance: Alliance) -> None:
        frame = alliance.stakeholders()
        self.ids = list(frame.index)
        self.name = {sid: (frame.loc[sid, "name"] or sid) for sid in self.ids}
        self.by_key: dict[str, str] = {}
        for sid in self.ids:
            self.by_key.setdefault(_key(self.name[sid]), sid)
        for sid in self.ids:
            self.by_key.setdefault(_key(sid), sid)
        # Patterns finding a stakeholder's name or id inside a longer text (a question), word by word.
        self.patterns = []
        for sid in self.ids:
            for text in dict.fromkeys((self.name[sid], sid)):
                words = re.findall(r"[^\W_]+", _fold(text))
                if words:
                    self.patterns.append((re.compile(r"(?<![^\W_])" + r"[\W_]*".join(map(re.escape, words)) +
                                                     r"(?![^\W_])"), sid))

    def find(self, text: str, names: Mapping[str, str] | None = None) -> str | None:
        """The id of the stakeholder ``text`` names: an entry of ``names``, an id, or a name."""
        text = text.strip()
        if names:
            if text in names:
                return names[text] or None
            for given, sid in names.items():
                if _key(given) == _key(text):
                    return sid or None
        if text in self.name:
            return text
        return self.by_key.get(_key(text))

    def suggest(self, text: str) -> list[str]:
        """Close stakeholders, shown as 'Name' (id)."""
        choices = {_key(self.name[s]): s for s in self.ids} | {_key(s): s for s in self.ids}
        return [f"{self.name[s]} ({s})" if self.name[s] != s else s for s in _closest(text, choices)]

    def within(self, text: str) -> tuple[str, int, int] | None:
        """The stakeholder whose name or id stands in ``text`` (the longest one), with where it stands."""
        folded = _fold(text)
        best = None
        for pattern, sid in self.patterns:
            for m in pattern.finditer(folded):
                if best is None or m.end() - m.start() > best[2] - best[1]:
                    best = (sid, m.start(), m.end())
        return best


def _roster_alliance(stakeholders: Any, base: Path | None = None) -> Alliance:
    """The alliance holding the stakeholders: an Alliance, a folder of CSV files, a .json/.graphml/.dl file, or
    one CSV file of stakeholders (a file named stakeholders.csv: its whole folder)."""
    if isinstance(stakeholders, Alliance):
        return stakeholders
    from ._io import from_pandas, read

    path = Path(stakeholders)
    if base is not None and not path.is_absolute():
        path = base / path
    check_path(path)
    if path.is_file() and path.suffix.lower() in (".csv", ".tsv", ".txt"):
        if path.name.lower() == "stakeholders.csv":
            return read(path.parent)
        cells = _core._read_csv_cells(str(path))
        frame = pd.DataFrame(cells["rows"], columns=cells["header"]).replace({"": None})
        return from_pandas(frame)
    return read(path)


# ------------------------------------------------------------------------------------------ the export

@dataclass
class _Export:
    path: str
    header: list[str]           # the names of the columns (first header row)
    texts: list[list[str]]      # every header row, the first included
    rows: list[list[str]]       # the answer rows
    lines: list[int]            # the line each answer row starts on
    encoding: str
    separator: str
    bad_rows: list[Problem] = field(default_factory=list)

    def column_texts(self, c: int) -> list[str]:
        return [row[c] for row in self.texts if c < len(row)]


def _read_export(path: str | os.PathLike, separator: str = "", encoding: str = "auto", header_rows: int = 1,
                 collect: bool = False) -> _Export:
    from ._io import _SPREADSHEETS

    path = Path(path)
    check_path(path)
    if path.is_dir():
        raise IsADirectoryError(21, "this is a folder; expected a survey export (a CSV file)", str(path))
    if path.suffix.lower() in _SPREADSHEETS:
        raise _core.InvalidValueError(f"{path}: a workbook is not read directly; export the answers as CSV from the "
                                      "survey tool, or save the sheet as 'CSV UTF-8', and pass that file")
    cells = _core._read_csv_cells(str(path), separator, encoding, collect)
    extra = max(int(header_rows) - 1, 0)
    bad = [Problem(str(path), line, column, "error", en, "", nl) for line, column, en, nl in cells["bad_rows"]]
    return _Export(str(path), list(cells["header"]), [list(cells["header"])] + cells["rows"][:extra],
                   cells["rows"][extra:], list(cells["lines"])[extra:], cells["encoding"], cells["separator"], bad)


# ------------------------------------------------------------------------------------------ the mapping

@dataclass
class _Scale:
    name: str
    low: float | None = None
    high: float | None = None
    labels: dict[str, float] = field(default_factory=dict)   # folded answer -> number
    shown: dict[str, str] = field(default_factory=dict)      # folded answer -> as the mapping writes it
    no_tie_numbers: set[float] = field(default_factory=set)
    no_tie_labels: set[str] = field(default_factory=set)     # folded
    no_tie_given: bool = False
    missing: set[str] = field(default_factory=set)           # folded


@dataclass
class _Item:
    key: str
    relation: str = ""
    rule: str = ""
    scale: str = ""


class _Mapping:
    """A mapping, checked: every problem is reported through ``report`` (file and line when the mapping is a file)."""

    def __init__(self, raw: Mapping[str, Any], source: str, text: str, report) -> None:
        self.source, self.text, self.report = source, text, report
        self.raw = raw
        self.ok = True
        self._keys(raw, "top", "the mapping")
        self.stakeholders = raw.get("stakeholders")
        self.wave = self._text("wave", raw.get("wave"), required=True) or "T0"
        self.form = raw.get("form", "wide")
        if self.form not in ("wide", "long"):
            self._bad("form", self.form, "form")
            self.form = "wide"
        self.header_rows = raw.get("header_rows", 1)
        if not isinstance(self.header_rows, int) or isinstance(self.header_rows, bool) or self.header_rows < 1:
            self._bad("header_rows", self.header_rows, "number")
            self.header_rows = 1
        self.separator = raw.get("separator", "")
        if self.separator not in ("", ",", ";", "\t"):
            self._bad("separator", self.separator, "separator")
            self.separator = ""
        self.encoding = self._text("encoding", raw.get("encoding", "auto")) or "auto"
        self.respondent_column = self._text("respondent_column", raw.get("respondent_column"), required=True)
        self.partner_column = self._text("partner_column", raw.get("partner_column"), required=self.form == "long")
        self.ignore = self._texts("ignore", raw.get("ignore", []))
        names = raw.get("names", {})
        if not isinstance(names, Mapping) or not all(isinstance(v, str) for v in names.values()):
            self._bad("names", names, "table")
            names = {}
        self.names = {str(k): v for k, v in names.items()}
        self.scales = {name: self._scale(name, spec) for name, spec in self._table("scales").items()}
        self.items = {key: self._item(key, spec) for key, spec in self._table("items").items()}
        self.columns: list[dict[str, Any]] = []
        columns = raw.get("columns", [])
        if not isinstance(columns, list):
            self._bad("columns", columns, "table")
            columns = []
        seen: set[str] = set()
        for n, spec in enumerate(columns):
            if not isinstance(spec, Mapping):
                self._bad("columns", spec, "table")
                continue
            self._keys(spec, "column", f"columns entry {n + 1}", self.line_of_entry(n))
            column = spec.get("column")
            if not isinstance(column, str) or not column:
                self._bad("column", column, "text", self.line_of_entry(n))
                continue
            if column in seen:
                self._problem("twice_mapped", line=self.line_of_entry(n), column=column)
            seen.add(column)
            item = spec.get("item")
            if item not in self.items:
                self._problem("unknown_item", line=self.line_of_entry(n), item=item, column=column,
                              choices=list(self.items))
            self.columns.append({"column": column, "partner": spec.get("partner"), "item": item, "entry": n})

    # -- where in the file
    def line_of(self, pattern: str, after: int = 0) -> int:
        """The line (1-based) of the first match of ``pattern`` at or after line ``after``; 0 when none."""
        if not self.text:
            return 0
        start = 0
        for _ in range(max(after - 1, 0)):
            start = self.text.find("\n", start) + 1
        m = re.compile(pattern, re.M).search(self.text, start)
        return self.text.count("\n", 0, m.start()) + 1 if m else 0

    def line_of_key(self, key: str, after: int = 0) -> int:
        """The line of ``key = ...`` (quoted or not), at or after line ``after`` (a table's)."""
        return self.line_of(rf'^[ \t]*("?){re.escape(key)}\1[ \t]*=', after) or after

    def line_of_table(self, table: str) -> int:
        return self.line_of(rf"^[ \t]*\[{re.escape(table)}\]")

    def line_of_entry(self, n: int) -> int:
        if not self.text:
            return 0
        found = [m.start() for m in re.finditer(r"^[ \t]*\[\[[ \t]*columns[ \t]*\]\]", self.text, re.M)]
        return self.text.count("\n", 0, found[n]) + 1 if n < len(found) else 0

    # -- reporting
    def _problem(self, which: str, line: int = 0, choices: Iterable[str] = (), fix: str = "", **values: Any) -> None:
        self.ok = False
        en, nl = _said(which, **values)
        fix_en = fix_nl = ""
        close = _closest(str(next(iter(values.values()), "")), {_key(c): c for c in choices}) if choices else []
        if close:
            fix_en, fix_nl = _said("did_you_mean", names=_or_list(close, "en"))
            fix_nl = _TEXT["nl"]["did_you_mean"].format(names=_or_list(close, "nl"))
        elif fix:
            fix_en, fix_nl = _said(fix, **values)
        self.report(Problem(self.source, line, 0, "error", en, fix_en, nl, fix_nl))

    def _bad(self, key: str, value: Any, what: str, line: int | None = None) -> None:
        self.ok = False
        line = self.line_of_key(key.rsplit(".", 1)[-1], line or 0)  # line: of the table the key is in
        self.report(Problem(self.source, line, 0, "error",
                            _TEXT["en"]["bad_value"].format(key=key, what=_WHAT["en"][what], value=value), "",
                            _TEXT["nl"]["bad_value"].format(key=key, what=_WHAT["nl"][what], value=value), ""))

    def _keys(self, spec: Mapping[str, Any], kind: str, where: str, line: int = 0) -> None:
        """Unknown fields of a table that starts on ``line`` (0: the top of the file)."""
        for key in spec:
            if key not in _KEYS[kind]:
                self._problem("unknown_key", line=self.line_of_key(key, line), key=key, where=where,
                              choices=_KEYS[kind])

    def _text(self, key: str, value: Any, required: bool = False, line: int = 0) -> str:
        if value is None:
            if required:
                self._problem("missing_key", line=line, key=key)
            return ""
        if not isinstance(value, str):
            self._bad(key, value, "text", line)
            return ""
        return value

    def _texts(self, key: str, value: Any, line: int = 0) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self._bad(key, value, "list", line)
            return []
        return list(value)

    def _section(self, kind: str, table: str, spec: Any) -> int | None:
        """The line of the table ``[table]`` holding the fields of a ``kind``; None (reported) when it is no table."""
        line = self.line_of_table(table)
        if not isinstance(spec, Mapping):
            self._bad(table, spec, "table", line)
            return None
        self._keys(spec, kind, f"[{table}]", line)
        return line

    def _table(self, key: str) -> Mapping[str, Any]:
        value = self.raw.get(key, {})
        if not isinstance(value, Mapping):
            self._bad(key, value, "table")
            return {}
        return value

    def _scale(self, name: str, spec: Any) -> _Scale:
        scale = _Scale(name)
        line = self._section("scale", f"scales.{name}", spec)
        if line is None:
            return scale
        if "range" in spec:
            r = spec["range"]
            if (isinstance(r, list) and len(r) == 2 and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                                            for v in r) and 0 <= r[0] <= r[1]):
                scale.low, scale.high = float(r[0]), float(r[1])
            else:
                self._bad("range", r, "pair", line)
        labels = spec.get("labels", {})
        if not isinstance(labels, Mapping):
            self._bad("labels", labels, "table", line)
            labels = {}
        for text, number in labels.items():
            if isinstance(number, bool) or not isinstance(number, (int, float)) or not number >= 0:
                self._bad(f"labels.{text}", number, "answer", line)
                continue
            scale.labels[_key(text)] = float(number)
            scale.shown[_key(text)] = text
        if "no_tie" in spec:
            scale.no_tie_given = True
            values = spec["no_tie"]
            if not isinstance(values, list):
                self._bad("no_tie", values, "answer", line)
                values = []
            for v in values:
                if isinstance(v, bool) or not isinstance(v, (int, float, str)):
                    self._bad("no_tie", v, "answer", line)
                elif isinstance(v, str):
                    scale.no_tie_labels.add(_key(v))
                else:
                    scale.no_tie_numbers.add(float(v))
        scale.missing = {_key(v) for v in self._texts("missing", spec.get("missing", []), line)}
        return scale

    def _item(self, key: str, spec: Any) -> _Item:
        item = _Item(key)
        line = self._section("item", f"items.{key}", spec)
        if line is None:
            return item
        self._text("question", spec.get("question"), line=line)
        item.relation = self._text("relation", spec.get("relation"), line=line)
        item.rule = self._text("rule", spec.get("rule"), line=line)
        if item.rule and item.rule not in RULES:
            self._problem("unknown_rule", line=line, rule=item.rule, item=key, choices=RULES)
        item.scale = self._text("scale", spec.get("scale", key), line=line)
        if item.scale not in self.scales:
            self._problem("unknown_scale", line=line, scale=item.scale, item=key, choices=list(self.scales))
        return item


def _load_mapping(mapping: Any, report) -> tuple[_Mapping | None, Path | None]:
    """The mapping as a checked _Mapping (None when the file is not TOML), and the folder paths in it are
    relative to (the file's folder; the working folder for a dict)."""
    if isinstance(mapping, Mapping):
        return _Mapping(mapping, "<mapping>", "", report), None
    path = Path(mapping)
    check_path(path)
    text = path.read_bytes().decode("utf-8-sig")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(err))
        line, column = (int(where.group(1)), int(where.group(2))) if where else (0, 0)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(err))
        en, nl = _said("toml", error=message)
        report(Problem(str(path), line, column, "error", en, "", nl, ""))
        return None, path.parent
    return _Mapping(raw, str(path), text, report), path.parent


# ------------------------------------------------------------------------------------------ reading answers

def _anchors(texts: Iterable[str]) -> dict[float, str]:
    """The labelled ends of a scale as the question says them: "(1 = nooit, 5 = wekelijks)" -> {1: "nooit", ...}."""
    out: dict[float, str] = {}
    for text in texts:
        for m in re.finditer(r"(?<![\w.])(\d+)\s*[=:]\s*([^,;()\[\]=]+?)\s*(?=[,;)\]]|$)", text):
            out.setdefault(float(m.group(1)), m.group(2).strip())
    return out


def _never(text: str) -> bool:
    """Whether an answer or an anchor says "never" / "no contact"."""
    key = re.sub(r"^\d+\s*", "", _key(text))
    return key in _NEVER_WORDS or any(key.startswith(w + " ") for w in ("geen", "nooit", "never", "no"))


class _Reader:
    """Reads an export with its mapping into answers, reporting each problem: raised at the first error (strict), or
    all collected (for ``wijknet check``)."""

    def __init__(self, collect: bool) -> None:
        self.collect = collect
        self.problems: list[Problem] = []

    def report(self, p: Problem) -> None:
        if p.severity == "error" and not self.collect:
            raise _core.ParseError(p.text("en"))
        self.problems.append(p)

    def at(self, export: _Export, at_line: int, at_column: int, key: str, level: str = "error", fix: str = "",
           close: Iterable[str] = (), **values: Any) -> None:
        en, nl = _said(key, **values)
        close = list(close)
        if close:
            fix_en = _TEXT["en"]["did_you_mean"].format(names=_or_list(close, "en"))
            fix_nl = _TEXT["nl"]["did_you_mean"].format(names=_or_list(close, "nl"))
        elif fix:
            fix_en, fix_nl = _said(fix, **values)
        else:
            fix_en = fix_nl = ""
        self.report(Problem(export.path, at_line, at_column, level, en, fix_en, nl, fix_nl))

    def read(self, export_path: Any, mapping: Any, stakeholders: Any,
             wave: str | None = None) -> tuple[pd.DataFrame, _Mapping | None, Alliance | None]:
        m, base = _load_mapping(mapping, self.report)
        if m is None:
            return _empty_answers(), None, None
        if wave is not None:
            m.wave = wave
        source = stakeholders if stakeholders is not None else m.stakeholders
        if source is None:
            self.report(Problem(m.source, 0, 0, "error", _TEXT["en"]["no_stakeholders"],
                                _TEXT["en"]["no_stakeholders.fix"], _TEXT["nl"]["no_stakeholders"],
                                _TEXT["nl"]["no_stakeholders.fix"]))
            return _empty_answers(), m, None
        try:
            alliance = _roster_alliance(source, base if stakeholders is None else None)
        except _core.WijknetError as err:
            en, nl = _said("roster_read", error=str(err))
            self.report(Problem(m.source, m.line_of_key("stakeholders"), 0, "error", en, "", nl, ""))
            return _empty_answers(), m, None
        roster = _Roster(alliance)
        self._relations(m, alliance)
        export = _read_export(export_path, m.separator, m.encoding, m.header_rows, self.collect)
        for p in export.bad_rows:
            self.report(p)
        return self._answers(export, m, roster), m, alliance

    def _relations(self, m: _Mapping, alliance: Alliance) -> None:
        for item in m.items.values():
            if not item.relation:
                continue
            try:
                alliance.relation(item.relation)
            except _core.WijknetError:
                m._problem("unknown_relation", line=m.line_of_table(f"items.{item.key}"), relation=item.relation,
                           item=item.key, choices=[name for r in alliance.relations
                                                   for name in (r["key"], r.get("label_nl") or "", *r["aliases"]) if name])

    def _answers(self, export: _Export, m: _Mapping, roster: _Roster) -> pd.DataFrame:
        header = export.header
        position = {name: c for c, name in enumerate(header)}
        choices = {_key(h): h for h in header}
        # Each column of the export is the respondent's, the partner's (long form), an answer column or ignored.
        used: dict[int, str] = {}
        for key, name in (("respondent_column", m.respondent_column), ("partner_column", m.partner_column)):
            if not name:
                continue
            if name in position:
                used[position[name]] = key
            else:
                self.report(Problem(m.source, m.line_of_key(key), 0, "error",
                                    *self._no_column(name, choices)))
        for name in m.ignore:
            if name in position:
                used[position[name]] = "ignore"
            else:
                self.report(Problem(m.source, m.line_of_key("ignore"), 0, "error", *self._no_column(name, choices)))
        questions: list[tuple[int, str | None, str]] = []  # (column, partner id or None (long), item)
        for spec in m.columns:
            name = spec["column"]
            line = m.line_of_entry(spec["entry"])
            if name not in position:
                self.report(Problem(m.source, line, 0, "error", *self._no_column(name, choices)))
                continue
            c = position[name]
            used[c] = "question"
            partner = None
            if m.form == "wide":
                given = spec.get("partner")
                partner = roster.find(given) if isinstance(given, str) else None
                if partner is None:
                    en, nl = _said("partner", partner=given, column=name)
                    close = roster.suggest(str(given or ""))
                    fix = [_TEXT[lang]["did_you_mean"].format(names=_or_list(close, lang)) if close else ""
                           for lang in ("en", "nl")]
                    self.report(Problem(m.source, line, 0, "error", en, fix[0], nl, fix[1]))
                    continue
            if spec["item"] in m.items:
                questions.append((c, partner, spec["item"]))
        for c, name in enumerate(header):
            if c not in used:
                self.at(export, 1, c + 1, "unmapped", fix="unmapped.fix", column=name)
        if not m.ok or m.respondent_column not in position or (m.form == "long" and m.partner_column not in position):
            return _empty_answers()
        self._no_tie_warnings(export, m, questions)
        return self._cells(export, m, roster, questions, position)

    def _no_column(self, name: str, choices: Mapping[str, str]) -> tuple[str, str, str, str]:
        en, nl = _said("no_column", column=name)
        close = _closest(name, choices, n=1, cutoff=0.5)
        fix = [_TEXT[lang]["did_you_mean"].format(names=_or_list(close, lang)) if close else "" for lang in ("en", "nl")]
        return en, fix[0], nl, fix[1]

    def _no_tie_warnings(self, export: _Export, m: _Mapping, questions: list) -> None:
        """A scale that does not say which answers mean no tie: its never-like answers (labels, or anchors of the
        question texts such as "1 = nooit") are read as no tie, with a warning; without such answers every answer
        is a tie, with a warning too."""
        for name, scale in m.scales.items():
            if scale.no_tie_given:
                continue
            columns = [c for c, _, item in questions if m.items[item].scale == name]
            if not columns:
                continue
            meaning = {number: text for number, text in _anchors(
                t for c in columns for t in export.column_texts(c)).items() if _never(text)}
            for key, number in scale.labels.items():
                if _never(key):
                    meaning.setdefault(number, scale.shown[key])
            first = columns[0] + 1
            if meaning:
                scale.no_tie_numbers |= set(meaning)
                answers = ", ".join(str(_int_or_float(n)) for n in sorted(meaning))
                self.at(export, 1, first, "never", "warning", fix="never.fix", scale=name, answers=answers,
                        meaning=meaning[min(meaning)])
            else:
                self.at(export, 1, first, "no_no_tie", "warning", fix="no_no_tie.fix", scale=name)

    def _cells(self, export: _Export, m: _Mapping, roster: _Roster, questions: list, position: dict) -> pd.DataFrame:
        who_c = position[m.respondent_column]
        partner_c = position.get(m.partner_column) if m.form == "long" else None
        records: list[tuple] = []
        first_line: dict[str, int] = {}     # respondent -> line of its row (wide) / first row (long)
        answered: dict[tuple[str, str, str], int] = {}  # (respondent, partner, item) -> the line it stands on
        order: list[str] = []               # the roster: partners and respondents, in the order met
        if m.form == "wide":
            order += [p for _, p, _ in questions]
        for r, row in enumerate(export.rows):
            line = export.lines[r]
            text = row[who_c].strip()
            has_answers = any(row[c].strip() for c, _, _ in questions)
            if not text:
                if has_answers:
                    self.at(export, line, who_c + 1, "no_respondent", fix="no_respondent.fix",
                            column=m.respondent_column)
                else:
                    self.at(export, line, who_c + 1, "empty_row", "warning")
                continue
            who = roster.find(text, m.names)
            if who is None:
                if text in m.names:
                    self.at(export, line, who_c + 1, "unnamed", fix="not_on_roster.fix", who=text)
                else:
                    self.at(export, line, who_c + 1, "not_on_roster", fix="not_on_roster.fix",
                            close=roster.suggest(text), who=text)
                continue
            if m.form == "wide":
                if who in first_line:
                    self.at(export, line, who_c + 1, "twice", fix="twice.fix", who=text, first=first_line[who],
                            line=line)
                    continue
                first_line[who] = line
            else:
                first_line.setdefault(who, line)
            order.append(who)
            partner_of_row = None
            if partner_c is not None:
                ptext = row[partner_c].strip()
                partner_of_row = roster.find(ptext, m.names)
                if partner_of_row is None:
                    self.at(export, line, partner_c + 1, "long_partner", close=roster.suggest(ptext),
                            fix="not_on_roster.fix", who=ptext)
                    continue
                order.append(partner_of_row)
            for c, partner, item in questions:
                partner = partner or partner_of_row
                if partner == who:
                    continue  # a self-report is no tie and no answer
                if (who, partner, item) in answered:  # long form: the pair listed twice
                    self.at(export, line, partner_c + 1, "twice", fix="twice.fix", who=f"{text} -> {row[partner_c]}",
                            first=answered[(who, partner, item)], line=line)
                    break
                answered[(who, partner, item)] = line
                status, value = self._answer(export, m, m.scales.get(m.items[item].scale), row[c], line, c)
                if status is not None:
                    records.append((who, partner, item, row[c], value, status, line, c + 1))
        order = list(dict.fromkeys(order))
        # Everyone on the roster who did not answer a question they were asked: a missing answer of their own.
        asked = ([(p, item) for _, p, item in questions] if m.form == "wide"
                 else [(p, item) for p in order for item in dict.fromkeys(i for _, _, i in questions)])
        for who in order:
            for partner, item in asked:
                if partner != who and (who, partner, item) not in answered:
                    records.append((who, partner, item, "", math.nan, "missing", 0, 0))
        frame = pd.DataFrame(records, columns=["respondent", "partner", "item", "answer", "value", "status", "line",
                                               "column"])
        frame.insert(0, "wave", m.wave)
        frame.insert(4, "relation", frame["item"].map({k: i.relation for k, i in m.items.items()}).fillna(""))
        frame = frame.astype({"value": "float64", "line": "int64", "column": "int64"})
        frame.attrs["roster"] = order
        return frame

    def _answer(self, export: _Export, m: _Mapping, scale: _Scale | None, cell: str, line: int,
                c: int) -> tuple[str | None, float]:
        """(status, value) of one answer; status None when the answer is not on the scale (reported)."""
        text = cell.strip()
        key = _key(text)
        if scale is None:
            return None, math.nan
        if not text or key in scale.missing:
            return "missing", math.nan
        value = scale.labels.get(key)
        if value is None:
            number = _number(text)
            if number is not None:
                if scale.low is None:
                    self.at(export, line, c + 1, "no_numbers", fix="no_numbers.fix", answer=text, scale=scale.name)
                    return None, math.nan
                if not scale.low <= number <= scale.high:
                    self.at(export, line, c + 1, "out_of_range", fix="out_of_range.fix", answer=text,
                            scale=scale.name, low=_int_or_float(scale.low), high=_int_or_float(scale.high))
                    return None, math.nan
                value = number
        if key in scale.no_tie_labels or (value is not None and (value in scale.no_tie_numbers or value == 0)):
            return "no_tie", math.nan if value is None else value
        if value is None:
            known = {k: scale.shown[k] for k in scale.labels} | {k: k for k in scale.missing}
            self.at(export, line, c + 1, "unknown_answer", fix="unknown_answer.fix", close=_closest(text, known),
                    answer=text, scale=scale.name)
            return None, math.nan
        return "tie", value


def _empty_answers() -> pd.DataFrame:
    return pd.DataFrame({"wave": pd.Series(dtype=object), "respondent": pd.Series(dtype=object),
                         "partner": pd.Series(dtype=object), "item": pd.Series(dtype=object),
                         "relation": pd.Series(dtype=object), "answer": pd.Series(dtype=object),
                         "value": pd.Series(dtype="float64"), "status": pd.Series(dtype=object),
                         "line": pd.Series(dtype="int64"), "column": pd.Series(dtype="int64")})


def _warn(problems: list[Problem]) -> None:
    for p in problems:
        if p.severity == "warning":
            warnings.warn(SurveyWarning(p.text("en")), stacklevel=stacklevel())


@checked
def read_survey(export: str | os.PathLike, mapping: str | os.PathLike | Mapping[str, Any], *,
                stakeholders: Any = None, wave: str | None = None) -> pd.DataFrame:
    """Read the answers of a roster survey as a survey tool exported it, as its mapping says.

    Parameters
    ----------
    export : str or os.PathLike
        The export: a CSV file (``,``, ``;`` or tab; UTF-8 with or without byte order mark, Windows-1252 or UTF-16;
        as a folder of CSV files is read), wide (one row per respondent) or long (one row per respondent and partner).
    mapping : str, os.PathLike or dict
        The mapping file (TOML, as :func:`write_survey_mapping` writes it) or the same as a dict; docs/survey.md
        describes its fields.
    stakeholders : Alliance, str or os.PathLike, optional
        The stakeholders the answers are matched to (an alliance, a folder of CSV files, a .json file or a CSV file
        of stakeholders); default the mapping's ``stakeholders`` (a path relative to the mapping file's folder).
    wave : str, optional
        The wave of the answers; default the mapping's ``wave`` (so one mapping serves every wave of a survey).

    Returns
    -------
    pandas.DataFrame
        One row per respondent, partner and item asked about: ``wave``, ``respondent`` and ``partner`` (stakeholder
        ids), ``item``, ``relation`` (the item's, "" for none), ``answer`` (the text of the cell), ``value`` (its
        number; NaN when it has none), ``status`` (``"tie"``, ``"no_tie"`` or ``"missing"``), ``line`` and
        ``column`` (where the answer stands in the export, 1-based; 0 for the answers of someone on the roster who
        did not respond). ``attrs["roster"]`` lists the roster (partners and respondents, in order);
        ``attrs["warnings"]`` the warnings (:class:`wijknet.Problem`).

    Raises
    ------
    ParseError
        At the first problem, naming the file, line and column (``wijknet check EXPORT --mapping FILE`` lists them
        all): an unreadable file, a column the mapping does not account for, a respondent not on the roster or
        answering twice, an answer not on its scale, a mapping field that is unknown or of the wrong kind.
    FileNotFoundError
        When the export, the mapping or the stakeholders are not there.

    Warns
    -----
    SurveyWarning
        A scale that does not say which answers mean no tie (``no_tie``): answers whose label or the question's
        anchor means "never" ("1 = nooit") are read as no tie, and without such answers every answer is a tie.

    See Also
    --------
    survey_mapping, add_survey, add_roster_ties

    Notes
    -----
    An empty cell, and an answer the scale lists under ``missing`` ("Weet niet", "n.v.t."), is **missing**: the
    respondent was asked and gave no usable answer. Someone on the roster who did not respond has every answer
    missing. An answer the scale lists under ``no_tie`` (and every answer of 0) is **no tie**; every other answer on
    the scale is a **tie** whose value is the answer's number. Self-reports are left out.

    Examples
    --------
    Two organisations of a roster of three answered "how often do you work with ...? (1 = never, 5 = weekly)";
    the third did not respond:

    >>> import pandas as pd
    >>> import wijknet
    >>> from pathlib import Path
    >>> _ = Path("export.csv").write_text(
    ...     "Respondent ID;Uw organisatie;Hoe vaak werkt u samen met COC? (1 = nooit, 5 = wekelijks);"
    ...     "Hoe vaak werkt u samen met Buurtteam?;Hoe vaak werkt u samen met Wijkagent?\\n"
    ...     "1;COC;;4;Weet niet\\n2;Buurtteam;1;;3\\n")
    >>> people = wijknet.from_pandas(pd.DataFrame({"id": ["coc", "team", "agent"],
    ...                                            "name": ["COC", "Buurtteam", "Wijkagent"]}))
    >>> mapping = {"wave": "T0", "respondent_column": "Uw organisatie", "ignore": ["Respondent ID"],
    ...            "scales": {"freq": {"range": [1, 5], "no_tie": [1], "missing": ["Weet niet"]}},
    ...            "items": {"samenwerking": {"relation": "collaboration", "scale": "freq"}},
    ...            "columns": [{"column": f"Hoe vaak werkt u samen met {name}{tail}", "partner": sid,
    ...                         "item": "samenwerking"}
    ...                        for sid, name, tail in (("coc", "COC", "? (1 = nooit, 5 = wekelijks)"),
    ...                                                ("team", "Buurtteam", "?"), ("agent", "Wijkagent", "?"))]}
    >>> answers = wijknet.read_survey("export.csv", mapping, stakeholders=people)
    >>> answers[["respondent", "partner", "answer", "value", "status", "line", "column"]]
      respondent partner     answer  value   status  line  column
    0        coc    team          4    4.0      tie     2       4
    1        coc   agent  Weet niet    NaN  missing     2       5
    2       team     coc          1    1.0   no_tie     3       3
    3       team   agent          3    3.0      tie     3       5
    4      agent     coc               NaN  missing     0       0
    5      agent    team               NaN  missing     0       0
    """
    reader = _Reader(collect=False)
    answers, _, _ = reader.read(export, mapping, stakeholders, wave)
    answers.attrs["warnings"] = [p for p in reader.problems if p.severity == "warning"]
    _warn(reader.problems)
    return answers


def survey_problems(export: Any, mapping: Any, stakeholders: Any = None, wave: str | None = None) -> list[Problem]:
    """Every problem of an export with its mapping (for :func:`wijknet.validate` and ``wijknet check``): the
    reading problems, then those of adding the ties to the stakeholders (a rule against a relation's direction)."""
    reader = _Reader(collect=True)
    answers, m, alliance = reader.read(export, mapping, stakeholders, wave)
    if m is not None and alliance is not None and not count(reader.problems, "error"):
        if not any(item.relation for item in m.items.values()):
            en, nl = _said("no_ties")
            fix_en, fix_nl = _said("no_ties.fix")
            reader.problems.append(Problem(m.source, m.line_of_table(f"items.{next(iter(m.items), '')}"), 0, "error",
                                           en, fix_en, nl, fix_nl))
            return reader.problems
        try:
            _add(alliance.copy(), answers, m)
        except _core.WijknetError as err:
            message = str(err)
            item = next((k for k in m.items if f"'{m.items[k].relation}'" in message), "")
            reader.problems.append(Problem(m.source, m.line_of_table(f"items.{item}") if item else 0, 0, "error",
                                           message, "", _core._dutch(message), ""))
    return reader.problems


def mapping_roster(mapping: Any, stakeholders: Any = None) -> Alliance:
    """The stakeholders a survey is read against: ``stakeholders`` when given, else the mapping's ``stakeholders``
    (relative to the mapping file's folder). ParseError when neither says."""
    if stakeholders is not None:
        return _roster_alliance(stakeholders)
    reader = _Reader(collect=False)
    m, base = _load_mapping(mapping, reader.report)
    if not m.stakeholders:
        raise _core.ParseError(f"{m.source}: {_TEXT['en']['no_stakeholders']}; {_TEXT['en']['no_stakeholders.fix']}")
    return _roster_alliance(m.stakeholders, base)


# ------------------------------------------------------------------------------------------ adding ties

def _add(alliance: Alliance, answers: pd.DataFrame, m: _Mapping) -> dict:
    """The ties and responses of ``answers`` added to ``alliance`` (changed in place: pass a copy)."""
    tie_items = [item for item in m.items.values() if item.relation]
    if not tie_items:
        raise _core.InvalidValueError(f"{_TEXT['en']['no_ties']}; {_TEXT['en']['no_ties.fix']}")
    values = [0.0 if s == "no_tie" else math.nan if s == "missing" else float(v)
              for s, v in zip(answers["status"], answers["value"])]
    roster = list(answers.attrs.get("roster", []))
    out: dict[str, Any] = {"wave": m.wave, "ties": {}, "unconfirmed": {}}
    for item in tie_items:
        relation = alliance.relation(item.relation)
        rule = item.rule or ("as_reported" if relation["directed"] else "maximum")
        done = alliance._add_roster_ties(list(answers["respondent"]), list(answers["partner"]), list(answers["item"]),
                                         values, roster, item.key, relation["key"], m.wave, rule, declare_wave=True)
        record_missing(alliance, list(answers["respondent"]), list(answers["partner"]), list(answers["item"]), values,
                       roster, item.key, relation["key"], m.wave)
        out["ties"][relation["key"]] = out["ties"].get(relation["key"], 0) + done["ties"]
        out["unconfirmed"][relation["key"]] = out["unconfirmed"].get(relation["key"], 0) + done["unconfirmed"]
        for key in ("respondents", "partly", "non_respondents"):
            out[key] = done[key]
    return out


@checked
def add_survey(alliance: Alliance, export: str | os.PathLike, mapping: str | os.PathLike | Mapping[str, Any], *,
               wave: str | None = None) -> dict:
    """Add the ties of a survey export, and the response of every stakeholder on its roster, to an alliance.

    The answers are read as :func:`read_survey` reads them, with the alliance as the stakeholders; every item with a
    relation becomes ties by :func:`wijknet.add_roster_ties` with the item's rule (default ``as_reported`` for a
    directed relation, ``maximum`` for an undirected one), in the mapping's wave (declared after the others when the
    alliance lacks it).

    Parameters
    ----------
    alliance : Alliance
        Changed in place; on an error it is left as it was.
    export : str or os.PathLike
        The survey export (see :func:`read_survey`).
    mapping : str, os.PathLike or dict
        The mapping (see :func:`read_survey`, docs/survey.md).
    wave : str, optional
        The wave of the answers; default the mapping's ``wave``.

    Returns
    -------
    dict
        ``wave``; ``respondents``, ``partly`` (of them, those who left an answer missing) and ``non_respondents``
        (ids in roster order); ``ties`` and ``unconfirmed``: counts by relation.

    Raises
    ------
    ParseError, FileNotFoundError
        As :func:`read_survey`.
    InvalidValueError
        When no item has a relation, or a rule does not fit its relation's direction.

    Warns
    -----
    SurveyWarning
        As :func:`read_survey`.

    Notes
    -----
    Every stakeholder on the roster gets the text attribute ``respondent_<wave>`` (``respondent_T0``): ``"responded"``
    (it answered, and left no answer missing), ``"partly"`` (it answered and left some missing) or ``"not"`` (no
    answer). Each wave has its own attribute: adding the survey of T1 keeps the response of T0. Which answers are
    missing is kept in ``missing_<wave>`` (see :func:`wijknet.add_roster_ties`, :func:`wijknet.missing_dyads`). A tie's weight is the
    answer's number; no tie and missing answers make no tie (the rules of :func:`wijknet.add_roster_ties` read a
    missing report as no report).

    Examples
    --------
    >>> import pandas as pd
    >>> import wijknet
    >>> from pathlib import Path
    >>> _ = Path("t0.csv").write_text("wie,over COC,over Buurtteam,over Wijkagent\\n"
    ...                               "COC,,4,1\\nBuurtteam,3,,Weet niet\\n")
    >>> alliance = wijknet.from_pandas(pd.DataFrame({"id": ["coc", "team", "agent"],
    ...                                              "name": ["COC", "Buurtteam", "Wijkagent"]}))
    >>> mapping = {"wave": "T0", "respondent_column": "wie",
    ...            "scales": {"freq": {"range": [1, 5], "no_tie": [1], "missing": ["Weet niet"]}},
    ...            "items": {"samenwerking": {"relation": "collaboration", "rule": "maximum", "scale": "freq"}},
    ...            "columns": [{"column": f"over {name}", "partner": sid, "item": "samenwerking"}
    ...                        for sid, name in (("coc", "COC"), ("team", "Buurtteam"), ("agent", "Wijkagent"))]}
    >>> wijknet.add_survey(alliance, "t0.csv", mapping)
    {'wave': 'T0', 'ties': {'collaboration': 1}, 'unconfirmed': {'collaboration': 0}, 'respondents': ['coc', 'team'], 'partly': ['team'], 'non_respondents': ['agent']}
    >>> alliance.stakeholders()["respondent_T0"].sort_index().to_dict()
    {'agent': 'not', 'coc': 'responded', 'team': 'partly'}
    """
    reader = _Reader(collect=False)
    answers, m, _ = reader.read(export, mapping, alliance, wave)
    work = alliance.copy()
    added = _add(work, answers, m)
    alliance._assign(work)
    _warn(reader.problems)
    return added


# ------------------------------------------------------------------------------------------ proposing a mapping

class _Notes(dict):
    """What survey_mapping could not be sure of, by the field it is about, in one language."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def say(self, key: str, **values: Any) -> str:
        return _TEXT[self.lang][key].format(**values)

    def add(self, path: str, key: str, **values: Any) -> None:
        self[path] = self.say(key, **values)


@dataclass
class _Column:
    index: int
    name: str
    text: str = ""            # the header text the partner was found in (or "")
    partner: str | None = None
    template: tuple[str, str] | None = None
    item: str = ""
    note: str = ""


def _template(text: str, start: int, end: int) -> tuple[str, str]:
    """The question around a partner's name, folded, digits as # (so "SQ001" and "SQ002" read alike)."""
    return tuple(re.sub(r"\d+", "#", _key(part)) for part in (text[:start], text[end:]))  # type: ignore[return-value]


def _header_rows(rows: list[list[str]], roster: _Roster) -> int:
    """How many rows at the top are headers: the first, then each next row that names partners inside longer texts
    (a row of question texts) or holds survey-tool metadata (Qualtrics' {"ImportId": ...})."""
    n = 1
    for row in rows[:5]:
        inside = sum(1 for cell in row if (found := roster.within(cell)) and found[2] - found[1] < len(cell.strip()))
        if inside >= 2 or any(cell.startswith('{"ImportId"') for cell in row):
            n += 1
        else:
            break
    return n


@checked
def survey_mapping(export: str | os.PathLike, stakeholders: Any, *, wave: str = "T0", separator: str = "",
                   encoding: str = "auto", lang: str = "en") -> dict:
    """Propose the mapping of a survey export: everything that can be guessed from the export and the stakeholders.

    Parameters
    ----------
    export : str or os.PathLike
        The survey export (see :func:`read_survey`).
    stakeholders : Alliance, str or os.PathLike
        The stakeholders (an alliance, a folder of CSV files, a .json file or a CSV file of stakeholders).
    wave : str, default "T0"
        The wave of the answers.
    separator, encoding : str
        As for :func:`wijknet.read_csv_folder`; default detected.
    lang : {"en", "nl"}, default "en"
        The language of the ``checks``.

    Returns
    -------
    dict
        The mapping (docs/survey.md), ready for :func:`read_survey` and :func:`write_survey_mapping`. Its ``checks``
        say what must be checked before it is used, by the field they are about (``"columns.3.partner"``,
        ``"scales.vertrouwen.no_tie"``); :func:`write_survey_mapping` writes them as ``# CHECK:`` comments and the
        readers ignore them.

    Notes
    -----
    - the header rows: the first, and each next row of question texts (naming partners) or survey-tool metadata;
    - the answer columns: those whose header holds a stakeholder's name or id (the longest one, ignoring case,
      accents and punctuation); a column whose question reads like theirs but names someone else gets the closest
      stakeholder, to be checked ("did you mean");
    - the questions (items): the answer columns whose header is the same around the partner's name; their relation
      from the question's words (samenwerken, vertrouwen, informatie, doorverwijzen ...; none: a rating);
    - the respondent: the other column whose values name the most stakeholders; names that are not ids go to
      ``names``;
    - the long form: no partner in any header, and two columns naming stakeholders row by row;
    - the scale of each item: the numbers found (and the ends the question names, "(1-4)", "(1 = nooit, 5 =
      wekelijks)") as its range; answers such as "Weet niet" and "n.v.t." as missing; an answer or end that says
      never ("nooit", "geen", "never", "none") as no tie. A scale without such an answer gets no ``no_tie``:
      :func:`read_survey` then warns that every answer is a tie;
    - every other column is ignored.

    Examples
    --------
    >>> import pandas as pd
    >>> import wijknet
    >>> from pathlib import Path
    >>> _ = Path("export.csv").write_text(
    ...     "Respondent ID;Startdatum;Uw organisatie;"
    ...     "Hoe vaak werkt u samen met COC? (1 = nooit, 5 = wekelijks);"
    ...     "Hoe vaak werkt u samen met Buurtteam? (1 = nooit, 5 = wekelijks)\\n"
    ...     "1;3-10-2022;COC;;4\\n2;3-10-2022;Het Buurtteam;Weet niet;\\n")
    >>> people = wijknet.from_pandas(pd.DataFrame({"id": ["coc", "team"], "name": ["COC", "Buurtteam"]}))
    >>> mapping = wijknet.survey_mapping("export.csv", people)
    >>> mapping["respondent_column"], mapping["ignore"]
    ('Uw organisatie', ['Respondent ID', 'Startdatum'])
    >>> mapping["scales"]["samenwerking"]
    {'range': [1, 5], 'no_tie': [1], 'missing': ['Weet niet']}
    >>> mapping["items"]["samenwerking"]["relation"], [c["partner"] for c in mapping["columns"]]
    ('collaboration', ['coc', 'team'])
    >>> mapping["names"], mapping["checks"]["names.Het Buurtteam"]
    ({'Het Buurtteam': 'team'}, 'did you mean Buurtteam (team)?')
    """
    if lang not in _TEXT:
        raise _core.InvalidValueError(f"lang must be 'en' or 'nl', got {lang!r}")
    alliance = _roster_alliance(stakeholders)
    roster = _Roster(alliance)
    checks = _Notes(lang)
    probe = _read_export(export, separator, encoding, 1)
    header_rows = _header_rows(probe.rows, roster)
    data = _read_export(export, separator, encoding, header_rows)
    columns = [_Column(c, name) for c, name in enumerate(data.header)]
    # 1. Partners named in the headers.
    for col in columns:
        for text in data.column_texts(col.index):
            found = roster.within(text)
            if found:
                col.partner, col.text = found[0], text
                col.template = _template(_fold(text), found[1], found[2])
                break
    templates = {c.template for c in columns if c.template}
    # 2. Columns whose question reads like a known one around another name: the closest stakeholder, to check.
    for col in columns:
        if col.partner or not templates:
            continue
        for text in data.column_texts(col.index):
            folded = _fold(text)
            for before, after in templates:
                middle = _middle(folded, before, after)
                if middle:
                    close = roster.suggest(middle)
                    col.text, col.template = text, (before, after)
                    col.partner = _id_of(close[0]) if close else ""
                    col.note = (checks.say("c.partner_close", name=middle.strip(), close=close[0]) if close else
                                checks.say("c.partner_none", name=middle.strip()))
                    break
            if col.template:
                break
    questions = [c for c in columns if c.template]
    others = [c for c in columns if not c.template]
    form = "wide"
    partner_column = None
    if not questions:
        form, respondent, partner_column, questions, others = _long_form(data, roster, columns, checks)
    else:
        respondent = _respondent_column(data, roster, others, checks)
        others = [c for c in others if c is not respondent]
    # 3. Items and their scales.
    items: dict[str, dict[str, Any]] = {}
    scales: dict[str, dict[str, Any]] = {}
    by_template: dict[Any, list[_Column]] = {}
    for col in questions:
        by_template.setdefault(col.template if form == "wide" else col.name, []).append(col)
    for n, (template, group) in enumerate(by_template.items()):
        texts = [t for c in group for t in data.column_texts(c.index)]
        relation = _relation_of(" ".join(texts) if form == "wide" else group[0].name)
        key = _ITEM_NAMES.get(relation, "") if relation else ""
        if not key or key in items:
            key = re.sub(r"[^a-z0-9]+", "_", _key(group[0].name))[:24].strip("_") if form == "long" else ""
            key = key if key and key not in items else f"vraag_{n + 1}"
        for c in group:
            c.item = key
        first = next((c for c in group if not c.note), group[0])  # a column whose partner was found as written
        item: dict[str, Any] = {}
        if form == "wide" and first.partner is not None:
            found = roster.within(first.text)
            item["question"] = (first.text[:found[1]] + "{partner}" + first.text[found[2]:]) if found else first.text
        else:
            item["question"] = first.name
        item["relation"] = relation or ""
        if relation:
            directed = alliance.relation(relation)["directed"]
            item["rule"] = "as_reported" if directed else "maximum"
            checks.add(f"items.{key}.relation", "c.relation" if directed else "c.undirected", relation=relation)
        else:
            checks.add(f"items.{key}.relation", "c.no_relation")
        item["scale"] = key
        items[key] = item
        scales[key] = _propose_scale(key, data, group, texts, checks)
    # 4. Respondents' names.
    names: dict[str, str] = {}
    who_values = list(dict.fromkeys(r[respondent.index].strip() for r in data.rows if r[respondent.index].strip()))
    if partner_column is not None:
        who_values += [v for v in dict.fromkeys(r[partner_column.index].strip() for r in data.rows)
                       if v and v not in who_values]
    for value in who_values:
        if roster.find(value):
            continue  # an id or a name as the stakeholders write it
        close = roster.suggest(value)
        names[value] = _id_of(close[0]) if close else ""
        if close:
            checks.add(f"names.{value}", "c.name_close", close=close[0])
        else:
            checks.add(f"names.{value}", "c.name_none")
    mapping: dict[str, Any] = {"stakeholders": str(stakeholders) if not isinstance(stakeholders, Alliance) else None,
                               "wave": wave, "form": form, "header_rows": header_rows, "separator": data.separator,
                               "encoding": data.encoding, "respondent_column": respondent.name}
    if mapping["stakeholders"] is None:
        del mapping["stakeholders"]
    if partner_column is not None:
        mapping["partner_column"] = partner_column.name
    mapping["ignore"] = [c.name for c in others]
    mapping["names"] = names
    mapping["scales"] = scales
    mapping["items"] = items
    mapping["columns"] = []
    for n, col in enumerate(questions):
        entry = {"column": col.name, "item": col.item} if form == "long" else {
            "column": col.name, "partner": col.partner, "item": col.item}
        if col.note:
            checks[f"columns.{n}.partner"] = col.note
        if header_rows > 1 and col.text and col.text != col.name:
            checks.setdefault(f"columns.{n}.text", col.text)
        mapping["columns"].append(entry)
    if header_rows > 1:
        checks.add("header_rows", "c.header_rows", line=header_rows + 1)
    mapping["checks"] = dict(checks)
    return mapping


def _id_of(suggestion: str) -> str:
    """The id of a suggestion shown as 'Name (id)'."""
    m = re.search(r"\(([^()]*)\)$", suggestion)
    return m.group(1) if m else suggestion


def _middle(folded: str, before: str, after: str) -> str:
    """What stands between a question's text before and after the partner's name, or ""."""
    words = re.findall(r"[^\W_]+", folded)
    text = re.sub(r"\d+", "#", " ".join(words))
    b = (before + " ") if before else ""
    a = (" " + after) if after else ""
    if text.startswith(b) and text.endswith(a) and len(text) > len(b) + len(a):
        return text[len(b):len(text) - len(a)]
    return ""


def _relation_of(text: str) -> str:
    key = _key(text)
    for relation, words in _RELATION_WORDS:
        if any(re.search(r"(?<![a-z])" + re.escape(w), key) for w in words):
            return relation
    return ""


def _respondent_column(data: _Export, roster: _Roster, candidates: list[_Column], checks: "_Notes") -> _Column:
    """The column that names the respondents: the one whose values name the most stakeholders; else by its name."""
    def named(col: _Column) -> int:
        return sum(1 for r in data.rows if r[col.index].strip() and roster.find(r[col.index]))

    scored = sorted(candidates, key=lambda c: -named(c))
    if scored and named(scored[0]) > 0:
        return scored[0]
    for word in _RESPONDENT_WORDS:
        for col in candidates:
            if word in _key(col.name):
                checks.add("respondent_column", "c.respondent_guess", column=col.name)
                return col
    checks.add("respondent_column", "c.respondent_none")
    return candidates[0]


def _long_form(data: _Export, roster: _Roster, columns: list[_Column], checks: "_Notes"):
    """Respondent and partner columns of a long export (both name stakeholders row by row; the respondent's value
    changes least often from row to row), the question columns (few distinct answers) and the rest."""
    def share(col: _Column) -> float:
        values = [r[col.index] for r in data.rows if r[col.index].strip()]
        return sum(1 for v in values if roster.find(v)) / len(values) if values else 0.0

    def changes(col: _Column) -> int:
        return sum(1 for a, b in zip(data.rows, data.rows[1:]) if a[col.index] != b[col.index])

    naming = [c for c in columns if share(c) >= 0.5]
    if len(naming) < 2:
        raise _core.InvalidValueError(
            f"{data.path}: no header names a stakeholder (a wide export), and no two columns name stakeholders row "
            "by row (a long export); are these the right stakeholders?")
    respondent, partner = sorted(naming[:2], key=changes)
    questions, others = [], []
    for col in columns:
        if col in (respondent, partner):
            continue
        values = {r[col.index].strip() for r in data.rows if r[col.index].strip()}
        (questions if 0 < len(values) <= 12 else others).append(col)
    for col in questions:
        col.template = ("", "")
    checks.add("partner_column", "c.long", column=partner.name)
    return "long", respondent, partner, questions, others


def _propose_scale(key: str, data: _Export, group: list[_Column], texts: list[str], checks: "_Notes") -> dict:
    anchors = _anchors(texts)
    numbers: list[float] = []
    labels: dict[str, float | None] = {}
    missing: list[str] = []
    for col in group:
        for row in data.rows:
            text = row[col.index].strip()
            if not text:
                continue
            number = _number(text)
            if number is not None:
                numbers.append(number)
            elif _key(text) in _MISSING_WORDS:
                if text not in missing:
                    missing.append(text)
            elif text not in labels:
                lead = re.match(r"\s*(\d+)\s*[-=.:)]\s*\S", text)
                labels[text] = float(lead.group(1)) if lead else None
    ends = [n for n in anchors] + numbers + [v for v in labels.values() if v is not None]
    span = re.search(r"\(\s*(\d+)\s*[-–]\s*(\d+)\s*\)", " ".join(texts))
    if span:
        ends += [float(span.group(1)), float(span.group(2))]
    scale: dict[str, Any] = {}
    if ends:
        scale["range"] = [_int_or_float(min(ends)), _int_or_float(max(ends))]
    if labels:
        scale["labels"] = {t: _int_or_float(v) for t, v in labels.items() if v is not None}
        for t, v in labels.items():
            if v is None and not _never(t):  # a never-answer is no tie (below) and needs no number
                checks.add(f"scales.{key}.labels.{t}", "c.label", label=t)
    never = sorted({n for n, t in anchors.items() if _never(t)} |
                   {v for t, v in labels.items() if v is not None and _never(t)})
    never_labels = [t for t, v in labels.items() if v is None and _never(t)]
    if never or never_labels:
        scale["no_tie"] = [_int_or_float(n) for n in never] + never_labels
        said = ", ".join(f"{_int_or_float(n)} = {anchors[n]}" for n in never if n in anchors)
        checks.add(f"scales.{key}.no_tie", "c.never_said" if said else "c.never", said=said)
    else:
        low = scale.get("range", [None])[0]
        if low is None:
            checks.add(f"scales.{key}.no_tie", "c.no_tie")
        else:
            checks.add(f"scales.{key}.no_tie", "c.no_tie_low", low=low)
    scale["missing"] = missing
    return scale


# ------------------------------------------------------------------------------------------ writing the mapping

# The comments of the mapping file, by field, in English and Dutch.
_COMMENTS = {
    "en": {
        "title": "How wijknet reads the survey export {export!r}.",
        "made": "Proposed by `wijknet survey init` on {date}. Lines marked CHECK are guesses: look at them (and at",
        "made2": "every line) before `wijknet survey import`; `wijknet check EXPORT --mapping THIS_FILE` lists what",
        "made3": "does not fit. Lines starting with # are comments: wijknet skips them. docs/survey.md explains it all.",
        "stakeholders": "The stakeholders the answers are about: a folder of CSV files, a .json file or a CSV file\n"
                        "(relative to the folder of this file).",
        "wave": "The measurement these answers belong to (T0 = the first, T1 = the next ...).",
        "form": "wide: one row per respondent, one column per partner and question. long: one row per respondent\n"
                "and partner.",
        "header_rows": "How many lines at the top of the export are headings; the answers start below them.",
        "separator": "The character between the cells, and the text encoding of the export.",
        "respondent_column": "The column that says who answered: a stakeholder id, or a name (see [names]).",
        "partner_column": "The column that says who the answers of a row are about.",
        "ignore": "Columns that are no answers about partners (dates, e-mail, remarks ...): skipped.",
        "names": "Respondents as the export names them, and their stakeholder id.",
        "scale": "The answers of the question '{key}': which number each answer stands for, which mean no tie\n"
                 "and which mean we do not know.",
        "range": "Answers written as a number from ... to ... stand for themselves.",
        "labels": "Answers written as words, and the number each stands for.",
        "no_tie": "Answers that mean: no contact, so no tie (by number, or as written).",
        "missing": "Answers that mean: we do not know (an empty answer always does). They are not 'no tie'.",
        "item": "The question '{key}' and what its answers become.",
        "question": "The question, with {{partner}} where the partner's name stands.",
        "relation": "The relation its answers become: collaboration, information, referral, trust ... (\"\" = none:\n"
                    "a rating that makes no ties).",
        "rule": "How the two answers of a pair become ties: as_reported (every answer its own tie; directed\n"
                "relations), maximum (a tie when either reports it), minimum (when both do), mean.",
        "scale_of": "The answer scale of this question (a [scales...] table above).",
        "columns": "Every answer column: the partner it asks about (a stakeholder id) and its question (item).",
        "check": "CHECK: {note}",
        "text": "heading: {note}",
    },
    "nl": {
        "title": "Hoe wijknet de export van de vragenlijst {export!r} leest.",
        "made": "Voorgesteld door `wijknet survey init` op {date}. Regels met CHECK zijn gissingen: bekijk ze (en",
        "made2": "elke regel) vóór `wijknet survey import`; `wijknet check EXPORT --mapping DIT_BESTAND` noemt wat",
        "made3": "niet klopt. Regels die met # beginnen zijn uitleg: wijknet slaat ze over. Zie docs/survey.md.",
        "stakeholders": "De stakeholders waar de antwoorden over gaan: een map met CSV-bestanden, een .json-bestand of\n"
                        "een CSV-bestand (ten opzichte van de map van dit bestand).",
        "wave": "De meting waar deze antwoorden bij horen (T0 = de eerste, T1 = de volgende ...).",
        "form": "wide: één rij per respondent, één kolom per partner en vraag. long: één rij per respondent en\n"
                "partner.",
        "header_rows": "Hoeveel regels bovenaan de export koppen zijn; daaronder beginnen de antwoorden.",
        "separator": "Het teken tussen de cellen, en de tekencodering van de export.",
        "respondent_column": "De kolom die zegt wie antwoordde: een stakeholder-id, of een naam (zie [names]).",
        "partner_column": "De kolom die zegt over wie de antwoorden van een rij gaan.",
        "ignore": "Kolommen die geen antwoorden over partners zijn (datums, e-mail, opmerkingen ...): overgeslagen.",
        "names": "Respondenten zoals de export ze noemt, en hun stakeholder-id.",
        "scale": "De antwoorden op de vraag '{key}': voor welk getal elk antwoord staat, welke geen relatie\n"
                 "betekenen en welke 'weten we niet'.",
        "range": "Antwoorden die als getal van ... tot ... geschreven zijn, staan voor zichzelf.",
        "labels": "Antwoorden in woorden, en het getal waar elk voor staat.",
        "no_tie": "Antwoorden die betekenen: geen contact, dus geen relatie (als getal, of zoals geschreven).",
        "missing": "Antwoorden die betekenen: weten we niet (een leeg antwoord altijd). Ze tellen niet als 'geen "
                   "relatie'.",
        "item": "De vraag '{key}' en wat de antwoorden worden.",
        "question": "De vraag, met {{partner}} waar de naam van de partner staat.",
        "relation": "De relatie die de antwoorden worden: collaboration, information, referral, trust ... (\"\" =\n"
                    "geen: een beoordeling die geen relaties maakt).",
        "rule": "Hoe de twee antwoorden van een paar relaties worden: as_reported (elk antwoord een eigen relatie;\n"
                "gerichte relaties), maximum (een relatie als één van beiden hem noemt), minimum (als beiden dat\n"
                "doen), mean (gemiddelde).",
        "scale_of": "De antwoordschaal van deze vraag (een tabel [scales...] hierboven).",
        "columns": "Elke antwoordkolom: de partner waar hij naar vraagt (een stakeholder-id) en de vraag (item).",
        "check": "CHECK: {note}",
        "text": "kop: {note}",
    },
}


def _toml_text(value: str) -> str:
    out = []
    for c in value:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "\t":
            out.append("\\t")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\u{ord(c):04X}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_text(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(_int_or_float(value)) if isinstance(value, float) else str(value)
    if isinstance(value, str):
        return _toml_text(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise _core.InvalidValueError(f"cannot write {value!r} to a mapping file; expected text, numbers or lists")


@checked
def write_survey_mapping(mapping: Mapping[str, Any], path: str | os.PathLike, *, lang: str = "en",
                         export: str = "") -> None:
    """Write a survey mapping as a TOML file a programme lead can read and edit, every field explained.

    Parameters
    ----------
    mapping : dict
        As :func:`survey_mapping` returns it (its ``checks`` become ``# CHECK:`` comments) or as written by hand.
    path : str or os.PathLike
        The file to write (atomically: an interrupted write leaves the previous file as it was).
    lang : {"en", "nl"}, default "en"
        The language of the comments.
    export : str, optional
        The export the mapping is for, named in the first comment.

    Raises
    ------
    InvalidValueError
        For an unknown ``lang``, or a value that is no text, number or list.
    WriteError
        When the file cannot be written.

    Examples
    --------
    >>> import tomllib
    >>> from pathlib import Path
    >>> import wijknet
    >>> mapping = {"wave": "T0", "respondent_column": "Uw organisatie", "ignore": ["Startdatum"],
    ...            "scales": {"freq": {"range": [1, 5], "no_tie": [1], "missing": ["Weet niet"]}},
    ...            "items": {"samenwerking": {"relation": "collaboration", "rule": "maximum", "scale": "freq"}},
    ...            "columns": [{"column": "Samenwerking met COC", "partner": "coc", "item": "samenwerking"}],
    ...            "checks": {"scales.freq.no_tie": "1 = nooit"}}
    >>> wijknet.write_survey_mapping(mapping, "survey.toml", lang="nl")
    >>> text = Path("survey.toml").read_text(encoding="utf-8")
    >>> print(text[text.index("[scales.freq]"):text.index("[items")].strip())
    [scales.freq]
    # De antwoorden op de vraag 'freq': voor welk getal elk antwoord staat, welke geen relatie
    # betekenen en welke 'weten we niet'.
    # Antwoorden die als getal van ... tot ... geschreven zijn, staan voor zichzelf.
    range = [1, 5]
    # Antwoorden die betekenen: geen contact, dus geen relatie (als getal, of zoals geschreven).
    # CHECK: 1 = nooit
    no_tie = [1]
    # Antwoorden die betekenen: weten we niet (een leeg antwoord altijd). Ze tellen niet als 'geen relatie'.
    missing = ["Weet niet"]
    >>> tomllib.loads(text)["scales"] == {k: v for k, v in mapping["scales"].items()}
    True
    """
    if lang not in _COMMENTS:
        raise _core.InvalidValueError(f"lang must be 'en' or 'nl', got {lang!r}")
    stakeholders = mapping.get("stakeholders")
    if isinstance(stakeholders, str) and not Path(stakeholders).is_absolute():
        # A dict's paths are relative to the working folder, a file's to the file's folder.
        mapping = {**mapping, "stakeholders": Path(os.path.relpath(Path(stakeholders).resolve(),
                                                                 Path(path).resolve().parent)).as_posix()}
    text = _mapping_text(mapping, _COMMENTS[lang], export)
    tomllib.loads(text)  # what is written reads back; a failure here is a bug, not the user's
    try:
        _core._write_text_atomically(str(path), text)
    except _core.WijknetError as err:
        raise _core.WriteError(str(err)) from None


def _mapping_text(mapping: Mapping[str, Any], words: Mapping[str, str], export: str) -> str:
    checks = dict(mapping.get("checks") or {})
    lines: list[str] = []

    def comment(which: str, **values: Any) -> None:
        for line in words[which].format(**values).splitlines():
            lines.append(f"# {line}")

    def check(path: str) -> None:
        if path in checks:
            lines.extend(textwrap.wrap(words["check"].format(note=checks.pop(path)), 110, initial_indent="# ",
                                       subsequent_indent="#   ", break_long_words=False, break_on_hyphens=False))

    def put(key: str, value: Any, path: str, explain: str | None = None) -> None:
        if explain:
            comment(explain)
        check(path)
        lines.append(f"{_toml_key(key)} = {_toml_value(value)}")

    if export:
        comment("title", export=export)
    comment("made", date=_dt.date.today().isoformat())
    comment("made2")
    comment("made3")
    lines.append("")
    for key in ("stakeholders", "wave", "form", "header_rows"):
        if key in mapping:
            put(key, mapping[key], key, key)
    if "separator" in mapping or "encoding" in mapping:
        comment("separator")
        for key in ("separator", "encoding"):
            if key in mapping:
                put(key, mapping[key], key)
    for key in ("respondent_column", "partner_column"):
        if key in mapping:
            put(key, mapping[key], key, key)
    if "ignore" in mapping:
        comment("ignore")
        lines.append("ignore = [" + "".join(f"\n    {_toml_value(v)}," for v in mapping["ignore"]) +
                     ("\n]" if mapping["ignore"] else "]"))
    names = mapping.get("names") or {}
    lines += ["", "[names]"]
    comment("names")
    for given, sid in names.items():
        check(f"names.{given}")
        lines.append(f"{_toml_key(given)} = {_toml_value(sid)}")
    for key, scale in (mapping.get("scales") or {}).items():
        lines += ["", f"[scales.{_toml_key(key)}]"]
        comment("scale", key=key)
        if "range" in scale:
            put("range", scale["range"], f"scales.{key}.range", "range")
        if "no_tie" in scale:
            put("no_tie", scale["no_tie"], f"scales.{key}.no_tie", "no_tie")
        else:
            comment("no_tie")
            check(f"scales.{key}.no_tie")
            low = (scale.get("range") or [1])[0]
            lines.append(f"# no_tie = [{_toml_value(low)}]")
        if "missing" in scale:
            put("missing", scale["missing"], f"scales.{key}.missing", "missing")
        open_labels = [p for p in checks if p.startswith(f"scales.{key}.labels.")]
        if scale.get("labels") or open_labels:
            lines += ["", f"[scales.{_toml_key(key)}.labels]"]
            comment("labels")
            for text, number in (scale.get("labels") or {}).items():
                check(f"scales.{key}.labels.{text}")
                lines.append(f"{_toml_key(text)} = {_toml_value(number)}")
            for p in open_labels:
                text = p[len(f"scales.{key}.labels."):]
                if p in checks:
                    lines.append(f"# {_toml_key(text)} = ?    # " + words["check"].format(note=checks.pop(p)))
    for key, item in (mapping.get("items") or {}).items():
        lines += ["", f"[items.{_toml_key(key)}]"]
        comment("item", key=key)
        for field_, explain in (("question", "question"), ("relation", "relation"), ("rule", "rule"),
                                ("scale", "scale_of")):
            if field_ in item:
                put(field_, item[field_], f"items.{key}.{field_}", explain)
    columns = mapping.get("columns") or []
    if columns:
        lines.append("")
        comment("columns")
    for n, entry in enumerate(columns):
        lines += ["", "[[columns]]"]
        if f"columns.{n}.text" in checks:
            lines.append("# " + words["text"].format(note=checks.pop(f"columns.{n}.text")))
        for field_ in ("column", "partner", "item"):
            if field_ in entry:
                put(field_, entry[field_], f"columns.{n}.{field_}")
    if checks:  # notes about fields written nowhere above
        lines.append("")
        for path in list(checks):
            checks[f"{path}: {checks[path]}"] = checks.pop(path)
            check(next(reversed(checks)))
    return "\n".join(lines) + "\n"
