"""The one rule for characters no output format can hold.

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
