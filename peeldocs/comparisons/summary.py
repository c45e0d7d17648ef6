"""The comparison pack's summary: a few points up front, built only from what the pack shows.

Each point restates what a later section establishes: first, where a full
report was given, the report's own judgments and what it says of earlier
findings; then where the focus force stands in each cycle compared (as "Where
… stands" says it, shortened).  A point that draws on constructed grades says
so where it is said; nothing
here compares a grade across the change of grading scale.  What the reader is
asked to note is the author's to write: a marked placeholder, listed with the
pack's other parts to complete.
"""

from __future__ import annotations

from peeldocs.blocks import (
    Block,
    BulletList,
    Callout,
    Heading,
    Inline,
    Paragraph,
    Placeholder,
    Section,
    Table,
    Text,
    Tone,
    plain,
)
from peeldocs.comparisons.common import join_words
from peeldocs.comparisons.model import (
    Column,
    ComparisonSet,
    GradeEntry,
    Origin,
    ReportFacts,
    distribution,
    position,
    scale_of,
)
from peeldocs.comparisons.over_time import mixed_tag, over_time, said_once, tag
from peeldocs.model import SCALE_GRADES, Force, Grade, Outcome, Scale, cycle_words
from peeldocs.options import Options
from peeldocs.prose import count_words, counted, questions_phrase
from peeldocs.sections.common import ours
from peeldocs.sections.paper import placeholders

MOST_SAID = 3
"""A cycle with more columns than this is summed up by grade, naming the lowest only."""


def _columns(data: ComparisonSet, cycle: str) -> tuple[Column, ...]:
    """Return the columns the cycle's section compares: graded for more than one force."""
    forces = data.forces()
    return tuple(c for c in data.columns(cycle, at_least=2)
                 if sum(distribution(data, c, forces)[0].values()) > 1)


def column_words(column: Column) -> str:
    """Name a column in a sentence: "effectiveness", "effectiveness question 2", "“an area”"."""
    if column.pillar is None:
        return f"“{column.label}”"
    return column.pillar if column.question is None else f"{column.pillar} question {column.question}"


def _label(entries: list[GradeEntry], force: Force | None) -> str:
    """Say where a point's grades come from, as the pack labels them: "" when all are published."""
    origins = {e.origin for e in entries}
    if origins <= {Origin.HMICFRS}:
        return ""
    if Origin.CONSTRUCTED not in origins:
        return " (from grades whose source is not stated)"
    own = [column_words(e.column) for e in entries
           if force is not None and e.force.name == force.name and e.origin is Origin.HMICFRS]
    if not own or force is None:
        return " (illustrative: constructed grades)"
    return (f" (illustrative: constructed grades, except {force.short_name}’s "
            f"{join_words(own)} {'grade' if len(own) == 1 else 'grades'}, which "
            f"{'is' if len(own) == 1 else 'are'} published)")


def _one(n: int, grade: Grade, what: str = "") -> str:
    for_what = f" for {what}" if what else ""
    return (f"the only force graded {grade.value}{for_what}" if n == 1
            else f"one of {n} forces graded {grade.value}{for_what}")


def standing(data: ComparisonSet, force: Force, cycle: str, scales: int,
             labelled: bool = True) -> str:
    """Sum up where the force stands in one cycle, as its "Where … stands" bullets say it.

    "PEEL 2018/19 (illustrative): Norfolk was one of 28 forces graded good for
    effectiveness, …": the grades' source in full where ``labelled``, else briefly
    (the Summary has said it in full once).  With many columns, the count at each
    grade and the lowest named.
    """
    forces = data.forces()
    columns = _columns(data, cycle)
    places = [p for c in columns if (p := position(data, force, c, forces)).judgment is not None]
    if not places:
        return ""
    entries = [e for c in columns for f in forces if (e := data.entry(f, c)) is not None]
    graded = [(p, p.judgment.grade) for p in places if p.judgment and p.judgment.grade]
    ungraded = len(places) - len(graded)
    if len(columns) <= MOST_SAID:
        said = [_one(p.count(g), g, column_words(p.column)) for p, g in graded]
    else:
        order = SCALE_GRADES[scale_of(cycle)]
        by = {g: [p for p, h in graded if h is g] for g in order}
        kinds = "areas" if scale_of(cycle) is Scale.FIVE_TIER else "columns"
        said = [f"{'graded ' if not i else ''}{g.value} for {len(ps)}" + (
                    f" of the {len(columns)} {kinds} compared" if not i else "")
                for i, (g, ps) in enumerate((g, ps) for g, ps in by.items() if ps)]
        worst = [g for g in order if by[g]][-1:] if graded else []
        if worst and len(by[worst[0]]) <= 2:
            said[-1] += " (" + join_words([f"{column_words(p.column)}, where it was "
                                           f"{_one(p.count(worst[0]), worst[0])}"
                                           for p in by[worst[0]]]) + ")"
    if ungraded:
        said.append(f"has no grade for {counted(ungraded, 'other', words=True)}"
                    if said else f"has no grade for {counted(ungraded, 'column', words=True)}")
    scale = (" These are on the five-tier scale, so they are not compared with earlier "
             "cycles’ grades." if scale_of(cycle) is Scale.FIVE_TIER and scales > 1 else "")
    text = join_words(said).replace(" and has no", " and had no")
    # briefly where the lead said it, unless the point mixes the force's own published and
    # constructed grades: then it says which is which where it is said (read 35)
    own = [e for e in entries if e.force.name == force.name]
    published = [column_words(e.column) for e in own if e.origin is Origin.HMICFRS]
    mark = _label(entries, force) if labelled else mixed_tag(force, published) \
        if published and len({e.origin for e in own}) > 1 else tag(entries, force)
    return (f"PEEL {cycle_words(cycle)}{mark}: "
            f"{force.short_name} was "
            f"{text}.{scale}")


def _origin(data: ComparisonSet, facts: ReportFacts) -> Origin:
    return next((i.origin for i in data.inputs if i.path == facts.source), Origin.NOT_STATED)


def report_points(data: ComparisonSet, force: Force, facts: ReportFacts) -> list[str]:
    """Say what one full report judged and found, as the pack's tables of it show.

    Its overall judgment, any question graded lower than it, its counts of
    findings, and what it says of the earlier findings it revisits.
    """
    found = [e for e in data.entries if e.source == facts.source and e.force.name == force.name]
    title = next((e.report for e in found if e.report), None)
    made = _origin(data, facts) is Origin.CONSTRUCTED
    named = (f"the constructed example report “{title}” (illustrative)" if made and title
             else "the constructed example report (illustrative)" if made
             else f"the published report “{title}”" if title else "the published report")
    overall = next((e for e in found if e.column.question is None), None)
    order = SCALE_GRADES[scale_of(facts.cycle)]
    top = overall.judgment.grade if overall is not None else None
    lower = [e for e in found if e is not overall and e.judgment.grade is not None
             and top is not None and order.index(e.judgment.grade) > order.index(top)]
    head = f"In PEEL {cycle_words(facts.cycle)}, {named}"
    if overall is not None and top is not None:
        head += f" graded {force.short_name} {top.value} for {column_words(overall.column)}"
        if lower:
            head += ", but " + join_words([
                f"{e.judgment.grade.value} for {column_words(e.column)}" + (
                    f" (“{t}”)" if (t := data.title(e.column)) else "")
                for e in lower if e.judgment.grade is not None])
        head += ". "
    else:
        head += f" holds {force.short_name}’s judgments. "
    areas = counted(facts.areas_for_improvement, "area for improvement", "areas for improvement",
                    words=True)
    causes = counted(facts.causes_of_concern, "cause of concern", "causes of concern", words=True)
    points = [sentence(head.strip()),  # the grades, then the findings: two points (read 31-X)
              sentence(f"The report set {areas} and {causes}. {_named(facts)}{_listed(facts)}")]
    prior = facts.prior_findings
    if prior:
        short = [p for p in prior if p.outcome is Outcome.NOT_ENOUGH_PROGRESS]
        done = sum(p.outcome is Outcome.ADDRESSED for p in prior)
        said = (f"It revisited {counted(len(prior), 'earlier finding', words=True)}, of which "
                f"it found {'none' if not done else count_words(done)} addressed")
        if short:
            which = join_words([f"the {cycle_words(p.cycle)} {p.kind.value}" + (
                f" revisited under question {p.question}" if p.question else "") for p in short])
            said += f"; for {which}, the force had not made enough progress"
        points.append(said + (" (illustrative)." if made else "."))
    return points


NAMED_MAX = 4
"""Up to this many findings of a kind are named by their opening words; more, by place only."""


def _named(facts: ReportFacts) -> str:
    """Name the report's areas for improvement and causes of concern by their opening words.

    "Its areas for improvement (all under question 2) begin: “The force must …”; …":
    counted but never named, they sent a reader to the report (read 28-X).
    """
    said = ""
    for kind, plural in (("area for improvement", "areas for improvement"),
                         ("cause of concern", "causes of concern")):
        here = [(where, words) for k, where, words in facts.named if k == kind]
        if not here:
            continue
        places = list(dict.fromkeys(where for where, _w in here))
        at = (f"in {join_words(places)}" if all(p.startswith("‘") for p in places) else
              f"under {questions_phrase([int(p.split()[-1]) for p in places])}")
        if len(here) > NAMED_MAX:
            said += f"Its {plural} are {at}. "
            continue
        every = "" if len(here) == 1 else "both " if len(here) == 2 else "all "
        quoted = [w if len(places) == 1 else f"{w} ({p})" for p, w in here]
        said += (f"Its {kind if len(here) == 1 else plural}"
                 + (f" ({every}{at})" if len(places) == 1 else "")
                 + f" {'begins' if len(here) == 1 else 'begin'}: " + "; ".join(
                     quoted[:-1]) + ("; and " if len(quoted) > 1 else "") + quoted[-1] + ". ")
    return said


def _listed(facts: ReportFacts) -> str:
    """Say how many recommendations the report lists, and where its findings make others.

    "It lists no recommendations, although its question 5 findings make one in
    their text (quoted under “Findings by cycle”)": the sentence is quoted once in
    the pack, where the findings are (issue 23: say it once).
    """
    listed = facts.recommendations
    said = f"It lists {counted(listed, 'recommendation', words=True) if listed else 'no recommendations'}"
    places = list(dict.fromkeys(where for where, _words in facts.recommending))
    if not places:
        return said + "."
    made = "make others" if listed else "make one"
    return (f"{said}, {'and' if listed else 'although'} its {join_words(places)} findings "
            f"{made} in their text (quoted under “Findings by cycle”).")


def sentence(text: str) -> str:
    """Return text with a capital first letter."""
    return text[:1].upper() + text[1:]


def summary_section(data: ComparisonSet, force: Force | None, options: Options) -> Section:
    """Build "Summary": four to six points up front, and what the author is to complete.

    The most recent first (read 36: a pack of 2026 led with 2018/19): the focus force's
    grades across cycles, the latest scale first; where it stands among the forces, the
    latest cycle first; then its full report (grades, findings, verdicts on earlier ones).
    """
    points: list[tuple[Inline, ...]] = []
    scales = len({scale_of(c) for c in data.cycles()})
    once = said_once(data, force)  # the grades' source said once, or by each point
    if force is not None:
        # the force across cycles, within one scale only (a point for each scale); then where
        # it stands among the forces; each the most recent first, then the report (read 36)
        points += [plain(said) for said in reversed(over_time(data, force, labelled=not once))]
        for cycle in reversed(data.cycles()):
            if len(data.forces_in_cycle(cycle)) > 1 and (said := standing(
                    data, force, cycle, scales, labelled=not once)):
                points.append(plain(said))
        for facts in (r for r in data.reports if r.force.name == force.name):
            points += [plain(p) for p in report_points(data, force, facts)]
    else:
        for cycle in data.cycles():
            n = len(data.forces_in_cycle(cycle))
            held = [e for e in data.entries if e.column.cycle == cycle]
            points.append(plain(f"PEEL {cycle_words(cycle)}"
                                f"{tag(held, None) if once else _label(held, None)}"
                                f": the grades of "
                                f"{counted(n, 'force')} are compared, with no one force chosen "
                                "to follow."))
    points.append((Text("For the " + options.audience + " to note: "),
                   Placeholder(f"what the {options.audience} is asked to note or decide")))
    blocks: list[Block] = [Heading(1, "Summary", anchor="summary"),
                           *((Paragraph(plain(once)),) if once else ()),
                           BulletList(tuple(points))]
    return Section("summary", tuple(blocks))


def todo_callout(sections: list[Section], options: Options) -> Callout | None:
    """List every part only the author can write, as the committee paper does, or None."""
    found: list[str] = []
    for section in sections:
        for block in section.blocks:
            top = block if isinstance(block, Table) and block.caption == "About this pack" else None
            found += [t.replace("In the table at the top", "On the cover", 1)
                      .replace("Opening: ", f"Under “{section.name.capitalize()}”: ", 1)
                      for t in placeholders([block], top=top)]
    if not found:
        return None
    return Callout("To complete before this pack is issued", (
        *ours("committee_todo.j2", options, count=len(found), what="pack"),
        BulletList(tuple(plain(t) for t in found))), Tone.WARNING)
