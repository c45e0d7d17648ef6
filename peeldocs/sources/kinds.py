"""What a file given as a report is, when it is not one, and which command takes it.

A user who gives ``build`` a PDF, a saved page, a grade table or an action plan
learns what the file is and what to do with it, not "not UTF-8" or "expected a
mapping of keys".
"""

from __future__ import annotations

import re
from typing import Any

GRADE_TABLE = re.compile(rb"^\s*(?:\xef\xbb\xbf)?force\s*,\s*cycle\s*,", re.I)
HTML = re.compile(rb"<!doctype html|<html[\s>]|<body[\s>]", re.I)
PAGE_WORDS = re.compile(rb"\bPEEL\b|HMICFRS|inspection", re.I)
IMPORT = "peeldocs import PAGE -o REPORT.yaml turns a published PEEL page into one"


def other_kind(data: bytes, parsed: Any) -> str | None:
    """Return what ``data`` is when it is plainly not a report data file, or None.

    ``parsed`` is what reading it as YAML or JSON gave (None when it could not
    be read).
    """
    head = data[:4096]
    if head.startswith(b"%PDF"):
        return f"this is a PDF document, not a report data file; {IMPORT} (copy its text)"
    if head.startswith(b"PK\x03\x04"):
        return ("this is a Word document or another zip file, not a report data file; "
                "reports are YAML data files (see peeldocs schema)")
    if HTML.search(head):
        return f"this is a saved web page, not a report data file; {IMPORT}"
    if GRADE_TABLE.match(head):
        return ("this is a grade table (CSV), not a report data file; peeldocs compare takes "
                "grade tables")
    if isinstance(parsed, dict) and "items" in parsed and "force" not in parsed:
        return ("this is an action plan, not a report data file; give it with --actions "
                "beside its report, or to peeldocs actions status")
    if not isinstance(parsed, dict) and PAGE_WORDS.search(head):
        return f"this looks like the copied text of a page, not a report data file; {IMPORT}"
    return None
