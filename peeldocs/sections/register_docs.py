"""The register document and the quarterly update paper, as sections of blocks.

The register lists every tracked action with counts; the update is a committee
paper (purpose, recommendation, background, where the actions stand, what
changed since the last update, what is overdue and why, inspections expected
next, implications) with what only its author can write as marked
placeholders, listed at the top.  Neither says more than the plans and
reports hold: what the register could not see is said in words.
"""

from __future__ import annotations

from dataclasses import replace

from peeldocs.blocks import (
    Block,
    Callout,
    Heading,
    Orientation,
    Paragraph,
    Section,
    Table,
    Tone,
    plain,
)
from peeldocs.options import Options
from peeldocs.plans.register import Entry, Register, owning_force, register_title
from peeldocs.plans.register_names import CONSTRUCTED, constructed_words, short_labels
from peeldocs.prose import count_words, join_words
from peeldocs.sections.common import ours
from peeldocs.sections.items import first_target
from peeldocs.sections.paper import Numbering
from peeldocs.sections.register_asks import quiet
from peeldocs.sections.register_cells import finding_text, rag_key, stale, stale_mark
from peeldocs.sections.register_message import main_message
from peeldocs.sections.register_tables import (
    added_table,
    closed_table,
    every_action_table,
    inspection_table,
    newly_overdue_table,
    not_tracked_table,
    overdue_table,
    owner_table,
    redated_table,
    removed_note,
    since_label,
)
from peeldocs.sections.register_words import (
    attribution,
    plans_words,
    unread_notes,
    whose_register,
)

ILLUSTRATIVE = CONSTRUCTED
ILLUSTRATIVE_PAPER = ("This paper draws on a register that includes constructed examples: what "
                      "they say is made up, not taken from HMICFRS reports or from a force.")


EVERY = "Every finding and its actions"
"""The heading of the register's table of every finding, one row each with its actions."""

def paper_context(reg: Register, options: Options) -> dict[str, object]:
    """Return what the register's and the update paper's templates are told."""
    counts = reg.by_status()
    # counts in prose as the house writes them: words to ten, "none" for nought
    phrases = [f"{count_words(n) if n else 'none'} {status.value}" for status, n in counts.items()]
    changes = reg.changes
    return {
        "as_of": reg.as_of, "audience": options.audience, "total": len(reg.entries),
        "inspections": len(reg.inspections), "overdue": len(reg.overdue),
        "explained": sum(1 for e in reg.overdue if e.latest or e.state.item.target_reason),
        "counts": phrases, "since": changes.since if changes else None,
        "source": changes.source if changes else None,
        "closed": len(changes.closed) if changes else 0,
        "redated": len(changes.redated) if changes else 0,
        "added": len(changes.added) if changes else 0,
        "added_known": changes.added_known if changes else True,
        "newly_overdue": len(changes.newly_overdue) if changes else 0,
        "stale": sum(1 for e in reg.overdue if stale(e, reg.as_of)),
        "mark": stale_mark(reg.overdue, reg.as_of),
        "worst": reg.overdue[0].state.days_overdue if reg.overdue else 0,
        "moved_before": moved_before(reg), "moved_where": f"“{EVERY}”",
        "kinds": _kinds(reg), "grouped": False, "force": owning_force(reg),
        "planned": reg.planned_actions(), "quiet": quiet(reg), "plans": plans_words(reg),
        "others": sum(len(line.not_tracked) for line in reg.inspections),
        "bracketed": any(e.ref is not None and finding_text(e) != e.ref.text
                         for e in reg.entries),
    }


def _kinds(reg: Register) -> str:
    """Return what the register tracks: 'recommendations and areas for improvement'."""
    return join_words(reg.kinds())


def moved_before(reg: Register, shown: tuple[Entry, ...] | None = None) -> list[str]:
    """Return the actions whose target had moved before the earlier register.

    ``shown``: only those the document shows with their moved target (all by default).
    """
    changes = reg.changes
    if changes is None or not changes.redating_known:
        return []
    since = {r.entry.key for r in changes.redated} | {e.key for e in changes.added}
    return [e.state.item.finding for e in (reg.entries if shown is None else shown)
            if e.key not in since and first_target(e.state.item) is not None]


def notices(reg: Register, *, paper: bool = False) -> list[Block]:
    """Return the illustrative-example notice (when any) and what the register could not see."""
    blocks: list[Block] = []
    if reg.illustrative:
        said = [ILLUSTRATIVE_PAPER if paper else ILLUSTRATIVE, *constructed_words(reg)]
        blocks.append(Callout("Illustrative example", ours_plain(" ".join(said)), Tone.WARNING))
    return [*blocks, *unread_notes(reg)]


def ours_plain(text: str) -> tuple[Block, ...]:
    """One paragraph of fixed wording."""
    return (Paragraph(plain(text)),)


def by_owner(reg: Register, anchor: str, n: Numbering | None = None) -> list[Block]:
    """Return the open findings by owner under a heading (numbered by ``n``), kept with it."""
    table = owner_table(reg)
    if table is None:
        return []
    title = "Open findings by owner"
    # among numbered paragraphs a numbered paragraph leads in, not a numbered heading (read 32)
    head = n.para(plain(f"{title}, and how many of them are overdue:")) if n else \
        Heading(3, title, anchor=anchor)
    return [head, replace(table, keep_with_heading=True)]


SINCE_HEADINGS = {"closed": "Closed", "redated": "Target dates changed",
                  "overdue": "Became overdue", "added": "Added"}
"""The heading over each table of changes (with since when); its caption says what it lists."""


def since_tables(reg: Register, since: str, prefix: str, shown_in: str,
                 n: Numbering | None = None, *, skip: tuple[str, ...] = ()) -> list[Block]:
    """Return what changed since the last update, each table under a heading naming it.

    ``shown_in``: where each finding that became overdue is quoted; ``n``: numbers
    headings; ``skip``: the tables (by slug) the document says otherwise.
    """
    changes, labels = reg.changes, short_labels(reg)
    assert changes is not None
    out: list[Block] = []
    for slug, table in (("closed", closed_table(changes.closed, since, labels)),
                        ("redated", redated_table(changes, since, labels)),
                        ("overdue", newly_overdue_table(changes, since, labels, reg.as_of)),
                        ("added", added_table(changes, since, labels))):
        if table is None or slug in skip:
            continue
        title, anchor = f"{SINCE_HEADINGS[slug]} since {since}", f"{prefix}-since-{slug}"
        out.append(n.subheading(title, anchor) if n else Heading(3, title, anchor=anchor))
        if slug == "overdue":  # each finding is said once, where its progress is
            one = len(changes.newly_overdue) == 1
            out += ours_plain(f"{'Its finding is' if one else 'Their findings are'} quoted, with "
                              f"the progress on {'it' if one else 'each'}, under {shown_in}.")
        out.append(table)
    return out


def present(*tables: Table | None) -> list[Block]:
    """Return the tables that are there, in order."""
    return [t for t in tables if t is not None]


def register_sections(reg: Register, options: Options) -> tuple[Section, ...]:
    """Build the register document: counts, overdue first, every action, changes."""
    ctx = paper_context(reg, options)
    changes = reg.changes
    since = since_label(changes)
    blocks: list[Block] = [
        Heading(1, register_title(reg), anchor="register"),
        *notices(reg), *whose_register(reg, options),
        # under a heading (read 35): what stands out first, the oldest overdue findings
        # leading; then what it covers (read 33: scope after what matters most)
        Heading(2, "Summary", anchor="register-summary"),
        *([Paragraph(plain(message))] if (message := main_message(reg)) else []),
        *ours("register_intro.j2", options, **ctx),
        Heading(2, "Where the actions stand", anchor="register-counts"),
        *ours("update_position.j2", options, **ctx),
        # the totals by status are said once: in the sentence and the total row (read 35)
        inspection_table(reg, total=True), *by_owner(reg, "register-owners"),
        Heading(2, "Overdue actions", anchor="register-overdue"),
        # each update is quoted once, in the full table: here only its date (read 32)
        *ours("update_overdue.j2", options,
              **{**ctx, "overdue": len(reg.overdue), "pointer": f"“{EVERY}”"}),
        *present(overdue_table(reg.overdue, short_labels(reg), as_of=reg.as_of, dated=True,
                               caption="Most overdue first, with the date of the latest update")),
    ]
    if changes is not None:
        blocks += [Heading(2, f"Since {since}", anchor="register-since"),
                   *ours("update_since.j2", options, **{**ctx, "overdue": ctx["newly_overdue"]}),
                   *since_tables(reg, since, "register", f"“{EVERY}”"),
                   *removed_note(changes, since)]
    wide: list[Block] = [Heading(2, EVERY, anchor="register-all"), *rag_key()]
    for i, line in enumerate(reg.inspections, start=1):
        table = every_action_table(reg, line.plan)
        wide += [Heading(3, reg.labels()[line.plan], anchor=f"register-all-{i}"),
                 *(ours_plain("The plan for this inspection has no items.") if table is None
                   else (table,))]
    untracked = not_tracked_table(reg)
    if untracked is not None:
        wide += [Heading(2, "Addressed to other bodies", anchor="register-others"), untracked]
    quoted = {e.plan for e in reg.entries if e.quoted} | \
        {line.plan for line in reg.inspections if line.not_tracked}
    wide += [Heading(2, "Source and licence", anchor="register-source"),
             *attribution(reg, quoted)]
    return (Section("register", tuple(blocks)),
            Section("register-all", tuple(wide), orientation=Orientation.LANDSCAPE))
