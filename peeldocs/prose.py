"""Small helpers for generated English: lists joined with "and", counts in words.

These are for our own wording (templates and section builders); the
inspectorate's text is never rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

_SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def join_words(items: Iterable[str], conjunction: str = "and") -> str:
    """Join phrases the British way: "", "a", "a and b", "a, b and c" (no Oxford comma).

    Empty and blank items are dropped, and an item repeated word for word is
    kept once, so a list can never read "a, a and b" or end in ", .".
    """
    kept = distinct(item.strip() for item in items)
    kept = [item for item in kept if item]
    if len(kept) <= 1:
        return "".join(kept)
    return f"{', '.join(kept[:-1])} {conjunction} {kept[-1]}"


def distinct(items: Iterable[str]) -> list[str]:
    """Return the items in order with exact repeats removed."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def count_words(count: int) -> str:
    """Return a count as a sentence may start with it: "no", "one" ... "ten", then digits."""
    return _SMALL[count] if 0 <= count < len(_SMALL) else f"{count:,}"


def counted(count: int, singular: str, plural_form: str | None = None, *, words: bool = False) -> str:
    """Return "1 item", "3 items" ("one item", "three items" with ``words``)."""
    noun = singular if count == 1 else (plural_form or singular + "s")
    figure = count_words(count) if words else (f"{count:,}" if count else "no")
    return f"{figure} {noun}"


def sentence_case(text: str) -> str:
    """Return ``text`` with its first letter capitalised and the rest untouched."""
    return text[:1].upper() + text[1:]


def questions_phrase(numbers: list[int]) -> str:
    """Return "question 5" or "questions 2 and 5" ("" for none)."""
    if not numbers:
        return ""
    word = "question" if len(numbers) == 1 else "questions"
    return f"{word} {join_words(str(n) for n in numbers)}"


def long_date(value: date) -> str:
    """Format a date the British way.

    >>> long_date(date(2019, 5, 2))
    '2 May 2019'
    """
    return f"{value.day} {value:%B %Y}"


OVERDUE_DAYS_IN_WORDS = 31
"""Up to this many days late, a span reads as a count ("overdue by 12 days"); beyond, as a date."""


YEAR_DAYS = 365


def span_words(days: int) -> str:
    """Say a long time plainly, never more than it is: 'more than five years', 'more than four months'.

    >>> span_words(1934), span_words(400), span_words(130)
    ('more than five years', 'more than one year', 'more than four months')
    """
    if days > YEAR_DAYS:
        years = days // YEAR_DAYS
        return f"more than {count_words(years)} {'year' if years == 1 else 'years'}"
    months = days * 12 // YEAR_DAYS
    return f"more than {count_words(months)} {'month' if months == 1 else 'months'}"


def overdue_span(days: int, target: date, *, date_shown: bool = False) -> str:
    """Say how late something is, the one way every document says it.

    A short span reads as a count with its date ("overdue by 12 days (due 4
    October 2019)"); a long one in months or years ("overdue by more than four
    months (due 4 October 2019)"), since a count in thousands of days tells a
    reader nothing.  Never "overdue since" the due date: on that day it was still
    on time.  ``date_shown``: the due date is given just before, so it is not
    repeated ("overdue by 12 days", "overdue by more than five years").
    """
    length = counted(days, "day") if days <= OVERDUE_DAYS_IN_WORDS else span_words(days)
    span = f"overdue by {length}"
    return span if date_shown else f"{span} (due {long_date(target)})"


# Quoted fragments shown with standard editorial marks.  An earlier finding is
# often quoted from the middle of a passage ("This was to ensure that it put
# ..."); :func:`fragment` keeps every quoted word and marks what we changed: an
# ellipsis where leading words are left out, square brackets round words we
# supply, and an ellipsis where the quotation stops mid-sentence.
_ORDINAL = re.compile(
    r"^(?:First|Firstly|Second|Secondly|Third|Thirdly|Fourth|Finally|Lastly|Also|In addition|"
    r"Additionally|Furthermore|Moreover|However|Similarly|Then|Next),\s+", re.IGNORECASE)
_THIS = re.compile(r"^(?:This|That|These|Those|It)\s+(?=(?:was|were|is|are|concerned|concerns|"
                   r"related|relates|asked|required|meant|called)\b)")
_PRONOUN = re.compile(r"^(?:it|they)\b", re.IGNORECASE)
_IT_FORCE = re.compile(r"^(\[The [^\]]+\] was to \w+ that) it\b")
_ITS_FORCE = re.compile(r"^(\[The [^\]]+\] concerned) its\b")


_CYCLE_FIRST = re.compile(r"^\d{4}\S*\s+")


def fragment(text: str, kind: str = "finding") -> str:
    """Return ``text`` with editorial marks if it is a fragment of a longer passage.

    ``kind`` names what the fragment refers to ("area for improvement"), for the
    bracketed words that replace a leading "This"; a cycle before it ("2017 area for
    improvement") is left out, so every document brackets the words the same way.
    Text that reads as a whole sentence is returned unchanged.
    """
    kind = _CYCLE_FIRST.sub("", kind)
    out = text.strip()
    if not out:
        return out
    ordinal = _ORDINAL.match(out)
    if ordinal:
        out = "… " + out[ordinal.end():]
        rest = out[2:]
        pronoun = _PRONOUN.match(rest)
        if pronoun:
            out = "… [the force]" + rest[pronoun.end():]
    else:
        this = _THIS.match(out)
        if this:  # and the force named where "it" would now read as the finding
            out = _IT_FORCE.sub(r"\1 [the force]", f"[The {kind}] " + out[this.end():], count=1)
            out = _ITS_FORCE.sub(r"\1 [the force’s]", out, count=1)
    if out[-1] not in ".!?”’\")…":
        out += " …"
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?])[”’\"]?\s+(?=[“‘\"(\[]?[A-Z])")


def opening(text: str) -> str:
    """Return the first sentence of a quotation, with an ellipsis when more follows.

    It starts where the quotation starts, so any editorial marks there are kept.

    >>> opening("The force should act. It should also report.")
    'The force should act. …'
    """
    text = text.strip()
    found = _SENTENCE_END.search(text)
    if found is None:
        return text
    return f"{text[:found.start()].rstrip()}{text[found.start():found.end()].strip()} …"
