"""The Welsh catalogue defines each message once (GNU msgfmt refuses a duplicate).

Two engineers adding the same sentence on two branches once merged into a catalogue
that Babel read without complaint and ``msgfmt -c`` refused; this catches it in the
suite, without needing gettext installed.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "templates" / "locale" / "cy.po"


def _entries(text: str) -> list[tuple[str, str]]:
    """Each entry's context and message id, continuation lines joined."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.splitlines() if not line.startswith("#")]
        context, msgid, current = "", None, ""
        for line in lines:
            if line.startswith("msgctxt "):
                current, context = "ctxt", line[8:]
            elif line.startswith("msgid "):
                current, msgid = "id", line[6:]
            elif line.startswith("msgstr"):
                current = "str"
            elif line.startswith('"') and current == "id" and msgid is not None:
                msgid += line
            elif line.startswith('"') and current == "ctxt":
                context += line
        if msgid is not None and msgid != '""':
            out.append((context, msgid))
    return out


def test_every_message_is_defined_once() -> None:
    counts = Counter(_entries(CATALOGUE.read_text(encoding="utf-8")))
    assert counts, "the catalogue has entries"
    assert [entry for entry, n in counts.items() if n > 1] == []
