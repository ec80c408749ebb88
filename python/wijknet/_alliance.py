"""The Alliance class: the C++ model plus pandas views of its tables."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import pandas as pd

from . import _core, _display
from ._keywords import (SELECTION, checked, compiled_parameters, compiled_type_error, selection_arguments,
                        signature_dump, warn_if_empty)

if TYPE_CHECKING:
    from ._summary import Summary


def _frame(columns: dict, index: str | None, include_sensitive: bool) -> pd.DataFrame:
    """A DataFrame from the core's column dict, without sensitive columns unless asked."""
    sensitive = columns.pop("__sensitive__")
    if not include_sensitive:
        for name in sensitive:
            columns.pop(name, None)
    frame = pd.DataFrame(columns)
    if index is not None:
        frame = frame.set_index(index)
    frame.attrs["sensitive"] = [s for s in sensitive if include_sensitive]
    return frame


class Alliance(_core.Alliance):
    """The model of one alliance (see the C++ class ``wijknet::alliance``).

    Stakeholders have a unique id, a name, a kind (organisation, person, initiative, group),
    roles from the taxonomy and free attributes; ties belong to a relation and a wave; events
    and participation form the two-mode network of the Alle Kleuren method.

    Every edit either succeeds or raises a :class:`wijknet.WijknetError` subclass and leaves the
    alliance exactly as it was.

    Threads: one thread may edit an alliance while others compute on it, snapshot it or save it;
    each call sees it before or after an edit, never half-way (the GIL serves as its lock; the
    work done without the GIL runs on a snapshot or a copy). See docs/model.md, "Threads".
    """

    def stakeholders(self, include_sensitive: bool = False) -> pd.DataFrame:
        """Stakeholders as a DataFrame indexed by id: name, kind, roles, waves, then attributes.

        Attributes marked sensitive are left out unless ``include_sensitive=True``.
        """
        return _frame(self._stakeholder_columns(), "id", include_sensitive)

    def ties(self, include_sensitive: bool = False) -> pd.DataFrame:
        """Ties as a DataFrame: source, target, relation, wave, weight, then attributes."""
        return _frame(self._tie_columns(), None, include_sensitive)

    def events(self, include_sensitive: bool = False) -> pd.DataFrame:
        """Events as a DataFrame indexed by id: name, date, themes, organisers, then attributes."""
        return _frame(self._event_columns(), "id", include_sensitive)

    def participation(self, include_sensitive: bool = False) -> pd.DataFrame:
        """Participation as a DataFrame: stakeholder, event, then attributes."""
        return _frame(self._participation_columns(), None, include_sensitive)

    def incidents(self, include_sensitive: bool = False) -> pd.DataFrame:
        """The incident log as a DataFrame indexed by incident id (see :func:`wijknet.handoffs` and co.).

        Columns reported, category, neighbourhood, description, then the free fields. Every
        incident field is sensitive: pass ``include_sensitive=True``; without it a
        :class:`wijknet.InvalidValueError` is raised (``num_incidents`` gives the count).
        """
        from ._incidents import incident_table

        return incident_table(self, include_sensitive)

    def incident_steps(self, include_sensitive: bool = False) -> pd.DataFrame:
        """The handling steps: incident, step (1-based), stakeholder, action, to, time, note.

        Sensitive like :meth:`incidents`: pass ``include_sensitive=True``.
        """
        from ._incidents import incident_step_table

        return incident_step_table(self, include_sensitive)

    def snapshot(self, **selection) -> "Snapshot":
        """A :class:`wijknet.Snapshot` of this alliance; keywords as for ``Snapshot``."""
        return Snapshot(self, **selection)

    def summary(self, templates: Iterable[str] | None = None, lang: str = "en") -> "Summary":
        """The summary of :func:`wijknet.summary`, in English (``lang="en"``) or Dutch (``"nl"``)."""
        from ._summary import summary

        return summary(self, templates, lang)

    @property
    def read_warnings(self) -> list:
        """What the reader that made this alliance warned about, as :class:`wijknet.Problem` objects.

        Warnings do not stop a read, but the result may not be what was meant: e.g. a stakeholder
        table from which no role at all was read ("no roles were read; is the column named 'role'
        or 'rol'?"). ``str(w)`` is the English line, ``w.text("nl")`` the Dutch one; the summary
        shows them. Empty for an alliance built in code.
        """
        return list(getattr(self, "_read_warnings", ()))

    def copy(self) -> "Alliance":
        """An independent copy (read warnings included), taken in one step: functions that read an
        alliance in several steps read such a copy, so that an edit from another thread between two
        steps cannot mix two states (docs/model.md, "Threads")."""
        other = Alliance()
        other._assign(self)
        other._read_warnings = list(getattr(self, "_read_warnings", ()))
        return other

    def __reduce__(self):
        """Pickles (for multiprocessing and Dask) as its lossless JSON text — sensitive attributes
        included, so a pickle is as sensitive as the alliance itself."""
        return (_from_json_text, (self._dump_json("", True),))

    def _repr_html_(self) -> str:
        return _display.alliance_html(self)

    def __repr__(self) -> str:
        return (
            f"<wijknet.Alliance: {len(self)} stakeholders, {self.num_ties} ties, "
            f"{len(self.waves)} waves, {len(self.relations)} relations>"
        )


# The compiled methods check their keywords too (did you mean ...?), and take a str where they
# want a list of str (roles="wijkagent"). Methods defined above in Python are checked as well.
for _name, _method in list(vars(_core.Alliance).items()) + list(vars(Alliance).items()):
    if not _name.startswith("_") and callable(_method) and not isinstance(_method, type):
        setattr(Alliance, _name, checked(_method, name=f"Alliance.{_name}",
                                         selection=SELECTION if _name == "snapshot" else ()))


class Snapshot(_core.Snapshot):
    """A compact, immutable graph of part of an alliance, for analysis (docs/model.md).

    Parameters
    ----------
    alliance : Alliance
        The alliance to take the part from.
    relations, waves : str or list of str, optional
        Relation and wave keys (default: every one); ``wave="T1"`` is the short form of
        ``waves=["T1"]``. With waves named, only stakeholders present in one of them are kept.
    min_weight : float, optional
        Leave out ties lighter than this.
    roles : str or list of str, optional
        Keep stakeholders holding one of these roles (keys, labels or aliases).
    ids : str or list of str, optional
        Keep only these stakeholders.
    where : dict, optional
        Keep stakeholders whose attributes equal these values, e.g. ``{"sector": "welzijn"}``.
    symmetrize : bool, default False
        Read every tie as undirected.
    combine : {"sum", "max", "min", "count", "keep"}, default "sum"
        How ties joining the same pair merge.
    self_ties : bool, default False
        Keep ties of a stakeholder to itself.

    A ``roles``, ``ids`` or ``where`` filter that keeps nobody warns with
    :class:`wijknet.EmptySelectionWarning`, naming the filter and the values that exist.
    """

    def __init__(self, alliance: _core.Alliance, *positional, **selection) -> None:
        if len(positional) > len(SELECTION):
            raise TypeError(f"Snapshot() takes at most {len(SELECTION) + 1} positional arguments")
        for key, value in zip(SELECTION, positional):  # in the order of the compiled Snapshot
            if key in selection:
                raise TypeError(f"Snapshot() got multiple values for argument {key!r}")
            selection[key] = value
        arguments = selection_arguments("Snapshot", selection)
        try:
            super().__init__(alliance, **arguments)
        except TypeError as err:
            if not signature_dump(err):
                raise
            types = compiled_parameters(_core.Snapshot.__init__)
            raise compiled_type_error("Snapshot", types, [self, alliance], arguments) from None
        warn_if_empty(alliance, len(self), arguments)

    def __repr__(self) -> str:
        return _display.snapshot_repr(self)

    def _repr_html_(self) -> str:
        return _display.snapshot_html(self)


def check_path(path: Path, folder: bool = False) -> None:
    """FileNotFoundError naming the path when nothing is there; NotADirectoryError when a folder
    is expected and a file is there."""
    if not path.exists():
        raise FileNotFoundError(errno.ENOENT, f"no such {'folder' if folder else 'file or folder'}", str(path))
    if folder and not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "this is a file; expected a folder holding stakeholders.csv", str(path))


@checked
def read_csv_folder(folder: str | Path, separator: str = "", decimal_comma: bool = False, encoding: str = "auto",
                    duplicates: str = "merge") -> Alliance:
    """Read an alliance from a folder of CSV files.

    The folder holds ``stakeholders.csv`` (id, name, kind, role, waves, attributes ...) and
    optionally ``waves.csv``, ``relations.csv``, ``ties.csv`` (source, target, relation, wave,
    weight, attributes ...), ``events.csv`` and ``participation.csv``; see docs/csv.md. Column
    names may be Dutch (``naam``, ``soort``, ``rol``, ``van``, ``naar``, ``gewicht`` ...), in any
    case; a name one typo away from a known column is an error, not an attribute. Several roles in
    one cell are separated by ``|``; a column whose name ends in ``:sensitive`` becomes a
    sensitive attribute.

    separator: ``","``, ``";"`` or ``"\t"`` (default: detected from each header line).
    decimal_comma: read ``3,5`` as 3.5, as Dutch Excel writes numbers.
    encoding: ``"auto"`` (default: UTF-8 with or without byte order mark, Windows-1252 or UTF-16
        with byte order mark, detected per file), ``"utf-8"``, ``"cp1252"`` or ``"utf-16"``.
    duplicates: what to do with a tie listed more than once (an undirected tie listed from both
        sides, or the same tie twice): ``"merge"`` (default: identical listings are one tie; listings
        with different weights are an error), ``"error"``, ``"sum"``, ``"max"`` or ``"mean"``.

    Raises :class:`wijknet.ParseError` naming file, line and column of the first problem
    (:func:`wijknet.validate` lists all of them); ``FileNotFoundError`` when there is no such
    folder, ``NotADirectoryError`` when it is a file. Warnings are kept in ``read_warnings``.
    """
    from ._validate import Problem

    check_path(Path(folder), folder=True)
    alliance = Alliance()
    warnings = alliance._read_csv_folder(str(folder), separator, decimal_comma, encoding, duplicates)
    alliance._read_warnings = [Problem(**w) for w in warnings]
    return alliance


@checked
def example_path() -> Path:
    """The folder of the bundled, fictional example alliance (Vogelwijk-Oost, Rivierstad)."""
    return Path(__file__).resolve().parent / "example_data"


@checked
def load_example() -> Alliance:
    """The bundled, fictional example alliance (see ``example_path()/README.md``)."""
    return read_csv_folder(example_path())


def _from_json_text(text: str) -> Alliance:
    alliance = Alliance()
    alliance._load_json(text, True)
    return alliance


def _snapshot_from_graph(ids, sources, targets, weights, directed: bool) -> _core.Snapshot:
    alliance = Alliance()
    alliance.add_wave("T0")
    alliance.add_relation("tie", directed=directed)
    for sid in ids:
        alliance.add_stakeholder(sid)
    for s, t, w in zip(sources, targets, weights):
        alliance.add_tie(s, t, "tie", "T0", w)
    return _core.Snapshot(alliance, self_ties=any(s == t for s, t in zip(sources, targets)))


def _snapshot_reduce(snapshot: _core.Snapshot):
    """A snapshot pickles as its graph: stakeholder ids in vertex order, ties, weights, direction."""
    sources, targets, weights = snapshot.edges()
    return (_snapshot_from_graph, (list(snapshot.ids), sources, targets, weights, snapshot.directed))


_core.Snapshot.__reduce__ = _snapshot_reduce
