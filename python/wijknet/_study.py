"""Many alliances at once: a :class:`Study` labels each alliance with its municipality,
neighbourhood and method, runs any measure, diagnostic or test over all of them into one tidy
table, compares methods and waves side by side, tests whether methods differ by permuting the
method labels across alliances, and writes a report across neighbourhoods. ``client=`` runs the
per-alliance work and the batches of permutations as Dask tasks (``pip install wijknet[dask]``);
the results are the same as locally.
"""

from __future__ import annotations

import copy
import functools
import itertools
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from . import _core
from ._alliance import Alliance
from ._keywords import checked, unknown_keyword
from ._tests import _seed, run_tasks

__all__ = ["PooledTest", "Study"]

LABELS = ("municipality", "neighbourhood", "method")
METHODS = ("samen_in_de_wijk", "alle_kleuren")
POOLED_BATCH = 2000
"""Label permutations per task of a pooled test: batch ``b`` draws from its own random stream
(seeded from ``(seed, b)``), so the distribution is the same locally and on Dask."""


def _read(path: Path):
    from ._io import read

    return read(str(path))


def _is_alliance_path(path: Path) -> bool:
    return (path.is_dir() and not path.name.startswith(".")) or path.suffix.lower() in (".json", ".graphml", ".dl")


def is_study_folder(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a folder of alliances (a study) rather than one alliance's CSV folder:
    it holds ``labels.csv``, or no CSV file of its own but alliance files or sub-folders."""
    path = Path(path)
    if not path.is_dir():
        return False
    if (path / "labels.csv").is_file():
        return True
    entries = list(path.iterdir())
    return not any(p.suffix.lower() == ".csv" for p in entries) and any(_is_alliance_path(p) for p in entries)


@dataclass
class PooledTest:
    """A permutation test of the difference between two groups of alliances; see :meth:`Study.pooled_test`.

    Attributes
    ----------
    statistic : str
        What was compared: the name of the values (the Series' name, or the function's, e.g.
        ``density``).
    by : str
        The label column whose groups were compared (e.g. ``method``).
    groups : list
        The two groups (values of ``by``), in sorted order.
    means : pandas.Series
        Mean of the values per group, indexed by group.
    sizes : pandas.Series
        Number of alliances per group (name ``alliances``).
    difference : float
        Mean of the first group minus mean of the second.
    p_value : float
        Two-sided p-value. Sampled: (1 + the number of labellings with an absolute difference
        at least the observed one) / (1 + ``reps``); exact: the share of all splits with such a
        difference, the observed one included.
    distribution : numpy.ndarray
        The difference under each labelling drawn (under every split when ``exact``).
    reps : int
        Labellings drawn (the number of distinct splits when ``exact``).
    seed : int
        The seed used (the one given, or the random one drawn).
    exact : bool
        True when every distinct split was enumerated (there were no more than the ``reps``
        asked for).
    explanation : str
        The result in plain words, in the language asked for; ``str()`` gives it.

    Examples
    --------
    >>> import pandas as pd, wijknet
    >>> a = wijknet.load_example()
    >>> st = wijknet.Study({n: (a, {"method": m}) for n, m in
    ...                     [("a", "alle_kleuren"), ("b", "alle_kleuren"), ("c", "samen_in_de_wijk"),
    ...                      ("d", "samen_in_de_wijk")]})
    >>> r = st.pooled_test(pd.Series({"a": 3.0, "b": 3.1, "c": 1.0, "d": 1.2}, name="score"), seed=1)
    >>> r.statistic, r.by, r.groups, r.sizes.tolist(), r.exact, r.reps, r.seed
    ('score', 'method', ['alle_kleuren', 'samen_in_de_wijk'], [2, 2], True, 6, 1)
    >>> r.means.round(2).tolist(), round(r.difference, 2), round(r.p_value, 4)
    ([3.05, 1.1], 1.95, 0.3333)
    >>> r.distribution.round(2).tolist()
    [1.95, -0.15, 0.05, -0.05, 0.15, -1.95]
    >>> r.explanation.split(". ")[0]
    'Mean score: 3.050 in Alle Kleuren (2 alliances) and 1.100 in Samen in de Wijk (2)'
    """

    statistic: str
    by: str
    groups: list
    means: pd.Series
    sizes: pd.Series
    difference: float
    p_value: float
    distribution: np.ndarray
    reps: int
    seed: int
    exact: bool
    explanation: str

    def to_frame(self) -> pd.DataFrame:
        """The test as a one-row table: the group means, the difference and the p-value.

        Returns
        -------
        DataFrame
            One row indexed by ``statistic`` (index name ``statistic``) with the columns
            ``mean <group>`` for each group, ``difference``, ``p_value``, ``reps`` and ``exact``.

        Examples
        --------
        >>> import pandas as pd, wijknet
        >>> a = wijknet.load_example()
        >>> st = wijknet.Study({n: (a, {"method": m}) for n, m in
        ...                     [("a", "alle_kleuren"), ("b", "alle_kleuren"), ("c", "samen_in_de_wijk"),
        ...                      ("d", "samen_in_de_wijk")]})
        >>> r = st.pooled_test(pd.Series({"a": 3.0, "b": 3.1, "c": 1.0, "d": 1.2}, name="score"), seed=1)
        >>> f = r.to_frame()
        >>> f.index.tolist(), f.columns.tolist()
        (['score'], ['mean alle_kleuren', 'mean samen_in_de_wijk', 'difference', 'p_value', 'reps', 'exact'])
        >>> round(float(f.at["score", "p_value"]), 4)
        0.3333
        """
        row = {f"mean {g}": float(self.means[g]) for g in self.groups}
        row |= {"difference": self.difference, "p_value": self.p_value, "reps": self.reps, "exact": self.exact}
        return pd.DataFrame([row], index=pd.Index([self.statistic], name="statistic"))

    def __str__(self) -> str:
        return self.explanation


class Study:
    """A collection of alliances, each with a name and labels.

    Parameters
    ----------
    alliances : list, or dict of name -> alliance
        Each item an :class:`wijknet.Alliance` or a pair ``(alliance, labels)`` with ``labels`` a
        dict holding ``municipality``, ``neighbourhood``, ``method`` (and any other columns). In a
        list, an alliance is named after its neighbourhood label, else ``"alliance 1"``, ...

    Notes
    -----
    A Study pickles (its alliances pickle as their lossless JSON), so it can be sent to Dask
    workers or saved. ``labels`` is a DataFrame indexed by alliance name.

    Examples
    --------
    >>> import wijknet
    >>> a = wijknet.load_example()
    >>> st = wijknet.Study({"oost": (a, {"municipality": "Rivierstad", "neighbourhood": "Oost",
    ...                                  "method": "samen_in_de_wijk"}),
    ...                     "west": (a.copy(), {"municipality": "Rivierstad", "neighbourhood": "West",
    ...                                         "method": "alle_kleuren"})})
    >>> st.apply(wijknet.density, waves=["T1"]).round(4).tolist()
    [0.0786, 0.0786]
    """

    def __init__(self, alliances: Iterable[Any] | Mapping[str, Any]) -> None:
        items = list(alliances.items()) if isinstance(alliances, Mapping) else [(None, x) for x in alliances]
        self.alliances: dict[str, Any] = {}
        rows = {}
        for k, (name, item) in enumerate(items):
            alliance, labels = (item if isinstance(item, tuple) else (item, {}))
            if not isinstance(alliance, _core.Alliance):
                raise TypeError(f"expected a wijknet.Alliance or (Alliance, labels), got {type(alliance).__name__}")
            if not isinstance(labels, Mapping):
                raise TypeError(f"the labels of alliance {k + 1} must be a dict (municipality, neighbourhood, "
                                f"method), got {type(labels).__name__}")
            name = name or labels.get("name") or labels.get("neighbourhood") or f"alliance {k + 1}"
            if name in self.alliances:
                raise _core.DuplicateIdError(f"two alliances are named '{name}'")
            self.alliances[name] = alliance
            rows[name] = {key: labels.get(key) for key in LABELS} | {k2: v for k2, v in labels.items()
                                                                    if k2 not in LABELS and k2 != "name"}
        if not self.alliances:
            raise _core.InvalidValueError("a study needs at least one alliance")
        self.labels = pd.DataFrame.from_dict(rows, orient="index")
        self.labels.index.name = "alliance"

    def _copied(self) -> "Study":
        """The study with a copy of each alliance (the labels shared): a report reads each alliance many times, and
        another thread may edit one meanwhile (a stakeholder gone between two reads was a KeyError)."""
        out = copy.copy(self)
        out.alliances = {name: Alliance.copy(a) for name, a in self.alliances.items()}
        return out

    @classmethod
    def from_folder(cls, folder: str | os.PathLike) -> "Study":
        """Every alliance in a folder.

        Parameters
        ----------
        folder : str or path
            Holds each alliance as a ``*.json`` / ``*.graphml`` / ``*.dl`` file or a sub-folder of
            CSV files (named after the file or folder), and optionally ``labels.csv`` with the
            columns ``alliance``, ``municipality``, ``neighbourhood``, ``method`` (and any other).

        Returns
        -------
        Study

        Notes
        -----
        A row of ``labels.csv`` naming no alliance of the folder, a duplicate row, or a missing
        ``alliance`` column is an error naming the file and line. Alliances without a row get
        empty labels.

        Examples
        --------
        >>> import wijknet, tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> wijknet.write(wijknet.load_example(), str(folder / "oost.json"))
        >>> _ = (folder / "labels.csv").write_text("alliance,municipality,method\\noost,Rivierstad,samen_in_de_wijk\\n")
        >>> wijknet.Study.from_folder(folder).labels.loc["oost", "municipality"]
        'Rivierstad'
        """
        folder = Path(folder)
        from ._alliance import check_path

        check_path(folder, folder=True)
        paths = {(p.stem if p.is_file() else p.name): p for p in sorted(folder.iterdir()) if _is_alliance_path(p)}
        labels = _read_labels(folder / "labels.csv", paths) if (folder / "labels.csv").is_file() else {}
        if not paths:
            raise FileNotFoundError(f"no alliances (JSON, GraphML, DL files or CSV folders) in {folder}")
        return cls({name: (_read(path), labels.get(name, {})) for name, path in paths.items()})

    def __len__(self) -> int:
        return len(self.alliances)

    def __repr__(self) -> str:
        methods = self.labels["method"].dropna().value_counts()
        parts = ", ".join(f"{n} {m}" for m, n in methods.items())
        return f"<wijknet.Study of {len(self)} alliances{': ' + parts if parts else ''}>"

    # ------------------------------------------------------------------------------- running
    @checked
    def apply(self, func: Callable[..., Any], client: Any = None, progress: bool = False,
              **kwargs: Any) -> pd.Series | pd.DataFrame:
        """``func(alliance, **kwargs)`` for every alliance, as one tidy table.

        Parameters
        ----------
        func : callable
            Any measure, diagnostic or test taking an alliance first (``wijknet.density``,
            ``wijknet.betweenness``, ``wijknet.role_coverage``, a function of your own ...).
        client : dask.distributed.Client, optional
            Run one Dask task per alliance (the alliances pickle); the same table comes back.
        progress : bool, default False
            Show a progress bar (tqdm; a widget in a notebook).
        **kwargs
            Passed to ``func``.

        Returns
        -------
        Series or DataFrame
            A number per alliance gives a Series indexed by alliance; a Series (per stakeholder
            or per statistic) gives a long Series indexed by (alliance, its index); a DataFrame,
            or a test result (anything with ``to_frame()``, e.g. :func:`wijknet.netlm`), gives the
            frames stacked with an ``alliance`` level; anything else a Series of objects.

        Examples
        --------
        >>> import wijknet
        >>> a = wijknet.load_example()
        >>> st = wijknet.Study([(a, {"neighbourhood": "Oost"}), (wijknet.without(a, ["coc_rivierstad"]),
        ...                                                      {"neighbourhood": "West"})])
        >>> st.apply(wijknet.density, waves=["T1"]).round(4).to_dict()
        {'Oost': 0.0786, 'West': 0.0667}
        """
        names = list(self.alliances)
        call = functools.partial(func, **kwargs) if kwargs else func
        results = run_tasks(call, [(self.alliances[n],) for n in names], client, progress,
                            getattr(func, "__name__", "study"), unit="alliance")
        if results and all(hasattr(r, "to_frame") and not isinstance(r, (pd.Series, pd.DataFrame))
                           for r in results):
            results = [r.to_frame() for r in results]
        label = getattr(func, "__name__", "value")
        if results and all(isinstance(r, (pd.DataFrame, pd.Series)) for r in results):
            return pd.concat(dict(zip(names, results)), names=["alliance"])
        if all(isinstance(r, (int, float, np.number, bool)) for r in results):
            return pd.Series([float(r) for r in results], index=pd.Index(names, name="alliance"), name=label)
        return pd.Series(results, index=pd.Index(names, name="alliance"), name=label)

    @checked
    def table(self, func: Callable[..., Any], client: Any = None, progress: bool = False,
              **kwargs: Any) -> pd.DataFrame:
        """:meth:`apply` as a flat frame with the labels as columns.

        Parameters
        ----------
        func, client, progress, **kwargs
            As in :meth:`apply`.

        Returns
        -------
        DataFrame
            One row per alliance, or per alliance and stakeholder / statistic / term, with the
            columns ``alliance``, the result's own columns and the label columns.

        Examples
        --------
        >>> import wijknet
        >>> st = wijknet.Study({"oost": (wijknet.load_example(), {"method": "samen_in_de_wijk"})})
        >>> t = st.table(wijknet.degree, waves=["T1"])
        >>> list(t.columns[:2]), t["method"].iloc[0]
        (['alliance', 'stakeholder'], 'samen_in_de_wijk')
        """
        out = self.apply(func, client=client, progress=progress, **kwargs)
        frame = out.to_frame() if isinstance(out, pd.Series) else out
        frame = frame.reset_index()
        return frame.merge(self.labels.reset_index(), on="alliance", how="left")

    @checked
    def compare(self, func: Callable[..., float], by: str = "method", waves: Iterable[str] | None = None,
                client: Any = None, **kwargs: Any) -> pd.DataFrame:
        """A network-level statistic side by side per group and wave.

        Parameters
        ----------
        func : callable
            A function of an alliance returning a number (``wijknet.density`` ...).
        by : str, default "method"
            The label column whose groups are compared.
        waves : list of str, optional
            Compute per wave (``func`` called with ``waves=[w]``); default once over all ties.
        client : dask.distributed.Client, optional
            As in :meth:`apply`.
        **kwargs
            Passed to ``func``.

        Returns
        -------
        DataFrame
            Per group: mean, standard deviation (n - 1) and number of alliances; with ``waves``
            the columns are (statistic, wave).

        Notes
        -----
        Descriptive: the standard deviation is the sample one (divisor n - 1; NaN for a group of
        one). Whether two groups differ beyond chance is :meth:`pooled_test`.

        Examples
        --------
        >>> import wijknet
        >>> a = wijknet.load_example()
        >>> st = wijknet.Study({"oost": (a, {"method": "samen_in_de_wijk"}), "west": (a.copy(), {"method": "alle_kleuren"})})
        >>> st.compare(wijknet.density, waves=["T0", "T1"])[("mean", "T1")].round(4).tolist()
        [0.0786, 0.0786]
        """
        self._label_column(by)
        if waves is None:
            values = {"": self.apply(func, client=client, **kwargs)}
        else:
            values = {w: self.apply(func, client=client, waves=[w], **kwargs) for w in waves}
        parts = []
        for w, v in values.items():
            frame = pd.DataFrame({"value": v.astype(float), by: self.labels[by]})
            g = frame.groupby(by)["value"].agg(["mean", "std", "count"])
            g["wave"] = w
            parts.append(g.reset_index())
        out = pd.concat(parts, ignore_index=True)
        if waves is None:
            return out.drop(columns="wave").set_index(by)
        return out.pivot(index=by, columns="wave", values=["mean", "std", "count"])

    # ------------------------------------------------------------------------ key statistics
    def _label_column(self, by: str) -> None:
        if by not in self.labels.columns:
            raise _core.UnknownIdError(f"the study has no label '{by}'; it has {', '.join(self.labels.columns)}")

    def waves(self) -> list[str]:
        """The waves every alliance has, in the order of the first alliance.

        Returns
        -------
        list of str
            The keys of the waves common to all alliances, in the first alliance's order.

        Examples
        --------
        >>> import wijknet
        >>> a = wijknet.load_example()
        >>> wijknet.Study({"oost": a, "west": a.copy()}).waves()
        ['T0', 'T1']
        """
        lists = [[w["key"] for w in a.waves] for a in self.alliances.values()]
        common = set(lists[0]).intersection(*map(set, lists[1:]))
        return [w for w in lists[0] if w in common]

    def _template(self, name: str, template: str | None) -> str | None:
        from ._report import _pick_template

        alliance = self.alliances[name]
        keys = [t["key"] for t in alliance.templates]
        if template is None:
            method = self.labels.at[name, "method"]
            if isinstance(method, str) and method in keys:
                return method
        return _pick_template(alliance, template) or None

    @checked
    def statistics(self, waves: Iterable[str] | str | None = None, template: str | None = None,
                   chain: Sequence[str] | None = None, relation: str | None = None, client: Any = None,
                   progress: bool = False) -> pd.DataFrame:
        """The key statistics of every alliance in every wave: one tidy alliance × wave table.

        Parameters
        ----------
        waves : list of str, optional
            Default: the waves every alliance has. An alliance without one of them gets no row
            for it.
        template : str, optional
            The method template whose required roles are counted; default each alliance's
            ``method`` label when the alliance has that template, else as :func:`wijknet.report`.
        chain : sequence of str, optional
            The chain of roles checked (default the Samen in de Wijk chain, bewonersinitiatief →
            lhbti_organisatie → welzijnswerk → wijkagent).
        relation : str, optional
            The relation the chain follows (default ``referral`` when the alliance has it).
        client, progress
            As in :meth:`apply`: one Dask task per alliance.

        Returns
        -------
        DataFrame
            Indexed by (alliance, wave): the labels, ``stakeholders`` present, ``ties`` (all
            relations), ``density``, ``reciprocity``, ``transitivity``, ``components``,
            ``degree_centralization`` (as :func:`wijknet.compare_waves` computes them, over the
            stakeholders present), ``template``, ``required_roles``, ``required_held`` (required
            roles not absent) and ``chain_works``.

        Notes
        -----
        Over the stakeholders present in the wave, all relations together (a pair tied in any
        relation is one tie): density :math:`m / (n(n-1))` directed or :math:`2m / (n(n-1))`
        undirected; edgewise reciprocity; transitivity (closed over all two-paths); weak
        components; Freeman's degree centralization. A role is held unless
        :func:`wijknet.role_coverage` calls it absent; the chain works when
        :func:`wijknet.chain_routes` finds a route.

        References
        ----------
        .. [1] Freeman, L. C. (1978). Centrality in social networks: conceptual clarification.
           *Social Networks* 1(3), 215-239. https://doi.org/10.1016/0378-8733(78)90021-7

        Examples
        --------
        >>> import wijknet
        >>> st = wijknet.Study({"oost": (wijknet.load_example(), {"method": "samen_in_de_wijk"})})
        >>> s = st.statistics()
        >>> row = s.loc[("oost", "T1")]
        >>> int(row["stakeholders"]), int(row["ties"]), int(row["required_held"]), bool(row["chain_works"])
        (32, 78, 7, True)
        """
        chosen = [waves] if isinstance(waves, str) else (list(waves) if waves is not None else self.waves())
        chain = _chain(chain)
        jobs = [(self.alliances[n], chosen, self._template(n, template), chain, relation) for n in self.alliances]
        results = run_tasks(_alliance_statistics, jobs, client, progress, "statistics", unit="alliance")
        frames = {n: r for n, r in zip(self.alliances, results)}
        out = pd.concat(frames, names=["alliance"])
        labels = self.labels.reindex(out.index.get_level_values("alliance"))
        labels.index = out.index
        return pd.concat([labels, out], axis=1)

    @checked
    def changes(self, before: str | None = None, after: str | None = None, template: str | None = None,
                chain: Sequence[str] | None = None, relation: str | None = None, client: Any = None,
                progress: bool = False) -> pd.DataFrame:
        """What changed between two waves in every alliance: one row per alliance.

        Parameters
        ----------
        before, after : str, optional
            The waves (default the last two every alliance has).
        template, chain, relation, client, progress
            As in :meth:`statistics`.

        Returns
        -------
        DataFrame
            Per alliance: the labels; ``ties_before``, ``ties_after``, ``gained``, ``lost``,
            ``kept`` (over every relation, a tie being a pair in one relation) and their Jaccard
            index kept / (kept + gained + lost); ``joined``, ``left`` (stakeholders);
            ``density_before``, ``density_after``, ``density_change``; ``roles_newly_covered``,
            ``roles_lost`` (lists of role keys); ``chain_before``, ``chain_after``.

        Notes
        -----
        Built from :func:`wijknet.compare_waves` per alliance; descriptive only.

        Examples
        --------
        >>> import wijknet
        >>> st = wijknet.Study({"oost": (wijknet.load_example(), {"method": "samen_in_de_wijk"})})
        >>> c = st.changes()
        >>> c.loc["oost", ["gained", "lost", "kept", "joined", "left"]].tolist()
        [35, 23, 53, 3, 2]
        """
        before, after = self._two_waves(before, after)
        chain = _chain(chain)
        jobs = [(self.alliances[n], before, after, self._template(n, template), chain, relation)
                for n in self.alliances]
        rows = run_tasks(_alliance_change, jobs, client, progress, "changes", unit="alliance")
        out = pd.DataFrame(rows, index=pd.Index(list(self.alliances), name="alliance"))
        return pd.concat([self.labels, out], axis=1)

    def _two_waves(self, before: str | None, after: str | None) -> tuple[str, str]:
        common = self.waves()
        for w in (before, after):
            if w is not None and w not in common:
                raise _core.UnknownIdError(f"unknown wave '{w}'; every alliance of the study has "
                                           f"{', '.join(common) or 'no common wave'}")
        if after is None:
            after = common[-1] if common else None
        if before is None and after in common and common.index(after) > 0:
            before = common[common.index(after) - 1]
        if before is None or after is None:
            raise _core.InvalidValueError("a comparison needs two waves that every alliance has; the study has "
                                          f"{', '.join(common) or 'none'} in common")
        return before, after

    # ---------------------------------------------------------------------------- pooled test
    @checked
    def pooled_test(self, values: pd.Series | Callable[..., float], by: str = "method", reps: int = 9999,
                    seed: int | None = None, client: Any = None, lang: str = "en", **kwargs: Any) -> PooledTest:
        r"""Do two groups of alliances differ? A permutation test of the difference of group means.

        Parameters
        ----------
        values : Series or callable
            A number per alliance: a Series indexed by alliance name (its ``name`` names the
            statistic), or a function applied with :meth:`apply` (with ``**kwargs``). Alliances
            with a missing value are left out.
        by : str, default "method"
            The label column; it must have exactly two groups among the alliances.
        reps : int, default 9999
            Labellings drawn. When the alliances can be split into the two groups in no more
            than ``reps`` ways, every split is enumerated instead and the p-value is exact.
        seed : int, optional
            Makes the test reproducible (default: a random seed, stored in the result).
        client : dask.distributed.Client, optional
            Run the per-alliance work (``values`` a function) and the batches of 2,000
            labellings as Dask tasks; the same result as locally with the same seed.
        lang : {"en", "nl"}, default "en"
            Language of ``explanation``.
        **kwargs
            Passed to ``values`` when it is a function (e.g. ``waves=["T1"]``); with a Series
            any keyword is an error.

        Returns
        -------
        PooledTest
            The group means, the observed difference (first group in sorted order minus the
            second), the permutation distribution, the two-sided p-value and a sentence.

        Notes
        -----
        The labels in ``by`` are permuted across the alliances, keeping the group sizes
        :math:`n_1, n_2`; the statistic is :math:`d = \bar x_1 - \bar x_2`. Sampled:
        :math:`p = (1 + \#\{|d^*| \ge |d|\}) / (1 + reps)`, which counts the observed labelling
        as one of the permutations (Phipson & Smyth 2010). Exact, when
        :math:`\binom{n_1 + n_2}{n_1} \le reps`: :math:`p = \#\{|d^*| \ge |d|\} / \binom{n_1 + n_2}{n_1}`
        over all splits, the observed one included (Good 2005, ch. 3). Differences within
        1e-12 of the observed one count as equal. The alliances are the units: ties within an
        alliance are never permuted (for that, see :func:`wijknet.qap_test`).

        References
        ----------
        .. [1] Phipson, B. & Smyth, G. K. (2010). Permutation p-values should never be zero.
           *Statistical Applications in Genetics and Molecular Biology* 9(1).
           https://doi.org/10.2202/1544-6115.1585
        .. [2] Good, P. (2005). *Permutation, Parametric, and Bootstrap Tests of Hypotheses*,
           3rd ed. Springer. https://doi.org/10.1007/b138696

        Examples
        --------
        >>> import pandas as pd, wijknet
        >>> a = wijknet.load_example()
        >>> st = wijknet.Study({n: (a, {"method": m}) for n, m in
        ...                     [("a", "alle_kleuren"), ("b", "alle_kleuren"), ("c", "samen_in_de_wijk"),
        ...                      ("d", "samen_in_de_wijk")]})
        >>> r = st.pooled_test(pd.Series({"a": 3.0, "b": 3.1, "c": 1.0, "d": 1.2}, name="score"), seed=1)
        >>> round(r.difference, 2), round(r.p_value, 4), r.exact, r.reps
        (1.95, 0.3333, True, 6)
        """
        from ._wording import check_lang

        check_lang(lang)
        self._label_column(by)
        if isinstance(values, pd.Series) and kwargs:  # the keywords go to a function; a Series takes none
            raise unknown_keyword("Study.pooled_test", next(iter(kwargs)),
                                  ["values", "by", "reps", "seed", "client", "lang"],
                                  " (further keywords go to values when it is a function)")
        v = values if isinstance(values, pd.Series) else self.apply(values, client=client, **kwargs)
        name = str(v.name or getattr(values, "__name__", "value"))
        unknown = [a for a in v.index if a not in self.alliances]
        if unknown:
            raise _core.UnknownIdError(f"the values name alliance(s) not in the study: {unknown[:5]}; the study has "
                                       f"{', '.join(list(self.alliances)[:5])}")
        v = pd.to_numeric(v, errors="raise").astype(float).dropna()
        labels = self.labels[by].reindex(v.index)
        v, labels = v[labels.notna()], labels[labels.notna()]
        groups = sorted(labels.unique())
        if len(groups) != 2:
            raise _core.InvalidValueError(f"a pooled test needs two groups in '{by}', got {groups}")
        x = v.to_numpy(dtype=float)
        first = (labels == groups[0]).to_numpy()
        n, k = len(x), int(first.sum())
        observed = float(x[first].mean() - x[~first].mean())
        s = _seed(seed)
        if math.comb(n, k) <= reps:
            splits = [np.isin(np.arange(n), c) for c in itertools.combinations(range(n), k)]
            dist = np.array([x[p].mean() - x[~p].mean() for p in splits])  # the observed split is one
            p_value = float(np.sum(np.abs(dist) >= abs(observed) - 1e-12) / len(dist))
            exact, drawn = True, len(dist)
        else:
            batches = [(x, first, s, b, min(POOLED_BATCH, reps - start))
                       for b, start in enumerate(range(0, reps, POOLED_BATCH))]
            dist = np.concatenate(run_tasks(_label_permutations, batches, client))
            p_value = float((1 + np.sum(np.abs(dist) >= abs(observed) - 1e-12)) / (1 + reps))
            exact, drawn = False, reps
        means = pd.Series([x[first].mean(), x[~first].mean()], index=groups, name=name)
        sizes = pd.Series([k, n - k], index=groups, name="alliances")
        text = _pooled_sentence(name, by, groups, means, sizes, p_value, drawn, exact, lang)
        return PooledTest(name, by, groups, means, sizes, float(observed), p_value, dist, drawn, s, exact, text)

    # -------------------------------------------------------------------------------- report
    @checked
    def report(self, path: str | os.PathLike | None = None, lang: str = "en", waves: str | Sequence[str] | None = None,
               compare: str | None = None, template: str | None = None, relation: str | None = None,
               chain: Sequence[str] | None = None, show_names: bool = False, reps: int = 9999, seed: int = 1,
               client: Any = None):
        """The report across neighbourhoods, as one self-contained HTML file.

        Parameters
        ----------
        path : str or path, optional
            Where to save it (atomically, as :meth:`wijknet.Report.save`); default: not saved.
        lang : {"en", "nl"}, default "en"
            Language of everything in it.
        waves : str, optional
            The wave reported on (one; ``wave="T1"`` is the short form); default the latest
            every alliance has.
        compare : str, optional
            The earlier wave; default the one before.
        template, relation, chain, show_names
            As in :func:`wijknet.report` (``template`` default: each alliance's ``method`` label).
        reps : int, default 9999
            Labellings per pooled test (all of them when there are fewer).
        seed : int, default 1
            Seed of the pooled tests and of the maps' layout.
        client : dask.distributed.Client, optional
            Run the per-alliance work and the permutations as Dask tasks; the same file.

        Returns
        -------
        Report

        Notes
        -----
        Sections: the study at a glance, a table of alliances × key statistics per method and
        wave (:meth:`statistics`), the change per alliance (:meth:`changes`), the methods
        compared by pooled permutation tests (:meth:`pooled_test`, Phipson & Smyth 2010), a small
        map per alliance, and method notes. Persons appear under pseudonyms; no attribute is
        shown. docs/report.md describes it.

        References
        ----------
        .. [1] Phipson, B. & Smyth, G. K. (2010), see :meth:`pooled_test`.

        Examples
        --------
        >>> import wijknet
        >>> st = wijknet.Study({"oost": (wijknet.load_example(), {"method": "samen_in_de_wijk"})})
        >>> st.report(lang="nl", wave="T1").html.count("<section")
        6
        """
        from ._diagnostics import _one_wave
        from ._report_study import study_report

        out = study_report(self, lang=lang, waves=_one_wave("Study.report", waves) or None, compare=compare,
                           template=template, relation=relation, chain=chain, show_names=show_names, reps=reps,
                           seed=seed, client=client)
        if path is not None:
            out.save(path)
        return out


def _chain(chain: Sequence[str] | None) -> list[str]:
    from ._report import DEFAULT_CHAIN

    return list(chain or DEFAULT_CHAIN)


def _read_labels(table: Path, alliances: Mapping[str, Path]) -> dict[str, dict]:
    """labels.csv as {alliance: {column: value}}, each row checked against the folder."""
    frame = pd.read_csv(table, dtype=str, keep_default_na=False)
    if "alliance" not in frame.columns:
        raise _core.ParseError(f"{table}: line 1: no column 'alliance' (the name of the file or folder of each "
                               f"alliance); the columns are {', '.join(frame.columns)}")
    out: dict[str, dict] = {}
    for line, (_, row) in enumerate(frame.iterrows(), start=2):
        name = row["alliance"]
        if name not in alliances:
            raise _core.ParseError(f"{table}: line {line}: alliance '{name}' is not in the folder; it holds "
                                   f"{', '.join(alliances) or 'no alliances'}")
        if name in out:
            raise _core.ParseError(f"{table}: line {line}: alliance '{name}' is listed twice")
        out[name] = {k: v for k, v in row.items() if k != "alliance" and v != ""}
    return out


def _alliance_statistics(alliance: Any, waves: Sequence[str], template: str | None, chain: Sequence[str],
                         relation: str | None) -> pd.DataFrame:
    """One alliance's key statistics per wave (a Dask task of :meth:`Study.statistics`)."""
    from ._change import _network_measures
    from ._diagnostics import chain_relation, chain_routes, role_coverage

    relations = [r["key"] for r in alliance.relations]
    own = [w["key"] for w in alliance.waves]
    relation = chain_relation(alliance, relation)[0]
    rows = {}
    for w in waves:
        if w not in own:
            continue
        row: dict[str, Any] = _network_measures(alliance, w, relations)
        row["template"] = template
        if template:
            cov = role_coverage(alliance, template, waves=w)
            required = cov[cov["level"] == "required"]
            row["required_roles"] = len(required)
            row["required_held"] = int((required["status"] != "absent").sum())
        else:
            row["required_roles"] = row["required_held"] = 0
        routes = chain_routes(alliance, chain, relation=relation, waves=w)
        row["chain_works"] = bool(routes.summary["exists"].iloc[-1])
        rows[w] = row
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("wave")


def _alliance_change(alliance: Any, before: str, after: str, template: str | None, chain: Sequence[str],
                     relation: str | None) -> dict:
    """One alliance's change between two waves (a Dask task of :meth:`Study.changes`)."""
    import warnings

    from ._change import LowJaccardWarning, compare_waves
    from ._diagnostics import chain_relation

    relation = chain_relation(alliance, relation)[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LowJaccardWarning)  # the study table shows every Jaccard index
        c = compare_waves(alliance, before, after, template=template, chains=[chain], relation=relation)
    t = c.ties.sum()
    union = t["kept"] + t["gained"] + t["lost"]
    return {"ties_before": int(t["before"]), "ties_after": int(t["after"]), "gained": int(t["gained"]),
            "lost": int(t["lost"]), "kept": int(t["kept"]), "jaccard": t["kept"] / union if union else math.nan,
            "joined": len(c.joined), "left": len(c.left),
            "density_before": c.measures.at["density", "before"], "density_after": c.measures.at["density", "after"],
            "density_change": c.measures.at["density", "change"],
            "roles_newly_covered": list(c.roles.index[c.roles["change"] == "newly covered"]),
            "roles_lost": list(c.roles.index[c.roles["change"] == "lost"]),
            "chain_before": bool(c.chains["before"].iloc[0]), "chain_after": bool(c.chains["after"].iloc[0])}


def _label_permutations(x: np.ndarray, first: np.ndarray, seed: int, batch: int, count: int) -> np.ndarray:
    """``count`` differences of group means under random labellings: batch ``batch`` of a pooled
    test, from its own stream seeded with (seed, batch) — the same wherever it runs."""
    rng = np.random.default_rng([seed, batch])
    labels = rng.permuted(np.tile(first, (count, 1)), axis=1)  # each row shuffled on its own
    k = int(first.sum())
    return labels @ x / k - (~labels) @ x / (len(x) - k)


def _pooled_sentence(name: str, by: str, groups: list, means: pd.Series, sizes: pd.Series, p: float, reps: int,
                     exact: bool, lang: str) -> str:
    """The pooled test in plain words (Dutch or English)."""
    nl = lang == "nl"

    def num(v: float) -> str:
        text = f"{v:.3f}"
        return text.replace(".", ",") if nl else text

    def group(g: Any) -> str:
        return _method_label(g, lang) if by == "method" else str(g)

    a, b = groups
    pct = f"{100 * p:.0f}%" if p >= 0.01 else ("minder dan 1%" if nl else "less than 1%")
    how = ((f"alle {reps} mogelijke verdelingen" if exact else f"{reps} willekeurige verdelingen") if nl else
           (f"all {reps} possible splits" if exact else f"{reps} random splits"))
    if nl:
        head = (f"Gemiddelde {name}: {num(means[a])} bij {group(a)} ({sizes[a]} allianti{'e' if sizes[a] == 1 else 'es'})"
                f" en {num(means[b])} bij {group(b)} ({sizes[b]}). ")
        if p < 0.05:
            verdict = (f"Een verschil van deze omvang ontstaat bij {pct} van {how} van de allianties over de groepen "
                       f"(p = {num(p)}): waarschijnlijk geen toeval.")
        else:
            verdict = (f"Een even groot of groter verschil ontstaat bij {pct} van {how} van de allianties over de "
                       f"groepen (p = {num(p)}): het verschil kan toeval zijn.")
        if exact and 1 / reps >= 0.05:
            verdict += " Met zo weinig allianties kan deze toets geen verschil aantonen."
        return head + verdict
    head = (f"Mean {name}: {num(means[a])} in {group(a)} ({sizes[a]} alliance{'' if sizes[a] == 1 else 's'}) and "
            f"{num(means[b])} in {group(b)} ({sizes[b]}). ")
    if p < 0.05:
        verdict = (f"A difference this large arises in {pct} of {how} of the alliances over the groups (p = {num(p)}): "
                   "unlikely to be chance.")
    else:
        verdict = (f"A difference as large or larger arises in {pct} of {how} of the alliances over the groups "
                   f"(p = {num(p)}): it may be chance.")
    if exact and 1 / reps >= 0.05:
        verdict += " With so few alliances this test cannot show a difference."
    return head + verdict


def _method_label(key: Any, lang: str) -> str:
    """A method's name as people write it: "Samen in de Wijk", "Alle Kleuren"; else the label as is."""
    names = {"samen_in_de_wijk": "Samen in de Wijk", "alle_kleuren": "Alle Kleuren"}
    return names.get(str(key), str(key))
