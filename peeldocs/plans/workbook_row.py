"""One row of a register workbook as ``actions import`` reads it: each cell checked.

Dates must be dates, statuses and RAG ratings one of the words the plans use
(in any case); a problem is recorded at its cell, so every refused edit of a
workbook is listed at once.  The lines an owner wrote in 'New action' or 'New
evidence' are read one to a line, without those the item already holds.
"""

from __future__ import annotations

from typing import Any

from peeldocs.errors import Problem
from peeldocs.plans.plan import ItemStatus, Rag
from peeldocs.plans.workbook_read import NotADate, SheetRow, cell_date


def text_of(value: Any) -> str | None:
    """Return a cell's text, trimmed; a number or date as text; None when empty."""
    if value is None:
        return None
    text = " ".join(str(value).split()) if not isinstance(value, str) else value.strip()
    return text or None


def _status(value: Any) -> str | None:
    """Return a status as the plans write it, in any case and either sign-off spelling."""
    text = text_of(value)
    return text.lower().replace("sign off", "sign-off").replace("signoff", "sign-off") \
        if text else None


class RowReader:
    """Reads one row's cells, collecting problems located at their cells."""

    def __init__(self, row: SheetRow, file: str, problems: list[Problem]) -> None:
        self.row, self.file, self.problems = row, file, problems

    def problem(self, key: str, message: str) -> None:
        """Record a problem at the row's cell of column ``key``."""
        self.problems.append(Problem(self.file, None, self.row.at(key), message))

    def value(self, key: str, kind: str) -> tuple[bool, Any]:
        """Return whether the cell of column ``key`` is valid as ``kind``, and its value."""
        raw = self.row.cells.get(key)
        if kind == "date":
            try:
                return True, cell_date(raw)
            except NotADate as exc:
                self.problem(key, str(exc))
                return False, None
        if kind == "status":
            text = _status(raw)
            if text is None:
                self.problem(key, "the status is empty; choose one of: "
                                  f"{', '.join(s.value for s in ItemStatus)}")
                return False, None
            if text not in {s.value for s in ItemStatus}:
                self.problem(key, f"'{text_of(raw)}' is not a status; choose one of: "
                                  f"{', '.join(s.value for s in ItemStatus)}")
                return False, None
            return True, text
        if kind == "rag":
            text = text_of(raw)
            if text is not None and text.lower() not in {r.value for r in Rag}:
                self.problem(key, f"'{text}' is not a RAG rating; choose red, amber or green "
                                  "(or leave it as the register set it)")
                return False, None
            return True, text.lower() if text else None
        return True, text_of(raw)



    def added(self, key: str, held: tuple[str, ...]) -> list[str]:
        """Return the lines of column ``key`` to add to a list that holds ``held``.

        One action or evidence reference to a line; a line the list already holds
        (in any case or spacing) is not added again, so a workbook imported twice
        adds nothing the second time.
        """
        text = self.row.cells.get(key)
        if not isinstance(text, str):
            text = text_of(text) or ""
        have = {" ".join(h.split()).lower() for h in held}
        out: list[str] = []
        for line in text.splitlines():
            line = " ".join(line.split())
            if line and line.lower() not in have:
                have.add(line.lower())
                out.append(line)
        return out
