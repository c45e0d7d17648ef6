"""The About sheet's 'Where the actions stand' as a formula, so an owner's edit moves it.

The register document says 'As of 15 October 2024 the register tracks eight
findings (two awaiting allocation, four in progress, none pending sign-off and
two closed), with seven actions planned between them.'  (The split is of the
findings, not of the actions, so it sits with the findings: read 34.)  On the About sheet
the counts are worked out from the register sheets' 'Status' and 'New action'
cells, in the same words (counts to ten in words, 'none' for nought), and the
formula is stored with what it gives as exported (:func:`standing_words`), so
the printed About page and the Summary never disagree after an edit.  What the
workbook cannot work out (what stands out) is said to be as issued
(:func:`as_issued`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import Register
from peeldocs.prose import count_words, join_words, long_date

STANDING_LABEL = "Where the actions stand"
"""The About row the register document's count of actions by status goes in."""
OUTSTANDING_LABEL = "What stands out"
"""The About row of what the register document says stands out: worded, not worked out."""
_SMALL = tuple(count_words(n) for n in range(11))


@dataclass(frozen=True, slots=True)
class Cells:
    """One register sheet's cells the counts read: its name, columns and first and last rows."""

    sheet: str
    status: str
    new_action: str
    first: int
    last: int
    owner: str = ""
    overdue: str = ""
    days_overdue: str = ""

    def range(self, column: str) -> str:
        """Return the sheet's cells of ``column``: 'Register'!$G$3:$G$10."""
        quoted = self.sheet.replace("'", "''")
        return f"'{quoted}'!${column}${self.first}:${column}${self.last}"


def words_formula(count: str, zero: str) -> str:
    """Return a formula expression saying ``count`` as the house does: words to ten, then digits."""
    small = ",".join(f'"{w}"' for w in _SMALL[1:])
    return f'IF({count}=0,"{zero}",IF({count}<=10,CHOOSE({count},{small}),TEXT({count},"#,##0")))'


def _status_count(sheets: Sequence[Cells], status: ItemStatus) -> str:
    """Return how many rows of every register sheet have ``status``, as a formula expression."""
    word = status.value[:1].upper() + status.value[1:]
    return "+".join(f'COUNTIF({c.range(c.status)},"{word}")' for c in sheets)


def _new_actions(sheets: Sequence[Cells]) -> str:
    """Return how many lines owners wrote under 'New action', as a formula expression."""
    return "+".join(
        f"SUMPRODUCT((LEN(TRIM({r}))>0)*(LEN({r})-LEN(SUBSTITUTE({r},CHAR(10),\"\"))+1))"
        for r in (c.range(c.new_action) for c in sheets))


def standing_words(as_of: date, total: int, planned: int, counts: dict[ItemStatus, int]) -> str:
    """Say where the actions stand, as the register document does (and the formula gives).

    >>> counts = dict(zip(ItemStatus, (2, 4, 0, 2), strict=True))
    >>> print(standing_words(date(2024, 10, 15), 8, 7, counts))  # doctest: +NORMALIZE_WHITESPACE
    As of 15 October 2024 the register tracks eight findings (two awaiting allocation, four in
    progress, none pending sign-off and two closed), with seven actions planned between them.
    """
    def counted(n: int, noun: str) -> str:
        return f"{count_words(n)} {noun}{'' if n == 1 else 's'}"

    phrases = join_words(f"{count_words(n) if n else 'none'} {s.value}" for s, n in counts.items())
    return (f"As of {long_date(as_of)} the register tracks {counted(total, 'finding')} "
            f"({phrases}), with {counted(planned, 'action')} planned between them.")


def standing_formula(as_of: date, total: int, planned: int, sheets: Sequence[Cells],
                     when: str | None = None) -> str:
    """Return the formula of :func:`standing_words`, counting from the register sheets.

    ``planned``: the actions the plans list; each line an owner writes under 'New
    action' counts as one more, as it will once the file is returned.  Every status
    is named, none or not, as the document names them.  ``when``: the register's
    date as a formula expression (the cell the keeper sets), else ``as_of`` as text.
    """
    day = when or f'"{long_date(as_of)}"'
    actions = f"({planned}+{_new_actions(sheets)})"
    said = [f'{words_formula(_status_count(sheets, s), "none")}&" {s.value}"' for s in ItemStatus]
    joined = "&\", \"&".join(said[:-1]) + (f'&" and "&{said[-1]}' if len(said) > 1 else "")
    if len(said) == 1:
        joined = said[0]
    finding = "finding" if total == 1 else "findings"
    return (f'="As of "&{day}&" the register tracks {count_words(total)} {finding} ("'
            f'&{joined}&"), with "&{words_formula(actions, "no")}'
            f'&IF({actions}=1," action"," actions")&" planned between them."')


def as_issued(as_of: date, words: str) -> str:
    """Say that ``words`` are as the register was issued, not worked out again after an edit."""
    return (f"As issued with the register of {long_date(as_of)}; not updated by edits to this "
            f"workbook. {words}")


def set_standing(about: Any, reg: Register, sheets: Sequence[Cells],
                 said: str | None, when: str | None = None) -> dict[str, str]:
    """Make the About sheet's 'Where the actions stand' a formula; return its stored value.

    Only where the register document's sentence (``said``) is the one
    :func:`standing_words` gives (an English register that tracks findings):
    otherwise the words stay as the document has them, labelled as issued.
    """
    row = next((r for r in range(1, about.max_row + 1)
                if about.cell(r, 1).value == STANDING_LABEL), None)
    if row is None or said is None:
        return {}
    total, planned = len(reg.entries), reg.planned_actions()
    value = standing_words(reg.as_of, total, planned, reg.by_status())
    cell = about.cell(row, 2)
    if not sheets or not total or value != said:
        cell.value = as_issued(reg.as_of, said)
        about.row_dimensions[row].height = (about.row_dimensions[row].height or 15) + 15
        return {}
    cell.value = standing_formula(reg.as_of, total, planned, sheets, when)
    return {cell.coordinate: value}
