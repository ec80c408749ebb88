"""The report's section on the incident log: counts only, small cells suppressed, pseudonyms.

Every incident field is sensitive, so the section never shows an incident's id, date, text or
neighbourhood: only counts of incidents (each under :data:`wijknet._wording.SMALL_CELL` shown as
"< 5"), shares and medians over at least that many incidents, and the roles and (pseudonymised)
stakeholders of the alliance.
"""

from __future__ import annotations

from html import escape
from typing import Any, Sequence

import pandas as pd

from . import _incidents
from ._wording import PROTECTING, SMALL_CELL, Wording, small_cells


def _count(words: Wording, n: int, protecting: bool = False) -> str:
    """A count as the section prints it: "< 5" under SMALL_CELL, PROTECTING when it is hidden only to protect
    a smaller one (it may hold 7 or 17: no range it is not in), else the number."""
    if 0 < n < SMALL_CELL:
        return f"&lt; {SMALL_CELL}"
    return PROTECTING if protecting else words.number(int(n), 0)


def _hidden(counts: pd.Series) -> set:
    """The groups not shown (wijknet._wording.small_cells): every count under SMALL_CELL, and when
    that is one group only, the smallest other non-zero one too (else it could be worked out from
    the total); _count prints the latter as PROTECTING."""
    small, protecting = small_cells(counts)
    return small | protecting


def _cells(words: Wording, counts: pd.Series) -> list[str]:
    """The printed counts of one column of a table, the small-cell rule applied to the column."""
    hidden = _hidden(counts)
    return [_count(words, int(n), k in hidden) for k, n in counts.items()]


def _noted(words: Wording, out: list[str]) -> str:
    """The section, with the footnote for PROTECTING when a table shows one."""
    body = "".join(out)
    if f"<td>{PROTECTING}</td>" in body:
        body += _p(words.protecting_note())
    return body + "</section>"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class=""><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _p(*sentences: str) -> str:
    return "<p>" + " ".join(escape(s) for s in sentences if s) + "</p>"


def incidents_section(alliance: Any, words: Wording, number: int, chain: Sequence[str] | None = None,
                      relations: Sequence[str] | None = None, wave: str | None = None) -> str:
    """The HTML section "Incidents in practice" of the report, or "" when the log is empty.

    Parameters
    ----------
    alliance : wijknet.Alliance
    words : Wording
        Language and (pseudonymised) names of the report.
    number : int
        The section's number in the report.
    chain : sequence of str, optional
        The chain the routes are compared with (default :data:`wijknet.DEFAULT_CHAIN`).
    relations : sequence of str, optional
        The ties that count as "on paper"; default as :func:`wijknet.paper_vs_practice` decides (referral when
        the alliance has referral ties, else every relation that has ties).
    wave : str, optional
        Only the incidents of this wave (an incident belongs to the last wave dated on or before its report);
        every incident when None or "".

    Examples
    --------
    >>> import wijknet
    >>> from wijknet._wording import Wording
    >>> a = wijknet.load_example()
    >>> html = incidents_section(a, Wording(a, "nl"), 9)
    >>> html.startswith('<section id="incidents">')
    True
    """
    if not alliance.num_incidents:
        return ""
    nl = words.lang == "nl"
    chain = list(chain or _incidents.DEFAULT_CHAIN)
    relations = _incidents.paper_relations(alliance, relations)
    waves = [wave] if wave else None
    routes = _incidents._routes(alliance, _incidents._selection(waves, None, None, None), chain)
    total = len(routes)
    title = "Meldingen in de praktijk" if nl else "Incidents in practice"
    out = [f'<section id="incidents"><h2>{number}. {escape(title)}</h2>']
    if not total:
        out.append(_p(f"In meting {words.wave(wave)} zijn geen meldingen vastgelegd." if nl else
                      f"No incidents are recorded in wave {words.wave(wave)}."))
        return "".join(out) + "</section>"
    if total < SMALL_CELL:
        out.append(_p(f"Er zijn minder dan {SMALL_CELL} meldingen vastgelegd; om wie het gaat niet herkenbaar te "
                      "maken, laat dit rapport ze niet zien." if nl else
                      f"Fewer than {SMALL_CELL} incidents are recorded; so as not to make anyone recognisable, this "
                      "report does not show them."))
        return "".join(out) + "</section>"
    where = (f" in meting {words.wave(wave)}" if nl else f" in wave {words.wave(wave)}") if wave else ""
    out.append(_p(f"De meldingenlog bevat{where} {words.plural(total, 'melding', 'meldingen')}. Meldingen zijn gevoelig: "
                  f"dit rapport toont alleen aantallen, groepen van minder dan {SMALL_CELL} meldingen niet." if nl else
                  f"The incident log holds {words.plural(total, 'incident', 'incidents')}{where}. Incidents are "
                  f"sensitive: this report shows counts only, and no group of fewer than {SMALL_CELL} incidents."))

    # per category: how many, how fast
    counts = routes.groupby("category").size()
    hidden = _hidden(counts)
    rows = []
    for category, n in counts.sort_values(ascending=False).items():
        group = routes[routes["category"] == category]
        shown = category not in hidden
        first = group["first_action_hours"].dropna()
        closed = group["closure_hours"].dropna()
        rows.append([escape(_incidents.category_label(alliance, category, words.lang)),
                     _count(words, int(n), not shown),
                     escape(_incidents._hours(words, first.median())) if shown and len(first) >= SMALL_CELL else "–",
                     escape(_incidents._hours(words, closed.median())) if shown and len(closed) >= SMALL_CELL else "–"])
    out.append(_table(["soort" if nl else "category", "meldingen" if nl else "incidents",
                       "mediaan tot eerste actie" if nl else "median to first action",
                       "mediaan tot afsluiten" if nl else "median to closure"], rows))

    # paper vs practice
    p = _incidents.paper_vs_practice(alliance, list(relations), chain, waves=waves, lang=words.lang,
                                     show_names=words.show_names)
    sentences = []
    n_handoffs = int(p.pairs["handoffs"].sum()) if len(p.pairs) else 0
    if n_handoffs >= SMALL_CELL:
        rel = words.join(words.relation(r) for r in relations)
        sentences.append(f"Van de doorverwijzingen liep {words.percent(p.along_share)} langs een relatie die de "
                         f"alliantie op papier heeft ({rel})." if nl else
                         f"Of the handoffs, {words.percent(p.along_share)} went along a tie the alliance has on paper "
                         f"({rel}).")
    off = p.pairs[~p.pairs["along_tie"].astype(bool)] if len(p.pairs) else p.pairs
    for row in off[off["incidents"] >= SMALL_CELL].itertuples():
        sentences.append(f"{words.name(row.source)} verwees {words.number(int(row.incidents), 0)} meldingen door naar "
                         f"{words.name(row.target)}, zonder relatie op papier." if nl else
                         f"{words.name(row.source)} passed {words.number(int(row.incidents), 0)} incidents to "
                         f"{words.name(row.target)} without a tie on paper.")
    if len(p.unused_ties):
        sentences.append(f"{words.plural(len(p.unused_ties), 'relatie', 'relaties')} op papier "
                         f"{'werd' if len(p.unused_ties) == 1 else 'werden'} voor geen enkele melding gebruikt." if nl
                         else f"{words.plural(len(p.unused_ties), 'tie', 'ties')} on paper "
                         f"{'was' if len(p.unused_ties) == 1 else 'were'} not used for any incident.")
    out.append(_p(*sentences))
    route_counts = p.routes
    hidden_routes = _hidden(route_counts)
    chain_text = " → ".join(words.role(r) for r in chain)
    labels = {"fully": ("helemaal", "fully"), "partly": ("gedeeltelijk", "partly"), "not at all": ("niet", "not at all")}
    rows = [[escape(labels[k][0 if nl else 1]), _count(words, int(n), k in hidden_routes)]
            for k, n in route_counts.items()]
    out.append(_p(f"Volgt de route van een melding de keten {chain_text}?" if nl else
                  f"Does an incident's route follow the chain {chain_text}?"))
    out.append(_table(["keten gevolgd" if nl else "chain followed", "meldingen" if nl else "incidents"], rows))

    # roles in practice
    r = _incidents.incident_roles(alliance, waves=waves, lang=words.lang, show_names=words.show_names)
    shown_roles = r.roles[r.roles["handled"] > 0].sort_values("handled", ascending=False)
    columns = [_cells(words, shown_roles[c]) for c in ("handled", "received", "referred", "acted", "closed")]
    role_rows = [[escape(words.role(role))] + [column[i] for column in columns]
                 for i, role in enumerate(shown_roles.index)]
    out.append(_table(["rol" if nl else "role", "meldingen" if nl else "incidents", "ontvangen" if nl else "received",
                       "doorverwezen" if nl else "referred", "opgepakt" if nl else "acted",
                       "afgesloten" if nl else "closed"], role_rows))
    notes = []
    for role in r.absent_roles:
        notes.append(f"De rol {words.role(role)} komt in de afhandeling van geen enkele melding voor." if nl
                     else f"The role {words.role(role)} appears in the handling of no incident.")
    for sid in r.alone:
        alone = r.stakeholders.loc[sid, "alone"]
        if alone >= SMALL_CELL and total - alone >= SMALL_CELL:  # the rest of the total is no small cell either
            notes.append(f"{words.name(sid)} handelt {words.percent(r.stakeholders.loc[sid, 'alone_share'])} van de "
                         f"meldingen alleen af: een kwetsbaar punt in de praktijk." if nl else
                         f"{words.name(sid)} handles {words.percent(r.stakeholders.loc[sid, 'alone_share'])} of the "
                         f"incidents alone: a single point of failure in practice.")
    if notes:
        out.append(_p(*notes))
    return _noted(words, out)
