"""Roster surveys (PARTNER-tool style): responses to ties, PARTNER trust and value scores.

See docs/io/roster.md for the rules and formulas; the work is done by the C++ functions
``wijknet::add_roster_ties`` and ``wijknet::partner_scores``.
"""

from __future__ import annotations

import json
import math
from typing import Iterable, Sequence

import pandas as pd

from . import _core
from ._alliance import Alliance
from ._keywords import checked

PARTNER_TRUST_ITEMS = ("reliability", "mission", "openness")
PARTNER_VALUE_ITEMS = ("power", "involvement", "resources")
#: Every other roster member: the value of a relation in ``missing_<wave>`` for a non-respondent.
ALL_PARTNERS = "all"


def record_missing(alliance: Alliance, respondents: Sequence[str], partners: Sequence[str], items: Sequence[str],
                   values: Sequence[float], roster: Sequence[str], item: str, relation: str, wave: str) -> None:
    """Write which reports of ``item`` (relation ``relation``) are missing in ``wave`` to ``missing_<wave>``.

    The text attribute ``missing_<wave>`` of a roster member holds a JSON object: per relation key, the partners on
    the roster it answered with NaN (a list of ids), or ``"all"`` when it did not respond at all. A respondent
    without a row about a partner reports 0 about it (the rules of add_roster_ties), so that is not missing. A roster
    member with every report of the relation known has no entry for it; one with no entry left loses the attribute.
    Called right after ``_add_roster_ties`` on the same (copied) alliance, which has given every roster member its
    ``respondent_<wave>``.
    """
    open_: dict[str, list] = {}
    for who, partner, it, value in zip(respondents, partners, items, values):
        if it == item and who != partner and math.isnan(value):
            open_.setdefault(who, []).append(partner)
    name = f"missing_{wave}"
    for who in dict.fromkeys(roster):
        record = alliance.stakeholder(who, include_sensitive=True)
        attributes = dict(record["attributes"])
        entry = json.loads(attributes[name]) if isinstance(attributes.get(name), str) else {}
        if attributes.get(f"respondent_{wave}") == "not":
            entry[relation] = ALL_PARTNERS
        else:
            gaps = list(dict.fromkeys(open_.get(who, [])))
            entry.pop(relation, None)
            if gaps:
                entry[relation] = gaps
        if entry:
            attributes[name] = json.dumps(entry, sort_keys=True, ensure_ascii=False)
        elif name not in attributes:
            continue
        else:
            del attributes[name]
        alliance.update_stakeholder(who, record["name"], record["kind"], record["roles"], record["waves"], attributes,
                                    record["sensitive"])


def _long(responses: pd.DataFrame, form: str, respondent: str, partner: str, item: str, value: str,
          separator: str) -> pd.DataFrame:
    """Responses in long form (respondent, partner, item, value); a missing answer is NaN."""
    if form == "wide":
        # One row per respondent; columns "partner<separator>item".
        melted = responses.melt(id_vars=[respondent], var_name="_column", value_name="value")
        split = melted["_column"].astype(str).str.rsplit(separator, n=1, expand=True)
        if split.shape[1] != 2 or split[1].isna().any():
            bad = melted.loc[split[1].isna(), "_column"].iloc[0] if split.shape[1] == 2 else melted["_column"].iloc[0]
            raise _core.InvalidValueError(
                f"wide roster column '{bad}' is not 'partner{separator}item' (e.g. 'coc{separator}frequency')")
        frame = pd.DataFrame({"respondent": melted[respondent].astype(str), "partner": split[0],
                              "item": split[1], "value": melted["value"]})
    elif form == "long":
        missing = [c for c in (respondent, partner, item, value) if c not in responses.columns]
        if missing:
            raise _core.InvalidValueError(f"roster: no column {missing[0]!r} (columns: {list(responses.columns)})")
        frame = pd.DataFrame({"respondent": responses[respondent].astype(str),
                              "partner": responses[partner].astype(str),
                              "item": responses[item].astype(str), "value": responses[value]})
    else:
        raise _core.InvalidValueError(f"roster form '{form}'; expected 'long' or 'wide'")
    numbers = pd.to_numeric(frame["value"], errors="coerce")
    bad = numbers.isna() & frame["value"].notna()
    if bad.any():
        row = frame[bad].iloc[0]
        raise _core.InvalidValueError(
            f"roster: '{row['respondent']}' rated '{row['partner']}' {row['value']!r} on '{row['item']}' "
            f"({int(bad.sum())} such answer(s)); expected a number >= 0, or nothing for no answer")
    frame["value"] = numbers
    return frame  # an empty cell stays, as NaN: a missing answer (the respondent's response is then "partly")


@checked
def add_roster_ties(alliance: Alliance, responses: pd.DataFrame, item: str, *, roster: Iterable[str] | None = None,
                    rule: str = "as_reported", relation: str | None = None, wave: str = "T0", form: str = "long",
                    respondent: str = "respondent", partner: str = "partner", item_column: str = "item",
                    value: str = "value", separator: str = ":") -> dict:
    """Turn the answers to one roster-survey item into ties of the alliance.

    Parameters
    ----------
    alliance : Alliance
        Changed in place; on an error it is left as it was.
    responses : pandas.DataFrame
        The answers, long or wide (``form``). An empty cell is a missing answer; 0 means "no contact".
    item : str
        The item that makes the ties (e.g. ``"frequency"``).
    roster : list of str, optional
        Everyone on the survey's roster; default every respondent and partner named. Non-respondents are kept as
        stakeholders.
    rule : {"as_reported", "minimum", "maximum", "mean"}, default "as_reported"
        How the reports x_ij (i about j) and x_ji become ties (see Notes).
    relation : str, optional
        The relation of the ties; default ``information`` (directed) for ``as_reported``, else ``collaboration``
        (undirected).
    wave : str, default "T0"
        The wave of the ties; declared if the alliance does not have it.
    form : {"long", "wide"}, default "long"
    respondent, partner, item_column, value : str
    separator : str, default ":"

    Returns
    -------
    dict
        ``respondents`` and ``non_respondents`` (lists of ids), ``partly`` (the respondents who left an answer
        missing), ``ties`` and ``unconfirmed`` (counts).

    Notes
    -----
    ``as_reported``: a directed tie i -> j of weight x_ij for every x_ij > 0. ``minimum``: one tie per pair when
    min(x_ij, x_ji) > 0 (confirmed by both); ``maximum``: when max > 0 (reported by either); ``mean``: when
    (x_ij + x_ji) / 2 > 0. When only one of the pair reported it, its report is used, marked unconfirmed. A missing
    answer (an empty cell) is no report, never a 0; a respondent without a row about a partner reports 0 about it.
    Every roster member gets the attribute ``respondent_<wave>``
    (``respondent_T0``): ``"responded"``, ``"partly"`` (answered, and left an answer missing) or ``"not"``; each wave
    keeps its own. Whose reports are missing is kept too, in the text attribute ``missing_<wave>``: per relation, the
    roster partners a member answered with an empty cell (left open, "don't know"), or ``"all"`` for a
    non-respondent (JSON; docs/missing.md). :func:`wijknet.missing_dyads` reads it. Every tie gets the attribute
    ``confirmed`` (both reports > 0). The symmetric rules need an undirected relation. The survey is the PARTNER tool's (see :func:`partner_scores`); docs/io/roster.md has the
    rules in full; :func:`add_survey` reads survey-tool exports.

    Examples
    --------
    Agent and coc answered how often they are in contact (0-4) with the others on the roster; buurt did not answer.

    >>> import pandas as pd
    >>> import wijknet
    >>> survey = pd.DataFrame({"respondent": ["agent", "agent", "coc", "coc"], "partner": ["coc", "buurt", "agent", "buurt"],
    ...                        "item": "frequency", "value": [3, 1, 2, 0]})
    >>> a = wijknet.Alliance()
    >>> wijknet.add_roster_ties(a, survey, "frequency", rule="minimum")
    {'respondents': ['agent', 'coc'], 'non_respondents': ['buurt'], 'partly': [], 'ties': 2, 'unconfirmed': 1}
    >>> a.ties()[["source", "target", "relation", "weight", "confirmed"]]
      source target       relation  weight  confirmed
    0  agent    coc  collaboration     2.0       True
    1  agent  buurt  collaboration     1.0      False
    """
    frame = _long(responses, form, respondent, partner, item_column, value, separator)
    if roster is None:
        roster = list(dict.fromkeys(list(frame["respondent"]) + list(frame["partner"])))
    if relation is None:
        relation = "information" if rule == "as_reported" else "collaboration"
    respondents, partners, items = list(frame["respondent"]), list(frame["partner"]), list(frame["item"])
    values, roster = [float(v) for v in frame["value"]], [str(r) for r in roster]
    # Ties, wave and missing reports change together, on a copy: all or nothing.
    work = alliance.copy()
    done = work._add_roster_ties(respondents, partners, items, values, roster, item, relation, wave, rule,
                                 declare_wave=True)
    record_missing(work, respondents, partners, items, values, roster, item, work.relation(relation)["key"], wave)
    alliance._assign(work)
    return done


@checked
def partner_scores(responses: pd.DataFrame, trust_items: Sequence[str] = PARTNER_TRUST_ITEMS,
                   value_items: Sequence[str] = PARTNER_VALUE_ITEMS, *, scale_max: float = 4.0,
                   form: str = "long", respondent: str = "respondent", partner: str = "partner",
                   item_column: str = "item", value: str = "value", separator: str = ":") -> pd.DataFrame:
    """PARTNER-tool trust and value scores per partner and for the whole network.

    Parameters
    ----------
    responses : pandas.DataFrame
        The answers, long or wide (``form``).
    trust_items : list of str, default ("reliability", "mission", "openness")
        The items averaged into trust.
    value_items : list of str, default ("power", "involvement", "resources")
        The items averaged into value.
    scale_max : float, default 4.0
        The top of the answer scale (PARTNER's is 1-4).
    form : {"long", "wide"}, default "long"
    respondent, partner, item_column, value : str
    separator : str, default ":"

    Returns
    -------
    pandas.DataFrame
        Indexed by ``partner``, the last row ``network``, with the columns ``trust``, ``value``, ``raters``,
        ``trust_pct`` and ``value_pct``; ``raters`` counts the respondents who rated the partner (for ``network``:
        who rated anyone).

    Notes
    -----
    The pair score T_ij is the mean of the trust items respondent i answered about partner j (V_ij likewise with the
    value items; answers of 0 are left out); the partner score T_j the mean of T_ij over the respondents who rated j
    (``raters``); the network score the mean of all pair scores. The percentages are 100 x score / ``scale_max``, as
    the PARTNER tool reports them.

    References
    ----------
    .. [1] PARTNER (Program to Analyze, Record, and Track Networks to Enhance Relationships), D. M. Varda,
       University of Colorado Denver, 2008: the roster survey and its trust and value scores. http://partnertool.net

    Examples
    --------
    The worked example of docs/io/roster.md: T_b = (3.5 + 2) / 2 = 2.75, T_c = 2, network T = 7.5 / 3 = 2.5.

    >>> import wijknet
    >>> import pandas as pd
    >>> answers = pd.DataFrame({
    ...     "respondent": ["a", "a", "a", "c", "a", "a", "a", "a"],
    ...     "partner": ["b", "b", "b", "b", "c", "c", "c", "c"],
    ...     "item": ["reliability", "mission", "power", "reliability", "reliability", "mission", "openness", "power"],
    ...     "value": [4, 3, 2, 2, 1, 1, 4, 4]})
    >>> wijknet.partner_scores(answers)
             trust  value  raters  trust_pct  value_pct
    partner                                            
    b         2.75    2.0       2      68.75       50.0
    c         2.00    4.0       1      50.00      100.0
    network   2.50    3.0       2      62.50       75.0
    """
    frame = _long(responses, form, respondent, partner, item_column, value, separator)
    scores = _core._partner_scores(list(frame["respondent"]), list(frame["partner"]), list(frame["item"]),
                                   [float(v) for v in frame["value"]], list(trust_items), list(value_items))
    rows = {("network" if who == "" else who): {"trust": t, "value": v, "raters": n}
            for who, (t, v, n) in scores.items()}
    out = pd.DataFrame.from_dict(rows, orient="index", columns=["trust", "value", "raters"])
    out = pd.concat([out.drop(index="network", errors="ignore"), out.loc[["network"]] if "network" in out.index else None])
    out.index.name = "partner"
    out["trust_pct"] = 100 * out["trust"] / scale_max
    out["value_pct"] = 100 * out["value"] / scale_max
    return out
