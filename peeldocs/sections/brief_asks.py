"""The one-page brief's line of decisions, named from the data (:mod:`peeldocs.sections.asks`).

Before the section 55 deadline, agree the chief officer's comments; with an action
plan, what it calls for in plain words ("name an owner for", not the plan's
"allocate"), each finding the page quotes nowhere given a few of the report's words;
without one, agree a plan and confirm the action on passed deadlines.  Pure
functions, no I/O.
"""

from __future__ import annotations

from datetime import date

from peeldocs.model import Report
from peeldocs.options import Options
from peeldocs.prose import count_words, join_words, long_date
from peeldocs.sections.asks import NAMED_MAX, kinds_named, no_plan_asks, plan_needs
from peeldocs.sections.brief_named import named_finding
from peeldocs.sections.common import report_context, wording
from peeldocs.sections.items import ItemKind, s55_deadline
from peeldocs.sections.order import live_items


def brief_decisions(report: Report, options: Options,
                    quoted: frozenset[str] | None = None, s55_ask: bool = True,
                    longer: bool = False, check: bool = True, label: bool = True) -> str:
    """Return the brief's one line of decisions, or "" when none.

    Before the section 55 deadline, the chief officer group is asked to agree the
    chief officer's comments, which the local policing body publishes with its own;
    after it, last, to check whether they were published, and when, which no
    input records: worded as a check, it stays true once the deadline line's "Date
    published" placeholder is filled (read 24-B), unless ``s55_ask`` is off (a page
    short of room) or ``check`` is (read 30-B: the deadline line asks for the date).
    With a plan, then what the plan calls for, each finding the page quotes nowhere
    (``quoted`` names those it does) given a few of the report's words (``longer``: its
    opening words to a clause, read 29-B; without ``label``, none).  Without a
    plan, the brief's line on passed deadlines ends on its own ask
    (:func:`peeldocs.sections.due.due_sentence` with ``ask``).
    """
    published = options.published or report.published
    deadline = s55_deadline(published)
    s55 = s55_ask and deadline is not None and deadline >= options.as_of_date
    said = [wording("brief_decide.j2", options, s55=s55, deadline=deadline,
                    **report_context(report, options))] if s55 else []
    # once the deadline has passed, no input says whether the comments were published (the
    # deadline line asks for the date): the ask is a check, and last (reads 23-B, 24-B)
    late = [wording("brief_decide.j2", options, s55=False, late=True, deadline=deadline,
                    **report_context(report, options))] if (
        s55_ask and check and deadline is not None and deadline < options.as_of_date) else []
    if options.plan is None:
        said += no_plan_asks(report, options) + late
        if not said:
            return ""
        return ("Decisions needed: " if len(said) > 1 else "Decision needed: ") + "; ".join(said) + "."
    needs = plan_needs(report, options)
    said_once = set(quoted or ())  # a finding's words are given once, at its first mention

    found = {i.id: i for i in live_items(report)}
    asked: set[str] = set()

    def named(refs: list[str], what: str, first: bool = False) -> str:
        # by kind, references in brackets; many counted
        if len(refs) > NAMED_MAX:
            return f"the {count_words(len(refs))} {what}"  # the line above names each
        # read 30-B: a finding of this report by its reference and a short label, the action
        # first; an earlier one as before (the paragraph above the list quotes it)
        # an earlier finding the page names above in words, by its reference alone
        mine = [r for r in refs if r in found and (found[r].kind is not ItemKind.CARRIED_FORWARD
                                                   or (r in said_once and not first))]
        rest = [r for r in refs if r not in mine]
        # one the decisions have named already, by its reference alone (read 31-B)
        words = join_words([*(r if r in asked else named_finding(found[r], report, label) for r in mine),
                            # the first decision, before the page quotes it: by its kind and
                            # year ("the 2017 area for improvement (E-2017-AFI-1)"), read 31-B
                            *(kinds_named(report, rest, None if quoted is None
                                          else frozenset(said_once), longer=longer)
                              if rest else ())])
        said_once.update(refs)
        asked.update(refs)
        return words

    if needs.overdue:  # what is overdue named first (read 31-B)
        overdue = named([r for r, _t in needs.overdue], "overdue items", first=True)
        said.append(f"re-date or escalate {overdue}")
    if needs.allocate:  # what is missing, not the tool's word "allocate" (read 22)
        said.append(_allocate(needs.allocate, named([r for r, _t, _l in needs.allocate],
                                                    "items with no owner or action")))
    if needs.missing:
        one = len(needs.missing) == 1
        # read 36: the commissioner's comments must explain the action on each recommendation
        # (Police Act 1996, s.55(5B)): one the plan lacks leaves them nothing to explain
        recs = all(found[r].kind is ItemKind.RECOMMENDATION for r in needs.missing if r in found)
        body = str(report_context(report, options)["body_short"])
        why = f", whose action the {body}’s comments must explain" if recs and one else ""
        said.append(f"add {'an item' if one else 'items'} for "
                    f"{named(list(needs.missing), 'findings the plan lacks')}{why}")
    said += late
    if not said:
        return ""
    return ("Decisions needed: " if len(said) > 1 else "Decision needed: ") + "; ".join(said) + "."


def _allocate(items: tuple[tuple[str, date | None, str], ...], words: str) -> str:
    """Ask for what open items lack, one item with its target: "name an owner for … , due …"."""
    lacks = {lack for _r, _t, lack in items}
    verb = ("agree an action for" if lacks == {"action"} else
            "name an owner for" if lacks <= {"owner", ""} else "name an owner and an action for")
    # the item's target, not the decision's deadline (read 32)
    due = f", whose target is {long_date(items[0][1])}" if len(items) == 1 and items[0][1] else ""
    return f"{verb} {words}{due}"
