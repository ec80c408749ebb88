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
    """A ``where=``, ``roles=`` or ``ids=`` filter kept no stakeholder; the message names the
    filter and the values that exist."""


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
