"""One pass, every problem: :func:`validate` lists all problems of all files of a folder at once."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import _core
from ._keywords import checked

_LANGS = ("en", "nl")


@dataclass(frozen=True)
class Problem:
    """One problem in an input file: where it is, how bad, what is wrong and what to do.

    Attributes
    ----------
    file : str
        The file, as the reader was given it.
    line, column : int
        1-based; 0 when the problem is about the whole file or the whole line.
    severity : {"error", "warning", "note"}
        ``"error"``: the reader stops there. ``"warning"``: it does not, but the result may not
        be what was meant. ``"note"``: a line of the list that is no problem of its own (after
        three problems alike, "and 28 more rows like the one above"); a note is no problem of its
        own, the ``more`` problems it stands for are.
    message, suggestion : str
        What is wrong and what to do, in English; hints name the Python keyword
        (``duplicates='sum'``). Values of sensitive attributes are never quoted.
    message_nl, suggestion_nl : str
        The same in Dutch.
    more : int
        For a note: how many problems alike it stands for, each as severe as the problem listed
        before it; 0 otherwise.
    stakeholders : tuple of str
        The ids of the stakeholders the messages quote (as ``'id'``); a report shows them by display
        name (persons by pseudonym) instead, as an id often holds a person's name. The messages stay
        true with a display name in the place of an id.

    Examples
    --------
    >>> from wijknet._validate import Problem
    >>> p = Problem("ties.csv", 3, 2, "error", "unknown stakeholder 'cco'", "did you mean 'coc'?",
    ...             "onbekende stakeholder 'cco'", "bedoelt u 'coc'?")
    >>> print(p)
    ties.csv:3:2: unknown stakeholder 'cco'; did you mean 'coc'?
    """

    file: str
    line: int
    column: int
    severity: str
    message: str
    suggestion: str = ""
    message_nl: str = ""
    suggestion_nl: str = ""
    more: int = 0
    stakeholders: tuple = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "stakeholders", tuple(self.stakeholders))  # hashable, as a frozen dataclass is

    def text(self, lang: str = "en") -> str:
        """The problem as one line: ``file:line:column: message; suggestion``.

        Parameters
        ----------
        lang : {"en", "nl"}, default "en"
            English or Dutch.

        Returns
        -------
        str
            Line and column are left out when 0, the suggestion when empty.

        Raises
        ------
        InvalidValueError
            For a language other than ``"en"`` or ``"nl"``.

        Examples
        --------
        >>> from wijknet._validate import Problem
        >>> p = Problem("ties.csv", 3, 0, "error", "unknown relation 'vriendschap'", "",
        ...             "onbekende relatie 'vriendschap'")
        >>> p.text("nl")
        "ties.csv:3: onbekende relatie 'vriendschap'"
        """
        _check_lang(lang)
        where = self.file or "<input>"
        if self.line:
            where += f":{self.line}"
        if self.column:
            where += f":{self.column}"
        message = self.message_nl if lang == "nl" and self.message_nl else self.message
        suggestion = self.suggestion_nl if lang == "nl" and self.suggestion_nl else self.suggestion
        return f"{where}: {message}" + (f"; {suggestion}" if suggestion else "")

    def __str__(self) -> str:
        return self.text("en")


def _check_lang(lang: str) -> None:
    if lang not in _LANGS:
        raise _core.InvalidValueError(f"lang must be 'en' or 'nl', got {lang!r}")


def problems(path: str | os.PathLike, *, encoding: str = "auto", separator: str = "", decimal_comma: bool | None = None,
             duplicates: str = "merge", mapping=None, stakeholders=None) -> list[Problem]:
    """The problems of a folder of CSV files (or of one JSON, GraphML or DL file, or of a survey export with its
    ``mapping``) as :class:`Problem` objects."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(2, "No such file or folder", str(path))
    if mapping is not None:
        from ._survey import survey_problems  # the survey reader sits above this module

        return survey_problems(path, mapping, stakeholders)
    if path.is_dir():
        return [Problem(**p) for p in _core._check_csv_folder(str(path), separator, decimal_comma, encoding, duplicates)]
    from ._io import read  # one file of another format: its reader stops at the first problem

    try:
        read(path)
    except _core.ParseError as err:
        text = str(err)
        where = re.match(r"^(.*?):(\d+)(?::(\d+))?: (.*)$", text)
        if where:
            return [Problem(where.group(1), int(where.group(2)), int(where.group(3) or 0), "error", where.group(4))]
        return [Problem(str(path), 0, 0, "error", text)]
    return []


@checked
def validate(path: str | os.PathLike, lang: str = "en", *, encoding: str = "auto", separator: str = "",
             decimal_comma: bool | None = None, duplicates: str = "merge", mapping=None,
             stakeholders=None) -> pd.DataFrame:
    """Check a folder of CSV files and list every problem of every file at once.

    Where :func:`wijknet.read_csv_folder` stops at the first error, this goes on: a row with an
    error is skipped and the next one checked, a file that cannot be read at all is one problem,
    and a row that only fails because of an earlier one (a tie to a stakeholder whose own row was
    wrong) is not reported again. It finds what the reader refuses (text in no known encoding,
    rows of the wrong length, unknown or misspelled column names, unknown roles, stakeholders,
    relations, waves, themes and events, numbers that are not numbers, ties listed twice with
    different weights, dates that are not dates ...) and what it warns about (a stakeholder table
    from which no role was read; a column whose name holds a known column's name, such as
    ``gewicht (1-5)``, while that column is absent; ties without a wave column while
    ``waves.csv`` declares several waves).

    Parameters
    ----------
    path : str or os.PathLike
        A folder of CSV files (see :func:`wijknet.read_csv_folder`), or one JSON, GraphML or DL
        file (whose reader reports its first problem only).
    lang : {"en", "nl"}
        Language of ``message`` and ``suggestion``.
    encoding, separator, decimal_comma, duplicates
        As for :func:`wijknet.read_csv_folder`.
    mapping : str, os.PathLike or dict, optional
        With a mapping, ``path`` is a survey export and its problems with the mapping are listed (see
        :func:`wijknet.read_survey`): a column the mapping does not account for, a partner that is not a
        stakeholder, an answer not on its scale, a respondent not on the roster or answering twice, a mapping field
        that is unknown or of the wrong kind, a rule against its relation's direction; and the warnings (a scale
        that does not say which answers mean no tie).
    stakeholders : Alliance, str or os.PathLike, optional
        With ``mapping``: the stakeholders (default the mapping's ``stakeholders``).

    Returns
    -------
    pandas.DataFrame
        One row per problem, in file order (waves, relations, stakeholders, ties, events,
        participation) and line order within a file: ``file``, ``line``, ``column`` (1-based; 0
        when not known), ``severity`` (``"error"`` or ``"warning"``), ``message``, ``suggestion``.
        Empty when the folder reads cleanly. ``problems.attrs["errors"]`` counts the errors.

    Raises
    ------
    FileNotFoundError
        When ``path`` does not exist.
    InvalidValueError
        For a ``lang`` other than ``"en"`` or ``"nl"``, or an unknown ``duplicates`` rule.

    Notes
    -----
    The folder is read by the same code as :func:`wijknet.read_csv_folder`, in a mode that
    records a problem and goes on instead of stopping, so the two accept and refuse the same
    files. ``incidents.csv`` and ``incident_steps.csv`` are checked too (an incident listed twice,
    a step of an unknown incident, an unknown stakeholder or action, steps out of time order ...);
    a step naming a stakeholder whose own row was refused is not reported again. Of problems alike
    (same file, column and message but for the quoted values) three are listed, then a
    ``"note"`` says how many more rows were like them; ``attrs["errors"]`` counts every error,
    listed or stood for by a note (see :func:`count`). The command ``wijknet check DATA`` prints the same list, with hints as
    command-line flags, and exits with status 1 when there is an error.

    Examples
    --------
    >>> import wijknet
    >>> wijknet.validate(wijknet.example_path()).empty
    True
    >>> from pathlib import Path
    >>> folder = Path("survey")
    >>> folder.mkdir()
    >>> _ = (folder / "stakeholders.csv").write_text("id,rol\\nagent,wijkagent\\ncoc,lhbti_organisatie\\n")
    >>> _ = (folder / "ties.csv").write_text("van,naar,gewicht\\nagent,coc,4\\ncoc,agnet,4\\n")
    >>> found = wijknet.validate(folder)
    >>> print(found[["line", "column", "message", "suggestion"]].to_string(index=False))
     line  column                     message            suggestion
        3       2 unknown stakeholder 'agnet' did you mean 'agent'?
    >>> found.attrs["errors"]
    1
    """
    _check_lang(lang)
    found = problems(path, encoding=encoding, separator=separator, decimal_comma=decimal_comma, duplicates=duplicates,
                     mapping=mapping, stakeholders=stakeholders)
    nl = lang == "nl"
    frame = pd.DataFrame(
        [(p.file, p.line, p.column, p.severity, (p.message_nl or p.message) if nl else p.message,
          (p.suggestion_nl or p.suggestion) if nl else p.suggestion) for p in found],
        columns=["file", "line", "column", "severity", "message", "suggestion"])
    frame = frame.astype({"line": "int64", "column": "int64"})
    frame.attrs["errors"] = count(found, "error")
    return frame


def count(found: list, severity: str) -> int:
    """How many problems of ``severity`` ``found`` holds: those listed, plus those a note stands
    for after a listed one ("and 56 more rows like the one above")."""
    total, last = 0, None
    for p in found:
        if p.severity == "note":
            total += p.more if last == severity else 0
        else:
            total += p.severity == severity
            last = p.severity
    return total


# Python keywords in hints, and the command-line flags that say the same.
_FLAGS = [
    (re.compile(r"duplicates='(\w+)'"), r"--duplicates \1"),
    (re.compile(r"encoding='([\w-]+)'"), r"--encoding \1"),
    (re.compile(r"decimal_comma=False"), "--decimal-point"),
    (re.compile(r"decimal_comma=True|decimal_comma"), "--decimal-comma"),
]


def as_command_line(text: str) -> str:
    """A message with its Python keyword hints (``duplicates='sum'``) as command-line flags (``--duplicates sum``)."""
    for pattern, flag in _FLAGS:
        text = pattern.sub(flag, text)
    return text


def problem_line(p, lang: str, level: str = "") -> str:
    """``file:line:column: level: message; suggestion`` of problem ``p`` in ``lang``, its hints as
    command-line flags; without ``level`` when it is empty. The one wording of a problem on the
    command line (``wijknet check`` and the first error of a command that cannot read its folder)."""
    where, _, rest = p.text(lang).partition(": ")
    return f"{where}: {level + ': ' if level else ''}{as_command_line(rest)}"


def _response(args) -> list[str]:
    """The response lines of a survey's data ("response T0: 9 of 12 (75%), 7 partly"); none for other data."""
    import warnings

    from ._alliance import example_path
    from ._io import read
    from ._missing import response_lines  # both sit above this module

    path = Path(args.data or example_path())
    options = (dict(encoding=args.encoding, separator=args.separator, decimal_comma=args.decimal_comma,
                    duplicates=args.duplicates) if path.is_dir() else {})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the problems above have said it
        alliance = read(path, **options)
    return response_lines(alliance, args.lang)


def main_check(args) -> int:
    """The ``wijknet check DATA`` command: print every problem, exit status 1 when one is an error.

    ``args`` has ``data`` (the folder; None: the bundled example), ``lang``, ``encoding``,
    ``separator``, ``decimal_comma``, ``duplicates`` and optionally ``mapping`` and ``stakeholders`` (then ``data`` is
    a survey export) (argparse names). Prints one line per problem (``file:line:column: error:
    message; suggestion``, hints as command-line flags), for data without errors the response of each survey wave
    (docs/missing.md), then a count.
    """
    import sys

    from ._alliance import example_path

    found = problems(args.data or example_path(), encoding=args.encoding, separator=args.separator,
                     decimal_comma=args.decimal_comma, duplicates=args.duplicates,
                     mapping=getattr(args, "mapping", None), stakeholders=getattr(args, "stakeholders", None))
    nl = args.lang == "nl"
    for p in found:
        level = {"error": "fout", "warning": "waarschuwing", "note": "opmerking"}[p.severity] if nl else p.severity
        print(problem_line(p, args.lang, level))
    errors, warnings = count(found, "error"), count(found, "warning")
    if not errors and getattr(args, "mapping", None) is None:
        for line in _response(args):
            print(line)
    if nl:
        counts = (f"{'één' if errors == 1 else errors} {'fout' if errors == 1 else 'fouten'}, "
                  f"{'één' if warnings == 1 else warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}")
    else:
        counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    print(counts, file=sys.stderr if found else sys.stdout)
    return 1 if errors else 0
