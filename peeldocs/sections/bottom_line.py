"""The bottom line that opens an executive summary: the grades, what to act on, what is due.

Every word comes from the data: the overall judgment (or the lowest grade and
where it was given), how many findings the report lists to act on and which
earlier findings it says lack progress, what is overdue, and the commissioner's
section 55 deadline once passed (within 30 days).  What the asks just below name
(each overdue item or passed deadline, a deadline still ahead) is not said here
too (read 33).  Nothing is said of a part of the report that was not read.
"""

from __future__ import annotations

from datetime import date

from peeldocs.blocks import Block, Paragraph, Text, inline_text
from peeldocs.model import Question, Report, Status
from peeldocs.model.report import text_recommendations
from peeldocs.model.scales import Grade
from peeldocs.options import Options
from peeldocs.plans.rules import DUE_SOON_DAYS
from peeldocs.prose import count_words, counted, join_words, questions_phrase
from peeldocs.sections.asks import PASSED_NAMED
from peeldocs.sections.brief_items import described, quotation, revisited
from peeldocs.sections.common import ours, report_context, unread_clause
from peeldocs.sections.due import what_is_due
from peeldocs.sections.items import ItemKind, ResponseItem, s55_deadline
from peeldocs.sections.joint import jointly_to
from peeldocs.sections.order import in_pack_order, ordered_items
from peeldocs.sections.paper import runs
from peeldocs.wording import render_text

OPENING_WORDS = 12
"""A finding named in the bottom line is quoted to its first clause within this many words."""
_ORDER = (ItemKind.CAUSE_OF_CONCERN, ItemKind.RECOMMENDATION, ItemKind.AREA_FOR_IMPROVEMENT)


def s55_days(report: Report, options: Options) -> tuple[date, int] | None:
    """Return the s.55 deadline and the days from the preparation date to it, when it is live.

    Live: still ahead on the preparation date, or passed within the last 30 days
    (the days are then negative); None when long passed or not known.
    """
    deadline = s55_deadline(options.published or report.published)
    if deadline is None:
        return None
    days = (deadline - options.as_of_date).days
    return (deadline, days) if days >= -DUE_SOON_DAYS else None


def s55_due(report: Report, options: Options) -> tuple[Block, ...]:
    """Return the line naming the s.55 deadline with the days left, when it is live."""
    live = s55_days(report, options)
    if live is None:
        return ()
    return tuple(Paragraph(runs(inline_text(p.runs))) for p in ours(
        "summary_s55.j2", options, deadline=live[0], days=live[1],
        **report_context(report, options)))


def s55_blocks(report: Report, options: Options) -> tuple[Block, ...]:
    """Return the section 55 deadline in full: the date, how it is counted, and the law."""
    published = options.published or report.published
    return tuple(Paragraph(runs(inline_text(p.runs))) for p in ours(
        "s55.j2", options, **{**report_context(report, options),
                              "deadline": s55_deadline(published), "published": published}))


def _where(report: Report, at: list[Question]) -> str:
    """Name questions (areas, pillars) in words: their titles, or "question 2" by number."""
    if report.is_assessment or report.is_overview:
        return join_words(f"‘{q.title}’" for q in at)
    return questions_phrase([q.number for q in at])


def _not_graded(report: Report) -> list[tuple[str, str]]:
    """Return (where, how) for each part not yet graded or not inspected.

    An ungraded part (the victim service assessment, say) is ungraded by design and
    the table says so; unknown judgments are left to the warning on what was not read.
    """
    out: dict[str, list[Question]] = {}
    for q in report.questions:
        if q.judgment.status in (Status.NOT_YET_GRADED, Status.NOT_INSPECTED):
            out.setdefault(q.judgment.describe().lower(), []).append(q)
    return [(_where(report, at), how) for how, at in out.items()]


def _lowest(report: Report, below: Grade | None) -> tuple[str, str, bool] | None:
    """Return the lowest grade given (worse than ``below``, when given), where, and whether all.

    The last is true when every grade given is that one: then it is no "lowest".
    """
    grades = list(Grade)
    graded = [q for q in report.questions
              if q.judgment.status is Status.GRADED and q.judgment.grade is not None]
    if not graded:
        return None
    worst = max((q.judgment.grade for q in graded if q.judgment.grade), key=grades.index)
    if below is not None and grades.index(worst) <= grades.index(below):
        return None
    at = [q for q in graded if q.judgment.grade is worst]
    return worst.value, _where(report, at), len(at) == len(graded)


def _shape(report: Report) -> str:
    """Return how many areas took each grade, best first, "graded" said once.

    "Three areas were graded good, three adequate, two requires improvement and one
    inadequate".  Read 35: an assessment's "In brief" opened on its lowest grade alone;
    a reader wants the shape first.  "" for a report of questions, or one with fewer
    than two grades given (its lowest grade alone says it).
    """
    grades = [q.judgment.grade for q in report.questions
              if q.judgment.status is Status.GRADED and q.judgment.grade is not None]
    if not report.is_assessment or len(set(grades)) < 2:
        return ""
    parts = [f"{count_words(n)} {g.value}" for g in Grade if (n := grades.count(g))]
    first = next(g for g in Grade if g in grades)
    n = grades.count(first)
    parts[0] = f"{counted(n, 'area', words=True)} {'was' if n == 1 else 'were'} graded {first.value}"
    return join_words(parts)


def named_in_words(item: ResponseItem, report: Report, *, quote: bool = False) -> str:
    """Name a finding in words, the reference in brackets.

    "the 2017 area for improvement (E-2017-AFI-1), reconsidered under question 2"; with ``quote``,
    the report's opening words follow what it is (never words of ours).
    """
    if item.kind is ItemKind.CARRIED_FORWARD and not (quote and item.full_text.strip()):
        # read 24-B: the reference after the finding, not after the question that revisits it
        return f"the {revisited(item, report, item.id)}"
    what = f"the {described(item, report)}"
    if quote and item.full_text.strip():
        what += f", “{quotation(item.full_text, OPENING_WORDS)}”"
    return f"{what} ({item.id})"


def grouped_in_words(items: list[ResponseItem | str], report: Report) -> list[str]:
    """Name many findings in words, those of one kind and place together, in order.

    "the recommendations in ‘Investigating crime’ (A5-REC-3, A5-REC-1 and A5-REC-2)".
    """
    groups: dict[str, list[ResponseItem | str]] = {}
    for item in items:
        groups.setdefault("" if isinstance(item, str) else described(item, report), []).append(item)
    out = []
    for what, members in groups.items():
        ids = [m if isinstance(m, str) else m.id for m in members]
        first = members[0]
        if what and len(members) > 1 and not isinstance(first, str) \
                and what.startswith(first.kind.value):
            what = first.kind.plural() + what[len(first.kind.value):]
        out.append(f"the {what} ({join_words(ids)})" if what else join_words(ids))
    return out


def _stated_where(report: Report, ids: set[str]) -> tuple[str, str]:
    """Return where the report makes recommendations in its findings' text, and what it makes.

    ("its question 5 findings", "one recommendation, to Norfolk and Suffolk Constabularies
    jointly (E5-REC-1)"); ("", "") when it makes none there.  Whom a recommendation is
    addressed to is named only where its words address more than the inspected force.
    """
    made = [r for r in text_recommendations(report) if r.id in ids]
    at = sorted({r.question for r in made})
    if not at:
        return "", ""
    if report.is_assessment:
        where = "its findings on " + join_words(f"‘{q.title}’" for q in report.questions
                                                if q.number in at)
    elif len(at) == 1:
        where = f"its question {at[0]} findings"
    else:
        where = f"its findings on {questions_phrase(at)}"
    joint = [jointly_to(r.text, report) for r in made]
    what = counted(len(made), "recommendation", words=True)
    if len(made) == 1:
        return where, f"{what}{f', to {joint[0]} jointly' if joint[0] else ''} ({made[0].id})"
    refs = "; ".join(f"{r.id}{f', to {to} jointly' if to else ''}" for r, to in zip(made, joint, strict=True))
    return where, f"{what} ({refs})"


def bottom_line(report: Report, options: Options, lead: str = "") -> tuple[Paragraph, ...]:
    """Return the short paragraph that opens the executive summary with what matters most.

    ``lead``: the overall judgment in a sentence, when the report has one.
    """
    ctx = report_context(report, options)
    overall = report.judgment.grade if report.judgment is not None and \
        report.judgment.status.has_grade else None
    lowest = _lowest(report, overall)
    unread = bool(unread_clause(report))
    live = ordered_items(report)
    stated = {r.id for r in text_recommendations(report)}
    kinds = [counted(n, k.value, k.plural(), words=True)
             for k in _ORDER if (n := sum(i.kind is k and i.id not in stated for i in live))]
    carried = [i for i in live if i.kind is ItemKind.CARRIED_FORWARD]
    due = what_is_due(report, options)
    late = [i.ref for i in due.items if i.late]
    named = {i.id: i for i in live}
    late_carried = [i.id for i in carried if i.id in late]
    # an overdue finding already named as lacking progress is not named again
    others = in_pack_order([ref for ref in late if ref not in late_carried], report)
    late_other = ([named_in_words(named[ref], report, quote=True) if ref in named else ref
                   for ref in others] if len(others) <= 2
                  else grouped_in_words([named.get(ref) or ref for ref in others], report))
    s55 = s55_days(report, options)
    asked = due.has_plan or 0 < due.passed <= PASSED_NAMED  # the asks name each one
    stated_where, stated_made = _stated_where(report, stated & set(named))
    texts = render_text("bottom_line.j2", options.template_dir, **{**ctx, "unread": unread},
                        overall=overall.value if overall else "",
                        lowest=lowest, kinds=kinds, shape="" if overall else _shape(report),
                        # the summary quotes each in full just below: named here in words
                        carried=[named_in_words(i, report) for i in carried],
                        stated=stated_where, stated_made=stated_made,
                        not_graded=[] if overall else _not_graded(report),
                        # what is overdue (passed) is in the asks just below, each named with
                        # its date and what to decide: not said here as well (read 33)
                        has_plan=due.has_plan, late=[] if asked else late_other,
                        passed=0 if asked else due.passed,
                        late_carried=[] if asked else late_carried, carried_count=len(carried),
                        # how late, not only that it is (read 25-P): "overdue by 15 days (due …)"
                        late_when=next((i.when for i in due.items
                                        if i.late and i.ref in late_carried), "overdue"),
                        # a deadline still ahead is in the asks (the comments to agree by then)
                        s55=s55[0] if s55 and s55[1] < 0 else None, days=s55[1] if s55 else 0)
    # each sentence its own run, so that a translation takes them one by one
    said = [t.strip() for t in (lead, *texts) if t.strip()]
    if not said:
        return ()
    return (Paragraph((Text("In brief: ", bold=True), *runs(said[0]),
                       *(r for t in said[1:] for r in runs(f" {t}")))),)
