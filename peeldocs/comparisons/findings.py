"""A force's findings across cycles: counts from full reports, and earlier findings revisited.

Only a full report gives findings; a grade table gives grades alone, and a
cycle without a report is said once, not shown as a row of gaps.  Outcomes are
given as the report states them, inferring nothing more.
"""

from __future__ import annotations

from peeldocs.blocks import Block, Cell, Paragraph, Table, Tone, plain
from peeldocs.comparisons.common import join_words
from peeldocs.comparisons.model import ComparisonSet, ReportFacts, scale_of
from peeldocs.model import Force, Outcome, Scale, cycle_words
from peeldocs.prose import fragment
from peeldocs.sections.common import outcome_cell
from peeldocs.wording import marks_note


def _facts(data: ComparisonSet, force: Force, cycle: str) -> list[ReportFacts]:
    return [r for r in data.reports if r.force.name == force.name and r.cycle == cycle]


def findings_table(data: ComparisonSet, force: Force,
                   cycles: tuple[str, ...]) -> tuple[Block, ...]:
    """Count areas for improvement and causes of concern per cycle, from reports only.

    What the findings recommend in their text is quoted in a paragraph under the
    table, not in a narrow column of it (read 35); the column points to it.
    """
    rows = []
    quoted: list[str] = []
    qualified = False
    for cycle in cycles:
        facts = _facts(data, force, cycle)
        if not facts:  # said once, under the table (see no_report_cycles)
            continue
        what = join_words([_cited(data, f) for f in facts])
        listed = sum(f.recommendations for f in facts)
        # a count of none the report's own text contradicts is qualified in its cell: a
        # note elsewhere could fall on another page, and a pointer to it says where by position
        said, quote = _recommendations(listed, facts)
        qualified = qualified or said != str(listed)
        quoted += [quote] if quote else []
        rows.append((Cell(plain(cycle_words(cycle))), Cell(plain(what)),
                     Cell(plain(str(sum(f.areas_for_improvement for f in facts)))),
                     Cell(plain(str(sum(f.causes_of_concern for f in facts)))),
                     Cell(plain(said))))
    header = ((Cell(plain("Cycle")), Cell(plain("Reports used")),
               Cell(plain("Areas for improvement")), Cell(plain("Causes of concern")),
               Cell(plain("Recommendations"))),)
    return (Table(header, tuple(rows), widths=(0.7, 1.9, 1.2, 1.1, 1.8),
                  caption=f"{force.short_name}: findings by cycle",
                  numeric_columns=(2, 3) if qualified else (2, 3, 4),  # words align left
                  row_headers=len(rows) > 1),  # one row: the column headers say enough
            *(Paragraph(plain(q)) for q in quoted))


def _recommendations(listed: int, facts: list[ReportFacts]) -> tuple[str, str]:
    """Count the recommendations the reports list, quoting any their findings make unlisted.

    Returns the cell ("None listed as recommendations; the question 5 findings
    recommend action in their text (quoted below the table).") and the quotation
    for under the table ("In PEEL 2018/19, the question 5 findings say: “We
    recommend …”"), the sentence itself, so a reader sees what is recommended.
    Where a cycle has reports on more than one pillar, each question is named
    with its pillar.
    """
    quoted: dict[str, list[str]] = {}  # each question or area once, in order
    for f in facts:
        for where, sentence in f.recommending:
            named = f"{f.pillar} {where}" if len(facts) > 1 and f.pillar else where
            quoted.setdefault(named, []).extend([sentence] if sentence else [])
    if not quoted:
        return str(listed), ""
    calls = _calls(facts)
    also = " also" if listed else ""
    said = [(f"The {where} findings{also} say: " + " ".join(f"“{s}”" for s in sentences)
             if sentences else f"The {where} findings{also} recommend action in their text.")
            + (_unlisted(calls[where]) if calls.get(where) else "")
            for where, sentences in quoted.items()]
    count = "None" if not listed else f"{listed}"
    cell = (f"{count} listed as recommendations; the {join_words(list(quoted))} findings"
            f"{also} recommend action in their text (quoted below the table).")
    words = " ".join(said)
    return cell, f"In PEEL {cycle_words(facts[0].cycle)}, {words[:1].lower()}{words[1:]}"


def _unlisted(calls: list[str]) -> str:
    """Quote the findings' other calls to act, saying plainly what the report does not make them.

    In the findings' own text, they are not "not listed as a finding" (read 28-X): the
    report does not set them out as areas for improvement or recommendations.
    """
    one = len(calls) == 1
    kinds = ("an area for improvement or a recommendation" if one
             else "areas for improvement or recommendations")
    return (f" They also say, in {'a sentence' if one else 'sentences'} the report does not set "
            f"out as {kinds}: " + " ".join(f"“{s}”" for s in calls))


def _calls(facts: list[ReportFacts]) -> dict[str, list[str]]:
    """Return the findings' other calls to act, by where they are, as the briefing pack quotes them.

    Only those in the findings that recommend action are set beside the
    recommendation ("The force should review …"); the pack lists them all.
    """
    quoted: dict[str, list[str]] = {}
    for f in facts:
        for where, words in f.calls:
            quoted.setdefault(f"{f.pillar} {where}" if len(facts) > 1 and f.pillar else where,
                              []).append(words)
    return quoted


def findings_lead(data: ComparisonSet, force: Force, cycles: tuple[str, ...]) -> Paragraph:
    """Introduce the findings table, saying once which cycles have no full report (no counts).

    Said before the table, not after it, so it is kept with the table's start
    rather than left at the top of the next page.
    """
    said = "Only the full reports used give findings; the tables of grades give grades alone."
    without = [cycle_words(c) for c in cycles if not _facts(data, force, c)]
    if without:
        said += (f" No full report for {force.short_name} for "
                 f"{join_words(without).replace(' and ', ' or ')} was used for this pack (only "
                 "tables of grades), so findings are not counted "
                 f"for {'that cycle' if len(without) == 1 else 'those cycles'}.")
    return Paragraph(plain(said))


SHORT_TABLE_ROWS = 8
"""A table of earlier findings this short is kept whole with its heading where it fits."""


def _cited(data: ComparisonSet, facts: ReportFacts) -> str:
    """Name the report a row counts from, so the row reads on its own (read 25-X).

    Its citation as the input summary holds it ("“Norfolk PEEL 2018”, HMICFRS’s PEEL
    2018/19 effectiveness report, published 2 May 2019"), less the force the table is
    about; what it is ("Effectiveness") where there is no citation.
    """
    cited = next((i.cited for i in data.inputs if i.path == facts.source and i.cited), None)
    if cited is None:
        return _kind(facts)[0]
    return cited.replace(f" on {facts.force.name}", "", 1)


def _kind(facts: ReportFacts) -> tuple[str, str]:
    """Say what the report is, for the table ("Effectiveness") and in a sentence."""
    if facts.pillar is not None:
        return facts.pillar.capitalize(), f"{facts.pillar} report"
    if scale_of(facts.cycle) is Scale.FIVE_TIER:
        return "Force assessment", "force assessment"
    return "Report (pillar not known)", "report whose pillar is not known"


def earlier_findings(data: ComparisonSet, force: Force) -> tuple[Block, ...]:
    """Earlier findings the reports revisit, with their outcomes as the reports state them."""
    facts = [r for r in data.reports if r.force.name == force.name]
    if not facts:
        return (Paragraph(plain(f"No full report for {force.short_name} was used for this "
                                "pack, so earlier findings and their outcomes are not shown.")),)
    rows = tuple((Cell(plain(cycle_words(f.cycle))), Cell(plain(cycle_words(p.cycle))),
                  Cell(plain(fragment(p.text, p.kind.value))),
                  _outcome_cell(p.outcome)) for f in facts for p in f.prior_findings)
    if not rows:
        return (Paragraph(plain("The reports used do not revisit any earlier findings.")),)
    header = ((Cell(plain("Revisited in")), Cell(plain("Finding from")),
               Cell(plain("Earlier finding (as quoted)")), Cell(plain("Outcome"))),)
    # a short table is kept whole with its heading, not split leaving a row or two on a page
    table = Table(header, rows, widths=(0.8, 0.8, 4.0, 1.6),
                  caption=f"{force.short_name}: earlier findings and their outcomes",
                  keep_with_heading=len(rows) <= SHORT_TABLE_ROWS)
    # the note names only the marks the quotations carry (read 25-P, said of the pack)
    quoted = [fragment(p.text, p.kind.value) for f in facts for p in f.prior_findings]
    note = marks_note(any("[" in q for q in quoted), any("…" in q for q in quoted))
    return (Paragraph(plain(note)), table) if note else (table,)


def _outcome_cell(outcome: Outcome) -> Cell:
    """Return an earlier finding's outcome as the report says it, inferring nothing more."""
    if outcome is Outcome.NOT_ENOUGH_PROGRESS:  # the report: "has not made enough progress"
        return Cell(plain("Not enough progress made", bold=True), tone=Tone.WARNING)
    return outcome_cell(outcome)
