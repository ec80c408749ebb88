"""Permutation tests of network statistics, as R sna: graph correlation and its QAP test, MRQAP
regression (OLS and logistic) and conditional uniform graph tests, plus the dyadic predictors an
alliance yields (same role, same attribute value, attribute difference, another relation or an
earlier wave).

The permutations run in C++ on every core. Permutation ``r`` of a test with ``seed`` always uses
the same random stream, so a result depends only on the seed and the number of permutations —
not on the number of threads, nor on how the permutations are split into batches (``client=``
runs the batches as Dask tasks and gives the same numbers). Ctrl-C stops a test.
docs/change_and_tests.md explains the tests; the values equal sna's (tests/reference/).
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from ._keywords import as_list, checked
from . import _core

__all__ = [
    "CUGResult", "NetlmResult", "NetlogitResult", "QAPResult", "attribute_difference", "cug_test", "gcor",
    "netlm", "netlogit", "qap_test", "relation_matrix", "same_attribute", "same_role",
]

BATCH = 250
"""Permutations per C++ call (and per Dask task): small enough for progress and Ctrl-C, large
enough to keep every core busy."""

# ----------------------------------------------------------------------------- inputs


def _matrix(m: Any, ids: Sequence[str] | None = None, missing: bool = False) -> tuple[np.ndarray, list[str] | None]:
    """A square float matrix (and its ids when it came as a DataFrame), aligned to ``ids``. NaN cells (missing
    dyads) only when ``missing``; infinite ones never."""
    if isinstance(m, pd.DataFrame):
        if ids is not None:
            if not set(ids) <= set(m.index) or not set(ids) <= set(m.columns):
                raise _core.WijknetError("the matrices do not cover the same stakeholders")
            m = m.reindex(index=ids, columns=ids)
        out = m.to_numpy(dtype=float)
        names = [str(i) for i in m.index]
    else:
        out = np.asarray(m, dtype=float)
        names = None
    if out.ndim != 2 or out.shape[0] != out.shape[1]:
        raise _core.InvalidValueError(f"expected a square matrix, got shape {out.shape}")
    if np.isinf(out).any():
        raise _core.InvalidValueError("the matrix has infinite values")
    if not missing and np.isnan(out).any():
        raise _core.InvalidValueError("the matrix has missing values (NaN); this test is not defined with missing "
                                      "dyads (gcor, qap_test, netlm and netlogit drop them)")
    return np.ascontiguousarray(out), names


def _mode(mode: str | None, *matrices: np.ndarray) -> str:
    if mode is None:
        return "graph" if all(np.array_equal(m, m.T, equal_nan=True) for m in matrices) else "digraph"
    if mode not in ("digraph", "graph"):
        raise ValueError(f"mode must be 'digraph', 'graph' or None, got {mode!r}")
    return mode


def p_text(p: float, reps: int) -> str:
    """A permutation p-value as printed: never "0.0000", which would claim certainty that R draws cannot give;
    none of R drawn is as extreme reads "< 1/R". The value itself stays as R sna computes it (b / R)."""
    return f"< {1 / reps:.4g}" if p == 0 and reps else f"{p:.4f}"


def _relation(p: float, reps: int) -> str:
    """"= 0.0050" or "< 0.001": p_text with its sign."""
    text = p_text(p, reps)
    return text if text.startswith("<") else f"= {text}"


def _seed(seed: int | None) -> int:
    return secrets.randbits(63) if seed is None else int(seed) % (1 << 64)


def _dyads(n: int, mode: str, order: str = "row") -> tuple[np.ndarray, np.ndarray]:
    """Row and column indices of the dyads: row order (i, then j), as the C++ kernels return
    them, or "column" order (j, then i), as sna's gvectorize."""
    i, j = np.indices((n, n))
    keep = (i > j) if mode == "graph" else (i != j)
    if order == "column":
        return i.T[keep.T], j.T[keep.T]
    return i[keep], j[keep]


def _as_cells(values: Sequence[float], n: int, mode: str, ids: list[str] | None) -> pd.DataFrame:
    """Per-dyad values as an n x n DataFrame (NaN outside the dyads; graph mode mirrored)."""
    out = np.full((n, n), np.nan)
    r, c = _dyads(n, mode)
    out[r, c] = values
    if mode == "graph":
        out[c, r] = values
    labels = ids or list(range(n))
    return pd.DataFrame(out, index=labels, columns=labels)


def _permutations(kernel: Callable[[int, int], np.ndarray], reps: int, client: Any, progress: bool,
                  what: str) -> np.ndarray:
    """Runs kernel(first, count) over [0, reps) in batches of BATCH, locally or as Dask tasks."""
    if isinstance(reps, bool) or not isinstance(reps, (int, np.integer)) or reps < 1:
        # Without permutations every p-value would be NaN: refused rather than returned.
        raise _core.InvalidValueError(f"{what}: reps must be a whole number of permutations, at least 1 (1000 "
                                      f"or more for a p-value to two decimals), got {reps!r}")
    batches = [(s, min(BATCH, reps - s)) for s in range(0, reps, BATCH)]
    return np.concatenate(run_tasks(kernel, batches, client, progress, what, [c for _, c in batches], "perm"))


def run_tasks(function: Callable[..., Any], arguments: Sequence[tuple], client: Any = None, progress: bool = False,
              what: str = "", sizes: Sequence[int] | None = None, unit: str = "task") -> list:
    """Runs ``function(*args)`` for each tuple in ``arguments``, here or as Dask tasks.

    Parameters
    ----------
    function : callable
        Pickles (with cloudpickle) when ``client`` runs process workers.
    arguments : sequence of tuple
        One tuple per task.
    client : dask.distributed.Client, optional
        One Dask task each (Dask schedules them; wijknet only cuts the work).
    progress : bool, default False
        A bar advanced by ``sizes`` (default 1 per task) as tasks finish.
    what, unit : str
        The bar's label and unit.

    Returns
    -------
    list
        The results in the order of ``arguments``, wherever they ran.

    Notes
    -----
    Ctrl-C stops the run: locally between tasks (and inside the C++ kernels), on Dask by
    cancelling the tasks not yet done. Results do not depend on where a task ran as long as each
    task is deterministic in its arguments (the permutation batches carry their own seeds).

    Examples
    --------
    >>> run_tasks(pow, [(2, 3), (3, 2)])
    [8, 9]
    """
    sizes = list(sizes) if sizes is not None else [1] * len(arguments)
    bar = _progress(sum(sizes), what, unit) if progress else None
    try:
        if client is None:
            out = []
            for args, size in zip(arguments, sizes):
                out.append(function(*args))
                if bar is not None:
                    bar.update(size)
            return out
        futures = [client.submit(function, *args, pure=False) for args in arguments]
        try:
            if bar is not None:
                from dask.distributed import as_completed

                size_of = {f.key: size for f, size in zip(futures, sizes)}
                for done in as_completed(futures):
                    bar.update(size_of[done.key])
            return client.gather(futures)
        except BaseException:
            client.cancel(futures)
            raise
    finally:
        if bar is not None:
            bar.close()


def _progress(total: int, what: str, unit: str = "perm"):
    """A tqdm bar (a widget in a notebook, text in a terminal). ``progress=True`` without tqdm is
    an error rather than silence: the caller asked for a bar."""
    try:
        from tqdm.auto import tqdm
    except ImportError:
        raise ModuleNotFoundError("progress=True needs tqdm: pip install \"wijknet[progress]\" (or tqdm)") from None
    return tqdm(total=total, desc=what, unit=unit)


def _p_values(dist: np.ndarray, observed: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """sna's one- and two-sided p-values: the share of permuted statistics >= / <= the observed
    one and of |permuted| >= |observed|. Values within 1e-9 (relative) of the observed one count
    as equal, so that rounding in the permuted fits does not split ties."""
    eps = 1e-9 * np.maximum(1.0, np.abs(observed))
    valid = ~np.isnan(dist)
    count = valid.sum(axis=0)
    with np.errstate(invalid="ignore"):
        ge = ((dist >= observed - eps) & valid).sum(axis=0) / count
        le = ((dist <= observed + eps) & valid).sum(axis=0) / count
        ab = ((np.abs(dist) >= np.abs(observed) - eps) & valid).sum(axis=0) / count
    return ge, le, ab


# ------------------------------------------------------------------------------- gcor

@checked
def gcor(a: Any, b: Any, mode: str | None = None) -> float:
    r"""Graph correlation: the Pearson correlation of two networks' dyad values (R sna ``gcor``).

    Parameters
    ----------
    a, b : array_like or DataFrame
        Square matrices of the same stakeholders (DataFrames are aligned by id).
    mode : {"digraph", "graph"}, optional
        Which cells are dyads: every ordered pair (digraph) or every unordered pair (graph, the
        lower triangle). Default: "graph" when both matrices are symmetric. The diagonal is never
        used.

    Returns
    -------
    float
        :math:`r = \sum (a_{ij} - \bar a)(b_{ij} - \bar b) / \sqrt{\sum (a_{ij} - \bar a)^2
        \sum (b_{ij} - \bar b)^2}` over the dyads.

    Notes
    -----
    The means are over the dyads used (not over all n² cells). NaN when either matrix is constant
    on the dyads. Its QAP test is :func:`qap_test` (Krackhardt 1987). Cost O(n²).

    References
    ----------
    .. [1] Butts, C. T. (2008). Social network analysis with sna. *Journal of Statistical
       Software* 24(6). https://doi.org/10.18637/jss.v024.i06

    Examples
    --------
    >>> import numpy as np, wijknet
    >>> a = np.array([[0, 1, 0], [1, 0, 1], [0, 0, 0]])
    >>> round(wijknet.gcor(a, a.T), 6)
    0.333333
    """
    x, ids = _matrix(a, missing=True)
    y, _ = _matrix(b, ids if isinstance(b, pd.DataFrame) else None, missing=True)
    if x.shape != y.shape:
        raise _core.InvalidValueError(f"the matrices differ in size: {x.shape} and {y.shape}")
    return _core._gcor(x, y, x.shape[0], _mode(mode, x, y))


@dataclass
class QAPResult:
    """A QAP test of graph correlation; returned by :func:`qap_test`.

    Attributes
    ----------
    statistic : float
        The observed graph correlation (:func:`gcor`) of the two matrices.
    distribution : numpy.ndarray
        The graph correlation of each permutation (length ``reps``).
    p_greater : float
        Monte-Carlo p-value of the permutation distribution: the share of permutations with a
        correlation >= the observed one (sna ``pgreq``).
    p_less : float
        Monte-Carlo p-value: the share of permutations with a correlation <= the observed one
        (sna ``pleeq``).
    reps : int
        Number of permutations.
    seed : int
        The seed used (the one given, or the random one drawn); passing it again gives the same
        distribution.
    mode : {"digraph", "graph"}
        Which cells were the dyads: every ordered pair, or every unordered pair.

    Examples
    --------
    >>> import wijknet
    >>> a = wijknet.load_example()
    >>> r = wijknet.qap_test(wijknet.relation_matrix(a, "referral", wave="T1"),
    ...                      wijknet.relation_matrix(a, "referral", wave="T0"), reps=100, seed=1)
    >>> round(r.statistic, 4), r.p_greater, r.p_less, r.reps, r.seed, r.mode, len(r.distribution)
    (0.5546, 0.0, 1.0, 100, 1, 'digraph', 100)
    """

    statistic: float
    distribution: np.ndarray
    p_greater: float
    p_less: float
    reps: int
    seed: int
    mode: str

    def to_frame(self) -> pd.DataFrame:
        """The test as a one-row table, what :meth:`wijknet.Study.apply` stacks into one table.

        Returns
        -------
        DataFrame
            One row indexed ``gcor`` (index name ``test``) with the columns ``statistic``,
            ``p_greater``, ``p_less`` and ``reps``.

        Examples
        --------
        >>> import wijknet
        >>> a = wijknet.load_example()
        >>> r = wijknet.qap_test(wijknet.relation_matrix(a, "referral", wave="T1"),
        ...                      wijknet.relation_matrix(a, "referral", wave="T0"), reps=100, seed=1)
        >>> r.to_frame().round(4).to_dict("index")
        {'gcor': {'statistic': 0.5546, 'p_greater': 0.0, 'p_less': 1.0, 'reps': 100}}
        """
        return pd.DataFrame([{"statistic": self.statistic, "p_greater": self.p_greater, "p_less": self.p_less,
                              "reps": self.reps}], index=pd.Index(["gcor"], name="test"))

    def __str__(self) -> str:
        return (f"QAP test of graph correlation ({self.reps} permutations, seed {self.seed}): r = "
                f"{self.statistic:.4f}, P(r' >= r) {_relation(self.p_greater, self.reps)}, "
                f"P(r' <= r) {_relation(self.p_less, self.reps)}")


@checked
def qap_test(a: Any, b: Any, reps: int = 1000, seed: int | None = None, mode: str | None = None,
             threads: int = 0, client: Any = None, progress: bool = False) -> QAPResult:
    r"""QAP test of graph correlation (R sna ``qaptest(list(a, b), gcor)``).

    The rows and columns of ``b`` are permuted together ``reps`` times (the quadratic assignment
    procedure); the p-values are the shares of permuted correlations at least / at most the
    observed one.

    Parameters
    ----------
    a, b : array_like or DataFrame
        Square matrices of the same stakeholders.
    reps : int, default 1000
        Permutations.
    seed : int, optional
        Makes the test reproducible (default: a random seed, stored in the result).
    mode : {"digraph", "graph"}, optional
        As in :func:`gcor`.
    threads : int, default 0
        Threads (0: every core). The result does not depend on it.
    client : dask.distributed.Client, optional
        Run the permutations as Dask tasks (batches of 250); same result as locally.
    progress : bool, default False
        Show a progress bar (needs tqdm).

    Returns
    -------
    QAPResult

    Notes
    -----
    Permutation ``r`` uses its own random stream (xoshiro256** seeded from ``(seed, r)``), so the
    distribution depends only on ``seed`` and ``reps``. Cost O(reps n²).

    References
    ----------
    .. [1] Krackhardt, D. (1987). QAP partialling as a test of spuriousness. *Social Networks*
       9(2), 171-186. https://doi.org/10.1016/0378-8733(87)90012-8

    Examples
    --------
    >>> import numpy as np, wijknet
    >>> a = (np.arange(36).reshape(6, 6) % 3 == 0).astype(float)
    >>> r = wijknet.qap_test(a, a.T, reps=200, seed=1)
    >>> 0 <= r.p_greater <= 1
    True
    """
    x, ids = _matrix(a, missing=True)
    y, _ = _matrix(b, ids if isinstance(b, pd.DataFrame) else None, missing=True)
    m = _mode(mode, x, y)
    s = _seed(seed)
    n = x.shape[0]

    def kernel(first: int, count: int) -> np.ndarray:
        return _core._gcor_permutations(x, y, n, m, s, first, count, threads)[:, 0]

    dist = _permutations(kernel, reps, client, progress, "qap_test")
    observed = _core._gcor(x, y, n, m)
    ge, le, _ = _p_values(dist[:, None], np.array([observed]))
    return QAPResult(observed, dist, float(ge[0]), float(le[0]), reps, s, m)


# -------------------------------------------------------------------------------- netlm

def _design(y: Any, x: Any, intercept: bool) -> tuple[np.ndarray, list[np.ndarray], list[str], list[str] | None]:
    ym, ids = _matrix(y, missing=True)
    if isinstance(x, Mapping):
        names, mats = list(x), list(x.values())
    elif isinstance(x, (list, tuple)):
        names, mats = [f"x{i + 1}" for i in range(len(x))], list(x)
    else:
        names, mats = ["x1"], [x]
    xs = [_matrix(m, ids if isinstance(m, pd.DataFrame) and ids else None, missing=True)[0] for m in mats]
    for name, m in zip(names, xs):
        if m.shape != ym.shape:
            raise _core.InvalidValueError(f"predictor '{name}' is {m.shape[0]} x {m.shape[1]}, y is "
                                          f"{ym.shape[0]} x {ym.shape[1]}")
    if intercept:
        xs = [np.ones_like(ym)] + xs
        names = ["(intercept)"] + names
    return ym, xs, names, ids


_NULLS = ("qapspp", "qap", "qapy", "qapx", "qapallx", "classical")


@dataclass
class _Regression:
    """What netlm and netlogit share."""

    coefficients: pd.DataFrame
    """Per term: estimate, std_error, t_value (netlogit: z_value), statistic (the one permuted),
    p_greater, p_less, p_abs (sna pgreq, pleeq, pgreqabs)."""
    df_residual: int
    n: int
    """Number of dyads."""
    fitted: pd.DataFrame
    """Fitted value (netlogit: probability) per dyad, as a matrix (NaN on the diagonal)."""
    distribution: np.ndarray | None
    """reps x terms: the permuted statistics (None for ``classical``)."""
    nullhyp: str
    test_statistic: str
    reps: int
    seed: int
    mode: str

    def to_frame(self) -> pd.DataFrame:
        """The coefficient table, what :meth:`wijknet.Study.apply` stacks with an ``alliance`` level.

        Returns
        -------
        DataFrame
            A copy of ``coefficients``: a row per term (index ``term``), with the columns
            ``estimate``, ``std_error``, ``t_value`` (netlogit: ``z_value``), ``statistic``,
            ``p_greater``, ``p_less`` and ``p_abs``.

        Examples
        --------
        >>> import wijknet
        >>> a = wijknet.load_example()
        >>> fit = wijknet.netlm(wijknet.relation_matrix(a, "referral", wave="T1"),
        ...                     {"same_role": wijknet.same_role(a),
        ...                      "earlier": wijknet.relation_matrix(a, "referral", wave="T0")}, reps=100, seed=1)
        >>> fit.to_frame()["p_abs"].round(2).to_dict()
        {'(intercept)': 0.25, 'same_role': 0.33, 'earlier': 0.0}
        """
        return self.coefficients.copy()

    def _table(self) -> str:
        """The coefficients as printed: four significant digits, permutation p-values as :func:`p_text`."""
        return self.coefficients.to_string(float_format=lambda v: f"{v:.4g}", formatters={
            c: (lambda v: p_text(v, self.reps)) for c in ("p_greater", "p_less", "p_abs") if self.reps})


@dataclass
class NetlmResult(_Regression):
    """An MRQAP linear regression; returned by :func:`netlm`.

    Attributes
    ----------
    coefficients : pandas.DataFrame
        A row per term (index ``term``; ``(intercept)`` first when fitted): ``estimate``,
        ``std_error``, ``t_value``, ``statistic`` (the one permuted: the t-value or the estimate,
        as ``test_statistic``), and the p-values ``p_greater``, ``p_less``, ``p_abs`` (sna
        ``pgreq``, ``pleeq``, ``pgreqabs``: the shares of permuted statistics >= the observed one,
        <= it, and of absolute values >= its absolute value; under ``classical`` Student's t
        with ``df_residual`` degrees of freedom).
    df_residual : int
        Residual degrees of freedom: dyads minus terms (m - k).
    n : int
        Number of dyads (observations) m.
    fitted : pandas.DataFrame
        Fitted value per dyad as an n x n matrix of the stakeholders (NaN on the diagonal; in graph
        mode an unordered pair's value fills both cells).
    distribution : numpy.ndarray or None
        reps x terms: the permuted statistic of each term (None under ``classical``).
    nullhyp : str
        sna's null hypothesis used: ``qapspp``, ``qapy``, ``qapx``, ``qapallx`` or ``classical``
        (``"qap"`` is reported as ``qapspp``; ``qapspp`` with a single term is ``qapy``, as sna).
    test_statistic : {"t-value", "beta"}
        The statistic whose permutation distribution gives the p-values.
    reps : int
        Number of permutations (0 under ``classical``).
    seed : int
        The seed used (the one given, or the random one drawn).
    mode : {"digraph", "graph"}
        Which cells were the dyads: every ordered pair, or every unordered pair.
    r_squared : float
        :math:`R^2 = 1 - RSS/TSS`.
    adj_r_squared : float
        Adjusted :math:`R^2`.
    f_statistic : float
        F statistic of the model, on k - 1 and ``df_residual`` degrees of freedom.
    residuals : pandas.DataFrame
        Residual per dyad, as a matrix like ``fitted``.

    Examples
    --------
    >>> import wijknet
    >>> a = wijknet.load_example()
    >>> fit = wijknet.netlm(wijknet.relation_matrix(a, "referral", wave="T1"),
    ...                     {"same_role": wijknet.same_role(a),
    ...                      "earlier": wijknet.relation_matrix(a, "referral", wave="T0")}, reps=100, seed=1)
    >>> fit.nullhyp, fit.test_statistic, fit.n, fit.df_residual, fit.distribution.shape
    ('qapspp', 't-value', 1122, 1119, (100, 3))
    >>> round(fit.r_squared, 4), round(fit.adj_r_squared, 4), round(fit.f_statistic, 2)
    (0.3084, 0.3072, 249.55)
    """

    r_squared: float = math.nan
    adj_r_squared: float = math.nan
    f_statistic: float = math.nan
    residuals: pd.DataFrame | None = None

    def __str__(self) -> str:
        table = self._table()
        return (f"MRQAP OLS, null hypothesis {self.nullhyp} ({self.reps} permutations)\n{table}\n"
                f"R² = {self.r_squared:.4f}, adjusted {self.adj_r_squared:.4f}, F = {self.f_statistic:.4g} "
                f"on {self.n - self.df_residual - 1} and {self.df_residual} df")


@checked
def netlm(y: Any, x: Any, intercept: bool = True, mode: str | None = None, nullhyp: str = "qapspp",
          test_statistic: str = "t-value", reps: int = 1000, seed: int | None = None, threads: int = 0,
          tol: float = 1e-7, client: Any = None, progress: bool = False) -> NetlmResult:
    r"""Linear regression of one network on others with permutation tests: MRQAP (R sna ``netlm``).

    Parameters
    ----------
    y : array_like or DataFrame
        The dependent network (n x n; valued or binary).
    x : matrix, list of matrices, or dict of name -> matrix
        The predictors (see :func:`same_role`, :func:`same_attribute`,
        :func:`attribute_difference`, :func:`relation_matrix`).
    intercept : bool, default True
    mode : {"digraph", "graph"}, optional
        Which cells are observations (default "graph" when every matrix is symmetric).
    nullhyp : {"qapspp", "qapy", "qapx", "qapallx", "classical"}, default "qapspp"
        ``qapspp`` (``"qap"`` is the same): Dekker's semi-partialling plus — each predictor's
        residuals on the other predictors are permuted; ``qapy``: y is permuted; ``qapx``: each
        predictor alone is permuted; ``qapallx``: every predictor is permuted independently;
        ``classical``: Student's t with n - k degrees of freedom (no permutations).
    test_statistic : {"t-value", "beta"}, default "t-value"
        The statistic whose permutation distribution is used.
    reps, seed, threads, client, progress
        As in :func:`qap_test`.
    tol : float, default 1e-7
        Tolerance of the QR decomposition (R ``qr(tol =)``): a predictor is collinear when its
        part independent of the earlier ones has less than ``tol`` of its norm.

    Returns
    -------
    NetlmResult
        Coefficients with standard errors, t-values and p-values; R², adjusted R², F; fitted
        values and residuals as matrices; the permutation distribution.

    Notes
    -----
    OLS over the m dyads: :math:`\hat\beta = (X^\top X)^{-1} X^\top y` (by QR), standard errors
    :math:`\sqrt{\hat\sigma^2 [(X^\top X)^{-1}]_{jj}}`, :math:`\hat\sigma^2 = RSS/(m-k)`,
    :math:`R^2 = 1 - RSS/TSS`. The p-values are sna's: ``p_greater`` the share of permuted
    statistics >= the observed one, ``p_less`` <=, ``p_abs`` of |permuted| >= |observed|.
    Permuted data are refitted through :math:`X^\top X` (Cholesky); the observed fit is QR. Cost
    O(reps k² n²).

    References
    ----------
    .. [1] Dekker, D., Krackhardt, D. & Snijders, T. A. B. (2007). Sensitivity of MRQAP tests to
       collinearity and autocorrelation conditions. *Psychometrika* 72(4), 563-581.
       https://doi.org/10.1007/s11336-007-9016-1
    .. [2] Krackhardt, D. (1988). Predicting with networks: nonparametric multiple regression
       analysis of dyadic data. *Social Networks* 10(4), 359-381.
       https://doi.org/10.1016/0378-8733(88)90004-4

    Examples
    --------
    >>> import wijknet
    >>> a = wijknet.load_example()
    >>> y = wijknet.relation_matrix(a, "referral", wave="T1")
    >>> fit = wijknet.netlm(y, {"same_role": wijknet.same_role(a),
    ...                         "earlier": wijknet.relation_matrix(a, "referral", wave="T0")},
    ...                     reps=100, seed=1)
    >>> fit.coefficients.columns.tolist()
    ['estimate', 'std_error', 't_value', 'statistic', 'p_greater', 'p_less', 'p_abs']
    """
    fit, coef, dist, hyp, reps, s, m, n, ids = _regression("lm", y, x, intercept, mode, nullhyp, test_statistic, reps,
                                                           seed, threads, tol, client, progress)
    return NetlmResult(coef, int(fit["df_residual"]), int(fit["n"]), _as_cells(fit["fitted"], n, m, ids), dist, hyp,
                       test_statistic, reps, s, m, r_squared=fit["r_squared"], adj_r_squared=fit["adj_r_squared"],
                       f_statistic=fit["f_statistic"], residuals=_as_cells(fit["residuals"], n, m, ids))


def _regression(kind: str, y, x, intercept, mode, nullhyp, test_statistic, reps, seed, threads, tol, client,
                progress):
    """The fit and the test of netlm (kind "lm") and netlogit ("logit"): the same null hypotheses,
    p-values and batches; only the model differs."""
    stat_name = "t-value" if kind == "lm" else "z-value"
    if nullhyp not in _NULLS:
        raise ValueError(f"nullhyp must be one of {_NULLS}, got {nullhyp!r}")
    if test_statistic not in (stat_name, "beta"):
        raise ValueError(f"test_statistic must be {stat_name!r} or 'beta', got {test_statistic!r}")
    ym, xs, names, ids = _design(y, x, intercept)
    n = ym.shape[0]
    m = _mode(mode, ym, *xs)
    fit = _core._ols(ym, xs, n, m, intercept, tol) if kind == "lm" else _core._netlogit(ym, xs, n, m, intercept)
    # sna: with a single term (the intercept alone, or one predictor without it) qapspp is qapy
    hyp = "qapy" if nullhyp in ("qap", "qapspp") and len(xs) == 1 else ("qapspp" if nullhyp == "qap" else nullhyp)
    s = _seed(seed)
    t = np.array(fit["t_values" if kind == "lm" else "z_values"])
    observed = t if test_statistic == stat_name else np.array(fit["coefficients"])
    if hyp == "classical":  # Student's t with m - k df, for netlogit too (as sna)
        df = fit["df_residual"]
        le = np.array([_core._student_t_cdf(v, df) for v in t])
        ge = 1 - le
        ab = 2 * np.array([1 - _core._student_t_cdf(abs(v), df) for v in t])
        dist = None
        reps = 0
    else:
        run = _core._netlm_permutations if kind == "lm" else _core._netlogit_permutations

        def kernel(first: int, count: int) -> np.ndarray:
            return run(ym, xs, n, m, intercept, hyp, test_statistic, s, first, count, threads, tol)

        dist = _permutations(kernel, reps, client, progress, "net" + kind)
        ge, le, ab = _p_values(dist, observed)
    coef = pd.DataFrame({"estimate": fit["coefficients"], "std_error": fit["std_errors"],
                         ("t_value" if kind == "lm" else "z_value"): t, "statistic": observed, "p_greater": ge,
                         "p_less": le, "p_abs": ab}, index=pd.Index(names, name="term"))
    return fit, coef, dist, hyp, reps, s, m, n, ids


@dataclass
class NetlogitResult(_Regression):
    """A logistic MRQAP regression; returned by :func:`netlogit`.

    Attributes
    ----------
    coefficients : pandas.DataFrame
        A row per term (index ``term``; ``(intercept)`` first when fitted): ``estimate``,
        ``std_error``, ``z_value``, ``statistic`` (the one permuted: the z-value or the estimate,
        as ``test_statistic``), and the p-values ``p_greater``, ``p_less``, ``p_abs`` (sna
        ``pgreq``, ``pleeq``, ``pgreqabs``: the shares of permuted statistics >= the observed one,
        <= it, and of absolute values >= its absolute value; under ``classical`` Student's t
        with ``df_residual`` degrees of freedom).
    df_residual : int
        Residual degrees of freedom: dyads minus terms (m - k).
    n : int
        Number of dyads (observations) m.
    fitted : pandas.DataFrame
        Fitted probability per dyad as an n x n matrix of the stakeholders (NaN on the diagonal; in graph
        mode an unordered pair's value fills both cells).
    distribution : numpy.ndarray or None
        reps x terms: the permuted statistic of each term (None under ``classical``).
    nullhyp : str
        sna's null hypothesis used: ``qapspp``, ``qapy``, ``qapx``, ``qapallx`` or ``classical``
        (``"qap"`` is reported as ``qapspp``; ``qapspp`` with a single term is ``qapy``, as sna).
    test_statistic : {"z-value", "beta"}
        The statistic whose permutation distribution gives the p-values.
    reps : int
        Number of permutations (0 under ``classical``).
    seed : int
        The seed used (the one given, or the random one drawn).
    mode : {"digraph", "graph"}
        Which cells were the dyads: every ordered pair, or every unordered pair.
    deviance : float
        Residual deviance of the fit.
    null_deviance : float
        sna's null deviance: of probability 1/2 on every dyad (m ln 4).
    aic : float
        Akaike's information criterion, deviance + 2k.
    bic : float
        Bayesian information criterion, deviance + k ln m.

    Examples
    --------
    >>> import wijknet
    >>> a = wijknet.load_example()
    >>> fit = wijknet.netlogit(wijknet.relation_matrix(a, "referral", wave="T1"),
    ...                        {"same_role": wijknet.same_role(a),
    ...                         "earlier": wijknet.relation_matrix(a, "referral", wave="T0")}, reps=100, seed=1)
    >>> fit.nullhyp, fit.test_statistic, fit.n, fit.distribution.shape
    ('qapspp', 'z-value', 1122, (100, 3))
    >>> round(fit.deviance, 2), round(fit.null_deviance, 2), round(fit.aic, 2), round(fit.bic, 2)
    (118.27, 1555.42, 124.27, 139.34)
    """

    deviance: float = math.nan
    null_deviance: float = math.nan
    aic: float = math.nan
    bic: float = math.nan

    def __str__(self) -> str:
        table = self._table()
        return (f"MRQAP logit, null hypothesis {self.nullhyp} ({self.reps} permutations)\n{table}\n"
                f"deviance {self.deviance:.4f} (null {self.null_deviance:.4f}), AIC {self.aic:.4f}, "
                f"BIC {self.bic:.4f}")


@checked
def netlogit(y: Any, x: Any, intercept: bool = True, mode: str | None = None, nullhyp: str = "qapspp",
             test_statistic: str = "z-value", reps: int = 1000, seed: int | None = None, threads: int = 0,
             tol: float = 1e-7, client: Any = None, progress: bool = False) -> NetlogitResult:
    r"""Logistic regression of a binary network on others with permutation tests (R sna ``netlogit``).

    Parameters
    ----------
    y : array_like or DataFrame
        The dependent network (n x n); it must hold only 0 and 1 on its dyads.
    x : matrix, list of matrices, or dict of name -> matrix
        The predictors, as in :func:`netlm`.
    intercept : bool, default True
    mode : {"digraph", "graph"}, optional
        Which cells are observations (default "graph" when every matrix is symmetric).
    nullhyp : {"qapspp", "qapy", "qapx", "qapallx", "classical"}, default "qapspp"
        As in :func:`netlm`.
    test_statistic : {"z-value", "beta"}, default "z-value"
        The statistic whose permutation distribution is used.
    reps, seed, threads, client, progress
        As in :func:`qap_test`.
    tol : float, default 1e-7
        As in :func:`netlm`.

    Returns
    -------
    NetlogitResult
        Coefficients with standard errors, z-values and p-values; deviance, null deviance (sna's: of
        probability 1/2 on every dyad, as sna fits without glm's own intercept), AIC,
        BIC = deviance + k ln m; fitted probabilities.

    Notes
    -----
    The fit is R's ``glm.fit`` with the binomial logit link: iteratively reweighted least
    squares from :math:`\mu = (y + 1/2)/2`, stopping when
    :math:`|D - D_{old}| / (|D| + 0.1) < 10^{-8}`; standard errors from the last weighted QR.
    ``classical`` p-values use Student's t with m - k degrees of freedom, as sna does. Every
    permutation is refitted by IRLS: cost O(reps · iterations · k² n²).

    References
    ----------
    .. [1] Krackhardt, D. (1988), see :func:`netlm`; Butts, C. T. (2008), see :func:`gcor`.

    Examples
    --------
    >>> import wijknet
    >>> a = wijknet.load_example()
    >>> y = wijknet.relation_matrix(a, "referral", wave="T1")
    >>> fit = wijknet.netlogit(y, wijknet.same_role(a), reps=50, seed=1)
    >>> fit.coefficients.index.tolist()
    ['(intercept)', 'x1']
    """
    fit, coef, dist, hyp, reps, s, m, n, ids = _regression("logit", y, x, intercept, mode, nullhyp, test_statistic,
                                                           reps, seed, threads, tol, client, progress)
    return NetlogitResult(coef, int(fit["df_residual"]), int(fit["n"]), _as_cells(fit["fitted"], n, m, ids), dist, hyp,
                          test_statistic, reps, s, m, deviance=fit["deviance"], null_deviance=fit["null_deviance"],
                          aic=fit["aic"], bic=fit["bic"])


# ----------------------------------------------------------------------------------- CUG

def _density(a: np.ndarray, mode: str) -> float:
    n = a.shape[0]
    return float((a.sum() - np.trace(a)) / (n * (n - 1)))


def _reciprocity(a: np.ndarray, mode: str) -> float:
    arcs = a.sum() - np.trace(a)
    return float(np.sum(a * a.T) - np.trace(a)) / arcs if arcs else math.nan


def _transitivity(a: np.ndarray, mode: str) -> float:
    a = a.copy()
    np.fill_diagonal(a, 0)
    two = a @ a
    np.fill_diagonal(two, 0)
    paths = two.sum()
    return float((two * a).sum() / paths) if paths else math.nan


_STATISTICS: dict[str, Callable[[np.ndarray, str], float]] = {
    "density": _density, "reciprocity": _reciprocity, "transitivity": _transitivity}


@dataclass
class CUGResult:
    """A conditional uniform graph test; returned by :func:`cug_test`.

    Attributes
    ----------
    statistic : float
        The statistic of the observed network.
    distribution : numpy.ndarray
        The statistic of each random graph (length ``reps``).
    p_greater : float
        Monte-Carlo p-value: the share of random graphs with a statistic >= the observed one
        (sna ``pgteobs``).
    p_less : float
        Monte-Carlo p-value: the share of random graphs with a statistic <= the observed one
        (sna ``plteobs``).
    condition : {"size", "edges", "dyad_census"}
        What the random graphs share with the network.
    reps : int
        Number of random graphs.
    seed : int
        The seed used (the one given, or the random one drawn).
    mode : {"digraph", "graph"}
        Whether the network was treated as directed or undirected.

    Examples
    --------
    >>> import wijknet
    >>> a = wijknet.load_example()
    >>> t = wijknet.cug_test(wijknet.relation_matrix(a, "referral"), "transitivity", "edges", reps=100, seed=1)
    >>> round(t.statistic, 4), t.p_greater, t.p_less, t.condition, t.mode, len(t.distribution)
    (0.1562, 0.01, 0.99, 'edges', 'digraph', 100)
    """

    statistic: float
    distribution: np.ndarray
    p_greater: float
    p_less: float
    condition: str
    reps: int
    seed: int
    mode: str

    def to_frame(self) -> pd.DataFrame:
        """The test as a one-row table, what :meth:`wijknet.Study.apply` stacks into one table.

        Returns
        -------
        DataFrame
            One row indexed by the condition (index name ``condition``) with the columns
            ``statistic``, ``p_greater``, ``p_less`` and ``reps``.

        Examples
        --------
        >>> import wijknet
        >>> a = wijknet.load_example()
        >>> t = wijknet.cug_test(wijknet.relation_matrix(a, "referral"), "transitivity", "edges", reps=100, seed=1)
        >>> t.to_frame().round(4).to_dict("index")
        {'edges': {'statistic': 0.1562, 'p_greater': 0.01, 'p_less': 0.99, 'reps': 100}}
        """
        return pd.DataFrame([{"statistic": self.statistic, "p_greater": self.p_greater, "p_less": self.p_less,
                              "reps": self.reps}], index=pd.Index([self.condition], name="condition"))

    def __str__(self) -> str:
        return (f"CUG test conditioning on {self.condition} ({self.reps} graphs, seed {self.seed}): observed "
                f"{self.statistic:.4g}, P(X >= obs) {_relation(self.p_greater, self.reps)}, "
                f"P(X <= obs) {_relation(self.p_less, self.reps)}")


@checked
def cug_test(g: Any, statistic: str | Callable[[np.ndarray], float], condition: str = "size",
             mode: str | None = None, reps: int = 1000, seed: int | None = None, threads: int = 0,
             client: Any = None, progress: bool = False) -> CUGResult:
    r"""Conditional uniform graph test (R sna ``cug.test``).

    Is a network-level statistic of the network unusual among random graphs of the same size
    (and edges, or dyad census)?

    Parameters
    ----------
    g : array_like or DataFrame
        The network as a square matrix; every non-zero off-diagonal cell is a tie.
    statistic : str or callable
        ``"density"``, ``"reciprocity"`` (edgewise), ``"transitivity"`` (sna ``gtrans``: closed
        two-paths / two-paths), or any function of a 0/1 numpy matrix returning a number — e.g.
        ``lambda m: wijknet.centralization(...)`` of your own making.
    condition : {"size", "edges", "dyad_census"}, default "size"
        What the random graphs share with the network: the number of stakeholders (every tie
        with probability 1/2), also the number of ties, or also the numbers of mutual,
        asymmetric and null dyads (in graph mode the same as edges).
    mode, reps, seed, threads, client, progress
        As in :func:`qap_test`. The random graphs are drawn in C++ on every core; the statistic
        runs in Python.

    Returns
    -------
    CUGResult

    Notes
    -----
    ``p_greater`` = :math:`\#\{t(G^*) \ge t(G)\} / reps` and ``p_less`` =
    :math:`\#\{t(G^*) \le t(G)\} / reps` over the random graphs :math:`G^*` (sna's ``pgteobs``,
    ``plteobs``). Under ``size`` every dyad is a tie with probability 1/2 (as sna); under ``edges``
    the graphs are uniform among those with as many ties; under ``dyad_census`` among those with
    as many mutual, asymmetric and null dyads. Cost O(reps n²) plus the statistic.

    References
    ----------
    .. [1] Anderson, B. S., Butts, C. & Carley, K. (1999). The interaction of size and density
       with graph-level indices. *Social Networks* 21(3), 239-267.
       https://doi.org/10.1016/S0378-8733(99)00011-8

    Examples
    --------
    >>> import wijknet
    >>> a = wijknet.load_example()
    >>> t = wijknet.cug_test(wijknet.relation_matrix(a, "referral"), "transitivity", "edges", reps=100, seed=1)
    >>> 0 <= t.p_greater <= 1
    True
    """
    a, _ = _matrix(g)
    a = (a != 0).astype(float)
    np.fill_diagonal(a, 0)
    m = _mode(mode, a)
    n = a.shape[0]
    if m == "graph":
        a = np.maximum(a, a.T)
    if condition not in ("size", "edges", "dyad_census"):
        raise ValueError(f"condition must be 'size', 'edges' or 'dyad_census', got {condition!r}")
    if isinstance(statistic, str):
        if statistic not in _STATISTICS:
            raise ValueError(f"statistic must be one of {sorted(_STATISTICS)} or a function, got {statistic!r}")
        builtin = _STATISTICS[statistic]

        def stat(x: np.ndarray) -> float:
            return builtin(x, m)
    else:
        stat = statistic
    mutual = int(np.triu(a * a.T, 1).sum())
    asym = int(np.triu((a + a.T) == 1, 1).sum())
    edges = int(np.tril(a, -1).sum()) if m == "graph" else int(a.sum())
    s = _seed(seed)

    def kernel(first: int, count: int) -> np.ndarray:
        graphs = _core._cug_graphs(n, m, condition, edges, edges if m == "graph" else mutual, asym, s, first, count,
                                   threads)
        return np.array([float(stat(x.astype(float))) for x in graphs])

    dist = _permutations(kernel, reps, client, progress, "cug_test")
    observed = float(stat(a))
    ge, le, _ = _p_values(dist[:, None], np.array([observed]))
    return CUGResult(observed, dist, float(ge[0]), float(le[0]), condition, reps, s, m)


# ----------------------------------------------------------------------------- predictors

def _ids(alliance: _core.Alliance, wave: str | None) -> list[str]:
    return list(alliance.stakeholders().index)


def _frame(values: np.ndarray, ids: list[str]) -> pd.DataFrame:
    out = pd.DataFrame(values, index=pd.Index(ids, name="stakeholder"), columns=pd.Index(ids, name="stakeholder"))
    return out


@checked
def same_role(alliance: _core.Alliance, roles: Iterable[str] | None = None) -> pd.DataFrame:
    """Same role: a dyadic predictor of homophily by role for :func:`netlm` / :func:`netlogit`.

    Parameters
    ----------
    alliance : wijknet.Alliance
    roles : list of str, optional
        Only these roles count (keys or labels); default every role.

    Returns
    -------
    DataFrame
        n x n, rows and columns the stakeholders in the alliance's order: 1 where two
        stakeholders share at least one role (among ``roles``), else 0. The diagonal is 1 for a
        stakeholder with a role; the tests never use it.

    Notes
    -----
    :math:`x_{ij} = 1` if :math:`R_i \\cap R_j \\ne \\emptyset`, with :math:`R_i` the roles of
    stakeholder i. Symmetric, so with a symmetric y the tests use the unordered pairs. A
    homophily predictor in the sense of Krackhardt (1988).

    References
    ----------
    .. [1] Krackhardt, D. (1988). Predicting with networks: nonparametric multiple regression
       analysis of dyadic data. *Social Networks* 10(4), 359-381.
       https://doi.org/10.1016/0378-8733(88)90004-4

    Examples
    --------
    >>> import wijknet
    >>> a = wijknet.Alliance()
    >>> a.add_wave("T0")
    >>> a.add_stakeholder("agent", roles=["wijkagent"], attributes={"sector": "politie", "years": 2})
    >>> a.add_stakeholder("welzijn", roles=["welzijnswerk"], attributes={"sector": "zorg", "years": 7})
    >>> a.add_stakeholder("buurt", roles=["welzijnswerk", "bewonersinitiatief"], attributes={"sector": "zorg"})
    >>> wijknet.same_role(a).astype(int).values.tolist()   # welzijn and buurt share welzijnswerk
    [[1, 0, 0], [0, 1, 1], [0, 1, 1]]
    >>> wijknet.same_role(a, roles=["bewonersinitiatief"]).astype(int).values.tolist()
    [[0, 0, 0], [0, 0, 0], [0, 0, 1]]
    """
    frame = alliance.stakeholders()
    wanted = None if roles is None else {alliance.role(r)["key"] for r in roles}
    sets = [set(r) if wanted is None else set(r) & wanted for r in frame["roles"]]
    ids = list(frame.index)
    out = np.array([[1.0 if a & b else 0.0 for b in sets] for a in sets])
    return _frame(out, ids)


def _attribute(alliance: _core.Alliance, name: str) -> list:
    values = []
    for sid in alliance.stakeholders().index:
        attrs = alliance.stakeholder(sid, include_sensitive=True)["attributes"]  # named: the caller asked for it
        values.append(attrs.get(name))
    if all(v is None for v in values):
        raise _core.UnknownIdError(f"no stakeholder has an attribute '{name}'")
    return values


@checked
def same_attribute(alliance: _core.Alliance, name: str) -> pd.DataFrame:
    """Same attribute value: a dyadic predictor of homophily (sector, neighbourhood, ...).

    Parameters
    ----------
    alliance : wijknet.Alliance
    name : str
        The attribute. A sensitive attribute is used only because it is named here; the matrix
        then carries it, so treat it as sensitive too.

    Returns
    -------
    DataFrame
        n x n in stakeholder order: 1 where two stakeholders have the same value, else 0; a
        missing value matches nothing (not even another missing value).

    Notes
    -----
    :math:`x_{ij} = 1` if :math:`a_i = a_j` (both present). An attribute no stakeholder has is an
    error naming it. See Krackhardt (1988) for such predictors in MRQAP.

    References
    ----------
    .. [1] Krackhardt, D. (1988), see :func:`same_role`.

    Examples
    --------
    >>> import wijknet
    >>> a = wijknet.Alliance()
    >>> a.add_wave("T0")
    >>> a.add_stakeholder("agent", roles=["wijkagent"], attributes={"sector": "politie", "years": 2})
    >>> a.add_stakeholder("welzijn", roles=["welzijnswerk"], attributes={"sector": "zorg", "years": 7})
    >>> a.add_stakeholder("buurt", roles=["welzijnswerk", "bewonersinitiatief"], attributes={"sector": "zorg"})
    >>> wijknet.same_attribute(a, "sector").astype(int).values.tolist()
    [[1, 0, 0], [0, 1, 1], [0, 1, 1]]
    """
    values = _attribute(alliance, name)
    out = np.array([[1.0 if a is not None and a == b else 0.0 for b in values] for a in values])
    return _frame(out, list(alliance.stakeholders().index))


@checked
def attribute_difference(alliance: _core.Alliance, name: str, missing: float | str | None = None) -> pd.DataFrame:
    """Absolute difference of a numeric attribute: a dyadic predictor.

    For example years in the neighbourhood, or size of the organisation.

    Parameters
    ----------
    alliance : wijknet.Alliance
    name : str
        A numeric attribute (text or true/false values are an error naming the stakeholders).
    missing : float or "mean", optional
        The value of a stakeholder without one: a number, or ``"mean"`` (the mean of those who
        have one). Default None: a missing value is an error naming the stakeholders.

    Returns
    -------
    DataFrame
        n x n in stakeholder order, :math:`|x_i - x_j|`; 0 on the diagonal.

    Notes
    -----
    :math:`d_{ij} = |x_i - x_j|`, symmetric. Mean imputation shrinks the differences of the
    stakeholders without a value towards the middle; say so when reporting a fit that uses it.

    References
    ----------
    .. [1] Krackhardt, D. (1988), see :func:`same_role`.

    Examples
    --------
    >>> import wijknet
    >>> a = wijknet.Alliance()
    >>> a.add_wave("T0")
    >>> a.add_stakeholder("agent", roles=["wijkagent"], attributes={"sector": "politie", "years": 2})
    >>> a.add_stakeholder("welzijn", roles=["welzijnswerk"], attributes={"sector": "zorg", "years": 7})
    >>> a.add_stakeholder("buurt", roles=["welzijnswerk", "bewonersinitiatief"], attributes={"sector": "zorg"})
    >>> wijknet.attribute_difference(a, "years", missing="mean").values.tolist()  # buurt gets (2 + 7) / 2
    [[0.0, 5.0, 2.5], [5.0, 0.0, 2.5], [2.5, 2.5, 0.0]]
    """
    values = _attribute(alliance, name)
    ids = list(alliance.stakeholders().index)
    bad = [i for i, v in zip(ids, values) if v is not None and isinstance(v, (str, bool))]
    if bad:
        raise _core.InvalidValueError(f"attribute '{name}' is not a number for stakeholder(s) {bad[:5]}")
    absent = [i for i, v in zip(ids, values) if v is None]
    if absent and missing is None:
        raise _core.InvalidValueError(f"attribute '{name}' is missing for stakeholder(s) {absent[:5]}; "
                                      "give missing= a number or 'mean'")
    known = [float(v) for v in values if v is not None]
    fill = float(np.mean(known)) if missing == "mean" else missing
    x = np.array([fill if v is None else float(v) for v in values], dtype=float)
    return _frame(np.abs(x[:, None] - x[None, :]), ids)


def _wave_keys(alliance: _core.Alliance, waves: str | Iterable[str]) -> list[str]:
    """The keys of the waves named (by key or label); an unknown one is an error, never an empty matrix."""
    by_name = {}
    for w in alliance.waves:
        by_name[w["key"]] = w["key"]
        by_name.setdefault(w["label"], w["key"])
    keys = []
    for name in as_list(waves, "waves"):
        if name not in by_name:
            raise _core.UnknownIdError(f"unknown wave {name!r}; the waves are {[w['key'] for w in alliance.waves]}")
        keys.append(by_name[name])
    return keys


@checked
def relation_matrix(alliance: _core.Alliance, relation: str | Iterable[str], waves: str | Iterable[str] | None = None,
                    weighted: bool = False) -> pd.DataFrame:
    """The ties of a relation (or several) in a wave as an adjacency matrix.

    The dependent network of a test, or a predictor (another relation, or the same relation in an
    earlier wave).

    Parameters
    ----------
    alliance : wijknet.Alliance
    relation : str or list of str
        The relation(s), by key or label.
    waves : str or list of str, optional
        The waves whose ties count (keys or labels; ``wave="T1"`` is the short form of one); default every wave
        together. An unknown wave is an error naming the waves that exist.
    weighted : bool, default False
        False: 1 where there is a tie; True: the sum of the ties' weights (a strength).

    Returns
    -------
    DataFrame
        n x n in stakeholder order, every stakeholder included (also those absent in the wave,
        with an empty row), so that the matrices of two waves or relations line up. Row i,
        column j holds the tie i -> j; an undirected tie fills both cells. The diagonal is 0
        (self-loops are dropped).

    Notes
    -----
    :math:`y_{ij} = \\sum w` over the selected ties from i to j (undirected: either way), or
    :math:`1[y_{ij} > 0]` without weights. Several ties between one pair (several relations or
    waves) add up.

    References
    ----------
    .. [1] Krackhardt, D. (1987). QAP partialling as a test of spuriousness. *Social Networks*
       9(2), 171-186. https://doi.org/10.1016/0378-8733(87)90012-8

    Examples
    --------
    >>> import wijknet
    >>> a = wijknet.Alliance()
    >>> a.add_wave("T0")
    >>> a.add_stakeholder("agent", roles=["wijkagent"], attributes={"sector": "politie", "years": 2})
    >>> a.add_stakeholder("welzijn", roles=["welzijnswerk"], attributes={"sector": "zorg", "years": 7})
    >>> a.add_stakeholder("buurt", roles=["welzijnswerk", "bewonersinitiatief"], attributes={"sector": "zorg"})
    >>> a.add_tie("welzijn", "agent", "referral", "T0")
    >>> a.add_tie("buurt", "welzijn", "collaboration", "T0", 3)
    >>> wijknet.relation_matrix(a, "referral").astype(int).values.tolist()      # directed: one cell
    [[0, 0, 0], [1, 0, 0], [0, 0, 0]]
    >>> wijknet.relation_matrix(a, ["referral", "collaboration"], weighted=True).values.tolist()
    [[0.0, 0.0, 0.0], [1.0, 0.0, 3.0], [0.0, 3.0, 0.0]]
    """
    rels = [relation] if isinstance(relation, str) else list(relation)
    keys = [alliance.relation(r)["key"] for r in rels]
    directed = {r["key"]: bool(r["directed"]) for r in alliance.relations}
    # Every stakeholder keeps its row, present in the wave or not, so that the matrices of two
    # waves (or relations) line up for a test; absent stakeholders simply have no ties.
    ids = list(alliance.stakeholders().index)
    index = {sid: i for i, sid in enumerate(ids)}
    ties = alliance.ties()
    ties = ties[ties["relation"].isin(keys)]
    if waves is not None:
        ties = ties[ties["wave"].isin(_wave_keys(alliance, waves))]
    m = np.zeros((len(ids), len(ids)))
    for s, t, rel, w in zip(ties["source"], ties["target"], ties["relation"], ties["weight"]):
        i, j = index[s], index[t]
        m[i, j] += w
        if not directed[rel]:
            m[j, i] += w
    if not weighted:
        m = (m > 0).astype(float)
    np.fill_diagonal(m, 0)
    return _frame(m, ids)
