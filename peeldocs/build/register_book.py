"""The register workbook, worded as the register document is.

The workbook is written in :mod:`peeldocs.plans.workbook`, which knows
nothing of documents; what it prints that the register document words (where
the actions stand, what stands out, each finding's actions and latest update
with a moved target and its reason) is worded here, by the same functions the
document uses, and handed in, so the printed workbook and the document never
disagree.
"""

from __future__ import annotations

from datetime import datetime

from peeldocs.options import Options
from peeldocs.plans.register import Entry, Register
from peeldocs.plans.workbook import register_workbook as plain_workbook
from peeldocs.plans.workbook_values import EntryWords, PrintedWords
from peeldocs.sections.common import wording
from peeldocs.sections.register_cells import (
    actions_text,
    hand_reason,
    latest_text,
    moved_words,
    planned_text,
    update_age,
)
from peeldocs.sections.register_docs import paper_context
from peeldocs.sections.register_message import main_message


def entry_words(entry: Entry, reg: Register) -> EntryWords:
    """Return one finding's actions and latest update, as the register's table says them."""
    return EntryWords(actions=actions_text(entry), hand=hand_reason(entry),
                      moved=moved_words(entry), latest=latest_text(entry),
                      age=update_age(entry, reg.as_of) if entry.latest else None,
                      planned=planned_text(entry))


def printed_words(reg: Register, options: Options | None = None) -> PrintedWords:
    """Return what the register document says, for the workbook to print the same.

    >>> import peeldocs
    >>> reg = peeldocs.register(["examples/norfolk-2018-action-plan.yaml"], as_of="2024-10-15")
    >>> words = printed_words(reg)
    >>> words.headline[0][1].startswith("As of 15 October 2024 the register tracks")
    True
    """
    options = options or Options()
    standing = wording("update_position.j2", options, **paper_context(reg, options))
    headline = [("Where the actions stand", standing)] if standing else []
    if message := main_message(reg):
        headline.append(("What stands out", message))
    return PrintedWords(headline=tuple(headline), entries={
        (e.plan, e.state.item.finding): entry_words(e, reg) for e in reg.entries})


def register_workbook(reg: Register, *, per_inspection: bool = False,
                      created: datetime | None = None, marking: str | None = None,
                      options: Options | None = None) -> bytes:
    """Return the register as ``.xlsx`` bytes, worded as the register document is.

    ``marking`` (else ``options``' marking) goes into every sheet's header and
    footer; without one, each says it is to be completed.

    >>> import io, openpyxl, peeldocs
    >>> reg = peeldocs.register(["examples/norfolk-2018-action-plan.yaml"], as_of="2019-10-15")
    >>> book = openpyxl.load_workbook(io.BytesIO(peeldocs.register_workbook(reg)))
    >>> book.sheetnames, book.security.lockStructure
    (['About', 'Summary', 'Register', 'As exported'], True)
    """
    options = options or Options()
    return plain_workbook(reg, per_inspection=per_inspection, created=created,
                          marking=marking or options.marking.value,
                          words=printed_words(reg, options))

