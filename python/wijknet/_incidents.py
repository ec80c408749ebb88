"""The incident log (meldingen): tables and the analyses of how incidents are picked up.

The kernels are C++ (``wijknet/diagnostics/incidents.hpp``); this module turns their counts and
times into pandas objects keyed by stakeholder id, role or category, with one sentence per
finding in English or Dutch (``lang=``), persons under pseudonyms unless ``show_names=True``.

Every incident field is sensitive: :meth:`Alliance.incidents` and :meth:`Alliance.incident_steps`
need ``include_sensitive=True``; the analyses return counts, shares and times, never an
incident's id, text or date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd

from . import _core
from ._diagnostics import chain_relation
from ._keywords import checked
from ._wording import Wording

__all__ = ["DEFAULT_CHAIN", "IncidentRoles", "IncidentTimes", "PaperPractice", "handoff_network", "handoffs",
           "incident_change", "incident_roles", "incident_times", "paper_vs_practice"]

#: The referral chain of *Samen in de Wijk* the route analysis compares with by default.
DEFAULT_CHAIN = ("bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent")

_NL_KINDS = {"receive": "ontvangen", "refer": "doorverwijzen", "act": "oppakken", "inform": "informeren",
             "close": "afsluiten"}


def _strings(values: Iterable[str] | str | None) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    return [str(v) for v in values]


def paper_relations(alliance: Any, relations: Iterable[str] | str | None) -> list[str]:
    """The relations whose ties count as "on paper": those named; by default referral when the
    alliance has referral ties, else every relation that has ties (as :func:`wijknet.chain_routes`
    decides, so a log of an alliance whose survey did not ask about referral is not held against
    referral ties that were never measured)."""
    if relations is not None:
        return _strings(relations)
    relation, _ = chain_relation(alliance)
    if relation:
        return [relation]
    measured = set(alliance.ties()["relation"])
    return [r["key"] for r in alliance.relations if r["key"] in measured]


def _selection(waves, start, end, categories) -> tuple:
    return _strings(waves), str(start or ""), str(end or ""), _strings(categories)


def require_sensitive(include_sensitive: bool, what: str) -> None:
    """Raise unless the caller asked for sensitive data by name."""
    if not include_sensitive:
        raise _core.InvalidValueError(
            f"{what} are sensitive (every incident field is); pass include_sensitive=True to get them")


def incident_table(alliance: Any, include_sensitive: bool = False) -> pd.DataFrame:
    """The incidents as a DataFrame indexed by id (reported, category, neighbourhood, description, attributes).

    Needs ``include_sensitive=True``: every incident field is sensitive.
    """
    require_sensitive(include_sensitive, "incident records")
    frame = pd.DataFrame(alliance._incident_columns()).set_index("id")
    frame.attrs["sensitive"] = list(frame.columns)
    return frame


def incident_step_table(alliance: Any, include_sensitive: bool = False) -> pd.DataFrame:
    """The handling steps as a DataFrame: incident, step (1-based), stakeholder, action, to, time, note.

    Needs ``include_sensitive=True``: every incident field is sensitive.
    """
    require_sensitive(include_sensitive, "incident steps")
    frame = pd.DataFrame(alliance._incident_step_columns(),
                         columns=["incident", "step", "stakeholder", "action", "to", "time", "note"])
    frame.attrs["sensitive"] = list(frame.columns)
    return frame


# ------------------------------------------------------------------------------ wording

def _label(entries: Iterable[Any], key: str, lang: str) -> str:
    if lang == "nl":
        return key.replace("_", " ")
    return next((e["label"] for e in entries if e["key"] == key), key)


def category_label(alliance: Any, key: str, lang: str) -> str:
    """A category in the language: the Dutch key or the English label."""
    return _label(alliance.incident_categories, key, lang)


def action_label(alliance: Any, key: str, lang: str) -> str:
    """An action in the language: the Dutch key or the English label."""
    return _label(alliance.incident_actions, key, lang)


def _hours(w: Wording, hours: float) -> str:
    if hours is None or np.isnan(hours):
        return "–"
    if hours >= 48:
        days = hours / 24
        return f"{w.number(days, 1)} {'dagen' if w.lang == 'nl' else 'days'}"
    return f"{w.number(hours, 1)} {'uur' if w.lang == 'nl' else 'hours'}"


# ------------------------------------------------------------------------------ handoffs

@checked
def handoff_network(alliance: Any, waves: Iterable[str] | str | None = None, start: str | None = None,
                    end: str | None = None, categories: Iterable[str] | str | None = None,
                    relation: str = "handoff") -> Any:
    """The observed handoff network as an alliance every measure and diagnostic accepts.

    A copy of ``alliance`` with a directed relation ``relation`` whose tie A -> B in a wave has as
    weight the number of incidents of that wave A passed to B (an incident passed twice counts
    once). An incident belongs to the last wave whose date is on or before its report.

    Parameters
    ----------
    alliance : wijknet.Alliance
    waves : str or list of str, optional
        Only incidents of these waves.
    start, end : str, optional
        Only incidents reported from ``start`` up to and including ``end`` (ISO dates).
    categories : str or list of str, optional
        Only incidents of these categories (key or English label).
    relation : str, default "handoff"
        The key of the new relation.

    Returns
    -------
    wijknet.Alliance

    Examples
    --------
    >>> import wijknet
    >>> h = wijknet.handoff_network(wijknet.load_example())
    >>> ties = h.ties()
    >>> int(ties[ties["relation"] == "handoff"]["weight"].sum()) > 0
    True
    """
    from ._alliance import Alliance

    out = Alliance()
    _core._handoff_alliance(out, alliance, *_selection(waves, start, end, categories), relation)
    return out


@checked
def handoffs(alliance: Any, relations: Iterable[str] | str | None = ("referral",),
             waves: Iterable[str] | str | None = None, start: str | None = None, end: str | None = None,
             categories: Iterable[str] | str | None = None) -> pd.DataFrame:
    """Who passed incidents to whom: one row per source, target and wave.

    Parameters
    ----------
    alliance : Alliance
    relations : str, list of str or None, default ("referral",)
        The ties a handoff is checked against (``along_tie``); None: every relation.
    waves : str or list of str, optional
        Only incidents of these waves (an incident belongs to the last wave dated on or before its report).
    start, end : str, optional
        Only incidents reported from ``start`` up to and including ``end`` (ISO dates).
    categories : str or list of str, optional
        Only incidents of these categories (key or English label).

    Returns
    -------
    pandas.DataFrame
        Columns ``source``, ``target`` (stakeholder ids), ``wave``, ``incidents`` (distinct incidents passed),
        ``handoffs`` (steps), ``along_tie`` (the wave holds a tie source -> target of one of ``relations``) and
        ``median_waiting_hours`` (from the handoff to the target's next step).

    Notes
    -----
    The incident log is sensitive, but this table holds only stakeholder ids and counts: no incident id, date,
    category or description leaves the library.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> h = wijknet.handoffs(alliance)
    >>> h.sort_values("incidents", ascending=False, kind="stable")[["source", "target", "wave", "incidents"]].head(3)
                         source                target wave  incidents
    1  buurtpreventie_vogelwijk  wijkagent_kwikstaart   T0          6
    0  buurtpreventie_vogelwijk        coc_rivierstad   T1          5
    2            coc_rivierstad   opbouwwerker_grutto   T0          5
    """
    raw = pd.DataFrame(_core._incident_handoffs(alliance, *_selection(waves, start, end, categories),
                                                _strings(relations)))
    columns = ["source", "target", "wave", "incidents", "handoffs", "along_tie", "median_waiting_hours"]
    if raw.empty:
        return pd.DataFrame(columns=columns)
    raw["wave"] = raw["wave"].fillna("")
    grouped = raw.groupby(["source", "target", "wave"], sort=True)
    out = grouped.agg(incidents=("incident", "nunique"), handoffs=("step", "size"), along_tie=("along_tie", "any"),
                      median_waiting_hours=("waiting_hours", "median")).reset_index()
    return out[columns]


# ------------------------------------------------------------------------------ paper vs practice

@dataclass
class PaperPractice:
    """The alliance on paper (its ties) against the alliance in practice (the incident log); returned by :func:`paper_vs_practice`.

    Attributes
    ----------
    pairs : pandas.DataFrame
        Handoff pairs, as :func:`handoffs` gives them.
    unused_ties : pandas.DataFrame
        Ties of the chosen relations (``source``, ``target``, ``relation``, ``wave``) along which no incident of that
        wave was passed (either way for an undirected relation).
    routes : pandas.Series
        Incidents whose route follows the chain ``fully``, ``partly`` or ``not at all``, indexed by those words.
    along_share : float
        The share of the handoffs made along a tie.
    sentences : list of str
        The comparison in plain language; ``str()`` joins them.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> p = wijknet.paper_vs_practice(alliance)
    >>> p.routes
    fully         10
    partly         6
    not at all    22
    Name: incidents, dtype: int64
    >>> round(p.along_share, 3), len(p.unused_ties)
    (0.904, 18)
    """

    pairs: pd.DataFrame
    unused_ties: pd.DataFrame
    routes: pd.Series
    along_share: float
    sentences: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(self.sentences)


def _route_class(matched: int, length: int) -> str:
    if length and matched >= length:
        return "fully"
    return "partly" if matched >= 2 else "not at all"


@checked
def paper_vs_practice(alliance: Any, relations: Iterable[str] | str | None = None,
                      chain: Sequence[str] = DEFAULT_CHAIN, waves: Iterable[str] | str | None = None,
                      start: str | None = None, end: str | None = None,
                      categories: Iterable[str] | str | None = None, lang: str = "en",
                      show_names: bool = False) -> PaperPractice:
    """Whether incidents travel along the ties the alliance has on paper, and along its chain.

    A handoff (an action of kind ``refer``) is *along a tie* when the incident's wave holds a tie
    source -> target of one of ``relations``. A tie is *unused* when no selected incident of its
    wave was passed along it. A route (the first stakeholder acting, then each one passed to)
    follows ``chain`` *fully* when it passes stakeholders holding every chain role in order,
    *partly* when it passes at least two consecutive chain roles in order, else *not at all*.

    Parameters
    ----------
    alliance : wijknet.Alliance
    relations : str or list of str, optional
        The ties that count as "on paper"; default referral when the alliance has referral ties, else every
        relation that has ties.
    chain : sequence of str
        Role keys or labels, in order; default bewonersinitiatief, lhbti_organisatie,
        welzijnswerk, wijkagent.
    waves, start, end, categories
        Which incidents (see :func:`handoff_network`).
    lang : {"en", "nl"}
    show_names : bool, default False

    Returns
    -------
    PaperPractice

    Examples
    --------
    >>> import wijknet
    >>> p = wijknet.paper_vs_practice(wijknet.load_example(), lang="nl")
    >>> sorted(p.routes.index)
    ['fully', 'not at all', 'partly']
    """
    w = Wording(alliance, lang, show_names)
    selection = _selection(waves, start, end, categories)
    relations = paper_relations(alliance, relations)
    pairs = handoffs(alliance, relations, waves, start, end, categories)
    ties = alliance.ties()
    ties = ties[ties["relation"].isin(relations)]
    if selection[0]:
        ties = ties[ties["wave"].isin(selection[0])]
    else:
        # only waves that have incidents: a tie in a wave without any incident is not "unused"
        used_waves = set(pd.Series(_core._incident_waves(alliance), dtype=object).dropna())
        ties = ties[ties["wave"].isin(used_waves)]
    undirected = {r["key"] for r in alliance.relations if not r["directed"]}
    passed = set(zip(pairs["source"], pairs["target"], pairs["wave"]))

    def used(row) -> bool:
        if (row.source, row.target, row.wave) in passed:
            return True
        return row.relation in undirected and (row.target, row.source, row.wave) in passed

    # A boolean Series, not a list: an empty list would select columns instead of rows.
    unused_mask = pd.Series([not used(r) for r in ties.itertuples()], index=ties.index, dtype=bool)
    unused = ties.loc[unused_mask, ["source", "target", "relation", "wave"]]
    unused = unused.reset_index(drop=True)
    routes_raw = pd.DataFrame(_core._incident_routes(alliance, *selection, list(chain)))
    classes = [_route_class(m, len(chain)) for m in routes_raw.get("chain_matched", [])]
    routes = pd.Series(classes, dtype=object).value_counts().reindex(["fully", "partly", "not at all"], fill_value=0)
    routes.name = "incidents"
    total = int(pairs["handoffs"].sum()) if len(pairs) else 0
    along = int(pairs.loc[pairs["along_tie"].astype(bool), "handoffs"].sum()) if len(pairs) else 0
    share = along / total if total else float("nan")
    result = PaperPractice(pairs, unused, routes, share)
    result.sentences = _paper_sentences(w, alliance, result, relations, chain, total)
    return result


def _paper_sentences(w: Wording, alliance: Any, p: PaperPractice, relations, chain, total: int) -> list[str]:
    nl = w.lang == "nl"
    rel = w.join(w.relation(r) for r in relations)
    out = []
    if total:
        off = p.pairs[~p.pairs["along_tie"].astype(bool)]
        out.append(f"Van de {w.plural(total, 'doorverwijzing', 'doorverwijzingen')} van meldingen liep "
                   f"{w.percent(p.along_share)} langs een bestaande relatie ({rel})." if nl else
                   f"Of {w.plural(total, 'handoff', 'handoffs')} of incidents, {w.percent(p.along_share)} went "
                   f"along an existing tie ({rel}).")
        if len(off):
            top = off.sort_values(["incidents", "source", "target"], ascending=[False, True, True]).iloc[0]
            out.append(f"Buiten de relaties om: {w.name(top.source)} verwees "
                       f"{w.plural(int(top.incidents), 'melding', 'meldingen')} door naar {w.name(top.target)} "
                       f"zonder dat daar een relatie voor bestaat." if nl else
                       f"Off paper: {w.name(top.source)} passed {w.plural(int(top.incidents), 'incident', 'incidents')}"
                       f" to {w.name(top.target)} without a tie between them.")
    else:
        out.append("Er zijn geen doorverwijzingen van meldingen vastgelegd." if nl
                   else "No handoffs of incidents are recorded.")
    if len(p.unused_ties):
        named = [f"{w.name(r.source)} → {w.name(r.target)} ({w.relation(r.relation)}, {w.wave(r.wave)})"
                 for r in p.unused_ties.head(3).itertuples()]
        more = len(p.unused_ties) - len(named)
        tail = (f" en {w.plural(more, 'andere', 'andere')}" if nl else f" and {w.number(more, 0)} more") if more else ""
        out.append(f"{w.plural(len(p.unused_ties), 'relatie', 'relaties')} op papier "
                   f"{'is' if len(p.unused_ties) == 1 else 'zijn'} voor geen enkele melding gebruikt: "
                   f"{'; '.join(named)}{tail}." if nl else
                   f"{w.plural(len(p.unused_ties), 'tie', 'ties')} on paper "
                   f"{'was' if len(p.unused_ties) == 1 else 'were'} not used for any incident: "
                   f"{'; '.join(named)}{tail}.")
    n = int(p.routes.sum())
    if n:
        chain_text = " → ".join(w.role(r) for r in chain)
        out.append(f"Van {w.plural(n, 'melding', 'meldingen')} volgde {w.number(int(p.routes['fully']), 0)} de keten "
                   f"{chain_text} helemaal, {w.number(int(p.routes['partly']), 0)} gedeeltelijk en "
                   f"{w.number(int(p.routes['not at all']), 0)} niet." if nl else
                   f"Of {w.plural(n, 'incident', 'incidents')}, {w.number(int(p.routes['fully']), 0)} followed the "
                   f"chain {chain_text} fully, {w.number(int(p.routes['partly']), 0)} partly and "
                   f"{w.number(int(p.routes['not at all']), 0)} not at all.")
    return out


# ------------------------------------------------------------------------------ times

@dataclass
class IncidentTimes:
    """How fast incidents are picked up and closed, in hours; returned by :func:`incident_times`.

    Attributes
    ----------
    by_category : pandas.DataFrame
        Indexed by category key: ``incidents``, ``open``, and the median, first and third quartile of the hours to the
        first action (``first_action_median``, ``first_action_q1``, ``first_action_q3``) and to closure
        (``closure_*``, closed incidents only).
    by_role : pandas.DataFrame
        The same per role on the route: an incident counts for every role some stakeholder on its route holds.
    waiting : pandas.DataFrame
        Per handoff pair (``source``, ``target``): ``handoffs``, the median and quartiles of the hours until the
        target's next step, and ``never_acted`` (handoffs after which the target took no step).
    stalls : pandas.DataFrame
        Open incidents by their last step: ``last_action``, ``role`` (of the stakeholder who took it; several roles
        joined with ``|``) and ``open_incidents``, most first.
    sentences : list of str
        The findings in plain language; ``str()`` joins them.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> t = wijknet.incident_times(alliance)
    >>> t.by_category[["incidents", "open", "first_action_median"]]
                   incidents  open  first_action_median
    category                                           
    discriminatie          7     0               41.500
    geweld                 1     0                3.250
    intimidatie           16     0               32.250
    overig                 2     0               44.250
    uitsluiting            5     3               43.875
    vernieling             7     0               16.250
    """

    by_category: pd.DataFrame
    by_role: pd.DataFrame
    waiting: pd.DataFrame
    stalls: pd.DataFrame
    sentences: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(self.sentences)


def _quartiles(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    def q(p):
        return lambda s: s.dropna().quantile(p) if s.notna().any() else np.nan

    out = frame.groupby(by, sort=True).agg(
        incidents=("incident", "size"), open=("open", "sum"),
        first_action_median=("first_action_hours", q(0.5)),
        first_action_q1=("first_action_hours", q(0.25)),
        first_action_q3=("first_action_hours", q(0.75)),
        closure_median=("closure_hours", q(0.5)),
        closure_q1=("closure_hours", q(0.25)),
        closure_q3=("closure_hours", q(0.75)))
    out["open"] = out["open"].astype(int)
    return out


def _routes(alliance, selection, chain=()) -> pd.DataFrame:
    columns = ["incident", "category", "wave", "first_action_hours", "closure_hours", "open", "handoffs", "route",
               "chain_matched", "last_stakeholder", "last_action"]
    raw = _core._incident_routes(alliance, *selection, list(chain))
    frame = pd.DataFrame(raw, columns=columns)
    frame["first_action_hours"] = frame["first_action_hours"].astype(float)
    frame["closure_hours"] = frame["closure_hours"].astype(float)
    return frame


@checked
def incident_times(alliance: Any, waves: Iterable[str] | str | None = None, start: str | None = None,
                   end: str | None = None, categories: Iterable[str] | str | None = None, lang: str = "en",
                   show_names: bool = False) -> IncidentTimes:
    """Time to first action and to closure, waiting per handoff, and where open incidents stall.

    Times are hours from the report (first action: the first step whose action is of kind ``act``;
    closure: the first of kind ``close``). Medians and quartiles use linear interpolation
    (``pandas.Series.quantile``); an incident without such a step is left out of that figure.

    Parameters
    ----------
    alliance : wijknet.Alliance
    waves, start, end, categories
        Which incidents (see :func:`handoff_network`).
    lang : {"en", "nl"}
    show_names : bool, default False

    Returns
    -------
    IncidentTimes

    Examples
    --------
    >>> import wijknet
    >>> t = wijknet.incident_times(wijknet.load_example())
    >>> "first_action_median" in t.by_category.columns
    True
    """
    w = Wording(alliance, lang, show_names)
    selection = _selection(waves, start, end, categories)
    routes = _routes(alliance, selection)
    roles_of = {sid: list(r) for sid, r in alliance.stakeholders()["roles"].items()}
    by_category = _quartiles(routes, "category")
    role_lists = [sorted({r for s in route for r in roles_of.get(s, [])}) for route in routes["route"]]
    exploded = routes.assign(role=pd.Series(role_lists, index=routes.index, dtype=object))
    exploded = exploded.explode("role").dropna(subset=["role"])
    by_role = _quartiles(exploded, "role")
    raw = pd.DataFrame(_core._incident_handoffs(alliance, *selection, []))
    if len(raw):
        g = raw.groupby(["source", "target"], sort=True)["waiting_hours"]
        waiting = pd.DataFrame({
            "handoffs": g.size(),
            "median_hours": g.median(),
            "q1_hours": g.quantile(0.25),
            "q3_hours": g.quantile(0.75),
            "never_acted": g.apply(lambda s: int(s.isna().sum())),
        }).reset_index()
    else:
        waiting = pd.DataFrame(columns=["source", "target", "handoffs", "median_hours", "q1_hours", "q3_hours",
                                        "never_acted"])
    open_routes = routes[routes["open"] & routes["last_action"].notna()]
    if len(open_routes):
        stalls = (open_routes.assign(role=["|".join(roles_of.get(s, [])) for s in open_routes["last_stakeholder"]])
                  .groupby(["last_action", "role"]).size().rename("open_incidents").reset_index()
                  .sort_values(["open_incidents", "last_action", "role"], ascending=[False, True, True])
                  .reset_index(drop=True))
    else:
        stalls = pd.DataFrame(columns=["last_action", "role", "open_incidents"])
    result = IncidentTimes(by_category, by_role, waiting, stalls)
    result.sentences = _time_sentences(w, alliance, result, routes)
    return result


def _time_sentences(w: Wording, alliance: Any, t: IncidentTimes, routes: pd.DataFrame) -> list[str]:
    nl = w.lang == "nl"
    out = []
    if not len(routes):
        return ["Er zijn geen meldingen vastgelegd." if nl else "No incidents are recorded."]
    first = routes["first_action_hours"].dropna()
    closed = routes["closure_hours"].dropna()
    if len(first):
        out.append(f"Na een melding duurde het tot de eerste actie meestal {_hours(w, first.median())} "
                   f"(de helft tussen {_hours(w, first.quantile(0.25))} en {_hours(w, first.quantile(0.75))})." if nl
                   else f"From report to first action took a median of {_hours(w, first.median())} (half between "
                   f"{_hours(w, first.quantile(0.25))} and {_hours(w, first.quantile(0.75))}).")
    if len(closed):
        out.append(f"Afsluiten duurde meestal {_hours(w, closed.median())}." if nl
                   else f"Closure took a median of {_hours(w, closed.median())}.")
    slow = t.by_category.dropna(subset=["first_action_median"])
    if len(slow) > 1:
        row = slow.sort_values("first_action_median", ascending=False).iloc[0]
        label = category_label(alliance, row.name, w.lang)
        out.append(f"Het traagst opgepakt: {label} (mediaan {_hours(w, row.first_action_median)})." if nl
                   else f"Slowest to be picked up: {label} (median {_hours(w, row.first_action_median)}).")
    n_open = int(routes["open"].sum())
    if n_open and len(t.stalls):
        top = t.stalls.iloc[0]
        roles = " / ".join(w.role(r) for r in str(top.role).split("|") if r) or "?"
        action = action_label(alliance, top.last_action, w.lang)
        out.append(f"{w.plural(n_open, 'melding staat', 'meldingen staan')} nog open; de meeste "
                   f"({w.number(int(top.open_incidents), 0)}) blijven liggen na '{action}' door {roles}." if nl else
                   f"{w.plural(n_open, 'incident is', 'incidents are')} still open; most "
                   f"({w.number(int(top.open_incidents), 0)}) stall after '{action}' by {roles}.")
    return out


# ------------------------------------------------------------------------------ roles in practice

@dataclass
class IncidentRoles:
    """Who receives, passes on, acts and closes in practice; returned by :func:`incident_roles`.

    Attributes
    ----------
    stakeholders : pandas.DataFrame
        Indexed by stakeholder id: steps by kind (``received``, ``referred``, ``acted``, ``informed``, ``closed``),
        ``passed_to``, ``handled`` (incidents), ``alone`` (incidents nobody else touched) and ``alone_share`` (alone /
        all selected incidents).
    roles : pandas.DataFrame
        The same summed per role (a stakeholder with two roles counts for both).
    absent_roles : list of str
        Roles of the template no holder of which appears in any handling.
    alone : list of str
        Stakeholders handling at least ``alone_share`` of all incidents alone: a single point of failure in practice.
    sentences : list of str
        The findings in plain language; ``str()`` joins them.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> r = wijknet.incident_roles(alliance)
    >>> r.roles[["received", "referred", "closed"]].head(3)
                        received  referred  closed
    role                                          
    bewoner                    0         0       0
    bewonersinitiatief        16        16       0
    gemeente                   0         0       0
    >>> r.absent_roles
    ['gemeente', 'antidiscriminatievoorziening']
    """

    stakeholders: pd.DataFrame
    roles: pd.DataFrame
    absent_roles: list
    alone: list
    sentences: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(self.sentences)


_ACTIVITY = ["received", "referred", "acted", "informed", "closed", "passed_to", "handled", "alone"]


@checked
def incident_roles(alliance: Any, template: str = "samen_in_de_wijk", alone_share: float = 0.2,
                   waves: Iterable[str] | str | None = None, start: str | None = None, end: str | None = None,
                   categories: Iterable[str] | str | None = None, lang: str = "en",
                   show_names: bool = False) -> IncidentRoles:
    """Roles in practice: which roles receive, pass on, act and close; which never appear.

    Parameters
    ----------
    alliance : wijknet.Alliance
    template : str, default "samen_in_de_wijk"
        The method template whose roles should appear in the handling.
    alone_share : float, default 0.2
        A stakeholder handling at least this share of all selected incidents with nobody else
        involved is reported as a single point of failure in practice.
    waves, start, end, categories
        Which incidents (see :func:`handoff_network`).
    lang : {"en", "nl"}
    show_names : bool, default False

    Returns
    -------
    IncidentRoles

    Examples
    --------
    >>> import wijknet
    >>> r = wijknet.incident_roles(wijknet.load_example())
    >>> list(r.stakeholders.columns)[:3]
    ['received', 'referred', 'acted']
    """
    w = Wording(alliance, lang, show_names)
    selection = _selection(waves, start, end, categories)
    frame = pd.DataFrame(_core._incident_activities(alliance, *selection)).set_index("id")
    total = len(_core._incident_routes(alliance, *selection, [])["incident"])
    frame["alone_share"] = frame["alone"] / total if total else 0.0
    roles_of = alliance.stakeholders()["roles"]
    per_role = (frame[_ACTIVITY].assign(role=roles_of.reindex(frame.index)).explode("role").dropna(subset=["role"])
                .groupby("role").sum())
    template_roles: list[str] = []
    for t in alliance.templates if template else []:
        if t["key"] == template:
            template_roles = list(t["required"]) + list(t["recommended"])
    if template and not any(t["key"] == template for t in alliance.templates):
        raise _core.UnknownIdError(f"unknown method template '{template}'")
    active = set(per_role.index[per_role["handled"] > 0])
    absent = [r for r in template_roles if r not in active]
    alone = list(frame.index[(frame["alone_share"] >= alone_share) & (frame["alone"] > 0)])
    result = IncidentRoles(frame, per_role, absent, alone)
    result.sentences = _role_sentences(w, result, total)
    return result


def _role_sentences(w: Wording, r: IncidentRoles, total: int) -> list[str]:
    nl = w.lang == "nl"
    out = []
    if not total:
        return ["Er zijn geen meldingen vastgelegd." if nl else "No incidents are recorded."]
    for column, nl_verb, en_verb in (("received", "ontvangt", "receive"), ("referred", "verwijst door", "pass on"),
                                     ("acted", "pakt op", "act"), ("closed", "sluit af", "close")):
        if not len(r.roles) or r.roles[column].max() == 0:
            continue
        role = r.roles[column].idxmax()
        out.append(f"Meestal {nl_verb}: {w.role(role)} ({w.number(int(r.roles.loc[role, column]), 0)} keer)." if nl
                   else f"Most often {en_verb}: {w.role(role)} ({w.number(int(r.roles.loc[role, column]), 0)} times).")
    for role in r.absent_roles:
        out.append(f"De rol {w.role(role)} komt in de afhandeling van geen enkele melding voor." if nl
                   else f"The role {w.role(role)} appears in the handling of no incident.")
    for sid in r.alone:
        share = r.stakeholders.loc[sid, "alone_share"]
        out.append(f"{w.name(sid)} handelt {w.percent(share)} van alle meldingen alleen af: een kwetsbaar punt in "
                   f"de praktijk." if nl else
                   f"{w.name(sid)} handles {w.percent(share)} of all incidents alone: a single point of failure in "
                   f"practice.")
    return out


# ------------------------------------------------------------------------------ change between waves

@checked
def incident_change(alliance: Any, before: str, after: str, relations: Iterable[str] | str | None = None,
                    chain: Sequence[str] = DEFAULT_CHAIN, lang: str = "en") -> pd.DataFrame:
    """Key figures of the incident log in two waves, side by side.

    Parameters
    ----------
    alliance : Alliance
    before, after : str
        The two waves, the earlier one first.
    relations : str or list of str, optional
        The ties a handoff is checked against (``share_along_tie``); default as :func:`paper_vs_practice`.
    chain : list of str, default the chain bewonersinitiatief, lhbti_organisatie, welzijnswerk, wijkagent
        The chain the incidents' routes are held against (``share_chain_fully``).
    lang : {"en", "nl"}, default "en"

    Returns
    -------
    pandas.DataFrame
        Indexed by ``figure``: ``incidents``, ``handoffs``, ``share_along_tie``, ``share_chain_fully``,
        ``first_action_median_hours``, ``closure_median_hours``, ``open_incidents``, ``stakeholders_involved``;
        columns ``before``, ``after``, ``change`` (after − before) and ``label`` (in ``lang``).

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> c = wijknet.incident_change(alliance, "T0", "T1")
    >>> c[["before", "after", "change"]].round(2)
                               before  after  change
    figure                                          
    incidents                   24.00  14.00  -10.00
    handoffs                    28.00  24.00   -4.00
    share_along_tie              0.86   0.96    0.10
    share_chain_fully            0.21   0.36    0.15
    first_action_median_hours   34.50  22.75  -11.75
    closure_median_hours       176.75  92.00  -84.75
    open_incidents               3.00   0.00   -3.00
    stakeholders_involved        8.00   9.00    1.00
    """
    labels = {
        "incidents": ("incidents", "meldingen"),
        "handoffs": ("handoffs", "doorverwijzingen"),
        "share_along_tie": ("share of handoffs along a tie", "aandeel doorverwijzingen langs een relatie"),
        "share_chain_fully": ("share of incidents following the chain fully", "aandeel meldingen dat de keten volgt"),
        "first_action_median_hours": ("median hours to first action", "mediaan uren tot eerste actie"),
        "closure_median_hours": ("median hours to closure", "mediaan uren tot afsluiten"),
        "open_incidents": ("open incidents", "open meldingen"),
        "stakeholders_involved": ("stakeholders involved", "betrokken stakeholders"),
    }

    def figures(wave: str) -> dict[str, float]:
        sel = _selection([wave], None, None, None)
        routes = _routes(alliance, sel, chain)
        p = paper_vs_practice(alliance, relations, chain, waves=[wave])
        activity = pd.DataFrame(_core._incident_activities(alliance, *sel))
        n = len(routes)
        return {
            "incidents": n,
            "handoffs": int(routes["handoffs"].sum()) if n else 0,
            "share_along_tie": p.along_share,
            "share_chain_fully": float((routes["chain_matched"] >= len(chain)).mean()) if n else float("nan"),
            "first_action_median_hours": float(routes["first_action_hours"].median()) if n else float("nan"),
            "closure_median_hours": float(routes["closure_hours"].median()) if n else float("nan"),
            "open_incidents": int(routes["open"].sum()) if n else 0,
            "stakeholders_involved": int((activity["handled"] > 0).sum()),
        }

    a, b = figures(before), figures(after)
    frame = pd.DataFrame({"before": pd.Series(a, dtype=float), "after": pd.Series(b, dtype=float)})
    frame["change"] = frame["after"] - frame["before"]
    frame["label"] = [labels[k][1 if lang == "nl" else 0] for k in frame.index]
    frame.index.name = "figure"
    return frame
