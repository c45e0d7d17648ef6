"""How much the one-page brief shows at each level of detail, fullest first.

The brief is built at every level :func:`budgets` gives, and the document takes
the fullest the page holds (:func:`peeldocs.build.documents.fit`).  Each level
shows no more than the one before, so the fitting can bisect; what goes first
and what goes last is issue 23's rule: when space forces a cut, causes of
concern and recommendations are the last to go.
"""

from __future__ import annotations

from dataclasses import dataclass

from peeldocs.model import Report
from peeldocs.sections.brief_items import is_key, sentences
from peeldocs.sections.items import ItemKind, response_items


@dataclass(frozen=True, slots=True)
class Budget:
    """How much of each list one level of the brief shows."""

    rows: int
    lead: int
    """Earlier findings the report says lack progress: led with, kept nearly to the last."""
    follow: int
    """Of those quoted, how many also quote what the report says is now needed."""
    ask: int
    """1 to ask for the chief officer's comments before the section 55 deadline."""
    key: int
    """Causes of concern and recommendations: the last to go."""
    other: int
    """Areas for improvement and earlier findings carried forward."""
    labels: int = 1
    """1 to name each action plan item the page quotes nowhere with a few of the report's
    words; 0 for its reference alone (the briefing pack quotes it under the same one)."""
    tally: int = 1
    """1 to count the grades given; 0 (the headline still names the lowest) only where that
    keeps every cause of concern and recommendation on the page."""
    refs: int = 1
    """1 to say, in the closing notes, that the references are ours, not the inspectorate's."""
    named: int = 1
    """1 to name, in the tally, the few areas (or questions) given the lowest grades."""
    whole: int = 0
    """Of the areas for improvement of more than one sentence, how many are quoted whole;
    the rest, the longest first, to their first sentence (an ellipsis marks the rest)."""


def budgets(report: Report) -> list[Budget]:
    """Return the levels of detail to try, fullest first, each showing no more than the last.

    One exception: after the level with every area for improvement, long ones cut to a
    sentence, comes one with fewer, whole; the fitting still returns a level that fits.

    Table rows go first (down to three, the lowest graded kept: the headline and the
    tally of judgments say the rest), then the words of long areas for improvement after
    their first sentence (the longest first: every one stays on the page, an ellipsis
    marking what the pack quotes in full), then areas for improvement (down to one, then
    none: a cut to a sentence is made only so that every one is on the page, and those
    left when some go are quoted whole), then the rows (to none), then the names of the
    few given the lowest grades (the tally still counts them), then what the report says
    each earlier finding without enough progress now needs, then the few words naming
    each action plan item the page quotes nowhere (read 7: a reference alone tells the
    reader little), then the earlier findings' own words (their references stay), then
    the ask for the chief officer's comments (the deadline line still dates them), then
    the note that the references are ours (a line at most, often none), then the tally of
    grades if that keeps every cause of concern and recommendation on the page (the one
    level that shows more than the one after it: when they must go anyway, the tally
    stays); causes of concern and recommendations are the last to go, then everything to
    none, one step at a time.  An action plan's position is never cut: what is late is
    what the page is for, each state on a short line of its own (read 19).
    """
    items = response_items(report)
    lead = sum(i.kind is ItemKind.CARRIED_FORWARD for i in items)
    level = {"rows": min(len(report.questions), 16),
             "lead": min(lead, 6),
             "follow": min(lead, 6), "ask": 1,
             "key": min(sum(is_key(i) for i in items), 16),
             "other": min(sum(not is_key(i) for i in items) - lead, 12),
             "labels": 1, "named": 1, "refs": 1, "tally": 1,
             "whole": min(sum(not is_key(i) and len(sentences(i.full_text)) > 1
                              for i in items), 12)}
    out = [Budget(**level)]
    whole = level["whole"]
    for name, floor in (("rows", 3), ("whole", 0), ("other", 1), ("other", 0), ("rows", 0),
                        ("named", 0), ("follow", 0), ("labels", 0), ("lead", 0), ("ask", 0),
                        ("refs", 0), ("key", 1), ("key", 0)):
        while level[name] > floor:
            level[name] -= 1
            if name == "other":  # not every one on the page: those shown are quoted whole
                level["whole"] = whole
            out.append(Budget(**level))
        if name == "refs" and level["key"]:  # the tally gives way to keep every key finding;
            out.append(Budget(**{**level, "tally": 0}))  # if even that is not enough, it stays
    return out
