"""One vocabulary for every public function: keyword checks and the selection keywords.

Every public function and method is wrapped by :func:`checked`, which

- raises ``TypeError`` for an unknown keyword, naming it and the closest valid one
  ("did you mean 'waves'?") instead of Python's bare message or a pybind11 signature dump;
- accepts ``wave=`` as the short form of ``waves=`` with one wave (both at once is a TypeError);
- for the compiled methods (``Alliance.add_stakeholder`` ...), reads a single string where a
  list of strings is expected as a list of one (``roles="wijkagent"``).

:func:`selection_arguments` turns the selection keywords of docs/selection.md into the arguments
of the compiled ``Snapshot``; :func:`warn_if_empty` warns when a stakeholder filter keeps nobody.
"""

from __future__ import annotations

import difflib
import functools
import inspect
import math
import os
import re
import sys
import textwrap
import warnings
from typing import Any, Callable, Iterable, Mapping, Sequence

#: The selection keywords of an analysis (docs/selection.md), in the order of ``Snapshot``.
SELECTION = ("relations", "waves", "min_weight", "roles", "ids", "where", "symmetrize", "combine", "self_ties")
#: The selection keywords that pick part of an alliance; exports take these (the other three
#: shape a Snapshot's graph: how ties merge, direction, self-ties).
FILTERS = ("relations", "waves", "min_weight", "roles", "ids", "where")
#: Selection keywords that take a string or a list of strings.
LISTS = ("relations", "waves", "roles", "ids")

_PACKAGE = os.path.dirname(os.path.abspath(__file__))


class EmptySelectionWarning(UserWarning):
    """A ``where=``, ``roles=`` or ``ids=`` filter kept no stakeholder.

    The message names the filter and the values that exist, so a misspelt value is easy to see. The analysis still
    runs, on an empty network.

    Examples
    --------
    >>> import warnings
    >>> import wijknet
    >>> alliance = wijknet.load_example()
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     s = wijknet.Snapshot(alliance, where={"sector": "zorgg"})
    >>> caught[0].category.__name__, len(s)
    ('EmptySelectionWarning', 0)
    >>> print(caught[0].message)
    the selection is empty: where={'sector': 'zorgg'} matches no stakeholder; 'sector' has the values 'community', 'gemeente', 'lhbti', 'ondernemers', 'onderwijs', 'politie', 'sport', 'welzijn', 'wonen', 'zorg'
    """


def stacklevel() -> int:
    """The stacklevel that points a warning at the first frame outside the wijknet package."""
    level = 1
    frame = sys._getframe(1)
    while frame is not None and os.path.dirname(os.path.abspath(frame.f_code.co_filename)) == _PACKAGE:
        frame = frame.f_back
        level += 1
    return level


def unknown_keyword(function: str, keyword: str, valid: Iterable[str], context: str = "") -> TypeError:
    """The TypeError for an unknown keyword: the closest valid one, or the list of valid ones."""
    valid = [v for v in valid if not v.startswith("_")]
    close = difflib.get_close_matches(keyword, valid, n=1, cutoff=0.6)
    if not close:
        folded = {v.lower().replace("_", ""): v for v in valid}
        key = keyword.lower().replace("_", "")
        close = [folded[key]] if key in folded else [v for v in valid if key and (v.startswith(key) or key.startswith(v))][:1]
    hint = f"; did you mean {close[0]!r}?" if close else (f"; it takes {', '.join(valid)}" if valid else "; it takes none")
    return TypeError(f"{function}() got an unexpected keyword argument {keyword!r}{context}{hint}")


def one_wave_form(function: str, kwargs: dict) -> None:
    """``wave=`` is the short form of ``waves=`` with one wave; rewrites it in place."""
    if "wave" in kwargs:
        if "waves" in kwargs:
            raise TypeError(f"{function}() got both waves= and wave=; wave= is the short form of waves= with "
                            "one wave, pass one of them")
        kwargs["waves"] = kwargs.pop("wave")


# ------------------------------------------------------------------------------ signatures

_DOC_SIGNATURE = re.compile(r"^\s*(?:\w+\.)*(\w+)\((.*)\)\s*(?:->.*)?$")


def _split_top(text: str) -> list[str]:
    """Splits a parameter list at top-level commas (not inside brackets or quotes)."""
    parts, depth, quote, start = [], 0, "", 0
    for i, c in enumerate(text):
        if quote:
            if c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def compiled_parameters(function: Any) -> dict[str, str] | None:
    """Name -> type text of a pybind11 function's parameters, from the signature line of its
    docstring; None when it has no single signature (overloads, or no docstring)."""
    doc = (getattr(function, "__doc__", None) or "").strip().splitlines()
    if not doc or "Overloaded function" in doc[0]:
        return None
    match = _DOC_SIGNATURE.match(doc[0])
    if not match:
        return None
    out = {}
    for part in _split_top(match.group(2)):
        name, _, rest = part.partition(":")
        out[name.strip().lstrip("*")] = rest.split("=")[0].strip()
    return out


def _fits(value: Any, expected: str) -> tuple[bool, str]:
    """Whether value fits a pybind11 parameter type, and the type in words."""
    t = expected.replace(" ", "")
    optional = t.endswith("|None")
    t = t[: -len("|None")] if optional else t
    if optional and value is None:
        return True, ""
    if t.lower().endswith("sequence[str]") or t.lower() == "list[str]":
        ok = not isinstance(value, (str, bytes, Mapping)) and isinstance(value, Iterable) and \
            all(isinstance(v, str) for v in value)
        return ok, "a str or a list of str" + (" or None" if optional else "")
    if t == "str":
        return isinstance(value, str), "a str" + (" or None" if optional else "")
    if t == "bool":
        return isinstance(value, bool), "True or False"
    if "SupportsFloat" in t or t == "float":
        return hasattr(value, "__float__") and not isinstance(value, (str, bytes)), "a number" + (" or None" if optional else "")
    if "SupportsInt" in t or t == "int":
        return hasattr(value, "__index__"), "a whole number"
    return True, ""


def signature_dump(err: TypeError) -> bool:
    """Whether a TypeError is pybind11's list of the signatures a call did not fit."""
    return bool(re.search(r"incompatible (function|constructor) arguments", str(err)))


def compiled_type_error(function: str, types: Mapping[str, str], args: Sequence[Any], kwargs: Mapping[str, Any]) -> TypeError:
    """A short TypeError for a call a pybind11 function refused: which argument, what it must be."""
    given = dict(zip(types, args))
    given.update(kwargs)
    for name, value in given.items():
        ok, words = _fits(value, types.get(name, ""))
        if not ok:
            return TypeError(f"{function}(): {name} must be {words}, got {type(value).__name__} {value!r:.60}")
    return TypeError(f"{function}(): these arguments do not fit its parameters "
                     f"({', '.join(n for n in types if n != 'self')})")


# ------------------------------------------------------------------------ docstring entries

#: The numpydoc Parameters entries that many functions share, written once: the entry's header
#: line -> its description. A docstring entry that is such a header line with no description
#: under it gets this one (see :func:`expand_doc`), so a keyword reads the same everywhere.
SHARED_DOC = {
    "relations : str or list of str, optional":
        "Only ties of these relations (keys, labels or aliases). Default: every relation.",
    "waves : str or list of str, optional":
        "Only ties of these waves (keys), and only the stakeholders present in one of them. Default: every wave "
        "and every stakeholder. ``wave=\"T1\"`` is the short form of ``waves=[\"T1\"]``.",
    "min_weight : float, optional": "Only ties at least this heavy.",
    "roles : str or list of str, optional":
        "Only stakeholders holding one of these roles (keys, labels or aliases).",
    "ids : str or list of str, optional": "Only these stakeholders (an unknown id is an error).",
    "where : dict, optional":
        "Only stakeholders whose attributes equal these values, e.g. ``{\"sector\": \"welzijn\"}``.",
    "symmetrize : bool, default False": "Read every tie as undirected.",
    "combine : {\"sum\", \"max\", \"min\", \"count\", \"keep\"}, default \"sum\"":
        "How ties joining the same pair (several relations or waves) merge: weights added, the largest, the "
        "smallest, the number of ties, or kept apart (a multigraph).",
    "self_ties : bool, default False": "Keep ties of a stakeholder to itself.",
    # the waves of the diagnostics (docs/selection.md, "Which functions take what")
    "waves : str or list of str, default every wave":
        "The waves to report on, each apart. One wave named (``wave=\"T0\"``) gives a table without a wave "
        "level.",
    "waves : str, optional":
        "One wave (``wave=\"T0\"``), or None for the ties of every wave together; naming two is an error.",
    # the network and how its ties are read
    "g : Alliance or Snapshot":
        "The network: an alliance, narrowed by the selection keywords, or a snapshot (then no selection "
        "keywords).",
    "alliance : Alliance": "The alliance.",
    "direction : {\"out\", \"in\", \"all\"}, default \"out\"":
        "Follow ties out of the stakeholder, into it, or either way.",
    "weight : None, True, \"weight\" or \"distance\", default None":
        "None counts steps; otherwise tie weights are path lengths (they must be positive). To use tie strength, "
        "make a snapshot of inverted weights first.",
    "weight : None, True, \"weight\" or \"strength\", default None":
        "None counts every tie as 1; otherwise weights are tie strength.",
    "weight : True, None, \"weight\" or \"strength\", default True":
        "Read tie weights as strength; None counts every tie as 1.",
    "threads : int, default 0": "Threads for the all-pairs searches; 0 uses every core.",
    "tol : float, default 1e-12": "Stop when the change between two iterations is below this.",
    "max_iter : int, default 10000": "Give up (an error) after this many iterations.",
    "resolution : float, default 1.0": "γ in the modularity; above 1 gives smaller communities.",
    "seed : int, default 42": "The seed of the random order; the same seed gives the same result.",
    "alters : {\"both\", \"out\", \"in\"}, default \"both\"":
        "Burt's alters of i and the strength z_ij of the tie: a_ij + a_ji over ties either way (``both``, Burt's "
        "reading, as networkx and igraph), a_ij over out-ties (``out``) or a_ji over in-ties (``in``).",
    "by : \"role\", \"kind\", str, dict or pandas.Series, default \"role\"":
        "The groups: each stakeholder's first role, its kind, the value of an attribute, or a mapping from "
        "stakeholder id to group. A numeric attribute is an error (bin it first, e.g. with ``pandas.cut``).",
    "include_sensitive : bool, default False":
        "Include the attributes marked sensitive (GDPR art. 9); they are left out otherwise.",
    # the two-mode network of the Alle Kleuren method
    "g : Alliance or TwoMode":
        "The alliance, narrowed by the two-mode selection keywords, or a network made by :func:`two_mode` (then no "
        "keywords).",
    "**selection : two-mode":
        "The two-mode selection keywords of :func:`two_mode`: ``waves``, ``start``, ``end``, ``themes``, "
        "``events``, ``roles``, ``kinds``, ``participation_roles``.",
    "tie_waves : str or list of str, optional":
        "The waves whose ties count (default every wave); ``waves`` chooses the events.",
    "show_names : bool, default False":
        "Name persons in the sentences; by default they appear under a pseudonym (\"Bewoner 3\").",
    # readers of other tools' graphs
    "default_relation : str, default \"tie\"": "The relation of edges without a ``relation`` attribute.",
    "default_wave : str, default \"T0\"": "The wave of edges without a ``wave`` attribute.",
    "declare_unknown_roles : bool, default False":
        "Add roles the taxonomy does not know to it (as their own key and label); otherwise an unknown role is an "
        "UnknownIdError.",
    # roster surveys
    "form : {\"long\", \"wide\"}, default \"long\"":
        "Long: one row per answer. Wide: one row per respondent, a respondent column and a column ``partner:item`` "
        "per partner and item.",
    "respondent, partner, item_column, value : str":
        "The column names of the long form (defaults ``\"respondent\"``, ``\"partner\"``, ``\"item\"``, "
        "``\"value\"``); the wide form uses only ``respondent``.",
    "separator : str, default \":\"": "Between partner and item in the wide form's column names.",
    # words for people
    "lang : {\"en\", \"nl\"}, default \"en\"": "The language of labels and sentences: English or Dutch.",
    "show_names : bool, default False":
        "Name persons in the sentences; by default they appear under a pseudonym (\"Wijkagent 1\"), as in the report, "
        "the drawings and the command line: one privacy default across the API.",
}

#: The header of each selection keyword's entry, in the order of ``Snapshot``.
SELECTION_DOC = {
    "relations": "relations : str or list of str, optional",
    "waves": "waves : str or list of str, optional",
    "min_weight": "min_weight : float, optional",
    "roles": "roles : str or list of str, optional",
    "ids": "ids : str or list of str, optional",
    "where": "where : dict, optional",
    "symmetrize": "symmetrize : bool, default False",
    "combine": "combine : {\"sum\", \"max\", \"min\", \"count\", \"keep\"}, default \"sum\"",
    "self_ties": "self_ties : bool, default False",
}

_SELECTION_MARK = re.compile(r"^( *)\*\*selection\n\1    The selection keywords \(docs/selection\.md\)\.\n", re.M)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def expand_doc(doc: str | None, selection: Sequence[str] = ()) -> str | None:
    """A docstring with its shared Parameters entries written out: the two lines ``**selection`` /
    ``The selection keywords (docs/selection.md).`` become the entries of these selection
    keywords, and every entry that is a header of SHARED_DOC without a description of its own
    gets that description, at the entry's indentation."""
    if not doc:
        return doc
    if selection:
        doc = _SELECTION_MARK.sub(lambda m: "".join(f"{m.group(1)}{SELECTION_DOC[k]}\n" for k in selection
                                                     if k in SELECTION_DOC), doc)
    lines = doc.split("\n")
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() in SHARED_DOC and not (following.strip() and _indent(following) > _indent(line)):
            pad = " " * (_indent(line) + 4)
            out += textwrap.wrap(SHARED_DOC[line.strip()], 116 - len(pad), initial_indent=pad, subsequent_indent=pad)
    return "\n".join(out)


# ------------------------------------------------------------------------------- decorator

def checked(function: Callable | None = None, *, selection: Sequence[str] = (), name: str | None = None):
    """Wraps a public function so that an unknown keyword raises a TypeError with a suggestion.

    ``selection``: the selection keywords the function takes through ``**selection`` (SELECTION
    or FILTERS); ``wave=`` is accepted wherever ``waves`` is. Compiled (pybind11) functions are
    checked against the signature in their docstring, and a str passed where the signature wants
    ``list[str]`` becomes a list of one.
    """
    if function is None:
        return lambda f: checked(f, selection=selection, name=name)
    label = name or getattr(function, "__qualname__", getattr(function, "__name__", "function"))
    try:
        signature = inspect.signature(function)
        parameters = signature.parameters
        has_var_keyword = any(p.kind is p.VAR_KEYWORD for p in parameters.values())
        valid = [n for n, p in parameters.items() if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
        if has_var_keyword and not selection:
            valid = None  # free-form options (checked by the function itself)
        list_params: dict[str, int] = {}
        types = None
    except (TypeError, ValueError):  # a compiled function: read its docstring
        types = compiled_parameters(function)
        if types is None:
            return function
        names = list(types)  # with self first for a method: positions count as in args
        valid = [n for n in names if n != "self"]
        list_params = {n: names.index(n) for n, t in types.items()
                       if t.replace(" ", "").lower() in ("list[str]", "collections.abc.sequence[str]", "sequence[str]")}
    own = set(valid or ())  # selection keywords the function names itself are documented by it
    if valid is not None:
        valid = list(dict.fromkeys([*valid, *selection]))
    known = frozenset(valid) if valid is not None else None
    takes_waves = known is not None and "waves" in known and "wave" not in known
    positions = tuple(list_params.values())

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        if kwargs:
            if takes_waves and "wave" in kwargs:
                one_wave_form(label, kwargs)
            if known is not None and not known.issuperset(kwargs):
                raise unknown_keyword(label, next(k for k in kwargs if k not in known), valid)
            for key in list_params:
                if type(kwargs.get(key)) is str:
                    kwargs[key] = [kwargs[key]]
        for position in positions:
            if position < len(args) and type(args[position]) is str:
                args = tuple([a] if i in positions and type(a) is str else a for i, a in enumerate(args))
                break
        if types is None:
            return function(*args, **kwargs)
        try:
            return function(*args, **kwargs)
        except TypeError as err:
            if not signature_dump(err):
                raise
            raise compiled_type_error(label, types, args, kwargs) from None

    wrapper.__doc__ = expand_doc(function.__doc__, [k for k in selection if k not in own])
    wrapper.__wijknet_checked__ = True  # the tests look for it on every public function
    return wrapper


def check_options(function: str, options: Mapping[str, Any], valid: Iterable[str], context: str = "") -> None:
    """TypeError for the first key of options that is not in valid (free-form ``**options``)."""
    valid = list(valid)
    for key in options:
        if key not in valid:
            raise unknown_keyword(function, key, valid, context)


# ------------------------------------------------------------------------------- selection

def as_list(value: Any, keyword: str) -> list[str] | None:
    """A selection list: None stays None, a str is a list of one, any other iterable a list."""
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise TypeError(f"{keyword}= takes a str or a list of str, got {type(value).__name__}")
    return [str(v) for v in value]


def selection_arguments(function: str, selection: Mapping[str, Any], allowed: Sequence[str] = SELECTION) -> dict:
    """The selection keywords as the compiled Snapshot takes them: ``wave=`` read as ``waves=``,
    strings as lists of one, ``where`` checked to be a mapping."""
    out = dict(selection)
    one_wave_form(function, out)
    for key in out:
        if key not in allowed:
            raise unknown_keyword(function, key, allowed)
    for key in LISTS:
        if key in out:
            out[key] = as_list(out[key], key)
    where = out.get("where")
    if where is not None and not isinstance(where, Mapping):
        raise TypeError(f"where= takes a dict of attribute name to value, e.g. {{'sector': 'welzijn'}}; "
                        f"got {type(where).__name__}")
    return out


def _values(values: Iterable[Any]) -> str:
    shown = sorted({repr(v) for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))})
    if not shown:
        return "none"
    return ", ".join(shown[:12]) + (f" and {len(shown) - 12} more" if len(shown) > 12 else "")


def empty_selection_message(alliance: Any, selection: Mapping[str, Any]) -> str | None:
    """Why a selection keeps no stakeholder, naming the filter and the values that exist; None
    when it keeps someone or names no stakeholder filter."""
    filters = {k: selection.get(k) for k in ("roles", "ids", "where") if selection.get(k) is not None}
    if not filters or len(alliance) == 0:
        return None
    frame = alliance.stakeholders(include_sensitive=True)
    parts = []
    if "ids" in filters and not filters["ids"]:
        parts.append("ids=[] names no stakeholder")
    if "roles" in filters:
        wanted = {alliance.role(r)["key"] for r in filters["roles"]}
        if not any(wanted & set(rs) for rs in frame["roles"]):
            held = sorted({r for rs in frame["roles"] for r in rs})
            parts.append(f"roles={filters['roles']!r} matches no stakeholder; the roles held are {', '.join(held) or 'none'}")
    for key, value in (filters.get("where") or {}).items():
        if key not in frame.columns or key in ("name", "kind", "roles", "waves"):
            attributes = [c for c in frame.columns if c not in ("name", "kind", "roles", "waves")]
            close = difflib.get_close_matches(str(key), attributes, n=1)
            parts.append(f"where: no stakeholder has the attribute {key!r}"
                         + (f" (did you mean {close[0]!r}?)" if close else "")
                         + f"; the attributes are {', '.join(attributes) or 'none'}")
        elif not (frame[key] == value).any():
            known = ("its values are not listed: it is a sensitive attribute" if key in frame.attrs["sensitive"]
                     else f"{key!r} has the values {_values(frame[key])}")
            parts.append(f"where={{{key!r}: {value!r}}} matches no stakeholder; {known}")
    if not parts:
        named = ", ".join(f"{k}={v!r}" for k, v in filters.items())
        waves = selection.get("waves")
        parts.append(f"{named} together match no stakeholder"
                     + (f" present in waves {waves!r}" if waves else ""))
    return "the selection is empty: " + "; ".join(parts)


def warn_if_empty(alliance: Any, kept: int, selection: Mapping[str, Any]) -> None:
    """EmptySelectionWarning when a stakeholder filter kept nobody (`kept` stakeholders)."""
    if kept == 0:
        message = empty_selection_message(alliance, selection)
        if message:
            warnings.warn(message, EmptySelectionWarning, stacklevel=stacklevel())
