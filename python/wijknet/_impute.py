"""Multiple imputation of the missing tie cells of a survey (Huisman 2009), and the whole-network figures over the
imputations with intervals.

Each imputation fills every missing cell (:func:`wijknet.missing_dyads`) with a tie or no tie, drawn at random by
one of Huisman's procedures; the figures are computed on each completed network with numpy (no graph objects, so
hundreds of imputations of a large alliance stay fast) and summarised as a mean and the 2.5 and 97.5 percentiles.
docs/missing.md has the rules and what the interval does and does not mean.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from . import _core
from ._alliance import Snapshot
from ._keywords import SELECTION, checked
from ._missing import _relation_keys, _statuses, _wave_keys, missing_cells

__all__ = ["imputed_figures"]

#: Huisman's (2009) imputation procedures, as ``method=`` names them, and the respondent-row hot deck ("donor").
METHODS = ("random", "preferential", "reconstruct_random", "donor")
#: The whole-network figures of :func:`imputed_figures`, in the order of its rows.
FIGURES = ("density", "reciprocity", "centralization", "fragmentation", "components")


# ------------------------------------------------------------------------------------------ figures with numpy

def _components(n: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Weak component label of each of n vertices (the smallest vertex of its component) for ties u[k] - v[k]:
    hooking every tie's larger root onto the smaller one, then pointer jumping, until every tie lies within one
    label. Each round at least halves the number of roots a tie still joins, so the rounds are few."""
    labels = np.arange(n)
    while True:
        lu, lv = labels[u], labels[v]
        if np.array_equal(lu, lv):
            return labels
        low = np.minimum(lu, lv)
        np.minimum.at(labels, lu, low)
        np.minimum.at(labels, lv, low)
        while True:
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped


def whole_network(n: int, sources: np.ndarray, targets: np.ndarray, directed: bool) -> dict[str, float]:
    """Density, edgewise reciprocity, Freeman degree centralisation, fragmentation (ties read either way) and the
    number of weak components of a network of n vertices with the ties sources[k] -> targets[k] (distinct, no
    self-ties; an undirected tie once). The same figures as :func:`wijknet.density`, :func:`wijknet.reciprocity`,
    ``centralization(measure="degree")`` and :func:`wijknet.fragmentation` (tests/python/test_impute.py)."""
    m = len(sources)
    pairs = n * (n - 1)
    out = {"density": (m if directed else 2 * m) / pairs if n > 1 else 0.0}
    if directed:
        # a tie i -> j is returned when j -> i is a tie too: look the reversed codes up among the sorted codes
        codes = np.sort(sources.astype(np.int64) * n + targets)
        back = targets.astype(np.int64) * n + sources
        at = np.searchsorted(codes, back)
        returned = int(np.count_nonzero(codes[np.minimum(at, max(m - 1, 0))] == back)) if m else 0
        out["reciprocity"] = returned / m if m else float("nan")
        degree = np.bincount(sources, minlength=n) + np.bincount(targets, minlength=n)
        star = 2 * (n - 1) * (n - 2)
    else:
        out["reciprocity"] = 1.0
        degree = np.bincount(sources, minlength=n) + np.bincount(targets, minlength=n)
        star = (n - 1) * (n - 2)
    out["centralization"] = float((degree.max() - degree).sum()) / star if n > 2 else 0.0
    labels = _components(n, sources, targets)
    sizes = np.bincount(labels, minlength=n)
    sizes = sizes[sizes > 0].astype(np.int64)
    out["fragmentation"] = 1.0 - float((sizes * (sizes - 1)).sum()) / pairs if n > 1 else 0.0
    out["components"] = float(len(sizes))
    return out


# ------------------------------------------------------------------------------------------ the imputation model

class _Model:
    """The observed ties and, per missing cell, the chance that an imputation makes it a tie.

    Attributes
    ----------
    n : int
    directed : bool
    sources, targets : numpy.ndarray
        The observed ties (an undirected one once, its smaller vertex first).
    cell_sources, cell_targets : numpy.ndarray
        The missing cells (undirected: the pairs, smaller vertex first).
    chance : numpy.ndarray
        Per missing cell, the chance of a tie in an imputation (1 or 0 for a reconstructed cell); for ``donor`` the
        mean over imputations.
    observed_density : float
        Ties / known cells: the density of the cells that are not missing.
    donor_rates : numpy.ndarray or None
        ``donor``: the tie rate of every donor (a stakeholder on the list who answered every question).
    cell_ends : tuple of two numpy.ndarray, or None
        ``donor``: per missing cell, the two takers (indices into the stakeholders with an unknown report) whose
        drawn rates it takes the mean of (the same one twice when one report is unknown).
    """

    def __init__(self, n, directed, sources, targets, cell_sources, cell_targets, chance, observed_density,
                 donor_rates=None, cell_ends=None, takers=0):
        self.n, self.directed = n, directed
        self.sources, self.targets = sources, targets
        self.cell_sources, self.cell_targets = cell_sources, cell_targets
        self.chance, self.observed_density = chance, observed_density
        self.donor_rates, self.cell_ends, self.takers = donor_rates, cell_ends, takers

    def draw(self, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """One completed network: the observed ties and the missing cells that came up ties."""
        chance = self.chance
        if self.donor_rates is not None:
            # approximate Bayesian bootstrap (Rubin & Schenker 1986): resample the donors, then give every taker
            # the rate of a donor drawn from that resample, so the spread of the rates and the uncertainty of
            # their mean both reach the interval
            pool = rng.choice(self.donor_rates, size=len(self.donor_rates))
            rates = rng.choice(pool, size=self.takers)
            chance = (rates[self.cell_ends[0]] + rates[self.cell_ends[1]]) / 2
        hit = rng.random(len(chance)) < chance
        return (np.concatenate([self.sources, self.cell_sources[hit]]),
                np.concatenate([self.targets, self.cell_targets[hit]]))


def model(alliance: _core.Alliance, method: str, assume_reciprocal: bool, selection: dict) -> _Model:
    """The imputation model of a selection of ``alliance`` for ``method`` (see :func:`imputed_figures`)."""
    if method not in METHODS:
        raise _core.InvalidValueError(f"imputed_figures: method must be {', '.join(map(repr, METHODS))}, "
                                      f"got {method!r}")
    s = Snapshot(alliance, **selection)
    relations, waves = selection.get("relations"), selection.get("waves")
    ids = list(s.ids)
    n = len(ids)
    position = {sid: k for k, sid in enumerate(ids)}
    src, dst, _ = s.edges()
    sources = np.array([position[x] for x in src], dtype=np.int64)
    targets = np.array([position[x] for x in dst], dtype=np.int64)
    keep = sources != targets  # a self-tie is no cell of the figures
    sources, targets = sources[keep], targets[keep]
    tie = np.zeros((n, n), dtype=bool)
    tie[sources, targets] = True
    if not s.directed:
        tie |= tie.T
    missing = missing_cells(alliance, s, relations, waves)
    if s.directed:
        space = ~np.eye(n, dtype=bool)
    else:
        space = np.triu(np.ones((n, n), dtype=bool), 1)
    sources, targets = np.nonzero(tie & space)
    cells = missing & space
    known = int(space.sum() - cells.sum())
    density = len(sources) / known if known else 0.0
    cell_sources, cell_targets = np.nonzero(cells)
    if method == "random":
        chance = np.full(len(cell_sources), density)
    elif method == "preferential":
        # j's in-degree as a rate: the share of the known cells into j that are ties (undirected: the degree over
        # j's known pairs; a pair takes the mean of its two). Without a known cell into j: the observed density.
        known_in = (space | space.T) & ~missing if not s.directed else space & ~missing
        into = known_in.sum(axis=0)
        rate = np.where(into > 0, tie.sum(axis=0) / np.maximum(into, 1), density)
        chance = rate[cell_targets] if s.directed else (rate[cell_sources] + rate[cell_targets]) / 2
    elif method == "donor":
        return _donor_model(alliance, s, missing, tie, space, sources, targets, cell_sources, cell_targets, density,
                            relations, waves)
    else:
        if s.directed and len(cell_sources) and not assume_reciprocal:
            directed = [k for k in _relation_keys(alliance, relations) if alliance.relation(k)["directed"]]
            raise _core.InvalidValueError(
                "imputed_figures(method='reconstruct_random') fills a non-respondent's tie i -> j from its partner's "
                f"report j -> i, which is only sound when ties are reciprocal; {', '.join(map(repr, directed))} "
                f"{'is' if len(directed) == 1 else 'are'} directed. Pass assume_reciprocal=True if its ties are "
                "reciprocal, or use method='random' or 'preferential' (docs/missing.md)")
        if s.directed:
            # the partner's report j -> i is known unless that cell is missing too
            nobody = missing[cell_targets, cell_sources]
            reported = tie[cell_targets, cell_sources]
        else:
            # an undirected pair is missing when either report is; the readers already made the tie from the other
            # report when there was one, so a pair with one known report is absent and only a pair neither side
            # reported on is open
            gaps = missing_cells(alliance, s, relations, waves, reports=True)
            nobody = gaps[cell_sources, cell_targets] & gaps[cell_targets, cell_sources]
            reported = np.zeros(len(cell_sources), dtype=bool)
        chance = np.where(nobody, density, reported.astype(float))
    return _Model(n, s.directed, sources.astype(np.int64), targets.astype(np.int64), cell_sources.astype(np.int64),
                 cell_targets.astype(np.int64), chance, density)


def _donor_model(alliance, s, missing, tie, space, sources, targets, cell_sources, cell_targets, density, relations,
                 waves) -> _Model:
    """The ``donor`` model: who gives (on a wave's list, every own report known) and who takes (an unknown report)."""
    n = len(s.ids)
    gaps = missing_cells(alliance, s, relations, waves, reports=True)
    on_list = np.zeros(n, dtype=bool)
    position = {sid: k for k, sid in enumerate(s.ids)}
    for wave in _wave_keys(alliance, waves):
        for sid in _statuses(alliance, wave):
            if sid in position:
                on_list[position[sid]] = True
    takes = gaps.any(axis=1)
    donors = np.nonzero(on_list & ~takes)[0]
    if len(cell_sources) and not len(donors):
        raise _core.InvalidValueError(
            "imputed_figures(method='donor') copies tie rates from stakeholders who answered every question, and "
            "nobody on the list did; use method='random' or 'preferential'")
    # a donor's rate: the share of the others it has a tie to (sent, in a directed relation)
    rates = (tie[donors].sum(axis=1) / max(n - 1, 1)).astype(float)
    taker = np.cumsum(takes) - 1  # stakeholder -> index among the takers
    own = gaps[cell_sources, cell_targets]
    first = np.where(own, cell_sources, cell_targets)
    if s.directed:
        second = first  # a directed cell is the sender's report alone
    else:
        second = np.where(gaps[cell_targets, cell_sources], cell_targets, first)
    chance = np.full(len(cell_sources), rates.mean() if len(rates) else density)
    return _Model(n, s.directed, sources.astype(np.int64), targets.astype(np.int64), cell_sources.astype(np.int64),
                  cell_targets.astype(np.int64), chance, density, rates, (taker[first], taker[second]),
                  int(takes.sum()))


def sample(m: _Model, imputations: int, seed: int) -> pd.DataFrame:
    """The figures of every imputation of ``m``: one row per imputation, one column per figure."""
    # one stream per imputation, spawned from the seed: imputation k is the same however many are asked for
    streams = np.random.SeedSequence(seed).spawn(imputations)
    rows = [whole_network(m.n, *m.draw(np.random.default_rng(stream)), m.directed) for stream in streams]
    out = pd.DataFrame(rows, columns=list(FIGURES))
    out.index.name = "imputation"
    return out


# ------------------------------------------------------------------------------------------ public function

@checked(selection=SELECTION)
def imputed_figures(alliance: Any, method: str = "random", imputations: int = 20, seed: int = 42,
                    assume_reciprocal: bool = False, **selection) -> pd.DataFrame:
    """The whole-network figures with the missing tie cells of a survey imputed many times (Huisman 2009).

    Parameters
    ----------
    alliance : Alliance
        The alliance; which cells are missing is read from its survey response (:func:`wijknet.missing_dyads`).
    method : {"random", "preferential", "reconstruct_random", "donor"}, default "random"
        How a missing cell is filled (see Notes).
    imputations : int, default 20
        How many completed networks to draw.
    seed : int, default 42
        The seed: the same seed gives the same imputations, and imputation k is the same whatever ``imputations``.
    assume_reciprocal : bool, default False
        With ``"reconstruct_random"`` on a directed relation with missing cells: say that its ties are reciprocal,
        so the partner's report j -> i may stand for the missing i -> j (without it, an InvalidValueError).
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``figure`` (``density``, ``reciprocity`` (edgewise), ``centralization`` (Freeman, degree),
        ``fragmentation`` (ties read either way) and ``components`` (weak)), with the columns ``observed`` (missing
        counted as no tie), ``estimate`` (the mean over the imputations), ``low`` and ``high`` (the 2.5 and 97.5
        percentiles over the imputations, linear interpolation).

    Raises
    ------
    InvalidValueError
        For an unknown method, fewer than one imputation, ``"reconstruct_random"`` on a directed relation with
        missing cells without ``assume_reciprocal=True``, or ``"donor"`` when nobody on the list answered every
        question.

    Notes
    -----
    Let p be the density of the known cells: ties / (possible cells − missing cells) (an undirected pair is one
    cell). Each imputation fills every missing cell independently:

    - ``random``: a tie with chance p, so the expected density of a completed network is p;
    - ``preferential`` (preferential attachment): a tie i -> j with chance equal to j's observed in-degree rate, the
      share of the known cells into j that are ties (undirected: the mean of the two ends' degree rates; p for a
      stakeholder nobody reported on): popular stakeholders get more of the imputed ties;
    - ``reconstruct_random``: first reconstruction (Stork & Richards 1992), i -> j takes the partner's known
      report j -> i (tie or no tie); a cell whose reverse is missing too (two non-respondents) is a tie with chance
      p. In an undirected relation the survey readers already made every tie either side reported, so only pairs
      neither side reported on are drawn;
    - ``donor`` (a hot deck of respondents' rows, not one of Huisman's): the stakeholders on the survey's list who
      answered every question are donors, each with its tie rate (ties sent, undirected: ties, over n − 1). In each
      imputation the donors are resampled with replacement (approximate Bayesian bootstrap, Rubin & Schenker 1986),
      and every stakeholder with an unknown report takes the rate of a donor drawn from that resample; its missing
      cells are ties with that chance (an undirected pair both of whose reports are unknown: the mean of the two).
      A non-respondent thus gets the tie rate of a real respondent, busy or quiet, and the interval carries how much
      respondents differ and how well their mean is known.

    The interval is the spread of the figure over the imputations: it shows how much the answer depends on what
    the missing cells might have been under the method's assumptions, nothing more (``donor``: also how well the
    respondents' tie rates are known). It is not a confidence interval
    (Rubin's rules would add the within-network sampling variance, which a whole network does not have in the
    usual sense), and it does not cover a method's bias: if non-respondents differ from respondents (missing not at
    random), every imputation shares that error. With no missing cells every imputation is the observed network
    and ``low == estimate == high == observed``. Cost O(n² + m) once, then O(n + c + m) per imputation for c
    missing cells and m ties.

    References
    ----------
    .. [1] Huisman, M. (2009). Imputation of missing network data: some simple procedures. Journal of Social
       Structure 10(1). https://doi.org/10.21307/joss-2019-025
    .. [2] Stork, D. & Richards, W. D. (1992). Nonrespondents in communication network studies: problems and
       possibilities. Group & Organization Management 17(2), 193-209.
    .. [3] Rubin, D. B. & Schenker, N. (1986). Multiple imputation for interval estimation from simple random samples
       with ignorable nonresponse. Journal of the American Statistical Association 81(394), 366-374.
       https://doi.org/10.1080/01621459.1986.10478280

    Examples
    --------
    Agent did not answer, and the three others did not know about agent: 6 of the 12 cells are missing, and 4 of
    the 6 known cells are ties (p = 2/3).

    >>> import pandas as pd
    >>> import wijknet
    >>> answers = pd.DataFrame({"respondent": ["coc", "coc", "coc", "team", "team", "team", "buurt", "buurt", "buurt"],
    ...                         "partner": ["team", "buurt", "agent", "coc", "buurt", "agent", "coc", "team", "agent"],
    ...                         "item": "contact", "value": [3, 2, None, 3, 0, None, 2, 0, None]})
    >>> a = wijknet.Alliance()
    >>> _ = wijknet.add_roster_ties(a, answers, "contact", roster=["coc", "team", "buurt", "agent"])
    >>> wijknet.imputed_figures(a, imputations=200, seed=1).round(3)
                    observed  estimate    low   high
    figure                                          
    density            0.333     0.680  0.500  0.833
    reciprocity        1.000     0.840  0.571  1.000
    centralization     0.667     0.444  0.167  0.833
    fragmentation      0.500     0.000  0.000  0.000
    components         2.000     1.000  1.000  1.000
    """
    if not isinstance(alliance, _core.Alliance):
        raise TypeError(f"imputed_figures needs the Alliance (its survey response), not {type(alliance).__name__}")
    if isinstance(imputations, bool) or not isinstance(imputations, (int, np.integer)) or imputations < 1:
        raise _core.InvalidValueError(f"imputed_figures: imputations must be a whole number of at least 1, "
                                      f"got {imputations!r}")
    m = model(alliance, method, assume_reciprocal, selection)
    observed = whole_network(m.n, m.sources, m.targets, m.directed)
    figures = sample(m, int(imputations), seed)
    out = pd.DataFrame({"observed": pd.Series(observed),
                        "estimate": figures.mean(),
                        "low": figures.quantile(0.025),
                        "high": figures.quantile(0.975)}).loc[list(FIGURES)]
    out.index.name = "figure"
    return out
