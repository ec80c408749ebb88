"""What the Alle Kleuren method wants to know of its events: who they reached, which events
brought otherwise separate groups together, how the core group (kerngroep) is embedded, and
whether meeting at events went together with new ties.

Built on the two-mode network of :mod:`wijknet._twomode`; selection keywords (``waves``,
``start``, ``end``, ``themes``, ``events``, ``roles``, ``kinds``, ``participation_roles``) choose
the events and participants, as for :func:`wijknet.two_mode`. Sentences for people come in
English (``lang="en"``) or Dutch (``"nl"``), persons under pseudonyms unless ``show_names=True``.
docs/alle_kleuren.md explains each analysis for the people running the method.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

import numpy as np
import pandas as pd

from ._keywords import checked
from ._twomode import TWO_MODE_SELECTION
from . import _core
from ._twomode import two_mode
from ._wording import SMALL_CELL, Wording, small_cells

__all__ = ["bridging_events", "core_group", "cumulative_reach", "event_role_coverage", "meeting_and_ties",
           "theme_reach", "uncovered_themes"]


def _list(x: Any) -> list:
    if x is None:
        return []
    return [x] if isinstance(x, str) else list(x)


def _events_of(t: _core.TwoMode) -> list[list[int]]:
    """Participant positions per event position."""
    actor, event = t.pairs()
    out: list[list[int]] = [[] for _ in t.event_ids]
    for u, e in zip(actor, event):
        out[e].append(u)
    return out


def _all_events(alliance: _core.Alliance) -> dict[str, dict]:
    """Event records (id, name, date, themes, organisers) by id."""
    cols = alliance._event_columns()
    keys = ("id", "name", "date", "themes", "organisers")
    return {i: {k: cols[k][n] for k in keys} for n, i in enumerate(cols["id"])}


def _event_records(alliance: _core.Alliance, t: _core.TwoMode) -> list[dict]:
    events = _all_events(alliance)
    return [events[e] for e in t.event_ids]


#: The group of a sensitive attribute's values that fewer than SMALL_CELL of the stakeholders at hand hold each:
#: named, such a value would point at the one or two who hold it.
RARE_VALUES = "(rare values)"


def _groups_of(alliance: _core.Alliance, ids: Iterable[str], by: str) -> dict[str, list]:
    """Group labels per stakeholder: all its roles (by="role"), its kind, or an attribute's value; the values of
    a sensitive attribute held by fewer than SMALL_CELL of ``ids`` pooled as RARE_VALUES."""
    out = {}
    for i in ids:
        rec = alliance.stakeholder(i, include_sensitive=True)  # a sensitive `by` is used when named (docs)
        if by == "role":
            out[i] = list(rec["roles"])
        elif by == "kind":
            out[i] = [rec["kind"]]
        else:
            value = rec["attributes"].get(by)
            out[i] = [] if value is None else [value]
    if by not in ("role", "kind") and _is_sensitive(alliance, by):
        held = Counter(g for gs in out.values() for g in gs)
        out = {i: [g if held[g] >= SMALL_CELL else RARE_VALUES for g in gs] for i, gs in out.items()}
    return out


def _is_sensitive(alliance: _core.Alliance, by: str) -> bool:
    return by in alliance._stakeholder_columns()["__sensitive__"]


# ------------------------------------------------------------------------------- theme reach

@checked(selection=TWO_MODE_SELECTION)
def theme_reach(alliance: _core.Alliance, by: str | None = None, **selection) -> pd.DataFrame:
    """How many distinct stakeholders each theme reached.

    Parameters
    ----------
    alliance : wijknet.Alliance
    by : None, "role", "kind" or an attribute name
        None: one row per theme with ``events``, ``participations`` and ``stakeholders`` (distinct
        stakeholders at any event of the theme). Otherwise a theme x group table of distinct
        stakeholders (by role a stakeholder counts under each role it holds). A sensitive
        attribute is used only when named here, and then its cells below
        ``wijknet._wording.SMALL_CELL`` (5) are suppressed (shown as missing), with, in a theme
        where that is one cell only, the smallest other non-zero cell (else it could be worked out
        from the theme's total); values fewer than 5 of the stakeholders at the events hold are one
        column, ``"(rare values)"``, so that no value held by one or two is named.
    **selection
        As for :func:`wijknet.two_mode` (``themes`` included).

    Returns
    -------
    pandas.DataFrame
        Indexed by theme key, every theme of the taxonomy (themes no event covered have 0).

    Examples
    --------
    >>> import wijknet
    >>> r = wijknet.theme_reach(wijknet.load_example())
    >>> int(r.loc["ondernemerschap", "events"]), int(r.loc["ondernemerschap", "stakeholders"])
    (1, 11)
    """
    t = two_mode(alliance, **selection)
    per_event = _events_of(t)
    themes = [th["key"] for th in alliance.themes]
    reached: dict[str, set] = {k: set() for k in themes}
    events = dict.fromkeys(themes, 0)
    participations = dict.fromkeys(themes, 0)
    for e, rec in enumerate(_event_records(alliance, t)):
        for k in rec["themes"]:
            events[k] += 1
            participations[k] += len(per_event[e])
            reached[k].update(t.stakeholder_ids[u] for u in per_event[e])
    index = pd.Index(themes, name="theme")
    if by is None:
        return pd.DataFrame({"events": [events[k] for k in themes],
                             "participations": [participations[k] for k in themes],
                             "stakeholders": [len(reached[k]) for k in themes]}, index=index).astype("int64")
    groups = _groups_of(alliance, t.stakeholder_ids, by)
    labels = sorted({g for gs in groups.values() for g in gs}, key=str)
    table = pd.DataFrame(0, index=index, columns=pd.Index(labels, name=by), dtype="int64")
    for k in themes:
        for i in reached[k]:
            for g in groups[i]:
                table.loc[k, g] += 1
    if _is_sensitive(alliance, by):  # per theme, the small-cell rule of every table (secondary suppression too)
        hidden = [[g in small | protecting for g in table.columns] for small, protecting in map(
            small_cells, (table.loc[k] for k in table.index))]
        table = table.astype("float64").mask(np.array(hidden, dtype=bool).reshape(table.shape))
    return table


@checked(selection=TWO_MODE_SELECTION)
def uncovered_themes(alliance: _core.Alliance, **selection) -> list[str]:
    """The themes no selected event has covered.

    Parameters
    ----------
    alliance : Alliance
    **selection : two-mode

    Returns
    -------
    list of str
        Theme keys of the taxonomy (the six of the Alle Kleuren method, plus any added), in taxonomy order.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.uncovered_themes(alliance, waves="T1", end="2022-04-30")
    ['jongeren', 'sport']
    >>> wijknet.uncovered_themes(alliance)
    []
    """
    r = theme_reach(alliance, **selection)
    return [k for k in r.index if r.loc[k, "events"] == 0]


@checked(selection=TWO_MODE_SELECTION)
def cumulative_reach(alliance: _core.Alliance, **selection) -> pd.DataFrame:
    """Reach over the event dates: who came for the first time, who came back, how many were reached so far.

    Parameters
    ----------
    alliance : Alliance
    **selection : two-mode

    Returns
    -------
    pandas.DataFrame
        Indexed by event id, in date order (undated events last; events on one date in alliance order): ``date``,
        ``themes``, ``participants``, ``new`` (first event of theirs), ``returning`` (had been to an earlier event)
        and ``cumulative`` (distinct stakeholders reached so far).

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> r = wijknet.cumulative_reach(alliance)
    >>> r[["date", "participants", "new", "returning", "cumulative"]].head(4)
                                     date  participants  new  returning  cumulative
    event                                                                          
    ev01_aftrap                2021-10-23            16   16          0          16
    ev02_veilig_over_straat    2021-11-25            13    3         10          19
    ev03_mensenrechtendag      2021-12-10            12    2         10          21
    ev04_racisme_bespreekbaar  2022-02-17            13    0         13          21
    """
    t = two_mode(alliance, **selection)
    per_event = _events_of(t)
    records = _event_records(alliance, t)
    order = sorted(range(len(records)), key=lambda e: (records[e]["date"] == "", records[e]["date"], e))
    seen: set = set()
    rows = []
    for e in order:
        people = per_event[e]
        new = [u for u in people if u not in seen]
        seen.update(people)
        rows.append({"event": t.event_ids[e], "date": records[e]["date"], "themes": list(records[e]["themes"]),
                     "participants": len(people), "new": len(new), "returning": len(people) - len(new),
                     "cumulative": len(seen)})
    frame = pd.DataFrame(rows, columns=["event", "date", "themes", "participants", "new", "returning",
                                        "cumulative"]).set_index("event")
    for c in ("participants", "new", "returning", "cumulative"):
        frame[c] = frame[c].astype("int64")
    return frame


# --------------------------------------------------------------------------- bridging events

def _tied_pairs(alliance: _core.Alliance, relations: list, waves: list) -> set:
    s = _core.Snapshot(alliance, relations=relations or None, waves=waves or None, symmetrize=True)
    sources, targets, _ = s.edges()
    return {frozenset((a, b)) for a, b in zip(sources, targets)}


def _fragmentation(n: int, sizes: Iterable[int]) -> float:
    """Borgatti (2006): 1 − Σ s_k (s_k − 1) / (n (n − 1)); 0 for n < 2."""
    if n < 2:
        return 0.0
    return 1.0 - sum(s * (s - 1) for s in sizes) / (n * (n - 1))


def _component_sizes(n: int, per_event: list[list[int]], skip: int = -1) -> list[int]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for e, people in enumerate(per_event):
        if e == skip:
            continue
        for u in people[1:]:
            a, b = find(people[0]), find(u)
            if a != b:
                parent[a] = b
    sizes: dict[int, int] = {}
    for x in range(n):
        r = find(x)
        sizes[r] = sizes.get(r, 0) + 1
    return list(sizes.values())


def _group_label(words: Wording, by: str, g: Any) -> str:
    if by == "role":
        return words.role(g)
    if by == "kind":
        return words.kind(g)
    return f"{by} = {g}"


@checked(selection=TWO_MODE_SELECTION)
def bridging_events(alliance: _core.Alliance, by: str = "role", relations: Iterable[str] | str | None = None,
                    tie_waves: Iterable[str] | str | None = None, lang: str = "en", show_names: bool = False,
                    **selection) -> pd.DataFrame:
    """Events that brought together groups the alliance's ties do not connect, and events that hold the participants together.

    Parameters
    ----------
    alliance : Alliance
    by : "role", "kind" or str, default "role"
        The groups: roles (a stakeholder in each role it holds), kinds, or the values of an attribute.
    relations : str or list of str, optional
    tie_waves : str or list of str, optional
    lang : {"en", "nl"}, default "en"
    show_names : bool, default False
    **selection : two-mode

    Returns
    -------
    pandas.DataFrame
        Indexed by event: ``participants``, ``bridged_pairs`` (list of group pairs), ``bridged`` (how many),
        ``fragmentation_gain`` and ``explanation`` (a sentence, or empty when the event bridges nothing and
        fragments nothing); sorted by ``bridged`` and then ``fragmentation_gain``, largest first.

    Notes
    -----
    A pair of groups is *bridged* by an event when members of both took part in it while no tie in ``relations`` and
    ``tie_waves`` (direction ignored) joins a member of the one group to a member of the other, and no stakeholder
    belongs to both. ``fragmentation_gain`` is how much the fragmentation F = 1 − Σ_k s_k (s_k − 1) / (n (n − 1)) of
    the co-participation network of the n participants (s_k its component sizes) rises when the event is left out.

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social network. Computational and
       Mathematical Organization Theory 12(1), 21-34. https://doi.org/10.1007/s10588-006-7084-x

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> b = wijknet.bridging_events(alliance, relations="collaboration", tie_waves="T0")
    >>> b[["participants", "bridged", "fragmentation_gain"]].round(4).head(3)
                          participants  bridged  fragmentation_gain
    event                                                          
    ev07_keti_koti                  17       18                 0.0
    ev10_slotbijeenkomst            20       18                 0.0
    ev01_aftrap                     16       14                 0.0
    >>> b["fragmentation_gain"].idxmax()
    'ev08_sporttoernooi'
    """
    words = Wording(alliance, lang, show_names)
    t = two_mode(alliance, **selection)
    per_event = _events_of(t)
    ids = t.stakeholder_ids
    all_ids = list(alliance._stakeholder_columns()["id"])
    groups = _groups_of(alliance, all_ids, by)
    tied = _tied_pairs(alliance, _list(relations), _list(tie_waves))
    # Group pairs joined by a tie, or by a stakeholder in both groups.
    connected: set = set()
    for pair in tied:
        a, b = tuple(pair)
        for ga in groups[a]:
            for gb in groups[b]:
                connected.add(frozenset((ga, gb)))
    for i in all_ids:
        gs = groups[i]
        for x in range(len(gs)):
            for y in range(x + 1, len(gs)):
                connected.add(frozenset((gs[x], gs[y])))
    records = _event_records(alliance, t)
    n = len(ids)
    base = _fragmentation(n, _component_sizes(n, per_event))
    rows = []
    for e, people in enumerate(per_event):
        present = sorted({g for u in people for g in groups[ids[u]]}, key=str)
        bridged = [(present[x], present[y]) for x in range(len(present)) for y in range(x + 1, len(present))
                   if frozenset((present[x], present[y])) not in connected]
        gain = _fragmentation(n, _component_sizes(n, per_event, skip=e)) - base
        rows.append({"event": t.event_ids[e], "participants": len(people), "bridged_pairs": bridged,
                     "bridged": len(bridged), "fragmentation_gain": gain,
                     "explanation": _bridging_sentence(words, records[e], by, bridged, gain)})
    frame = pd.DataFrame(rows, columns=["event", "participants", "bridged_pairs", "bridged", "fragmentation_gain",
                                        "explanation"]).set_index("event")
    frame = frame.sort_values(["bridged", "fragmentation_gain"], ascending=False, kind="stable")
    frame["participants"] = frame["participants"].astype("int64")
    frame["bridged"] = frame["bridged"].astype("int64")
    frame["fragmentation_gain"] = frame["fragmentation_gain"].astype("float64")
    return frame


def _bridging_sentence(words: Wording, event: dict, by: str, bridged: list, gain: float) -> str:
    nl = words.lang == "nl"
    name = event["name"] or event["id"]
    parts = []
    if bridged:
        pairs = [f"{_group_label(words, by, a)} {'met' if nl else 'with'} {_group_label(words, by, b)}"
                 for a, b in bridged[:3]]
        more = len(bridged) - len(pairs)
        listed = words.join(pairs + ([f"nog {more} paar" if nl else f"{more} more pairs"] if more else []))
        parts.append(f"‘{name}’ bracht {listed} samen: groepen zonder onderlinge relatie in de alliantie." if nl
                     else f"‘{name}’ brought together {listed}: groups without a tie between them in the alliance.")
    if gain > 1e-12:
        parts.append(f"Zonder deze bijeenkomst zou het netwerk van wie elkaar op bijeenkomsten trof "
                     f"{words.number(100 * gain, 1)} procentpunt meer versnipperd zijn." if nl else
                     f"Without this event the network of who met whom at events would be "
                     f"{words.number(100 * gain, 1)} percentage points more fragmented.")
    return " ".join(parts)


# -------------------------------------------------------------------------------- core group

@dataclass
class CoreGroup:
    """How the core group carries and reaches the events; returned by :func:`core_group`.

    Attributes
    ----------
    members : pandas.DataFrame
        Per core-group member (index ``stakeholder``): ``organised`` (events), ``attended`` (events taken part in,
        organised ones included) and ``sole_organiser`` (events whose only core-group organiser it was).
    events : int
        Events in the selection.
    events_without_organiser : int
        Events with no core-group member among the organisers.
    single_point : str or None
        The member organising depends on: the only member who organised, or the busiest organiser when without them
        over half of the events would have had no core-group organiser while with them at most half had none (so
        they make the difference; events that had no core-group organiser anyway count as without one).
    reach : pandas.Series
        The share of the participants outside the core group within ``1`` and ``2`` steps of a member, through
        alliance ties and co-participation; ``participants`` their number.
    explanation : str
        The result in a few sentences.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> c = wijknet.core_group(alliance)
    >>> c.members.sort_values("organised", ascending=False).head(3)
                              organised  attended  sole_organiser
    stakeholder                                                  
    alle_kleuren_begeleiding          8         9               1
    bewoner_noor_nachtegaal           3         4               0
    bewoner_jose_kraanvogel           3         6               0
    >>> c.reach.round(3)
    participants    24.000
    1                0.875
    2                1.000
    Name: reach, dtype: float64
    """

    members: pd.DataFrame
    events: int
    events_without_organiser: int
    single_point: str | None
    reach: pd.Series
    explanation: str = ""


@checked(selection=TWO_MODE_SELECTION)
def core_group(alliance: _core.Alliance, role: str = "kerngroep", relations: Iterable[str] | str | None = None,
               tie_waves: Iterable[str] | str | None = None, lang: str = "en", show_names: bool = False,
               **selection) -> CoreGroup:
    """How the core group (kerngroep) carries and reaches the events.

    Parameters
    ----------
    alliance : Alliance
    role : str, default "kerngroep"
        The role of the core group's members.
    relations : str or list of str, optional
    tie_waves : str or list of str, optional
    lang : {"en", "nl"}, default "en"
    show_names : bool, default False
    **selection : two-mode

    Returns
    -------
    CoreGroup
        ``members``, ``events``, ``events_without_organiser``, ``single_point``, ``reach`` and ``explanation``.

    Notes
    -----
    Organising counts the event's ``organisers``, attending its participation. The reach graph joins two stakeholders
    when they have a tie in ``relations`` and ``tie_waves`` (direction ignored) or took part in a selected event
    together; the shares within one and two steps of a member are taken over the participants outside the core group.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> c = wijknet.core_group(alliance)
    >>> int(c.members.loc["alle_kleuren_begeleiding", "organised"]), c.events
    (8, 10)
    >>> c.single_point is None      # 7 of its 8 events had another core-group organiser
    True
    >>> print(c.explanation)
    Alle Kleuren kerngroepbegeleiding Rivierstad organised 8 of the 10 events. 1 event was organised without a core-group member. Of the 24 participants outside the core group, 88% are tied directly to a member and 100% within two steps.
    """
    words = Wording(alliance, lang, show_names)
    key = alliance.role(role)["key"]
    cols = alliance._stakeholder_columns()
    members = [i for i, roles in zip(cols["id"], cols["roles"]) if key in roles]
    t = two_mode(alliance, **selection)
    per_event = _events_of(t)
    ids = t.stakeholder_ids
    records = _event_records(alliance, t)
    member_set = set(members)
    organised = dict.fromkeys(members, 0)
    attended = dict.fromkeys(members, 0)
    sole = dict.fromkeys(members, 0)
    without = 0
    for e, rec in enumerate(records):
        org = [o for o in rec["organisers"] if o in member_set]
        for o in org:
            organised[o] += 1
        if len(org) == 1:
            sole[org[0]] += 1
        if not org:
            without += 1
        for u in per_event[e]:
            if ids[u] in member_set:
                attended[ids[u]] += 1
    frame = pd.DataFrame({"organised": [organised[m] for m in members], "attended": [attended[m] for m in members],
                          "sole_organiser": [sole[m] for m in members]},
                         index=pd.Index(members, name="stakeholder")).astype("int64")
    organisers = [m for m in members if organised[m] > 0]
    single = None
    if len(organisers) == 1:
        single = organisers[0]
    elif organisers:
        # Without the busiest organiser, how many events keep a core-group organiser?
        top = max(organisers, key=lambda m: (organised[m], -members.index(m)))
        lost = sum(1 for rec in records
                   if top in rec["organisers"] and not any(o in member_set and o != top for o in rec["organisers"]))
        if lost + without > len(records) / 2 and without <= len(records) / 2:
            single = top
    # Reach: BFS from the members over ties and co-participation.
    adjacency: dict[str, set] = {}
    for pair in _tied_pairs(alliance, _list(relations), _list(tie_waves)):
        a, b = tuple(pair)
        adjacency.setdefault(a, set()).add(b)
        adjacency.setdefault(b, set()).add(a)
    for people in per_event:
        for u in people:
            adjacency.setdefault(ids[u], set()).update(ids[v] for v in people if v != u)
    dist = {m: 0 for m in members}
    frontier = list(members)
    for step in (1, 2):
        nxt = []
        for x in frontier:
            for y in adjacency.get(x, ()):
                if y not in dist:
                    dist[y] = step
                    nxt.append(y)
        frontier = nxt
    outside = [i for i in ids if i not in member_set]
    one = sum(1 for i in outside if dist.get(i, 99) <= 1)
    two = sum(1 for i in outside if dist.get(i, 99) <= 2)
    n = len(outside)
    reach = pd.Series({"participants": float(n), "1": one / n if n else 0.0, "2": two / n if n else 0.0},
                      name="reach")
    result = CoreGroup(frame, len(records), without, single, reach)
    result.explanation = _core_sentence(words, result, organised, key)
    return result


def _core_sentence(words: Wording, c: CoreGroup, organised: dict, role: str = "kerngroep") -> str:
    nl = words.lang == "nl"
    if not len(c.members):
        # No share of anyone "tied to a member" when there are no members.
        return (f"Niemand vervult de rol {words.role(role)}: er is geen kerngroep om de bijeenkomsten te dragen." if nl
                else f"Nobody holds the role {words.role(role)}: there is no core group to carry the events.")
    busy = sorted(organised, key=lambda m: -organised[m])
    parts = []
    if busy and organised[busy[0]]:
        m = busy[0]
        parts.append(f"{words.name(m)} organiseerde {organised[m]} van de {c.events} bijeenkomsten." if nl else
                     f"{words.name(m)} organised {organised[m]} of the {c.events} events.")
    if c.single_point:
        parts.append(f"Het organiseren leunt op {words.name(c.single_point)}: een kwetsbaar punt; valt deze weg, "
                     f"dan staat de kerngroep bij de meeste bijeenkomsten zonder organisator." if nl else
                     f"Organising leans on {words.name(c.single_point)}: a single point of failure; without them "
                     f"most events would have had no core-group organiser.")
    if c.events_without_organiser:
        k = c.events_without_organiser
        parts.append(f"{words.plural(k, 'bijeenkomst werd', 'bijeenkomsten werden')} zonder kerngroeplid "
                     f"georganiseerd." if nl else
                     f"{words.plural(k, 'event was', 'events were')} organised without a core-group member.")
    n = int(c.reach["participants"])
    if n:
        parts.append(f"Van de {n} deelnemers buiten de kerngroep is {words.percent(c.reach['1'])} direct en "
                     f"{words.percent(c.reach['2'])} binnen twee stappen met een kerngroeplid verbonden." if nl else
                     f"Of the {n} participants outside the core group, {words.percent(c.reach['1'])} are tied "
                     f"directly to a member and {words.percent(c.reach['2'])} within two steps.")
    return " ".join(parts)


# ------------------------------------------------------------------------- meeting and ties

@dataclass
class MeetingAndTies:
    """Whether meeting at events went together with new ties; returned by :func:`meeting_and_ties`.

    Attributes
    ----------
    baseline, later : str
        The two waves.
    met_pairs, met_new_ties : int
        Pairs without a tie at ``baseline`` who took part in one event dated up to the later wave's date, and how many
        of them have a tie at ``later``.
    other_pairs, other_new_ties : int
        The same for the pairs that did not meet.
    met_share, other_share : float
        ``met_new_ties / met_pairs`` and ``other_new_ties / other_pairs``.
    difference : float
        ``met_share − other_share``.
    permutations, as_large : int
        The number of permutations, and of those whose difference was at least as large.
    p_value : float
        (``as_large`` + 1) / (``permutations`` + 1), one-sided.
    seed : int
        The seed of the permutations.
    explanation : str
        The result in a sentence.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> m = wijknet.meeting_and_ties(alliance, permutations=99, seed=1)
    >>> round(m.met_share, 4), round(m.other_share, 4), m.p_value
    (0.0565, 0.007, 0.02)
    """

    baseline: str
    later: str
    met_pairs: int
    met_new_ties: int
    other_pairs: int
    other_new_ties: int
    met_share: float
    other_share: float
    difference: float
    permutations: int
    as_large: int
    p_value: float
    seed: int
    explanation: str = field(default="")


@checked(selection=TWO_MODE_SELECTION)
def meeting_and_ties(alliance: _core.Alliance, baseline: str = "T0", later: str = "T1",
                     relations: Iterable[str] | str | None = None, permutations: int = 999, seed: int = 0,
                     lang: str = "en", **selection) -> MeetingAndTies:
    """Whether meeting at events went together with new ties, with a permutation test.

    Parameters
    ----------
    alliance : Alliance
    baseline : str, default "T0"
        The wave at which the pairs had no tie.
    later : str, default "T1"
        The wave at which a new tie is looked for; events up to its date count.
    relations : str or list of str, optional
    permutations : int, default 999
        How many node-label permutations the test draws.
    seed : int, default 0
        The seed of the permutations (numpy PCG64); the same seed gives the same p-value.
    lang : {"en", "nl"}, default "en"
    **selection : two-mode

    Returns
    -------
    MeetingAndTies
        The counts, shares, their difference and the p-value.

    Notes
    -----
    The pairs are the pairs of stakeholders present in both waves with no tie (in ``relations``, either direction)
    at ``baseline``. A pair *met* when both took part in one event dated on or before the ``later`` wave's date (and
    selected by the keywords). The outcome is a tie at ``later``. The test permutes which stakeholder is which in the
    meeting network (a node-label permutation as in QAP, Krackhardt 1988, which keeps its structure) and counts how
    often the difference in shares is at least the observed one (one-sided). This measures association, not cause:
    people who already meant to work together may also have come to the same events.

    References
    ----------
    .. [1] Krackhardt, D. (1988). Predicting with networks: nonparametric multiple regression analysis of dyadic
       data. Social Networks 10(4), 359-381. https://doi.org/10.1016/0378-8733(88)90004-4

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> m = wijknet.meeting_and_ties(alliance, permutations=999, seed=1)
    >>> (m.met_pairs, m.met_new_ties, m.other_pairs, m.other_new_ties)
    (230, 13, 143, 1)
    >>> m.p_value
    0.004
    """
    waves = [w["key"] for w in alliance.waves]
    if baseline not in waves or later not in waves:
        raise _core.UnknownIdError(f"unknown wave '{baseline if baseline not in waves else later}'; "
                                   f"known: {waves}")
    date = next(w["date"] for w in alliance.waves if w["key"] == later)
    sel = dict(selection)
    if date and "end" not in sel:
        sel["end"] = date
    t = two_mode(alliance, **sel)
    per_event = _events_of(t)
    both = list(_core.Snapshot(alliance, waves=[baseline]).ids)
    later_ids = set(_core.Snapshot(alliance, waves=[later]).ids)
    people = [i for i in both if i in later_ids]
    pos = {i: k for k, i in enumerate(people)}
    n = len(people)
    rel = _list(relations)

    def matrix(wave: str) -> np.ndarray:
        m = np.zeros((n, n), dtype=bool)
        for pair in _tied_pairs(alliance, rel, [wave]):
            a, b = tuple(pair)
            if a in pos and b in pos:
                m[pos[a], pos[b]] = m[pos[b], pos[a]] = True
        return m

    before, after = matrix(baseline), matrix(later)
    met = np.zeros((n, n), dtype=bool)
    for people_at in per_event:
        ks = [pos[t.stakeholder_ids[u]] for u in people_at if t.stakeholder_ids[u] in pos]
        for a in ks:
            for b in ks:
                if a != b:
                    met[a, b] = True
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    universe = upper & ~before
    outcome = after[universe]

    def stat(m: np.ndarray) -> tuple[int, int, int, int, float]:
        x = m[universe]
        mp, mn = int(x.sum()), int((x & outcome).sum())
        op, on = int((~x).sum()), int((~x & outcome).sum())
        d = (mn / mp if mp else 0.0) - (on / op if op else 0.0)
        return mp, mn, op, on, d

    mp, mn, op, on, observed = stat(met)
    rng = np.random.Generator(np.random.PCG64(seed))
    as_large = 0
    for _ in range(permutations):
        p = rng.permutation(n)
        if stat(met[np.ix_(p, p)])[4] >= observed - 1e-12:
            as_large += 1
    result = MeetingAndTies(baseline, later, mp, mn, op, on, mn / mp if mp else 0.0, on / op if op else 0.0,
                            observed, permutations, as_large, (as_large + 1) / (permutations + 1), seed)
    result.explanation = _meeting_sentence(Wording(alliance, lang), result)
    return result


def _meeting_sentence(words: Wording, m: MeetingAndTies) -> str:
    nl = words.lang == "nl"
    if nl:
        return (f"Van de {m.met_pairs} paren die elkaar vóór {words.wave(m.later)} op een bijeenkomst troffen en bij "
                f"{words.wave(m.baseline)} nog geen relatie hadden, hebben er {m.met_new_ties} "
                f"({words.percent(m.met_share)}) een relatie bij {words.wave(m.later)}; van de {m.other_pairs} paren "
                f"die elkaar niet troffen {m.other_new_ties} ({words.percent(m.other_share)}). In {m.as_large} van "
                f"{m.permutations} willekeurige herschikkingen was het verschil minstens zo groot "
                f"(p = {words.number(m.p_value, 3)}). Dit is samenhang, geen bewijs dat de bijeenkomsten de "
                f"relaties veroorzaakten.")
    return (f"Of the {m.met_pairs} pairs who met at an event before {words.wave(m.later)} and had no tie at "
            f"{words.wave(m.baseline)}, {m.met_new_ties} ({words.percent(m.met_share)}) have a tie at "
            f"{words.wave(m.later)}; of the {m.other_pairs} pairs who did not meet, {m.other_new_ties} "
            f"({words.percent(m.other_share)}). In {m.as_large} of {m.permutations} random relabellings the "
            f"difference was at least as large (p = {words.number(m.p_value, 3)}). This is association, not proof "
            f"that the events caused the ties.")


# ---------------------------------------------------------------------- role coverage + events

@checked(selection=TWO_MODE_SELECTION)
def event_role_coverage(alliance: _core.Alliance, template: str = "alle_kleuren", wave: str | None = None,
                        relations: Iterable[str] | str | None = None, lang: str = "en", show_names: bool = False,
                        **selection) -> pd.DataFrame:
    """Role coverage of the alliance, with what the events add.

    Parameters
    ----------
    alliance : Alliance
    template : str, default "alle_kleuren"
        The method template whose roles are checked.
    wave : str, optional
        The wave of the alliance's ties and stakeholders, as for :func:`role_coverage`; default every wave.
    relations : str or list of str, optional
    lang : {"en", "nl"}, default "en"
    show_names : bool, default False
        Name persons (in ``holder_names`` and the sentences); by default they appear under the pseudonyms of the
        report, as in every Alle Kleuren analysis.
    **selection : two-mode

    Returns
    -------
    pandas.DataFrame
        The table of :func:`role_coverage`, plus ``event_holders`` (holders of the role who took part in a selected
        event: the events are chosen by the two-mode keywords, every event by default, whatever ``wave`` says; a
        holder counts also when absent from the wave's ties, so ``event_holders`` can exceed ``holders``),
        ``events_only`` (True when the role is absent or isolated in the alliance's ties but present at
        events) and ``event_explanation`` (a sentence saying so, empty otherwise).

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> c = wijknet.event_role_coverage(alliance, wave="T1")
    >>> c[["status", "holders", "event_holders", "events_only"]]
                        status  holders  event_holders  events_only
    role                                                           
    kerngroep          covered        8              9        False
    bewoner            covered       12             13        False
    lhbti_organisatie  covered        2              2        False
    zelforganisatie    covered        4              4        False
    welzijnswerk       covered        2              3        False
    sociale_partner    covered        5              5        False
    gemeente           covered        2              2        False
    wijkagent           single        1              1        False
    """
    from ._diagnostics import role_coverage

    words = Wording(alliance, lang, show_names)
    frame = role_coverage(alliance, template, wave, relations, lang, show_names)
    t = two_mode(alliance, **selection)
    at_events = set(t.stakeholder_ids)
    cols = alliance._stakeholder_columns()
    holders, only, sentences = [], [], []
    for key, row in frame.iterrows():
        role = key[-1] if isinstance(key, tuple) else key
        present = [i for i, roles in zip(cols["id"], cols["roles"]) if role in roles and i in at_events]
        flag = bool(present) and row["status"] in ("absent", "isolated")
        holders.append(len(present))
        only.append(flag)
        if flag:
            who = words.names_of(present[:3])
            sentences.append(
                f"De rol {words.role(role)} is alleen via de bijeenkomsten aanwezig ({who}), niet via relaties in "
                f"de alliantie." if words.lang == "nl" else
                f"The role {words.role(role)} is present only through the events ({who}), not through ties in the "
                f"alliance.")
        else:
            sentences.append("")
    frame = frame.copy()
    frame["event_holders"] = pd.Series(holders, index=frame.index, dtype="int64")
    frame["events_only"] = only
    frame["event_explanation"] = sentences
    return frame
