"""The comparison pack's cover and its account of what was compared and what is missing."""

from __future__ import annotations

from peeldocs.blocks import (
    Block,
    BulletList,
    Cell,
    Heading,
    Paragraph,
    ParaStyle,
    Placeholder,
    Section,
    Table,
    plain,
)
from peeldocs.comparisons.common import forces_words, join_words, kept_title
from peeldocs.comparisons.model import NOT_SUPPLIED, Column, ComparisonSet, InputSummary, Origin
from peeldocs.comparisons.origins import marks_used
from peeldocs.comparisons.sources import (
    cover_notices,
    cover_sources,
    described,
    file_name,
    stated_note,
)
from peeldocs.model import Force, cycle_words
from peeldocs.options import Options
from peeldocs.prose import count_words, counted, sentence_case
from peeldocs.sections.common import ours, wording
from peeldocs.sections.paper import MARKING_TO_COMPLETE
from peeldocs.wording import long_date

PREPARED_BY = Placeholder("name and role")
"""What the cover shows for who prepared the pack: only its author can say."""


def cycles_words(data: ComparisonSet) -> str:
    """"PEEL 2016", "PEEL 2016, 2018/19 and 2021/22"."""
    return "PEEL " + join_words([cycle_words(c) for c in data.cycles()])


def default_title(data: ComparisonSet, focus: Force | None) -> str:
    """Return the pack's title when none is given."""
    if focus is not None:
        return f"{focus.name}: PEEL comparison"
    if len(data.forces()) == 1:
        return f"{data.forces()[0].name}: PEEL grades across cycles"
    return f"PEEL comparison of {counted(len(data.forces()), 'force')}"


def _row(label: str, value: str) -> tuple[Cell, Cell]:
    return (Cell(plain(label, bold=True)), Cell(plain(value)))


_TABLES = {Origin.HMICFRS: "from published HMICFRS reports",
           Origin.CONSTRUCTED: "constructed for illustration"}


def data_words(data: ComparisonSet) -> str:
    """Say what the data is, not how many files.

    'The published HMICFRS report “…” and three tables of grades constructed for illustration'.
    """
    inputs = [i for i in data.inputs if i.same_as is None]
    reports = [i for i in inputs if i.kind == "report"]
    parts = []
    for origin in (Origin.HMICFRS, Origin.CONSTRUCTED):
        found = [i for i in reports if i.origin is origin]
        what = "published HMICFRS" if origin is Origin.HMICFRS else "constructed"
        if len(found) == 1:
            parts.append(f"the {what} report “{found[0].title}”" if found[0].title else
                         f"one {what} report")
        elif found:
            parts.append(f"{counted(len(found), f'{what} report', words=True)}")
    for origin in (Origin.HMICFRS, Origin.CONSTRUCTED, Origin.NOT_STATED):
        tables = [i for i in inputs if i.kind != "report" and i.origin is origin]
        if tables:
            parts.append(f"{counted(len(tables), 'table', words=True)} of grades "
                         f"{_TABLES.get(origin, 'whose source is not stated')}")
    return sentence_case(join_words(parts)) if parts else "None"


def compare_cover(data: ComparisonSet, focus: Force | None, title: str,
                  options: Options) -> Section:
    """Build the cover: title, what is compared, where the grades come from, the marking."""
    facts = [
        _row("Forces" if len(data.forces()) > 1 else "Force",
             forces_words(data) if len(data.forces()) > 1
             else data.forces()[0].name if data.forces() else "None"),
        _row("Inspection cycles", cycles_words(data)),
        *([_row("Focus force", focus.name if focus else "None chosen")]
          if len(data.forces()) > 1 else []),
        _row("Data used", data_words(data)),
        # the date asked for (--as-of), else the build's own date, said to be so (read 33-X)
        _row("Pack prepared", long_date(options.as_of_date) + (
            "" if options.as_of else " (the day these files were built)")),
        # who prepared it is the author's to say, as on a committee paper: never invented
        (Cell(plain("Prepared by", bold=True)), Cell((PREPARED_BY,))),
    ]
    # as on a briefing pack: the marking asked for (also on every page's header and footer),
    # else a placeholder marked for completion, never an invented marking
    facts.append(_row("Protective marking", options.marking.value) if options.marking.value
                 else (Cell(plain("Protective marking", bold=True)), Cell((MARKING_TO_COMPLETE,))))
    blocks: tuple[Block, ...] = (
        # "Norfolk Constabulary: / PEEL comparison", never "…: PEEL / comparison" (read 33-X)
        Heading(1, kept_title(title), anchor="cover", in_contents=False),
        Paragraph(plain(wording("compare_subtitle.j2", options, audience=options.audience)),
                  style=ParaStyle.LEAD),
        *cover_notices(data, options),
        Table(header=(), rows=tuple(facts), widths=(1, 2.2), caption="About this pack"),
        *cover_sources(data),
    )
    return Section("cover", blocks)


def _lacks(data: ComparisonSet, force: Force, column: Column, status: str) -> bool:
    entry = data.entry(force, column)
    if status == NOT_SUPPLIED:
        return entry is None
    return entry is not None and entry.judgment.status.value == status


def _whom(names: list[str]) -> str:
    """"Gwent" alone; "2 forces (Gwent and Kent)": counts in numerals, one force by its name."""
    return names[0] if len(names) == 1 else f"{counted(len(names), 'force')} ({join_words(names)})"


def _missing(data: ComparisonSet, england_and_wales: tuple[Force, ...]) -> list[str]:
    forces = data.forces()
    lines = []
    # cycles with grades for the same few forces only are named together, said once
    sparse: dict[tuple[str, ...], list[str]] = {}
    for cycle in data.cycles():
        present = data.forces_in_cycle(cycle)
        if len(present) < len(forces) - len(present):
            sparse.setdefault(tuple(f.short_name for f in present), []).append(cycle)
    for cycle in data.cycles():
        present = data.forces_in_cycle(cycle)
        absent = [f.short_name for f in forces if f not in present]
        if absent and len(present) < len(absent):
            together = sparse[tuple(f.short_name for f in present)]
            if cycle == together[0]:
                lines.append(f"PEEL {join_words([cycle_words(c) for c in together])}: the "
                             f"data used has grades for {_whom([f.short_name for f in present])}"
                             f" only; the other {counted(len(absent), 'force')} compared are "
                             "not in it.")
        elif absent:
            lines.append(f"PEEL {cycle_words(cycle)}: nothing for {_whom(absent)}.")
        for column in data.columns(cycle, at_least=2):
            for status, words in ((NOT_SUPPLIED, "no entry"),
                                  ("unknown", "no grade recorded")):
                lacking = [f.short_name for f in present
                           if _lacks(data, f, column, status)]
                if lacking:
                    lines.append(f"PEEL {cycle_words(cycle)}, {column.label}: {words} for "
                                 f"{_whom(lacking)}.")
    names = {f.name for f in forces}
    outside = [f.short_name for f in england_and_wales if f.name not in names]
    if outside and len(forces) > 1:  # a peer group, not one force followed over time
        # a sentence never starts with a numeral
        lines.append(f"The data used has nothing at all for "
                     f"{counted(len(outside), 'force')} of England and Wales: "
                     f"{join_words(outside)}.")
    return lines


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth")


def _short(summary: InputSummary) -> str:
    """Name an input in a few words: "the constructed table of PEEL 2018/19 grades"."""
    cycles = join_words([cycle_words(c) for c in summary.cycles])
    if summary.kind == "report":
        return (f"the report “{summary.title}”" if summary.title and
                summary.origin is not Origin.CONSTRUCTED else "the constructed example report")
    kind = {Origin.CONSTRUCTED: "constructed table", Origin.HMICFRS: "table copied from HMICFRS",
            Origin.NOT_STATED: "table"}[summary.origin]
    return f"the {kind} of PEEL {cycles} grades" if cycles else f"the {kind} of grades"


def _named(path: str, data: ComparisonSet, summary: InputSummary) -> str:
    """Another input in words; when two inputs read alike, which one in the list of files."""
    others = [i for i in data.inputs if i.path == path]
    if not others:
        return "another file listed"
    other = others[0]
    words = _short(other)
    if sum(1 for i in data.inputs if _short(i) == words) > 1:
        place = data.inputs.index(other)
        nth = _ORDINALS[place] if place < len(_ORDINALS) else f"number {place + 1}"
        return f"the {nth} file listed"
    return words


def holds(summary: InputSummary, data: ComparisonSet | None = None) -> str:
    """Say what one input holds, and what was done with any of it given more than once."""
    data = data or ComparisonSet((), inputs=(summary,))
    said = [sentence_case(summary.contributed) + "."]
    if summary.supplied > 1:
        times = "twice" if summary.supplied == 2 else f"{count_words(summary.supplied)} times"
        said.append(f"Listed {times}; read once.")
    if summary.same_as is not None:
        said.append(f"The same report, word for word, as {_named(summary.same_as, data, summary)}; "
                    "counted once.")
    for path, n in summary.repeats:
        one = n == 1
        where = (("an earlier row" if one else "earlier rows") + " of this file"
                 if path == summary.path else _named(path, data, summary))
        repeats = "repeats a grade" if one else "repeat grades"
        said.append(f"{sentence_case(count_words(n))} of these {repeats} in {where} and "
                    f"{'is' if one else 'are'} counted once.")
    return " ".join(said)


def source_lines(data: ComparisonSet) -> tuple[str, ...]:
    """Name each source in plain words, never by its file name, with the cycles it covers.

    "“Norfolk PEEL 2018”, HMICFRS’s PEEL 2018/19 effectiveness report on Norfolk
    Constabulary, last updated 2 May 2019"; "A table of grades constructed for
    illustration, for PEEL 2018/19".  A file holding a report already named is not
    named twice.
    """
    lines = []
    for summary in data.inputs:
        if summary.same_as is not None:
            continue
        line = sentence_case(described(summary))
        if summary.kind != "report" and summary.cycles:
            line += ", for PEEL " + join_words([cycle_words(c) for c in summary.cycles])
        if line not in lines:
            lines.append(line)
    return tuple(lines)


def about_section(data: ComparisonSet, focus: Force | None, across: Force | None,
                  england_and_wales: tuple[Force, ...], options: Options,
                  files_last: bool = True) -> Section:
    """Build "What was compared": the sources in plain words, and everything missing.

    The files themselves, and what each held (:func:`files_blocks`), are listed at
    the end of the pack (``files_last``), else at the end of this section.
    """
    missing = _missing(data, england_and_wales)
    blocks: list[Block] = [
        Heading(1, "What was compared", anchor="about"),
        *ours("compare_purpose.j2", options, focus=focus or across, follows=across is not None,
              forces=len(data.forces()),
              cycles=cycles_words(data), constructed=bool(data.constructed()),
              every=data.all_constructed()),
        BulletList(tuple(plain(line) for line in source_lines(data))),
        Paragraph(plain("The files these were read from, and what each held, are listed under "
                        "“About the data” " + ("at the end of the pack." if files_last
                                                else "below."))),
        # how to read the tables, said once for every cycle
        *ours("compare_reading.j2", options,
              matrix=any(len(data.forces_in_cycle(c)) > 1 for c in data.cycles()),
              mixed=len({i.origin for i in data.inputs}) > 1,
              marks=marks_used(data, focus or across)),
        Heading(2, "What is missing", anchor="about-missing"),
        (BulletList(tuple(plain(line) for line in missing)) if missing else
         Paragraph(plain("Every force compared has an entry for every column of every cycle "
                         "in the data used."))),
    ]
    if across is None and focus is not None:
        blocks.append(Paragraph(plain(
            f"The data used has grades for {focus.short_name} in one cycle only, and no "
            "full report for it, so where it stands is set out in that cycle’s section; there "
            "is nothing to follow across cycles.")))
    elif across is None:
        blocks.append(Paragraph(plain(
            "No single force was chosen, so the pack does not follow a force across cycles.")))
    elif focus is None:
        blocks.append(Paragraph(plain(
            f"The data used holds one force, {across.name}, so the pack follows it "
            "across cycles.")))
    return Section("about", tuple(blocks))


def files_blocks(data: ComparisonSet) -> tuple[Block, ...]:
    """Return the note on the files: each file used and what it held, in entries.

    A top-level heading at the end of the last section, as a briefing pack's notes
    are (file-level detail after everything it describes, on no page of its own), or
    of what was compared when the pack has one section of grades (see
    :func:`peeldocs.comparisons.pack.build_comparison`).
    """
    rows = tuple((Cell(plain(sentence_case(described(i)))), Cell(plain(file_name(i))),
                  Cell(plain(holds(i, data)))) for i in data.inputs)
    return (
        Heading(1, "About the data", anchor="about-files"),
        Paragraph(plain("The grades in this pack were read from the files below. An entry is "
                        "one line of a table of grades, or one judgment in a report: a grade, "
                        "or a note that there was none.")),
        Table(((Cell(plain("Source")), Cell(plain("File")), Cell(plain("What it holds"))),),
              rows, widths=(2.5, 2.6, 2.7), caption="Each file used and what it holds"),
        *((Paragraph(plain(note), style=ParaStyle.SMALL),) if (note := stated_note(data)) else ()),
    )
