"""The Alliance class: the C++ model plus pandas views of its tables."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import pandas as pd

from . import _core, _display
from ._alliance_methods import METHODS
from ._keywords import (SELECTION, checked, compiled_parameters, compiled_type_error, expand_doc,
                        selection_arguments, signature_dump, warn_if_empty)

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
    """The model of one alliance: stakeholders with roles, ties per relation and wave, events and incidents.

    Stakeholders have a unique id, a name, a kind (organisation, person, initiative, group), roles from the taxonomy
    (the roles of both methods are built in, with Dutch keys and English labels) and free attributes, some of which
    may be marked sensitive. Ties belong to a relation (built in: ``collaboration``, undirected; ``information``,
    ``referral`` and ``trust``, directed) and a wave (T0, T1, ...), and carry a weight. Events and participation form
    the two-mode network of the Alle Kleuren method; the incident log records how reports were handled.

    Every edit either succeeds or raises a :class:`WijknetError` subclass and leaves the alliance exactly as it was.

    Threads: one thread may edit an alliance while others compute on it, snapshot it or save it;
    each call sees it before or after an edit, never half-way (the GIL serves as its lock; the
    work done without the GIL runs on a snapshot or a copy). See docs/model.md, "Threads".

    The C++ class is ``wijknet::alliance`` (docs/model.md).

    See Also
    --------
    read, read_csv_folder, from_pandas, load_example, Snapshot

    Examples
    --------
    >>> import wijknet
    >>> a = wijknet.Alliance()
    >>> a.add_wave("T0", "autumn 2021", "2021-10-01")
    >>> a.add_stakeholder("agent", "Kees", "person", roles="wijkagent")
    >>> a.add_stakeholder("coc", "COC afdeling", roles="lhbti_organisatie")
    >>> a.add_tie("coc", "agent", "referral", "T0", 2)
    >>> a
    <wijknet.Alliance: 2 stakeholders, 1 ties, 1 waves, 4 relations>
    >>> a.stakeholders()[["name", "kind", "roles"]]
                   name          kind                roles
    id                                                    
    agent          Kees        person          [wijkagent]
    coc    COC afdeling  organisation  [lhbti_organisatie]
    """

    def stakeholders(self, include_sensitive: bool = False) -> pd.DataFrame:
        """The stakeholders as a DataFrame.

        Parameters
        ----------
        include_sensitive : bool, default False

        Returns
        -------
        pandas.DataFrame
            Indexed by stakeholder id: ``name``, ``kind``, ``roles`` (list of role keys), ``waves`` (list; empty: every
            wave), then one column per attribute. ``attrs["sensitive"]`` names the sensitive columns included.

        Examples
        --------
        >>> import wijknet
        >>> alliance = wijknet.load_example()
        >>> alliance.stakeholders()[["name", "kind", "roles"]].head(3)
                                                name          kind           roles
        id                                                                        
        wijkagent_kwikstaart         Kees Kwikstaart        person     [wijkagent]
        welzijn_rivierstad        Welzijn Rivierstad  organisation  [welzijnswerk]
        jongerenwerker_roodborst      Ravi Roodborst        person  [welzijnswerk]
        >>> "lhbti_focus" in alliance.stakeholders(include_sensitive=True).columns
        True
        """
        return _frame(self._stakeholder_columns(), "id", include_sensitive)

    def ties(self, include_sensitive: bool = False) -> pd.DataFrame:
        """The ties as a DataFrame.

        Parameters
        ----------
        include_sensitive : bool, default False

        Returns
        -------
        pandas.DataFrame
            One row per tie: ``source``, ``target``, ``relation``, ``wave``, ``weight``, then one column per tie
            attribute. A tie of an undirected relation is one row.

        Examples
        --------
        >>> import wijknet
        >>> alliance = wijknet.load_example()
        >>> alliance.ties()[["source", "target", "relation", "wave", "weight"]].head(3)
                         source                    target       relation wave  weight
        0  wijkagent_kwikstaart        welzijn_rivierstad  collaboration   T0     4.0
        1  wijkagent_kwikstaart      wijkregisseur_specht  collaboration   T0     4.0
        2  wijkagent_kwikstaart  buurtpreventie_vogelwijk  collaboration   T0     4.0
        """
        return _frame(self._tie_columns(), None, include_sensitive)

    def events(self, include_sensitive: bool = False) -> pd.DataFrame:
        """The events (Alle Kleuren meetings) as a DataFrame.

        Parameters
        ----------
        include_sensitive : bool, default False

        Returns
        -------
        pandas.DataFrame
            Indexed by event id: ``name``, ``date``, ``themes``, ``organisers``, then one column per attribute.

        Examples
        --------
        >>> import wijknet
        >>> alliance = wijknet.load_example()
        >>> alliance.events()[["date", "themes"]].head(3)
                                       date           themes
        id                                                  
        ev01_aftrap              2021-10-23     [veiligheid]
        ev02_veilig_over_straat  2021-11-25     [veiligheid]
        ev03_mensenrechtendag    2021-12-10  [mensenrechten]
        """
        return _frame(self._event_columns(), "id", include_sensitive)

    def participation(self, include_sensitive: bool = False) -> pd.DataFrame:
        """Who took part in which event, as a DataFrame.

        Parameters
        ----------
        include_sensitive : bool, default False

        Returns
        -------
        pandas.DataFrame
            One row per participation: ``stakeholder``, ``event``, then one column per attribute (e.g. ``role``:
            organiser or participant).

        Examples
        --------
        >>> import wijknet
        >>> alliance = wijknet.load_example()
        >>> alliance.participation().head(3)
                        stakeholder        event       role
        0  alle_kleuren_begeleiding  ev01_aftrap  organiser
        1        stichting_een_wijk  ev01_aftrap  organiser
        2     bewoner_ayse_cicekdal  ev01_aftrap  organiser
        """
        return _frame(self._participation_columns(), None, include_sensitive)

    def incidents(self, include_sensitive: bool = False) -> pd.DataFrame:
        """The incident log as a DataFrame (see :func:`handoffs` and the other incident analyses).

        Parameters
        ----------
        include_sensitive : bool, default False
            Must be True: every incident field is sensitive, so the log comes out only when asked for by name.

        Returns
        -------
        pandas.DataFrame
            Indexed by incident id: ``reported``, ``category``, ``neighbourhood``, ``description``, then the free fields.

        Raises
        ------
        InvalidValueError
            Without ``include_sensitive=True``; ``num_incidents`` gives the count without it.

        Examples
        --------
        >>> import wijknet
        >>> alliance = wijknet.load_example()
        >>> alliance.num_incidents
        38
        >>> alliance.incidents(include_sensitive=True)[["reported", "category"]].head(2)
                           reported       category
        id                                        
        M2021-001  2021-10-05T19:00  discriminatie
        M2021-002  2021-10-11T21:45    intimidatie
        """
        from ._incidents import incident_table

        return incident_table(self, include_sensitive)

    def incident_steps(self, include_sensitive: bool = False) -> pd.DataFrame:
        """The handling steps of the incidents as a DataFrame.

        Parameters
        ----------
        include_sensitive : bool, default False
            Must be True, as for :meth:`incidents`.

        Returns
        -------
        pandas.DataFrame
            One row per step: ``incident``, ``step`` (1-based), ``stakeholder``, ``action``, ``to``, ``time``, ``note``.

        Raises
        ------
        InvalidValueError
            Without ``include_sensitive=True``.

        Examples
        --------
        >>> import wijknet
        >>> alliance = wijknet.load_example()
        >>> steps = alliance.incident_steps(include_sensitive=True)
        >>> steps[["incident", "step", "stakeholder", "action"]].head(3)
            incident  step               stakeholder        action
        0  M2021-001     1  jongerenwerker_roodborst     ontvangen
        1  M2021-001     2  jongerenwerker_roodborst  doorverwezen
        2  M2021-001     3            coc_rivierstad      opgepakt
        """
        from ._incidents import incident_step_table

        return incident_step_table(self, include_sensitive)

    def snapshot(self, **selection) -> "Snapshot":
        """A :class:`Snapshot` of this alliance: the graph the measures run on.

        Parameters
        ----------
        **selection
            The selection keywords (docs/selection.md).

        Returns
        -------
        Snapshot

        Examples
        --------
        >>> import wijknet
        >>> alliance = wijknet.load_example()
        >>> alliance.snapshot(relations="referral", wave="T1")
        <wijknet.Snapshot: 32 stakeholders, 17 ties, directed, weighted>
        """
        return Snapshot(self, **selection)

    def summary(self, templates: Iterable[str] | None = None, lang: str = "en") -> "Summary":
        """The summary of :func:`summary`: who is in the alliance, roles, ties per relation and wave, warnings.

        Parameters
        ----------
        templates : list of str, optional
            Method templates whose role coverage is summarised; default every template.
        lang : {"en", "nl"}, default "en"

        Returns
        -------
        Summary

        Examples
        --------
        >>> import wijknet
        >>> alliance = wijknet.load_example()
        >>> print(alliance.summary().to_text().splitlines()[2])
        34 stakeholders, 164 ties, 2 waves, 10 events, 136 participations
        """
        from ._summary import summary

        return summary(self, templates, lang)

    @property
    def read_warnings(self) -> list:
        """What the reader that made this alliance warned about, as :class:`Problem` objects.

        Warnings do not stop a read, but the result may not be what was meant: e.g. a stakeholder table from which no
        role at all was read ("no roles were read; is the column named 'role' or 'rol'?"). ``str(w)`` is the English
        line, ``w.text("nl")`` the Dutch one; the summary shows them. Empty for an alliance built in code.
        """
        return list(getattr(self, "_read_warnings", ()))

    def copy(self) -> "Alliance":
        """An independent copy of the alliance, read warnings included, taken in one step.

        Functions that read an alliance in several steps read such a copy, so that an edit from another
        thread between two steps cannot mix two states (docs/model.md, "Threads").

        Returns
        -------
        Alliance

        Examples
        --------
        >>> import wijknet
        >>> alliance = wijknet.load_example()
        >>> other = alliance.copy()
        >>> other.remove_stakeholder("wijkagent_kwikstaart")
        >>> len(alliance), len(other)
        (34, 33)
        """
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
# A compiled method's wrapper carries its numpydoc text (_alliance_methods) after the signature.
for _name, _method in list(vars(_core.Alliance).items()) + list(vars(Alliance).items()):
    if not _name.startswith("_") and callable(_method) and not isinstance(_method, type):
        _wrapper = checked(_method, name=f"Alliance.{_name}", selection=SELECTION if _name == "snapshot" else ())
        if _name in METHODS:
            _wrapper.__doc__ = (_method.__doc__ or "").strip().splitlines()[0] + "\n\n" + METHODS[_name]
            _wrapper.__module__ = __name__
        setattr(Alliance, _name, _wrapper)


class Snapshot(_core.Snapshot):
    """A compact, immutable graph of part of an alliance, for analysis.

    Every measure takes a snapshot, or an alliance plus the selection keywords (it builds the snapshot itself). Build
    one yourself to run several measures on the same part (docs/model.md).

    Parameters
    ----------
    alliance : Alliance
        The alliance to take the part from.
    *positional
        The selection keywords by position, in the order below (as the C++ ``wijknet::selection``).
    **selection
        The selection keywords (docs/selection.md).

    Raises
    ------
    UnknownIdError
        For an unknown relation, wave, role or stakeholder id.

    Notes
    -----
    The snapshot is directed when a selected relation is directed (with no relations named, only relations that
    have ties count), unless ``symmetrize``; an undirected tie in a directed snapshot becomes two arcs. Self-ties are
    dropped unless ``self_ties``. A ``roles``, ``ids`` or ``where`` filter that keeps nobody warns with
    :class:`EmptySelectionWarning`, naming the filter and the values that exist. Built in O(n + m).

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> s = wijknet.Snapshot(alliance, relations="referral", wave="T1")
    >>> s
    <wijknet.Snapshot: 32 stakeholders, 17 ties, directed, weighted>
    >>> s.directed, len(s.ids), s.num_ties
    (True, 32, 17)
    >>> wijknet.betweenness(s).idxmax()
    'coc_rivierstad'
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

    directed = property(_core.Snapshot.directed.fget, doc="Whether the graph is directed (a selected relation is, and "
                                                           "``symmetrize`` was not set).")
    weighted = property(_core.Snapshot.weighted.fget, doc="Whether the ties carry weights other than 1.")
    ids = property(_core.Snapshot.ids.fget, doc="The stakeholder ids, in vertex order: the index of every measure.")
    num_ties = property(_core.Snapshot.num_ties.fget, doc="The number of ties after merging; an undirected tie "
                                                          "counts once.")
    memory_bytes = property(_core.Snapshot.memory_bytes.fget, doc="The memory the graph takes, in bytes.")

    def edges(self) -> tuple[list, list, list]:
        """The ties of the graph, each once.

        Returns
        -------
        tuple of three lists
            Sources and targets (stakeholder ids) and weights, in the graph's edge order; an undirected tie once,
            its ends in vertex order.

        Examples
        --------
        >>> import wijknet
        >>> s = wijknet.Snapshot(wijknet.load_example(), relations="referral", wave="T1")
        >>> sources, targets, weights = s.edges()
        >>> len(sources) == s.num_ties, sources[0], targets[0], weights[0]
        (True, 'welzijn_rivierstad', 'wijkagent_kwikstaart', 4.0)
        """
        return super().edges()

    def to_pandas(self) -> dict[str, pd.DataFrame]:
        """The graph as DataFrames, as :func:`wijknet.to_pandas` gives an alliance.

        Returns
        -------
        dict of str to pandas.DataFrame
            ``stakeholders`` (column ``id``, in vertex order) and ``ties`` (``source``, ``target``, ``weight``: each
            tie once, after merging; an undirected tie with its ends in vertex order).

        Examples
        --------
        >>> import wijknet
        >>> s = wijknet.Snapshot(wijknet.load_example(), relations="referral", wave="T1")
        >>> frames = s.to_pandas()
        >>> len(frames["ties"]) == s.num_ties, list(frames["ties"].columns)
        (True, ['source', 'target', 'weight'])
        """
        sources, targets, weights = super().edges()
        return {"stakeholders": pd.DataFrame({"id": self.ids}),
                "ties": pd.DataFrame({"source": sources, "target": targets, "weight": weights})}

    def _repr_html_(self) -> str:
        return _display.snapshot_html(self)

    def density(self) -> float:
        """The density of the graph, as :func:`wijknet.density` defines it.

        Returns
        -------
        float

        Examples
        --------
        >>> import wijknet
        >>> s = wijknet.Snapshot(wijknet.load_example(), relations="referral", wave="T1")
        >>> round(s.density(), 4) == round(wijknet.density(s), 4)
        True
        """
        return super().density()

    def weak_components(self) -> list[int]:
        """The weak component of each vertex, as :func:`wijknet.components` gives it without ids.

        Returns
        -------
        list of int
            A label per vertex (in the order of ``ids``), numbered from the lowest vertex; ties are followed both
            ways.

        Examples
        --------
        >>> import wijknet
        >>> s = wijknet.Snapshot(wijknet.load_example(), relations="collaboration", wave="T1")
        >>> labels = s.weak_components()
        >>> len(labels) == len(s.ids), len(set(labels))
        (True, 10)
        """
        return super().weak_components()

    def __repr__(self) -> str:
        return _display.snapshot_repr(self)

    def _repr_html_(self) -> str:
        return _display.snapshot_html(self)


Snapshot.__doc__ = expand_doc(Snapshot.__doc__, SELECTION)


def check_path(path: Path, folder: bool = False) -> None:
    """FileNotFoundError naming the path when nothing is there; NotADirectoryError when a folder
    is expected and a file is there."""
    if not path.exists():
        raise FileNotFoundError(errno.ENOENT, f"no such {'folder' if folder else 'file or folder'}", str(path))
    if folder and not path.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "this is a file; expected a folder holding stakeholders.csv", str(path))


@checked
def read_csv_folder(folder: str | Path, separator: str = "", decimal_comma: bool | None = None, encoding: str = "auto",
                    duplicates: str = "merge") -> Alliance:
    """Read an alliance from a folder of CSV files.

    Parameters
    ----------
    folder : str or os.PathLike
        Holds ``stakeholders.csv`` (id, name, kind, role, waves, attributes ...) and optionally ``waves.csv``,
        ``relations.csv``, ``ties.csv`` (source, target, relation, wave, weight, attributes ...), ``events.csv``,
        ``participation.csv`` and the incident log (docs/csv.md).
    separator : {"", ",", ";", "\\t"}, default ""
        The field separator; "" detects it from each header line.
    decimal_comma : bool, optional
        True: read ``3,5`` as 3.5, as Dutch Excel writes numbers; False: numbers have a decimal point. Default: a
        decimal comma in the files separated by ``;`` (Dutch Excel writes both), a decimal point in the others.
    encoding : {"auto", "utf-8", "cp1252", "utf-16"}, default "auto"
        ``auto`` detects UTF-8 with or without byte order mark, Windows-1252 and UTF-16 with byte order mark, per
        file.
    duplicates : {"merge", "error", "sum", "max", "mean"}, default "merge"
        A tie listed more than once (an undirected tie from both sides, or the same tie twice): ``merge`` makes
        identical listings one tie and listings with different weights an error; ``error`` refuses any repeat;
        ``sum``, ``max`` and ``mean`` combine the weights.

    Returns
    -------
    Alliance
        Its ``read_warnings`` hold what the reader warned about.

    Raises
    ------
    ParseError
        Naming file, line and column of the first problem (:func:`validate` lists all of them).
    FileNotFoundError
        When there is no such folder.
    NotADirectoryError
        When the path is a file.

    Notes
    -----
    File names may be Dutch (``relaties.csv``, ``metingen.csv``, ``bijeenkomsten.csv``, ``deelname.csv``,
    ``meldingen.csv``, ``meldingstappen.csv`` ...), in any case; another CSV file in the folder is a warning naming
    what it may be. A column of numbers (or yes/no) that is read as text because of a few cells is a warning too.
    Column names may be Dutch (``naam``, ``soort``, ``rol``, ``van``, ``naar``, ``gewicht`` ...), in any case; a
    name one typo away from a known column is an error, not an attribute. Several roles in one cell are separated by
    ``|``; a column whose name ends in ``:sensitive`` becomes a sensitive attribute.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.read_csv_folder(wijknet.example_path())
    >>> alliance
    <wijknet.Alliance: 34 stakeholders, 164 ties, 2 waves, 4 relations>
    >>> alliance.read_warnings
    []
    """
    from ._validate import Problem

    check_path(Path(folder), folder=True)
    alliance = Alliance()
    warnings = alliance._read_csv_folder(str(folder), separator, decimal_comma, encoding, duplicates)
    alliance._read_warnings = [Problem(**w) for w in warnings]
    return alliance


@checked
def example_path() -> Path:
    """The folder of the bundled, fictional example alliance (Vogelwijk-Oost, Rivierstad).

    Returns
    -------
    pathlib.Path
        A folder of CSV files with a README.md describing the alliance and its deliberate flaws.

    Examples
    --------
    >>> import wijknet
    >>> sorted(p.name for p in wijknet.example_path().glob("*.csv"))[:4]
    ['events.csv', 'incident_steps.csv', 'incidents.csv', 'participation.csv']
    """
    return Path(__file__).resolve().parent / "example_data"


@checked
def load_example() -> Alliance:
    """The bundled, fictional example alliance of Vogelwijk-Oost, Rivierstad.

    Returns
    -------
    Alliance
        34 stakeholders in two waves (T0 autumn 2021, T1 autumn 2022), four relations, ten Alle Kleuren events and an
        incident log; ``example_path()/README.md`` describes it.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> alliance
    <wijknet.Alliance: 34 stakeholders, 164 ties, 2 waves, 4 relations>
    >>> [w["key"] for w in alliance.waves]
    ['T0', 'T1']
    """
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
