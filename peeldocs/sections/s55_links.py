"""How the s.55 letter quotes and links its findings.

An earlier finding the report revisits is answered with the report's findings of its
kind on its question or area; the letter links them ("See also cause of concern 1 and
recommendation 1 above, in the same area."), by the numbers their headings give them.
Its verdict is quoted whole, with what the report now asks of it; the note on the
marks in quotations names only the marks the letter uses.  The preparer's notes list
the places still to complete in the order the letter gives them (:func:`to_complete`).
The report's judgment is said once, after the opening, as the brief words it
(:func:`judgment_said`).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from peeldocs.blocks import Block, BulletList, Paragraph, Table, Text
from peeldocs.model import Report
from peeldocs.model.scales import Grade
from peeldocs.options import Options
from peeldocs.prose import count_words, join_words
from peeldocs.sections.common import ours
from peeldocs.sections.items import ItemKind, ResponseItem
from peeldocs.sections.lowest import grade_groups, lowest_context, question_topic
from peeldocs.sections.paper import placeholders
from peeldocs.wording import marks_note


def judgment_said(report: Report, options: Options, ctx: dict[str, Any],
                  questions: list[int | None] | None = None) -> tuple[Paragraph, ...]:
    """Return the report's judgment in a sentence or two, from the data, as the brief says it.

    "The inspectorate judged Norfolk Constabulary to be good for effectiveness."; an
    assessment's lowest grade and where.  Nothing when the data does not give the
    overall judgment of a pillar report: a published letter does not speak of what is
    unknown.  ``ctx``: the report's wording context; ``questions``: those the answered
    findings are on, whose grades follow (:func:`findings_graded`).
    """
    if not (report.is_assessment or report.is_overview or (
            report.judgment is not None and not report.judgment.is_unknown)):
        return ()
    # a pillar's overall judgment alone: the question graded lowest is the one whose findings
    # the letter answers, each under its heading (and one line is all the page can spare)
    said = ours("brief_headline.j2", options, assessment=report.is_assessment,
                constructed=report.illustrative, yours=True, in_tally=True,
                **lowest_context(report), **ctx)
    where = findings_graded(report, questions or [])
    if not said or not where:
        return said
    return (*said[:-1], dataclasses.replace(said[-1], runs=(*said[-1].runs, Text(" " + where))))


def run_on(opening: list[Block], more: tuple[Paragraph, ...]) -> list[Block]:
    """Return the opening's paragraphs with ``more`` run on into its last one, as one paragraph."""
    last = opening[-1] if opening else None
    if not more or not isinstance(last, Paragraph):
        return [*opening, *more]
    extra = tuple(r for p in more for r in (Text(" "), *p.runs))
    return [*opening[:-1], dataclasses.replace(last, runs=(*last.runs, *extra))]


def findings_graded(report: Report, questions: list[int | None]) -> str:
    """Return how many answered findings are on questions (or areas) graded below the report's grade.

    ``questions``: the question or area of each finding the letter answers.  "Of the
    five findings this letter answers, four are on a question graded requires
    improvement (question 2, Investigating crime and reducing re-offending)."; "Of the
    13 findings this letter answers, ten are in areas graded inadequate
    (‘Investigating crime’) or requires improvement (‘Responding to the public’ and
    ‘Leadership and force management’)." (read 36: the overall grade alone left the
    reader asking why every answer sits under one question).  Below the overall grade,
    or, with none, below adequate; worst first.  "" when no answered finding is on one.
    """
    overall = report.judgment.grade if report.judgment is not None and \
        report.judgment.status.has_grade and not report.is_assessment else None
    scale = list(Grade)
    bar = scale.index(overall if overall is not None else Grade.ADEQUATE)
    low = [q for q in report.questions if q.number in questions and q.judgment.grade is not None
           and q.judgment.status.has_grade and scale.index(q.judgment.grade) > bar]
    if not low:
        return ""
    area = report.is_assessment
    phrases = []
    for label, group in grade_groups(tuple(low)):
        names = [f"‘{q.title}’" if area else f"question {q.number}" + (
            f", {question_topic(q.title)}" if question_topic(q.title) else "") for q in group]
        phrases.append(f"{label} ({join_words(names)})")
    noun = ("area" if area else "question") + ("s" if len(low) > 1 else "")
    noun = noun if len(low) > 1 else ("an " if area else "a ") + noun
    n, total = sum(q in {x.number for x in low} for q in questions), len(questions)
    count = ("The finding this letter answers is" if total == 1 else
             f"The {count_words(total)} findings this letter answers are all" if n == total else
             f"Of the {count_words(total)} findings this letter answers, {count_words(n)} "
             f"{'is' if n == 1 else 'are'}")
    return (f"{count} {'in' if area else 'on'} {noun} graded "
            f"{join_words(phrases, conjunction='or')}.")


def heading_number(heading: str) -> int | None:
    """Return the number a finding's heading gives it ("Recommendation 2 (…)": 2), or None.

    >>> heading_number("Area for improvement 2 from 2017 (question 2)"), heading_number(
    ...     "Area for improvement from 2017 (question 2)")
    (2, None)
    """
    last = heading.split(" (")[0].split(" from ")[0].rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else None


def cross_references(items: tuple[ResponseItem, ...] | list[ResponseItem],
                     area: str, titles: dict[str, str] | None = None) -> dict[str, str]:
    """Return the line linking an earlier finding to the report's findings of its kind on its subject.

    The letter answers an earlier finding straight after the report's findings of its
    kind on its question or area (:func:`~peeldocs.sections.items.with_subject`); the
    one placed after says so by their headings' numbers, with the recommendations that
    answer them: "See also cause of concern 1 and recommendation 1 above, in the same
    area." (``titles``: the headings, :func:`item_titles`).  Where it stands apart
    from them, the first of them says "See also A-2021-COC-1 below, in the same area."
    and the earlier one "See also A4-COC-1 above, in the same area.", so the signer
    answers them together (:func:`subject_links`).  Each subject is named once and
    reused: linear in the number of findings.
    """
    out: dict[str, str] = {}
    family: dict[str, list[str]] = {}  # a finding and the recommendations answering it
    for item in items:
        family.setdefault(item.id, []).append(item.id)
        if item.parent:
            family.setdefault(item.parent, []).append(item.id)
    subjects: dict[tuple[int | None, str], list[str]] = {}
    for item in items:
        if item.kind is not ItemKind.CARRIED_FORWARD:
            subjects.setdefault((item.question, item.kind.value), []).append(item.id)
    named: dict[str, str] = {}  # once per subject, by its first finding
    where = {item.id: item for item in items}
    for current, earlier, apart in subject_links(items):
        if apart:
            out[earlier] = f"See also {current} above, in the same {area}."
            out.setdefault(current, f"See also {earlier} below, in the same {area}.")
        elif titles:
            if current not in named:
                first = where[current]
                same = subjects.get((first.question, first.kind.value), [current])
                named[current] = headings_named(
                    [ref for s in same for ref in family.get(s, [s])], titles)
            on = "on" if area == "question" else "in"
            out[earlier] = f"See also {named[current]} above, {on} the same {area}."
    return out


def headings_named(refs: list[str], titles: dict[str, str]) -> str:
    """Name findings by their headings' kinds and numbers, in order, kind by kind.

    "cause of concern 1 and recommendation 1", "areas for improvement 1 to 3",
    "the cause of concern" (one alone of its kind has no number).

    >>> headings_named(["a", "b", "c"], {"a": "Area for improvement 1 (question 2: X)",
    ...     "b": "Area for improvement 2 (question 2)", "c": "Recommendation (question 2)"})
    'areas for improvement 1 and 2 and the recommendation'
    """
    kinds: dict[str, list[int | None]] = {}
    for ref in refs:
        heading = titles.get(ref, "")
        number = heading_number(heading)
        base = heading.split(" (")[0]
        kind = base.rsplit(" ", 1)[0] if number is not None else base
        kinds.setdefault(kind.lower(), []).append(number)
    parts = []
    for kind, numbers in kinds.items():
        known = [n for n in numbers if n is not None]
        if len(known) < len(numbers) or not known:
            parts.append(f"the {kind}")
        elif len(known) == 1:
            parts.append(f"{kind} {known[0]}")
        else:
            plural = next((k.plural() for k in ItemKind if k.value == kind), kind + "s")
            run = known == list(range(known[0], known[0] + len(known)))
            said = (f"{known[0]} to {known[-1]}" if run and len(known) > 2
                    else join_words(str(n) for n in known))
            parts.append(f"{plural} {said}")
    return " and ".join(parts)


def subject_links(items: tuple[ResponseItem, ...] | list[ResponseItem]
                  ) -> list[tuple[str, str, bool]]:
    """Return each (current finding, earlier finding, apart) on one subject, in order.

    An earlier finding is linked to the first of the report's findings of its kind
    on its question or area, as the data records them; ``apart`` is False when the
    letter answers it straight after them (and their recommendations).  Worked out
    from one index: linear in the number of findings.
    """
    out: list[tuple[str, str, bool]] = []
    where = {item.id: at for at, item in enumerate(items)}
    by_subject: dict[tuple[int, str], list[ResponseItem]] = {}  # once, not per item: linear
    children: dict[str, list[str]] = {}
    for i in items:
        if i.question is not None:
            by_subject.setdefault((i.question, i.kind.value), []).append(i)
        if i.parent:
            children.setdefault(i.parent, []).append(i.id)
    ends: dict[tuple[int, str], int] = {}  # where each subject's findings (and children) end
    run = 0  # where the run of earlier findings on one question up to this one starts
    for at, item in enumerate(items):
        before = items[at - 1] if at else None
        if not (before is not None and before.earlier and item.earlier
                and before.question == item.question):
            run = at
        kind = item.earlier.partition(" from ")[0]
        if not kind or item.question is None or (item.question, kind) not in by_subject:
            continue
        key = (item.question, kind)
        same = by_subject[key]
        if key not in ends:
            ends[key] = max(where[ref] for s in same
                            for ref in (s.id, *children.get(s.id, ())))
        out.append((same[0].id, item.id, run > ends[key] + 1))
    return out


def marks_said(entries: list[Block]) -> str:
    """Say what the marks the letter's quotations use mean: only the marks they use.

    Read from the built entries' quoted text (the findings, their points and the
    report's verdicts): square brackets, an ellipsis, both or neither ("").  A
    placeholder is not text, so its braces never count.
    """
    said = [r.text for b in entries if isinstance(b, Paragraph | BulletList)
            for line in ((b.runs,) if isinstance(b, Paragraph) else b.items)
            for r in line if isinstance(r, Text)]
    brackets = any("[" in t for t in said)
    ellipsis = any("…" in t for t in said)
    return marks_note(brackets, ellipsis) if brackets or ellipsis else ""


def with_follow_up(item: ResponseItem, more: str) -> ResponseItem:
    """Return an earlier finding with the report's verdict and what it now asks, quoted whole.

    "The force has not made enough progress. [The force] must do more to ensure …": the
    report's verdict, then ``more``, its next sentence calling on the force to act
    (:func:`~peeldocs.sections.calls.follow_ups`, square brackets for the words put in
    place of its "It"), as the brief and committee paper quote it; the verdict alone
    where the report says nothing more.
    """
    verdict = item.verdict or ""
    more = " ".join(more.split()) if verdict else ""
    if not more or more in verdict:
        return item
    return dataclasses.replace(item, verdict=f"{verdict.rstrip()} {more}")


def to_complete(letter: list[Block], titles: set[str], total: int, head: Table | None = None,
                findings: int = 0) -> list[str]:
    """Return each placeholder still in the letter, the response to each finding counted once.

    In the order the letter gives them, what a finding's response asks grouped at its
    first place, and the two kinds of action (by a deadline, or taken or planned) side
    by side (read 34); each counted against the findings ("2 of the 5 findings"), or
    the response tables where a cause of concern is answered by its recommendations.
    """
    found = placeholders(letter, top=head)  # a table's as "its caption: what to write"
    missing: dict[str, int] = {}
    out: list[str | None] = []
    for text in found:
        # the caption ends at one of the text's ": ", so each is looked up once in the set
        title = next((text[:i] for i in _separators(text) if text[:i] in titles), None)
        if title is None:
            out.append(text)
            continue
        what = text[len(title) + 2:]
        if what not in missing:
            out.append(None)  # its place, filled below with its count
            missing[what] = 0
        missing[what] += 1
    asked = list(missing)
    actions = [w for w in asked if w.startswith("the action")]
    if actions:  # side by side at the first one's place
        first = asked.index(actions[0])
        asked = [w for w in asked if w not in actions]
        asked[first:first] = actions
    of = f"the {total} findings" if total == findings else f"the {total} response tables"
    order = iter(asked)
    return [t if t is not None else (f"Response to each finding: {(w := next(order))} "
                                     f"({missing[w]} of {of})") for t in out]


def _separators(text: str) -> list[int]:
    """Return where each ": " in ``text`` starts."""
    out, at = [], text.find(": ")
    while at != -1:
        out.append(at)
        at = text.find(": ", at + 1)
    return out
