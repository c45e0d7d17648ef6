"""What the register workbook's Summary says that only the documents can word, and its cached values.

The Summary prints each finding's planned actions and its latest update as
the register document gives them: a target moved, from when and why, a rating
set by hand with its reason, and an update said to be old by the one rule of
:func:`~peeldocs.plans.rules.stale_words`.  Those words are the documents'
(worded where documents are built, handed in as :class:`PrintedWords`), so the
printed workbook and the register document never disagree.

Every Summary cell is a formula; a file previewer that does not calculate
(a phone, a mail attachment's preview) shows the value stored with it, so
:func:`with_values` stores, beside each formula, what it gives for the
register as exported.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

EXCEL_EPOCH = date(1899, 12, 30)
"""Day 0 of a spreadsheet's date serials (1900 date system)."""
_LITERAL = 250  # a formula's text constant holds at most 255 characters


@dataclass(frozen=True, slots=True)
class EntryWords:
    """One finding's printed words, as the register document says them."""

    actions: str
    """'Actions planned', with a closure's sign-off and evidence, or 'No actions recorded.'."""
    hand: str = ""
    """A RAG rating set by hand, with its reason: said first."""
    moved: str = ""
    """'Target moved from 14 September 2024: …', or ''."""
    latest: str = "No update recorded"
    """The latest update with its date, or that there is none."""
    age: int | None = None
    """How many days old the latest update is on the as-of date (None: none)."""
    deadline: str = ""
    """That HMICFRS's own deadline passed ('HMICFRS’s deadline passed on 14 September 2024. '),
    when it had on the register's date and the finding is open; else ''."""
    planned: str | None = None
    """The plan's actions alone, as a sentence ('' when it lists none; None: not given, and
    'actions' is printed as it stands)."""


@dataclass(frozen=True, slots=True)
class PrintedWords:
    """What the register document says, for the workbook to print the same."""

    headline: tuple[tuple[str, str], ...] = ()
    """(label, sentences) the register document leads with: where the actions stand, what
    stands out."""
    entries: dict[tuple[str, str], EntryWords] = field(default_factory=dict)
    """Each finding's words, by (plan file, finding reference)."""


def text_literal(text: str) -> str:
    """Return ``text`` as a formula's text constant, in pieces of at most 250 characters.

    >>> print(text_literal('Say "hi" now'))
    "Say ""hi"" now"
    >>> text_literal(""), text_literal("x" * 260).count("&")
    ('""', 1)
    """
    if not text:
        return '""'
    pieces = [text[i:i + _LITERAL] for i in range(0, len(text), _LITERAL)]
    return "&".join('"' + p.replace('"', '""') + '"' for p in pieces)


def dated_text(text: str, when: date, ref: str) -> str:
    """Return ``text`` as a formula expression, each mention of ``when`` read from ``ref``.

    So a title or sentence that names the register's date follows the date cell the
    keeper sets: 'as of 15 October 2024' becomes 'as of '&TEXT(ref,"d mmmm yyyy").

    >>> print(dated_text("As of 5 May 2024.", date(2024, 5, 5), "B6"))
    "As of "&TEXT(B6,"d mmmm yyyy")&"."
    """
    parts = text.split(f"{when.day} {when:%B %Y}")
    out: list[str] = []
    for i, part in enumerate(parts):
        if i:
            out.append(f'TEXT({ref},"d mmmm yyyy")')
        if part:
            out.append(text_literal(part))
    return "&".join(out) or '""'


def serial(day: date) -> int:
    """Return a date as a spreadsheet's date serial: 15 Oct 2024 -> 45580.

    >>> serial(date(2024, 10, 15))
    45580
    """
    return (day - EXCEL_EPOCH).days


_SHEETS = re.compile(rb'<sheet [^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"')
_TARGETS = re.compile(rb'<Relationship [^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"')
_TARGETS_FIRST = re.compile(rb'<Relationship [^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"')


def _sheet_member(src: zipfile.ZipFile, sheet: str) -> str:
    """Return the package member that holds the sheet named ``sheet``."""
    ids = {n.decode(): r.decode() for n, r in _SHEETS.findall(src.read("xl/workbook.xml"))}
    rels = src.read("xl/_rels/workbook.xml.rels")
    targets = {i.decode(): t.decode() for i, t in _TARGETS.findall(rels)}
    targets.update({i.decode(): t.decode() for t, i in _TARGETS_FIRST.findall(rels)})
    target = targets[ids[escape(sheet, {'"': "&quot;", "'": "&apos;"})]].lstrip("/")
    return target if target.startswith("xl/") else f"xl/{target}"


def with_values(data: bytes, sheet: str, values: Mapping[str, str | int | float]) -> bytes:
    """Return the package with each formula cell of ``sheet`` named in ``values`` given its value.

    ``values``: by cell ('D3'), what the formula gives (text, or a number or date
    serial).  The formulas are kept, so a spreadsheet program calculates them again
    on opening.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    member = _sheet_member(src, sheet)

    def put(match: re.Match[bytes]) -> bytes:
        ref, attrs, formula = match.group(1), match.group(2), match.group(3)
        if ref.decode() not in values:
            return match.group(0)
        value = values[ref.decode()]
        attrs = re.sub(rb'\s+t="[^"]*"', b"", attrs)
        if isinstance(value, str):
            return (b'<c r="' + ref + b'"' + attrs + b' t="str"><f>' + formula + b"</f><v>"
                    + escape(value).encode() + b"</v></c>")
        return (b'<c r="' + ref + b'"' + attrs + b"><f>" + formula + b"</f><v>"
                + repr(value).encode() + b"</v></c>")

    cell = re.compile(rb'<c r="([A-Z]+[0-9]+)"([^>]*)><f>(.*?)</f>(?:<v\s*/>|<v>[^<]*</v>)?</c>',
                      re.S)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            dst.writestr(info, cell.sub(put, body) if info.filename == member else body)
    return out.getvalue()


_HEADER = re.compile(rb"<oddHeader>.*?</oddHeader>", re.S)


def header_breaks(data: bytes) -> bytes:
    """Return the package with each page header's line breaks written as line breaks.

    openpyxl writes a header's new line as ``_x000a_``, which Excel reads as one
    but LibreOffice prints as it stands; a line break itself is read as one by both.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                body = _HEADER.sub(lambda m: m.group(0).replace(b"_x000a_", b"\n"), body)
            dst.writestr(info, body)
    return out.getvalue()
