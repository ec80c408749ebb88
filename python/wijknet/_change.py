"""Change between two waves of one alliance: ties gained, lost and kept, who joined and left, how
measures moved, which roles and chains appeared or disappeared — descriptive, with plain-language
sentences in English and Dutch. Whether a change is more than chance is the business of the
permutation tests (:func:`wijknet.qap_test`, :func:`wijknet.netlm`, :func:`wijknet.cug_test`).
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

import pandas as pd

from ._keywords import checked
from . import _core, _sentences
from ._diagnostics import _list, _present, chain_routes, role_coverage
from ._wording import Wording

__all__ = ["JACCARD_WARNING", "LowJaccardWarning", "WaveComparison", "compare_waves"]

JACCARD_WARNING = 0.2
"""Below this Jaccard index of a relation's two tie sets, :func:`compare_waves` warns. The RSiena
manual (Ripley et al., section 5.2) asks for Jaccard values preferably above 0.3 and calls values
below 0.2 a sign that the waves are too far apart for a change model; a descriptive comparison
still works, but most ties are then simply different ties."""


class LowJaccardWarning(UserWarning):
    """Two waves share so few ties of a relation that comparing them says little.

    Raised by :func:`compare_waves` when a relation's Jaccard index is below ``JACCARD_WARNING`` (0.2): below it the
    RSiena manual (Ripley et al., section 5.2) calls the waves too far apart for a model of change. The descriptive
    comparison is still made.

    Examples
    --------
    Two waves in which the same four stakeholders share no tie at all:

    >>> import warnings
    >>> import wijknet
    >>> a = wijknet.Alliance()
    >>> for wave in ("T0", "T1"):
    ...     a.add_wave(wave)
    >>> for sid in ("a", "b", "c", "d"):
    ...     a.add_stakeholder(sid)
    >>> a.add_tie("a", "b", "collaboration", "T0")
    >>> a.add_tie("c", "d", "collaboration", "T1")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     c = wijknet.compare_waves(a, "T0", "T1")
    >>> caught[0].category.__name__
    'LowJaccardWarning'
    >>> print(caught[0].message)
    relation 'collaboration': waves T0 and T1 share 0 of 2 ties (Jaccard 0.00 < 0.2); the waves are hardly comparable
    """


@dataclass
class WaveComparison:
    """The change between two waves of an alliance; returned by :func:`compare_waves`.

    Attributes
    ----------
    alliance : Alliance
        The alliance compared.
    before, after : str
        The two waves.
    relations : list of str
        The relations compared.
    ties : pandas.DataFrame
        Per relation: ``before`` and ``after`` (tie counts), ``gained``, ``lost``, ``kept`` and ``jaccard`` (kept /
        ties in either wave; NaN when neither wave has a tie).
    tie_changes : pandas.DataFrame
        One row per tie gained or lost: ``relation``, ``source``, ``target``, ``change`` ("gained" or "lost"); an
        undirected tie is listed once, its ends in id order.
    stakeholders : pandas.DataFrame
        Per stakeholder present in either wave: ``before``, ``after`` (present or not) and ``change`` ("joined",
        "left" or "").
    measures : pandas.DataFrame
        Network-level measures of all compared relations together, as one graph (so ``ties`` counts pairs tied by
        any of them: a pair tied by two relations counts once, while ``ties`` above counts per relation and its sum
        counts the pair twice) (rows ``stakeholders``, ``ties``, ``density``, ``reciprocity``, ``transitivity``,
        ``components``, ``degree_centralization``) with the columns ``before``, ``after`` and ``change``.
    roles : pandas.DataFrame
        Per template role: the coverage status ``before`` and ``after`` (as :func:`role_coverage`) and ``change``
        ("newly covered", "lost" or "").
    chains : pandas.DataFrame
        Per chain: ``roles``, whether it works ``before`` and ``after``, and ``change`` ("started", "stopped" or "").
    sentences : list of str
        The comparison in plain language; ``str()`` joins them.

    Examples
    --------
    >>> import wijknet
    >>> c = wijknet.compare_waves(wijknet.load_example(), "T0", "T1")
    >>> c.ties.loc["referral"]
    before     12.000000
    after      17.000000
    gained      9.000000
    lost        4.000000
    kept        8.000000
    jaccard     0.380952
    Name: referral, dtype: float64
    >>> c.measures.loc[["stakeholders", "ties", "density"]].round(4)
                  before    after   change
    measure                               
    stakeholders  31.000  32.0000   1.0000
    ties          67.000  78.0000  11.0000
    density        0.072   0.0786   0.0066
    """

    alliance: _core.Alliance
    before: str
    after: str
    relations: list[str]
    ties: pd.DataFrame
    tie_changes: pd.DataFrame
    stakeholders: pd.DataFrame
    measures: pd.DataFrame
    roles: pd.DataFrame
    chains: pd.DataFrame
    sentences: list[str] = field(default_factory=list)

    @property
    def joined(self) -> list[str]:
        """The stakeholders present in the later wave only (a list of ids).
        """
        return list(self.stakeholders.index[self.stakeholders["change"] == "joined"])

    @property
    def left(self) -> list[str]:
        """The stakeholders present in the earlier wave only (a list of ids).
        """
        return list(self.stakeholders.index[self.stakeholders["change"] == "left"])

    def shift(self, measure: Callable[..., pd.Series], **kwargs: Any) -> pd.DataFrame:
        """How a per-stakeholder measure moved between the two waves.

        Parameters
        ----------
        measure : callable
            A wijknet function returning a Series keyed by stakeholder id (``wijknet.betweenness``, ``wijknet.degree``,
            ...). It is called once per wave with ``waves=[wave]``, the comparison's ``relations``, and ``ids=`` the
            stakeholders present in that wave.
        **kwargs
            Passed on to ``measure`` (its options).

        Returns
        -------
        pandas.DataFrame
            Indexed by stakeholder id, with the columns ``before``, ``after`` and ``change`` (after − before; NaN for
            those who joined or left), largest rise first: the table of :meth:`Scenario.shift`.

        Examples
        --------
        >>> import wijknet
        >>> c = wijknet.compare_waves(wijknet.load_example(), "T0", "T1")
        >>> c.shift(wijknet.degree).head(3)
                                  before  after  change
        stakeholder                                    
        welzijn_rivierstad          12.0   20.0     8.0
        coc_rivierstad               9.0   16.0     7.0
        jongerenwerker_roodborst     8.0   13.0     5.0
        """
        values = {}
        for column, wave in (("before", self.before), ("after", self.after)):
            ids = sorted(_present(self.alliance, wave))
            values[column] = measure(self.alliance, waves=[wave], relations=self.relations or None, ids=ids, **kwargs)
        frame = pd.DataFrame(values)
        frame["change"] = frame["after"] - frame["before"]
        frame.index.name = "stakeholder"
        return frame.sort_values("change", ascending=False)

    def test(self) -> pd.DataFrame:
        """Whether the change of each relation is more than chance: the exact test of gained against lost ties.

        Only pairs of stakeholders present in both waves count: a tie gained because someone joined, or lost
        because someone left, is a change of who takes part, not of how they are tied.

        Returns
        -------
        pandas.DataFrame
            Per relation: ``gained`` and ``lost`` (among those pairs), ``changed`` (their sum) and ``p_value``,
            the two-sided exact p-value.

        Notes
        -----
        Under the null hypothesis that nothing changed but chance, each pair whose tie differs between the waves
        was as likely to gain it as to lose it: swapping the two waves' values of every pair at random (the exact
        permutation test of the paired tie indicators) makes the number lost binomial with n = gained + lost and
        p = 1/2. The p-value is P(X <= min) + P(X >= max) for X ~ Bin(n, 1/2), at most 1: McNemar's exact test
        (McNemar 1947), equal to ``scipy.stats.binomtest(lost, n, 0.5).pvalue``. It tests the balance of gains
        and losses (does the relation grow or shrink?), not which ties changed.

        References
        ----------
        .. [1] McNemar, Q. (1947). Note on the sampling error of the difference between correlated proportions or
           percentages. Psychometrika 12(2), 153-157. https://doi.org/10.1007/BF02295996

        Examples
        --------
        >>> import wijknet
        >>> c = wijknet.compare_waves(wijknet.load_example(), "T0", "T1")
        >>> c.test().round(3)
                       gained  lost  changed  p_value
        relation                                     
        collaboration      11     3       14    0.057
        information         6     6       12    1.000
        referral            6     0        6    0.031
        trust               2     0        2    0.500
        """
        stable = set(self.stakeholders.index[self.stakeholders["before"] & self.stakeholders["after"]])
        changes = self.tie_changes[self.tie_changes["source"].isin(stable) & self.tie_changes["target"].isin(stable)]
        rows = {}
        for rel in self.ties.index:
            mine = changes[changes["relation"] == rel]
            gained, lost = int((mine["change"] == "gained").sum()), int((mine["change"] == "lost").sum())
            rows[rel] = {"gained": gained, "lost": lost, "changed": gained + lost,
                         "p_value": sign_test(gained, lost)}
        frame = pd.DataFrame.from_dict(rows, orient="index", columns=["gained", "lost", "changed", "p_value"])
        frame.index.name = "relation"
        return frame

    def __str__(self) -> str:
        return "\n".join(self.sentences)


def sign_test(gained: int, lost: int) -> float:
    """The two-sided exact sign test of gained against lost (McNemar's exact test): exact integer
    arithmetic, so a large count loses no precision. 1.0 when nothing changed."""
    n = gained + lost
    if n == 0:
        return 1.0
    k = min(gained, lost)
    tail = sum(math.comb(n, i) for i in range(k + 1))  # P(X <= k) * 2^n, and the other tail by symmetry
    return min(1.0, 2 * tail / 2 ** n)


def _tie_sets(alliance: _core.Alliance, wave: str, relations: Sequence[str]) -> dict[str, set]:
    ties = alliance.ties()
    directed = {r["key"]: bool(r["directed"]) for r in alliance.relations}
    out = {}
    for rel in relations:
        part = ties[(ties["wave"] == wave) & (ties["relation"] == rel)]
        pairs = zip(part["source"], part["target"])
        out[rel] = {p if directed[rel] else tuple(sorted(p)) for p in pairs}
    return out


def _network_measures(alliance: _core.Alliance, wave: str, relations: Sequence[str]) -> dict[str, float]:
    s = _core.Snapshot(alliance, relations=list(relations) or None, waves=[wave],
                       ids=sorted(_present(alliance, wave)))
    n = len(s)
    out = {"stakeholders": float(n), "ties": float(s.num_ties)}
    out["density"] = s.density() if n > 1 else float("nan")
    out["reciprocity"] = s._reciprocity("edgewise") if s.directed and s.num_ties else float("nan")
    out["transitivity"] = s._transitivity()
    out["components"] = float(len(set(s.weak_components())))
    out["degree_centralization"] = s._centralization("degree", 0) if n > 2 else float("nan")
    return out


@checked
def compare_waves(alliance: _core.Alliance, before: str, after: str, relations: Iterable[str] | str | None = None,
                  template: str | None = "samen_in_de_wijk", chains: Iterable[Sequence[str]] = (),
                  relation: str | Sequence[str] | None = None, lang: str = "en",
                  show_names: bool = False) -> WaveComparison:
    r"""What changed in the alliance between two waves.

    Parameters
    ----------
    alliance : wijknet.Alliance
    before, after : str
        Wave keys, the earlier one first (``InvalidValueError`` otherwise: gained and lost would
        be read backwards).
    relations : str or list of str, optional
        The relations compared (default every relation that has a tie in either wave).
    template : str or None, default "samen_in_de_wijk"
        The method template whose roles are compared (None: no role comparison).
    chains : list of role sequences
        Chains (as in :func:`wijknet.chain_routes`) whose working is compared.
    relation : str, list of str or None, default None
        The relation the chains' steps follow, one for all steps or one per step (as in
        :func:`wijknet.chain_routes`); None for the ties of ``relations``.
    lang : {"en", "nl"}, default "en"
    show_names : bool, default False

    Returns
    -------
    WaveComparison
        ``ties`` (gained, lost, kept and the Jaccard index per relation), ``tie_changes``,
        ``stakeholders`` (joined, left), ``measures`` (network level, side by side), ``roles``,
        ``chains``, ``sentences`` and :meth:`WaveComparison.shift` for any per-stakeholder measure.

    Warns
    -----
    LowJaccardWarning
        When a relation's Jaccard index is below :data:`JACCARD_WARNING` (0.2).

    Notes
    -----
    With :math:`E_0, E_1` the tie sets of a relation in the two waves (an undirected tie is an
    unordered pair), gained :math:`= |E_1 \setminus E_0|`, lost :math:`= |E_0 \setminus E_1|`,
    kept :math:`= |E_0 \cap E_1|` and the Jaccard index is :math:`|E_0 \cap E_1| / |E_0 \cup E_1|`
    (Batagelj & Bren 1995; used for wave-to-wave stability in RSiena, Ripley et al. 2023).
    A stakeholder belongs to a wave as in the rest of wijknet: listed for it, or listed for no wave
    at all. Network-level measures are computed on the stakeholders present in each wave.

    References
    ----------
    .. [1] Ripley, R. M., Snijders, T. A. B., Boda, Z., Vörös, A. & Preciado, P. (2023). *Manual for
       RSiena*, section 5.2 (the Jaccard index of consecutive waves).

    Examples
    --------
    >>> import wijknet
    >>> c = wijknet.compare_waves(wijknet.load_example(), "T0", "T1", relations=["referral"])
    >>> c.ties.columns.tolist()
    ['before', 'after', 'gained', 'lost', 'kept', 'jaccard']
    >>> bool(c.ties.loc["referral", "kept"] <= c.ties.loc["referral", "before"])
    True
    """
    words = Wording(alliance, lang, show_names)
    waves = [w["key"] for w in alliance.waves]
    for w in (before, after):
        if w not in waves:
            raise _core.UnknownIdError(f"no wave '{w}' in the alliance; its waves are {waves}")
    if waves.index(before) >= waves.index(after):
        # Gained and lost are read from the earlier wave to the later one.
        raise _core.InvalidValueError(f"before='{before}' is not a wave before after='{after}'; the waves in time "
                                      f"order are {waves}")
    all_relations = [r["key"] for r in alliance.relations]
    chosen = _list(relations)
    for r in chosen:
        if r not in all_relations:
            raise _core.UnknownIdError(f"no relation '{r}' in the alliance; its relations are {all_relations}")
    sets0 = _tie_sets(alliance, before, chosen or all_relations)
    sets1 = _tie_sets(alliance, after, chosen or all_relations)
    rows, changes = {}, []
    for rel in chosen or all_relations:
        a, b = sets0[rel], sets1[rel]
        if not chosen and not a and not b:
            continue
        union = len(a | b)
        rows[rel] = {"before": len(a), "after": len(b), "gained": len(b - a), "lost": len(a - b),
                     "kept": len(a & b), "jaccard": len(a & b) / union if union else float("nan")}
        changes += [{"relation": rel, "source": s, "target": t, "change": "gained"} for s, t in sorted(b - a)]
        changes += [{"relation": rel, "source": s, "target": t, "change": "lost"} for s, t in sorted(a - b)]
    ties = pd.DataFrame.from_dict(rows, orient="index",
                                  columns=["before", "after", "gained", "lost", "kept", "jaccard"])
    ties.index.name = "relation"
    for rel, row in ties.iterrows():
        if row["jaccard"] < JACCARD_WARNING:
            warnings.warn(f"relation '{rel}': waves {before} and {after} share {int(row['kept'])} of "
                          f"{int(row['before'] + row['gained'])} ties (Jaccard {row['jaccard']:.2f} < "
                          f"{JACCARD_WARNING}); the waves are hardly comparable", LowJaccardWarning, stacklevel=2)
    tie_changes = pd.DataFrame(changes, columns=["relation", "source", "target", "change"])

    p0, p1 = _present(alliance, before), _present(alliance, after)
    ids = sorted(p0 | p1)
    stake = pd.DataFrame({"before": [i in p0 for i in ids], "after": [i in p1 for i in ids]},
                         index=pd.Index(ids, name="stakeholder"))
    stake["change"] = ["joined" if (b1 and not b0) else ("left" if (b0 and not b1) else "")
                       for b0, b1 in zip(stake["before"], stake["after"])]

    scope = chosen or list(ties.index)
    m0, m1 = _network_measures(alliance, before, scope), _network_measures(alliance, after, scope)
    measures = pd.DataFrame({"before": m0, "after": m1})
    measures["change"] = measures["after"] - measures["before"]
    measures.index.name = "measure"

    if template:
        c0 = role_coverage(alliance, template, wave=before, relations=scope)
        c1 = role_coverage(alliance, template, wave=after, relations=scope)
        roles = pd.DataFrame({"before": c0["status"], "after": c1["status"]})
        roles["change"] = ["newly covered" if b == "absent" and a != "absent" else
                           ("lost" if a == "absent" and b != "absent" else "")
                           for b, a in zip(roles["before"], roles["after"])]
    else:
        roles = pd.DataFrame(columns=["before", "after", "change"])
    roles.index.name = "role"

    chain_rows = []
    for c in chains:
        c = list(c)
        works = chain_routes(alliance, c, relation=relation, relations=scope).summary["exists"]
        w0, w1 = bool(works.get(before, False)), bool(works.get(after, False))
        chain_rows.append({"chain": " -> ".join(c), "roles": [alliance.role(r)["key"] for r in c], "before": w0,
                           "after": w1, "change": "started" if w1 and not w0 else ("stopped" if w0 and not w1 else "")})
    chain_frame = pd.DataFrame(chain_rows, columns=["chain", "roles", "before", "after", "change"]).set_index("chain")

    sentences = _sentences.wave_change(words, before, after, ties, list(stake.index[stake["change"] == "joined"]),
                                       list(stake.index[stake["change"] == "left"]),
                                       list(roles.index[roles["change"] == "newly covered"]),
                                       list(roles.index[roles["change"] == "lost"]), chain_frame, JACCARD_WARNING,
                                       roles_compared=bool(template))
    return WaveComparison(alliance, before, after, chosen, ties, tie_changes, stake, measures, roles, chain_frame,
                          sentences)
