"""How wijknet words its results for people: labels in Dutch or English, display names and
pseudonyms, numbers and dates as each language writes them, lists joined in plain language.

Every sentence wijknet writes in Python (the ``explanation`` columns with ``lang=``, the report,
the command-line tables) takes its labels and names from here, so that one rule holds everywhere:

- roles and relations appear under their label in the language asked (Dutch: the taxonomy's
  ``label_nl``; the built-in relations are ``samenwerking``, ``informatie delen``,
  ``doorverwijzing``, ``vertrouwen``), never as a key in the other language;
- stakeholders appear under their display name; persons (kind ``person``) under a stable
  pseudonym such as "Wijkagent 1" or "Bewoner 3" unless names are asked for by name
  (``show_names=True``, ``--show-names``);
- a group table that would reveal a sensitive attribute for fewer than :data:`SMALL_CELL`
  stakeholders is suppressed.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from typing import Any, Iterable, Mapping

LANGUAGES = ("en", "nl")

#: Groups smaller than this are not shown when they would reveal a sensitive attribute
#: (the small-cell rule of official statistics; CBS and Eurostat use thresholds of 3 to 10).
SMALL_CELL = 5

#: How a count hidden only so that a smaller one cannot be worked out from a total is printed: it may hold 7 or 17,
#: so it is never printed as "< 5" (see :func:`small_cells`).
PROTECTING = "•"
_PROTECTING_NOTE = {
    "en": f"{PROTECTING} hidden so that a count under {SMALL_CELL} cannot be worked out from the total.",
    "nl": f"{PROTECTING} verborgen, zodat een aantal onder de {SMALL_CELL} niet uit het totaal is af te leiden.",
}


def small_cells(counts: Mapping[Any, int]) -> tuple[set, set]:
    """The small-cell rule of every count table wijknet shows: which counts are hidden, and why.

    Parameters
    ----------
    counts : mapping or pandas.Series
        Group -> count, in the order the table lists them.

    Returns
    -------
    small : set
        The groups whose count is under :data:`SMALL_CELL` (shown as "< 5"). A zero is shown: it makes no one
        recognisable.
    protecting : set
        When ``small`` is one group only, the smallest other non-zero group (the first in order among equals), hidden
        too so that the small count cannot be worked out from the total; shown as :data:`PROTECTING`, not as a range
        it is not in.

    Examples
    --------
    >>> small_cells({"politie": 3, "welzijn": 17, "gemeente": 0})
    ({'politie'}, {'welzijn'})
    >>> small, protecting = small_cells({"a": 2, "b": 1, "c": 9})  # two small counts protect each other
    >>> sorted(small), protecting
    (['a', 'b'], set())
    """
    items = list(counts.items())
    small = {k for k, n in items if 0 < n < SMALL_CELL}
    others = [(n, position) for position, (k, n) in enumerate(items) if k not in small and n > 0]
    protecting = {items[min(others)[1]][0]} if len(small) == 1 and others else set()
    return small, protecting


# Dutch labels of the built-in relations and roles, for taxonomies read from files that carry
# no Dutch label of their own (the taxonomy's label_nl, when present, wins).
#: One word for one thing: the command line, the report and the sentences take these terms from here, so a
#: reader never meets two Dutch words for one idea (één vervuller / één houder, ontbreekt / afwezig).
TERMS = {
    "en": {"absent": "absent", "isolated": "isolated", "single": "one holder", "covered": "covered",
           "key_player": "key player", "key_players": "key players",
           "stakeholders": "stakeholders", "components": "separate groups",
           "largest_component": "stakeholders in the largest group", "fragmentation": "fragmentation",
           "distance_fragmentation": "distance fragmentation", "roles_absent": "roles absent",
           "roles_single": "roles with one holder", "chain_works": "chain works"},
    "nl": {"absent": "ontbreekt", "isolated": "geïsoleerd", "single": "één vervuller", "covered": "vervuld",
           "key_player": "sleutelfiguur", "key_players": "sleutelfiguren",
           "stakeholders": "stakeholders", "components": "losse groepen",
           "largest_component": "stakeholders in de grootste groep", "fragmentation": "fragmentatie",
           "distance_fragmentation": "afstandsfragmentatie", "roles_absent": "ontbrekende rollen",
           "roles_single": "rollen met één vervuller", "chain_works": "keten werkt"},
}

_NL_RELATIONS = {
    "collaboration": "samenwerking",
    "information": "informatie delen",
    "referral": "doorverwijzing",
    "trust": "vertrouwen",
}
_NL_ROLES = {
    "wijkagent": "wijkagent",
    "welzijnswerk": "welzijnswerk",
    "zelforganisatie": "zelforganisatie",
    "lhbti_organisatie": "lhbti+-organisatie",
    "bewonersinitiatief": "bewonersinitiatief",
    "sociale_partner": "maatschappelijke partner",
    "gemeente": "gemeente",
    "antidiscriminatievoorziening": "antidiscriminatievoorziening",
    "kerngroep": "kerngroeplid",
    "bewoner": "bewoner",
}
# What a person holding the role is called, for pseudonyms ("Welzijnswerker 2", not "Welzijnswerk 2").
_PERSON_NOUNS = {
    "en": {"wijkagent": "Community police officer", "welzijnswerk": "Welfare worker",
           "zelforganisatie": "Self-organisation member", "lhbti_organisatie": "Lgbti+ organisation member",
           "bewonersinitiatief": "Resident initiative member", "sociale_partner": "Partner staff member",
           "gemeente": "Municipal officer", "antidiscriminatievoorziening": "Anti-discrimination officer",
           "kerngroep": "Core group member", "bewoner": "Resident"},
    "nl": {"wijkagent": "Wijkagent", "welzijnswerk": "Welzijnswerker", "zelforganisatie": "Lid zelforganisatie",
           "lhbti_organisatie": "Lid lhbti+-organisatie", "bewonersinitiatief": "Lid bewonersinitiatief",
           "sociale_partner": "Medewerker partnerorganisatie", "gemeente": "Gemeenteambtenaar",
           "antidiscriminatievoorziening": "Medewerker antidiscriminatievoorziening", "kerngroep": "Kerngroeplid",
           "bewoner": "Bewoner"},
}
_NL_KINDS = {"person": "persoon", "organisation": "organisatie", "initiative": "initiatief", "group": "groep"}
_EN_KINDS = {"person": "person", "organisation": "organisation", "initiative": "initiative", "group": "group"}

_MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def check_lang(lang: str) -> str:
    """``lang`` itself, or an InvalidValueError (a ValueError) naming the languages there are."""
    if lang not in LANGUAGES:
        from . import _core

        raise _core.InvalidValueError(f"lang must be 'en' or 'nl', got {lang!r}")
    return lang


def _entries(items: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    return {e["key"]: e for e in items}


def _clean_label(label: str) -> str:
    # Relation labels of the example read "Samenwerking (collaboration)": keep the English part.
    if label.endswith(")") and "(" in label:
        return label[label.rindex("(") + 1:-1].strip()
    return label


class Wording:
    """Labels, names and formats of one alliance in one language.

    Parameters
    ----------
    alliance : wijknet.Alliance
        Where the roles, relations, waves and stakeholders come from.
    lang : {"en", "nl"}
        The language of every label and format.
    show_names : bool, default False
        Name persons; by default they appear under pseudonyms ("Wijkagent 1").

    Examples
    --------
    >>> import wijknet
    >>> w = Wording(wijknet.load_example(), "nl")
    >>> w.relation("referral")
    'doorverwijzing'
    >>> w.name("wijkagent_kwikstaart")
    'Wijkagent 1'
    >>> w.number(0.25, 2)
    '0,25'
    """

    def __init__(self, alliance: Any, lang: str = "en", show_names: bool = False) -> None:
        self.lang = check_lang(lang)
        self.show_names = show_names
        self._roles = _entries(alliance.roles)
        self._relations = _entries(alliance.relations)
        self._waves = _entries(alliance.waves)
        self.names = display_names(alliance, show_names, lang, self)

    # ------------------------------------------------------------------ labels
    def role(self, key: str) -> str:
        """The role's label in this language (the key when the taxonomy has no such role)."""
        entry = self._roles.get(key, {})
        if self.lang == "nl":
            return entry.get("label_nl") or _NL_ROLES.get(key) or key.replace("_", " ")
        return entry.get("label") or key.replace("_", " ")

    def relation(self, key: str) -> str:
        """The relation's label in this language (lower case, as it stands in a sentence)."""
        entry = self._relations.get(key, {})
        if self.lang == "nl":
            label = entry.get("label_nl") or _NL_RELATIONS.get(key)
            if not label:
                raw = entry.get("label") or key
                label = raw[: raw.index("(")].strip() if "(" in raw else raw
            return label.lower()
        return _clean_label(entry.get("label") or key).lower()

    def kind(self, key: str) -> str:
        return (_NL_KINDS if self.lang == "nl" else _EN_KINDS).get(key, key)

    def wave(self, key: str) -> str:
        """The wave's label ("T1 2022"), or its key."""
        return self._waves.get(key, {}).get("label") or key

    def name(self, stakeholder: str) -> str:
        """Display name: the pseudonym of a person unless names are shown, else the name."""
        return self.names.get(stakeholder, stakeholder)

    def names_of(self, ids: Iterable[str]) -> str:
        return self.join([self.name(i) for i in ids])

    def named(self, text: str, ids: Iterable[str]) -> str:
        """``text`` with each of ``ids`` it quotes (``'id'``) replaced by the display name, for a message that names
        stakeholders by id (a reader's warning, ``Problem.stakeholders``); an id that is no stakeholder (any more)
        becomes ``'…'``, never the id.

        Examples
        --------
        >>> import wijknet
        >>> w = Wording(wijknet.load_example(), "en")
        >>> w.named("the id of stakeholder 'Wijkagent_Kwikstaart' differs from that of 'wijkagent_kwikstaart'",
        ...         ["Wijkagent_Kwikstaart", "wijkagent_kwikstaart"])
        "the id of stakeholder '…' differs from that of 'Community police officer 1'"
        """
        quoted = sorted({f"'{i}'" for i in ids}, key=len, reverse=True)  # longest first: one id may hold another
        if not quoted:
            return text
        pattern = re.compile("|".join(re.escape(q) for q in quoted))
        return pattern.sub(lambda m: f"'{self.names.get(m.group(0)[1:-1], '…')}'", text)

    # ----------------------------------------------------------------- formats
    def number(self, value: float, digits: int = 2) -> str:
        """A number as this language writes it: 0.25 / 0,25; integers without decimals."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "–"
        if isinstance(value, float) and math.isinf(value):
            return "∞"
        if float(value).is_integer() and digits >= 0 and abs(value) < 1e15:
            text = f"{int(value):,}"
        else:
            text = f"{value:,.{digits}f}"
        if self.lang == "nl":
            text = text.replace(",", "\u2009").replace(".", ",")  # thin space groups thousands
        return text

    def fixed(self, value: float, digits: int) -> str:
        """A number with exactly ``digits`` decimals (a table column of fractions: 0,476 beside 0,000, not 0)."""
        if value is None or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
            return self.number(value, digits)
        text = f"{value:,.{digits}f}"
        return text.replace(",", "\u2009").replace(".", ",") if self.lang == "nl" else text

    def percent(self, share: float) -> str:
        return self.number(round(100 * share), 0) + "%"

    def date(self, value: str | _dt.date | None) -> str:
        """An ISO date as "15 november 2022" (nl) or "15 November 2022" (en); other text unchanged."""
        if not value:
            return ""
        try:
            d = value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value))
        except ValueError:
            return str(value)
        months = _MONTHS_NL if self.lang == "nl" else _MONTHS_EN
        return f"{d.day} {months[d.month - 1]} {d.year}"

    def join(self, items: Iterable[str]) -> str:
        """"a, b and c" / "a, b en c" ("a; b and c" when an item has a comma of its own)."""
        items = list(items)
        last = " en " if self.lang == "nl" else " and "
        if len(items) <= 1:
            return "".join(items)
        separator = "; " if any("," in i for i in items) else ", "  # names such as "COC, afdeling Oost"
        return separator.join(items[:-1]) + last + items[-1]

    def protecting_note(self) -> str:
        """The footnote under a table with a count shown as :data:`PROTECTING`."""
        return _PROTECTING_NOTE[self.lang]

    def plural(self, count: int, one: str, many: str) -> str:
        """"1 tie" / "3 ties" with the number written as this language writes it."""
        return f"{self.number(count, 0)} {one if count == 1 else many}"


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def display_names(alliance: Any, show_names: bool = False, lang: str = "en",
                  wording: Wording | None = None) -> dict[str, str]:
    """Display name of every stakeholder, keyed by id.

    Organisations, initiatives and groups appear under their name (their id when they have
    none). Persons appear under a pseudonym made of what a holder of their first role is called
    (built-in roles: "Wijkagent", "Welzijnswerker" ...; other roles: the role's label) and a number,
    "Wijkagent 1", "Bewoner 3" ("Persoon 2" without a role), numbered per label in order of id,
    so a pseudonym is the same in every wave and every run on the same data. With
    ``show_names=True`` persons appear under their name too.

    Examples
    --------
    >>> import wijknet
    >>> names = display_names(wijknet.load_example(), lang="en")
    >>> names["wijkagent_kwikstaart"], names["welzijn_rivierstad"]
    ('Community police officer 1', 'Welzijn Rivierstad')
    """
    check_lang(lang)
    w = wording
    if w is None:
        w = Wording.__new__(Wording)
        w.lang, w.show_names = lang, show_names
        w._roles, w._relations, w._waves = _entries(alliance.roles), _entries(alliance.relations), {}
    frame = alliance.stakeholders()
    out: dict[str, str] = {}
    counters: dict[str, int] = {}
    for sid in sorted(frame.index):
        row = frame.loc[sid]
        name = row["name"] or sid
        if row["kind"] != "person" or show_names:
            out[sid] = name
            continue
        roles = list(row["roles"])
        if roles:
            label = _PERSON_NOUNS[lang].get(roles[0]) or w.role(roles[0])
        else:
            label = "persoon" if lang == "nl" else "person"
        label = label[:1].upper() + label[1:]
        counters[label] = counters.get(label, 0) + 1
        out[sid] = f"{label} {counters[label]}"
    return out


def fold(text: str) -> str:
    """Case- and accent-folded text, for matching what people type against keys and labels."""
    return _strip_accents(text).casefold().strip()
