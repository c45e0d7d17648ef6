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
from peeldocs.comparisons.common import join_words
from peeldocs.comparisons.model import ComparisonSet, InputSummary, Origin
from peeldocs.model import OGL_ATTRIBUTION
from peeldocs.options import Options
from peeldocs.prose import counted
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
        return f"the HMICFRS report “{summary.title}”" if summary.title else "an HMICFRS report"
    return {Origin.HMICFRS: "a table of grades copied from published HMICFRS reports, as the "
                            "table states",
            Origin.CONSTRUCTED: "a table of grades constructed for illustration, as the table "
                                "states",
            Origin.NOT_STATED: "a table of grades that does not say where its grades come "
                               "from"}[summary.origin]


def _tables(group: list[InputSummary], origin: Origin) -> str:
    one = len(group) == 1
    tables = "a table of grades" if one else f"{counted(len(group), 'table', words=True)} of grades"
    if origin is Origin.CONSTRUCTED:
        return (f"The grades from {tables} were constructed for illustration, as "
                f"{'the table states' if one else 'each states'}: they are not HMICFRS grades.")
    if origin is Origin.HMICFRS:
        return (f"The grades from {tables} are as supplied, copied from published HMICFRS "
                f"reports as {'the table states' if one else 'each states'}.")
    return (f"The grades from {tables} are as supplied; {'it does' if one else 'they do'} not "
            "say where they come from. Check them against the published HMICFRS reports before "
            "relying on them.")


def _reports(group: list[InputSummary], origin: Origin) -> str:
    one = len(group) == 1
    if origin is Origin.CONSTRUCTED:
        what = ("a constructed example of a PEEL report" if one else
                f"{counted(len(group), 'constructed example', words=True)} of PEEL reports")
        return f"The judgments from {what} are invented: not HMICFRS judgments."
    titles = [i.title for i in group if i.same_as is None and i.title]
    held = [i for i in group if i.same_as is None]
    if titles and len(titles) == len(held) and len(titles) <= MOST_NAMED:
        quoted = join_words([f"“{t}”" for t in titles])
        return (f"The judgments taken from {'a report' if len(titles) == 1 else 'reports'} are "
                f"those of the HMICFRS {'report' if len(titles) == 1 else 'reports'} {quoted}.")
    return (f"The judgments taken from reports are those of the "
            f"{counted(len(held), 'HMICFRS report', words=True)} supplied.")


def source_sentences(data: ComparisonSet) -> list[str]:
    """Say where the grades come from, one sentence for each kind of input, in input order."""
    groups: dict[tuple[str, Origin], list[InputSummary]] = {}
    for summary in data.inputs:
        groups.setdefault((summary.kind, summary.origin), []).append(summary)
    return [(_reports if kind == "report" else _tables)(group, origin)
            for (kind, origin), group in groups.items()]


def from_hmicfrs(data: ComparisonSet) -> bool:
    """Return whether some input is stated to come from HMICFRS (its attribution is then due)."""
    return any(i.origin is Origin.HMICFRS for i in data.inputs)


def attribution(data: ComparisonSet) -> str:
    """Return the licence statement the inputs support, or "" when none is."""
    if not from_hmicfrs(data):
        return ""
    quoted = any(i.kind == "report" and i.origin is Origin.HMICFRS for i in data.inputs)
    return OGL_ATTRIBUTION + (" Text quoted from the reports is Crown copyright." if quoted
                              else "")


def cover_notices(data: ComparisonSet, options: Options) -> tuple[Block, ...]:
    """Return the cover's warning for constructed data, when any input is constructed."""
    label = illustrative_label(data)
    if label is None:
        return ()
    return (Callout(label, ours("compare_illustrative.j2", options, every=data.all_constructed()),
                    Tone.WARNING),)


def cover_sources(data: ComparisonSet) -> tuple[Block, ...]:
    """Return the cover's small print: where the grades come from and any attribution."""
    said = tuple(Paragraph(plain(line)) for line in source_sentences(data))
    names = [file_name(i) for i in data.inputs]
    files = (f"Files supplied, for checking: {join_words(names)}." if len(names) <= MOST_NAMED
             else f"Files supplied: {counted(len(names), 'file', words=True)}, listed in the pack.")
    licence = attribution(data)
    return (*said, Paragraph(plain(files), style=ParaStyle.SMALL),
            *((Paragraph(plain(licence), style=ParaStyle.SMALL),) if licence else ()))


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
    return (f"Comparison of PEEL grades as supplied, {cycles}", (), attribution(data))
