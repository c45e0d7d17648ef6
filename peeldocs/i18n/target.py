"""What a translation translates into, and what it used (for the review notice)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from peeldocs.i18n.catalogue import Message

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
