"""What a translation translates into, and what it used (for the review notice)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from peeldocs.i18n.catalogue import Message

_EDITORIAL = re.compile(r"^(?:\[[^\]]*\]|…)\s*|\s*…$")  # marks added to a quotation

PLACEHOLDER_LABEL = {"cy": "i’w gwblhau", "en": "to be completed"}
"""The words before a placeholder's text, by language."""


@dataclass
class Usage:
    """What a translation used: the messages, reviewed or not, and our wording left in English."""

    reviewed: set[str] = field(default_factory=set)
    unreviewed: set[str] = field(default_factory=set)
    untranslated: set[str] = field(default_factory=set)

    def note(self, message: Message) -> None:
        """Record that ``message`` was used."""
        (self.reviewed if message.reviewed else self.unreviewed).add(message.msgid)


@dataclass(frozen=True)
class Target:
    """What to translate into and from: languages, tags, and the report's own strings."""

    language: str
    tag: str
    source_tag: str
    """The language tag of the report's text (its quotations)."""
    quoted: frozenset[str] = frozenset()
    """The report's own strings (title, force, findings): never translated, never counted."""
    names: dict[str, str] = field(default_factory=dict)
    """The report's names in the target language (a force's Welsh name)."""


@lru_cache(maxsize=4)
def word_index(quoted: frozenset[str]) -> dict[tuple[str, ...], list[str]]:
    """Return the report's strings by each run of three words in them (made once per report)."""
    index: dict[tuple[str, ...], list[str]] = {}
    for q in quoted:
        split = q.split()
        for i in range(len(split) - 2):
            index.setdefault(tuple(split[i:i + 3]), []).append(q)
    return index


def is_quoted(text: str, quoted: frozenset[str]) -> bool:
    """Tell whether ``text`` is the report's (or its action plan's) own words, not our wording.

    Whole, or part of one of its strings (editorial marks aside); or a list of them
    joined by semicolons, as a letter lists a plan's actions ("Appoint a lead;
    review training."), its first letter a capital where the plan's is small.
    """
    if _within(text, quoted):
        return True
    body = text.strip().removesuffix(".")
    if body == text.strip():  # a list a letter gives ends with its full stop
        return False
    return all(_within(part, quoted) or _within(part[:1].lower() + part[1:], quoted)
               for part in body.split("; "))


def _within(text: str, quoted: frozenset[str]) -> bool:
    """Tell whether ``text`` is one of ``quoted`` or, editorial marks aside, part of one."""
    if text in quoted or text.strip() in quoted:
        return True
    core = _EDITORIAL.sub("", text.strip().removeprefix("“").removesuffix("”")).strip()
    words = tuple(core.split()[:3])
    if len(core) < 12 or len(words) < 3:
        return False
    return any(core in q for q in word_index(quoted).get(words, []))
