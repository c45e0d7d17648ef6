"""Rows of a tracked plan's table for the findings the plan holds no item for.

A reader who goes straight to the action plan's table sees every finding the
report makes that needs action, as the pack without a plan lists them: one the
plan does not hold yet has a row marked "Not in the plan", with the deadline the
report sets (if any), rated as the key says (Red once a deadline the report set
has passed, otherwise Amber: it has no owner and no target date).  Nothing is
invented for it: its action, owner and update are said not to be recorded.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from peeldocs.blocks import Cell, Inline, Table, Text, Tone, plain
from peeldocs.model import Report
from peeldocs.model.deadlines import describe_deadline, due_date
from peeldocs.options import Options
from peeldocs.plans.findings import FindingRef
from peeldocs.plans.plan import ItemStatus, Plan, Rag
from peeldocs.plans.rules import ItemState
from peeldocs.prose import fragment
from peeldocs.sections.brief_addressed import GIST_WORDS, earlier_words
from peeldocs.sections.brief_labels import short_label
from peeldocs.sections.items import ItemKind
from peeldocs.sections.joint import jointly_to
from peeldocs.sections.order import ordered_items
from peeldocs.sections.s55_links import subject_links

RAG_TONES = {Rag.RED: Tone.RED, Rag.AMBER: Tone.AMBER, Rag.GREEN: Tone.GREEN}
RAG_ORDER = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2}

NONE_RECORDED = "Not yet recorded"
"""An action or owner the plan does not record yet."""

NOT_IN_PLAN = "Not in the plan"
"""The status of a finding the plan holds no item for."""

RAG_WORDS = {Rag.RED: "Red", Rag.AMBER: "Amber"}


def described(ref: FindingRef) -> str:
    """Return what a finding is and where the pack quotes it ("Area for improvement, question 2")."""
    kind = ref.kind + (", carried forward" if ref.carried_forward else "")
    where = ref.area or (f"question {ref.question}" if ref.question is not None else "")
    if where and ref.carried_forward:  # where this report reconsiders it, not where it was made
        where = f"reconsidered {'in' if ref.area else 'under'} {where}"
    return kind.capitalize() + (f" ({where})" if where else "")


def finding_words(ref: FindingRef) -> tuple[Inline, ...]:
    """Return a finding's opening words, quoted and cut with an ellipsis, to name it in a table.

    Read 35 (fault 1): a row said only "Area for improvement (question 2)", or
    "Quoted in full in the executive summary", so three rows looked the same; the
    report's own words (:func:`short_label`, as the executive summary names
    findings) say which is which.  Where the pack quotes it in full, the table's
    introduction says, once for all rows.  An earlier finding is named by what it
    was about, a few of its words without the account around them: to “put
    appropriate supervision in place …” (:func:`earlier_words`), so its opening
    ("This was to ensure that it …") is not quoted a second time (issue 23 §3).
    """
    if ref.carried_forward:
        how, words = earlier_words(ref.text, GIST_WORDS)
        if words:
            return (Text(f"{how} “{words}”"),)
        return (Text(short_label(fragment(ref.text, ref.kind))),)
    return (Text(short_label(ref.text)),)


RAG_KEY = (
    (Rag.RED, "Red", "Not closed and past its due date"),
    (Rag.AMBER, "Amber", "Due date moved later than first set; not allocated; no owner, due date, "
                         "action or update recorded; or closed with no date, sign-off or evidence "
                         "reference"),
    (Rag.GREEN, "Green", "Closed with its date, sign-off and evidence reference, or on track"),
)
"""What each rating means under the rules the plan's table applies, worst first."""

NOT_IN_PLAN_KEY = "Red once the report’s deadline for it has passed, otherwise Amber"
"""What a row "Not in the plan" is rated."""


def rag_key(unplanned: bool) -> Table:
    """Return the RAG key as a small table: each rating's word on its colour, and what it means.

    Read 35: the key was one run-on paragraph before the plan; a row a rating
    reads faster, and the word stays beside its colour.  ``unplanned``: the plan's
    table has rows "Not in the plan", so the key says how they are rated.
    """
    rows = [(Cell(plain(word, bold=True), tone=RAG_TONES[rag]), Cell(plain(meaning)))
            for rag, word, meaning in RAG_KEY]
    if unplanned:
        rows.append((Cell(plain(NOT_IN_PLAN, bold=True)), Cell(plain(NOT_IN_PLAN_KEY))))
    # read 36: the header says what the column holds, not the caption again ("RAG key")
    return Table(((Cell(plain("Rating")), Cell(plain("What it means"))),), tuple(rows),
                 widths=(1.6, 11.0), caption="RAG key", keep_with_heading=False)


def same_subject(report: Report) -> dict[str, str]:
    """Return, for an earlier finding, the one new finding of its kind on its question or area.

    Where the data links them as the s.55 letter does (:func:`subject_links`: same kind,
    same question or area) and the report makes only that one new finding of the kind
    there, the two are one subject: "Same subject as A4-COC-1 …: agree one action for
    both." (read 35: Exampleshire's A-2021-COC-1 and A4-COC-1 were two rows, each asking
    for its own action).  Where there are several (Norfolk's three areas for improvement
    under question 2), which one it matches is not in the data: no link is claimed.
    """
    items = ordered_items(report)
    kinds: Counter[tuple[int | None, ItemKind]] = Counter(
        (i.question, i.kind) for i in items if i.kind is not ItemKind.CARRIED_FORWARD)
    where = {i.id: (i.question, i.kind) for i in items}
    return {earlier: f"Same subject as {current}, the new {where[current][1].value} "
            f"{'in the same area' if report.is_assessment else 'under the same question'}: "
            "agree one action for both."
            for current, earlier, _apart in subject_links(items) if kinds[where[current]] == 1}


def unplanned(refs: dict[str, FindingRef], plan: Plan) -> list[FindingRef]:
    """Return the findings needing action that the plan holds no item for, in the report's order."""
    planned = {i.finding for i in plan.items}
    return [ref for fid, ref in refs.items() if fid not in planned]


def unplanned_rating(ref: FindingRef, published: date | None, as_of: date) -> Rag:
    """Return Red when a deadline the report set for the finding has passed, otherwise Amber."""
    due = due_date(ref.deadline, published) if ref.deadline else None
    return Rag.RED if due is not None and due < as_of else Rag.AMBER


def unplanned_due(ref: FindingRef, published: date | None, as_of: date) -> Cell:
    """Return the "Due" cell: the report's deadline, marked once passed, or that it sets none."""
    if not ref.deadline:
        return Cell(plain("No date set", italic=True))
    words = f"{describe_deadline(ref.deadline, published)} (the report’s deadline)"
    if unplanned_rating(ref, published, as_of) is Rag.RED:
        return Cell((Text(words), Text("; passed", bold=True)), tone=Tone.RED)
    return Cell(plain(words))


def unplanned_row(ref: FindingRef, finding: Cell, published: date | None, as_of: date,
                  tones: dict[Rag, Tone], none: str) -> tuple[Cell, ...]:
    """Return one finding's row: reference, finding, nothing recorded, due, status, rating.

    ``finding``: the finding's cell as the table gives it for a planned item;
    ``tones``: the rating's shading; ``none``: the words for what is not recorded.
    """
    rag = unplanned_rating(ref, published, as_of)
    return (
        Cell((Text(ref.id, bold=True),), tone=Tone.WARNING if ref.carried_forward else None),
        finding,
        Cell(plain(none, italic=True)),
        Cell(plain(none, italic=True)),
        unplanned_due(ref, published, as_of),
        Cell(plain(NOT_IN_PLAN, bold=True)),
        Cell(plain(RAG_WORDS[rag], bold=True), tone=tones[rag]),
        Cell(plain("No item in the plan yet.", italic=True)),
    )


def before_in_table(state: ItemState, ref: FindingRef, published: date | None,
                    options: Options) -> bool:
    """Tell whether a plan item's row comes before a finding the plan does not hold."""
    rag = unplanned_rating(ref, published, options.as_of_date)
    return state.item.status is not ItemStatus.CLOSED and RAG_ORDER[state.rag] <= RAG_ORDER[rag]


def unplanned_cells(report: Report, ref: FindingRef, quote: bool, refer: dict[str, str],
                    published: date | None, options: Options) -> tuple[Cell, ...]:
    """Return the row of a finding the plan holds no item for (:func:`unplanned_row`)."""
    if not quote:
        joint = jointly_to(ref.text, report)
        # the words name the parties: "joint" says no force can answer it alone (read 35)
        cell = Cell((Text(described(ref) + (", joint" if joint else "") + ": "),
                     *finding_words(ref)))
    elif ref.id in refer:
        cell = Cell(finding_words(ref))
    else:
        cell = Cell(plain(fragment(ref.text, ref.kind) if ref.carried_forward else ref.text))
    return unplanned_row(ref, cell, published, options.as_of_date, RAG_TONES,
                         NONE_RECORDED)


LONG_REF = 11
"""A reference this long or longer ("A-2021-COC-1", "E-2017-AFI-1") gets a wider Ref column."""


def ref_room(widths: tuple[float, ...], refs: list[str], wide: float,
             takes_from: int = -1) -> tuple[float, ...]:
    """Return a table's column widths with its first (Ref) column ``wide`` for a long reference.

    Read 36: "A-2021-COC-1" broke across two lines ("A-2021-COC" / "-1") in the plan
    tables of the PDF and the DOCX; a reference is read whole.  The room is taken from
    the widest column (the finding's words), or column ``takes_from`` when given, so
    the table keeps its width.
    """
    if not refs or max(len(r) for r in refs) < LONG_REF or widths[0] >= wide:
        return widths
    out = list(widths)
    give = max(range(1, len(out)), key=lambda i: out[i]) if takes_from < 0 else takes_from
    out[give] -= wide - out[0]
    out[0] = wide
    return tuple(out)
