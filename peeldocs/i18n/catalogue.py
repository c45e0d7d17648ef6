"""Message catalogues: our own wording in each language, and whether a translator reviewed it.

A catalogue is a gettext ``.po`` file (``templates/locale/<language>.po``, read
with Babel).  A message id is our English wording as documents show it, with
its variable parts named in braces; the typed names are

* ``{date}``, ``{date2}`` ...: a long date ("2 May 2019"), written in the
  document's language ("2 Mai 2019");
* ``{n}``, ``{n2}`` ...: a number, kept as written;
* ``{count}``: a count our English spells out ("nine"), shown as a figure ("9");
* ``{id}``: a finding's reference ("E2-AFI-1"), one word, kept as written;
* ``{cycle}``: an inspection cycle ("2017", "2021/22", "2023–25"), kept as written;
* ``{term}``, ``{term2}`` ...: one of our own words or phrases, itself translated
  through the catalogue ("recommendation" -> "argymhelliad");
* ``{phrase}``: as ``{term}``, but a phrase with no translation yet stays in
  English (marked so) instead of leaving the whole message untranslated;
* ``{terms}``: a list of such terms joined "a, b and c", re-joined in the
  document's language;
* ``{title}``, ``{quote}``, ``{force}``: the report's own words, kept verbatim and
  marked as in the report's language;
* any other name (``{id}``): kept verbatim, in no particular language.

In a translation, ``{term:soft}`` writes the term with the soft mutation it
takes after predicative "yn" ("yn dda", not "yn da").

Double square brackets (``[[the owner]]``) are the places an author completes.

A message marked ``fuzzy`` (gettext's "needs review") has not been reviewed by a
translator: it is used, and every document that uses it says so.  A translator
reviews a message by correcting its translation and clearing the flag, in any
``.po`` editor.

For translators, :func:`review_state` and :func:`po_for_translators` give what a
catalogue has not had reviewed, what wording it lacks, and a .po to work in: no
printing and no command-line knowledge (``peeldocs translations`` shows them, and
a script can call them).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from peeldocs.resources import templates_root

_FIELD = re.compile(r"\{([a-z]+[0-9]?)\}")
_PATTERNS = {
    "date": r"\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
            r"November|December) \d{4}",
    "n": r"\d[\d,]*",
    "count": r"no|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*",
    "id": r"\S+",
    "cycle": r"\d{4}(?:[/–-]\d{2,4})?",
}
COUNT_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
"""The counts our English wording spells out; a ``{count}`` field shows them as figures."""


def field_kind(name: str) -> str:
    """Return the kind of a message field from its name: ``date``, ``n``, ``term`` ... or ``text``."""
    base = name.rstrip("0123456789")
    if base in ("date", "n", "count", "id", "term", "terms", "phrase", "cycle"):
        return base
    return "quote" if base in ("title", "quote", "force") else "text"


@dataclass(frozen=True, slots=True)
class Message:
    """One message: our English wording, its translation, and whether a translator reviewed it."""

    msgid: str
    msgstr: str
    reviewed: bool
    fields: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    """For a message with fields: a pattern matching the English wording, one group a field."""


def _compile(msgid: str) -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    names = tuple(_FIELD.findall(msgid))
    if not names:
        return (), None
    parts: list[str] = []
    last = 0
    for match in _FIELD.finditer(msgid):
        parts.append(re.escape(msgid[last:match.start()]))
        name = match.group(1)
        body = _PATTERNS.get(field_kind(name), r".+?")
        parts.append(f"(?P<{name}>{body})")
        last = match.end()
    parts.append(re.escape(msgid[last:]))
    return names, re.compile("".join(parts) + r"\Z", re.DOTALL)


def make_message(msgid: str, msgstr: str, reviewed: bool = False) -> Message:
    """Return a message with its fields and pattern worked out from its English wording."""
    fields, pattern = _compile(msgid)
    return Message(msgid, msgstr, reviewed, fields, pattern)


class Catalogue:
    """The messages of one language, found by the English wording they translate."""

    def __init__(self, language: str, messages: list[Message], path: Path | None = None) -> None:
        self.language = language
        self.path = path
        self.messages = tuple(messages)
        self.exact = {m.msgid: m for m in messages if not m.fields}
        # the longest fixed wording first, so the most specific message wins
        self.patterned = sorted((m for m in messages if m.fields),
                                key=lambda m: -len(_FIELD.sub("", m.msgid)))
        self._first_words: dict[str, list[Message]] = {}
        for message in self.patterned:
            head = _FIELD.split(message.msgid, maxsplit=1)[0]
            # indexed by its first word only when that word is whole ("Response to {id}");
            # "‘{quote}’ was ..." starts mid-word and is tried for every text
            key = head.split(" ", 1)[0] if " " in head else ""
            self._first_words.setdefault(key, []).append(message)

    def matches(self, text: str) -> Iterator[tuple[Message, dict[str, str]]]:
        """Yield each message whose English wording ``text`` is, most specific first.

        A message with fields comes with each field's value; a caller that
        cannot use one (a ``{term}`` with no translation) tries the next.
        """
        exact = self.exact.get(text)
        if exact is not None:
            yield exact, {}
        word = text.split(" ", 1)[0]
        for key in (word, ""):  # a message starting with a field has no first word
            for message in self._first_words.get(key, ()):
                found = message.pattern.fullmatch(text) if message.pattern else None
                if found:
                    yield message, found.groupdict()

    def find(self, text: str) -> tuple[Message, dict[str, str]] | None:
        """Return the first message whose English wording is ``text``, with its fields' values."""
        return next(self.matches(text), None)

    def unreviewed(self) -> tuple[Message, ...]:
        """Return the messages no translator has reviewed yet, in catalogue order."""
        return tuple(m for m in self.messages if not m.reviewed)


def catalogue_path(language: str, user_dir: Path | None = None) -> Path:
    """Return the ``.po`` file of ``language``: the user's template folder's, else the shipped one."""
    if user_dir is not None and (user_dir / "locale" / f"{language}.po").is_file():
        return user_dir / "locale" / f"{language}.po"
    return templates_root() / "locale" / f"{language}.po"


@cache
def load_catalogue(language: str, user_dir: Path | None = None) -> Catalogue:
    """Read the catalogue of ``language`` (``cy``); a missing file is an empty catalogue."""
    path = catalogue_path(language, user_dir)
    if not path.is_file():
        return Catalogue(language, [], None)
    with open(path, "rb") as fh:
        po = read_po(fh, locale=language)
    messages = []
    for entry in po:
        if not entry.id or not isinstance(entry.id, str) or not isinstance(entry.string, str):
            continue
        if not entry.string:
            continue  # not translated yet: the English is used, and marked as English
        messages.append(make_message(entry.id, entry.string, reviewed=not entry.fuzzy))
    return Catalogue(language, messages, path)


PIECE = re.compile(r"\{([a-z]+[0-9]?)(?::(soft))?\}|\[\[(.+?)\]\]")
"""A field (``{date}``, ``{term:soft}``) or a place to complete (``[[the owner]]``) in a message."""


def fill(msgstr: str, values: dict[str, str]) -> str:
    """Return a translation with each field's value written in, as plain text."""
    return PIECE.sub(lambda m: values.get(m.group(1), m.group(0)) if m.group(1)
                      else m.group(0), msgstr)


@dataclass(frozen=True)
class ReviewState:
    """How far a catalogue's review has got: its messages, and which are unreviewed."""

    language: str
    path: Path | None
    total: int
    unreviewed: tuple[tuple[str, str], ...]
    """(English wording, translation) of each message no translator has reviewed."""

    @property
    def reviewed(self) -> int:
        """How many messages a translator has reviewed."""
        return self.total - len(self.unreviewed)


def review_state(catalogue: Catalogue) -> ReviewState:
    """Return how far ``catalogue``'s review has got."""
    return ReviewState(catalogue.language, catalogue.path, len(catalogue.messages),
                       tuple((m.msgid, m.msgstr) for m in catalogue.unreviewed()))


def po_for_translators(language: str, missing: tuple[str, ...] = (),
                       user_dir: Path | None = None) -> bytes:
    """Return the catalogue of ``language`` as a .po, with ``missing`` wording added untranslated.

    Every added entry is flagged ``fuzzy`` (not reviewed) and has an empty
    translation for the translator to write.
    """
    path = catalogue_path(language, user_dir)
    if path.is_file():
        with open(path, "rb") as fh:
            catalog = read_po(fh, locale=language)
    else:
        catalog = Catalog(locale=language, project="peeldocs")
    for text in missing:
        if text not in catalog:
            catalog.add(text, "", flags=("fuzzy",),
                        auto_comments=("Wording a document used that has no translation yet.",))
    out = io.BytesIO()
    write_po(out, catalog, width=0, omit_header=False)
    return out.getvalue()
