"""All build options in one frozen object, checked when it is made.

Natural inputs are accepted and normalised (a marking by name, dates as ISO
text, section names as ``"cover,summary"``); anything else is refused at once
with :class:`~peeldocs.errors.OptionTypeError` (a :class:`TypeError`) or
:class:`~peeldocs.errors.OptionError` (a :class:`ValueError`) naming the field,
the value and what is allowed.  Each field's check is one line of ``CHECKS``.
"""

from __future__ import annotations

import difflib
import enum
import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peeldocs.errors import OptionError, OptionTypeError, PeeldocsError
from peeldocs.model import Report
from peeldocs.options.files import (
    path_value,
    plan_value,
    template_folder,
    theme_value,
    welsh_report_value,
)
from peeldocs.options.names import DOCUMENTS_GROUP, SECTIONS_GROUP, languages_of, names_from, registered
from peeldocs.plans.plan import Plan
from peeldocs.theme import Theme, default_theme

DEFAULT_SECTIONS = ("cover", "contents", "summary", "questions", "actions")


class Marking(enum.Enum):
    """Government Security Classifications protective markings.

    >>> Marking.OFFICIAL_SENSITIVE.value
    'OFFICIAL-SENSITIVE'
    """

    NONE = ""
    OFFICIAL = "OFFICIAL"
    OFFICIAL_SENSITIVE = "OFFICIAL-SENSITIVE"


def marking_from_text(text: str | None) -> Marking:
    """Parse a marking such as ``official-sensitive``; empty or ``none`` means none.

    >>> marking_from_text("official sensitive")
    <Marking.OFFICIAL_SENSITIVE: 'OFFICIAL-SENSITIVE'>
    """
    wanted = (text or "").strip().upper().replace("_", "-").replace(" ", "-")
    for marking in Marking:
        if wanted in (marking.value, marking.name.replace("_", "-")):
            return marking
    names = ", ".join(m.value for m in Marking if m.value)
    close = difflib.get_close_matches(wanted, [m.value for m in Marking if m.value], n=1,
                                      cutoff=0.6)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise OptionError(f"{text!r} is not a protective marking; {hint}expected one of: {names} "
                      "(or none)")


class DefaultClock(datetime):
    """The build time read when the options were made, not given by the caller."""


UNSET_CLOCK = datetime(1, 1, 1, tzinfo=timezone.utc)
"""The default of ``Options.clock``: the build time is then read when the options are made."""


def clock_from_environment() -> datetime:
    """Return the build time: ``SOURCE_DATE_EPOCH`` when set, else now (UTC).

    >>> clock_from_environment().tzinfo
    datetime.timezone.utc
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise PeeldocsError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds"
            ) from None
    return datetime.now(tz=timezone.utc).replace(microsecond=0)


def _known_sections() -> list[str]:
    return list(registered(SECTIONS_GROUP))


def _sections(name: str, value: object) -> tuple[str, ...]:
    return names_from(value, _known_sections, "section", name)


def _known_documents() -> list[str]:
    return list(registered(DOCUMENTS_GROUP))


def _document(name: str, value: object) -> str:
    names = names_from(value, _known_documents, "document", name)
    if len(names) != 1:
        raise OptionError(f"{name}: {value!r} names {len(names)} documents; give one")
    return names[0]


def _text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise OptionTypeError(f"{name}: expected text, got {type(value).__name__}: {value!r}")
    return value


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise OptionTypeError(f"{name}: expected True or False, got {type(value).__name__}: "
                              f"{value!r}")
    return value


def _marking(name: str, value: object) -> Marking:
    if isinstance(value, Marking):
        return value
    if value is None or isinstance(value, str):
        try:
            return marking_from_text(value)
        except OptionError as exc:
            raise OptionError(f"{name}: {exc}") from None
    raise OptionTypeError(f"{name}: expected a Marking or its name such as 'OFFICIAL', got "
                          f"{type(value).__name__}: {value!r}")


def _clock(name: str, value: object) -> datetime:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise OptionError(f"{name}: {value!r} is not a date and time "
                              "(YYYY-MM-DDTHH:MM:SS)") from None
    if not isinstance(value, datetime):
        raise OptionTypeError(f"{name}: expected a datetime, got {type(value).__name__}: "
                              f"{value!r}")
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _date(name: str, value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise OptionError(f"{name}: {value!r} is not a date; expected YYYY-MM-DD") from None
    raise OptionTypeError(f"{name}: expected a date or YYYY-MM-DD text, got "
                          f"{type(value).__name__}: {value!r}")


def _language(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise OptionTypeError(f"{name}: expected text such as 'cy' or 'cy+en', got "
                          f"{type(value).__name__}: {value!r}")
    try:
        return "+".join(languages_of(value))
    except ValueError as exc:
        raise OptionError(f"{name}: {exc}") from None


# One check per field: it returns the normalised value or raises naming the field.
CHECKS: dict[str, Callable[[str, Any], Any]] = {
    "sections": _sections,
    "audience": _text,
    "marking": _marking,
    "theme": theme_value,
    "clock": _clock,
    "as_of": _date,
    "published": _date,
    "template_dir": template_folder,
    "reference_docx": path_value("file"),
    "author": _text,
    "plan": plan_value,
    "document": _document,
    "allow_unknown": _flag,
    "language": _language,
    "welsh_report": welsh_report_value,
}


@dataclass(frozen=True, slots=True)
class Options:
    """How to build a pack; every field has a sensible default and is checked when made.

    ``document`` names the kind of document: ``pack`` (the briefing pack), ``brief``,
    ``committee`` or ``s55``, or one a plugin registers; ``sections`` applies to the pack.

    >>> from datetime import date
    >>> opts = Options(marking="official", published="2019-05-02", sections="cover, summary")
    >>> opts.marking, opts.published, opts.sections
    (<Marking.OFFICIAL: 'OFFICIAL'>, datetime.date(2019, 5, 2), ('cover', 'summary'))
    >>> Options(sections="sumary")
    Traceback (most recent call last):
    ...
    peeldocs.errors.OptionError: sections: unknown section 'sumary'; did you mean 'summary'? ...
    """

    sections: tuple[str, ...] = DEFAULT_SECTIONS
    audience: str = "chief officer group"
    marking: Marking = Marking.NONE
    theme: Theme = field(default_factory=default_theme)
    clock: datetime = UNSET_CLOCK
    """The build time; by default ``SOURCE_DATE_EPOCH`` or now, when the options are made."""
    as_of: date | None = None
    published: date | None = None
    template_dir: Path | None = None
    reference_docx: Path | None = None
    author: str = ""
    """Who the document is by, for its author property: the organisation, or empty (never
    the program that made it)."""
    plan: Plan | None = None
    document: str = "pack"
    allow_unknown: bool = False
    """Build even when the report marks facts unknown; the pack then marks each one."""
    language: str = "en"
    """The document's language: ``en``, ``cy`` (Welsh), or bilingual ``cy+en`` or ``en+cy``
    (the first-named language first)."""
    welsh_report: Report | None = None
    """The same report as published in Welsh: a bilingual or Welsh document quotes it in its
    Welsh part (see :func:`peeldocs.load_report`)."""

    if TYPE_CHECKING:  # what callers may pass: the natural forms each check accepts
        def __init__(self, sections: tuple[str, ...] | list[str] | str = DEFAULT_SECTIONS,
                     audience: str = ..., marking: Marking | str | None = ...,
                     theme: Theme | str | os.PathLike[str] = ...,
                     clock: datetime | str = ..., as_of: date | str | None = None,
                     published: date | str | None = None,
                     template_dir: str | os.PathLike[str] | None = None,
                     reference_docx: str | os.PathLike[str] | None = None,
                     author: str = ..., plan: Plan | None = None, document: str = ...,
                     allow_unknown: bool = False, language: str = "en",
                     welsh_report: Report | None = None) -> None: ...

    def __post_init__(self) -> None:
        if self.clock is UNSET_CLOCK:
            now = clock_from_environment()
            object.__setattr__(self, "clock", DefaultClock.fromtimestamp(now.timestamp(),
                                                                        now.tzinfo))
        for name, check in CHECKS.items():
            object.__setattr__(self, name, check(name, getattr(self, name)))

    @property
    def clock_given(self) -> bool:
        """Whether ``clock`` was given (two options that both take "now" are the same request)."""
        return not isinstance(self.clock, DefaultClock)

    def _compared(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f.name) for f in fields(self)
                     if f.compare and (f.name != "clock" or self.clock_given))

    def __eq__(self, other: object) -> bool:
        """Equal when every field is; a clock counts only when given (see ``clock_given``)."""
        if not isinstance(other, Options):
            return NotImplemented
        return self.clock_given == other.clock_given and self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, f.name) for f in fields(self)
                          if f.compare and f.name != "clock"))

    @property
    def as_of_date(self) -> date:
        """The date the pack speaks as of: ``as_of`` or the clock's date.

        >>> Options(as_of="2019-10-15").as_of_date
        datetime.date(2019, 10, 15)
        """
        return self.as_of or self.clock.date()
