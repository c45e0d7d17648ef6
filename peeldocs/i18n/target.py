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

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
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

    Whole, or part of one of its strings (editorial marks and enclosing quotation marks
    aside); or a list of them joined by semicolons, as a letter lists a plan's actions
    ("Appoint a lead; review training."), its first letter a capital where the plan's
    is small.
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
