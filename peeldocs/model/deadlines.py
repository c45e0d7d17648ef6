"""Recommendation deadlines as reports word them, and the due dates they give.

A report words a deadline as "immediately", "within six months", "within 3
months of publication", "within 12 months" or "by 31 March 2024".  A relative
deadline gives a due date only when the publication date is known; a wording
that cannot be read is shown as worded and never turned into a date.  Pure
functions, no I/O.
"""

from __future__ import annotations

import calendar
import enum
import re
from dataclasses import dataclass
from datetime import date, timedelta

from peeldocs.prose import long_date, sentence_case

_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24,
}
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS.update({name[:3]: i for name, i in _MONTHS.items()})
_MONTHS["sept"] = 9
_WITHIN = re.compile(
    r"^(?:within|in)\s+(?:the\s+next\s+)?(\d{1,2}|[a-z-]+)\s+(month|week|day)s?"
    r"(?:\s+(?:of|from|after)\s+(?:the\s+)?(?:date\s+of\s+)?"
    r"(?:publication(?:\s+of\s+(?:this|the)\s+report)?|this\s+report(?:'s|’s)?\s*(?:publication)?|"
    r"(?:the\s+)?report\s+being\s+published))?$"
)
_BY = re.compile(r"^(?:by|before|no\s+later\s+than|on\s+or\s+before)\s+(?:the\s+)?"
                 r"(?:end\s+of\s+)?(\d{1,2})?(?:st|nd|rd|th)?\s*(?:of\s+)?([a-z]+)\s+(\d{4})$")
_IMMEDIATE = re.compile(r"^(?:immediately|with\s+immediate\s+effect|now)$")


class DeadlineKind(enum.Enum):
    """How a deadline is set."""

    IMMEDIATE = "immediate"
    RELATIVE = "relative"
    """A period after publication ("within six months")."""
    FIXED = "fixed"
    """A calendar date ("by 31 March 2024")."""
    UNREAD = "unread"
    """Worded in a way we cannot read; shown as worded."""


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline read from its wording; ``worded`` is always kept."""

    worded: str
    kind: DeadlineKind
    months: int = 0
    days: int = 0
    on: date | None = None

    def due(self, published: date | None) -> date | None:
        """Return the due date: fixed, or relative to ``published`` when it is known."""
        if self.kind is DeadlineKind.FIXED:
            return self.on
        if published is None:
            return None
        if self.kind is DeadlineKind.IMMEDIATE:
            return published
        if self.kind is DeadlineKind.RELATIVE:
            try:
                return add_months(published, self.months) + timedelta(days=self.days)
            except (ValueError, OverflowError):  # past year 9999: no date rather than a crash
                return None
        return None


def add_months(start: date, months: int) -> date:
    """Return ``start`` plus whole calendar months, clamped to the month's last day.

    >>> add_months(date(2024, 8, 31), 6), add_months(date(2023, 11, 14), 3)
    (datetime.date(2025, 2, 28), datetime.date(2024, 2, 14))
    """
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBERS.get(word)


def parse_deadline(text: str) -> Deadline:
    """Read a deadline's wording; an unreadable one is kept as worded (kind ``UNREAD``).

    >>> parse_deadline("Within six months").months
    6
    >>> parse_deadline("by 31 March 2024").on
    datetime.date(2024, 3, 31)
    >>> parse_deadline("as soon as practicable").kind.value
    'unread'
    """
    worded = " ".join(text.split())
    key = worded.lower().rstrip(".,:;").replace("\u2019", "'")
    if _IMMEDIATE.match(key):
        return Deadline(worded, DeadlineKind.IMMEDIATE)
    match = _WITHIN.match(key)
    if match:
        n, unit = _count(match.group(1)), match.group(2)
        if n:
            if unit == "month":
                return Deadline(worded, DeadlineKind.RELATIVE, months=n)
            return Deadline(worded, DeadlineKind.RELATIVE, days=n * (7 if unit == "week" else 1))
    match = _BY.match(key)
    if match:
        day, month, year = match.group(1), _MONTHS.get(match.group(2)), int(match.group(3))
        if month is not None:
            last = calendar.monthrange(year, month)[1]
            if day is None or 1 <= int(day) <= last:
                return Deadline(worded, DeadlineKind.FIXED,
                                on=date(year, month, int(day) if day else last))
    return Deadline(worded, DeadlineKind.UNREAD)


def due_date(worded: str | None, published: date | None) -> date | None:
    """Return the due date of a worded deadline, or None when it cannot be computed."""
    return None if worded is None else parse_deadline(worded).due(published)


def describe_deadline(worded: str | None, published: date | None) -> str:
    """Return the deadline as a reader should see it, never a guessed date.

    The report's words come first, a date we worked out after them in brackets
    (in a table whose column says so): "31 March 2024", "Within six months of
    publication (by 14 May 2024)",
    "Within six months of publication (publication date not supplied)", "Immediately",
    or the wording itself when it cannot be read.
    """
    if worded is None:
        return "No deadline stated"
    deadline = parse_deadline(worded)
    due = deadline.due(published)
    if deadline.kind is DeadlineKind.FIXED and due is not None:
        return long_date(due)
    if deadline.kind is DeadlineKind.UNREAD:
        return f"As worded: “{deadline.worded}”"
    if deadline.kind is DeadlineKind.IMMEDIATE:
        return "Immediately" + (f" (report published {long_date(due)})" if due else "")
    phrase = _relative_phrase(deadline)
    if due is None:
        why = "publication date not supplied" if published is None else "date out of range"
        return f"{sentence_case(phrase)} ({why})"
    return f"{sentence_case(phrase)} (by {long_date(due)})"


def due_words(worded: str, published: date | None) -> str:
    """Return a deadline in the report's own terms, any date we worked out after it in brackets.

    "by 31 March 2025"; "within three months (12 December 2024)": the report's
    term as the data records it, the date ours; "immediately" (from publication, whose
    date the brief's opening gives); a wording that cannot be read, as worded.  The
    term is the data's, never guessed: without a publication date, a relative term
    says so instead of a date.
    """
    deadline = parse_deadline(worded)
    due = deadline.due(published)
    if deadline.kind is DeadlineKind.FIXED and due is not None:
        return f"by {long_date(due)}"
    if deadline.kind is DeadlineKind.IMMEDIATE:
        return "immediately" if published is not None else "immediately on publication"
    if deadline.kind is DeadlineKind.UNREAD:
        return f"as worded: “{deadline.worded}”"
    # the report's term as the data records it ("within three months"), the date ours
    term = deadline.worded.rstrip(".,;:")
    when = long_date(due) if due is not None else (
        "publication date not supplied" if published is None else "date out of range")
    return f"{term[:1].lower()}{term[1:]} ({when})"


def _relative_phrase(deadline: Deadline) -> str:
    body = re.sub(r"\s+(?:of|from|after)\s+.*$", "", deadline.worded, flags=re.IGNORECASE)
    return f"{body[0].lower()}{body[1:]} of publication"
