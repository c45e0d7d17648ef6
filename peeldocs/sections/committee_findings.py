"""The committee paper's findings: the table of who leads each, and the report's summary.

The table lists the findings in the order the s.55 response does
(:func:`~peeldocs.sections.items.response_items`: causes of concern and
recommendations, then areas for improvement, each by question or area in the
report's order, each earlier finding carried forward after the findings on its
subject), each with its kind, the
finding verbatim, its lead, its state on the preparation date and, apart, its
reference; without a plan a lead or date none records is "To be confirmed".
What the committee is asked is in :mod:`committee_asks`.  The summary quotes
the report's own summary, attributed, and names the earlier findings it found
addressed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from peeldocs.blocks import (
    Block,
    BulletList,
    Cell,
    Inline,
    NumberedParagraph,
    Paragraph,
    Placeholder,
    Table,
    Text,
    inline_text,
    plain,
)
from peeldocs.model import Outcome, Report
from peeldocs.options import Options
from peeldocs.plans.rules import assess_plan
from peeldocs.prose import join_words, sentence_case
from peeldocs.sections.calls import follow_up
from peeldocs.sections.committee_figures import figures_and_practice
from peeldocs.sections.committee_plan import plan_state
from peeldocs.sections.committee_scope import UNCONFIRMED, date_header, report_state
from peeldocs.sections.common import quoted
from peeldocs.sections.earlier import OUTCOMES, earlier_parts, prior_named
from peeldocs.sections.items import (
    ItemKind,
    ResponseItem,
    plan_item,
    response_items,
)
from peeldocs.sections.joint import jointly_to, other_addressees
from peeldocs.sections.paper import Numbering, plan_cells
from peeldocs.wording import marks_note, render_text

LACKING = "the report found not enough progress"
"""Said of an earlier finding carried forward, beside its name in the findings table."""


def ordered_items(report: Report) -> list[ResponseItem]:
    """Return the findings to act on, grouped by kind in the report's order, as the s.55 lists them.

    An action plan's state is shown beside each finding, never used to reorder them.  An
    earlier finding carried forward is given its question's (area's) title, so an area is
    named as every other finding's is.
    """
    titles = {q.number: q.title for q in report.questions}
    return [replace(i, question_title=titles.get(i.question))
            if i.question_title is None and i.question in titles else i
            for i in response_items(report)]


LED = "Findings, owners and status"
UNLED = "Findings and leads"


def findings_heading(report: Report, options: Options) -> str:
    """Return the heading over the findings: what it holds, leads to confirm when none is recorded.

    "Findings, owners and status" when the action plan records a lead for any finding;
    without a plan, or with one recording none, "Findings and leads" (read 24-C: a heading
    carries no status; that the leads are to be confirmed is said in the paragraph and each row).
    """
    for item in ordered_items(report):
        lead, _target = plan_cells(plan_item(options.plan, item.id))
        if lead.runs and not isinstance(lead.runs[0], Placeholder):
            return LED
    return UNLED


def findings_table(report: Report, options: Options) -> Table | None:
    """Return the findings: kind, the words verbatim, lead, state, and the reference apart."""
    items = ordered_items(report)
    if not items:
        return None
    states = ({s.item.finding: s for s in assess_plan(options.plan, options.as_of_date)}
              if options.plan is not None else {})
    published = options.published or report.published
    parents = {p: tuple(i.id for i in items if i.parent == p) for p in {i.parent for i in items}
               if p}
    when = "State" if options.plan is not None else date_header(items)  # what the cells hold
    people = "Owner / lead" if options.plan is not None else "Lead"  # the plan records both
    header = tuple(Cell(plain(h)) for h in ("Finding", "Report text (verbatim)", people, when,
                                            "Ref"))
    rows = []
    for item in items:
        kind = item.kind.value.capitalize()
        if item.kind is ItemKind.CARRIED_FORWARD and item.note:
            kind = sentence_case(f"earlier finding: {item.note}")
        if report.is_assessment and item.question_title:  # areas by name, as the report does
            kind += f" in ‘{item.question_title}’"
        elif item.question is not None:  # the judgments table above numbers each question
            kind += f", question {item.question}"
        if item.in_text:
            kind += " (made in the text)"
        # a recommendation addressed to more forces than this one (in its own words): joint,
        # its lead to be agreed with the others, never the force's alone to name (read 24-C)
        joint = other_addressees(item.text, report) \
            if item.kind is ItemKind.RECOMMENDATION and jointly_to(item.text, report) else ""
        if joint:
            kind = f"Joint {kind[:1].lower()}{kind[1:]}"
        lead, _target = plan_cells(plan_item(options.plan, item.id))
        unled = bool(lead.runs) and isinstance(lead.runs[0], Placeholder)
        if unled:
            # no plan (or no lead in it) records a lead: said as the paragraph above says it,
            # never left to write in every row; a cause of concern too has one lead, its
            # recommendations (below) its action and dates, as the pack's table has it
            lead = Cell(plain(f"To be agreed with {joint}" if joint else UNCONFIRMED,
                              italic=True))
        if options.plan is not None:
            state = plan_state(item, states)
        else:
            state = report_state(item, published, options.as_of_date, parents)
        words: tuple[Inline, ...] = (Text(item.full_text),)
        named: tuple[Inline, ...] = (Text(kind, bold=True),)
        if item.kind is ItemKind.CARRIED_FORWARD:  # carried forward: the report found too little
            named += (Text(f"; {LACKING}"),)
        rows.append((Cell(named), Cell(words), lead, state, Cell(plain(item.id))))
    # named by what its columns hold, not the heading above it (read 29-C)
    who = people.lower().replace(" / ", " or ")
    caption = f"Each finding in the report’s words, with its {who}, {when[:1].lower()}{when[1:]} " \
              "and reference"
    return Table((header,), tuple(rows), widths=(1.5, 2.5, 1.4, 1.45, 1.25), caption=caption)


def report_summary(report: Report, options: Options, n: Numbering,
                   **ctx: Any) -> list[Block]:
    """Return what the report found: its own summary quoted and attributed, earlier ones addressed.

    Only the report's words: its summary, or each question's (area's) summary
    when it gives none overall, never a paraphrase of ours; then a few of its
    figures and the notable practice it records (:mod:`committee_figures`).
    """
    blocks: list[Block] = []
    if report.summary:
        blocks += [n.para(plain(_said("summary", report, options, **ctx))),
                   *quoted(report.summary)]  # the lead-in says once if it is constructed
    else:
        for q in report.questions:
            if q.summary:
                blocks += [n.para(plain(_said("question", report, options, number=q.number,
                                              question_title=q.title, **ctx))),
                           *quoted(q.summary[:1])]
    if not blocks:  # what the data does not hold is said, never filled in
        blocks.append(n.para(plain(_said("none", report, options, **ctx))))
    blocks += figures_and_practice(report, options, n, **ctx)  # how bad, and what goes well
    # read 36-C: what the force has not addressed matters more to a committee: said first
    for prior in report.prior_findings:  # the inspectorate's own verdict on what lacks progress
        if prior.outcome is Outcome.NOT_ENOUGH_PROGRESS and prior.verdict.strip():
            named = prior_named(replace(prior, text=""), report, 0)
            more = follow_up(report, prior.id)  # what it now asks, as the pack and brief quote it
            blocks.append(n.para(plain(_said("lacking", report, options, named=named,
                                             verdict=" ".join(prior.verdict.split()),
                                             more=" ".join((more or "").split()), **ctx))))
    blocks += _addressed(report, options, n)
    return blocks


_OUR_BRACKET = re.compile(r"(?<!\[)\[(?!\[)[^\]]+\]")


def note_marks(blocks: list[Block]) -> bool:
    """Say what square brackets mean at their first use in our paragraphs; whether said.

    Read 36-C: the note came at 6.2, after quotations with brackets at 5.4.  It ends
    the numbered paragraph that first uses them, or (in a list) comes just before its
    lead-in; the quotations of the report's own summary are its text, never scanned.
    """
    for i, block in enumerate(blocks):
        if isinstance(block, NumberedParagraph):
            text = inline_text(block.runs)
        elif isinstance(block, BulletList):
            text = " ".join(inline_text(item) for item in block.items)
        else:
            continue
        if not _OUR_BRACKET.search(text):
            continue
        if isinstance(block, NumberedParagraph):
            blocks[i] = replace(block, runs=(*block.runs, Text(f" {marks_note()}")))
        else:
            at = max((k for k in range(i) if isinstance(blocks[k], NumberedParagraph)), default=i)
            blocks.insert(at, Paragraph(plain(marks_note())))
        return True
    return False


def _said(what: str, report: Report, options: Options, **ctx: Any) -> str:
    return "".join(render_text("committee_said.j2", options.template_dir, what=what,
                               **ctx))


LIST_FROM = 3
"""A sentence naming this many quoted earlier findings is given as a list instead, one a line."""


def _addressed(report: Report, options: Options, n: Numbering) -> list[Block]:
    """Return the earlier findings the report does not carry forward, each named, quoted and judged.

    Three or more quotations in one sentence are hard to follow, read or heard: then
    the findings are listed, one a line, under a lead-in.  Each comes with the report's
    own verdict on it (read 34: "addressed" rested on the paper's word alone).
    """
    parts = earlier_parts(report)
    ids = [p.id for outcome in OUTCOMES for p in report.prior_findings if p.outcome is outcome]
    said = _verdicts([" ".join(p.verdict.split()) for outcome in OUTCOMES
                      for p in report.prior_findings if p.outcome is outcome])
    if not any(sum("“" in name for name in named) >= LIST_FROM for _, named in parts["parts"]):
        verdicts = "".join(f" Of {join_words(ids[i - n + 1:i + 1])}, the report says: “{v}”"
                           for i, (v, n) in enumerate(said) if v)
        texts = render_text("addressed.j2", options.template_dir, **parts)
        return [n.para(plain(text + (verdicts if i == len(texts) - 1 else "")))
                for i, text in enumerate(texts)]
    leads = render_text("addressed_list.j2", options.template_dir, **parts)
    if not leads:
        return []
    judged = iter(said)
    # read 36-C: one verdict on its line and the others after the list read unevenly: when
    # any is said after the list (read 35-C: one on several), every one is
    apart = any(v and k > 1 for v, k in said)
    parts["parts"] = [(words, [name + ("" if apart else _says(*next(judged))) for name in named])
                      for words, named in parts["parts"]]
    shared = [" ".join(f"Of {join_words(ids[i - k + 1:i + 1])}, the report says: “{v}”"
                       for i, (v, k) in enumerate(said) if v and apart)] if apart else []
    out: list[Block] = [n.para(plain(leads[0]))]
    if len(parts["parts"]) == 1 and len(leads) == 1:
        out.append(BulletList(tuple(plain(name) for name in parts["parts"][0][1]), level=1))
    else:
        for (_words, named), lead in zip(parts["parts"], leads[1:], strict=False):
            out += [Paragraph(plain(lead)),
                    BulletList(tuple(plain(name) for name in named), level=1)]
    return [*out, *(n.para(plain(text)) for text in shared)]


def _verdicts(said: list[str]) -> list[tuple[str, int]]:
    """Return each verdict where a run of the same verdict ends, with the run's length; else "".

    The report gives one verdict on two findings ("these areas for improvement"): it is
    quoted once, after them, naming each.
    """
    out: list[tuple[str, int]] = []
    for i, verdict in enumerate(said):
        ends = i + 1 == len(said) or said[i + 1] != verdict
        run = next((k for k in range(i, -1, -1) if said[k] != verdict), -1)
        out.append((verdict, i - run) if ends and verdict else ("", 0))
    return out


def _says(verdict: str, run: int) -> str:
    """Return a verdict on one finding, said on its line; one on several is said after the list."""
    if not verdict or run > 1:
        return ""
    return f". The report says: “{verdict}”"
