"""Tables of the register, shared by the register document and the quarterly update.

Pure functions from a :class:`~peeldocs.plans.register.Register` to table blocks.  RAG is
always a word, with its colour only as help; an unknown addressee, a missing owner or
target is said in words, never left blank.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from peeldocs.blocks import Block, Cell, Paragraph, Table, plain
from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import NO_OWNER, Changes, Entry, InspectionLine, Register
from peeldocs.plans.register_names import short_labels
from peeldocs.prose import join_words, sentence_case
from peeldocs.sections.register_cells import (
    FIRST_SENTENCE,
    actions_text,
    date_cells,
    deadline_words,
    figure,
    finding_cell,
    latest_cell,
    published_heading,
    rag_cell,
    ref_cell,
)
from peeldocs.wording import long_date


def _cell(text: str, *, bold: bool = False) -> Cell:
    return Cell(plain(text, bold=bold))


def _ref_heads(rows: Sequence[tuple[Cell, ...]]) -> bool:
    """Mark each row's reference as its header, except in a table of a row or so.

    There the header cells would outnumber the data cells, which checkers read
    as a shredded table; one or two rows are read plainly by their column headers.
    """
    cols = len(rows[0]) if rows else 0
    return bool(rows) and cols + len(rows) <= len(rows) * (cols - 1)


def _target(entry: Entry) -> str:
    item = entry.state.item
    when = item.target
    return long_date(when) if when else "No target date"


def overdue_words(entry: Entry, as_of: date | None = None) -> str:
    """Say a target date, how late, and with ``as_of`` any HMICFRS deadline passed."""
    due, past = entry.state.item.target, deadline_words(entry, as_of)
    if not (entry.state.overdue and due):
        return f"{_target(entry)}; {past}" if past else _target(entry)
    days = entry.state.days_overdue
    said = f"{long_date(due)} ({figure(days)} {'day' if days == 1 else 'days'} overdue)"
    return f"{said}; {past}" if past else said


def status_table(reg: Register) -> Table:
    """Count the findings tracked by status, zeros included."""
    rows = tuple((_cell(s.value.capitalize()), _cell(str(n)))
                 for s, n in reg.by_status().items())
    rows += ((_cell("Total", bold=True), _cell(str(len(reg.entries)), bold=True)),)
    return Table(((_cell("Status"), _cell("Findings")),), rows, widths=(3.0, 1.2),
                 caption="Findings tracked, by status", numeric_columns=(1,))


def inspection_table(reg: Register, *, total: bool = False) -> Table:
    """Actions by inspection and status; with ``total``, a total row under two or more.

    Each inspection is named as the document's sentences name it after the first
    time ('PEEL inspection'); its kind has a column of its own only where a name
    does not already say it.
    """
    titles, names = reg.labels(), short_labels(reg)
    counts = reg.by_inspection()
    lines: list[tuple[str, InspectionLine | None, dict[ItemStatus, int]]] = [
        (names[line.plan], line, counts[titles[line.plan]]) for line in reg.inspections]
    # an entry whose plan is not among the inspections (never, from build_register): by title
    lines += [(title, None, c) for title, c in counts.items() if title not in titles.values()]
    kinds = any(line is None or line.kind.strip().lower() not in name.lower()
                for name, line, _c in lines)
    dated = published_heading(reg.inspections)
    head = ("Inspection", *(("Kind",) if kinds else ()), *dated,
            *(s.value.capitalize() for s in ItemStatus), "Total")
    rows = tuple((_cell(name),
                  *((_cell(sentence_case(line.kind if line else "unknown")),) if kinds else ()),
                  *(_cell(d) for d in (date_cells(line, reg.inspections) if line
                                       else ("Not recorded",) * len(dated))),
                  *(_cell(str(c[s])) for s in ItemStatus),
                  # an inspection whose items were not read has an unknown total, not 0
                  _cell("not read" if line is not None and not line.items_read
                        and not any(c.values()) else str(sum(c.values()))))
                 for name, line, c in lines)
    first = int(kinds) + len(dated)
    blank = (_cell(""),) * first
    if total and len(rows) > 1:
        by = reg.by_status()
        rows += ((_cell("Total", bold=True), *blank,
                  *(_cell(str(by[s]), bold=True) for s in ItemStatus),
                  _cell(str(len(reg.entries)), bold=True)),)
    widths = (1.8, 0.95, 2.05, 1.0, 1.0, 0.85, 0.8, 0.7) if kinds \
        else (2.0, 2.45, 1.05, 1.0, 0.9, 0.8, 0.7)
    return Table((tuple(_cell(h) for h in head),), rows, widths=widths,
                 caption="Findings tracked, by inspection and status",
                 numeric_columns=tuple(range(first + 1, first + 2 + len(ItemStatus))))


def owner_table(reg: Register) -> Table | None:
    """Open and overdue actions by owner, most overdue first."""
    owners = reg.by_owner()
    if not owners:
        return None
    rows = tuple((_cell(owner), _cell(str(n)), _cell(str(late)))
                 for owner, (n, late) in owners.items())
    return Table(((_cell("Owner"), _cell("Open findings"), _cell("Overdue")),), rows,
                 widths=(3.4, 1.1, 1.0), caption="Open and overdue findings, by owner",
                 numeric_columns=(1, 2))


def _inspection(entry: Entry, labels: Mapping[str, str]) -> Cell:
    """Return the entry's inspection, told apart from others with the same title."""
    return _cell(labels.get(entry.plan, entry.inspection))


def overdue_table(entries: tuple[Entry, ...], labels: Mapping[str, str] = {}, *,
                  as_of: date | None = None,
                  caption: str = "Most overdue first, with the latest update on each",
                  inspection: bool = True, actions: bool = False,
                  finding: bool = False, quoted_at: Mapping[str, str] = {},
                  dated: bool = False) -> Table | None:
    """Return the overdue actions with owner, target, days overdue and the latest update.

    With ``as_of``, an update more than a quarter old is said to be so; without
    ``inspection`` the table leaves out the inspection column (its caption names it);
    with ``actions`` it gives the actions planned; with ``finding`` the finding's
    first sentence, verbatim, and to whom it is addressed, or, for a finding the
    document quotes elsewhere (``quoted_at``, by entry key), where it is quoted; with
    ``dated`` only the latest update's date, its words being given elsewhere.
    """
    if not entries:
        return None
    # with the finding's words, the owner and how late in one column, to leave them room
    head = ("Ref", *((FIRST_SENTENCE,) if finding else ()),
            *(("Inspection",) if inspection else ()), *(("Actions",) if actions else ()),
            *(("Owner and target date",) if finding else ("Owner", "Target date",
                                                          "Days overdue")),
            "Latest update" if dated else "Progress")
    rows = []
    for e in entries:
        # read 36: a passed HMICFRS deadline leads the progress, not the narrow owner cell
        item, past = e.state.item, deadline_words(e, as_of) if finding else ""
        late, latest = past.startswith("HMICFRS"), latest_cell(e, as_of, dated=dated)
        rows.append((ref_cell(e, addressee=finding),
                     *((_cell(f"Quoted in {quoted_at[e.key]}.") if e.key in quoted_at
                        else finding_cell(e, short=True),) if finding else ()),
                     *((_inspection(e, labels),) if inspection else ()),
                     *((_cell(actions_text(e)),) if actions else ()),
                     *((_cell(f"{item.owner or NO_OWNER}; "
                              f"{overdue_words(e, None if late else as_of)}"),)
                       if finding else (_cell(item.owner or NO_OWNER), _cell(_target(e)),
                                        _cell(figure(e.state.days_overdue)))),
                     Cell((*plain(f"{past}. "), *latest.runs)) if late else latest))
    if finding:
        # five columns in portrait: the quoted finding widest, so it reads as prose
        widths = [1.8, 2.9, *((1.75,) if inspection else ()), *((1.6,) if actions else ()),
                  1.6, 2.25]
        return Table((tuple(_cell(h) for h in head),), tuple(rows), widths=tuple(widths),
                     caption=caption, row_headers=_ref_heads(rows))
    else:
        # the target date wide enough for '30 September 2019' on two lines at most (read 28-R)
        widths = [1.45, *((1.75,) if inspection else ()), *((1.7,) if actions else ()),
                  1.3, 1.45, 0.9, 2.25 if actions else 2.05 if inspection else 3.15]
    return Table((tuple(_cell(h) for h in head),), tuple(rows), widths=tuple(widths),
                 caption=caption, numeric_columns=(len(head) - 2,),
                 row_headers=_ref_heads(rows))


def closed_table(entries: tuple[Entry, ...], since: str,
                 labels: Mapping[str, str] = {}) -> Table | None:
    """Actions closed since the last update."""
    if not entries:
        return None
    rows = tuple((ref_cell(e), _inspection(e, labels), _cell(e.state.item.owner or NO_OWNER),
                  _cell(actions_text(e)))
                 for e in entries)
    head = ("Ref", "Inspection", "Owner", "Actions, sign-off and evidence")
    return Table((tuple(_cell(h) for h in head),), rows, widths=(1.45, 2.2, 1.5, 2.6),
                 caption="Who signed each off, and the evidence",
                 row_headers=_ref_heads(rows))


def newly_overdue_table(changes: Changes, since: str, labels: Mapping[str, str] = {},
                        as_of: date | None = None) -> Table | None:
    """Actions that became overdue since the last update: inspection, owner and target.

    The finding itself is said once, where the document lists every overdue or
    every action with its progress; a sentence before this table says where.
    """
    if not changes.newly_overdue:
        return None
    rows = tuple((ref_cell(e, addressee=True), _inspection(e, labels),
                  _cell(e.state.item.owner or NO_OWNER), _cell(overdue_words(e, as_of)))
                 for e in changes.newly_overdue)
    head = ("Ref", "Inspection", "Owner", "Target date")
    return Table((tuple(_cell(h) for h in head),), rows, widths=(1.9, 2.9, 1.6, 1.6),
                 caption="Each with its owner and target date",
                 row_headers=_ref_heads(rows))


def added_table(changes: Changes, since: str,
                labels: Mapping[str, str] = {}) -> Table | None:
    """Return the actions added since the earlier register, with their status and target."""
    if not changes.added:
        return None
    rows = tuple((ref_cell(e), _inspection(e, labels), _cell(e.state.item.status.value.capitalize()),
                  _cell(_target(e))) for e in changes.added)
    head = ("Ref", "Inspection", "Status", "Target date")
    return Table((tuple(_cell(h) for h in head),), rows, widths=(1.45, 3.35, 1.5, 1.3),
                 caption="Each with its status and target date",
                 row_headers=_ref_heads(rows))


def removed_note(changes: Changes, since: str) -> tuple[Block, ...]:
    """Say which items of the earlier register are no longer in any plan given."""
    if not changes.removed:
        return ()
    names = [key.replace("#", ": ") for key in changes.removed]
    return (Paragraph(plain(f"No longer in the plans given, though in {since}: "
                            f"{join_words(names)}.")),)


def redated_table(changes: Changes, since: str,
                  labels: Mapping[str, str] = {}) -> Table | None:
    """Actions whose target moved since the earlier register, with the reason recorded."""
    if not changes.redated:
        return None
    rows = tuple((ref_cell(r.entry), _inspection(r.entry, labels),
                  _cell(long_date(r.before) if r.before else "No target date"),
                  _cell(_target(r.entry)), _cell(r.reason or "No reason recorded in the plan"))
                 for r in changes.redated)
    head = ("Ref", "Inspection", "Target was", "Target now", "Reason recorded")
    return Table((tuple(_cell(h) for h in head),), rows, widths=(1.45, 2.0, 1.1, 1.1, 2.85),
                 caption="Each target as it was and is, with the reason recorded",
                 row_headers=_ref_heads(rows))


def every_action_table(reg: Register, plan: str) -> Table | None:
    """Every action of one plan's inspection: ref, finding, actions, status, RAG, owner, target.

    The actions planned, and for a closed item who signed it off and the evidence;
    the RAG as a word; the latest update, led by the reason for a RAG set by hand,
    with any moved target and its reason.
    """
    head = ("Ref", "Finding (verbatim)", "Actions planned", "Status", "RAG", "Owner and lead",
            "Target date", "Latest update")
    rows = []
    for e in (e for e in reg.entries if e.plan == plan):
        item = e.state.item
        people = " / ".join(p for p in (item.owner, item.lead) if p) or NO_OWNER
        target = overdue_words(e, reg.as_of)
        rows.append((ref_cell(e, addressee=True), finding_cell(e), _cell(actions_text(e)),
                     _cell(item.status.value.capitalize()), rag_cell(e), _cell(people),
                     _cell(target), latest_cell(e, reg.as_of, rag_reason=True)))
    if not rows:
        return None
    return Table((tuple(_cell(h) for h in head),), tuple(rows),
                 widths=(1.35, 2.7, 1.75, 0.9, 1.0, 1.25, 1.25, 2.3),
                 caption=("Each finding quoted, with its actions, status, RAG, owner, target and "
                          "latest update"),
                 row_headers=_ref_heads(rows))


def not_tracked_table(reg: Register) -> Table | None:
    """Items addressed to other bodies: kept with their report, not tracked."""
    labels = short_labels(reg)
    rows = tuple((_cell(item.id, bold=True), _cell(labels[line.plan]),
                  # the addressee is our label for it: an apostrophe is set as the text's are
                  _cell(re.sub(r"(?<=\w)'", "’", item.addressee or "Another body")),
                  _cell(item.full_text))
                 for line in reg.inspections for item in line.not_tracked)
    if not rows:
        return None
    return Table(((_cell("Ref"), _cell("Inspection"), _cell("Addressed to"),
                   _cell("Item (verbatim)")),), rows, widths=(0.8, 2.0, 1.6, 4.0),
                 caption="Kept with their report; not tracked as the force’s actions")


def since_label(changes: Changes | None) -> str:
    """How the earlier point is named: 'the register as of 1 July 2024' or '1 July 2024'."""
    if changes is None or changes.since is None:
        return "the last update"
    return long_date(changes.since) if changes.source is None else \
        f"the register as of {long_date(changes.since)}"

