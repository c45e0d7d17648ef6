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
    Section,
    Table,
    Text,
    plain,
)
from peeldocs.comparisons.common import (
    MISSING_WORDS,
    entry_cell,
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
from peeldocs.model import SCALE_GRADES, Force, Scale, cycle_words
from peeldocs.options import Options
from peeldocs.sections.common import ours

MAX_COLUMNS = 5  # grade columns per table: "Requires improvement" stays readable on A4 landscape
NARROW_COLUMNS = 2  # grade columns that fit A4 portrait


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


def _what(column: Column) -> str:
    if column.pillar is None:
        return f"‘{column.label}’"
    if column.question is None:
        return column.pillar
    return f"{column.pillar} question {column.question}"


def grade_matrix(data: ComparisonSet, columns: tuple[Column, ...], forces: tuple[Force, ...],
                 focus: Force | None, caption: str) -> Table:
    """Return the forces-by-columns matrix; the focus force's row is highlighted and says so."""
    header = ((Cell(plain("Force")), *(Cell(plain(c.label)) for c in columns)),)
    rows = []
    highlight: tuple[int, ...] = ()
    for i, force in enumerate(forces):
        is_focus = focus is not None and force.name == focus.name
        name = f"{force.short_name} (focus force)" if is_focus else force.short_name
        if is_focus:
            highlight = (i,)
        rows.append((Cell(plain(name, bold=is_focus)),
                     *(entry_cell(data.entry(force, c)) for c in columns)))
    # the force names head their rows when there is more than one column of grades to read
    # one column of grades is long and narrow: a page holds it in two columns of forces
    one = len(columns) == 1  # in half a page's width, a name and a grade each need half
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
    if any(carried):
        labels.append(("Of these, carried over from an earlier inspection", carried))
    statuses = sorted({s for _g, _c, others in counted for s in others if s != NOT_SUPPLIED})
    for status in statuses:
        word = ("Grade not known" if status == "unknown"
                else status.capitalize())
        labels.append((word, [others[status] for _g, _c, others in counted]))
    missing = [others[NOT_SUPPLIED] for _g, _c, others in counted]
    if any(missing):
        labels.append((MISSING_WORDS, missing))
    labels.append((FORCES_ROW, [len(forces)] * len(columns)))
    if len(columns) == 1:  # one column of grades reads across, in two rows, not down in seven
        (column,) = columns
        return Table(((Cell(plain("What was judged")), *(Cell(plain(label)) for label, _n in labels)),),
                     ((Cell(plain(column.label)), *(Cell(plain(str(n[0]))) for _l, n in labels)),),
                     # each column as wide as its heading, so that none wraps
                     widths=(19.0, *(float(len(label) + 4) for label, _n in labels)),
                     caption=caption, numeric_columns=tuple(range(1, len(labels) + 1)))
    header = ((Cell(plain("Grade")), *(Cell(plain(c.label)) for c in columns)),)
    rows = tuple((Cell(plain(label, bold=label == FORCES_ROW)),
                  *(Cell(plain(str(n))) for n in values)) for label, values in labels)
    return Table(header, rows, widths=(1.45, *([1.0] * len(columns))), caption=caption,
                 numeric_columns=tuple(range(1, len(columns) + 1)), row_headers=len(columns) > 1)


FORCES_ROW = "Forces in the data"


def _key(data: ComparisonSet, columns: tuple[Column, ...]) -> tuple[Block, ...]:
    items: list[tuple[Inline, ...]] = []
    for column in columns:
        title = data.title(column)
        if title:
            items.append((Text(f"{column.label}: ", bold=True), Text(title, italic=True)))
    if not items:
        return ()
    return (Paragraph(plain("The questions, as the reports supplied word them:")),
            BulletList(tuple(items)))


def _alone(data: ComparisonSet, columns: list[Column], forces: tuple[Force, ...]) -> str:
    """Say which columns only one force has, and its grades there; they are not compared."""
    parts = []
    for column in columns:
        for force in forces:
            entry = data.entry(force, column)
            if entry is not None:  # "good, carried over from 2016": no brackets in brackets
                words = judgment_words(entry.judgment).lower().replace(" (", ", ").rstrip(")")
                parts.append(f"{column.label} ({force.short_name}: {words})")
    return ("The data supplied has grades for only one force for "
            f"{join_words(parts)}, so there is nothing to compare them with and they are not in "
            "the tables below.")


def cycle_section(data: ComparisonSet, cycle: str, focus: Force | None,
                  options: Options) -> Section:
    """Build the section comparing every force in one cycle (landscape for many columns)."""
    forces = data.forces()
    columns = data.columns(cycle, at_least=2)
    alone = [c for c in data.columns(cycle) if c not in columns]
    five = scale_of(cycle) is Scale.FIVE_TIER
    blocks: list[Block] = [
        Heading(1, f"Forces compared: PEEL {cycle_words(cycle)}", anchor=anchor("cycle", cycle)),
        *ours("compare_cycle_intro.j2", options, cycle=cycle, forces=len(forces),
              five_tier=five),
    ]
    if focus is not None and columns:
        sentences = tuple(plain(position_sentence(position(data, focus, c, forces), _what(c)))
                          for c in columns)
        absent = focus not in data.forces_in_cycle(cycle)
        blocks += [Heading(2, f"Where {focus.short_name} stands in {cycle_words(cycle)}",
                           anchor=anchor("stands", cycle)),
                   Paragraph(plain(f"The data supplied has no grades for {focus.name} in PEEL "
                                   f"{cycle_words(cycle)}, so its position cannot be stated."))
                   if absent else BulletList(sentences)]
    if alone:
        blocks.append(Paragraph(plain(_alone(data, alone, forces))))
    groups = chunks(columns)
    for n, group in enumerate(groups, start=1):
        part = f" (part {n} of {len(groups)})" if len(groups) > 1 else ""
        blocks += [  # the counts first, then the long table of every force's grades
            Heading(2, f"Number of forces by grade{part}", anchor=anchor(f"counts{n}", cycle)),
            *_key(data, group),
            counts_table(data, group, forces, f"PEEL {cycle_words(cycle)}: number of forces by grade{part}"),
            Heading(2, f"Grades by force{part}", anchor=anchor(f"matrix{n}", cycle)),
            grade_matrix(data, group, forces, focus, f"PEEL {cycle_words(cycle)} grades by force{part}"),
        ]
    # landscape only where the grade columns need its width
    wide = any(len(group) > NARROW_COLUMNS for group in groups)
    return Section(f"cycle-{cycle}", tuple(blocks),
                   orientation=Orientation.LANDSCAPE if wide else Orientation.PORTRAIT)
