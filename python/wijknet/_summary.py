"""The first look at an alliance: who is in it, how they are tied, which roles are missing."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Iterable

import pandas as pd

from . import _core, _display
from ._keywords import checked
from ._missing import rate_lines, response_rates
from ._wording import Wording

# Headings and phrases of the text report, in English and Dutch.
_TEXT = {
    "en": {
        "title": "Alliance summary",
        # one and more of each count: "1 wave", "2 waves"
        "overview": (("stakeholder", "stakeholders"), ("tie", "ties"), ("wave", "waves"), ("event", "events"),
                     ("participation", "participations")),
        "roles": "Stakeholders per role",
        "relations": "Ties per relation and wave",
        "unmeasured": "Not measured (no tie in any wave): {relations}",
        "columns": ("relation", "wave", "stakeholders", "ties", "density", "components", "largest", "isolates"),
        "missing": "Roles the method templates ask for but nobody holds",
        "required": "required",
        "recommended": "recommended",
        "complete": "complete: every required and recommended role is held",
        "directed": "directed",
        "undirected": "undirected",
        "single": "held by one stakeholder only",
        "none": "nobody",
        "warnings": "Warnings from reading the data",
        "response": "Response to the survey",
    },
    "nl": {
        "title": "Samenvatting van de alliantie",
        "overview": (("stakeholder", "stakeholders"), ("relatie", "relaties"), ("meting", "metingen"),
                     ("activiteit", "activiteiten"), ("deelname", "deelnames")),
        "roles": "Stakeholders per rol",
        "relations": "Relaties per soort en meting",
        "unmeasured": "Niet gemeten (in geen enkele meting een relatie): {relations}",
        "columns": ("soort", "meting", "stakeholders", "relaties", "dichtheid", "componenten", "grootste",
                    "geïsoleerd"),
        "missing": "Rollen die de methode vraagt maar niemand vervult",
        "required": "vereist",
        "recommended": "aanbevolen",
        "complete": "compleet: elke vereiste en aanbevolen rol is vervuld",
        "directed": "gericht",
        "undirected": "ongericht",
        "single": "door maar één stakeholder vervuld",
        "none": "niemand",
        "warnings": "Waarschuwingen bij het inlezen",
        "response": "Respons op de vragenlijst",
    },
}


@dataclass
class Summary:
    """The first look at an alliance, as pandas objects; ``str()`` gives the text report.

    Attributes
    ----------
    stakeholders, ties, waves, events, participations : int
        Counts.
    roles : pandas.Series
        Stakeholders per role, indexed by role key.
    role_labels : dict
        Role key -> English label.
    relations : pandas.DataFrame
        Per relation and wave (MultiIndex ``relation``, ``wave``): ``directed``, ``stakeholders`` present, ``ties``,
        ``density``, ``components`` (weak), ``largest_component`` and ``isolates``.
    missing : dict
        Per method template, the roles it requires (``required``) or recommends (``recommended``) that nobody holds.
    lang : {"en", "nl"}
        The language of ``str()``.
    labels : dict
        Per language, ``{"roles": {key: label}, "relations": {key: label}}``.
    warnings : list of Problem
        What the reader warned about (``Alliance.read_warnings``), shown first in the text; the stakeholders a
        warning quotes appear by display name (persons by pseudonym), as in the report, never by id.
    response : pandas.DataFrame
        The survey's response per wave, relation and role (:func:`wijknet.response_rates`); empty for data not from
        a survey. The text shows a line per wave.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> s = wijknet.summary(alliance)
    >>> s.stakeholders, s.ties, s.missing["samen_in_de_wijk"]
    (34, 164, {'required': [], 'recommended': ['antidiscriminatievoorziening']})
    >>> s.relations.loc["referral", ["ties", "density", "isolates"]]
          ties   density  isolates
    wave                          
    T0      12  0.012903        19
    T1      17  0.017137        18
    """

    stakeholders: int
    ties: int
    waves: int
    events: int
    participations: int
    roles: pd.Series
    role_labels: dict
    relations: pd.DataFrame
    missing: dict = field(default_factory=dict)
    lang: str = "en"
    labels: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    response: pd.DataFrame = field(default_factory=pd.DataFrame)

    def to_text(self, lang: str | None = None) -> str:
        """The summary as plain text.

        Parameters
        ----------
        lang : {"en", "nl"}, optional
            English or Dutch; default the summary's ``lang``.

        Returns
        -------
        str

        Examples
        --------
        >>> import wijknet
        >>> alliance = wijknet.load_example()
        >>> text = wijknet.summary(alliance).to_text("nl").splitlines()
        >>> print(text[0])
        Samenvatting van de alliantie
        >>> print(text[2])
        34 stakeholders, 164 relaties, 2 metingen, 10 activiteiten, 136 deelnames
        """
        lang = lang or self.lang
        if lang not in _TEXT:
            raise _core.InvalidValueError(f"lang must be 'en' or 'nl', got {lang!r}")
        t = _TEXT[lang]
        lines = [t["title"], "=" * len(t["title"])]
        lines.append(self._overview(lang))
        if self.warnings:
            lines += ["", t["warnings"]]
            lines += [f"  {w.text(lang)}" for w in self.warnings]
        if len(self.response):
            lines += ["", t["response"]]
            lines += [f"  {line}" for line in rate_lines(self.response, lang)]
        lines += ["", t["roles"]]
        role_label = self.labels.get(lang, {}).get("roles", self.role_labels)
        relation_label = self.labels.get(lang, {}).get("relations", {})
        # The label only: the key is in .roles for machines.
        width = max([30, *(len(role_label.get(k, k)) for k in self.roles.index)]) + 1
        for key, count in self.roles.items():
            flag = f"   <- {t['single']}" if count == 1 else f"   <- {t['none']}" if count == 0 else ""
            lines.append(f"  {role_label.get(key, key):<{width}} {count:>3}{flag}")
        lines += ["", t["relations"]]
        cols = t["columns"]
        measured, unmeasured = self._measured()
        # The relation column is as wide as its longest label, so a long label never runs into the wave.
        width = max([17, len(cols[0]), *(len(relation_label.get(r, r)) for r, _ in measured.index)]) + 1
        lines.append(f"  {cols[0]:<{width}}{cols[1]:<7}{cols[2]:>13}{cols[3]:>9}{cols[4]:>10}{cols[5]:>12}"
                     f"{cols[6]:>9}{cols[7]:>11}")
        for (relation, wave), row in measured.iterrows():
            kind = t["directed"] if row["directed"] else t["undirected"]
            density = f"{row['density']:.3f}".replace(".", "," if lang == "nl" else ".")
            lines.append(f"  {relation_label.get(relation, relation):<{width}}{wave:<7}{row['stakeholders']:>13}"
                         f"{row['ties']:>9}{density:>10}{row['components']:>12}{row['largest_component']:>9}"
                         f"{row['isolates']:>11}   ({kind})")
        if unmeasured:
            lines.append("  " + t["unmeasured"].format(relations=", ".join(relation_label.get(r, r) for r in unmeasured)))
        lines += ["", t["missing"]]
        for template, gaps in self.missing.items():
            if not gaps["required"] and not gaps["recommended"]:
                lines.append(f"  {template}: {t['complete']}")
                continue
            for level in ("required", "recommended"):
                for role in gaps[level]:
                    lines.append(f"  {template}: {role_label.get(role, role)} - {t[level]}")
        return "\n".join(lines)

    def _measured(self) -> tuple[pd.DataFrame, list[str]]:
        """The rows of relations with a tie in some wave, and the keys of those without any: a relation
        no survey asked about is not one whose every row reads 0 ties and density 0."""
        totals = self.relations.groupby(level=0, sort=False)["ties"].sum()
        unmeasured = [r for r, n in totals.items() if n == 0]
        keep = [r not in unmeasured for r, _ in self.relations.index]
        return self.relations[keep], unmeasured

    def _overview(self, lang: str) -> str:
        """"34 stakeholders, 164 ties, 2 waves, ...", each noun in the number its count needs."""
        counts = (self.stakeholders, self.ties, self.waves, self.events, self.participations)
        return ", ".join(f"{n} {one if n == 1 else many}" for n, (one, many) in zip(counts, _TEXT[lang]["overview"]))

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        return _display.summary_html(self)


@checked
def summary(alliance: _core.Alliance, templates: Iterable[str] | None = None, lang: str = "en") -> Summary:
    """Summarise an alliance: stakeholders per role, ties per relation and wave, and the roles nobody holds.

    Parameters
    ----------
    alliance : Alliance
    templates : list of str, optional
        The method templates to check for missing roles; default every template of the alliance.
    lang : {"en", "nl"}, default "en"

    Returns
    -------
    Summary

    Notes
    -----
    Per relation and wave the summary counts the stakeholders present in the wave and the ties, and gives the
    density as :func:`density` defines it (directed or not as the relation is), the weak components, the size of
    the largest one and the isolates.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> print(wijknet.summary(alliance))
    Alliance summary
    ================
    34 stakeholders, 164 ties, 2 waves, 10 events, 136 participations
    <BLANKLINE>
    Stakeholders per role
      community police officer          1   <- held by one stakeholder only
      social welfare work               3
      self-organisation                 4
      lgbti+ organisation               2
      resident initiative               3
      social partner                    5
      municipality                      2
      anti-discrimination service       0   <- nobody
      core group member                 9
      resident                         13
    <BLANKLINE>
    Ties per relation and wave
      relation            wave    stakeholders     ties   density  components  largest   isolates
      collaboration       T0                31       26     0.056          11       21         10   (undirected)
      collaboration       T1                32       31     0.062          10       23          9   (undirected)
      information sharing T0                31       23     0.025          11       17          8   (directed)
      information sharing T1                32       23     0.023          12       20         10   (directed)
      referral            T0                31       12     0.013          20       12         19   (directed)
      referral            T1                32       17     0.017          19       14         18   (directed)
      trust               T0                31       15     0.016          18        9         15   (directed)
      trust               T1                32       17     0.017          18       12         16   (directed)
    <BLANKLINE>
    Roles the method templates ask for but nobody holds
      samen_in_de_wijk: anti-discrimination service - recommended
      alle_kleuren: complete: every required and recommended role is held
    """
    if lang not in _TEXT:
        raise _core.InvalidValueError(f"lang must be 'en' or 'nl', got {lang!r}")
    raw = _core._summarize(alliance, list(templates or []))
    roles = pd.Series(dict(raw["stakeholders_per_role"]), name="stakeholders", dtype="int64")
    roles.index.name = "role"
    labels = {r["key"]: r["label"] for r in alliance.roles}
    relations = pd.DataFrame(raw["relations"])
    if relations.empty:
        relations = pd.DataFrame(columns=["relation", "wave", "directed", "stakeholders", "ties", "density",
                                          "components", "largest_component", "isolates"])
    relations = relations.set_index(["relation", "wave"])
    missing = {m["template"]: {"required": m["required"], "recommended": m["recommended"]} for m in raw["missing"]}
    words = {code: Wording(alliance, code) for code in ("en", "nl")}
    both = {code: {"roles": {r["key"]: w.role(r["key"]) for r in alliance.roles},
                   "relations": {r["key"]: w.relation(r["key"]) for r in alliance.relations}}
            for code, w in words.items()}
    return Summary(
        stakeholders=raw["stakeholders"],
        ties=alliance.num_ties,
        waves=len(alliance.waves),
        events=raw["events"],
        participations=raw["participations"],
        roles=roles,
        role_labels=labels,
        relations=relations,
        missing=missing,
        lang=lang,
        labels=both,
        warnings=[_named(w, words) for w in getattr(alliance, "read_warnings", [])],
        response=response_rates(alliance),
    )


def _named(problem: Any, words: dict[str, Wording]) -> Any:
    """A reader's warning with the stakeholders it quotes by display name (persons by pseudonym), as the
    report shows it: the summary is printed by the command line, which never prints an id."""
    en, nl = words["en"], words["nl"]
    return dataclasses.replace(problem, message=en.named(problem.message, problem.stakeholders),
                               suggestion=en.named(problem.suggestion, problem.stakeholders),
                               message_nl=nl.named(problem.message_nl, problem.stakeholders),
                               suggestion_nl=nl.named(problem.suggestion_nl, problem.stakeholders), stakeholders=())
