"""Where each grade in a comparison comes from, said in words: marks, captions, notes, bullets.

A pack that mixes sources (constructed tables beside a published report) tells
them apart in every table and bullet, in words rather than colour; a pack from
one kind of source says it once, on its cover and every page.  Reports are
cited by their title as published, what they cover and their date as held.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from peeldocs.comparisons.model import ComparisonSet, GradeEntry, Origin, scale_of
from peeldocs.model import Force, Report, cycle_words
from peeldocs.prose import join_words, sentence_case
from peeldocs.wording import long_date

ORIGIN_MARKS = {Origin.HMICFRS: "published", Origin.CONSTRUCTED: "constructed",
                Origin.NOT_STATED: "source not stated"}
"""The word a cell carries when its source differs from the rest of its table."""

_ORIGIN_ALL = {Origin.HMICFRS: "grades from {published}",
               Origin.CONSTRUCTED: "grades constructed for illustration",
               Origin.NOT_STATED: "grades from a source that does not say where they come from"}


def published_words(entries: Iterable[GradeEntry | None]) -> str:
    """Name where these entries' published grades come from, counted from the data.

    'the published HMICFRS report “Norfolk PEEL 2018”' when they all come from one
    report file; "published HMICFRS reports" when they come from several, or from
    a table of grades copied from published reports (which does not say how many).
    """
    found = [e for e in entries if e is not None and e.origin is Origin.HMICFRS]
    files = {e.source for e in found}
    if found and len(files) == 1 and found[0].report is not None:
        return f"the published HMICFRS report “{found[0].report}”"
    return "published HMICFRS reports"


def _all(origin: Origin, entries: list[GradeEntry]) -> str:
    return _ORIGIN_ALL[origin].format(published=published_words(entries))


def citation(report: Report) -> str:
    """Cite a report by its title as published, what it covers and its date as the data holds it.

    "“Norfolk PEEL 2018”, HMICFRS’s PEEL 2018/19 effectiveness report on Norfolk
    Constabulary, last updated 2 May 2019".
    """
    what = ("force assessment" if report.is_assessment or report.pillar in (None, "unknown")
            else "overview" if report.is_overview else f"{report.pillar} report")
    publisher = "a constructed example of a" if report.illustrative else \
        f"{report.publisher}’s"
    said = f"“{report.title}”, {publisher} PEEL {cycle_words(report.cycle)} {what} on " \
           f"{report.force.name}"
    published, updated = report.published, report.last_updated
    if published is not None and updated not in (None, published):
        assert updated is not None
        return f"{said}, published {long_date(published)} and last updated {long_date(updated)}"
    if published is not None:
        return f"{said}, published {long_date(published)}"
    if updated is not None:
        return f"{said}, last updated {long_date(updated)}"
    return f"{said} (its date is not in the data used)"


def marks_used(data: ComparisonSet, focus: Force | None) -> list[str]:
    """Return the marks the pack's tables give cells from a source unlike the rest of the table.

    As the tables mark them: a cycle's table of every force, and the focus force's
    grades on each scale.  So the pack's words on reading the tables name only the
    marks a reader will find in them (read 28-X: never one that appears nowhere).
    """
    if not data.mixed():
        return []
    groups = [[data.entry(f, c) for f in data.forces_in_cycle(cycle) for c in data.columns(cycle)]
              for cycle in data.cycles()]
    if focus is not None:
        scales: dict[object, list[GradeEntry | None]] = {}
        for cycle in data.cycles():
            scales.setdefault(scale_of(cycle), []).extend(
                data.entry(focus, c) for c in data.columns(cycle))
        groups += scales.values()
    found: set[Origin] = set()
    for group in groups:
        main = main_origin(group)
        found |= {e.origin for e in group if e is not None and e.origin is not main}
    return [word for origin, word in ORIGIN_MARKS.items() if origin in found]


def main_origin(entries: Iterable[GradeEntry | None]) -> Origin | None:
    """Return the source most of these entries come from (published first on a tie), or None."""
    found = Counter(e.origin for e in entries if e is not None)
    if not found:
        return None
    order = (Origin.HMICFRS, Origin.CONSTRUCTED, Origin.NOT_STATED)
    return max(order, key=lambda o: (found[o], -order.index(o)))


def origin_caption(entries: Iterable[GradeEntry | None], main: Origin | None = None) -> str:
    """Say in a caption where a table's grades come from: ": grades constructed for illustration".

    When the table mixes sources, the cells from the others are marked in words and
    the caption says so: "…, except those marked “published”".
    """
    found = [e for e in entries if e is not None]
    main = main or main_origin(found)
    if main is None or not found:
        return ""
    others = sorted({e.origin for e in found if e.origin is not main}, key=lambda o: o.value)
    if not any(e.origin is main for e in found):  # every grade here is marked
        return f": {join_words([_all(o, found) for o in others])}, each marked as such"
    marked = join_words([f"“{ORIGIN_MARKS[o]}”" for o in others])
    return f": {_all(main, found)}" + (f", except those marked {marked}" if others else "")


_OTHERS = {Origin.HMICFRS: "come from {published}",
           Origin.CONSTRUCTED: "were constructed for illustration",
           Origin.NOT_STATED: "come from a source that does not say where they come from"}


def marks_note(entries: Iterable[GradeEntry | None]) -> str:
    """Say under a table what its marks mean, where it mixes sources ("" when it does not).

    "Grades marked “published” come from published HMICFRS reports; the others
    were constructed for illustration."
    """
    found = [e for e in entries if e is not None]
    main = main_origin(found)
    others = sorted({e.origin for e in found if e.origin is not main}, key=lambda o: o.value)
    if main is None or not others:
        return ""
    published = published_words(found)
    said = [f"grades marked “{ORIGIN_MARKS[o]}” {_OTHERS[o].format(published=published)}"
            for o in others]
    rest = f"the others {_OTHERS[main].format(published=published)}"
    return sentence_case("; ".join([*said, rest])) + "."


def table_note(entries: Iterable[GradeEntry | None]) -> str:
    """Say under a table of a pack that mixes sources where its grades come from.

    :func:`marks_note` for a table that mixes them; for one whose grades are all
    constructed, "All the grades in this table were constructed for illustration.",
    so that a page of it lifted out of the pack says so beside the force names.
    """
    found = [e for e in entries if e is not None]
    if found and {e.origin for e in found} == {Origin.CONSTRUCTED}:
        return "All the grades in this table were constructed for illustration."
    return marks_note(found)


def counts_origin(entries: Iterable[GradeEntry | None]) -> str:
    """Say in a caption what counts are made from: " (counts of grades constructed for …)"."""
    found = [e for e in entries if e is not None]
    origins = {e.origin for e in found}
    if not origins:
        return ""
    if len(origins) == 1:
        (only,) = origins
        return f" (counts of {_all(only, found)})"
    shown = sorted(origins - {Origin.HMICFRS}, key=lambda o: o.value)
    return f" (counts include {join_words([_all(o, found) for o in shown])})"


def origin_sentence(entries: Iterable[GradeEntry | None], force: Force | None = None,
                    published_too: bool = False) -> str:
    """Say in words where the grades in one bullet come from.

    Published grades alone need no words ("") unless ``published_too`` (a pack
    that also holds constructed grades).

    "These grades were constructed for illustration." or "Norfolk’s grade is the
    published one; the others were constructed for illustration."
    """
    found = [e for e in entries if e is not None]
    origins = {e.origin for e in found}
    if not found or origins == {Origin.HMICFRS}:
        return f"These grades are from {published_words(found)}." if found and published_too \
            else ""
    if len(origins) == 1:
        (only,) = origins
        return ("These grades were constructed for illustration." if only is Origin.CONSTRUCTED
                else "The source of these grades does not say where they come from.")
    own = [e for e in found if force is not None and e.force.name == force.name]
    rest = [e for e in found if e not in own]
    if force is not None and own and {e.origin for e in rest} and len({e.origin for e in rest}) == 1:
        (theirs,) = {e.origin for e in rest}
        return (f"{force.short_name}’s grade here is {_one(own[0].origin)}; the other forces’ "
                f"grades {_are(theirs)}.")
    by_cycle: dict[Origin, list[str]] = {}
    for entry in found:
        by_cycle.setdefault(entry.origin, []).append(cycle_words(entry.column.cycle))
    said = []
    for origin, cycles in by_cycle.items():
        one = len(set(cycles)) == 1
        said.append(f"the {join_words(sorted(set(cycles), key=cycles.index))} "
                    f"grade{'' if one else 's'} {'is ' + _one(origin) if one else _are(origin)}")
    return sentence_case("; ".join(said)) + "."


_LEADS = {Origin.HMICFRS: "All the grades below are from {published}.",
          Origin.CONSTRUCTED: "All the grades below were constructed for illustration.",
          Origin.NOT_STATED: "None of the grades below says where it comes from."}


def with_origins(items: list[tuple[str, list[GradeEntry | None]]], force: Force | None = None,
                 published_too: bool = False) -> tuple[str, list[str]]:
    """Return a lead sentence and bullets, each bullet saying where its grades come from.

    When every grade shown comes from one kind of source, it is said once, in
    the lead ("All the grades below were constructed for illustration."), not
    in every bullet; published grades alone need no words.
    """
    found = [e for _text, entries in items for e in entries if e is not None]
    origins = {e.origin for e in found}
    if len(origins) <= 1:
        lead = _LEADS[origins.pop()].format(published=published_words(found)) if origins and (
            published_too or origins != {Origin.HMICFRS}) else ""
        return lead, [text for text, _entries in items]
    return "", [" ".join(filter(None, (text, origin_sentence(entries, force, published_too))))
                for text, entries in items]


def _one(origin: Origin) -> str:
    return {Origin.HMICFRS: "the published one", Origin.CONSTRUCTED: "constructed for illustration",
            Origin.NOT_STATED: "from a source that does not say where it comes from"}[origin]


def _are(origin: Origin) -> str:
    return {Origin.HMICFRS: "are published ones", Origin.CONSTRUCTED: "were constructed for "
            "illustration", Origin.NOT_STATED: "come from a source that does not say where "
            "they come from"}[origin]


def published_first(entries: list[GradeEntry]) -> list[GradeEntry]:
    """Keep each force's grade for a column once; a published source is kept over others.

    The same grade given by a constructed table and by the published report is
    shown as the published one, so that its cell is marked as such.
    """
    kept: dict[tuple[str, tuple[str, str | None, str | None]], int] = {}
    out: list[GradeEntry] = []
    for entry in entries:
        key = (entry.force.name, entry.column.key)
        if key not in kept:
            kept[key] = len(out)
            out.append(entry)
        elif entry.origin is Origin.HMICFRS and out[kept[key]].origin is not Origin.HMICFRS:
            out[kept[key]] = entry
    return out
