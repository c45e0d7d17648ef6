"""Forces within a cycle: a grade matrix (landscape), grade counts and the focus force's position."""

from __future__ import annotations

import re

from peeldocs.blocks import (
    Block,
    BulletList,
    Cell,
    Heading,
    Inline,
    Orientation,
    Paragraph,
    ParaStyle,
    Section,
    Table,
    Text,
    plain,
)
from peeldocs.comparisons.common import (
    entry_cell,
    fully_graded,
    join_words,
    judgment_words,
    position_sentence,
)
from peeldocs.comparisons.model import (
    NOT_SUPPLIED,
    Column,
    ComparisonSet,
    distribution,
    position,
    scale_of,
)
from peeldocs.comparisons.origins import (
    ORIGIN_MARKS,
    counts_origin,
    main_origin,
    origin_caption,
    origin_sentence,
    table_note,
    with_origins,
)
from peeldocs.comparisons.repeats import cycle_end_year as cycle_end_year
from peeldocs.comparisons.summary import column_words
from peeldocs.model import SCALE_GRADES, Force, Scale, Status, cycle_words
from peeldocs.options import Options
from peeldocs.prose import counted
from peeldocs.sections.common import ours

MAX_COLUMNS = 5  # grade columns per table: "Requires improvement" stays readable on A4 landscape
NARROW_COLUMNS = 3  # grade columns that fit A4 portrait: each about as wide as five on landscape


def anchor(prefix: str, cycle: str) -> str:
    """Return a stable anchor for a cycle's section ("cycle-2018-19")."""
    return f"{prefix}-{re.sub(r'[^0-9]+', '-', cycle).strip('-')}"


def chunks(columns: tuple[Column, ...]) -> list[tuple[Column, ...]]:
    """Split columns into as few tables as MAX_COLUMNS allows, of nearly equal width."""
    if not columns:
        return []
    parts = -(-len(columns) // MAX_COLUMNS)
    size, extra = divmod(len(columns), parts)
    out, start = [], 0
    for n in range(parts):
        end = start + size + (n < extra)
        out.append(columns[start:end])
        start = end
    return out


def grade_matrix(data: ComparisonSet, columns: tuple[Column, ...], forces: tuple[Force, ...],
                 focus: Force | None, caption: str) -> Table:
    """Return the forces-by-columns matrix; the focus force's row is highlighted and says so."""
    header = ((Cell(plain("Force")), *(Cell(plain(c.label)) for c in columns)),)
    shown = [data.entry(force, c) for force in forces for c in columns] if data.mixed() else []
    main = main_origin(shown)
    caption += origin_caption(shown)
    rows = []
    highlight: tuple[int, ...] = ()
    for i, force in enumerate(forces):
        is_focus = focus is not None and force.name == focus.name
        highlight = (i,) if is_focus else highlight
        rows.append((Cell(plain(f"{force.short_name}{' (focus force)' * is_focus}", bold=is_focus)),
                     *(entry_cell(data.entry(force, c), main) for c in columns)))
    # names head their rows for more than one column of grades; one column of grades is long
    # and narrow: a page holds it in two columns of forces, a name and a grade each half
    one = len(columns) == 1
    return Table(header, tuple(rows), widths=(1.0 if one else 1.45, *([1.0] * len(columns))),
                 caption=caption, row_headers=not one, highlight_rows=highlight,
                 side_by_side=2 if one else 1)


def counts_table(data: ComparisonSet, columns: tuple[Column, ...], forces: tuple[Force, ...],
                 caption: str) -> Table:
    """How many forces got each grade (and each status) in each column."""
    cycle = columns[0].cycle
    counted = [distribution(data, c, forces) for c in columns]
    labels: list[tuple[str, list[int]]] = [
        (g.label, [grades[g] for grades, _carried, _others in counted])
        for g in SCALE_GRADES[scale_of(cycle)]]
    carried = [n for _grades, n, _others in counted]
    gaps = (NOT_SUPPLIED, "unknown")
    statuses = sorted({s for _g, _c, others in counted for s in others if s not in gaps})
    for status in statuses:
        labels.append((status.capitalize(), [others[status] for _g, _c, others in counted]))
    # no grade known and no entry at all, one column (read 35: two of eight wrapping
    # columns); "What is missing" and "Where … stands" say which force is which
    missing = [sum(others.get(g, 0) for g in gaps) for _g, _c, others in counted]
    if any(missing):
        labels.append((NO_GRADE_COLUMN, missing))
    labels.append((FORCES_ROW, [len(forces)] * len(columns)))
    # a subset of the grade columns: after the total, so a row's counts add up to it
    if any(carried):
        labels.append((CARRIED_ROW, carried))
    if data.mixed():
        caption += counts_origin(data.entry(f, c) for f in forces for c in columns)
    # a row a column of grades, kept whole on its heading's page in every format
    longest = max(len(c.label) for c in columns)
    header = ((Cell(plain("What was judged")), *(Cell(plain(label)) for label, _n in labels)),)
    rows = tuple((Cell(plain(column.label)), *(Cell(plain(str(n[i]))) for _l, n in labels))
                 for i, column in enumerate(columns))
    return Table(header, rows,
                 # each count's column as wide as its heading's longest word needs, so that
                 # no word is broken even on a portrait page ("Outstanding", "improvement")
                 widths=(float(min(max(longest, 12), 24)),
                         *(_room(_half(label)) for label, _n in labels)),
                 caption=caption, numeric_columns=tuple(range(1, len(labels) + 1)),
                 row_headers=len(columns) > 1)


def _half(label: str) -> str:
    """Return the longer line of a heading set on two lines (read 35: four-line headings)."""
    w, n = label.split(), (len(label.split()) + 1) // 2
    return max(" ".join(w[:n]), " ".join(w[n:]), key=_room)


def _room(word: str) -> float:
    """Return a count column's width for a heading's word: letters weighed as they print."""
    return 3 + sum(1.5 if c in "mwMW" else 0.55 if c in "iljtfrI" else 1.2 if c.isupper()
                   else 1.0 for c in word)


NO_GRADE_COLUMN = "No grade in the data"
FORCES_ROW = "Forces compared"
CARRIED_ROW = "Of which carried over"
CARRIED_NOTE = ("Grades carried over from an earlier inspection are counted in the grade columns "
                "too; “Of which carried over” says how many of them were.")


def _key(data: ComparisonSet, columns: tuple[Column, ...]) -> tuple[Block, ...]:
    items: list[tuple[Inline, ...]] = []
    for column in columns:
        title = data.title(column)
        if title:
            items.append((Text(f"{column.label}: ", bold=True), Text(title, italic=True)))
    return (Paragraph(plain("The questions, as the reports word them:")),
            BulletList(tuple(items))) if items else ()


def _alone(data: ComparisonSet, columns: list[Column],
           forces: tuple[Force, ...]) -> tuple[Block, ...]:
    """List the columns only one force has, with their wording and grades; they are not compared."""
    items: list[tuple[Inline, ...]] = []
    entries = [e for c in columns for f in forces if (e := data.entry(f, c)) is not None]
    marked = data.mixed() and len({e.origin for e in entries}) > 1
    for entry in entries:
        title = data.title(entry.column)
        words = judgment_words(entry.judgment).lower().replace(" (", ", ").rstrip(")")
        mark = f"; {ORIGIN_MARKS[entry.origin]}" if marked else ""
        items.append((Text(entry.column.label, bold=True),
                      *((Text(": "), Text(title, italic=True)) if title else ()),
                      Text(f" ({entry.force.short_name}: {words}{mark})")))
    said = "Only one force has a grade for each of these, so there is nothing to " \
           "compare them with and they are not in the tables below"
    note = origin_sentence(entries, published_too=True) if data.mixed() else ""
    if note and not marked:
        said += f". {note[:-1]}"
    elif marked:
        said += " (each marked with where its grade comes from)"
    return (Paragraph(plain(said + ":")), BulletList(tuple(items)))


def _few(data: ComparisonSet, columns: list[Column],
         forces: tuple[Force, ...]) -> tuple[Block, ...]:
    """Say in a line each why columns one force at most has a grade in are not tables."""
    items: list[tuple[Inline, ...]] = []
    for column in columns:
        _grades, _carried, others = distribution(data, column, forces)
        said = [f"{f.short_name} was graded {e.judgment.grade.value}" for f in forces
                if (e := data.entry(f, column)) is not None and e.judgment.grade is not None]
        for status, n in sorted(others.items()):
            words = ("not in the data used" if status == NOT_SUPPLIED else
                     "grade not known" if status == Status.UNKNOWN.value else status)
            whom = (f"all {n} forces compared" if n == len(forces)
                    else counted(n, "force"))  # numerals, as every count of forces
            said.append(f"{words} for {whom}")
        items.append((Text(f"{column.label}:", bold=True), Text(f" {join_words(said)}.")))
    graded = max(sum(distribution(data, c, forces)[0].values()) for c in columns)
    one = len(columns) == 1
    lead = (f"{'No force has' if not graded else 'No more than one force has'} a grade for "
            f"{'this' if one else 'these'}, so {'it is' if one else 'they are'} "
            "not in the tables below:")
    return (Paragraph(plain(lead)), BulletList(tuple(items)))


def _marks(data: ComparisonSet, columns: tuple[Column, ...],
           forces: tuple[Force, ...]) -> tuple[Block, ...]:
    """Say under a matrix of a pack that mixes sources where its grades come from (every format)."""
    note = table_note(data.entry(f, c) for f in forces for c in columns) if data.mixed() else ""
    return (Paragraph(plain(note), style=ParaStyle.SMALL),) if note else ()


def column_kinds(columns: tuple[Column, ...], five_tier: bool) -> str:
    """Say what the tables' columns are: "pillar", "question", "pillar or question", "area"."""
    if not columns:
        return ""
    if five_tier:
        return "area"
    kinds = {"question" if c.question is not None else "pillar" for c in columns}
    return " or ".join(k for k in ("pillar", "question") if k in kinds)


def cycle_section(data: ComparisonSet, cycle: str, focus: Force | None,
                  options: Options) -> tuple[Section, ...]:
    """Build the section comparing every force in one cycle (landscape for many columns).

    The tables of grades by force are a section of their own, for the pack's
    closing appendix (read 35), on landscape pages where the grade columns need
    them; the words, where the focus force stands and the counts stay portrait.
    """
    forces = data.forces()
    shared = data.columns(cycle, at_least=2)
    # a column only one force (or none) has a grade in says nothing as a column: a line each
    columns = tuple(c for c in shared if sum(distribution(data, c, forces)[0].values()) > 1)
    alone = [c for c in data.columns(cycle) if c not in shared]
    few = [c for c in shared if c not in columns]
    five = scale_of(cycle) is Scale.FIVE_TIER
    blocks: list[Block] = [
        Heading(1, f"Forces compared: PEEL {cycle_words(cycle)}", anchor=anchor("cycle", cycle)),
        *ours("compare_cycle_intro.j2", options, cycle=cycle_words(cycle), forces=len(forces),
              five_tier=five, columns=column_kinds(columns, five),
              past=cycle_end_year(cycle) < options.as_of_date.year),
    ]
    if focus is not None and columns:
        places = [position(data, focus, c, forces) for c in columns]
        full = sum(fully_graded(p) for p in places) > 1  # then said once, not in each bullet
        lead, said = with_origins(
            [(position_sentence(p, column_words(p.column), coverage_said=full),
              [data.entry(f, p.column) for f in forces] if data.mixed() else [])
             for p in places], focus, published_too=True)
        if full:  # "unless …" only where a bullet does say otherwise
            lead = " ".join(filter(None, (
                f"All {len(forces)} forces compared have a grade for each of these"
                + ("." if all(fully_graded(p) for p in places)
                   else ", unless its bullet says otherwise."), lead)))
        absent = focus not in data.forces_in_cycle(cycle)
        blocks += [Heading(2, f"Where {focus.short_name} stands in {cycle_words(cycle)}",
                           anchor=anchor("stands", cycle))]
        blocks += ([Paragraph(plain(f"The data has no grades for {focus.name} in PEEL "
                                    f"{cycle_words(cycle)}, so its position cannot be stated."))]
                   if absent else
                   [*((Paragraph(plain(lead)),) if lead else ()),
                    BulletList(tuple(plain(t) for t in said))])
    if alone:
        blocks += _alone(data, alone, forces)
    if few:
        blocks += _few(data, few, forces)
    groups = chunks(columns)
    # landscape only where the grade columns need its width
    wide = any(len(group) > NARROW_COLUMNS for group in groups)
    if columns:  # the counts first, in one table (a row a column: it never needs splitting)
        blocks += [
            Heading(2, "Number of forces by grade", anchor=anchor("counts1", cycle)),
            *_key(data, columns),
            counts_table(data, columns, forces,
                         f"PEEL {cycle_words(cycle)}: number of forces by grade"),
            *((Paragraph(plain(CARRIED_NOTE)),)  # the column is a subset of the grade columns
              if any(distribution(data, c, forces)[1] for c in columns) else ()),
        ]
    words = len(blocks)
    for n, group in enumerate(groups, start=1):  # then the long tables, split for width
        part = f" (part {n} of {len(groups)})" if len(groups) > 1 else ""
        blocks += [
            Heading(2, f"Grades by force{part}", anchor=anchor(f"matrix{n}", cycle)),
            grade_matrix(data, group, forces, focus, f"PEEL {cycle_words(cycle)} grades by force{part}"),
            *_marks(data, group, forces),
        ]
    if words == len(blocks):
        return (Section(f"cycle-{cycle}", tuple(blocks)),)
    return (Section(f"cycle-{cycle}", tuple(blocks[:words])),
            Section(f"cycle-{cycle}-grades", tuple(blocks[words:]),
                    orientation=Orientation.LANDSCAPE if wide else Orientation.PORTRAIT,
                    narrow_text=wide))
