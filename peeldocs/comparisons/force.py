"""A force across cycles: judgments cycle by cycle, findings counts, earlier findings.

Grades are laid out one table per grading scale, with the change of scale
between them drawn as a box and said in words; nothing here ranks a grade on
one scale against a grade on the other.
"""

from __future__ import annotations

from peeldocs.blocks import (
    Block,
    BulletList,
    Callout,
    Cell,
    Heading,
    Paragraph,
    ParaStyle,
    Section,
    Table,
    Tone,
    plain,
)
from peeldocs.comparisons.common import (
    entry_cell,
    grade_steps,
    join_words,
    judgment_words,
    missing_cycles,
)
from peeldocs.comparisons.findings import earlier_findings, findings_lead, findings_table
from peeldocs.comparisons.model import Column, ComparisonSet, GradeEntry, scale_of
from peeldocs.comparisons.origins import (
    main_origin,
    marks_note,
    origin_caption,
    with_origins,
)
from peeldocs.comparisons.repeats import (
    SCALE_WORDS,
    carried_note,
    framework_caveat,
    repeated_question,
    row_label,
    scale_name,
    side_by_side,
    unrecorded_note,
)
from peeldocs.model import KNOWN_CYCLES, Force, Scale, Status, cycle_start_year, cycle_words
from peeldocs.options import Options
from peeldocs.sections.common import ours


def _rows(data: ComparisonSet, force: Force, cycles: tuple[str, ...]) -> list[tuple[Column, ...]]:
    """Return what the force was judged on in these cycles, in order: each row's columns.

    A numbered question joins another cycle's unless the two wordings recorded
    differ: the same number can be a different question (a note says where a
    wording is not recorded).
    """
    rows: list[list[Column]] = []
    for cycle in cycles:
        for column in data.columns(cycle):
            if data.entry(force, column) is None:
                continue
            label = " ".join(column.label.split()).casefold()
            row = next((r for r in rows if " ".join(r[0].label.split()).casefold() == label
                        and all(c.cycle != cycle for c in r)
                        and side_by_side(data, r, column)), None)
            if row is None:
                rows.append([column])
            else:
                row.append(column)
    order = [tuple(r) for r in rows]
    return sorted(order, key=lambda r: (r[0].sort_key, order.index(r)))


_label = row_label


def _in(row: tuple[Column, ...], cycle: str) -> Column | None:
    return next((c for c in row if c.cycle == cycle), None)


def _cycles_of(data: ComparisonSet, force: Force, row: tuple[Column, ...],
               cycles: tuple[str, ...]) -> list[str]:
    """Return the cycles in which the data used has an entry for this row."""
    return [c for c in cycles if (col := _in(row, c)) is not None and data.entry(force, col)]


def _entry(data: ComparisonSet, force: Force, row: tuple[Column, ...],
           cycle: str) -> GradeEntry | None:
    column = _in(row, cycle)
    return None if column is None else data.entry(force, column)


def judgments_table(data: ComparisonSet, force: Force, cycles: tuple[str, ...],
                    scale: Scale) -> Table:
    """Rows are what was judged, columns are cycles on one scale.

    With more than one cycle, a row the data used has for one cycle only is
    left to :func:`one_cycle_only`, so the table is not padded with gaps.
    """
    header = ((Cell(plain("What was judged")), *(Cell(plain(cycle_words(c))) for c in cycles)),)
    kept = [row for row in _rows(data, force, cycles)
            if len(cycles) < 2 or len(_cycles_of(data, force, row, cycles)) >= 2]
    shown = [_entry(data, force, row, c) for row in kept for c in cycles] if data.mixed() else []
    main = main_origin(_shown(data, force, cycles))  # one convention for the scale's tables
    rows = [(Cell(plain(_label(data, row))),
             *(entry_cell(_entry(data, force, row, c), main) for c in cycles)) for row in kept]
    return Table(header, tuple(rows), widths=(2.2, *([1.0] * len(cycles))),
                 caption=f"{force.short_name}: judgments on the {scale_name(scale, cycles)}"
                         f"{origin_caption(shown, main)}",
                 row_headers=len(cycles) > 1)  # one column of grades: its header says enough


def _shown(data: ComparisonSet, force: Force,
           cycles: tuple[str, ...]) -> list[GradeEntry | None]:
    """Every grade of the force's on one scale, when the pack mixes sources (else none)."""
    if not data.mixed():
        return []
    return [_entry(data, force, row, c) for row in _rows(data, force, cycles) for c in cycles]


def _marks(data: ComparisonSet, force: Force, cycles: tuple[str, ...]) -> tuple[Block, ...]:
    """Say once under the force's grades what their marks mean, where they mix sources."""
    note = marks_note(_shown(data, force, cycles))
    return (Paragraph(plain(note), style=ParaStyle.SMALL),) if note else ()


def one_cycle_only(data: ComparisonSet, force: Force, cycles: tuple[str, ...],
                   scale: Scale) -> tuple[Block, ...]:
    """Return what the data used has in one cycle only: a lead, the table, why a number has two rows."""
    if len(cycles) < 2:
        return ()
    found: list[tuple[tuple[Column, ...], str]] = []
    for row in _rows(data, force, cycles):
        have = _cycles_of(data, force, row, cycles)
        if len(have) == 1:
            found.append((row, have[0]))
    if not found:
        return ()
    shown = [_entry(data, force, row, cycle) for row, cycle in found] if data.mixed() else []
    main = main_origin(_shown(data, force, cycles))
    rows = [(Cell(plain(_label(data, row))), Cell(plain(cycle_words(cycle))),
             entry_cell(_entry(data, force, row, cycle), main)) for row, cycle in found]
    twice: dict[str, list[tuple[Column, GradeEntry | None]]] = {}  # one number, two cycles
    for row, cycle in (f for f in found if f[0][0].question is not None):
        twice.setdefault(row[0].label, []).append((row[0], _entry(data, force, row, cycle)))
    notes = " ".join(repeated_question(data, label, seen) for label, seen in twice.items()
                     if len(seen) > 1)
    # read 14: why a number has two rows is said in the lead, before the reader meets them
    held = {cycle for _row, cycle in found}
    when = f"the {cycle_words(next(iter(held)))} entry" if len(held) == 1 else "one cycle’s entry"
    header = ((Cell(plain("What was judged")), Cell(plain("Cycle")), Cell(plain("Grade"))),)
    lead = (f"For the following, the data holds {when} only."
            + carried_note([_entry(data, force, row, cycle) for row, cycle in found]))
    return (Paragraph(plain(f"{lead} {notes}" if notes else lead)),
            Table(header, tuple(rows), widths=(2.2, 0.9, 1.6),
                  caption=f"{force.short_name}: judgments in one cycle only on the "
                          f"{scale_name(scale, cycles)}{origin_caption(shown, main)}"))


def _in_place(data: ComparisonSet, force: Force, row: tuple[Column, ...],
              cycles: tuple[str, ...], have: list[str]) -> list[str]:
    """Say, in cycle order, what stands where there is no grade: "not yet graded in 2023–25".

    A status is said as the data gives it; a cycle between two entries with no entry
    is said to be missing from the data, never as if the force went ungraded.
    """
    first, last = cycle_start_year(have[0]), cycle_start_year(have[-1])
    said: dict[str, list[str]] = {}
    for cycle in cycles:
        entry = _entry(data, force, row, cycle)
        if entry is None and first < cycle_start_year(cycle) < last:
            said.setdefault("not in the data used for", []).append(cycle_words(cycle))
        elif entry is not None and entry.judgment.grade is None:
            words = ("the data gives no grade for" if entry.judgment.status is Status.UNKNOWN
                     else f"{judgment_words(entry.judgment).lower()} in")
            said.setdefault(words, []).append(cycle_words(cycle))
    return [f"{words} {join_words(when)}" for words, when in said.items()]


def movement(data: ComparisonSet, force: Force, cycles: tuple[str, ...]) -> tuple[Block, ...]:
    """Say, within one scale only, how each pillar or area went from cycle to cycle.

    Every pillar or area the table shows (one with an entry in two cycles or more)
    has a bullet, its grades first, then what stands in place of a grade ("adequate
    in 2021/22; not yet graded in 2023–25").  Question numbers are left out: the
    questions asked changed between cycles.
    """
    # constructed grades are never read as a real force's: each bullet says its source
    items = [(f"{label}: {words}.", list[GradeEntry | None](used))
             for label, words, used in pillar_steps(data, force, cycles)]
    if not items:
        return ()
    lead, said = with_origins(items if data.mixed() else [(t, []) for t, _e in items],
                              published_too=True)
    return (Paragraph(plain("Across the cycles on this scale:" if not lead else
                                   f"Across the cycles on this scale ({lead[0].lower()}{lead[1:-1]}):")),
            BulletList(tuple(plain(t) for t in said)))


def pillar_steps(data: ComparisonSet, force: Force,
                 cycles: tuple[str, ...]) -> list[tuple[str, str, list[GradeEntry]]]:
    """Return (label, words, entries) for each pillar or area held in two cycles or more."""
    found = []
    for row in _rows(data, force, cycles):
        have = _cycles_of(data, force, row, cycles)
        if (row[0].pillar is not None and row[0].question is not None) or len(have) < 2:
            continue
        used = [e for c in have if (e := _entry(data, force, row, c)) is not None]
        graded = [(e.column.cycle, e.judgment.grade) for e in used if e.judgment.grade is not None]
        words = "; ".join(filter(None, (grade_steps(graded),
                                         *_in_place(data, force, row, cycles, have))))
        found.append((_label(data, row), words, used))
    return found


def numbering_note(data: ComparisonSet, force: Force,
                   cycles: tuple[str, ...]) -> tuple[Block, ...]:
    """Say under the table how a numbered question is set across cycles, where one is.

    A question whose wording is not recorded for a cycle is named, with what
    that means; otherwise that numbers are matched by their wording is said once.
    """
    shown = [r for r in _rows(data, force, cycles) if r[0].pillar is not None
             and r[0].question is not None and len(_cycles_of(data, force, r, cycles)) > 1]
    said = unrecorded_note(data, shown) or (
        "Questions are numbered within each cycle’s inspection, and the same number can be a "
        "different question in another year: a question is set side by side across cycles "
        "only where its wording is the same in each." if shown else "")
    return (Paragraph(plain(said), style=ParaStyle.SMALL),) if said else ()


def worth_following(data: ComparisonSet, force: Force) -> bool:
    """Whether following a force across cycles says more than the sections on each cycle.

    It does when the data has the force in more than one cycle, or a full
    report for it, or no other force to compare it with.
    """
    cycles = {e.column.cycle for e in data.entries if e.force.name == force.name}
    return (len(cycles) > 1 or len(data.forces()) == 1
            or any(r.force.name == force.name for r in data.reports))


def force_section(data: ComparisonSet, force: Force, options: Options) -> Section:
    """Build the section following one force across the cycles in the data used."""
    have = tuple(c for c in data.cycles() if c not in missing_cycles(data, force))
    span = (cycle_start_year(have[0]), cycle_start_year(have[-1])) if have else (0, 0)
    missing = [c for c in KNOWN_CYCLES if span[0] < cycle_start_year(c) < span[1]
               and c not in have]
    missing = sorted({*missing, *missing_cycles(data, force)}, key=cycle_start_year)
    blocks: list[Block] = [
        Heading(1, f"{force.name} across cycles", anchor="across"),
        *ours("compare_force_intro.j2", options, force=force,
              cycles=join_words([cycle_words(c) for c in have]),
              missing=join_words(["PEEL " + cycle_words(c) for c in missing])),
    ]
    scales = [s for s in (Scale.FOUR_TIER, Scale.FIVE_TIER)
              if any(scale_of(c) is s for c in have)]
    for i, scale in enumerate(scales):
        cycles = tuple(c for c in have if scale_of(c) is scale)
        if i:
            blocks.append(Callout("The grading scale changed after PEEL 2018/19",
                                  ours("compare_scale_break.j2", options), tone=Tone.WARNING))
        table = judgments_table(data, force, cycles, scale)
        # the frameworks are said only where the table sets cycles side by side
        caveat = framework_caveat(cycles) if len(cycles) > 1 and table.rows else ""
        blocks += [Heading(2, f"Judgments on the {scale_name(scale, cycles)}",
                           anchor=f"across-{scale.value}"),
                   *((Paragraph(plain(caveat)),) if caveat else ()),
                   *((table, *numbering_note(data, force, cycles)) if table.rows else ()),
                   *one_cycle_only(data, force, cycles, scale),
                   *_marks(data, force, cycles),
                   *movement(data, force, cycles)]
    if len(scales) == 1:
        blocks += [Paragraph(plain(f"All the grades in this section are on the "
                                   f"{SCALE_WORDS[scales[0]]}.")),
                   *ours("compare_scale_break.j2", options)]
    reports = any(r.force.name == force.name for r in data.reports)
    blocks += [
        Heading(2, "Findings by cycle", anchor="across-findings"),
        # a table of nothing but "Not in the data used" tells the reader less than a sentence
        *((findings_lead(data, force, have), *findings_table(data, force, have)) if reports else
          (Paragraph(plain(f"No full report for {force.short_name} was used for this pack, "
                           "so its areas for improvement, causes of concern and "
                           "recommendations are not counted: a table of grades holds grades "
                           "only.")),)),
        Heading(2, "Earlier findings and their outcomes", anchor="across-earlier"),
        *earlier_findings(data, force),
    ]
    return Section("across", tuple(blocks))
