"""Safe YAML reading that remembers where every value came from, and what a file that is not a report is.

PyYAML's ``safe_load`` refuses Python tags but still expands aliases and keeps
no line numbers.  Here the text is composed into nodes, aliases are refused
outright (no alias bomb can expand), only the standard tags are allowed,
duplicate keys are reported, and each value's line is kept by its path.

:func:`other_kind` says what a file given as a report is, when it is not one, and
which command takes it: a user who gives ``build`` a PDF, a saved page, a grade
table or an action plan learns what the file is and what to do with it, not "not UTF-8" or "expected a
mapping of keys".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml

from peeldocs.errors import Problem

Path = tuple[str | int, ...]

_STANDARD = "tag:yaml.org,2002:"
MAX_DEPTH = 64
"""The deepest nesting of lists and mappings a data file may have (a report needs about 8)."""
MAX_DIGITS = 40
"""The longest number a data file may write, in characters."""
_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
_LOADERS: tuple[Any, ...] = (
    *((yaml.CSafeLoader,) if getattr(yaml, "__with_libyaml__", False) else ()), yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (ten times faster), then PyYAML's own.

Text either refuses is read again by PyYAML's own, so a problem is reported in
the same words whichever parser this machine has.
"""
_SCALAR_TAGS = {_STANDARD + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


def format_path(path: Path) -> str:
    """Render a path as ``questions[1].judgment.grade``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@dataclass
class Source:
    """Plain data read from YAML, with the line of every value and key."""

    file: str
    data: Any = None
    lines: dict[Path, int] = field(default_factory=dict)
    key_lines: dict[Path, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    constructor: yaml.SafeLoader = field(default_factory=lambda: yaml.SafeLoader(""))

    def line(self, path: Path) -> int | None:
        """Return the line of the value at ``path``, or of its nearest ancestor."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)

    def problem(self, path: Path, message: str, *, key: bool = False) -> None:
        """Record a problem at ``path`` (at the key's line when ``key``)."""
        line = self.key_lines.get(path) if key else None
        self.problems.append(
            Problem(self.file, line or self.line(path), format_path(path), message)
        )


def read_yaml(text: str | bytes, file: str) -> Source:
    """Parse YAML text safely into a :class:`Source`; problems are collected, not raised."""
    src = Source(file)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            src.problems.append(
                Problem(file, None, "", f"not UTF-8 text (byte {exc.object[exc.start]:#04x} "
                                        f"at offset {exc.start}); save the file as UTF-8")
            )
            return src
    text = text.removeprefix("\ufeff")
    node = None
    for loader in _LOADERS:
        src.problems.clear()
        try:
            node = _compose(text, file, src, loader)
            break
        except (yaml.YAMLError, UnicodeError) as exc:
            if loader is not yaml.SafeLoader:
                continue  # said in the words of PyYAML's own reader, as it always was
            mark = getattr(exc, "problem_mark", None)
            if isinstance(exc, yaml.reader.ReaderError):
                reason = f"unacceptable character {chr(exc.character)!r} at position {exc.position}"
            else:
                reason = getattr(exc, "problem", None) or " ".join(str(exc).split())
            src.problems.append(
                Problem(file, mark.line + 1 if mark else None, "", f"not valid YAML: {reason}")
            )
            return src
    if src.problems:
        return src
    if node is None:
        src.problems.append(Problem(file, None, "", "the file is empty; expected a report"))
        return src
    src.data = _convert(node, (), src)
    return src


def _compose(text: str, file: str, src: Source, loader: Any) -> yaml.Node | None:
    """Return the text's node tree, or None with ``src.problems`` saying why it is refused.

    Aliases and nesting deeper than :data:`MAX_DEPTH` are refused from the events,
    before any node is built (building recurses, and an alias can expand).
    """
    seen: set[str | None] = set()
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        depth += isinstance(event, _OPEN) - isinstance(event, _CLOSE)
        if depth > MAX_DEPTH:  # refused before the nodes are built (they recurse)
            line = event.start_mark.line + 1 if event.start_mark else None
            src.problems.append(Problem(file, line, "", f"lists and mappings nested more "
                                                        f"than {MAX_DEPTH} levels deep; data "
                                                        f"files nest at most {MAX_DEPTH}"))
            return None
        if isinstance(event, yaml.AliasEvent) and event.anchor not in seen:
            seen.add(event.anchor)
            line = event.start_mark.line + 1 if event.start_mark else None
            src.problems.append(
                Problem(file, line, "", f"YAML aliases (*{event.anchor}) are not allowed "
                                        "in data files; write the value out")
            )
    if src.problems:
        return None
    node: yaml.Node | None = yaml.compose(text, Loader=loader)
    return node


def _convert(node: yaml.Node, path: Path, src: Source) -> Any:
    src.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        if node.tag != _STANDARD + "map":
            return _bad_tag(node, path, src)
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, path, src)
            if not isinstance(key, str):
                src.problem(path, f"key {key!r} is not text")
                continue
            child = (*path, key)
            if key in out:
                src.problems.append(
                    Problem(src.file, key_node.start_mark.line + 1, format_path(child),
                            f"duplicate key '{key}' (first at line {src.key_lines[child]})")
                )
                continue
            src.key_lines[child] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, child, src)
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _STANDARD + "seq":
            return _bad_tag(node, path, src)
        return [_convert(item, (*path, i), src) for i, item in enumerate(node.value)]
    return _scalar(node, path, src)


def _bad_tag(node: yaml.Node, path: Path, src: Source) -> None:
    tag = node.tag.replace(_STANDARD, "!!")
    src.problem(path, f"the tag '{tag}' is not allowed in data files")


def _scalar(node: yaml.Node, path: Path, src: Source) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        src.problem(path, "a key must be plain text")
        return None
    if node.tag not in _SCALAR_TAGS:
        return _bad_tag(node, path, src)
    if node.tag in (_STANDARD + "int", _STANDARD + "float") and len(node.value) > MAX_DIGITS:
        src.problem(path, f"a number of {len(node.value)} characters; numbers in data files "
                          f"are limited to {MAX_DIGITS}")
        return None
    try:
        value = src.constructor.construct_object(node, deep=True)
    except (ValueError, yaml.YAMLError) as exc:
        src.problem(path, f"{node.value!r} is not a valid date: {exc}")
        return node.value
    if isinstance(value, datetime):
        src.problem(path, f"{node.value!r} has a time; expected a date (YYYY-MM-DD)")
        return node.value
    if isinstance(value, date):
        return value.isoformat()
    return value


GRADE_TABLE = re.compile(rb"^\s*(?:\xef\xbb\xbf)?force\s*,\s*cycle\s*,", re.I)
HTML = re.compile(rb"<!doctype html|<html[\s>]|<body[\s>]", re.I)
PAGE_WORDS = re.compile(rb"\bPEEL\b|HMICFRS|inspection", re.I)
IMPORT = "peeldocs import PAGE -o REPORT.yaml turns a published PEEL page into one"


def other_kind(data: bytes, parsed: Any) -> str | None:
    """Return what ``data`` is when it is plainly not a report data file, or None.

    ``parsed`` is what reading it as YAML or JSON gave (None when it could not
    be read).
    """
    head = data[:4096]
    if head.startswith(b"%PDF"):
        return f"this is a PDF document, not a report data file; {IMPORT} (copy its text)"
    if head.startswith(b"PK\x03\x04"):
        return ("this is a Word document or another zip file, not a report data file; "
                "reports are YAML data files (see peeldocs schema)")
    if HTML.search(head):
        return f"this is a saved web page, not a report data file; {IMPORT}"
    if GRADE_TABLE.match(head):
        return ("this is a grade table (CSV), not a report data file; peeldocs compare takes "
                "grade tables")
    if isinstance(parsed, dict) and "items" in parsed and "force" not in parsed:
        return ("this is an action plan, not a report data file; give it with --actions "
                "beside its report, or to peeldocs actions status")
    if not isinstance(parsed, dict) and PAGE_WORDS.search(head):
        return f"this looks like the copied text of a page, not a report data file; {IMPORT}"
    return None
