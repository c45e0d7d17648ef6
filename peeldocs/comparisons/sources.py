"""Where a comparison's grades come from, said as the inputs state it and no further.

A grade table states its source in a ``source`` column (HMICFRS or
constructed) or does not say; a report data file is an HMICFRS report unless
it is marked illustrative.  A pack with any constructed input says so on its
cover, in every page's running header and in its properties; the Open
Government Licence attribution appears only when an input is stated to come
from HMICFRS.
"""

from __future__ import annotations

from pathlib import PurePath

from peeldocs.blocks import Block, Callout, Paragraph, ParaStyle, Tone, plain
from peeldocs.comparisons.common import join_words, judged_words
from peeldocs.comparisons.model import ComparisonSet, GradeEntry, InputSummary, Origin
from peeldocs.model import OGL_ATTRIBUTION, cycle_words
from peeldocs.options import Options
from peeldocs.prose import count_words, counted, sentence_case
from peeldocs.sections.common import ours

ALL_CONSTRUCTED = "Illustrative example: not HMICFRS grades"
SOME_CONSTRUCTED = "Illustrative example: includes constructed grades"
MOST_NAMED = 3  # more report files than this are counted, not named, on the cover


def file_name(summary: InputSummary) -> str:
    """Return the input's file name without its folder."""
    return PurePath(summary.path).name


def illustrative_label(data: ComparisonSet) -> str | None:
    """Return the pack's illustrative label, or None when no input is constructed."""
    if not data.constructed():
        return None
    return ALL_CONSTRUCTED if data.all_constructed() else SOME_CONSTRUCTED


def described(summary: InputSummary) -> str:
    """Return what one input is, in words a committee reads (never its file name)."""
    if summary.kind == "report":
        if summary.origin is Origin.CONSTRUCTED:
            return "a constructed example of a PEEL report, not an HMICFRS report"
        return summary.cited or "an HMICFRS report"
    # where a table's grades come from is as the table states: said once, under the table
    return {Origin.HMICFRS: "a table of grades copied from published HMICFRS reports",
            Origin.CONSTRUCTED: "a table of grades constructed for illustration",
            Origin.NOT_STATED: "a table of grades that does not say where its grades come "
                               "from"}[summary.origin]


def stated_note(data: ComparisonSet) -> str:
    """Say once, under the list of files, that the Source column is each table's own word, unchecked.

    In words a chief officer reads without knowing the tool (read 24-X).

    "" when no table states one.
    """
    stated = [i for i in data.inputs if i.kind != "report" and i.origin is not Origin.NOT_STATED]
    if not stated:
        return ""
    # a plain statement of what was not done (read 28-X), not "this pack has not checked that"
    which = "the table’s" if len(stated) == 1 else "each table’s"
    return (f"The Source column repeats {which} own statement of where its grades come "
            "from; it has not been verified independently.")


def _tables(group: list[InputSummary], origin: Origin) -> str:
    one = len(group) == 1
    tables = "One table of grades" if one else \
        f"{sentence_case(counted(len(group), 'table', words=True))} of grades"
    if origin is Origin.HMICFRS:
        return (f"{tables} {'says its' if one else 'say their'} grades are copied from published "
                "HMICFRS reports.")
    return (f"{tables} {'does' if one else 'do'} not say where {'its' if one else 'their'} "
            f"grades come from, so {'they are' if one else 'their grades are'} not known to be "
            "HMICFRS judgments.")


def _reports(group: list[InputSummary], origin: Origin) -> str:
    held = [i for i in group if i.same_as is None]
    one = len(held) == 1
    if origin is Origin.CONSTRUCTED:
        if one:
            return ("One report is a constructed example, not an HMICFRS report: its judgments "
                    "are invented.")
        return (f"{sentence_case(counted(len(held), 'report', words=True))} are constructed "
                "examples, not HMICFRS reports: their judgments are invented.")
    cited = [i.cited for i in held if i.cited]
    if cited and len(cited) == len(held) and len(cited) <= MOST_NAMED:
        return (f"The published {'report' if one else 'reports'} used "
                f"{'is' if one else 'are'} {join_words(cited)}.")
    return (f"{sentence_case(counted(len(held), 'published HMICFRS report', words=True))} "
            f"{'is' if one else 'are'} used, each listed with its title and date under "
            "“About the data”.")


def source_sentences(data: ComparisonSet) -> list[str]:
    """Say where the grades come from, one sentence for each kind of input, in input order.

    Tables of constructed grades are left to the cover's notice on constructed
    grades, which says so, and more, once (see :func:`cover_notices`).
    """
    groups: dict[tuple[str, Origin], list[InputSummary]] = {}
    for summary in data.inputs:
        if summary.kind != "report" and summary.origin is Origin.CONSTRUCTED:
            continue
        groups.setdefault((summary.kind, summary.origin), []).append(summary)
    return [_reports(group, origin) if kind == "report" else _tables(group, origin)
            for (kind, origin), group in groups.items()]


def from_hmicfrs(data: ComparisonSet) -> bool:
    """Return whether some input is stated to come from HMICFRS (its attribution is then due)."""
    return any(i.origin is Origin.HMICFRS for i in data.inputs)


def attribution(data: ComparisonSet) -> str:
    """Return the licence statement the inputs support, or "" when none is."""
    if not from_hmicfrs(data):
        return ""
    quoted = [i for i in data.inputs if i.kind == "report" and i.origin is Origin.HMICFRS
              and i.same_as is None]
    if not quoted:
        return OGL_ATTRIBUTION
    return OGL_ATTRIBUTION + (f" Text quoted from the {'report' if len(quoted) == 1 else 'reports'}"
                              " is Crown copyright.")


def _from(source: str, data: ComparisonSet) -> str:
    """Name where grades not constructed come from: "the published HMICFRS report “…”"."""
    summary = next((i for i in data.inputs if i.path == source), None)
    if summary is None:
        return "another file listed"
    if summary.kind == "report":
        return (f"the published HMICFRS report “{summary.title}”" if summary.title
                else "the published HMICFRS report")
    return ("the table copied from published HMICFRS reports" if summary.origin is Origin.HMICFRS
            else "the table that does not say where its grades come from")


def mostly_constructed(data: ComparisonSet) -> bool:
    """Return whether some grades, but not fewer than the others, were constructed."""
    made = sum(e.origin is Origin.CONSTRUCTED for e in data.entries)
    return 0 < made < len(data.entries) and made >= len(data.entries) - made


def constructed_share(data: ComparisonSet) -> str:
    """Say from the counts how many grades were constructed, when some but not all were.

    "All the grades in this pack were constructed for illustration, except Norfolk’s
    PEEL 2018/19 effectiveness judgments (the overall judgment and five questions),
    which are from the published HMICFRS report “Norfolk PEEL 2018”."; when
    constructed grades are the fewer, "12 of the 40 grades in this pack were
    constructed for illustration."  A grade here is any entry (ungraded and not
    inspected included).
    """
    made = [e for e in data.entries if e.origin is Origin.CONSTRUCTED]
    rest = [e for e in data.entries if e.origin is not Origin.CONSTRUCTED]
    if not made or not rest:
        return ""
    if not mostly_constructed(data):
        return (f"{sentence_case(count_words(len(made)))} of the {len(data.entries):,} grades in "
                "this pack were constructed for illustration.")
    groups: dict[tuple[str, str, str], list[GradeEntry]] = {}
    for e in rest:
        forces = {x.force for x in rest if x.source == e.source}
        pillars = {x.column.pillar for x in rest if x.source == e.source
                   and x.column.cycle == e.column.cycle}
        whose = f"{e.force.short_name}’s " if len(forces) == 1 else ""
        what = f"PEEL {cycle_words(e.column.cycle)}" + (
            f" {only.lower()}" if len(pillars) == 1 and (only := next(iter(pillars))) else "")
        groups.setdefault((e.source, whose, what), []).append(e)
    # judgments, not "grades": one of them may be ungraded; said as a reader counts them
    named = [(f"{whose or 'the '}{what} judgment{'' if len(found) == 1 else 's'} "
              f"({judged_words(found, 'pillar')})", _from(source, data), len(found) == 1)
             for (source, whose, what), found in groups.items()]
    lead = "All the grades in this pack were constructed for illustration, except "
    if len(named) == 1:
        (what, where, one), = named
        return f"{lead}{what}, which {'is' if one else 'are'} from {where}."
    return lead + join_words([f"{what} from {where}" for what, where, _one in named]) + "."


def others_note(data: ComparisonSet) -> str:
    """Say where the grades not constructed come from, for the note on constructed grades.

    "The other grades are from the published HMICFRS report “Norfolk PEEL 2018”." (more
    reports than :data:`MOST_NAMED`, or untitled: "listed under “About the data”"); a
    table that does not say where its grades come from is said not to be known as HMICFRS's.
    """
    rest = [i for i in data.inputs if i.origin is not Origin.CONSTRUCTED]
    reports = [i for i in rest if i.kind == "report" and i.origin is Origin.HMICFRS
               and i.same_as is None]
    copied = [i for i in rest if i.kind != "report" and i.origin is Origin.HMICFRS]
    unsaid = [i for i in rest if i.origin is Origin.NOT_STATED]
    titles = [f"“{i.title}”" for i in reports if i.title]
    plural = "report" if len(reports) == 1 else "reports"
    named = ([f"the published HMICFRS {plural} {join_words(titles)}"
              if len(titles) == len(reports) <= MOST_NAMED
              else f"the published HMICFRS {plural} listed under “About the data”"]
             if reports else []) + \
        ([f"the {'table' if len(copied) == 1 else 'tables'} of grades that "
          f"{'says' if len(copied) == 1 else 'say'} they were copied from published HMICFRS "
          "reports"] if copied else [])
    one = len(unsaid) == 1
    unknown = (f"{'a table' if one else 'tables'} of grades that {'does' if one else 'do'} not "
               "say where their grades come from") if unsaid else ""
    if named and unknown:
        return (f"The other grades are from {join_words(named)}, or from {unknown}; those are "
                "not known to be HMICFRS judgments.")
    if named:
        return f"The other grades are from {join_words(named)}."
    if unknown:
        return f"The other grades are from {unknown}, so they are not known to be HMICFRS judgments."
    return ""


def cover_notices(data: ComparisonSet, options: Options) -> tuple[Block, ...]:
    """Return the cover's warning for constructed data, when any input is constructed."""
    label = illustrative_label(data)
    if label is None:
        return ()
    return (Callout(label, ours("compare_illustrative.j2", options, every=data.all_constructed(),
                                share=constructed_share(data),
                                # the share names where the others come from, and they
                                # are HMICFRS's: not said again
                                rest="" if mostly_constructed(data) and not any(
                                    i.origin is Origin.NOT_STATED for i in data.inputs)
                                else others_note(data)),
                    Tone.WARNING),)


def cover_sources(data: ComparisonSet) -> tuple[Block, ...]:
    """Return the cover's small print: where the grades come from and any attribution."""
    said = tuple(Paragraph(plain(line)) for line in source_sentences(data))
    licence = attribution(data)  # the files themselves are listed once, in "About the data"
    return (*said, *((Paragraph(plain(licence), style=ParaStyle.SMALL),) if licence else ()))


def properties(data: ComparisonSet, cycles: str) -> tuple[str, tuple[str, ...], str]:
    """Return the pack's subject, its source keyword(s) and its rights statement."""
    label = illustrative_label(data)
    stated = all(i.origin is Origin.HMICFRS for i in data.inputs)
    if label == ALL_CONSTRUCTED:
        return (f"Constructed example (not HMICFRS grades): comparison of PEEL grades, {cycles}",
                ("illustrative example",),
                "Constructed for illustration: not HMICFRS grades and not Crown copyright.")
    if label is not None:
        return (f"Comparison of PEEL grades, {cycles}, including grades constructed for "
                "illustration (not HMICFRS grades)", ("illustrative example",), attribution(data))
    if stated:
        return f"Comparison of HMICFRS PEEL grades, {cycles}", ("HMICFRS",), attribution(data)
    return (f"Comparison of PEEL grades, {cycles}", (), attribution(data))
