"""Quoted fragments shown with standard editorial marks.

An earlier finding is often quoted from the middle of a passage: "This was to
ensure that it put ...", "Second, it needed to ...".  Shown alone it reads as
a whole finding with a dangling "This" or "Second".  :func:`fragment` keeps
every quoted word and marks what the pack changed: an ellipsis where leading
words are left out, square brackets round words the pack supplies, and an
ellipsis where the quotation stops mid-sentence.
"""

from __future__ import annotations

import re

_ORDINAL = re.compile(
    r"^(?:First|Firstly|Second|Secondly|Third|Thirdly|Fourth|Finally|Lastly|Also|In addition|"
    r"Additionally|Furthermore|Moreover|However|Similarly|Then|Next),\s+", re.IGNORECASE)
_THIS = re.compile(r"^(?:This|That|These|Those|It)\s+(?=(?:was|were|is|are|concerned|concerns|"
                   r"related|relates|asked|required|meant|called)\b)")
_PRONOUN = re.compile(r"^(?:it|they)\b", re.IGNORECASE)


def fragment(text: str, kind: str = "finding") -> str:
    """Return ``text`` with editorial marks if it is a fragment of a longer passage.

    ``kind`` names what the fragment refers to ("area for improvement"), for the
    bracketed words that replace a leading "This".  Text that reads as a whole
    sentence is returned unchanged.
    """
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
        if this:
            out = f"[The {kind}] " + out[this.end():]
    if out[-1] not in ".!?”’\")…":
        out += " …"
    return out
