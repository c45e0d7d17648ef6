"""The action plan: one row per finding to act on, and the PCC's s.55 deadline.

With no plan supplied, the section says so first, with how many of the
report's deadlines have passed (in the words of the summaries), unless the
document's executive summary says it (a reader is told once), then lists
every finding a plan must answer: by question for a pillar report, by area for
a force assessment, one row per cause of concern, recommendation and area for
improvement (and earlier finding carried forward); a cause of concern answered by
recommendations is met through them, named, with one owner to agree.  When the report sets any
deadline, each row gives it, marked where it has passed: a fixed date, or
counted from the publication date when that is known; otherwise the deadline
as the report words it.  No cell stands in for an owner or action that does
not exist yet.
"""

from __future__ import annotations

from datetime import date

from peeldocs.blocks import (
    Block,
    Cell,
    Heading,
    Orientation,
    Paragraph,
    Placeholder,
    Section,
    Table,
    Text,
    Tone,
    plain,
)
from peeldocs.model import Report
from peeldocs.model.deadlines import describe_deadline, due_date
from peeldocs.options import Options
from peeldocs.plans.findings import FindingRef, findings
from peeldocs.prose import fragment, join_words
from peeldocs.sections.bottom_line import s55_blocks
from peeldocs.sections.common import ours, report_context
from peeldocs.sections.counts import unlisted_recommendations
from peeldocs.sections.due import due_sentence, report_due
from peeldocs.sections.joint import joint_parties
from peeldocs.sections.notices import about_pack, closes_pack
from peeldocs.sections.order import in_pack_order
from peeldocs.sections.plan_table import tracked_plan, unplanned_refs
from peeldocs.sections.plan_unplanned import finding_words, ref_room, same_subject
from peeldocs.sections.quoting import ACTIONS, elsewhere, ref_span
from peeldocs.sections.refs import example_ref
from peeldocs.wording import marks_note

TO_AGREE = ("Action", "Owner", "Target date")
"""The columns a group fills in when it agrees the plan."""


def finding_cell(ref: FindingRef, refer: dict[str, str]) -> Cell:
    """Return a finding's words, or where the pack quotes them when it does so elsewhere."""
    if ref.id in refer:
        return Cell(finding_words(ref))  # which it is, in its words (read 35)
    return Cell(plain(fragment(ref.text, ref.kind) if ref.carried_forward else ref.text))


def _their_recommendations(report: Report, dated: bool = True) -> dict[str, list[str]]:
    """Return each cause of concern's recommendations (``dated``: those that set a deadline)."""
    return {c.id: [r.id for r in c.recommendations if r.deadline or not dated]
            for q in report.questions for c in q.causes_of_concern}


MET_THROUGH = "Met through {refs}"
"""A cause of concern's action: its recommendations, named, carry it (one owner is agreed)."""
NONE_OF_ITS_OWN = "None of its own"
"""A cause of concern's target date: its recommendations' dates hold, never one of its own."""


def to_agree(ref: FindingRef, answered: dict[str, list[str]]) -> tuple[Cell, Cell, Cell]:
    """Return the action, owner and target-date cells a group fills in for a finding.

    A cause of concern answered by recommendations is met through them, named: the
    group agrees its one accountable owner, and no action or target date of its own
    (its recommendations' rows carry those), as the committee paper's table says.
    """
    blank = [Cell((Placeholder(h.split()[-1].lower(), label="to be agreed"),))
             for h in TO_AGREE]
    if ref.kind == "cause of concern" and answered.get(ref.id):
        blank[0] = Cell(plain(MET_THROUGH.format(refs=ref_span(answered[ref.id])), italic=True))
        blank[2] = Cell(plain(NONE_OF_ITS_OWN, italic=True))
    return blank[0], blank[1], blank[2]


def deadline_cell(ref: FindingRef, published: date | None, as_of: date,
                  through: dict[str, list[str]]) -> Cell:
    """Return the deadline the report sets for a finding, marked when it has passed."""
    if ref.deadline is None:
        if through.get(ref.id):
            their = through[ref.id]
            return Cell(plain(f"The deadline{'s' if len(their) > 1 else ''} of "
                              f"{join_words(their)}"))
        return Cell(plain("None set by the report"))
    words = describe_deadline(ref.deadline, published)
    due = due_date(ref.deadline, published)
    if due is not None and due < as_of:
        return Cell((Text(words), Text(", passed", bold=True)), tone=Tone.RED)
    return Cell(plain(words))


def untracked(report: Report, published: date | None, as_of: date,
              refer: dict[str, str] | None = None) -> list[Block]:
    """Return the findings an action plan must answer, when none was supplied.

    Each row gives the finding's reference, kind and question (or area) and,
    when the report sets any deadline, the deadline it sets, marked when it has
    passed by ``as_of``.  A finding in ``refer`` (its id, and where the pack
    quotes it) is named by its opening words, quoted and cut, and where the pack
    quotes it in full (read 35: "Area for improvement" alone left rows alike).
    The action, owner and target date are marked to be agreed: there is no plan
    to take them from.
    """
    refer = refer or {}
    found = findings(report)
    quote = bool(found)  # every row names its finding in the report's words (read 35)
    whole = any(fid not in refer for fid in found)
    dated = any(ref.deadline for ref in found.values())
    through = _their_recommendations(report)
    where = "Area" if report.is_assessment else "Question"
    names = {q.number: q.title for q in report.questions}
    header = [Cell(plain(h)) for h in ("Ref", "Type", where)]
    if quote:
        header.append(Cell(plain("Finding (verbatim)" if whole else "Finding")))
    if dated:
        header.append(Cell(plain("Report’s deadline")))  # short: a repeated header is no prose
    # the decisions the group takes, to be written in: no plan gives them
    header += [Cell(plain(h)) for h in TO_AGREE]
    answered = _their_recommendations(report, dated=False)
    rows, one = [], same_subject(report)
    for ref in (found[fid] for fid in in_pack_order(list(found), report)):  # as every list
        kind = (ref.kind + (", carried forward" if ref.carried_forward else "")).capitalize()
        if ref.kind == "recommendation" and (joint := joint_parties(ref.text, report)):
            kind += f", joint: addressed to {joint}"  # no force can answer it alone
        if report.is_assessment:
            place = ref.area or (names.get(ref.question, "—") if ref.question is not None
                                 else "—")
        else:
            place = str(ref.question) if ref.question is not None else "—"
        row = [Cell((Text(ref.id, bold=True),)),
               Cell(plain(kind)),  # the words say the kind: no shading without a key
               Cell(plain(place))]
        if quote:  # an earlier finding on one subject with a new one: one action (read 35)
            cell = finding_cell(ref, refer)
            row.append(Cell((*cell.runs, Text(f" {one[ref.id]}", bold=True)), cell.tone)
                       if ref.id in one else cell)
        if dated:
            row.append(deadline_cell(ref, published, as_of, through))
        # the column names what: the placeholder says only that it is to be agreed, briefly
        rows.append((*row, *to_agree(ref, answered)))
    if not rows:
        return []
    widths = {(True, True): (1.5, 2.2, 1.7, 3.8, 1.9), (True, False): (1.5, 2.5, 1.5, 5.2),
              (False, True): (1.7, 2.2, 2.4, 2.8), (False, False): (1.7, 2.8, 1.4)}[
                  quote, dated] + (2.6, 1.8, 1.6)
    widths = ref_room(widths, list(found), 1.85)
    return [Table((tuple(header),), tuple(rows), widths=widths,
                  caption="Findings needing an action plan")]


def actions(report: Report, options: Options) -> Section:
    """Build the action plan section (landscape), tracked when a plan is given.

    Without a plan it is headed for what it is, the findings needing an action
    plan, with columns for the action, owner and target date to be agreed; what
    has passed of the report's deadlines is said at its head unless the executive
    summary says it (once in a document).
    """
    ctx = report_context(report, options)
    published = options.published or report.published
    title = ("Findings needing an action plan" if options.plan is None and findings(report)
             else "Action plan")
    blocks: list[Block] = [Heading(1, title, anchor="actions")]
    if options.plan is None and findings(report) and "summary" not in options.sections:
        # first, so no reader misses it; the summary's deadlines say it, once, when there
        due = report_due(report, options)
        blocks.append(Paragraph((Text(due_sentence(due, options, frozenset(
            i.ref for i in due.items)), bold=True),)))
    if "summary" not in options.sections:  # else the summary's deadlines say it, once
        blocks.extend(s55_blocks(report, options))
    refer = elsewhere(report, options, ACTIONS)
    quote = any(fid not in refer for fid in findings(report))
    # read 25-P: name only the marks the quoted findings carry (none, brackets, an ellipsis)
    shown = [fragment(r.text, r.kind) if r.carried_forward else r.text
             for fid, r in findings(report).items() if fid not in refer]
    blocks.extend(ours("actions_intro.j2", options, has_plan=options.plan is not None,
                       unplanned=unplanned_refs(report, options.plan),
                       quote=quote, marks=marks_note(any("[" in t for t in shown),
                                                     any("…" in t for t in shown)),
                       quoted_in=join_words(sorted(set(refer.values()))),
                       any_findings=bool(findings(report)),
                       example=example_ref(report),
                       deadlines=any(r.deadline for r in findings(report).values()),
                       as_of=options.as_of_date,
                       recommending=unlisted_recommendations(report),
                       findings_section="findings by area" if report.is_assessment
                       else "findings by question",
                       unread=ctx["unread"] if findings(report) else ""))
    if not findings(report) and options.plan is None:
        blocks.extend(ours("actions_none.j2", options, **ctx))
    elif options.plan is None:
        blocks.extend(untracked(report, published, options.as_of_date, refer))
    else:
        blocks.extend(tracked_plan(report, options.plan, options, refer))
    if closes_pack("actions", options):
        blocks.extend(about_pack(report, options))
    return Section("actions", tuple(blocks), orientation=Orientation.LANDSCAPE)
