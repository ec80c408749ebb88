"""The first look at an alliance: who is in it, how they are tied, which roles are missing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import pandas as pd

from . import _core, _display
from ._wording import Wording

# Headings and phrases of the text report, in English and Dutch.
_TEXT = {
    "en": {
        "title": "Alliance summary",
        "overview": "{n} stakeholders, {m} ties, {w} waves, {e} events, {p} participations",
        "roles": "Stakeholders per role",
        "relations": "Ties per relation and wave",
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
    },
    "nl": {
        "title": "Samenvatting van de alliantie",
        "overview": "{n} stakeholders, {m} relaties, {w} metingen, {e} activiteiten, {p} deelnames",
        "roles": "Stakeholders per rol",
        "relations": "Relaties per soort en meting",
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
    },
}


@dataclass
class Summary:
    """Summary of an alliance, as pandas objects; ``str()`` gives the text report.

    Attributes:
        stakeholders, ties, waves, events, participations: counts.
        roles: stakeholders per role (Series indexed by role key; ``role_labels`` has the English labels).
        relations: per relation and wave: directed, stakeholders present, ties, density,
            weak components, size of the largest one, isolates (DataFrame, MultiIndex relation x wave).
        missing: per template, the roles it requires / recommends that nobody holds.
        warnings: what the reader warned about (``Alliance.read_warnings``: :class:`wijknet.Problem`
            objects), shown first in the text report.
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
    """Per language ("en", "nl"): {"roles": {key: label}, "relations": {key: label}}."""
    warnings: list = field(default_factory=list)

    def to_text(self, lang: str | None = None) -> str:
        """The report as plain text, in English (``"en"``) or Dutch (``"nl"``)."""
        lang = lang or self.lang
        if lang not in _TEXT:
            raise ValueError(f"lang must be 'en' or 'nl', got {lang!r}")
        t = _TEXT[lang]
        lines = [t["title"], "=" * len(t["title"])]
        lines.append(t["overview"].format(n=self.stakeholders, m=self.ties, w=self.waves, e=self.events,
                                          p=self.participations))
        if self.warnings:
            lines += ["", t["warnings"]]
            lines += [f"  {w.text(lang)}" for w in self.warnings]
        lines += ["", t["roles"]]
        role_label = self.labels.get(lang, {}).get("roles", self.role_labels)
        relation_label = self.labels.get(lang, {}).get("relations", {})
        for key, count in self.roles.items():
            flag = f"   <- {t['single']}" if count == 1 else f"   <- {t['none']}" if count == 0 else ""
            lines.append(f"  {key:<30} {role_label.get(key, key):<30} {count:>3}{flag}")
        lines += ["", t["relations"]]
        cols = t["columns"]
        lines.append(f"  {cols[0]:<18}{cols[1]:<7}{cols[2]:>13}{cols[3]:>9}{cols[4]:>10}{cols[5]:>12}"
                     f"{cols[6]:>9}{cols[7]:>11}")
        for (relation, wave), row in self.relations.iterrows():
            kind = t["directed"] if row["directed"] else t["undirected"]
            density = f"{row['density']:.3f}".replace(".", "," if lang == "nl" else ".")
            lines.append(f"  {relation_label.get(relation, relation):<18}{wave:<7}{row['stakeholders']:>13}"
                         f"{row['ties']:>9}{density:>10}{row['components']:>12}{row['largest_component']:>9}"
                         f"{row['isolates']:>11}   ({kind})")
        lines += ["", t["missing"]]
        for template, gaps in self.missing.items():
            if not gaps["required"] and not gaps["recommended"]:
                lines.append(f"  {template}: {t['complete']}")
                continue
            for level in ("required", "recommended"):
                for role in gaps[level]:
                    lines.append(f"  {template}: {role} ({role_label.get(role, role)}) - {t[level]}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        return _display.summary_html(self)


def summary(alliance: _core.Alliance, templates: Iterable[str] | None = None, lang: str = "en") -> Summary:
    """Summarise an alliance: stakeholders per role; per relation and wave the ties, density,
    weak components and isolates; and per method template the roles nobody holds.

    templates: template keys to check (default: every template of the alliance).
    Density is m / (n (n - 1)) for directed relations and 2 m / (n (n - 1)) for undirected
    ones, over the stakeholders present in the wave (Wasserman & Faust 1994, 4.2).
    """
    if lang not in _TEXT:
        raise ValueError(f"lang must be 'en' or 'nl', got {lang!r}")
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
        warnings=list(getattr(alliance, "read_warnings", [])),
    )
