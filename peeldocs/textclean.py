"""The one rule for characters no output format can hold, and for cells a spreadsheet would run.

C0 and C1 control characters (other than tab and newline) and the non-characters
U+FFFE and U+FFFF cannot be drawn or stored in XML; every renderer shows them as
U+FFFD REPLACEMENT CHARACTER, so nothing disappears without trace.
"""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


def printable(text: str) -> str:
    """Return ``text`` with undrawable characters replaced by U+FFFD."""
    return CONTROL.sub("\ufffd", text)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet evaluate a cell (OWASP, CSV injection)."""


def spreadsheet_cell(value: object) -> object:
    """Return a CSV cell a spreadsheet shows as text, never runs as a formula.

    Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    gets a leading apostrophe, as OWASP recommends (the csv writer quotes the
    cell and doubles any quotation marks in it); numbers pass as numbers.
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
