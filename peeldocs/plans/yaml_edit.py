"""Edit items of an action plan file in place, keeping everything else byte for byte.

The file is read in ruamel.yaml's round-trip mode, the edited items are
changed, and the whole is written out again; then only the lines of the edited
items are taken from that output and spliced into the original text, so that
every other line, comment and blank line stays exactly as the user wrote it.
Progress updates are only ever appended.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

_AFTER = {"owner": ("status", "actions"), "lead": ("owner", "status"),
          "original_target": ("lead", "owner", "status"),
          "current_target": ("original_target", "lead", "status"),
          "target_reason": ("current_target", "original_target", "status"),
          "rag": ("target_reason", "current_target", "status"), "rag_reason": ("rag",),
          "closed_on": ("rag_reason", "rag", "current_target", "status"),
          "signed_off_by": ("closed_on", "rag_reason", "rag", "current_target", "status"),
          "actions": ("status",),
          "evidence": ("signed_off_by", "closed_on", "rag_reason", "rag", "target_reason",
                       "current_target", "original_target", "lead", "owner", "actions", "status"),
          "updates": ()}


@dataclass
class ItemEdit:
    """What to change in one item: keys to set, updates to append, lines to add to lists.

    ``set``: None clears a key; ``extend``: lines added to 'actions' or 'evidence'.
    """

    finding: str
    set: dict[str, Any] = field(default_factory=dict)
    append: list[dict[str, Any]] = field(default_factory=list)
    extend: dict[str, list[str]] = field(default_factory=dict)


def _yaml() -> Any:
    from ruamel.yaml import YAML

    y = YAML()
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 100
    y.preserve_quotes = True
    return y


def _text(value: Any) -> Any:
    """Quote text that a YAML 1.1 reader would take as something else ('yes', '~', a date)."""
    if not isinstance(value, str):
        return value
    import yaml
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    try:
        same = _plain(value) == value and "\n" not in value
    except yaml.YAMLError:  # text that is not even valid YAML on its own: quote it
        same = False
    return value if same else DoubleQuotedScalarString(value)


def _value(old: Any, new: Any) -> Any:
    """Write a date in the style the file used for it (quoted text or a plain date)."""
    if isinstance(new, date) and isinstance(old, str):
        return new.isoformat()
    return _text(new)


def _put(item: Any, key: str, value: Any) -> None:
    if key in item:
        item[key] = _value(item[key], value)
        return
    keys = list(item.keys())
    after = next((k for k in _AFTER.get(key, ()) if k in item), None)
    item.insert(keys.index(after) + 1 if after else len(keys), key, _text(value))


def _append(item: Any, update: dict[str, Any]) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    entry = CommentedMap((k, _text(v)) for k, v in update.items() if v is not None)
    updates = item.get("updates")
    if not isinstance(updates, CommentedSeq):
        updates = CommentedSeq()
        _put(item, "updates", updates)
    updates.fa.set_block_style()
    updates.append(entry)


def _extend(item: Any, key: str, lines: list[str]) -> None:
    """Add ``lines`` to the item's list ``key`` (made when it has none), after what it holds."""
    from ruamel.yaml.comments import CommentedSeq

    held = item.get(key)
    if not isinstance(held, CommentedSeq):
        held = CommentedSeq()
        _put(item, key, held)
    held.fa.set_block_style()
    held.extend(_text(line) for line in lines)


def _spans(items: Any, total: int) -> list[tuple[int, int]]:
    starts = [items.lc.item(i)[0] for i in range(len(items))]
    return [(s, starts[i + 1] if i + 1 < len(starts) else total) for i, s in enumerate(starts)]


def edit_plan_text(text: str, edits: list[ItemEdit]) -> str:
    r"""Return the plan text with ``edits`` applied; lines of other items are untouched.

    >>> text = "items:\n  # keep me\n  - finding: R1\n    status: in progress\n    owner:\n"
    >>> print(edit_plan_text(text, [ItemEdit("R1", {"owner": "Ch Supt A"})]), end="")
    items:
      # keep me
      - finding: R1
        status: in progress
        owner: Ch Supt A
    """
    y = _yaml()
    data = y.load(text)
    items = data["items"]
    lines = _lines(text)
    crlf = "\r\n" in text
    old_spans = _spans(items, len(lines))
    index = {str(item.get("finding")): i for i, item in enumerate(items)}
    touched = set()
    for edit in edits:
        i = index[edit.finding]
        for key, value in edit.set.items():
            _put(items[i], key, value)
        for update in edit.append:
            _append(items[i], update)
        for key, added in edit.extend.items():
            _extend(items[i], key, added)
        touched.add(i)
    if not touched:
        return text
    buf = io.StringIO()
    y.dump(data, buf)
    new_lines = _lines(buf.getvalue())
    new_spans = _spans(y.load(buf.getvalue())["items"], len(new_lines))
    out: list[str] = lines[:old_spans[0][0]]
    for i, (start, end) in enumerate(old_spans):
        if i in touched:
            new_start, new_end = new_spans[i]
            chunk = new_lines[new_start:new_end]
            if crlf:  # the file's own line endings
                chunk = [line[:-1] + "\r\n" if line.endswith("\n") and not line.endswith("\r\n")
                         else line for line in chunk]
            if end == len(lines) and lines and not lines[-1].endswith("\n") and chunk:
                chunk[-1] = chunk[-1].rstrip("\n")  # the file had no final newline
            out += chunk
        else:
            out += lines[start:end]
    result = "".join(out)
    if _plain(result) != _plain(buf.getvalue()):
        raise EditError("the plan file's layout cannot be edited in place; its items must "
                        "be a block list, one '- finding:' entry each")
    return result


class EditError(ValueError):
    """An edit could not be spliced into the plan file without changing other lines."""


def _lines(text: str) -> list[str]:
    """Split text after each newline only (YAML's own line count), keeping the ends."""
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def _plain(text: str) -> Any:
    import yaml

    return yaml.safe_load(text)
