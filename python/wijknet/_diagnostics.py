"""Alliance diagnostics: role coverage, chains, resilience (fragmentation, scenarios, key players)
and the ties to add, as pandas objects with plain-language explanations.

Waves and relations are chosen as everywhere in wijknet (docs/selection.md): ``waves=`` and
``relations=`` take a str or a list, ``wave="T0"`` is the short form of ``waves=["T0"]``. The
functions that answer per wave report *each wave* named (every wave when none is named) where a
table has room for several (role_coverage, chain_routes, Scenario.compare), and look at *one
wave, or every wave together* where the answer is one graph (the role matrices, suggest_ties).
``relations=None`` means every relation. docs/diagnostics.md explains each diagnostic in plain
language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import pandas as pd

from . import _core, _display, _sentences
from ._keywords import SELECTION, as_list, checked
from ._measures import _snapshot
from ._missing import treated_snapshot
from ._wording import Wording

__all__ = [
    "ChainRoutes", "KeyPlayers", "Scenario", "chain_routes", "fragmentation", "key_players", "role_coverage",
    "role_distance_matrix", "role_tie_matrix", "suggest_ties", "without",
]


def _waves(alliance: _core.Alliance, waves: Iterable[str] | str | None) -> list[str]:
    """The waves to report on, each apart: those named, or every wave ("" when the alliance has none)."""
    if waves is not None:
        return as_list(waves, "waves")
    keys = [w["key"] for w in alliance.waves]
    return keys or [""]


def _single(waves: Iterable[str] | str | None) -> bool:
    """Whether exactly one wave is named (then a table has no wave level)."""
    return waves is not None and len(as_list(waves, "waves")) == 1


def _one_wave(function: str, waves: Iterable[str] | str | None) -> str:
    """The one wave a function looks at; "" (every wave together) when none is named."""
    if waves is None:
        return ""
    named = as_list(waves, "waves")
    if len(named) != 1:
        raise _core.InvalidValueError(
            f"{function}() looks at one wave, or at every wave together (waves=None); got waves={named!r}")
    return named[0]


def _list(values: Iterable[str] | str | None) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    return list(values)


def _present(alliance: _core.Alliance, wave: str) -> set[str]:
    """Ids of the stakeholders present in the wave (all when wave is "")."""
    frame = alliance.stakeholders()
    return {sid for sid, waves in frame["waves"].items() if not wave or not waves or wave in waves}


def _holders(alliance: _core.Alliance, role: str, wave: str) -> list[str]:
    """Holders of a role (key or label) present in the wave, in id order."""
    key = alliance.role(role)["key"]
    frame = alliance.stakeholders()
    present = _present(alliance, wave)
    return sorted(sid for sid, roles in frame["roles"].items() if key in roles and sid in present)


def _steps(chain: Sequence[str], relation: str | Sequence[str] | None) -> list[str]:
    """The relation of each step: one for all steps, one per step, or none (the scope's)."""
    if relation is None:
        return []
    if isinstance(relation, str):
        return [relation] * (len(chain) - 1)
    return ["" if r is None else r for r in relation]


# ------------------------------------------------------------------------------- coverage

@checked
def role_coverage(alliance: _core.Alliance, template: str = "samen_in_de_wijk", waves: Iterable[str] | str | None = None,
                  relations: Iterable[str] | str | None = None, lang: str = "en",
                  show_names: bool = False) -> pd.DataFrame:
    """Role coverage of an alliance against a method template, per wave.

    Parameters
    ----------
    alliance : Alliance
    template : str, default "samen_in_de_wijk"
        The key of a method template (``alliance.templates``): its required and recommended roles are checked.
    waves : str or list of str, default every wave
    relations : str or list of str, optional
    lang : {"en", "nl"}, default "en"
    show_names : bool, default False

    Returns
    -------
    pandas.DataFrame
        One row per role of the template, indexed by ``role`` (one wave named) or by (``wave``, ``role``), with the
        columns ``label``, ``level`` (required or recommended), ``status``, ``holders`` (how many), ``holder_ids``,
        ``isolated`` (holders without a tie in ``relations``) and ``explanation`` (a sentence for the report).

    Notes
    -----
    Only stakeholders present in the wave count. ``status`` is, worst first: ``absent`` (nobody holds the role),
    ``isolated`` (held, but no holder has a tie in the chosen relations), ``single`` (one holder: a single point of
    failure) and ``covered`` (two or more holders, at least one tied in). The templates and where their roles come
    from are in docs/method_templates.md.

    References
    ----------
    .. [1] Regenboogsteden, Handreiking Veilige Wijken (2023): the methods Samen in de Wijk and Alle Kleuren.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> coverage = wijknet.role_coverage(alliance, wave="T1")
    >>> coverage[["level", "status", "holders"]]
                                        level   status  holders
    role                                                       
    wijkagent                        required   single        1
    welzijnswerk                     required  covered        2
    sociale_partner                  required  covered        5
    bewonersinitiatief               required  covered        3
    zelforganisatie                  required  covered        4
    lhbti_organisatie                required  covered        2
    gemeente                         required  covered        2
    antidiscriminatievoorziening  recommended   absent        0
    >>> print(coverage.loc["wijkagent", "explanation"])
    Only Community police officer 1 holds the required role community police officer in wave T1 2022: a single point of failure; if they leave, the role is gone.
    """
    words = Wording(alliance, lang, show_names)
    rows = []
    for w in _waves(alliance, waves):
        for r in _core._role_coverage(alliance, template, w, _list(relations)):
            rows.append({"wave": w, "role": r["role"], "label": words.role(r["role"]), "level": r["level"],
                         "status": r["status"], "holders": len(r["holders"]), "holder_ids": r["holders"],
                         "isolated": r["isolated_holders"], "explanation": _sentences.coverage(words, r, w)})
    columns = ["wave", "role", "label", "level", "status", "holders", "holder_ids", "isolated", "explanation"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["holders"] = frame["holders"].astype("int64")
    return frame.set_index("role").drop(columns="wave") if _single(waves) else frame.set_index(["wave", "role"])


def _matrices(function, alliance, roles, waves, relations, direction):
    keys, ties, dist = _core._role_matrices(alliance, _list(roles), _one_wave(function, waves), _list(relations),
                                            direction)
    r = len(keys)
    index = pd.Index(keys, name="from_role")
    columns = pd.Index(keys, name="to_role")
    tie_frame = pd.DataFrame([ties[i * r:(i + 1) * r] for i in range(r)], index=index, columns=columns)
    dist_frame = pd.DataFrame([dist[i * r:(i + 1) * r] for i in range(r)], index=index, columns=columns)
    return tie_frame.astype("int64"), dist_frame


@checked
def role_distance_matrix(alliance: _core.Alliance, waves: Iterable[str] | str | None = None,
                         relations: Iterable[str] | str | None = None, roles: Iterable[str] | None = None,
                         direction: str = "all") -> pd.DataFrame:
    """The fewest ties between a holder of one role and a holder of another.

    Parameters
    ----------
    alliance : Alliance
    waves : str, optional
    relations : str or list of str, optional
    roles : str or list of str, optional
        The roles of the rows and columns (keys or labels); default every role of the taxonomy.
    direction : {"all", "out", "in"}, default "all"
        ``all`` counts ties either way (who is in contact with whom); ``out`` follows the direction of directed
        relations (who can refer to whom), ``in`` goes against it.

    Returns
    -------
    pandas.DataFrame
        Roles by roles (index ``from_role``, columns ``to_role``) of float distances.

    Notes
    -----
    The distance between roles A and B is the shortest path, in ties, from any holder of A to any holder of B among
    the stakeholders present in the wave: 0 when one stakeholder holds both, on the diagonal the distance between two
    *different* holders, ``inf`` when there is no path (or no second holder). Weights are ignored.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> roles = ["bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"]
    >>> distances = wijknet.role_distance_matrix(alliance, wave="T1", relations="referral", roles=roles, direction="out")
    >>> print(distances.to_string())
    to_role             bewonersinitiatief  lhbti_organisatie  welzijnswerk  wijkagent
    from_role                                                                         
    bewonersinitiatief                 inf                1.0           2.0        1.0
    lhbti_organisatie                  inf                inf           1.0        2.0
    welzijnswerk                       inf                inf           1.0        1.0
    wijkagent                          inf                inf           inf        inf
    """
    return _matrices("role_distance_matrix", alliance, roles, waves, relations, direction)[1]


@checked
def role_tie_matrix(alliance: _core.Alliance, waves: Iterable[str] | str | None = None,
                    relations: Iterable[str] | str | None = None,
                    roles: Iterable[str] | None = None) -> pd.DataFrame:
    """Ties from holders of one role to holders of another.

    Parameters
    ----------
    alliance : Alliance
    waves : str, optional
    relations : str or list of str, optional
    roles : str or list of str, optional
        The roles of the rows and columns (keys or labels); default every role of the taxonomy.

    Returns
    -------
    pandas.DataFrame
        Roles by roles (index ``from_role``, columns ``to_role``) of tie counts (int).

    Notes
    -----
    Parallel ties (several relations or waves on one pair) count once per pair, an undirected tie counts both ways,
    and a stakeholder with several roles counts for each of them. See :func:`mixing_matrix` for groups by first role
    or attribute, with densities.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> roles = ["bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"]
    >>> print(wijknet.role_tie_matrix(alliance, wave="T1", relations="referral", roles=roles).to_string())
    to_role             bewonersinitiatief  lhbti_organisatie  welzijnswerk  wijkagent
    from_role                                                                         
    bewonersinitiatief                   0                  2             0          1
    lhbti_organisatie                    0                  0             3          0
    welzijnswerk                         0                  0             1          2
    wijkagent                            0                  0             0          0
    """
    return _matrices("role_tie_matrix", alliance, roles, waves, relations, "all")[0]


# --------------------------------------------------------------------------------- chains

#: The relation a chain follows when none is named: the referral relation of *Samen in de Wijk*.
CHAIN_RELATION = "referral"


def chain_relation(alliance: _core.Alliance, relation: str | Sequence[str] | None = None,
                   relations: Iterable[str] | str | None = None) -> tuple[str | list[str] | None, bool]:
    """The relation each step of a chain follows, decided once for the API, the command line, the
    report and the Study: the one named; else, when no ``relations`` are named either, referral when
    the alliance has a referral tie in some wave, and otherwise the ties of every relation. A
    relation without a single tie was not measured, and "not measured" must not read as "broken".

    Returns the relation (None: the scope's relations) and whether referral was not measured and so
    every relation stands in for it.
    """
    if relation is not None or relations is not None:
        return relation, False
    if not any(r["key"] == CHAIN_RELATION for r in alliance.relations):
        return None, False  # an alliance without the built-in relations: every relation, nothing to explain
    if _core.Snapshot(alliance, relations=[CHAIN_RELATION]).num_ties:
        return CHAIN_RELATION, False
    return None, True


@dataclass
class ChainRoutes:
    """The routes of a chain of roles, per wave; returned by :func:`chain_routes`.

    Attributes
    ----------
    chain : list of str
        The roles of the chain, as given.
    summary : pandas.DataFrame
        One row per wave (index ``wave``): ``exists``, ``length`` (ties), ``shortest_routes`` (distinct stakeholder
        sequences), ``disjoint_routes``, ``disjoint_exact`` (False when a stakeholder can take two places in a route
        and no single departure breaks the chain: ``disjoint_routes`` is then an upper bound), ``broken_step``, ``broken_between``, ``stranded`` and ``explanation``.
    routes : pandas.DataFrame
        One row per shortest route: ``wave``, ``route`` (number), ``length`` and ``stakeholders`` (ids, first role
        first).
    best : pandas.DataFrame
        Per wave and holder of the first role (``start``): its own shortest ``route`` (None when it has none) and
        ``length``.
    on_routes : pandas.DataFrame
        The share of the shortest routes through each stakeholder (rows) per wave (columns); a stakeholder that
        takes two places in one route counts once for it.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> chain = ["bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"]
    >>> routes = wijknet.chain_routes(alliance, chain, relation="referral", wave="T1")
    >>> routes.exists()
    True
    """

    chain: list[str]
    summary: pd.DataFrame
    routes: pd.DataFrame
    best: pd.DataFrame
    on_routes: pd.DataFrame

    def exists(self, wave: str | None = None) -> bool:
        """Whether a route along the chain exists.

        Parameters
        ----------
        wave : str, optional
            The wave; may be left out when one wave was reported.

        Returns
        -------
        bool

        Examples
        --------
        >>> import wijknet
        >>> alliance = wijknet.load_example()
        >>> chain = ["bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"]
        >>> routes = wijknet.chain_routes(alliance, chain, relation="referral")
        >>> routes.exists("T0"), routes.exists("T1")
        (True, True)
        """
        if wave is None:
            if len(self.summary) != 1:
                raise _core.InvalidValueError(f"give wave=, one of {list(self.summary.index)}")
            return bool(self.summary["exists"].iloc[0])
        return bool(self.summary.loc[wave, "exists"])

    def __str__(self) -> str:
        return "\n".join(f"{w or 'all waves'}: {e}" for w, e in self.summary["explanation"].items())

    def _repr_html_(self) -> str:
        return _display.chain_routes_html(self)


@checked
def chain_routes(alliance: _core.Alliance, chain: Sequence[str], relation: str | Sequence[str] | None = None,
                 waves: Iterable[str] | str | None = None, relations: Iterable[str] | str | None = None,
                 intermediaries: bool = False, max_routes: int = 100, lang: str = "en",
                 show_names: bool = False) -> ChainRoutes:
    """Routes along an ordered sequence of roles (a *keten*), per wave.

    Parameters
    ----------
    alliance : Alliance
    chain : list of str
        Role keys or labels in the order a report travels, e.g. ``["bewonersinitiatief", "lhbti_organisatie",
        "welzijnswerk", "wijkagent"]``.
    relation : str, list of str or None, default None
        The relation every step follows (e.g. ``"referral"``), or one per step. None: the ties of ``relations``
        when those are named; else referral when the alliance has referral ties, and the ties of every relation
        when it has none (referral was not measured; the explanation says so). The command line, the report and
        :class:`wijknet.Study` decide the same way, so they give the same verdict.
    waves : str or list of str, default every wave
    relations : str or list of str, optional
    intermediaries : bool, default False
        Let a step pass through other stakeholders; by default each step is one direct tie.
    max_routes : int, default 100
        List at most this many shortest routes per wave.
    lang : {"en", "nl"}, default "en"
    show_names : bool, default False

    Returns
    -------
    ChainRoutes
        ``summary`` (per wave), ``routes``, ``best`` and ``on_routes``; ``str()`` gives the explanations.

    Notes
    -----
    A route is a sequence of stakeholders holding the chain's roles in order, each step a tie (of the step's
    relation, in its direction) from a holder of one role to a holder of the next; only stakeholders present in the
    wave take part. The summary gives whether a route exists, the length and number of the shortest routes, the number
    of routes sharing no stakeholder (exact when no stakeholder can take two places in a route, else an upper bound),
    and for a broken chain the first step no route gets past (``broken_step``, 1-based) and the holders stranded
    before it. The search runs breadth-first on a layered graph, one copy of the stakeholders per role: O(h L (n + m))
    for h holders of the first role and L roles.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> chain = ["bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"]
    >>> routes = wijknet.chain_routes(alliance, chain, relation="referral", wave="T1")
    >>> routes.summary[["exists", "length", "shortest_routes", "disjoint_routes"]]
          exists  length  shortest_routes  disjoint_routes
    wave                                                  
    T1      True       3                4                1
    >>> routes.routes["stakeholders"][0]
    ['buurtpreventie_vogelwijk', 'coc_rivierstad', 'welzijn_rivierstad', 'wijkagent_kwikstaart']
    """
    words = Wording(alliance, lang, show_names)
    chain = list(chain)
    keys = [alliance.role(r)["key"] for r in chain]
    relation, unmeasured = chain_relation(alliance, relation, relations)
    steps = _steps(chain, relation)
    summary, routes, best, shares = [], [], [], {}
    for w in _waves(alliance, waves):
        r = _core._chain_routes(alliance, chain, steps, intermediaries, w, _list(relations), max_routes)
        broken = r["broken_step"]
        after = _holders(alliance, keys[broken], w) if 0 < broken < len(keys) else []
        explanation = _sentences.chain(words, keys, r, w, steps, after)
        if unmeasured:
            explanation += " " + _sentences.chain_unmeasured(words, CHAIN_RELATION)
        summary.append({
            "wave": w, "exists": r["exists"], "length": r["length"] if r["exists"] else None,
            "shortest_routes": int(r["shortest_routes"]), "disjoint_routes": r["disjoint_routes"],
            "disjoint_exact": bool(r["disjoint_exact"]),
            "broken_step": broken if broken else None,
            "broken_between": f"{chain[broken - 1]} -> {chain[broken]}" if broken and broken < len(chain) else None,
            "stranded": r["stranded"], "explanation": explanation})
        for k, ids in enumerate(r["routes"]):
            routes.append({"wave": w, "route": k + 1, "length": len(ids) - 1, "stakeholders": ids})
        for start, ids in r["best_routes"]:
            best.append({"wave": w, "start": start, "route": ids or None, "length": len(ids) - 1 if ids else None})
        shares[w] = dict(r["on_routes"])
    summary_frame = pd.DataFrame(summary).set_index("wave")
    summary_frame["length"] = summary_frame["length"].astype("Int64")
    summary_frame["broken_step"] = summary_frame["broken_step"].astype("Int64")
    best_frame = pd.DataFrame(best, columns=["wave", "start", "route", "length"])
    best_frame["length"] = best_frame["length"].astype("Int64")
    on_routes = pd.DataFrame(shares).fillna(0.0)
    on_routes.index.name = "stakeholder"
    on_routes.columns.name = "wave"
    return ChainRoutes(chain, summary_frame, pd.DataFrame(routes, columns=["wave", "route", "length", "stakeholders"]),
                       best_frame, on_routes)


# ----------------------------------------------------------------------------- resilience

@checked(selection=SELECTION)
def fragmentation(g: Any, removed: Iterable[str] = (), direction: str = "all", threads: int = 0,
                  treatment: str = "observed", assume_reciprocal: bool = False, **selection) -> pd.Series:
    """Borgatti's fragmentation of the network, without some stakeholders.

    Parameters
    ----------
    g : Alliance or Snapshot
    removed : list of str, default ()
        Stakeholders to take out first (a departure, a what-if).
    direction : {"all", "out", "in"}, default "all"
        ``all`` reads ties either way; ``out`` follows their direction and ``in`` goes against it (reachability
        becomes one-way).
    threads : int, default 0
    treatment : {"observed", "reconstruct"}, default "observed"
        What a missing tie cell of a survey counts as: no tie, or the partner's report (see :func:`wijknet.density`).
        Ties read either way (``direction="all"``) already join a non-respondent to whoever reported it, so
        reconstruction changes only ``out`` and ``in``.
    assume_reciprocal : bool, default False
        With ``"reconstruct"`` on a directed relation: say that its ties are reciprocal (see
        :func:`wijknet.density`).
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.Series
        Named ``fragmentation``, indexed ``fragmentation``, ``distance_fragmentation``, ``stakeholders`` (n, without
        the removed), ``components`` and ``largest_component``.

    Notes
    -----
    F = 1 − (ordered pairs that reach each other) / (n(n−1)); with ``direction="all"`` that is
    1 − Σ_k s_k(s_k − 1) / (n(n−1)) over the component sizes s_k: 0 when everyone can reach everyone, 1 when nobody
    is tied. The distance fragmentation DF = 1 − Σ_{i != j} (1 / d_ij) / (n(n−1)), an unreachable pair adding 0,
    also grows when stakeholders drift further apart. Weights are ignored.

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social network. Computational and
       Mathematical Organization Theory 12(1), 21-34. https://doi.org/10.1007/s10588-006-7084-x

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.fragmentation(alliance, relations="collaboration", wave="T1").round(4)
    fragmentation              0.4899
    distance_fragmentation     0.7669
    stakeholders              32.0000
    components                10.0000
    largest_component         23.0000
    Name: fragmentation, dtype: float64
    >>> wijknet.fragmentation(alliance, removed=["welzijn_rivierstad"], relations="collaboration", wave="T1").round(4)
    fragmentation              0.6710
    distance_fragmentation     0.8585
    stakeholders              31.0000
    components                14.0000
    largest_component         18.0000
    Name: fragmentation, dtype: float64
    """
    s = treated_snapshot(g, treatment, assume_reciprocal, selection, "fragmentation", _snapshot)
    return pd.Series(_core._fragmentation(s, _list(removed), direction, threads), name="fragmentation")


@dataclass
class KeyPlayers:
    """A key-player set; returned by :func:`key_players`.

    Attributes
    ----------
    players : list of str
        The stakeholder ids of the set.
    score : float
        F or DF of the network without the players, or the share of the others they reach (``reach``).
    before : float
        F or DF of the whole network (0 for ``reach``).
    objective : str
        The objective the set was chosen for.
    explanation : str
        One sentence: what the players' departure would do, or whom they reach.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> kp = wijknet.key_players(alliance, k=1, relations="collaboration", wave="T1")
    >>> kp.players, round(kp.before, 4), round(kp.score, 4)
    (['welzijn_rivierstad'], 0.4899, 0.671)
    """

    players: list[str]
    score: float
    before: float
    objective: str
    explanation: str = ""

    def _repr_html_(self) -> str:
        return _display.key_players_html(self)


@checked(selection=SELECTION)
def key_players(g: Any, k: int = 1, objective: str = "fragmentation", max_distance: int = 1,
                direction: str = "all", seed: int = 42, max_rounds: int = 10, restarts: int = 4,
                candidates: int = 64, threads: int = 0, lang: str = "en", show_names: bool = False,
                **selection) -> KeyPlayers:
    """Key players: the k stakeholders whose departure fragments the alliance most, or who together reach the most.

    Parameters
    ----------
    g : Alliance or Snapshot
    k : int, default 1
        The size of the set.
    objective : {"fragmentation", "distance_fragmentation", "reach"}, default "fragmentation"
        KPP-Neg: maximise F or DF (see :func:`fragmentation`) without the set. KPP-Pos (``reach``): maximise the share
        of the others within ``max_distance`` ties of a member.
    max_distance : int, default 1
        For ``reach``: how many ties away still counts as reached.
    direction : {"all", "out", "in"}, default "all"
        For ``reach``: ties either way, outward only or inward only. The fragmentation objectives read ties either
        way.
    seed : int, default 42
        The seed of the random restarts; the same seed gives the same set.
    max_rounds : int, default 10
        Rounds of swaps in the local search.
    restarts : int, default 4
        Random starting sets searched besides the greedy one.
    candidates : int, default 64
        For ``distance_fragmentation`` on larger networks: only the this many best-tied stakeholders are tried.
    threads : int, default 0
    lang : {"en", "nl"}, default "en"
    show_names : bool, default False
        Name persons in the explanation; False puts a pseudonym in their place. A snapshot's explanation uses ids.
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    KeyPlayers
        ``players``, ``score``, ``before``, ``objective`` and ``explanation``.

    Notes
    -----
    The best set is found greedily (the best addition each time), then improved by swapping a member for an
    outsider while that helps (Borgatti's 2006 search), from the greedy set and from ``restarts`` random sets; the
    best result is kept. This is a heuristic: for larger k it need not find the optimum. Weights are ignored.

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social network. Computational and
       Mathematical Organization Theory 12(1), 21-34. https://doi.org/10.1007/s10588-006-7084-x

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> kp = wijknet.key_players(alliance, k=2, relations="collaboration", wave="T1")
    >>> kp.players, round(kp.score, 4)
    (['welzijn_rivierstad', 'alle_kleuren_begeleiding'], 0.869)
    >>> wijknet.key_players(alliance, k=2, objective="reach", relations="collaboration", wave="T1").players
    ['welzijn_rivierstad', 'alle_kleuren_begeleiding']
    """
    s = _snapshot(g, selection)
    players, score, before = _core._key_players(s, k, objective, max_distance, direction, seed, max_rounds,
                                                restarts, candidates, threads)
    if isinstance(g, _core.Alliance):
        words = Wording(g, lang, show_names)
    else:
        words = Wording.__new__(Wording)
        words.lang, words.show_names, words.names = lang, True, {}
    return KeyPlayers(players, score, before, objective,
                      _sentences.key_players(words, players, objective, score, before))


@checked
def without(alliance: _core.Alliance, stakeholders: Iterable[str] | str) -> _core.Alliance:
    """A copy of the alliance without some stakeholders.

    Parameters
    ----------
    alliance : Alliance
        The alliance; it is not changed.
    stakeholders : str or list of str
        The ids to leave out, with their ties and participation.

    Returns
    -------
    Alliance
        An independent copy.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> smaller = wijknet.without(alliance, "welzijn_rivierstad")
    >>> len(alliance), len(smaller), alliance.num_ties - smaller.num_ties
    (34, 33, 42)
    """
    copy = alliance.copy()
    for sid in _list(stakeholders):
        copy.remove_stakeholder(sid)
    return copy


@dataclass
class Scenario:
    """A what-if: the alliance without some stakeholders, compared with itself.

    Parameters
    ----------
    base : Alliance
        The alliance as it is; it is not changed.
    remove : str or list of str, default []
        The stakeholders who leave.

    Attributes
    ----------
    base : Alliance
        As given.
    remove : list of str
        As given, as a list.
    alliance : Alliance
        The copy without them (:func:`without`).

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> s = wijknet.Scenario(alliance, remove=["jongerenwerker_roodborst"])
    >>> len(s.base) - len(s.alliance)
    1
    """

    base: _core.Alliance
    remove: list[str] = field(default_factory=list)
    alliance: _core.Alliance = field(init=False)

    def __post_init__(self) -> None:
        self.remove = _list(self.remove)
        self.alliance = without(self.base, self.remove)

    def _repr_html_(self) -> str:
        return _display.scenario_html(self)

    @checked
    def shift(self, measure, **kwargs) -> pd.DataFrame:
        """How a per-stakeholder measure changes when the stakeholders leave.

        Parameters
        ----------
        measure : callable
            A wijknet function returning a Series keyed by stakeholder id (``wijknet.betweenness``, ``wijknet.degree``,
            ...).
        **kwargs
            Passed to ``measure`` before and after: selection keywords and options.

        Returns
        -------
        pandas.DataFrame
            Indexed by stakeholder id, with the columns ``before``, ``after`` (NaN for those who left) and ``change``
            (after − before), largest rise first.

        Examples
        --------
        >>> import wijknet
        >>> alliance = wijknet.load_example()
        >>> s = wijknet.Scenario(alliance, remove=["jongerenwerker_roodborst"])
        >>> s.shift(wijknet.betweenness, relations="referral", wave="T1").head(3)
                                       before  after  change
        stakeholder                                         
        welzijn_rivierstad                4.0    6.0     2.0
        beleidsmedewerker_zilvermeeuw     0.0    0.0     0.0
        alle_kleuren_begeleiding          0.0    0.0     0.0
        """
        before = measure(self.base, **kwargs)
        after = measure(self.alliance, **kwargs)
        frame = pd.DataFrame({"before": before, "after": after})
        frame["change"] = frame["after"] - frame["before"]
        frame.index.name = "stakeholder"
        return frame.sort_values("change", ascending=False)

    @checked
    def compare(self, template: str | None = "samen_in_de_wijk", chains: Iterable[Sequence[str]] = (),
                relation: str | Sequence[str] | None = None, waves: Iterable[str] | str | None = None,
                relations: Iterable[str] | str | None = None, intermediaries: bool = False,
                threads: int = 0, lang: str = "en") -> pd.DataFrame:
        """The alliance before and after the departure: cohesion, roles and chains.

        Parameters
        ----------
        template : str or None, default "samen_in_de_wijk"
            The method template whose roles are checked; None checks none.
        chains : list of list of str, default ()
            Chains of roles (as for :func:`chain_routes`) whose working is compared.
        relation : str, list of str or None, default None
            The relation each step of a chain follows (as for :func:`chain_routes`).
        waves : str or list of str, default every wave
        relations : str or list of str, optional
        intermediaries : bool, default False
            Let a chain step pass through other stakeholders.
        threads : int, default 0
        lang : {"en", "nl"}, default "en"

        Returns
        -------
        pandas.DataFrame
            Indexed by ``measure`` (one wave named) or (``wave``, ``measure``): ``stakeholders``, ``components``,
            ``largest_component``, ``fragmentation``, ``distance_fragmentation``, ``roles_absent``, ``roles_single``
            and one ``chain ...`` row per chain; columns ``before``, ``after``, ``change`` (numbers: after − before;
            lists: what was lost; chains: "broken" or "repaired") and ``explanation``.

        Examples
        --------
        >>> import wijknet
        >>> alliance = wijknet.load_example()
        >>> s = wijknet.Scenario(alliance, remove=["jongerenwerker_roodborst"])
        >>> table = s.compare(chains=[["bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"]],
        ...                   relation="referral", wave="T1")
        >>> table.loc[["components", "largest_component", "roles_single"], ["before", "after", "change"]]
                                before                      after          change
        measure                                                                  
        components                   2                          4               2
        largest_component           31                         25              -6
        roles_single       [wijkagent]  [wijkagent, welzijnswerk]  [welzijnswerk]
        """
        words = Wording(self.base, lang)
        chain_list = [list(c) for c in chains]
        specs = [(c, _steps(c, relation), intermediaries) for c in chain_list]
        blocks = {}
        for w in _waves(self.base, waves):
            states = [_core._assess(a, w, _list(relations), template or "", specs, threads)
                      for a in (self.base, self.alliance)]
            rows = {}
            for key in ("stakeholders", "components", "largest_component", "fragmentation", "distance_fragmentation"):
                b, a = states[0][key], states[1][key]
                rows[key] = (b, a, a - b)
            for key in ("roles_absent", "roles_single"):
                b, a = states[0][key], states[1][key]
                rows[key] = (b, a, [r for r in a if r not in b])
            for c, before, after in zip(chain_list, states[0]["chains_working"], states[1]["chains_working"]):
                change = "broken" if before and not after else ("repaired" if after and not before else "")
                rows["chain " + " -> ".join(c)] = (before, after, change)
            chain_of = {"chain " + " -> ".join(c): [self.base.role(r)["key"] for r in c] for c in chain_list}
            for key, (b, a, c) in rows.items():
                rows[key] = (b, a, c, _sentences.scenario(words, key, b, a, c, chain_of.get(key, ())))
            blocks[w] = pd.DataFrame.from_dict(rows, orient="index", columns=["before", "after", "change", "explanation"])
        if _single(waves):
            frame = blocks[as_list(waves, "waves")[0]]
            frame.index.name = "measure"
            return frame
        frame = pd.concat(blocks, names=["wave", "measure"])
        return frame


# ----------------------------------------------------------------------------- ties to add

@checked
def suggest_ties(alliance: _core.Alliance, k: int = 5, objective: str | None = None,
                 chain: Sequence[str] | None = None, relation: str | Sequence[str] | None = None,
                 intermediaries: bool = False, removed: Iterable[str] = (),
                 closer: tuple[str, str] | None = None, between: tuple[Iterable[str], Iterable[str]] | None = None,
                 exclude: Iterable[tuple[str, str]] = (), max_per_stakeholder: int | None = None,
                 waves: Iterable[str] | str | None = None, relations: Iterable[str] | str | None = None,
                 lang: str = "en", show_names: bool = False) -> pd.DataFrame:
    """The k new ties that would help the alliance most, each with its reason.

    Parameters
    ----------
    alliance : Alliance
    k : int, default 5
        How many ties to suggest at most.
    objective : {"chain", "fragmentation", "distance"}, optional
        What the ties should improve (see Notes). Default: ``"chain"`` when ``chain`` is given, ``"distance"`` when
        ``closer`` is, else ``"fragmentation"``.
    chain : list of str, optional
        For ``"chain"``: the roles of the chain, as for :func:`chain_routes`.
    relation : str, list of str or None, default None
        The relation of each chain step, as for :func:`chain_routes`; also the relation of the suggested ties.
    intermediaries : bool, default False
        Let a chain step pass through other stakeholders.
    removed : list of str, default ()
        For ``"fragmentation"``: stakeholders assumed gone (the key player, who leaves next year).
    closer : tuple of two str, optional
        For ``"distance"``: (role A, role B); bring holders of A nearer to a holder of B.
    between : tuple of two lists of str, optional
        Only suggest ties between a holder of one of the first roles and a holder of one of the second.
    exclude : list of (str, str), default ()
        Pairs never to suggest.
    max_per_stakeholder : int, optional
        At most this many new ties per stakeholder.
    waves : str, optional
        One wave (``wave="T1"``: give the current one), or None for the ties of every wave together.
    relations : str or list of str, optional
    lang : {"en", "nl"}, default "en"
    show_names : bool, default False

    Returns
    -------
    pandas.DataFrame
        Indexed by ``rank`` (1, 2, ...), with the columns ``source``, ``target``, ``relation``, ``before`` and
        ``after`` (the objective's score) and ``reason`` (a sentence). Fewer than k rows when nothing more helps.
        ``attrs`` holds ``objective``, ``removed`` and ``note``; an empty frame also ``why_empty``, a sentence saying
        why nothing helps.

    Notes
    -----
    The ties are chosen greedily, the best one first, each evaluated on the network with the ones before it added:

    - ``"chain"``: most holders of the chain's first role with a route, then most routes that share no stakeholder;
    - ``"fragmentation"``: the lowest fragmentation F (see :func:`fragmentation`) once ``removed`` are gone;
    - ``"distance"``: the highest mean 1 / distance from the holders of role A to the nearest holder of role B.

    Without ``objective``, ``chain``, ``closer`` and ``removed``, on an alliance that already holds together (F = 0),
    the ties are chosen to keep it together when its key player (:func:`key_players` with k=1) leaves: ``removed``
    becomes that stakeholder and ``attrs["note"]`` says so. Greedy choice is not always the best set of k.

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social network. Computational and
       Mathematical Organization Theory 12(1), 21-34. https://doi.org/10.1007/s10588-006-7084-x

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> chain = ["bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"]
    >>> ties = wijknet.suggest_ties(alliance, k=2, chain=chain, relation="referral", wave="T1")
    >>> ties[["source", "target", "before", "after"]]
                          source          target  before  after
    rank                                                       
    1     moestuin_de_vlinderhof  coc_rivierstad     2.0    3.0
    >>> print(ties.loc[1, "reason"])
    Connects Buurtmoestuin De Vlinderhof (resident initiative) to COC Rivierstad, afdeling Vogelwijk (lgbti+ organisation): then 3 instead of 2 holders of resident initiative have a route through the chain.
    >>> more = wijknet.suggest_ties(alliance, k=2, relations="collaboration", wave="T1")
    >>> more[["source", "target", "before", "after"]].round(4)
                            source                    target  before   after
    rank                                                                    
    1           welzijn_rivierstad    moestuin_de_vlinderhof  0.4899  0.4435
    2     alle_kleuren_begeleiding  bewoner_bram_boomkruiper  0.4435  0.3952
    """
    wave = _one_wave("suggest_ties", waves)
    words = Wording(alliance, lang, show_names)
    scope = {"waves": [wave]} if wave else {}
    note = ""
    robust = False
    removed = _list(removed)
    if objective is None:
        objective = "chain" if chain is not None else ("distance" if closer is not None else "fragmentation")
        if objective == "fragmentation" and not removed:
            # Connected already: plan for the departure of the key player, the likeliest break.
            s = _snapshot(alliance, {"relations": relations, **scope})
            if len(s) >= 3 and _core._fragmentation(s, [], "all", 0)["fragmentation"] == 0:
                kp = key_players(s, k=1)
                if _sentences.rises(kp.before, kp.score):
                    removed = kp.players
                    note = _sentences.guarded(words, removed, wave)
                else:  # no departure breaks it: nothing to plan for, nothing to suggest
                    robust = True
    chain_roles = list(chain) if chain is not None else []
    if objective == "chain" and not chain_roles:
        raise _core.InvalidValueError("objective='chain' needs chain=[role, role, ...]")
    role_a, role_b = closer if closer is not None else ("", "")
    from_roles, to_roles = (list(between[0]), list(between[1])) if between is not None else ([], [])
    rows = [] if k <= 0 else _core._suggest_ties(
        alliance, objective, k, wave, _list(relations), chain_roles,
                               _steps(chain_roles, relation) if chain_roles else [], intermediaries, removed,
                               role_a, role_b, _list(from_roles), _list(to_roles), [tuple(p) for p in exclude],
                               max_per_stakeholder or 0)
    frame = pd.DataFrame(rows, columns=["source", "target", "relation", "before", "after", "reason"])
    chain_keys = [alliance.role(r)["key"] for r in chain_roles]
    closer_keys = [alliance.role(r)["key"] for r in closer] if closer is not None else []
    first_roles = alliance.stakeholders()["roles"]

    def role_of(sid: str, wanted: Sequence[str]) -> str:
        roles = list(first_roles.get(sid, []))
        for r in wanted:
            if r in roles:
                return r
        return roles[0] if roles else ""

    frame["reason"] = [
        _sentences.suggestion(words, objective, row.source, row.target, role_of(row.source, chain_keys + closer_keys),
                              role_of(row.target, chain_keys + closer_keys), row.before, row.after, chain_keys,
                              closer_keys)
        for row in frame.itertuples()]
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="rank")
    frame.attrs.update(objective=objective, removed=list(removed), note=note)
    if not len(frame) and robust:
        frame.attrs["why_empty"] = _sentences.no_suggestion(words, "robust", wave)
    elif not len(frame):
        frame.attrs["why_empty"] = _why_no_suggestion(alliance, words, objective, k, wave, relations, removed,
                                                      chain_keys, steps=_steps(chain_roles, relation) if chain_roles else [],
                                                      intermediaries=intermediaries, closer=closer_keys)
    return frame


def _why_no_suggestion(alliance, words, objective, k, wave, relations, removed, chain_keys, steps, intermediaries,
                       closer) -> str:
    """The sentence saying why suggest_ties found nothing to suggest."""
    if k <= 0:
        return _sentences.no_suggestion(words, "none_asked")
    scope = {"waves": [wave]} if wave else {}
    if objective == "chain" or objective == "distance":
        roles = chain_keys if objective == "chain" else closer
        absent = [r for r in roles if not _holders(alliance, r, wave)]
        if absent:
            return _sentences.no_suggestion(words, "role_absent", wave, roles=absent)
        if objective == "distance":
            return _sentences.no_suggestion(words, "closest", wave, roles=roles[:1])
        r = _core._chain_routes(alliance, chain_keys, [x or "" for x in steps], intermediaries, wave,
                                _list(relations), 1)
        if r["exists"] and not r["stranded"]:
            return _sentences.no_suggestion(words, "chain_works", wave)
        return _sentences.no_suggestion(words, "constraints", wave)
    s = _snapshot(alliance, {"relations": relations, **scope})
    if len(s) - len([x for x in removed if x in set(s.ids)]) < 2:
        return _sentences.no_suggestion(words, "too_small", wave)
    f = _core._fragmentation(s, [x for x in removed if x in set(s.ids)], "all", 0)["fragmentation"]
    if f == 0:
        return _sentences.no_suggestion(words, "connected_without" if removed else "connected", wave, removed=removed)
    return _sentences.no_suggestion(words, "constraints", wave)



Scenario.__init__ = checked(Scenario.__init__, name="Scenario")
