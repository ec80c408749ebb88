"""Missing is not absent: which tie cells of a survey are unknown, and how many on the roster responded.

A tie cell of a survey wave is *present* (a tie), *absent* (reported as no tie) or *missing*: nobody knows, because
its sender did not respond in that wave or answered "don't know" / left it blank. The survey readers
(:func:`wijknet.add_survey`, :func:`wijknet.add_roster_ties`) keep who responded in ``respondent_<wave>`` and whose
reports are missing in ``missing_<wave>``; this module reads them back: :func:`missing_dyads` (the missing cells of a
selection), :func:`response_rates` (per wave, relation and role), and the lines of ``wijknet check``, the summary and
the report. Stakeholders without a ``respondent_<wave>`` attribute (data not from a survey) have no missing cells.
docs/missing.md has the rules.
"""

from __future__ import annotations

import json
import math
from html import escape
from typing import Any, Iterable

import numpy as np
import pandas as pd

from . import _core
from ._alliance import Snapshot, _snapshot_from_graph
from ._keywords import SELECTION, as_list, checked
from ._wording import Wording

__all__ = ["missing_dyads", "response_rates"]

#: The value of a relation in ``missing_<wave>`` for a non-respondent: every other roster member.
ALL = "all"
#: The row of :func:`response_rates` that counts every role (and, as relation, every relation).
EVERY = ""
_STATUSES = ("responded", "partly", "not")

_TEXT = {
    "en": {
        "line": "response {wave}: {answered} of {roster} ({share}), {partly} partly",
        "title": "How sure is this?",
        "intro": ("{answered} of the {roster} stakeholders on the survey's list in wave {wave} responded "
                  "({share}); {partly} of them left some questions open."),
        "nobody_missing": "Everyone on the list answered every question.",
        "nots": "Did not respond: {names}.",
        "observed": ("The figures in this report count an unanswered question as no tie. Ties of someone who did not "
                     "respond can only come from what others reported about them, so the network looks sparser and "
                     "less connected than it is: of the {cells} possible ties between the stakeholders on the list, "
                     "{missing} are unknown."),
        "header": ("role", "on the list", "responded", "partly", "did not", "response"),
        "every": "all",
    },
    "nl": {
        "line": "respons {wave}: {answered} van {roster} ({share}), {partly} gedeeltelijk",
        "title": "Hoe zeker is dit?",
        "intro": ("{answered} van de {roster} stakeholders op de lijst van de vragenlijst in meting {wave} "
                  "antwoordden ({share}); {partly} van hen lieten vragen open."),
        "nobody_missing": "Iedereen op de lijst beantwoordde elke vraag.",
        "nots": "Antwoordden niet: {names}.",
        "observed": ("De cijfers in dit rapport tellen een onbeantwoorde vraag als geen relatie. Relaties van wie niet "
                     "antwoordde komen alleen uit wat anderen over hen zeiden, dus het netwerk lijkt dunner en minder "
                     "verbonden dan het is: van de {cells} mogelijke relaties tussen de stakeholders op de lijst zijn "
                     "er {missing} onbekend."),
        "header": ("rol", "op de lijst", "antwoordden", "gedeeltelijk", "niet", "respons"),
        "every": "alle",
    },
}


# ------------------------------------------------------------------------------------------ reading the attributes

def survey_waves(alliance: _core.Alliance) -> list[str]:
    """The waves (in the alliance's order) in which some stakeholder has a ``respondent_<wave>`` attribute."""
    names = set(alliance.stakeholders().columns)
    return [w["key"] for w in alliance.waves if f"respondent_{w['key']}" in names]


def _statuses(alliance: _core.Alliance, wave: str) -> dict[str, str]:
    """Stakeholder id -> respondent_<wave> of everyone on the wave's roster, in the alliance's order."""
    frame = alliance.stakeholders()
    column = f"respondent_{wave}"
    if column not in frame.columns:
        return {}
    out = {}
    for sid, value in frame[column].items():
        if isinstance(value, str):
            if value not in _STATUSES:
                raise _core.InvalidValueError(
                    f"stakeholder '{sid}': {column} is {value!r}; expected responded, partly or not")
            out[str(sid)] = value
    return out


def _entries(alliance: _core.Alliance, wave: str, roster: dict[str, str]) -> dict[str, dict]:
    """Stakeholder id -> its ``missing_<wave>`` (relation key -> list of partners, or ALL), checked."""
    frame = alliance.stakeholders()
    column = f"missing_{wave}"
    out: dict[str, dict] = {}
    if column not in frame.columns:
        return out
    for sid, text in frame[column].items():
        if not isinstance(text, str):
            continue
        sid = str(sid)
        try:
            entry = json.loads(text)
            good = isinstance(entry, dict) and all(
                v == ALL or (isinstance(v, list) and all(isinstance(p, str) for p in v)) for v in entry.values())
        except json.JSONDecodeError:
            good = False
        if not good:
            raise _core.InvalidValueError(
                f"stakeholder '{sid}': {column} is {text!r}; expected a JSON object of relation -> list of partner "
                f"ids or \"all\", such as {{\"collaboration\": [\"coc\"]}} (docs/missing.md)")
        if sid not in roster:
            raise _core.InvalidValueError(
                f"stakeholder '{sid}' has {column} but no respondent_{wave}: only someone on the survey's list can "
                f"have missing answers; add respondent_{wave} (responded, partly or not) or remove {column}")
        out[sid] = {alliance.relation(r)["key"]: v for r, v in entry.items()}
    return out


def _relation_keys(alliance: _core.Alliance, relations: Any) -> list[str]:
    if relations is None:
        return [r["key"] for r in alliance.relations]
    return [alliance.relation(r)["key"] for r in as_list(relations, "relations")]


def _wave_keys(alliance: _core.Alliance, waves: Any) -> list[str]:
    if waves is None:
        return [w["key"] for w in alliance.waves]
    keys = {w["key"] for w in alliance.waves}
    out = []
    for w in as_list(waves, "waves"):
        if w not in keys:
            raise _core.UnknownIdError(f"unknown wave '{w}'; the waves are {', '.join(sorted(keys)) or 'none'}")
        out.append(w)
    return out


def missing_cells(alliance: _core.Alliance, snapshot: _core.Snapshot, relations: Any = None,
                  waves: Any = None, reports: bool = False) -> np.ndarray:
    """The missing cells of ``snapshot`` (taken from ``alliance`` with these relations and waves): an n x n boolean
    matrix in the snapshot's vertex order, symmetric when the snapshot is undirected; False on the diagonal, on
    every cell with a tie and for everyone without ``respondent_<wave>``.

    With ``reports=True`` a cell i -> j is True only when i's own report about j is unknown, also for undirected
    relations (not symmetric): what reconstruction needs to tell a pair one side answered from one nobody did."""
    ids = list(snapshot.ids)
    n = len(ids)
    position = {sid: k for k, sid in enumerate(ids)}
    cells = np.zeros((n, n), dtype=bool)
    directed = {r["key"]: r["directed"] for r in alliance.relations}
    keys = _relation_keys(alliance, relations)
    for wave in _wave_keys(alliance, waves):
        roster = _statuses(alliance, wave)
        if not roster:
            continue
        entries = _entries(alliance, wave, roster)
        on_list = [position[s] for s in roster if s in position]
        for sid, status in roster.items():
            if sid not in position:
                continue
            i = position[sid]
            # Data without missing_<wave> (made before it was kept): a non-respondent's reports are all missing.
            entry = entries.get(sid, {key: ALL for key in keys} if status == "not" else {})
            for key in keys:
                gaps = entry.get(key)
                if gaps is None:
                    continue
                targets = on_list if gaps == ALL else [position[p] for p in gaps if p in position and p in roster]
                cells[i, targets] = True
                if not directed[key] and not reports:  # either report could make an undirected tie
                    cells[targets, i] = True
    np.fill_diagonal(cells, False)
    sources, targets, _ = snapshot.edges()
    s = np.array([position[x] for x in sources], dtype=int)
    t = np.array([position[x] for x in targets], dtype=int)
    if not snapshot.directed:
        if not reports:
            cells |= cells.T
        cells[t, s] = False
    cells[s, t] = False
    return cells


def _selection_snapshot(alliance: Any, selection: dict, function: str) -> Snapshot:
    if not isinstance(alliance, _core.Alliance):
        raise TypeError(f"{function} needs the Alliance (the response is kept on its stakeholders), not "
                        f"{type(alliance).__name__}")
    return Snapshot(alliance, **selection)


# ------------------------------------------------------------------------------------------ public functions

@checked(selection=SELECTION)
def missing_dyads(alliance: Any, **selection) -> pd.DataFrame:
    """The tie cells of a selection that are missing: nobody knows whether the tie is there.

    Parameters
    ----------
    alliance : Alliance
        The alliance; the response is read from its stakeholders' ``respondent_<wave>`` and ``missing_<wave>``.
    **selection
        The selection keywords (docs/selection.md); ``relations`` and ``waves`` say which reports count.

    Returns
    -------
    pandas.DataFrame
        A boolean n x n matrix of the selection's stakeholders (rows the senders, columns the receivers; symmetric
        when the selection is undirected): True where the cell is missing.

    Raises
    ------
    InvalidValueError
        When a ``respondent_<wave>`` or ``missing_<wave>`` value is not what the survey readers write.

    Notes
    -----
    A cell i -> j of a relation in a wave is missing when both are on that wave's survey list (they have
    ``respondent_<wave>``), there is no tie, and i's report about j is unknown: i did not respond
    (``respondent_<wave>`` is ``"not"``) or left the question about j open (``missing_<wave>``). For an undirected
    relation either report could make the tie (the ``maximum`` rule), so the pair is missing when either report is.
    Over several relations or waves a cell without a tie is missing when it is missing in any of them. A stakeholder
    without ``respondent_<wave>`` has no missing cells: a pair with someone not on the list was never asked about.
    Cost O(n² + m).

    Examples
    --------
    Agent did not answer; team answered about coc and left agent open.

    >>> import pandas as pd
    >>> import wijknet
    >>> survey = pd.DataFrame({"respondent": ["coc", "coc", "team", "team"], "partner": ["team", "agent", "coc", "agent"],
    ...                        "item": "contact", "value": [3, 0, 2, None]})
    >>> a = wijknet.Alliance()
    >>> _ = wijknet.add_roster_ties(a, survey, "contact", roster=["coc", "team", "agent"])
    >>> wijknet.missing_dyads(a, relations="information").astype(int)
    receiver  coc  team  agent
    sender                    
    coc         0     0      0
    team        0     0      1
    agent       1     1      0
    """
    s = _selection_snapshot(alliance, selection, "missing_dyads")
    cells = missing_cells(alliance, s, selection.get("relations"), selection.get("waves"))
    return pd.DataFrame(cells, index=pd.Index(s.ids, name="sender"), columns=pd.Index(s.ids, name="receiver"))


@checked
def response_rates(alliance: Any, waves: str | Iterable[str] | None = None) -> pd.DataFrame:
    """Who responded to the survey, per wave, relation and role.

    Parameters
    ----------
    alliance : Alliance
    waves : str or list of str, optional
        The waves to count (``wave=`` for one); default every wave with a survey.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``wave``, ``relation`` and ``role``, with the columns ``roster`` (on the survey's list),
        ``responded``, ``partly``, ``not`` and ``rate`` ((responded + partly) / roster). The rows with relation
        ``""`` count the response to the survey as a whole (``respondent_<wave>``); those with role ``""`` count
        every role. Empty when no stakeholder has a ``respondent_<wave>`` attribute.

    Notes
    -----
    Per relation, a roster member responded when it answered every question of that relation, partly when it left
    some open and not when it answered none of them (``missing_<wave>``); a relation shows when some answer about it
    is missing. A stakeholder with several roles counts for each; one without a role under ``"(none)"``.

    Examples
    --------
    >>> import pandas as pd
    >>> import wijknet
    >>> survey = pd.DataFrame({"respondent": ["coc", "coc", "team", "team"], "partner": ["team", "agent", "coc", "agent"],
    ...                        "item": "contact", "value": [3, 0, 2, None]})
    >>> a = wijknet.Alliance()
    >>> _ = wijknet.add_roster_ties(a, survey, "contact", roster=["coc", "team", "agent"])
    >>> wijknet.response_rates(a).round(3)
                             roster  responded  partly  not   rate
    wave relation    role                                         
    T0               (none)       3          1       1    1  0.667
                                  3          1       1    1  0.667
         information (none)       3          1       1    1  0.667
                                  3          1       1    1  0.667
    """
    rows = []
    frame = alliance.stakeholders()
    chosen = survey_waves(alliance) if waves is None else [w for w in _wave_keys(alliance, waves)
                                                           if w in survey_waves(alliance)]
    for wave in chosen:
        roster = _statuses(alliance, wave)
        entries = _entries(alliance, wave, roster)
        relations = sorted({key for e in entries.values() for key in e})
        for relation in [EVERY, *relations]:
            for sid, status in roster.items():
                if relation != EVERY:
                    gaps = entries.get(sid, {}).get(relation)
                    status = "not" if gaps == ALL or (gaps is None and status == "not") else (
                        "partly" if gaps else "responded")
                roles = frame.at[sid, "roles"] if "roles" in frame.columns else []
                for role in [*(roles if len(roles) else ["(none)"]), EVERY]:
                    rows.append((wave, relation, role, status))
    columns = ["roster", *_STATUSES, "rate"]
    if not rows:
        return pd.DataFrame(columns=columns, index=pd.MultiIndex.from_tuples([], names=["wave", "relation", "role"]))
    long = pd.DataFrame(rows, columns=["wave", "relation", "role", "status"])
    out = pd.crosstab([long["wave"], long["relation"], long["role"]], long["status"])
    out = out.reindex(columns=list(_STATUSES), fill_value=0)
    out.insert(0, "roster", out.sum(axis=1))
    out["rate"] = (out["responded"] + out["partly"]) / out["roster"]
    # waves in the alliance's order, the whole survey first, every role last
    order = {w: k for k, w in enumerate(survey_waves(alliance))}
    out = out.sort_index(key=lambda level: level.map(
        order if level.name == "wave" else (lambda v: (v != EVERY, v)) if level.name == "relation"
        else (lambda v: (v == EVERY, v))))
    out.columns.name = None
    return out.astype({c: "int64" for c in ("roster", *_STATUSES)})


def rate_lines(rates: pd.DataFrame, lang: str = "en") -> list[str]:
    """One line per survey wave of a :func:`response_rates` table: "response T0: 9 of 12 (75%), 7 partly" /
    "respons T0: 9 van 12 (75%), 7 gedeeltelijk"."""
    words = Wording.__new__(Wording)  # numbers and percentages only: no alliance needed
    words.lang = lang
    out = []
    for wave in dict.fromkeys(rates.index.get_level_values("wave")):
        whole = rates.loc[(wave, EVERY, EVERY)]
        answered = int(whole["responded"] + whole["partly"])
        out.append(_TEXT[lang]["line"].format(wave=wave, answered=answered, roster=int(whole["roster"]),
                                              share=words.percent(answered / whole["roster"]),
                                              partly=int(whole["partly"])))
    return out


def response_lines(alliance: _core.Alliance, lang: str = "en") -> list[str]:
    """The lines of :func:`rate_lines` for an alliance, as ``wijknet check`` shows them; none for data not from a
    survey."""
    return rate_lines(response_rates(alliance), lang)


def response_section(alliance: _core.Alliance, words: Wording, number: int, wave: str | None = None,
                     relations: Iterable[str] | None = None) -> str:
    """The report's section "How sure is this?" for ``wave`` (default the last survey wave), or "" when no
    stakeholder has a ``respondent_`` attribute (or none for that wave).

    It says how many on the survey's list responded (per role, a table), who did not (by their report names, so
    pseudonymised unless names are shown), that the figures count an unanswered question as no tie, and how many of
    the possible ties between those on the list are unknown in ``relations`` (default every relation; a tie in any
    of them counts).
    """
    waves = survey_waves(alliance)
    if wave is not None and wave not in waves:
        return ""
    if not waves:
        return ""
    wave = wave or waves[-1]
    t = _TEXT[words.lang]
    rates = response_rates(alliance).loc[(wave, EVERY)]
    whole = rates.loc[EVERY]
    answered = int(whole["responded"] + whole["partly"])
    roster = int(whole["roster"])
    sentences = [t["intro"].format(answered=words.number(answered, 0), roster=words.number(roster, 0),
                                   wave=words.wave(wave), share=words.percent(answered / roster),
                                   partly=words.number(int(whole["partly"]), 0))]
    statuses = _statuses(alliance, wave)
    nots = [sid for sid, s in statuses.items() if s == "not"]
    if nots:
        sentences.append(t["nots"].format(names=words.names_of(nots)))
    chosen = {"relations": list(relations)} if relations is not None else {}
    s = Snapshot(alliance, waves=[wave], ids=list(statuses), **chosen)
    missing = missing_cells(alliance, s, relations, [wave])
    n = len(s.ids)
    # a possible tie is a cell of a directed network, a pair of an undirected one
    pairs = n * (n - 1) if s.directed else n * (n - 1) // 2
    unknown = int(missing.sum()) if s.directed else int(np.triu(missing, 1).sum())
    if unknown:
        sentences.append(t["observed"].format(missing=words.number(unknown, 0), cells=words.number(pairs, 0)))
    elif not nots and not int(whole["partly"]):
        sentences.append(t["nobody_missing"])
    rows = []
    for role, r in rates.iterrows():
        label = t["every"] if role == EVERY else ("–" if role == "(none)" else words.role(role))
        rows.append([escape(label), *(words.number(int(r[c]), 0) for c in ("roster", *_STATUSES)),
                     words.percent(r["rate"])])
    head = "".join(f"<th>{escape(h)}</th>" for h in t["header"])
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    table = f'<table class="numbers"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    text = "<p>" + " ".join(escape(x) for x in sentences) + "</p>"
    return (f'<section id="response"><h2>{number}. {escape(t["title"])}</h2>{text}{table}</section>')


def available_density(alliance: Any, snapshot: _core.Snapshot, relations: Any, waves: Any) -> float:
    """Density with the missing cells out of numerator and denominator (R sna ``gden`` on a network with missing
    edges): ties / (possible cells - missing cells). NaN when every cell is missing or fewer than two stakeholders."""
    n = len(snapshot.ids)
    cells = missing_cells(alliance, snapshot, relations, waves)
    possible = n * (n - 1)
    known = possible - int(cells.sum())
    if n < 2 or known == 0:
        return math.nan
    ties = snapshot.num_ties if snapshot.directed else 2 * snapshot.num_ties
    return ties / known


# ------------------------------------------------------------------------------------------ treatments

#: What a measure does with the missing cells of a survey (docs/missing.md).
TREATMENTS = ("observed", "reconstruct")


def treated_snapshot(g: Any, treatment: str, assume_reciprocal: bool, selection: dict, function: str,
                     snapshot_of: Any) -> _core.Snapshot:
    """The graph a measure with ``treatment=`` runs on: ``snapshot_of(g, selection)`` itself for ``"observed"``, or
    reconstructed (Stork & Richards 1992) for ``"reconstruct"``.

    Reconstruction fills a missing cell i -> j with the partner's report j -> i. In an undirected snapshot there is
    nothing left to fill: the survey readers made every undirected tie from either report (the rules ``maximum`` and
    ``mean``, and ``minimum`` when only one of the pair reported it), which is the reconstruction; the graph is the
    observed one. In a directed snapshot each missing cell i -> j whose reverse j -> i is a tie gets a tie of the same
    weight; that assumes the relation's ties are reciprocal, which the caller must say (``assume_reciprocal=True``)
    when a directed relation has missing cells: without it this is an InvalidValueError naming the relations. Cells
    with nothing to fill stay absent.
    """
    if treatment not in TREATMENTS:
        raise _core.InvalidValueError(f"{function}: treatment must be {' or '.join(map(repr, TREATMENTS))}, "
                                      f"got {treatment!r}")
    s = snapshot_of(g, selection)
    if treatment == "observed":
        return s
    if not isinstance(g, _core.Alliance):
        raise TypeError(f"{function}(treatment={treatment!r}) needs the Alliance (its survey response), not a "
                        f"{type(g).__name__}")
    if not s.directed:
        return s
    cells = missing_cells(g, s, selection.get("relations"), selection.get("waves"))
    if not cells.any():
        return s
    if not assume_reciprocal:
        keys = _relation_keys(g, selection.get("relations"))
        directed = [k for k in keys if g.relation(k)["directed"]]
        raise _core.InvalidValueError(
            f"{function}(treatment='reconstruct') fills a non-respondent's tie i -> j from its partner's report "
            f"j -> i, which is only sound when ties are reciprocal; {', '.join(map(repr, directed))} "
            f"{'is' if len(directed) == 1 else 'are'} directed. Pass assume_reciprocal=True if its ties are "
            "reciprocal (information exchanged both ways), or use treatment='observed'; an undirected relation "
            "needs nothing (docs/missing.md)")
    ids = list(s.ids)
    sources, targets, weights = (list(x) for x in s.edges())
    weight = {(a, b): w for a, b, w in zip(sources, targets, weights)}
    for i, j in zip(*np.nonzero(cells)):
        back = weight.get((ids[j], ids[i]))
        if back is not None:
            sources.append(ids[i])
            targets.append(ids[j])
            weights.append(back)
    return _snapshot_from_graph(ids, sources, targets, weights, True)
