"""The summary's point on the focus force over time, within each grading scale.

It restates what "… across cycles" says under "Across the cycles on this
scale": each pillar or area held in two cycles or more, its grades as recorded,
then what stands in place of a grade.  A change is only ever read within one
scale; the four-tier and five-tier grades are given apart and never set against
each other.  Where the grades were constructed, the point says so, naming any
published grade among them by its cycle.
"""

from __future__ import annotations

from peeldocs.comparisons.common import join_words, missing_cycles
from peeldocs.comparisons.force import pillar_steps
from peeldocs.comparisons.frameworks import scale_name
from peeldocs.comparisons.model import ComparisonSet, GradeEntry, Origin, scale_of
from peeldocs.model import Force, Scale, cycle_words


def _lower(label: str) -> str:
    """Lower a label's first letter in a sentence, unless it starts an abbreviation ("PEEL")."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def _source(used: list[GradeEntry], force: Force) -> str:
    """Say where the grades come from, naming any published one by cycle ("" if all are)."""
    origins = {e.origin for e in used}
    if origins <= {Origin.HMICFRS}:
        return ""
    if Origin.CONSTRUCTED not in origins:
        return " (from grades whose source is not stated)"
    published = list(dict.fromkeys(
        f"{cycle_words(e.column.cycle)} {_lower(e.column.pillar or e.column.label)}"
        for e in used if e.origin is Origin.HMICFRS))
    if not published:
        return " (illustrative: constructed grades)"
    one = len(published) == 1
    return (f" (illustrative: constructed grades, except {force.short_name}’s "
            f"{join_words(published)} {'grade, which is' if one else 'grades, which are'} "
            "published)")


def over_time(data: ComparisonSet, force: Force, labelled: bool = True) -> tuple[str, ...]:
    """Sum up the force's grades across cycles, one point per scale, or () where none moves.

    "Across cycles (illustrative: constructed grades, …), on the four-tier scale
    (PEEL 2016 to 2018/19): effectiveness good in 2016, 2017 and 2018/19; …", then
    "Across cycles (illustrative: constructed grades), on the five-tier scale (PEEL
    2021/22 to 2023–25): …": each a point of its own (read 24-X: one of 110 words, two
    scales and eight series, was the hardest on the Summary page), each labelled for
    the grades it uses, unless ``labelled`` is false (the Summary says it once).
    """
    have = tuple(c for c in data.cycles() if c not in missing_cycles(data, force))
    said: list[str] = []
    for scale in (Scale.FOUR_TIER, Scale.FIVE_TIER):
        cycles = tuple(c for c in have if scale_of(c) is scale)
        steps = pillar_steps(data, force, cycles) if len(cycles) > 1 else []
        if not steps:
            continue
        used: list[GradeEntry] = [e for _label, _words, entries in steps for e in entries]
        items = [f"{_lower(label)} {words.replace('; ', ', ')}" for label, words, _e in steps]
        # each scale its own point, named: a change is read within one scale only
        source = _source(used, force) if labelled else ""  # else said once for the Summary
        said.append(f"Across cycles{source}, on the {scale_name(scale, cycles)}: "
                    + "; ".join(items) + ".")
    return tuple(said)
