"""The language a translation writes: what it translates into, what it used, and Welsh forms.

:class:`Target` and :class:`Usage` say what a translation translates into and what it
used (for the review notice); :func:`long_date_cy`, :func:`join_cy` and :func:`after_yn`
write dates, lists and small words in Welsh, for our own wording (never the
inspectorate's).

>>> from datetime import date
>>> long_date_cy(date(2019, 5, 2))
'2 Mai 2019'
>>> join_cy(["argymhellion", "achosion pryder", "meysydd i’w gwella"])
'argymhellion, achosion pryder a meysydd i’w gwella'
>>> after_yn("da")
'dda'
>>> join_cy(["cyfarwyddwr", "prif gwnstabl"])
'cyfarwyddwr a phrif gwnstabl'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
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


MONTHS_CY = ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
             "Medi", "Hydref", "Tachwedd", "Rhagfyr")
"""The months in Welsh, as the Welsh Government's style guide writes dates (2 Mai 2019)."""

_ASPIRATE = {"c": "ch", "p": "ph", "t": "th"}
_VOWELS = frozenset("aeiouwyâêîôûŵŷ")


def long_date_cy(value: date) -> str:
    """Return a date the Welsh way: 2 Mai 2019 (the day without a suffix, as in English)."""
    return f"{value.day} {MONTHS_CY[value.month - 1]} {value.year}"


def after_a(word: str) -> str:
    """Return ``word`` as it follows "a" ("and"): aspirate mutation of c, p and t (not ch, ph, th)."""
    head = word[:1]
    lower = head.lower()
    if lower in _ASPIRATE and word[1:2].lower() != "h":
        mutated = _ASPIRATE[lower]
        return (mutated.capitalize() if head.isupper() else mutated) + word[1:]
    return word


_SOFT = (("ll", "ll"), ("rh", "rh"), ("c", "g"), ("p", "b"), ("t", "d"), ("b", "f"),
         ("d", "dd"), ("m", "f"), ("g", ""))  # after predicative "yn", ll and rh do not mutate


def after_yn(word: str) -> str:
    """Return ``word`` as it follows predicative "yn": soft mutation ("da" -> "dda").

    >>> [after_yn(w) for w in ("da", "digonol", "rhagorol", "angen gwella", "annigonol")]
    ['dda', 'ddigonol', 'rhagorol', 'angen gwella', 'annigonol']
    """
    lower = word.lower()
    for head, mutated in _SOFT:
        if lower.startswith(head):
            if head in ("d",) and lower.startswith("dd"):
                return word
            out = mutated + word[len(head):]
            return out[:1].upper() + out[1:] if word[:1].isupper() else out
    return word


def and_cy(word: str) -> str:
    """Return "a" or "ac" with ``word``: "ac" before a vowel, "a" (with mutation) otherwise."""
    if word[:1].lower() in _VOWELS:
        return f"ac {word}"
    return f"a {after_a(word)}"


def join_cy(items: Iterable[str]) -> str:
    """Join phrases in Welsh: "a", "a a b", "a, b a c"; blanks and repeats are dropped."""
    kept: list[str] = []
    for item in items:
        item = item.strip()
        if item and item not in kept:
            kept.append(item)
    if len(kept) <= 1:
        return "".join(kept)
    return f"{', '.join(kept[:-1])} {and_cy(kept[-1])}"
