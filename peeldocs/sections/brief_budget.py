"""How much the one-page brief shows at each level of detail, fullest first.

The brief is built at every level :func:`budgets` gives, and the document takes
the fullest the page holds (:func:`peeldocs.build.documents.fit`).  Each level
shows no more than the one before, so the fitting can bisect; what goes first
and what goes last is issue 23's rule: when space forces a cut, causes of
concern and recommendations are the last to go.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from peeldocs.model import Report
from peeldocs.sections.brief_items import clippable, is_key
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
    labels: int = 2
    """2 to name each action plan item the page quotes nowhere, and each finding the
    decisions name, by its opening words to a clause (read 29-B); 1 with a few of the
    report's words; 0 by its reference alone (the briefing pack quotes it under the same one)."""
    tally: int = 1
    """1 to count the grades given; 0 for the headline alone (it names the lowest)."""
    refs: int = 1
    """1 to say, in the closing notes, that the references are ours, not the inspectorate's."""
    named: int = 1
    """1 to name, in the tally, the few areas (or questions) given the lowest grades."""
    gist: int = 1
    """1 to name each earlier finding the page does not quote with a clause of its opening
    words; 0 by its place (or this report's finding in the same place) alone."""
    dated: int = 1
    """1 to give the publication date an immediate deadline runs from on its line, and "no
    action recorded" after each passed deadline; 0 for "Due immediately" alone and "deadline
    passed" alone (the opening dates the publication; the deadlines line says no action plan
    was supplied)."""
    recap: int = 1
    """1 to name each earlier finding the report finds addressed with a few of its words;
    0 by reference alone (read 29-B: worth less than the words of what is still open)."""
    whole: int = 0
    """Of the areas for improvement longer than their opening words, how many are quoted whole;
    the rest, the longest first, to their opening words (an ellipsis marks the rest)."""
    places: int = 1
    """1 to name where each area for improvement the page does not quote is, with its reference
    (read 30-B); 0 to count them."""
    joint: int = 1
    """1 to say whom, beyond the force, a joint recommendation's action is to be agreed with
    (read 30-B); 0 for its label alone ("Joint recommendation")."""
    check: int = 1
    """1 to ask, once the section 55 deadline has passed, for a check that the comments were
    published; 0 to leave it to the deadline line's "Date published" (read 30-B: the areas
    for improvement on the page first)."""
    why: int = 1
    """1 to say, in the report's words, why the weakest question or area got its grade (read 34:
    the first cut, so it never costs a finding its words; given back when the page has room)."""
    figure: int = 1
    """1 to give, after a cause of concern, the report's figure behind it (read 35: "71.2%,
    against the national standard of 90%"); kept over the check on the section 55 comments
    (the deadline line asks for the date too) and the names in the tally of grades."""
    span: int = 1
    """1 to quote those cut to their opening words up to :data:`CLIP_WORDS`; 0 to a label's
    words (:data:`LABEL_WORDS`: read 30-B, every area for improvement beside a plan)."""


def budgets(report: Report, planned: bool = False) -> list[Budget]:
    """Return the levels of detail to try, fullest first, each showing no more than the last.

    One exception: once causes of concern and recommendations go, the tally of grades is
    back (cutting it cannot keep them all).  The fitting returns a level that fits, and
    then gives back, most wanted first, what the page still has room for (:func:`fuller`):
    a level that has left some areas for improvement out quotes the rest short, and
    their words come back so.

    The order (:data:`CUTS`, read 30-B): table rows (down to three), the few words naming
    each earlier finding the report finds addressed, the places of the areas for
    improvement the page does not quote, the longer labels of the findings the plan lines
    and decisions name, the words of long areas for improvement after their opening (the
    longest first), then each to one short clause (every one stays on the page beside a
    plan, read 30-B), then what the report says each earlier finding without enough
    progress now needs, then the plan lines' labels (the list above quotes them), then
    the check on the section 55 comments (the deadline line asks for the date), then whom
    a joint recommendation is agreed with, then areas for improvement (to one), the rows
    (to none), the date an immediate deadline runs from, the opening words of each earlier
    finding not quoted, the last area for improvement, the names of the few given the
    lowest grades, the figure behind a cause of concern, the tally of grades, the
    note that the references are ours, the earlier findings' own words, the ask for the
    chief officer's comments; causes of concern and recommendations are the last to go.
    An action plan's position is never cut: what is late is what the page is for, each
    state on a short line of its own (read 19).
    Beside a plan (``planned``) the order is :data:`PLAN_CUTS`.
    """
    items = response_items(report)
    lead = sum(i.kind is ItemKind.CARRIED_FORWARD for i in items)
    level = {"rows": min(len(report.questions), 16),
             "lead": min(lead, 6),
             "follow": min(lead, 6), "ask": 1,
             "key": min(sum(is_key(i) for i in items), 16),
             "other": min(sum(not is_key(i) for i in items) - lead, 12),
             "labels": 2, "named": 1, "refs": 1, "tally": 1, "gist": 1, "dated": 1, "recap": 1,
             "whole": min(sum(clippable(i) for i in items), 12), "span": 1, "check": 1,
             "places": 1, "joint": 1, "why": 1, "figure": 1}
    out = [Budget(**level)]
    for name, floor in cuts(planned):
        while level[name] > floor:
            level[name] -= 1
            if name == "key":  # cutting the tally can no longer keep them all: it stays (read 19)
                level["tally"] = 1
            out.append(Budget(**level))
    return out


CUTS = (("why", 0), ("rows", 3), ("recap", 0), ("places", 0), ("labels", 1), ("whole", 0), ("span", 0),
        ("follow", 0), ("labels", 0), ("check", 0), ("joint", 0), ("other", 1),
        ("rows", 0), ("dated", 0), ("gist", 0), ("other", 0), ("lead", 0), ("named", 0),
        ("figure", 0), ("tally", 0),
        ("refs", 0), ("ask", 0), ("key", 0))
"""What each level cuts, in order: the first cut first (see :func:`budgets`)."""

_BEFORE_WORDS = (("joint", 0), ("labels", 0), ("check", 0), ("follow", 0), ("named", 0), ("tally", 0))

PLAN_CUTS = (*CUTS[:CUTS.index(("span", 0))], *_BEFORE_WORDS,
             *(c for c in CUTS[CUTS.index(("span", 0)):] if c not in _BEFORE_WORDS))
"""The cuts beside an action plan (read 31-B): each finding's line carries its state in the
plan, and a whole clause of every area for improvement, with what the report says an earlier
finding now needs, outlasts whom a joint recommendation is agreed with, the check on the
section 55 comments and the decisions' labels.  An area for improvement cut to an opening
fragment told the group nothing it could act on.  The spread of grades keeps its place in
:data:`CUTS` (read 33: the two briefs of one report should not differ on the judgments)."""


def cuts(planned: bool = False) -> tuple[tuple[str, int], ...]:
    """Return the cuts in order, the first first: :data:`PLAN_CUTS` beside a plan, else :data:`CUTS`."""
    return PLAN_CUTS if planned else CUTS


def wanted(planned: bool = False) -> tuple[str, ...]:
    """Return what a page with room left gets back first (:func:`fuller`): the cuts reversed."""
    return tuple(dict.fromkeys(name for name, _floor in reversed(cuts(planned))))


WANTED = wanted()
"""What a page with room left gets back first without a plan (:func:`wanted`)."""


def fuller(budget: Budget, top: Budget, planned: bool = False) -> list[Budget]:
    """Return the levels one step fuller than ``budget``, toward ``top``, most wanted first.

    The fitting (:func:`peeldocs.build.fitting.fit`) tries them once a level fits, and
    keeps the first that still fits, so room left by a cut too big for the page (a long
    finding gone where a short one would have fitted) is used.
    """
    if budget.key < top.key:  # the last to go: nothing else comes back before them all
        return [replace(budget, key=budget.key + 1)]
    out = []
    for name in wanted(planned):  # how areas for improvement are quoted changes nothing when none are
        if name in ("whole", "span") and not budget.other:
            continue
        if getattr(budget, name) < getattr(top, name):
            out.append(replace(budget, **{name: getattr(budget, name) + 1}))
    return out
