"""Load report data files, reporting every problem at once.

Each problem reads ``FILE:LINE: PATH: message``; a bad file raises one
:class:`~peeldocs.errors.DataError` holding them all, never a traceback from
deep inside a library.
"""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peeldocs.errors import DataError, Problem
from peeldocs.model import KNOWN_CYCLES, Report
from peeldocs.sources import schema
from peeldocs.sources.checks import check_report, grade_message
from peeldocs.sources.yamlsource import MAX_DEPTH, MAX_DIGITS, Source, format_path, other_kind, read_yaml

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "nothing",
}


def _type_of(value: Any) -> str:
    names = {str: "text", bool: "true/false", int: "a number", float: "a number",
             list: "a list", dict: "a mapping", type(None): "nothing"}
    return names.get(type(value), type(value).__name__)


def _describe(error: Any, src: Source) -> None:
    """Turn one jsonschema error into one or more located problems."""
    path = tuple(error.absolute_path)
    value = error.instance
    kind = error.validator
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        for key in sorted(set(value) - set(allowed)):
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"expected one of: {', '.join(allowed)}"
            src.problem((*path, key), f"unknown key '{key}'; {hint}", key=True)
    elif kind == "required":
        missing = error.message.split("'")[1]
        src.problem(path, f"missing required key '{missing}'", key=bool(path))
    elif kind == "enum":
        field = next((p for p in reversed(path) if isinstance(p, str)), "value")
        if field == "grade":
            cycle = src.data.get("cycle") if isinstance(src.data, dict) else None
            src.problem(path, grade_message(value, cycle))
        else:
            options = ", ".join(str(v) for v in error.validator_value if v is not None)
            src.problem(path, f"{value!r} is not a valid {field.replace('_', ' ')}; "
                              f"expected one of: {options}")
    elif kind == "type":
        wanted = error.validator_value
        wanted = wanted if isinstance(wanted, list) else [wanted]
        words = " or ".join(_TYPE_WORDS[w] for w in wanted if w != "null")
        hint = " (put it in quotes)" if "string" in wanted and isinstance(value, int | float) else ""
        src.problem(path, f"expected {words}, got {_type_of(value)}: {_short(value)}{hint}")
    elif kind == "pattern" and error.schema.get("format") == "date":
        src.problem(path, f"{value!r} is not a date; write it as YYYY-MM-DD")
    elif kind == "anyOf" and isinstance(value, dict) and error.context:
        for sub in error.context:  # the mapping branch of an optional mapping: say what is wrong
            if sub.validator != "type":
                _describe(sub, src)
    elif kind == "anyOf":
        texts = any(sub.get("type") == "string" for sub in error.validator_value)
        wanted = "text or a list of points" if texts else "a mapping"
        src.problem(path, f"expected {wanted}, got {_type_of(value)}: {_short(value)}")
    else:
        src.problem(path, error.message)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def validate_source(src: Source, cls: type = Report,
                    check: Callable[[Source], None] = check_report) -> None:
    """Check plain data against the schema of ``cls`` and the cross-field rules."""
    from jsonschema import Draft202012Validator

    if src.data is None:  # the text could not be read at all, or holds only null
        if not src.problems:
            src.problem((), "expected a mapping of keys, got nothing")
        return
    if not isinstance(src.data, dict):
        src.problem((), f"expected a mapping of keys, got {_type_of(src.data)}")
        return
    validator = Draft202012Validator(schema.json_schema(cls))
    seen = {p.path for p in src.problems}
    for error in validator.iter_errors(src.data):
        if format_path(tuple(error.absolute_path)) not in seen:
            _describe(error, src)
    check(src)
    src.problems.sort(key=lambda p: (p.line or 0, p.path))


def read_json(text: str | bytes, file: str) -> Source:
    """Parse JSON text into a :class:`Source` (no lines); problems are collected, not raised."""
    import json

    src = Source(file)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            src.problems.append(Problem(file, None, "", f"not UTF-8 text (offset {exc.start})"))
            return src

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                src.problems.append(Problem(file, None, "", f"duplicate key '{key}'"))
            out[key] = value
        return out

    def number(kind: type[int] | type[float]) -> Callable[[str], int | float]:
        def read(word: str) -> int | float:
            if len(word) > MAX_DIGITS:
                raise _TooLarge(f"a number of {len(word)} characters; numbers in data files are "
                                f"limited to {MAX_DIGITS}")
            return kind(word)
        return read

    deep = False
    try:
        src.data = json.loads(text.removeprefix("\ufeff"), object_pairs_hook=pairs,
                              parse_int=number(int), parse_float=number(float))
        deep = _depth(src.data) > MAX_DEPTH
    except json.JSONDecodeError as exc:
        src.problems.append(Problem(file, exc.lineno, "", f"not valid JSON: {exc.msg}"))
    except _TooLarge as exc:
        src.problems.append(Problem(file, None, "", str(exc)))
    except RecursionError:
        deep = True
    if deep:
        src.data = None
        src.problems.append(Problem(file, None, "", f"lists and mappings nested more than "
                                                    f"{MAX_DEPTH} levels deep; data files nest "
                                                    f"at most {MAX_DEPTH}"))
    return src


class _TooLarge(ValueError):
    """A value in a data file is larger than peeldocs reads."""


def _depth(data: Any) -> int:
    """Return how deeply lists and mappings nest in ``data`` (without recursion)."""
    deepest = 0
    todo: list[tuple[Any, int]] = [(data, 1)]
    while todo:
        item, level = todo.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                return level
            todo += [(x, level + 1) for x in (item.values() if isinstance(item, dict) else item)]
    return deepest


def read_source(text: str | bytes, file: str) -> Source:
    """Read YAML or JSON text (JSON when it starts with ``{``) into a :class:`Source`."""
    head = text[:64].lstrip() if isinstance(text, str) else text[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in ("{", b"{"):
        return read_json(text, file)
    return read_yaml(text, file)


def parse_report(text: str | bytes, file: str = "<string>") -> Report:
    """Parse report YAML or JSON text; raise :class:`DataError` listing every problem.

    >>> from pathlib import Path
    >>> report = parse_report(Path("data/norfolk-2018-effectiveness.yaml").read_bytes())
    >>> report.force.name
    'Norfolk Constabulary'
    >>> parse_report("force: {name: Norfolk}", "x.yaml")
    Traceback (most recent call last):
    ...
    peeldocs.errors.DataError: x.yaml:1: missing required key 'cycle'...
    """
    src = read_source(text, file)
    dashes_as_data(src.data)
    validate_source(src)
    if src.problems:
        data = text if isinstance(text, bytes) else text.encode("utf-8", "replace")
        kind = other_kind(data, src.data)
        raise DataError([Problem(file, None, "", kind)] if kind else src.problems)
    return schema.structure(Report, src.data)


_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-"})


def _cycle_as_data(value: Any) -> Any:
    """Return a cycle written with an en or em dash ("2023–25") as data writes it ("2023-25")."""
    if isinstance(value, str) and value.translate(_DASHES) in KNOWN_CYCLES:
        return value.translate(_DASHES)
    return value


def dashes_as_data(data: Any) -> None:
    """Accept a report's cycles spelt with a dash, as its title and our documents spell them.

    The report's cycle and each earlier finding's are rewritten in place to the
    spelling data files use; anything else is left for the checks to report.
    """
    if not isinstance(data, dict):
        return
    if "cycle" in data:
        data["cycle"] = _cycle_as_data(data["cycle"])
    for prior in data.get("prior_findings") or ():
        if isinstance(prior, dict) and "cycle" in prior:
            prior["cycle"] = _cycle_as_data(prior["cycle"])


def display_path(path: str | os.PathLike[str]) -> str:
    """Return ``path`` relative to the working folder when it is inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


MAX_BYTES = 16 * 1024 * 1024  # a real report page is about 50 KB


def read_limited(path: str | os.PathLike[str], limit: int = MAX_BYTES,
                 kind: str = "data files") -> tuple[bytes, str]:
    """Read a file's bytes, refusing what is not a regular file or is larger than ``limit``.

    A device (``/dev/zero``), a pipe or a folder is refused before anything is
    read; a file that grows past the limit while read is refused as well, so no
    more than ``limit`` bytes are ever held.  Raises :class:`DataError` naming
    the file and the limit.
    """
    if "\x00" in os.fspath(path):
        raise DataError([Problem(repr(os.fspath(path)), None, "",
                                 "a file name cannot contain a NUL character")])
    name = display_path(path)
    if Path(path).is_dir():
        given = os.fspath(path)
        hint = f"e.g. {Path(given) / '*.yaml'}" if kind == "data files" else "one at a time"
        raise DataError([Problem(given, None, "", f"this is a folder, not a {kind[:-1]}; give "
                                                  f"the files in it, {hint}")])
    too_big = f"{kind} are limited to {limit // 1048576} MB"
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise DataError([Problem(name, None, "", "not a regular file (a device, pipe or "
                                                         "socket); give a file saved on disk")])
            if info.st_size > limit:
                raise DataError([Problem(name, None, "", f"the file is "
                                                         f"{info.st_size / 1048576:.1f} MB; "
                                                         f"{too_big}")])
            data = fh.read(limit + 1)
    except OSError as exc:
        raise DataError([Problem(name, None, "", f"cannot read the file: {exc.strerror}")]) from exc
    if len(data) > limit:
        raise DataError([Problem(name, None, "", f"the file grew past the limit while read; "
                                                 f"{too_big}")])
    return data, name


def read_data_file(path: str | os.PathLike[str]) -> tuple[bytes, str]:
    """Read a data file's bytes, refusing unreadable, irregular and implausibly large files."""
    return read_limited(path)


def load_report(path: str | os.PathLike[str]) -> Report:
    """Load a report data file (YAML, or JSON from :func:`peeldocs.to_json`).

    Raises :class:`DataError` listing every problem in the file, each with its line.

    >>> report = load_report("data/norfolk-2018-effectiveness.yaml")
    >>> report.question(2).judgment.describe()
    'Requires improvement'
    """
    data, name = read_data_file(path)
    return parse_report(data, name)
