"""Tables of the register, shared by the register document and the quarterly update.

Pure functions from a :class:`~peeldocs.plans.register.Register` to table
blocks.  RAG is always a word, with its colour only as help; an unknown
addressee, a missing owner or target is said in words, never left blank.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from peeldocs.blocks import (
    Block,
    BulletList,
    Callout,
    Cell,
    Inline,
    Paragraph,
    Table,
    Text,
    Tone,
    plain,
)
from peeldocs.plans.inspection import Addressee
from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import NO_OWNER, Changes, Entry, Register
from peeldocs.prose import counted, join_words, overdue_span, sentence_case
from peeldocs.sections.plan_table import RAG_TONES
from peeldocs.wording import long_date


def _cell(text: str, *, bold: bool = False) -> Cell:
    return Cell(plain(text, bold=bold))


def _target(entry: Entry) -> str:
    item = entry.state.item
    when = item.current_target or item.original_target
    return long_date(when) if when else "No target date"


def rag_cell(entry: Entry) -> Cell:
    """Return the RAG as a word (and whether set by hand), toned."""
    state = entry.state
    word = state.rag.value.capitalize() + (", set manually" if state.rag_by_hand else "")
    return Cell(plain(word, bold=True), tone=RAG_TONES[state.rag])


def ref_cell(entry: Entry) -> Cell:
    """Return the finding's id and kind."""
    kind = entry.ref.kind if entry.ref else "finding no longer in the report"
    return Cell((Text(entry.state.item.finding, bold=True), Text(f" {kind}")))


def _sentence(text: str) -> str:
    """End a user's text with a full stop unless it already ends a sentence."""
    text = text.strip()
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def latest_text(entry: Entry) -> str:
    """Return the latest update with its date, or that there is none."""
    latest = entry.latest
    if latest is None:
        return "No update recorded"
    by = f" ({latest.by})" if latest.by else ""
    return f"{long_date(latest.when)}{by}: {latest.text}"


STALE_DAYS = 90
"""An update older than this before the as-of date (about a quarter) is said to be old."""


def stale(entry: Entry, as_of: date) -> bool:
    """Whether the entry's latest update is more than a quarter (90 days) before ``as_of``."""
    latest = entry.latest
    return latest is not None and (as_of - latest.when).days > STALE_DAYS


def _latest_cell(entry: Entry, as_of: date | None) -> Cell:
    """Return the reason for a moved target, the latest update, and whether it is old."""
    item = entry.state.item
    parts: list[Inline] = []
    if as_of is not None and stale(entry, as_of):
        assert entry.latest is not None
        days = (as_of - entry.latest.when).days
        parts.append(Text(f"Not updated for {days:,} days (more than a quarter). ", bold=True))
    was, now = item.original_target, item.current_target
    reason = _sentence(item.target_reason) if item.target_reason else ""
    if was and now and was != now:
        parts.append(Text(f"Target moved from {long_date(was)}: "
                          f"{reason or 'no reason recorded.'} "))
    elif reason:
        parts.append(Text(f"Reason recorded for the target: {reason} "))
    parts.append(Text(latest_text(entry)))
    return Cell(tuple(parts))


def status_table(reg: Register) -> Table:
    """Actions by status, zeros included."""
    rows = tuple((_cell(s.value.capitalize()), _cell(str(n)))
                 for s, n in reg.by_status().items())
    rows += ((_cell("Total", bold=True), _cell(str(len(reg.entries)), bold=True)),)
    return Table(((_cell("Status"), _cell("Actions")),), rows, widths=(3.0, 1.2),
                 caption="Actions by status", numeric_columns=(1,))


def inspection_table(reg: Register) -> Table:
    """Actions by inspection and status."""
    labels = reg.labels()
    kinds = {labels[line.plan]: line.kind for line in reg.inspections}
    unread = {labels[line.plan] for line in reg.inspections if not line.items_read}
    head = ("Inspection", "Kind", *(s.value.capitalize() for s in ItemStatus), "Total")
    rows = tuple((_cell(title), _cell(kinds.get(title, "unknown")),
                  *(_cell(str(counts[s])) for s in ItemStatus),
                  # an inspection whose items were not read has an unknown total, not 0
                  _cell("not read" if title in unread and not any(counts.values())
                        else str(sum(counts.values()))))
                 for title, counts in reg.by_inspection().items())
    return Table((tuple(_cell(h) for h in head),), rows,
                 widths=(3.2, 1.3, 1.0, 0.9, 0.9, 0.8, 0.7), caption="Actions by inspection",
                 numeric_columns=(2, 3, 4, 5, 6))


def owner_table(reg: Register) -> Table | None:
    """Open and overdue actions by owner, most overdue first."""
    owners = reg.by_owner()
    if not owners:
        return None
    rows = tuple((_cell(owner), _cell(str(n)), _cell(str(late)))
                 for owner, (n, late) in owners.items())
    return Table(((_cell("Owner"), _cell("Open actions"), _cell("Overdue")),), rows,
                 widths=(3.4, 1.1, 1.0), caption="Open actions by owner",
                 numeric_columns=(1, 2))


def _inspection(entry: Entry, labels: Mapping[str, str]) -> Cell:
    """Return the entry's inspection, told apart from others with the same title."""
    return _cell(labels.get(entry.plan, entry.inspection))


def overdue_table(entries: tuple[Entry, ...], labels: Mapping[str, str] = {}, *,
                  as_of: date | None = None, caption: str = "Overdue actions",
                  inspection: bool = True) -> Table | None:
    """Return the overdue actions with owner, target, days overdue and the latest word.

    With ``as_of``, an update more than a quarter old is said to be so; without
    ``inspection`` the table leaves out the inspection column (its caption names it).
    """
    if not entries:
        return None
    head = ("Ref", *(("Inspection",) if inspection else ()), "Owner", "Target date",
            "Days overdue", "Latest update or reason")
    rows = []
    for e in entries:
        item = e.state.item
        rows.append((ref_cell(e), *((_inspection(e, labels),) if inspection else ()),
                     _cell(item.owner or NO_OWNER), _cell(_target(e)),
                     _cell(str(e.state.days_overdue)), _latest_cell(e, as_of)))
    widths = (1.45, 1.75, 1.3, 1.1, 0.9, 2.4) if inspection else (1.6, 1.6, 1.3, 0.9, 3.5)
    return Table((tuple(_cell(h) for h in head),), tuple(rows), widths=widths, caption=caption,
                 numeric_columns=(4 if inspection else 3,))


def closed_table(entries: tuple[Entry, ...], since: str,
                 labels: Mapping[str, str] = {}) -> Table | None:
    """Actions closed since the last update."""
    if not entries:
        return None
    rows = tuple((ref_cell(e), _inspection(e, labels), _cell(e.state.item.owner or NO_OWNER),
                  _cell(long_date(e.state.item.closed_on) if e.state.item.closed_on
                        else "Not recorded"))
                 for e in entries)
    head = ("Ref", "Inspection", "Owner", "Closed on")
    return Table((tuple(_cell(h) for h in head),), rows, widths=(1.45, 3.05, 1.8, 1.3),
                 caption=f"Closed since {since}")


def newly_overdue_table(changes: Changes, since: str,
                        labels: Mapping[str, str] = {}) -> Table | None:
    """Actions that became overdue since the last update, with owner and target."""
    if not changes.newly_overdue:
        return None
    rows = tuple((ref_cell(e), _inspection(e, labels), _cell(e.state.item.owner or NO_OWNER),
                  _cell(_target(e))) for e in changes.newly_overdue)
    head = ("Ref", "Inspection", "Owner", "Target date")
    return Table((tuple(_cell(h) for h in head),), rows, widths=(1.45, 3.05, 1.8, 1.3),
                 caption=f"Became overdue since {since}")


def added_table(changes: Changes, since: str,
                labels: Mapping[str, str] = {}) -> Table | None:
    """Return the actions added since the earlier register, with their status and target."""
    if not changes.added:
        return None
    rows = tuple((ref_cell(e), _inspection(e, labels), _cell(e.state.item.status.value.capitalize()),
                  _cell(_target(e))) for e in changes.added)
    head = ("Ref", "Inspection", "Status", "Target date")
    return Table((tuple(_cell(h) for h in head),), rows, widths=(1.45, 3.35, 1.5, 1.3),
                 caption=f"Added since {since}")


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
                 caption=f"Target dates changed since {since}")


def every_action_table(reg: Register, plan: str) -> Table | None:
    """Every action of one plan's inspection: ref, finding, status, RAG, owner, target, latest."""
    head = ("Ref", "Finding (verbatim)", "Status", "RAG", "Owner and lead", "Target date",
            "Latest update")
    rows = []
    for e in (e for e in reg.entries if e.plan == plan):
        item = e.state.item
        people = " / ".join(p for p in (item.owner, item.lead) if p) or NO_OWNER
        text: tuple[Inline, ...] = (Text(e.ref.text if e.ref else "Not in the report now"),)
        if e.addressed_to is Addressee.UNKNOWN:
            text += (Text(" Whom it is addressed to was not read from the report.",
                          italic=True),)
        due = item.current_target or item.original_target
        target = _target(e) + (f" ({overdue_span(e.state.days_overdue, due, date_shown=True)})"
                               if e.state.overdue and due else "")
        rows.append((ref_cell(e), Cell(text), _cell(item.status.value.capitalize()),
                     rag_cell(e), _cell(people), _cell(target), _cell(latest_text(e))))
    if not rows:
        return None
    return Table((tuple(_cell(h) for h in head),), tuple(rows),
                 widths=(1.45, 3.35, 1.1, 0.9, 1.5, 1.2, 2.4),
                 caption=f"Every action: {reg.labels().get(plan, plan)}")


def unread_notes(reg: Register) -> tuple[Block, ...]:
    """Say what the register did not see: unread items, unknown addressees and dates."""
    notes: list[tuple[Inline, ...]] = []
    for line in reg.inspections:
        if not line.items_read:
            notes.append(plain(f"The recommendations, areas for improvement and causes of "
                               f"concern of “{reg.labels()[line.plan]}” were not found in the text imported, "
                               "so none of them is tracked here; check the published report."))
    unknown = [e for e in reg.entries if e.addressed_to is Addressee.UNKNOWN]
    if unknown:
        labels = reg.labels()
        named = [f"{e.state.item.finding} of “{labels.get(e.plan, e.inspection)}”"
                 if len(reg.inspections) > 1 else e.state.item.finding for e in unknown]
        notes.append(plain(f"Whom {join_words(named)} "
                           f"{'is' if len(unknown) == 1 else 'are'} addressed to was not read "
                           "from the report; they are tracked until that is checked."))
    undated = [e for e in reg.entries if e.state.item.status is not ItemStatus.CLOSED
               and not (e.state.item.current_target or e.state.item.original_target)]
    if undated:
        one = len(undated) == 1
        notes.append(plain(f"{sentence_case(counted(len(undated), 'open action', words=True))} "
                           f"{'has' if one else 'have'} no target date, so the register cannot "
                           f"say whether {'it is' if one else 'they are'} overdue."))
    if not notes:
        return ()
    return (Callout("What this register could not see", (BulletList(tuple(notes)),),
                    Tone.WARNING),)


def not_tracked_table(reg: Register) -> Table | None:
    """Items addressed to other bodies: kept with their report, not tracked."""
    labels = reg.labels()
    rows = tuple((_cell(item.id, bold=True), _cell(labels[line.plan]),
                  _cell(item.addressee or "Another body"), _cell(item.full_text))
                 for line in reg.inspections for item in line.not_tracked)
    if not rows:
        return None
    return Table(((_cell("Ref"), _cell("Inspection"), _cell("Addressed to"),
                   _cell("Item (verbatim)")),), rows, widths=(0.8, 2.0, 1.6, 4.0),
                 caption="Addressed to other bodies (not tracked)")


def since_label(changes: Changes | None) -> str:
    """How the earlier point is named: 'the register as of 1 July 2024' or '1 July 2024'."""
    if changes is None or changes.since is None:
        return "the last update"
    return long_date(changes.since) if changes.source is None else \
        f"the register as of {long_date(changes.since)}"

