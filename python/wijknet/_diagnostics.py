"""Alliance diagnostics: role coverage, chains, resilience (fragmentation, scenarios, key players)
and the ties to add, as pandas objects with plain-language explanations.

The functions that look at an alliance per wave take ``wave=None`` to mean *each wave* where a
table has room for several (role_coverage, chain_routes, Scenario.compare), and *every wave
together* where the answer is one graph (the role matrices, suggest_ties). ``relations=None``
means every relation. docs/diagnostics.md explains each diagnostic in plain language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import pandas as pd

from . import _core, _display, _sentences
from ._measures import _snapshot
from ._wording import Wording

__all__ = [
    "ChainRoutes", "KeyPlayers", "Scenario", "chain_routes", "fragmentation", "key_players", "role_coverage",
    "role_distance_matrix", "role_tie_matrix", "suggest_ties", "without",
]


def _waves(alliance: _core.Alliance, wave: str | None) -> list[str]:
    """The waves to report on: the one given, or every wave ("" when the alliance has none)."""
    if wave is not None:
        return [wave]
    keys = [w["key"] for w in alliance.waves]
    return keys or [""]


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

def role_coverage(alliance: _core.Alliance, template: str = "samen_in_de_wijk", wave: str | None = None,
                  relations: Iterable[str] | str | None = None, lang: str = "en",
                  show_names: bool = True) -> pd.DataFrame:
    """Role coverage against a method template, per wave.

    One row per role of the template (index ``role``, or ``(wave, role)`` when ``wave`` is None
    and every wave is reported), with columns ``label``, ``level`` (required / recommended),
    ``status``, ``holders`` (how many), ``holder_ids``, ``isolated`` (holders without any tie in
    ``relations``) and ``explanation`` (a sentence for the report). ``status`` is, worst first:

    - ``absent``: no stakeholder present in the wave holds the role;
    - ``isolated``: it is held, but no holder has a tie in the chosen relations;
    - ``single``: exactly one stakeholder holds it, a single point of failure;
    - ``covered``: two or more holders, at least one tied in.

    ``lang`` (``"en"`` or ``"nl"``) is the language of ``label`` and ``explanation``; the
    explanation names stakeholders by name, persons under a pseudonym with ``show_names=False``
    (as the report does).
    """
    words = Wording(alliance, lang, show_names)
    rows = []
    for w in _waves(alliance, wave):
        for r in _core._role_coverage(alliance, template, w, _list(relations)):
            rows.append({"wave": w, "role": r["role"], "label": words.role(r["role"]), "level": r["level"],
                         "status": r["status"], "holders": len(r["holders"]), "holder_ids": r["holders"],
                         "isolated": r["isolated_holders"], "explanation": _sentences.coverage(words, r, w)})
    columns = ["wave", "role", "label", "level", "status", "holders", "holder_ids", "isolated", "explanation"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["holders"] = frame["holders"].astype("int64")
    return frame.set_index("role").drop(columns="wave") if wave is not None else frame.set_index(["wave", "role"])


def _matrices(alliance, roles, wave, relations, direction):
    keys, ties, dist = _core._role_matrices(alliance, _list(roles), wave or "", _list(relations), direction)
    r = len(keys)
    index = pd.Index(keys, name="from_role")
    columns = pd.Index(keys, name="to_role")
    tie_frame = pd.DataFrame([ties[i * r:(i + 1) * r] for i in range(r)], index=index, columns=columns)
    dist_frame = pd.DataFrame([dist[i * r:(i + 1) * r] for i in range(r)], index=index, columns=columns)
    return tie_frame.astype("int64"), dist_frame


def role_distance_matrix(alliance: _core.Alliance, wave: str | None = None,
                         relations: Iterable[str] | str | None = None, roles: Iterable[str] | None = None,
                         direction: str = "all") -> pd.DataFrame:
    """The fewest ties between any holder of one role (row) and any holder of another (column).

    0 when one stakeholder holds both roles; on the diagonal the distance between two
    *different* holders; ``inf`` when there is no path (or no second holder). ``direction="all"``
    counts ties either way (who is in contact with whom); ``"out"`` follows the direction of
    directed relations (who can refer to whom). ``wave=None``: ties of every wave together.
    ``roles``: keys or labels, default every role of the taxonomy.
    """
    return _matrices(alliance, roles, wave, relations, direction)[1]


def role_tie_matrix(alliance: _core.Alliance, wave: str | None = None, relations: Iterable[str] | str | None = None,
                    roles: Iterable[str] | None = None) -> pd.DataFrame:
    """Ties from holders of one role (row) to holders of another (column); parallel ties (several
    relations or waves) count once per pair, an undirected tie both ways, a stakeholder with
    several roles for each of them."""
    return _matrices(alliance, roles, wave, relations, "all")[0]


# --------------------------------------------------------------------------------- chains

@dataclass
class ChainRoutes:
    """The routes of a chain, per wave (see :func:`chain_routes`)."""

    chain: list[str]
    summary: pd.DataFrame
    """Per wave: exists, length (ties), shortest_routes, disjoint_routes, broken_step,
    broken_between, stranded, explanation."""
    routes: pd.DataFrame
    """One row per shortest route: wave, route (number), stakeholders (list, first role first)."""
    best: pd.DataFrame
    """Per wave and holder of the first role: its own shortest route (None when it has none)."""
    on_routes: pd.DataFrame
    """Share of the shortest routes through each stakeholder (rows) per wave (columns)."""

    def exists(self, wave: str | None = None) -> bool:
        """Whether a route exists (in the given wave, or in the only wave reported)."""
        if wave is None:
            if len(self.summary) != 1:
                raise ValueError(f"give wave=, one of {list(self.summary.index)}")
            return bool(self.summary["exists"].iloc[0])
        return bool(self.summary.loc[wave, "exists"])

    def __str__(self) -> str:
        return "\n".join(f"{w or 'all waves'}: {e}" for w, e in self.summary["explanation"].items())

    def _repr_html_(self) -> str:
        return _display.chain_routes_html(self)


def chain_routes(alliance: _core.Alliance, chain: Sequence[str], relation: str | Sequence[str] | None = None,
                 wave: str | None = None, relations: Iterable[str] | str | None = None,
                 intermediaries: bool = False, max_routes: int = 100, lang: str = "en",
                 show_names: bool = True) -> ChainRoutes:
    """Routes along an ordered sequence of roles (a *keten*), per wave.

    ``chain``: role keys or labels, e.g. ``["bewonersinitiatief", "lhbti_organisatie",
    "welzijnswerk", "wijkagent"]``. ``relation``: the relation every step follows (e.g.
    ``"referral"``), or one per step, or None for ``relations`` (default every relation). Each step
    is one direct tie from a holder of a role to a holder of the next, in the tie's direction;
    with ``intermediaries=True`` a step may pass through other stakeholders.

    Reports whether a route exists, the shortest routes and who is on them, each starting
    stakeholder's best route, the number of routes that share no stakeholder (how many
    departures the chain survives, minus one) and, for a broken chain, the step where it breaks.
    ``lang`` and ``show_names``: the language of the explanation and how it names stakeholders,
    as in :func:`role_coverage`.
    """
    words = Wording(alliance, lang, show_names)
    chain = list(chain)
    keys = [alliance.role(r)["key"] for r in chain]
    steps = _steps(chain, relation)
    summary, routes, best, shares = [], [], [], {}
    for w in _waves(alliance, wave):
        r = _core._chain_routes(alliance, chain, steps, intermediaries, w, _list(relations), max_routes)
        broken = r["broken_step"]
        after = _holders(alliance, keys[broken], w) if 0 < broken < len(keys) else []
        explanation = _sentences.chain(words, keys, r, w, steps, after)
        summary.append({
            "wave": w, "exists": r["exists"], "length": r["length"] if r["exists"] else None,
            "shortest_routes": int(r["shortest_routes"]), "disjoint_routes": r["disjoint_routes"],
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

def fragmentation(g: Any, removed: Iterable[str] = (), direction: str = "all", threads: int = 0,
                  **selection) -> pd.Series:
    """Borgatti's fragmentation of the network without the ``removed`` stakeholders.

    ``fragmentation`` F = 1 - (ordered pairs that reach each other) / (n(n-1)), for
    ``direction="all"`` 1 - sum_k s_k(s_k - 1) / (n(n-1)) over component sizes: 0 when everyone
    can reach everyone, 1 when nobody is tied. ``distance_fragmentation`` DF = 1 - (sum over
    ordered pairs of 1/distance) / (n(n-1)): also grows when people drift further apart. Also
    ``stakeholders`` (n, without the removed), ``components`` and ``largest_component``.
    """
    s = _snapshot(g, selection)
    return pd.Series(_core._fragmentation(s, _list(removed), direction, threads), name="fragmentation")


@dataclass
class KeyPlayers:
    """A key-player set (see :func:`key_players`)."""

    players: list[str]
    score: float
    """F or DF without the players, or the share of the others they reach."""
    before: float
    """F or DF of the whole network (0 for reach)."""
    objective: str
    explanation: str = ""
    """One sentence: what the players' departure would do (or whom they reach)."""

    def _repr_html_(self) -> str:
        return _display.key_players_html(self)


def key_players(g: Any, k: int = 1, objective: str = "fragmentation", max_distance: int = 1,
                direction: str = "all", seed: int = 42, max_rounds: int = 10, restarts: int = 4,
                candidates: int = 64, threads: int = 0, lang: str = "en", show_names: bool = True,
                **selection) -> KeyPlayers:
    """Key players (Borgatti 2006).

    ``objective="fragmentation"`` or ``"distance_fragmentation"`` (KPP-Neg): the k stakeholders
    whose departure fragments the alliance most (F or DF, undirected reading). ``"reach"``
    (KPP-Pos): the k who together reach the most others within ``max_distance`` ties; the score is
    the share of the others reached. Greedy choice, then swap local search from the greedy set
    and ``restarts`` random sets, reproducible with ``seed``. For ``distance_fragmentation`` on
    networks larger than ``candidates`` only the best-tied stakeholders are tried.
    ``lang`` and ``show_names``: the language of ``explanation`` and how it names stakeholders
    (names need an Alliance; a Snapshot's explanation uses ids).
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


def without(alliance: _core.Alliance, stakeholders: Iterable[str] | str) -> _core.Alliance:
    """A copy of the alliance without these stakeholders (and their ties and participation).
    The alliance itself is not changed."""
    copy = alliance.copy()
    for sid in _list(stakeholders):
        copy.remove_stakeholder(sid)
    return copy


@dataclass
class Scenario:
    """A what-if: the alliance without some stakeholders.

    >>> s = Scenario(alliance, remove=["opbouwwerker_grutto"])   # doctest: +SKIP
    >>> s.compare(chains=[["bewonersinitiatief", "lhbti_organisatie", "welzijnswerk", "wijkagent"]],
    ...           relation="referral")                          # doctest: +SKIP
    """

    base: _core.Alliance
    remove: list[str] = field(default_factory=list)
    alliance: _core.Alliance = field(init=False)

    def __post_init__(self) -> None:
        self.remove = _list(self.remove)
        self.alliance = without(self.base, self.remove)

    def _repr_html_(self) -> str:
        return _display.scenario_html(self)

    def shift(self, measure, **kwargs) -> pd.DataFrame:
        """How a per-stakeholder measure shifts: ``measure`` is a wijknet function returning a
        Series keyed by stakeholder (``wijknet.betweenness``, ``wijknet.degree`` ...), called on
        the alliance before and after with ``kwargs`` (selection keywords, options). Columns
        ``before``, ``after``, ``change``; the removed stakeholders have no ``after``. Sorted by
        change, largest rise first."""
        before = measure(self.base, **kwargs)
        after = measure(self.alliance, **kwargs)
        frame = pd.DataFrame({"before": before, "after": after})
        frame["change"] = frame["after"] - frame["before"]
        frame.index.name = "stakeholder"
        return frame.sort_values("change", ascending=False)

    def compare(self, template: str | None = "samen_in_de_wijk", chains: Iterable[Sequence[str]] = (),
                relation: str | Sequence[str] | None = None, wave: str | None = None,
                relations: Iterable[str] | str | None = None, intermediaries: bool = False,
                threads: int = 0, lang: str = "en") -> pd.DataFrame:
        """Before and after, per wave: stakeholders, components, largest component, F, DF, the
        template roles absent and held by one stakeholder only, and whether each chain works.
        Columns ``before``, ``after``, ``change`` (numbers: after - before; lists: what was
        lost or gained) and ``explanation`` (a sentence, in ``lang``)."""
        words = Wording(self.base, lang)
        chain_list = [list(c) for c in chains]
        specs = [(c, _steps(c, relation), intermediaries) for c in chain_list]
        blocks = {}
        for w in _waves(self.base, wave):
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
        if wave is not None:
            frame = blocks[wave]
            frame.index.name = "measure"
            return frame
        frame = pd.concat(blocks, names=["wave", "measure"])
        return frame


# ----------------------------------------------------------------------------- ties to add

def suggest_ties(alliance: _core.Alliance, k: int = 5, objective: str | None = None,
                 chain: Sequence[str] | None = None, relation: str | Sequence[str] | None = None,
                 intermediaries: bool = False, removed: Iterable[str] = (),
                 closer: tuple[str, str] | None = None, between: tuple[Iterable[str], Iterable[str]] | None = None,
                 exclude: Iterable[tuple[str, str]] = (), max_per_stakeholder: int | None = None,
                 wave: str | None = None, relations: Iterable[str] | str | None = None, lang: str = "en",
                 show_names: bool = True) -> pd.DataFrame:
    """The k new ties that help most, chosen greedily, each with its reason.

    Objectives (``objective`` defaults to ``"chain"`` when ``chain`` is given, ``"distance"``
    when ``closer`` is, else ``"fragmentation"``):

    - ``"chain"``: complete the ``chain`` (roles, with ``relation`` per step as in
      :func:`chain_routes`): most starting stakeholders with a route, then most routes that share
      no stakeholder;
    - ``"fragmentation"``: lower fragmentation F once the ``removed`` stakeholders are gone
      (e.g. the key player, or who leaves next year);
    - ``"distance"``: ``closer=("wijkagent", "lhbti_organisatie")`` brings holders of the first
      role nearer to a holder of the second (mean 1/distance).

    Constraints: ``between=(roles, roles)`` only ties between a holder of one of the first roles
    and one of the second; ``exclude`` pairs never suggested; ``max_per_stakeholder`` new ties
    at most per stakeholder. ``wave=None``: ties of every wave together; give the current wave.

    Returns a DataFrame with columns source, target, relation, before, after (the objective's
    score) and reason (one sentence, in ``lang``; persons under a pseudonym with
    ``show_names=False``). Fewer than k rows when nothing more helps.
    """
    if objective is None:
        objective = "chain" if chain is not None else ("distance" if closer is not None else "fragmentation")
    chain_roles = list(chain) if chain is not None else []
    if objective == "chain" and not chain_roles:
        raise ValueError("objective='chain' needs chain=[role, role, ...]")
    role_a, role_b = closer if closer is not None else ("", "")
    from_roles, to_roles = (list(between[0]), list(between[1])) if between is not None else ([], [])
    rows = _core._suggest_ties(alliance, objective, k, wave or "", _list(relations), chain_roles,
                               _steps(chain_roles, relation) if chain_roles else [], intermediaries, _list(removed),
                               role_a, role_b, _list(from_roles), _list(to_roles), [tuple(p) for p in exclude],
                               max_per_stakeholder or 0)
    frame = pd.DataFrame(rows, columns=["source", "target", "relation", "before", "after", "reason"])
    words = Wording(alliance, lang, show_names)
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
    return frame

