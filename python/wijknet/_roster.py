"""Roster surveys (PARTNER-tool style): responses to ties, PARTNER trust and value scores.

See docs/io/roster.md for the rules and formulas; the work is done by the C++ functions
``wijknet::add_roster_ties`` and ``wijknet::partner_scores``.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import pandas as pd

from . import _core
from ._alliance import Alliance
from ._keywords import checked

PARTNER_TRUST_ITEMS = ("reliability", "mission", "openness")
PARTNER_VALUE_ITEMS = ("power", "involvement", "resources")


def _long(responses: pd.DataFrame, form: str, respondent: str, partner: str, item: str, value: str,
          separator: str) -> pd.DataFrame:
    """Responses in long form (respondent, partner, item, value), missing answers dropped."""
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
    return frame.dropna(subset=["value"])


@checked
def add_roster_ties(alliance: Alliance, responses: pd.DataFrame, item: str, *, roster: Iterable[str] | None = None,
                    rule: str = "as_reported", relation: str | None = None, wave: str = "T0", form: str = "long",
                    respondent: str = "respondent", partner: str = "partner", item_column: str = "item",
                    value: str = "value", separator: str = ":") -> dict:
    """Turn the answers to one roster item into ties of ``alliance`` (changed in place).

    ``responses`` is long (columns respondent, partner, item, value) or wide (``form="wide"``:
    one row per respondent, a column ``respondent`` and columns ``partner:item``). ``roster``
    lists everyone on the survey's roster (default: every respondent and partner named);
    non-respondents are kept as stakeholders and every roster member gets the attribute
    ``respondent``. ``rule``: ``as_reported`` (directed ties, default relation ``information``),
    ``minimum`` (confirmed by both), ``maximum`` (reported by either) or ``mean`` (these three
    default to the undirected ``collaboration``). Every tie gets the attribute ``confirmed``.
    Declares the wave if needed. Returns a dict with respondents, non_respondents, ties,
    unconfirmed. On error the alliance is unchanged.
    """
    frame = _long(responses, form, respondent, partner, item_column, value, separator)
    if roster is None:
        roster = list(dict.fromkeys(list(frame["respondent"]) + list(frame["partner"])))
    if relation is None:
        relation = "information" if rule == "as_reported" else "collaboration"
    # The wave is declared by the same C++ call that adds the ties: all or nothing.
    return alliance._add_roster_ties(list(frame["respondent"]), list(frame["partner"]), list(frame["item"]),
                                     [float(v) for v in frame["value"]], [str(r) for r in roster], item, relation,
                                     wave, rule, declare_wave=True)


@checked
def partner_scores(responses: pd.DataFrame, trust_items: Sequence[str] = PARTNER_TRUST_ITEMS,
                   value_items: Sequence[str] = PARTNER_VALUE_ITEMS, *, scale_max: float = 4.0,
                   form: str = "long", respondent: str = "respondent", partner: str = "partner",
                   item_column: str = "item", value: str = "value", separator: str = ":") -> pd.DataFrame:
    """PARTNER-tool trust and value scores per partner, and for the network (row ``"network"``).

    Pair score = mean of the trust (value) items a respondent answered about a partner; partner
    score = mean of its pair scores; network score = mean of all pair scores; ``trust_pct`` and
    ``value_pct`` = 100 x score / ``scale_max`` (PARTNER's 1-4 scale: 4). Zero answers are
    left out. Columns: trust, value, raters, trust_pct, value_pct.
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
