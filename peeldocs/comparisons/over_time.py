"""The summary's point on the focus force over time, within each grading scale.

It restates what "… across cycles" says under "Across the cycles on this
scale": each pillar or area held in two cycles or more, its grades as recorded,
then what stands in place of a grade.  A change is only ever read within one
scale; the four-tier and five-tier grades are given apart and never set against
each other.  Where the grades were constructed, the point says so, naming any
published grade among them by its cycle.  Here too is how the Summary says where
its grades come from: in full once at its head (``said_once``), and briefly in
each point that rests on constructed grades (``tag``).
"""

from __future__ import annotations

from peeldocs.comparisons.common import join_words, missing_cycles
from peeldocs.comparisons.force import pillar_steps
from peeldocs.comparisons.model import ComparisonSet, GradeEntry, Origin, scale_of
from peeldocs.comparisons.repeats import scale_name
from peeldocs.model import Force, Scale, cycle_words


def said_once(data: ComparisonSet, force: Force | None) -> str:
    """Say once, at the Summary's head, that its grades are constructed, or "" if it cannot.

    Read 25-X: "(illustrative: constructed grades, except …)" stood in four of six
    points.  When every grade is constructed but the focus force's published ones,
    one sentence says so for all points, naming the published grades by cycle and
    pillar; a mix it cannot say in one sentence (another force's published grades,
    grades whose source is not stated) keeps each point's own label.
    """
    origins = {e.origin for e in data.entries}
    if Origin.CONSTRUCTED not in origins or Origin.NOT_STATED in origins:
        return ""
    published = [e for e in data.entries if e.origin is Origin.HMICFRS]
    if published and (force is None or any(e.force.name != force.name for e in published)):
        return ""
    if not published or force is None:
        return "All grades in this summary are constructed for illustration."
    named: dict[str, int] = {}
    for e in published:
        what = f"{cycle_words(e.column.cycle)} {e.column.pillar or e.column.label}"
        named[what] = named.get(what, 0) + 1
    many = len(published) > 1
    return (f"All grades in this summary are constructed for illustration, except "
            f"{force.short_name}’s {join_words(list(named))} {'grades' if many else 'grade'}, "
            f"which {'are' if many else 'is'} published.")


def tag(entries: list[GradeEntry], force: Force | None) -> str:
    """Mark a Summary point that rests on constructed grades, briefly, where it is said.

    Read 33-X: "Norfolk was one of 28 forces graded good" mixed a published grade
    with a constructed count, the caveat said only once above the list.  With
    that sentence above, each point still says so for itself: " (illustrative
    counts)" where the focus force's own grades in it are published and only the
    others' constructed, " (illustrative)" where any of its own are constructed,
    "" where every grade in it is published.
    """
    origins = {e.origin for e in entries}
    if Origin.CONSTRUCTED not in origins:
        return ""
    own = [e for e in entries if force is not None and e.force.name == force.name]
    if own and all(e.origin is Origin.HMICFRS for e in own):
        return " (illustrative counts)"
    return " (illustrative)"


def mixed_tag(force: Force, published: list[str]) -> str:
    """Mark a point mixing the force's published and constructed grades, saying which is which.

    " (illustrative, but Norfolk’s effectiveness grade is published)" (read 35: a
    skimming reader would quote a count that mixes the two as published).
    """
    one = len(published) == 1
    return (f" (illustrative, but {force.short_name}’s {join_words(published)} "
            f"{'grade is' if one else 'grades are'} published)")


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
    the grades it uses, briefly (" (illustrative)") where ``labelled`` is false and
    the Summary has said it once in full.
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
        # said in full, or said once for the Summary and marked briefly here (read 33-X)
        # …unless it mixes published and constructed grades: then which is which (read 35)
        published = list(dict.fromkeys(
            f"{cycle_words(e.column.cycle)} {_lower(e.column.pillar or e.column.label)}"
            for e in used if e.origin is Origin.HMICFRS))
        source = _source(used, force) if labelled else mixed_tag(force, published) \
            if published and len({e.origin for e in used}) > 1 else tag(used, force)
        said.append(f"Across cycles{source}, on the {scale_name(scale, cycles)}: "
                    + "; ".join(items) + ".")
    return tuple(said)
