"""Whether cycles on one grading scale were inspected under different frameworks, said in words.

From 2021/22 each cycle has its own assessment framework (the model's
:data:`~peeldocs.model.ASSESSMENT_FRAMEWORKS`, with its sources).  Where a table
puts two cycles with different frameworks side by side, the reader is told so,
so that a grade from one is not read as like for like with the other.  A cycle
whose framework is not recorded is said nothing of: unknown is never a statement.
"""

from __future__ import annotations

from peeldocs.model import ASSESSMENT_FRAMEWORKS, Scale, cycle_start_year, cycle_words
from peeldocs.prose import join_words


def frameworks_differ(cycles: tuple[str, ...]) -> bool:
    """Whether at least two of these cycles have recorded frameworks, and they differ."""
    return len({ASSESSMENT_FRAMEWORKS[c] for c in cycles if c in ASSESSMENT_FRAMEWORKS}) > 1


def framework_caveat(cycles: tuple[str, ...]) -> str:
    """Say that these cycles' grades were given under different frameworks ("" when not known).

    "HMICFRS assessed forces in PEEL 2021/22 under the “PEEL Assessment Framework
    2021/22” and in PEEL 2023–25 under the “PEEL Assessment Framework 2023–2025” (the
    frameworks’ published titles). …"
    """
    if not frameworks_differ(cycles):
        return ""
    # each framework by its title as published, in quotation marks: its years are the
    # title's, not this pack's way of writing a cycle ("2023–25")
    known = [f"in PEEL {cycle_words(c)} under the “{ASSESSMENT_FRAMEWORKS[c]}”" for c in cycles
             if c in ASSESSMENT_FRAMEWORKS]
    return (f"HMICFRS assessed forces {join_words(known)} (the frameworks’ published titles). "
            "Each framework sets the areas assessed "
            "and what they cover, so a grade for an area in one of these cycles may not be "
            "like for like with its grade in another, even under the same name: compare "
            "them with care.")


SCALE_WORDS = {Scale.FOUR_TIER: "four-tier scale", Scale.FIVE_TIER: "five-tier scale"}


def scale_name(scale: Scale, cycles: tuple[str, ...]) -> str:
    """Name a scale with the cycles shown on it: "four-tier scale (PEEL 2016 to 2018/19)"."""
    span = cycle_words(cycles[0]) + (f" to {cycle_words(cycles[-1])}" if len(cycles) > 1 else "")
    return f"{SCALE_WORDS[scale]} (PEEL {span})"


def cycle_end_year(cycle: str) -> int:
    """Return the last year of a cycle: 2022 for "2021/22", 2025 for "2023-25", 2016 for "2016"."""
    start = cycle_start_year(cycle)
    tail = cycle[5:]
    if not tail:
        return start
    end = int(tail) if len(tail) == 4 else start - start % 100 + int(tail)
    return end if end >= start else end + 100
