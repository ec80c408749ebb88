"""Reading and writing alliances: files by extension, pandas, networkx, igraph, adjacency matrices.

Conventions shared by every converter (see docs/io/):

- stakeholders have the columns/attributes ``id``, ``name``, ``kind``, ``role`` (several roles
  joined with ``|``) and ``waves`` (``|``-joined; empty = every wave); ties ``source``,
  ``target``, ``relation``, ``wave`` and ``weight``; everything else is an attribute;
- a multiplex alliance becomes a directed multigraph: one edge per tie, with ``relation`` and
  ``wave`` edge attributes; a tie of an undirected relation is one edge, and the graph
  attribute ``undirected_relations`` names those relations;
- the graph attribute ``waves`` lists the waves in time order (``|``-joined);
- sensitive attributes are left out unless ``include_sensitive=True``.
"""

from __future__ import annotations

import inspect
import math
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

import numpy as np
import pandas as pd

from . import _core
from ._alliance import Alliance, Snapshot, check_path, read_csv_folder
from ._keywords import FILTERS, check_options, checked, selection_arguments, warn_if_empty

if TYPE_CHECKING:  # pragma: no cover
    import igraph
    import networkx
    import scipy.sparse

_EXTENSIONS = {".json": "json", ".graphml": "graphml", ".dl": "dl", ".dot": "dot", ".gv": "dot"}


#: The options each reader and writer takes (besides the path and format).
_READ_OPTIONS = {"csv": tuple(inspect.signature(read_csv_folder).parameters)[1:], "json": (),
                 "graphml": ("default_relation", "default_wave", "declare_unknown_roles"),
                 "dl": ("default_relation", "default_wave")}
_WRITE_OPTIONS = {"csv": (), "json": (), "graphml": (), "dl": ("layout",), "dot": ("names", "wave", *FILTERS)}


def _format_of(path: Path, format: str | None) -> str:
    if format:
        return format
    if path.is_dir() or path.suffix == "":
        return "csv"
    try:
        return _EXTENSIONS[path.suffix.lower()]
    except KeyError:
        suffix = path.suffix.lower()
        if suffix in _SPREADSHEETS:
            hint = ("; a spreadsheet workbook is not read directly: save each sheet as 'CSV UTF-8' into one folder "
                    "(stakeholders.csv, ties.csv ..., see docs/csv.md) and pass the folder, or read the sheets with "
                    "pandas.read_excel and pass them to wijknet.from_pandas")
        elif suffix in (".csv", ".txt", ".tsv"):
            hint = ("; one CSV file is not an alliance: pass the folder that holds stakeholders.csv, ties.csv ... "
                    "(see docs/csv.md)")
        else:
            hint = ""
        raise _core.InvalidValueError(
            f"{path}: cannot tell the format from the extension '{path.suffix}'; expected .json, .graphml, "
            f".dl, .dot or a folder of CSV files (or pass format=...){hint}") from None


_SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")


@checked
def read(path: str | os.PathLike, format: str | None = None, **options: Any) -> Alliance:
    """Read an alliance from a file or a folder, choosing the reader by the extension.

    Parameters
    ----------
    path : str or os.PathLike
        A ``.json`` file (wijknet's own, lossless format), ``.graphml``, ``.dl`` (UCINET), or a folder of CSV files
        (see :func:`read_csv_folder`).
    format : {"json", "graphml", "dl", "csv"}, optional
        The format, when the extension does not tell it.
    **options
        Passed to the reader. GraphML: ``default_relation``, ``default_wave``, ``declare_unknown_roles``; DL:
        ``default_relation``, ``default_wave``; CSV: ``separator``, ``decimal_comma``, ``encoding``, ``duplicates``
        (see :func:`read_csv_folder`). An option the format does not take is a TypeError.

    Returns
    -------
    Alliance

    Raises
    ------
    ParseError
        Naming file, line and column of the first problem (:func:`validate` lists all of them).
    FileNotFoundError
        Naming the path, when there is no such file or folder.
    InvalidValueError
        For a DOT file (wijknet writes DOT for Graphviz, but does not read it) or an unknown format.

    See Also
    --------
    write, read_csv_folder, from_pandas

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.write(alliance, "vogelwijk.json")
    >>> again = wijknet.read("vogelwijk.json")
    >>> again
    <wijknet.Alliance: 34 stakeholders, 164 ties, 2 waves, 4 relations>
    >>> wijknet.read(wijknet.example_path())
    <wijknet.Alliance: 34 stakeholders, 164 ties, 2 waves, 4 relations>
    """
    path = Path(path)
    kind = _format_of(path, format)
    check_options("read", options, ["path", "format", *_READ_OPTIONS.get(kind, options)], f" for a {kind} file")
    check_path(path)
    if kind == "csv":
        return read_csv_folder(path, **options)
    alliance = Alliance()
    if kind == "json":
        alliance._load_json(str(path), **options)
    elif kind == "graphml":
        alliance._load_graphml(str(path), **options)
    elif kind == "dl":
        alliance._load_dl(str(path), **options)
    elif kind == "dot":
        raise _core.InvalidValueError(f"{path}: DOT files are written for Graphviz only; wijknet does not read them")
    else:
        raise _core.InvalidValueError(f"unknown format '{kind}'; expected json, graphml, dl or csv")
    return alliance


@checked
def write(alliance: Alliance, path: str | os.PathLike, format: str | None = None, *,
          include_sensitive: bool = False, **options: Any) -> None:
    """Write an alliance to a file or a folder, choosing the writer by the extension.

    Parameters
    ----------
    alliance : Alliance
    path : str or os.PathLike
        ``.json``, ``.graphml``, ``.dl`` (UCINET), ``.dot`` or ``.gv`` (Graphviz), or a path without extension: a
        folder of CSV files (created if needed).
    format : {"json", "graphml", "dl", "dot", "csv"}, optional
        The format, when the extension does not tell it.
    include_sensitive : bool, default False
        Also write the attributes marked sensitive (JSON, GraphML, CSV; DL and DOT carry no attributes).
    **options
        DL: ``layout="fullmatrix"`` (default) or ``"edgelist1"``. DOT: ``names=False`` labels the nodes with ids, and
        the selection keywords ``relations``, ``waves`` (``wave``), ``min_weight``, ``roles``, ``ids``, ``where``
        choose what is drawn (with a wave named, only the stakeholders present in it). An option the format does not
        take is a TypeError.

    Notes
    -----
    Every file is written atomically and the CSV folder as one unit: an interrupted or killed save leaves the
    previous file or folder as it was (docs/io/README.md, "Saving"). A character device or a named pipe is written
    through, never replaced by a file; a block device or a socket is a ``WriteError``, as is a link another user
    planted in a shared sticky folder such as ``/tmp``.

    Raises
    ------
    WriteError
        When the file cannot be written (an ``OSError`` and a ``WijknetError``). Every file is written atomically:
        a failed write leaves the previous file as it was.

    See Also
    --------
    read, write_csv_folder, to_pandas

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.write(alliance, "vogelwijk.graphml")
    >>> wijknet.write(alliance, "referrals.dot", relations="referral", wave="T1")
    >>> from pathlib import Path
    >>> Path("referrals.dot").read_text().splitlines()[0]
    'digraph alliance {'
    >>> wijknet.write(alliance, "vogelwijk")  # a folder of CSV files
    >>> sorted(p.name for p in Path("vogelwijk").iterdir())
    ['events.csv', 'participation.csv', 'relations.csv', 'stakeholders.csv', 'ties.csv', 'waves.csv']
    """
    path = Path(path)
    kind = _format_of(path, format)
    check_options("write", options, ["alliance", "path", "format", "include_sensitive",
                                     *_WRITE_OPTIONS.get(kind, options)], f" for a {kind} file")
    if kind == "csv":
        write_csv_folder(alliance, path, include_sensitive=include_sensitive)
    elif kind == "json":
        alliance._dump_json(str(path), include_sensitive)
    elif kind == "graphml":
        alliance._dump_graphml(str(path), include_sensitive)
    elif kind == "dl":
        layout = options.pop("layout", "fullmatrix")
        if layout not in ("fullmatrix", "edgelist1"):
            raise _core.InvalidValueError(f"layout must be 'fullmatrix' or 'edgelist1', got {layout!r}")
        alliance._dump_dl(str(path), layout)
    elif kind == "dot":
        names = options.pop("names", True)
        alliance._dump_dot(str(path), **selection_arguments("write", options, FILTERS), names=names)
    else:
        raise _core.InvalidValueError(f"unknown format '{kind}'; expected json, graphml, dl, dot or csv")


# ---------------------------------------------------------------- pandas

def _join(values: Iterable[str]) -> str:
    return "|".join(values)


def _part(function: str, alliance: Alliance, selection: Mapping[str, Any]):
    """(stakeholder flags, tie flags) of the selection keywords, by index in the alliance's
    order; None without keywords. The rule is the Snapshot's (docs/selection.md), but ties are
    kept as they are: one per (source, target, relation, wave), self-ties included."""
    if not selection:
        return None
    arguments = selection_arguments(function, selection, FILTERS)
    stakeholders, ties = _core._selected(alliance, **arguments)
    warn_if_empty(alliance, sum(stakeholders), arguments)
    return np.asarray(stakeholders, dtype=bool), np.asarray(ties, dtype=bool)


@checked(selection=FILTERS)
def to_pandas(alliance: Alliance, include_sensitive: bool = False, include_incidents: bool = False,
              **selection) -> dict[str, pd.DataFrame]:
    """The alliance, or the part the selection keywords keep, as DataFrames in the layout of the CSV folder.

    Parameters
    ----------
    alliance : Alliance or Snapshot
        A snapshot gives ``stakeholders`` (ids) and ``ties`` (source, target, weight), as :meth:`Snapshot.to_pandas`.
    include_sensitive : bool, default False
    include_incidents : bool, default False
        Also return the incident log (``incidents``, ``incident_steps``); every incident field is sensitive, so the
        log comes out only when asked for by name.
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    dict of str to pandas.DataFrame
        ``stakeholders`` (id, name, kind, role, waves, attributes ...), ``ties`` (source, target, relation, wave,
        weight, attributes ...), ``events`` (id, name, date, theme, organisers, attributes ...) and
        ``participation`` (stakeholder, event, attributes ...); with ``include_incidents``, also ``incidents`` (id,
        reported, category, neighbourhood, description, free fields) and ``incident_steps`` (incident, step,
        stakeholder, action, to, time, note).

    Notes
    -----
    Cells with several values are ``|``-joined; missing values are None. Each frame's ``attrs["sensitive"]`` names
    its sensitive columns (empty unless ``include_sensitive``). With a selection, ``stakeholders`` and
    ``participation`` hold the stakeholders kept (with a wave named, those present in it) and ``ties`` the ties
    between them in the relations and waves chosen; ``events`` are all there. :func:`from_pandas` reads the frames
    back.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> frames = wijknet.to_pandas(alliance, relations="referral", wave="T1")
    >>> sorted(frames)
    ['events', 'participation', 'stakeholders', 'ties']
    >>> frames["ties"][["source", "target", "relation", "wave", "weight"]].head(3)
                         source                    target  relation wave  weight
    0        stichting_een_wijk            coc_rivierstad  referral   T1     3.0
    1  buurtpreventie_vogelwijk            coc_rivierstad  referral   T1     2.0
    2            coc_rivierstad  jongerenwerker_roodborst  referral   T1     3.0
    """
    if isinstance(alliance, _core.Snapshot):  # a graph already: its ties, no records to select from
        if selection or include_incidents:
            raise _core.InvalidValueError("to_pandas(snapshot) gives the snapshot's ties; selection keywords and "
                                          "include_incidents need the Alliance")
        return Snapshot.to_pandas(alliance)
    alliance = Alliance.copy(alliance)  # one state for the several reads below
    part = _part("to_pandas", alliance, selection)
    stakeholders = alliance.stakeholders(include_sensitive).reset_index()
    stakeholders["roles"] = stakeholders["roles"].map(_join)
    stakeholders["waves"] = stakeholders["waves"].map(_join)
    stakeholders = stakeholders.rename(columns={"roles": "role"})
    events = alliance.events(include_sensitive).reset_index()
    events["themes"] = events["themes"].map(_join)
    events["organisers"] = events["organisers"].map(_join)
    events = events.rename(columns={"themes": "theme"})
    ties = alliance.ties(include_sensitive)
    participation = alliance.participation(include_sensitive)
    frames = {"stakeholders": stakeholders, "ties": ties, "events": events, "participation": participation}
    for frame, source in zip(frames.values(), (alliance.stakeholders(include_sensitive), ties, alliance.events(include_sensitive), participation)):
        frame.attrs["sensitive"] = list(source.attrs.get("sensitive", []))
    if part is not None:
        kept = set(stakeholders["id"][part[0]])
        for key, mask in (("stakeholders", part[0]), ("ties", part[1]),
                          ("participation", participation["stakeholder"].isin(kept).to_numpy(dtype=bool))):
            attrs = frames[key].attrs
            frames[key] = frames[key][mask].reset_index(drop=True)
            frames[key].attrs = attrs
    if include_incidents:
        frames["incidents"] = alliance.incidents(include_sensitive=True).reset_index()
        frames["incident_steps"] = alliance.incident_steps(include_sensitive=True)
    return frames


def _python_value(value: Any) -> Any:
    """A cell as None, bool, float/int or str (numpy scalars unwrapped, NaN/NA as None)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _list(value: Any) -> list[str]:
    """A multi-valued cell: a '|'-joined string or a list; missing = empty."""
    value = _python_value(value) if not isinstance(value, (list, tuple, np.ndarray)) else value
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split("|") if part.strip()]
    return [str(v) for v in value]


def _split_attributes(record: Mapping[str, Any], fixed: Iterable[str], sensitive: Iterable[str]):
    """(attributes, sensitive names) of a record: every key not in fixed; 'x:sensitive' marks x."""
    fixed = set(fixed)
    sensitive = set(sensitive)
    attributes: dict[str, Any] = {}
    marked: list[str] = []
    for key, value in record.items():
        key = str(key)
        if key in fixed:
            continue
        if key.endswith(":sensitive"):
            key = key[: -len(":sensitive")]
            marked.append(key)
        elif key in sensitive:
            marked.append(key)
        attributes[key] = _python_value(value)
    return attributes, marked


def _records(frame: pd.DataFrame | None, index_name: str | None = None) -> list[dict[str, Any]]:
    if frame is None:
        return []
    if index_name is not None and index_name not in frame.columns and frame.index.name == index_name:
        frame = frame.reset_index()
    return frame.to_dict("records")


@checked
def from_pandas(stakeholders: pd.DataFrame | None = None, ties: pd.DataFrame | None = None,
                events: pd.DataFrame | None = None, participation: pd.DataFrame | None = None,
                incidents: pd.DataFrame | None = None, incident_steps: pd.DataFrame | None = None, *,
                id: str = "id", source: str = "source", target: str = "target", role: str = "role",
                name: str = "name", kind: str = "kind", waves: str = "waves", relation: str = "relation",
                wave: str = "wave", weight: str = "weight", sensitive: Iterable[str] = (),
                default_relation: str = "collaboration", default_wave: str = "T0",
                create_stakeholders: bool = False, declare_relations: bool = False,
                declare_unknown_roles: bool = False, duplicates: str = "merge") -> Alliance:
    """Build an alliance from DataFrames in the layout of :func:`to_pandas` and of CSV folders.

    Parameters
    ----------
    stakeholders : pandas.DataFrame, optional
        One row per stakeholder: an ``id`` column (or index), optionally ``name``, ``kind``
        (organisation, person, initiative, group; Dutch names too), ``role`` (``|``-joined text or
        a list; keys, labels or aliases) and ``waves`` (``|``-joined; empty = every wave).
    ties : pandas.DataFrame, optional
        One row per listing of a tie: ``source`` and ``target`` (stakeholder ids), optionally
        ``relation`` (key, label or alias; missing = ``default_relation``), ``wave`` (missing =
        ``default_wave``) and ``weight`` (a number; missing = 1).
    events : pandas.DataFrame, optional
        ``id``, ``name``, ``date``, ``theme`` and ``organisers`` (``|``-joined).
    participation : pandas.DataFrame, optional
        ``stakeholder`` and ``event``.
    incidents, incident_steps : pandas.DataFrame, optional
        The incident log (docs/incidents.md): incidents with ``id``, ``reported``, ``category``,
        ``neighbourhood``, ``description`` and free fields; steps with ``incident``,
        ``stakeholder``, ``action``, ``to``, ``time``, ``note``, in time order within an incident
        (a ``step`` column, if present, orders them). Every incident field is sensitive.
    id, source, target, role, name, kind, waves, relation, wave, weight : str
        The names of those columns in the frames (``source="bron_id"``, ``weight="score"`` ...). Without
        them, the Dutch and other names of the CSV folder layout are found too (``van``, ``naar``,
        ``relatie``, ``meting``, ``gewicht``, ``naam``, ``soort``, ``rol`` ...; docs/csv.md), ignoring
        case, accents, spaces, ``_`` and ``-``.
    sensitive : iterable of str, default ()
        Attribute columns that are sensitive; a column named ``x:sensitive`` is the sensitive
        attribute ``x`` without being listed.
    default_relation : str, default "collaboration"
        The relation of a tie whose ``relation`` is missing or that has no such column.
    default_wave : str, default "T0"
        The wave of a tie whose ``wave`` is missing or that has no such column.
    create_stakeholders : bool, default False
        Add the stakeholders that ties name but the stakeholder table lacks (otherwise an
        UnknownIdError naming the row and the closest ids).
    declare_relations : bool, default False
        Declare relations no one has declared (directed) instead of raising.
    declare_unknown_roles : bool, default False
        Add roles the taxonomy lacks instead of raising.
    duplicates : {"merge", "error", "sum", "max", "mean"}, default "merge"
        What a tie listed more than once becomes (an undirected tie listed from both sides, or the
        same tie twice), as for :func:`read_csv_folder`: ``"merge"`` makes identical listings one
        tie and refuses listings whose weights or attributes differ, naming both rows;
        ``"error"`` refuses every repeat; ``"sum"``, ``"max"`` and ``"mean"`` combine the weights.

    Returns
    -------
    Alliance
        A new alliance with the built-in roles and relations; waves are declared in the order
        the frames name them.

    Raises
    ------
    UnknownIdError
        A stakeholder, relation or role that is not known (with the closest known names).
    DuplicateIdError
        A stakeholder listed twice, or a tie listed twice as ``duplicates`` refuses.
    InvalidValueError
        A missing id, a weight that is not a finite number, an unknown kind, a missing ``id``,
        ``source`` or ``target`` column, an attribute value that is not None, a bool, a number or
        a str; two columns naming one field, or a column one typo away from a known name
        (``rolen``, ``weigth``), as in a CSV file.

    Notes
    -----
    The stakeholder and tie tables go to the compiled core as whole columns, one call each: ids,
    relations and waves are looked up in hash tables there, so a million ties take about a
    second (``benchmarks/bench_import.py`` measures it against ``igraph.Graph.DataFrame`` and
    networkx). Every other column is an attribute; missing cells (None, NaN, ``pd.NA``) are
    missing values. What a spreadsheet export leaves behind is skipped: rows whose every cell is
    missing and empty columns pandas named ``Unnamed: n``.

    An error names the table, the row (1-based, counted as in the frame given; with the index
    label when the index is not 0, 1, 2 ...) and the frame's own column name, e.g. ``ties row 3,
    column 'naar': unknown stakeholder 'x'``. Nothing half-built is ever returned or left behind.

    Examples
    --------
    >>> import pandas as pd
    >>> import wijknet
    >>> people = pd.DataFrame({"id": ["agent", "coc", "welzijn"],
    ...                        "rol": ["wijkagent", "lhbti+ organisatie", "welzijn"]})
    >>> links = pd.DataFrame({"van": ["agent", "coc", "welzijn"], "naar": ["coc", "agent", "agent"],
    ...                       "gewicht": [4, 4, 2]})
    >>> a = wijknet.from_pandas(people, links)  # 'rol', 'van', 'naar' and 'gewicht' are known names
    >>> a.ties()[["source", "target", "relation", "weight"]]
        source target       relation  weight
    0    agent    coc  collaboration     4.0
    1  welzijn  agent  collaboration     2.0

    The collaboration between agent and coc was listed from both sides with the same weight: one
    tie. Listed with different weights, it is an error naming both rows:

    >>> wijknet.from_pandas(people, links.assign(gewicht=[4, 3, 2]))
    Traceback (most recent call last):
    ...
    wijknet._core.DuplicateIdError: ties row 2, column 'gewicht': the collaboration tie 'agent' -- 'coc' in wave 'T0' is listed twice, on rows 1 and 2, with weights 4 and 3; say how to combine them with duplicates='sum', 'max' or 'mean', or make the listings agree
    """
    return _build(None, **locals())


def _from_pandas(into: Alliance, *frames: pd.DataFrame | None, **options: Any) -> Alliance:
    """:func:`from_pandas` into the alliance ``into``, which is changed only when every row is
    good (then returned)."""
    bound = inspect.signature(from_pandas).bind(*frames, **options)
    bound.apply_defaults()
    return _build(into, **bound.arguments)


def _build(into: Alliance | None, stakeholders, ties, events, participation, incidents, incident_steps, id, source,
           target, role, name, kind, waves, relation, wave, weight, sensitive, default_relation, default_wave,
           create_stakeholders, declare_relations, declare_unknown_roles, duplicates) -> Alliance:
    """The work of from_pandas, into a new alliance (``into`` None) or an existing one."""
    # Built aside and swapped in at the end: a bad row anywhere leaves `into` as it was.
    a = Alliance() if into is None else into.copy()
    warned: list = []  # the header warnings of the frames (Alliance.read_warnings)
    if stakeholders is not None:
        fields = _known_columns(stakeholders, "stakeholders",
                                {"id": id, "name": name, "kind": kind, "role": role, "waves": waves}, warned)
        # The frame's own names of the columns (a Dutch 'naam' for name ...); the keywords stay
        # as given, the events' columns are found by them too.
        s_id = fields["id"]
        frame = _with_column(stakeholders, s_id, "stakeholders", "id")
        data, positions = _kept_rows(frame, s_id)
        _core._add_stakeholder_columns(a, *(_objects(data, c) for c in fields.values()),
                                       _attribute_columns(data, fields.values(), sensitive), declare_unknown_roles,
                                       positions, _place("stakeholders", frame, fields))
    if ties is not None:
        fields = _known_columns(ties, "ties", {"source": source, "target": target, "relation": relation, "wave": wave,
                                               "weight": weight}, warned)
        t_source, t_target, t_relation, t_wave, t_weight = fields.values()
        frame = _with_column(_with_column(ties, t_source, "ties", "source"), t_target, "ties", "target")
        data, positions = _kept_rows(frame, t_source)
        place = _place("ties", frame, fields)
        _core._add_tie_columns(a, _objects(data, t_source), _objects(data, t_target), _objects(data, t_relation),
                               _objects(data, t_wave), _weights(data, t_weight, positions, place),
                               _attribute_columns(data, fields.values(), sensitive), duplicates, default_relation,
                               default_wave, create_stakeholders, declare_relations, positions, place)
    if events is not None:
        events = _with_known_names(events, "events", {"id": id, "name": name, "date": "date", "theme": "theme",
                                                      "organisers": "organisers"}, warned)
    if participation is not None:
        participation = _with_known_names(participation, "participation", {"stakeholder": "stakeholder",
                                                                            "event": "event"}, warned)
    for number, row in enumerate(_records(events, id)):
        try:
            attributes, marked = _split_attributes(row, (id, name, "date", "theme", "themes", "organisers"), sensitive)
            a.add_event(str(row[id]), _python_value(row.get(name)) or "", _python_value(row.get("date")) or "",
                        themes=_list(row.get("theme", row.get("themes"))), organisers=_list(row.get("organisers")),
                        attributes=attributes, sensitive=marked)
        except _core.WijknetError as err:
            raise type(err)(f"events row {number + 1}: {err}") from None
    for number, row in enumerate(_records(participation)):
        try:
            attributes, marked = _split_attributes(row, ("stakeholder", "event"), sensitive)
            a.add_participation(str(row["stakeholder"]), str(row["event"]), attributes=attributes, sensitive=marked)
        except _core.WijknetError as err:
            raise type(err)(f"participation row {number + 1}: {err}") from None
    if incidents is not None:
        _add_incidents(a, incidents, incident_steps)
    elif incident_steps is not None:
        raise _core.InvalidValueError("incident_steps needs incidents beside it")
    a._read_warnings = a.read_warnings + warned
    if into is None:
        return a
    into._assign(a)
    into._read_warnings = a.read_warnings
    return into


def _known_columns(frame: pd.DataFrame, table: str, named: dict[str, str], warned: list) -> dict[str, Any]:
    """The frame's own labels of its known columns, by field (in the order of ``named``): the column
    a keyword names, else one of the names the CSV folder reader knows for it (docs/csv.md: ``naam``,
    ``rol``, ``van``, ``gewicht`` ..., ignoring case, accents, spaces, ``_`` and ``-``); fields the
    frame lacks keep the keyword's name. As in a CSV file, two columns naming one field and a column
    one typo away from a known name (``rolen``, ``weigth``) are errors: read as attributes, they
    would leave roles or weights silently missing. A field the frame lacks while another column's
    name holds one of its names (``gewicht (1-5)``) is a warning, appended to ``warned``."""
    labels = list(frame.columns)
    if frame.index.name is not None and frame.index.name not in labels:
        labels.append(frame.index.name)  # the id may be the index
    from ._validate import Problem

    positions, problems = _core._match_header(f"{table}.csv", [str(label) for label in labels], named)
    for problem in problems:
        if problem["severity"] == "warning":
            warned.append(Problem(**problem))
            continue
        hint = f"; {problem['suggestion']}" if problem["suggestion"] else ""
        raise _core.InvalidValueError(f"{table}: {problem['message']}{hint}")
    return {field: labels[positions[field]] if positions[field] is not None else wanted
            for field, wanted in named.items()}


def _with_known_names(frame: pd.DataFrame, table: str, named: dict[str, str], warned: list) -> pd.DataFrame:
    """The frame with its known columns (see _known_columns) renamed to the names in ``named``."""
    found = _known_columns(frame, table, named, warned)
    renames = {found[field]: wanted for field, wanted in named.items() if found[field] != wanted}
    if frame.index.name in renames:
        frame = frame.rename_axis(renames[frame.index.name])
    return frame.rename(columns=renames)


def _with_column(frame: pd.DataFrame, column: str, table: str, keyword: str) -> pd.DataFrame:
    """The frame, with its index as a column when the index carries that name; an error naming the
    columns there are when neither has it."""
    if column in frame.columns:
        return frame
    if frame.index.name == column:
        return frame.reset_index()
    raise _core.InvalidValueError(f"{table}: no column {column!r} (columns: {[str(c) for c in frame.columns]}); "
                                  f"pass {keyword}='<column>' to name the column that holds them")


def _kept_rows(frame: pd.DataFrame, key: str) -> tuple[pd.DataFrame, np.ndarray | None]:
    """The frame without what a spreadsheet export leaves behind: rows whose every cell is missing
    (``;;;;``) and empty columns pandas named ``Unnamed: n``; with the positions of the rows kept in
    the frame as given (None when every row is kept), so messages count rows as the caller does.
    Only rows whose ``key`` cell is missing are looked at whole (a million-row check of every cell
    costs more than the import)."""
    empty_columns = [c for c in frame.columns if str(c).startswith("Unnamed: ") and frame[c].isna().all()]
    if empty_columns:
        frame = frame.drop(columns=empty_columns)
    candidates = np.flatnonzero(frame[key].isna().to_numpy())
    if len(candidates) == 0:
        return frame, None
    empty = np.zeros(len(frame), dtype=bool)
    empty[candidates] = frame.iloc[candidates].isna().all(axis=1).to_numpy()
    if not empty.any():
        return frame, None
    kept = np.flatnonzero(~empty)
    return frame.iloc[kept], kept


def _objects(frame: pd.DataFrame, column: str) -> np.ndarray | None:
    """A column as a contiguous object array, missing values as None; None without the column."""
    if column not in frame.columns:
        return None
    values = frame[column]
    if isinstance(values, pd.DataFrame):
        raise _core.InvalidValueError(f"the column name {column!r} occurs more than once")
    return np.ascontiguousarray(values.to_numpy(dtype=object, na_value=None))


def _attribute_columns(frame: pd.DataFrame, fixed: Iterable[str], sensitive: Iterable[str]):
    """(name, values, sensitive) of every column not in fixed; 'x:sensitive' marks x."""
    fixed, sensitive = set(fixed), set(sensitive)
    out = []
    for column in frame.columns:
        key = str(column)
        if key in fixed:
            continue
        marked = key.endswith(":sensitive")
        if marked:
            key = key[: -len(":sensitive")]
        out.append((key, _objects(frame, column), marked or key in sensitive))
    return out


def _place(table: str, frame: pd.DataFrame, fields: Mapping[str, str]):
    """place(position, field) -> "ties row 3 (index 'x'), column 'naar'": the 1-based row, the
    row label when the index is not the default 0, 1, 2 ..., and the frame's own column name."""
    index = frame.index
    default = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
    columns = {str(c)[: -len(":sensitive")] if str(c).endswith(":sensitive") else str(c): str(c) for c in frame.columns}

    def place(position: int, field: str | None) -> str:
        text = f"{table} row {position + 1}"
        if not default:
            text += f" (index {index[position]!r})"
        if field is not None:
            text += f", column {columns.get(fields.get(field, field), fields.get(field, field))!r}"
        return text

    return place


def _weights(frame: pd.DataFrame, column: str, positions: np.ndarray | None, place) -> np.ndarray | None:
    """The weight column as float64 (missing = NaN, read as 1); an error naming the first cell that
    is not a number."""
    if column not in frame.columns:
        return None
    values = frame[column]
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return np.ascontiguousarray(values.to_numpy(dtype=float, na_value=np.nan))
    numbers = pd.to_numeric(values, errors="coerce")
    bad = numbers.isna().to_numpy() & values.notna().to_numpy()
    if pd.api.types.is_bool_dtype(values) or values.map(lambda v: isinstance(v, (bool, np.bool_))).any():
        bad |= values.map(lambda v: isinstance(v, (bool, np.bool_))).to_numpy(dtype=bool)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        value = values.iloc[row]
        position = row if positions is None else int(positions[row])
        hint = ("; a decimal comma? read the file with pandas.read_csv(..., decimal=',') or convert the column "
                "with .str.replace(',', '.')") if isinstance(value, str) and "," in value else ""
        raise _core.InvalidValueError(f"{place(position, 'weight')}: weight must be a number, got {value!r}{hint}")
    return np.ascontiguousarray(numbers.to_numpy(dtype=float, na_value=np.nan))


_INCIDENT_FIELDS = ("id", "reported", "category", "neighbourhood", "description")
_STEP_FIELDS = ("stakeholder", "action", "to", "time", "note")


def _add_incidents(a: Alliance, incidents: pd.DataFrame, incident_steps: pd.DataFrame | None) -> None:
    """Adds the incident log of two DataFrames to a in one call (on error a is unchanged)."""
    if incidents.index.name == "id" and "id" not in incidents.columns:
        incidents = incidents.reset_index()
    if "id" not in incidents.columns:
        raise _core.InvalidValueError(f"incidents: no column 'id' (columns: {list(incidents.columns)})")

    def text(frame: pd.DataFrame, column: str) -> list[str]:
        if column not in frame.columns:
            return [""] * len(frame)
        return ["" if _python_value(v) is None else str(v) for v in frame[column].tolist()]

    extra = {str(c): [_python_value(v) for v in incidents[c].tolist()]
             for c in incidents.columns if c not in _INCIDENT_FIELDS}
    steps = incident_steps if incident_steps is not None else pd.DataFrame(columns=["incident", *_STEP_FIELDS])
    if "step" in steps.columns:
        steps = steps.sort_values(["incident", "step"], kind="stable")
    _core._add_incident_log(a, *(text(incidents, c) for c in _INCIDENT_FIELDS), extra,
                            *(text(steps, c) for c in ("incident", *_STEP_FIELDS)))


# ---------------------------------------------------------------- CSV text

#: How a text cell may start that a spreadsheet evaluates as a formula (OWASP, "CSV injection").
_FORMULA_STARTS = frozenset("=+-@\t\r")
#: What may follow the quote that marks a neutralised cell: those starts and the quote itself.
#: The reader (C++ detail::spreadsheet_escaped) takes one quote off exactly where one of these follows it.
_AFTER_MARK = _FORMULA_STARTS | {"'"}
#: A number as a spreadsheet reads one: it starts with a sign, yet is no formula.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
#: Characters that make a cell need quotes; a bare CR among them, or a reader ends the row there.
_NEEDS_QUOTES = {sep: re.compile(f'[{sep}"\n\r]') for sep in (",", ";")}


def _csv_cell(value: Any, separator: str = ",", decimal_comma: bool = False) -> str:
    """One cell as the CSV text writes it (see :func:`to_csv_text`)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        text = "" if math.isnan(value) else repr(float(value))
        return text.replace(".", ",") if decimal_comma else text
    text = str(value)
    if (text[:1] in _FORMULA_STARTS and not _NUMBER.fullmatch(text)) or (text[:1] == "'" and text[1:2] in _AFTER_MARK):
        text = "'" + text
    if _NEEDS_QUOTES[separator].search(text):
        text = '"' + text.replace('"', '""') + '"'
    return text


def to_csv_text(frame: pd.DataFrame, file: str = "the CSV output", separator: str = ",",
                decimal_comma: bool = False) -> str:
    """A DataFrame as comma-separated text that is safe to open in a spreadsheet and that the CSV reader reads back.

    Every CSV wijknet writes (the folder writer, ``wijknet --format csv``) goes through here.

    Parameters
    ----------
    frame : pandas.DataFrame
        Its columns are the header; lists in cells are written ``"; "``-joined.
    file : str, optional
        The file, for the error message.
    separator : {",", ";"}, default ","
        ``";"`` with ``decimal_comma=True`` is what Excel in a Dutch locale reads and writes.
    decimal_comma : bool, default False
        Write 0,5 for one half.

    Returns
    -------
    str
        UTF-8-ready text, one line per row ending in ``\n``.

    Raises
    ------
    InvalidValueError
        When a cell holds a NUL character (no CSV reader takes one; the folder would no longer read), naming the
        file, the column and the row's first cell.

    Notes
    -----
    A text cell that a spreadsheet would evaluate, one starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return, gets a single quote in front, as OWASP advises against CSV injection (``=HYPERLINK(...)`` becomes
    ``'=HYPERLINK(...)``, which Excel shows as text); numbers stay numbers (``-0.5``). So that the quote can be told
    from text, a cell that starts with a quote followed by one of those characters or a second quote gets one more
    (``'-x`` becomes ``''-x``); the reader takes off exactly that one quote, so a folder reads back as written. Cells
    holding a separator, a quote, a line feed or a carriage return are quoted (RFC 4180). See docs/csv.md, "Cells a
    spreadsheet would run".

    Examples
    --------
    >>> import pandas as pd
    >>> from wijknet._io import to_csv_text
    >>> print(to_csv_text(pd.DataFrame({"name": ["=1+1", "-0.5", "'s-Hertogenbosch", "'-x"], "score": [1.5, -0.5, 2.0, None]})), end="")
    name,score
    '=1+1,1.5
    -0.5,-0.5
    's-Hertogenbosch,2.0
    ''-x,
    """
    def refuse_nul(text: str, where: str) -> None:
        if "\0" in text:
            raise _core.InvalidValueError(f"{file}: {where} holds a NUL character (\\x00), which a CSV file cannot "
                                          "hold; remove it")

    for column in frame.columns:
        refuse_nul(str(column), f"the column name {str(column)!r}")
    columns = []  # column by column: a numeric column needs no look at each cell's type
    for column in frame.columns:
        values = frame[column].tolist()
        numpy = isinstance(frame[column].dtype, np.dtype)  # not pandas' nullable types: their NA is no number
        if numpy and frame[column].dtype.kind == "f":
            columns.append([_csv_cell(v, separator, decimal_comma) for v in values])
            continue
        if numpy and frame[column].dtype.kind in "iub":
            columns.append([str(v) for v in values])
            continue
        cells = []
        for position, value in enumerate(values):
            if isinstance(value, (list, tuple)):
                value = "; ".join(map(str, value))
            if isinstance(value, str) and "\0" in value:
                refuse_nul(value, f"column '{column}' of the row of {frame.iloc[position, 0]!r}")
            cells.append(_csv_cell(value, separator, decimal_comma))
        columns.append(cells)
    lines = [separator.join(_csv_cell(str(c), separator) for c in frame.columns)]
    lines += [separator.join(row) for row in zip(*columns)]
    return "\n".join(lines) + "\n"


#: The files of the CSV folder layout: a save replaces all of them at once, and removes those
#: it does not write this time (so no stale incidents.csv outlives a save without them).
CSV_FOLDER_FILES = tuple(name for name, _ in _core._csv_folder_file_names())


def _owned_files(folder: str | os.PathLike) -> list[str]:
    """The files a save of ``folder`` replaces: the layout's, and those of the folder the reader takes for one of
    them (``relaties.csv``, ``Stakeholders.CSV`` ...), so that no file is read twice after the save."""
    def fold(name: str) -> str:
        return "".join(c for c in name.lower() if c not in "_- ")

    names = {fold(n) for name, aliases in _core._csv_folder_file_names() for n in (name, *aliases)}
    found = [p.name for p in Path(folder).iterdir() if fold(p.name) in names] if Path(folder).is_dir() else []
    return list(dict.fromkeys([*CSV_FOLDER_FILES, *found]))


@checked
def write_csv_folder(alliance: Alliance, folder: str | os.PathLike, include_sensitive: bool = False) -> None:
    """Write an alliance as a folder of CSV files that :func:`read_csv_folder` reads back.

    Parameters
    ----------
    alliance : Alliance
    folder : str or os.PathLike
        The folder; created if needed.
    include_sensitive : bool, default False
        Also write the sensitive columns (named ``name:sensitive``) and the incident log (``incidents.csv``,
        ``incident_steps.csv``: every incident field is sensitive).

    Raises
    ------
    WriteError
        When a file cannot be written (an ``OSError``), naming the folder.

    Notes
    -----
    Writes ``waves.csv``, ``relations.csv``, ``stakeholders.csv``, ``ties.csv``, ``events.csv`` and
    ``participation.csv``, UTF-8 and comma-separated. The role and theme taxonomies and the method templates are not
    part of the CSV layout; JSON keeps them (:func:`write`).

    The folder is saved as one unit: a complete new folder is built next to it and swapped in, so an interrupted
    save (even a killed process) leaves the previous folder as it was. Files in the folder that are not part of
    the layout (notes, a README ...) are kept; layout files not written this time (``incidents.csv`` without
    ``include_sensitive``) are removed. See docs/io/README.md, "Saving".

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> wijknet.write_csv_folder(alliance, "vogelwijk")
    >>> wijknet.read_csv_folder("vogelwijk")
    <wijknet.Alliance: 34 stakeholders, 164 ties, 2 waves, 4 relations>
    """
    frames = to_pandas(alliance, include_sensitive, include_incidents=include_sensitive and alliance.num_incidents > 0)
    tables = {
        "waves.csv": pd.DataFrame(alliance.waves, columns=["key", "label", "date"]),
        **({"about.csv": pd.DataFrame(list(alliance.about.items()), columns=["key", "value"])} if alliance.about else {}),
        "relations.csv": pd.DataFrame(alliance.relations, columns=["key", "label", "directed"]),
    }
    for name, frame in frames.items():
        if name.startswith("incident"):
            if name == "incident_steps":
                frame = frame.drop(columns=["step"])
            tables[f"{name}.csv"] = frame  # the whole file is sensitive: no ':sensitive' marks
            continue
        marked = frame.attrs.get("sensitive", [])
        frame = frame.rename(columns={c: f"{c}:sensitive" for c in marked})
        tables[f"{name}.csv"] = frame
    files = [(file, to_csv_text(frame, file)) for file, frame in tables.items()]
    _core._write_folder_atomically(os.fspath(folder), files, _owned_files(folder))


# ---------------------------------------------------------------- graphs (networkx, igraph)

def _graph_records(alliance: Alliance, include_sensitive: bool, selection: Mapping[str, Any]):
    """Nodes (id, attributes) and edges (source, target, attributes) in the shared convention."""
    frames = to_pandas(alliance, include_sensitive, **selection)
    nodes = []
    for row in frames["stakeholders"].to_dict("records"):
        node_id = row.pop("id")
        if not row["waves"]:
            row.pop("waves")
        nodes.append((node_id, {k: _python_value(v) for k, v in row.items() if _python_value(v) is not None}))
    edges = []
    for row in frames["ties"].to_dict("records"):
        s, t = row.pop("source"), row.pop("target")
        edges.append((s, t, {k: _python_value(v) for k, v in row.items() if _python_value(v) is not None}))
    graph = {
        "waves": _join(w["key"] for w in alliance.waves),
        "undirected_relations": _join(r["key"] for r in alliance.relations if not r["directed"]),
    }
    return nodes, edges, graph


def _from_graph_records(nodes, edges, graph: Mapping[str, Any], directed: bool, default_relation: str,
                        default_wave: str, declare_unknown_roles: bool) -> Alliance:
    a = Alliance()
    for w in _list(graph.get("waves")):
        a.add_wave(w)
    undirected = set(_list(graph.get("undirected_relations")))
    nodes = list(nodes)
    node_frame = pd.DataFrame([{"id": str(i), **attrs} for i, attrs in nodes]) if nodes else None
    if node_frame is not None and "label" in node_frame.columns and "name" not in node_frame.columns:
        node_frame = node_frame.rename(columns={"label": "name"})
    known = {r["key"] for r in a.relations}
    rows = []
    for s, t, attrs in edges:
        rel = _python_value(attrs.get("relation")) or default_relation
        if rel not in known:
            a.add_relation(rel, rel, directed and rel not in undirected)
            known.add(rel)
        rows.append({**attrs, "source": str(s), "target": str(t), "relation": rel})
    tie_frame = pd.DataFrame(rows) if rows else None
    return _from_pandas(a, node_frame, tie_frame, default_wave=default_wave,
                        declare_unknown_roles=declare_unknown_roles)


@checked(selection=FILTERS)
def to_networkx(alliance: Alliance, include_sensitive: bool = False, events: bool | None = None,
                **selection) -> "networkx.MultiDiGraph":
    """The alliance, or the part the selection keywords keep, as a ``networkx.MultiDiGraph``.

    Parameters
    ----------
    alliance : Alliance
    include_sensitive : bool, default False
    events : bool, optional
        Add the events as a second node set (see Notes). Default: when the alliance has events and no selection
        keyword is given (events belong to dates, not to waves or relations).
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    networkx.MultiDiGraph
        One node per stakeholder (key: its id), one edge per tie.

    Notes
    -----
    Node attributes ``name``, ``kind``, ``role`` (``|``-joined), ``waves`` (only when limited), then the
    stakeholder's attributes; edge attributes ``relation``, ``wave``, ``weight``, then the tie's. Missing values are
    left out (``networkx.write_graphml`` cannot hold None). A tie of an undirected relation is one edge; the graph
    attributes ``undirected_relations`` and ``waves`` name those relations and the order of the waves.
    :func:`from_networkx` reads the graph back.

    With events the graph is two-mode as ``networkx.bipartite`` expects it: stakeholders carry ``bipartite=0``,
    events are nodes with ``bipartite=1`` (key: the event id, or ``event:<id>`` with the attribute ``event_id``
    when a stakeholder has that id) with ``name``, ``date``, ``theme``, ``organisers`` and their attributes, and each
    participation is an edge stakeholder -> event. wijknet's GraphML holds no events: pass ``events=False`` before
    ``networkx.write_graphml`` when the file is to be read back with :func:`read`.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> g = wijknet.to_networkx(alliance, relations="referral", wave="T1")
    >>> g.number_of_nodes(), g.number_of_edges()
    (32, 17)
    >>> g.nodes["wijkagent_kwikstaart"]["role"]
    'wijkagent'
    """
    import networkx as nx

    nodes, edges, graph = _graph_records(alliance, include_sensitive, selection)
    g = nx.MultiDiGraph(**graph)
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    if events if events is not None else not selection:
        _add_events(g, alliance, include_sensitive)
    return g


def _add_events(g: "networkx.MultiDiGraph", alliance: Alliance, include_sensitive: bool) -> None:
    """Events as nodes with ``bipartite=1`` (stakeholders get ``bipartite=0``), participation as
    edges stakeholder -> event; nothing changes for an alliance without events."""
    frames = to_pandas(alliance, include_sensitive)
    if frames["events"].empty:
        return
    for v in list(g.nodes):
        g.nodes[v]["bipartite"] = 0
    key = {}
    for row in frames["events"].to_dict("records"):
        event_id = row.pop("id")
        key[event_id] = event_id if event_id not in g else f"event:{event_id}"
        attrs = {k: _python_value(v) for k, v in row.items() if _python_value(v) not in (None, "")}
        if key[event_id] != event_id:
            attrs["event_id"] = event_id
        g.add_node(key[event_id], bipartite=1, **attrs)
    for row in frames["participation"].to_dict("records"):
        s, e = row.pop("stakeholder"), row.pop("event")
        if s not in g:  # left out by the selection
            continue
        g.add_edge(s, key[e], **{k: _python_value(v) for k, v in row.items() if _python_value(v) is not None})


@checked
def from_networkx(graph: "networkx.Graph", default_relation: str = "tie", default_wave: str = "T0",
                  declare_unknown_roles: bool = False) -> Alliance:
    """Build an alliance from a networkx graph (Graph, DiGraph, MultiGraph or MultiDiGraph).

    Parameters
    ----------
    graph : networkx.Graph
        Node keys become stakeholder ids (as text).
    default_relation : str, default "tie"
    default_wave : str, default "T0"
    declare_unknown_roles : bool, default False

    Returns
    -------
    Alliance

    Notes
    -----
    Node attributes ``name``, ``kind``, ``role`` (``|``-joined text or a list) and ``waves`` fill those fields;
    the others become attributes. Edge attributes ``relation``, ``wave`` and ``weight`` (default 1) make the tie.
    Unknown relations are declared: undirected for an undirected graph or when the graph attribute
    ``undirected_relations`` names them. The graph attribute ``waves`` fixes the order of the waves.

    Nodes with ``bipartite=1`` (networkx's mark of the second node set, as in
    ``networkx.davis_southern_women_graph()``) are events: ``name``, ``date``, ``theme``, ``organisers`` and other
    attributes fill them (``event_id`` overrides the key), and an edge between a stakeholder and an event is a
    participation. The ``bipartite`` attribute itself is not kept.

    Examples
    --------
    >>> import networkx as nx
    >>> import wijknet
    >>> a = wijknet.from_networkx(nx.karate_club_graph())
    >>> a
    <wijknet.Alliance: 34 stakeholders, 78 ties, 1 waves, 5 relations>
    >>> a.relation("tie")["directed"]
    False
    """
    events = {v for v, d in graph.nodes(data=True) if d.get("bipartite") == 1}
    if not events:
        return _from_graph_records(graph.nodes(data=True), graph.edges(data=True), graph.graph, graph.is_directed(),
                                   default_relation, default_wave, declare_unknown_roles)
    nodes = [(v, {k: x for k, x in d.items() if k != "bipartite"}) for v, d in graph.nodes(data=True) if v not in events]
    edges = [(u, v, d) for u, v, d in graph.edges(data=True) if u not in events and v not in events]
    a = _from_graph_records(nodes, edges, graph.graph, graph.is_directed(), default_relation, default_wave,
                            declare_unknown_roles)
    event_id = {v: str(graph.nodes[v].get("event_id", v)) for v in events}
    event_rows = [{**{k: x for k, x in graph.nodes[v].items() if k not in ("bipartite", "event_id")}, "id": event_id[v]}
                  for v in graph.nodes if v in events]
    participation = []
    for u, v, d in graph.edges(data=True):
        if (u in events) == (v in events):
            continue
        person, event = (v, u) if u in events else (u, v)
        participation.append({**d, "stakeholder": str(person), "event": event_id[event]})
    return _from_pandas(a, events=pd.DataFrame(event_rows),
                        participation=pd.DataFrame(participation) if participation else None)


@checked(selection=FILTERS)
def to_igraph(alliance: Alliance, include_sensitive: bool = False, **selection) -> "igraph.Graph":
    """The alliance, or the part the selection keywords keep, as a directed ``igraph.Graph`` with multi-edges.

    Parameters
    ----------
    alliance : Alliance
    include_sensitive : bool, default False
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    igraph.Graph
        One vertex per stakeholder, one edge per tie (a tie of an undirected relation is one edge).

    Notes
    -----
    The vertex attribute ``name`` holds the stakeholder id (igraph's convention, so ``g.vs.find(name=...)`` works)
    and ``label`` its display name; then ``kind``, ``role``, ``waves`` and the attributes (None where missing). Edge
    attributes ``relation``, ``wave``, ``weight`` and the tie's attributes; graph attributes ``waves`` and
    ``undirected_relations``. :func:`from_igraph` reads it back.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> g = wijknet.to_igraph(alliance, relations="referral", wave="T1")
    >>> g.vcount(), g.ecount()
    (32, 17)
    >>> g.vs.find(name="wijkagent_kwikstaart")["label"]
    'Kees Kwikstaart'
    """
    import igraph as ig

    nodes, edges, graph = _graph_records(alliance, include_sensitive, selection)
    index = {node_id: i for i, (node_id, _) in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[s], index[t]) for s, t, _ in edges], directed=True)
    for key, value in graph.items():
        g[key] = value
    g.vs["name"] = [node_id for node_id, _ in nodes]
    for key in sorted({k for _, attrs in nodes for k in attrs}):
        g.vs["label" if key == "name" else key] = [attrs.get(key) for _, attrs in nodes]
    for key in sorted({k for _, _, attrs in edges for k in attrs}):
        g.es[key] = [attrs.get(key) for _, _, attrs in edges]
    return g


@checked
def from_igraph(graph: "igraph.Graph", default_relation: str = "tie", default_wave: str = "T0",
                declare_unknown_roles: bool = False) -> Alliance:
    """Build an alliance from an ``igraph.Graph``.

    Parameters
    ----------
    graph : igraph.Graph
    default_relation : str, default "tie"
    default_wave : str, default "T0"
    declare_unknown_roles : bool, default False

    Returns
    -------
    Alliance

    Notes
    -----
    Stakeholder ids come from the vertex attribute ``id`` if there is one (igraph's GraphML reader puts the file's
    node ids there; then ``name`` is the display name), else from ``name`` (then ``label`` is the display name), else
    the vertex index. Other attributes and edges are read as by :func:`from_networkx`.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> back = wijknet.from_igraph(wijknet.to_igraph(alliance))
    >>> len(back), back.num_ties
    (34, 164)
    """
    attributes = graph.vs.attributes()
    nodes = []
    for v in graph.vs:
        attrs = {k: v[k] for k in attributes}
        if "id" in attrs and attrs["id"] is not None:
            node_id = attrs.pop("id")
        elif "name" in attrs and attrs["name"] is not None:
            node_id = attrs.pop("name")
            if "label" in attrs:
                attrs["name"] = attrs.pop("label")
        else:
            node_id = str(v.index)
        nodes.append((str(node_id), attrs))
    ids = [node_id for node_id, _ in nodes]
    edge_attributes = graph.es.attributes()
    edges = [(ids[e.source], ids[e.target], {k: e[k] for k in edge_attributes}) for e in graph.es]
    graph_attributes = {k: graph[k] for k in graph.attributes()}
    return _from_graph_records(nodes, edges, graph_attributes, graph.is_directed(), default_relation, default_wave,
                               declare_unknown_roles)


@checked(selection=FILTERS)
def adjacency_matrix(alliance: Alliance, relations: Iterable[str] | str | None = None,
                     waves: Iterable[str] | str | None = None, weighted: bool = False, sparse: bool = False,
                     **selection):
    """The adjacency matrix of the stakeholders and ties the selection keywords keep.

    Parameters
    ----------
    alliance : Alliance
    relations : str or list of str, optional
    waves : str or list of str, optional
    weighted : bool, default False
        Sum the weights of the ties; by default 1 per tie, as :func:`relation_matrix` (one rule for every matrix:
        0/1 unless ``weighted=True``).
    sparse : bool, default False
        Return a ``scipy.sparse.csr_array`` (needs scipy) instead of a dense array.
    **selection
        The selection keywords (docs/selection.md).

    Returns
    -------
    numpy.ndarray or scipy.sparse.csr_array
        n x n: cell (i, j) sums the ties i -> j.

    Notes
    -----
    A tie of an undirected relation fills both (i, j) and (j, i); self-ties sit on the diagonal. Rows and columns are
    the stakeholders kept, in alliance order: every stakeholder without a selection, those present in the wave(s)
    when waves are named — the order of ``wijknet.Snapshot(alliance, ...).ids``.

    Examples
    --------
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> m = wijknet.adjacency_matrix(alliance, relations="collaboration", wave="T1")
    >>> m.shape, bool((m == m.T).all()), float(m.sum())
    ((32, 32), True, 62.0)
    >>> float(wijknet.adjacency_matrix(alliance, relations="collaboration", wave="T1", weighted=True).sum())
    210.0
    """
    frames = to_pandas(alliance, **{k: v for k, v in (("relations", relations), ("waves", waves)) if v is not None},
                       **selection)
    ties = frames["ties"]
    ids = list(frames["stakeholders"]["id"])
    index = {s: i for i, s in enumerate(ids)}
    undirected = {r["key"] for r in alliance.relations if not r["directed"]}
    rows = ties["source"].map(index).to_numpy(dtype=np.int64)
    cols = ties["target"].map(index).to_numpy(dtype=np.int64)
    values = ties["weight"].to_numpy(dtype=float) if weighted else np.ones(len(ties))
    mirror = ties["relation"].isin(undirected).to_numpy() & (rows != cols)
    rows, cols = np.concatenate([rows, cols[mirror]]), np.concatenate([cols, rows[mirror]])
    values = np.concatenate([values, values[mirror]])
    n = len(ids)
    if sparse:
        import scipy.sparse

        return scipy.sparse.csr_array((values, (rows, cols)), shape=(n, n))
    matrix = np.zeros((n, n))
    np.add.at(matrix, (rows, cols), values)
    return matrix
