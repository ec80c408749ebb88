"""Many alliances at once: a :class:`Study` labels each alliance with its municipality,
neighbourhood and method, runs any measure, diagnostic or test over all of them into one tidy
table, compares methods and waves side by side, and tests whether methods differ by permuting
the method labels across alliances. ``client=`` runs the per-alliance work as Dask tasks
(``pip install wijknet[dask]``); the results are the same as locally.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

import numpy as np
import pandas as pd

from . import _core

__all__ = ["Study"]

LABELS = ("municipality", "neighbourhood", "method")


def _read(path: Path):
    from ._io import read

    return read(str(path))


class Study:
    """A collection of alliances, each with a name and labels.

    Parameters
    ----------
    alliances : list, or dict of name -> alliance
        Each item an :class:`wijknet.Alliance` or a pair ``(alliance, labels)`` with ``labels`` a
        dict holding ``municipality``, ``neighbourhood``, ``method`` (and any other columns). In a
        list, an alliance is named after its neighbourhood label, else ``"alliance 1"``, ...

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
            name = name or labels.get("name") or labels.get("neighbourhood") or f"alliance {k + 1}"
            if name in self.alliances:
                raise _core.DuplicateIdError(f"two alliances are named '{name}'")
            self.alliances[name] = alliance
            rows[name] = {key: labels.get(key) for key in LABELS} | {k2: v for k2, v in labels.items()
                                                                    if k2 not in LABELS and k2 != "name"}
        self.labels = pd.DataFrame.from_dict(rows, orient="index")
        self.labels.index.name = "alliance"

    @classmethod
    def from_folder(cls, folder: str | Path) -> "Study":
        """Every alliance in a folder: each ``*.json`` / ``*.graphml`` / ``*.dl`` file and each
        sub-folder of CSV files (named after the file or folder). Labels come from
        ``labels.csv`` in the folder when present (columns ``alliance``, ``municipality``,
        ``neighbourhood``, ``method``, ...)."""
        folder = Path(folder)
        labels = {}
        table = folder / "labels.csv"
        if table.is_file():
            frame = pd.read_csv(table, dtype=str, keep_default_na=False).set_index("alliance")
            labels = {k: dict(v) for k, v in frame.iterrows()}
        items = {}
        for path in sorted(folder.iterdir()):
            if path.is_dir() or path.suffix in (".json", ".graphml", ".dl"):
                name = path.stem if path.is_file() else path.name
                items[name] = (_read(path), labels.get(name, {}))
        if not items:
            raise FileNotFoundError(f"no alliances (JSON, GraphML, DL files or CSV folders) in {folder}")
        return cls(items)

    def __len__(self) -> int:
        return len(self.alliances)

    def __repr__(self) -> str:
        return f"<wijknet.Study of {len(self)} alliances>"

    # ------------------------------------------------------------------------------- running
    def apply(self, func: Callable[..., Any], client: Any = None, **kwargs: Any) -> pd.Series | pd.DataFrame:
        """``func(alliance, **kwargs)`` for every alliance, as one tidy table.

        A number per alliance gives a Series indexed by alliance; a Series (per stakeholder or
        per statistic) gives a long Series indexed by (alliance, its index); a DataFrame gives
        the frames stacked with an ``alliance`` level. ``client``: a ``dask.distributed.Client``
        running one task per alliance (the alliances pickle); the same table comes back.
        """
        names = list(self.alliances)
        if client is not None:
            futures = [client.submit(func, self.alliances[n], pure=False, **kwargs) for n in names]
            results = client.gather(futures)
        else:
            results = [func(self.alliances[n], **kwargs) for n in names]
        if all(isinstance(r, pd.DataFrame) for r in results):
            return pd.concat(dict(zip(names, results)), names=["alliance"])
        if all(isinstance(r, pd.Series) for r in results):
            out = pd.concat(dict(zip(names, results)), names=["alliance"])
            return out
        if all(isinstance(r, (int, float, np.number, bool)) for r in results):
            return pd.Series([float(r) for r in results], index=pd.Index(names, name="alliance"),
                             name=getattr(func, "__name__", "value"))
        return pd.Series(results, index=pd.Index(names, name="alliance"), name=getattr(func, "__name__", "value"))

    def table(self, func: Callable[..., Any], client: Any = None, **kwargs: Any) -> pd.DataFrame:
        """:meth:`apply` as a flat frame with the labels as columns (one row per alliance, or per
        alliance and stakeholder / statistic)."""
        out = self.apply(func, client=client, **kwargs)
        frame = out.to_frame() if isinstance(out, pd.Series) else out
        frame = frame.reset_index()
        return frame.merge(self.labels.reset_index(), on="alliance", how="left")

    def compare(self, func: Callable[..., float], by: str = "method", waves: Iterable[str] | None = None,
                client: Any = None, **kwargs: Any) -> pd.DataFrame:
        """A network-level statistic side by side per group (``by``: a label column) and, with
        ``waves``, per wave (``func`` called with ``waves=[w]``): mean, standard deviation and
        number of alliances."""
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

    def pooled_test(self, values: pd.Series | Callable[..., float], by: str = "method", reps: int = 1000,
                    seed: int = 1, **kwargs: Any) -> dict:
        r"""Do two groups of alliances differ? A permutation test of the difference of group means.

        ``values``: a number per alliance (a Series indexed by alliance, or a function applied
        with :meth:`apply`). The labels in column ``by`` (two distinct values) are permuted across
        the alliances ``reps`` times. Returns the observed difference (first group in sorted order
        minus second), the permutation distribution and the two-sided p-value
        :math:`(1 + \#\{|d^*| \ge |d|\}) / (1 + reps)` (Phipson & Smyth 2010, which counts the
        observed labelling as one of the permutations).

        References
        ----------
        .. [1] Phipson, B. & Smyth, G. K. (2010). Permutation p-values should never be zero.
           *Statistical Applications in Genetics and Molecular Biology* 9(1).
           https://doi.org/10.2202/1544-6115.1585
        """
        v = values if isinstance(values, pd.Series) else self.apply(values, **kwargs)
        labels = self.labels[by].reindex(v.index)
        groups = sorted(labels.dropna().unique())
        if len(groups) != 2:
            raise _core.InvalidValueError(f"a pooled test needs two groups in '{by}', got {groups}")
        x = v.to_numpy(dtype=float)
        first = (labels == groups[0]).to_numpy()
        observed = x[first].mean() - x[~first].mean()
        rng = np.random.default_rng(seed)
        dist = np.empty(reps)
        for r in range(reps):
            p = rng.permutation(first)
            dist[r] = x[p].mean() - x[~p].mean()
        p_value = (1 + np.sum(np.abs(dist) >= abs(observed) - 1e-12)) / (1 + reps)
        return {"groups": groups, "difference": observed, "p_value": float(p_value), "distribution": dist,
                "reps": reps, "seed": seed}

