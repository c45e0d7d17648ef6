"""How the one-page brief names a finding it refers to, and who agrees a joint recommendation.

Read 30-B: with a plan, the areas for improvement are quoted once, under "What
needs doing", and the decisions and the plan's lines refer to each by its
reference and a short label of the report's own words ("E2-AFI-2 (“improve how it
allocates crime”)"), never a long quotation cut mid-sentence inside an
instruction.  A joint recommendation says whom, beyond the force, its action is
to be agreed with, from its own words ("to be agreed with Suffolk Constabulary
and other forces in the east of England").  Where the page does not quote the
areas for improvement, it names where each is ("‘Police powers and public
treatment’ (A2-AFI-1)").  Pure functions, no I/O.
"""

from __future__ import annotations

import re

from peeldocs.model import Report
from peeldocs.prose import join_words
from peeldocs.sections.brief_items import where
from peeldocs.sections.brief_labels import clipped, joint_label, plan_gist
from peeldocs.sections.items import ItemKind, ResponseItem
from peeldocs.sections.joint import joint_parts
from peeldocs.sections.order import live_items

_PLURAL = (("Constabularies", "Constabulary"), ("constabularies", "constabulary"),
           ("Police Services", "Police Service"), ("Forces", "Force"), ("forces", "force"))
"""A plural naming several forces ("Norfolk and Suffolk Constabularies"), and each one's noun."""


def short_name(item: ResponseItem, report: Report) -> str:
    """Return a finding's reference and a short label of its words: E2-AFI-2 (“improve how …”).

    An earlier finding keeps its reference alone: the paragraph that leads the list
    names it in its own words.
    """
    if item.kind is ItemKind.CARRIED_FORWARD:
        return item.id
    return f"{item.id} ({plan_gist(item.full_text)})"


def named_finding(item: ResponseItem, report: Report, label: bool = True) -> str:
    """Name a finding for a decision: its reference and short label, a key finding its kind.

    "E2-AFI-2 (“improve how it allocates crime”)"; "the joint recommendation E5-REC-1
    (“work with other forces”)": a cause of concern or recommendation is named as one.
    Without ``label`` (a page short of room; the list below quotes it), the reference alone.
    """
    name = short_name(item, report) if label else item.id
    if item.kind in (ItemKind.AREA_FOR_IMPROVEMENT, ItemKind.CARRIED_FORWARD):  # "for E2-AFI-2 (“…”)"
        return name
    kind = joint_label(item, report, item.kind.value).split(",")[0]
    return f"the {kind[:1].lower()}{kind[1:]} {name}"


def plan_label(item: ResponseItem, quoted: bool, labels: int) -> str:
    """Return the words a plan line gives after a finding's reference ("" for none).

    A finding the page quotes, or any with ``labels`` 1, a short label in brackets;
    one quoted nowhere with ``labels`` 2, its opening words to a clause; ``labels`` 0,
    none (a page short of room).
    """
    if not labels:
        return ""
    if item.kind is ItemKind.CARRIED_FORWARD:
        return "" if quoted else plan_gist(item.full_text)
    if quoted or labels == 1:
        return f"({plan_gist(item.full_text)})"
    return clipped(item.full_text)


def agreed_with(item: ResponseItem, report: Report) -> str:
    """Say whom a joint recommendation's action is to be agreed with, in its own words ("" if none).

    "We recommend Norfolk and Suffolk Constabularies to work with other forces in the
    east of England …" (a report on Norfolk): "Suffolk Constabulary and other forces in
    the east of England".  The inspected force is left out; the other addressees keep
    the report's words, each given the noun the report gives them together.
    """
    if item.kind is not ItemKind.RECOMMENDATION:
        return ""
    first, others = joint_parts(item.text, report)
    partners = re.sub(r"^(?:to work with|with)\s+", "", others)
    names = [n.strip() for n in re.split(r",\s*|\s+and\s+", first) if n.strip()]
    noun = ""
    if names:
        for plural, single in _PLURAL:
            if names[-1].endswith(" " + plural):
                names[-1] = names[-1][:-len(plural) - 1]
                noun = " " + single
    own = report.force.name.lower()
    rest = [n for n in names if n.lower() not in own and n.lower() != own]
    if first == report.force.name or len(rest) == len(names):  # addressed to the force alone
        rest = []
    parties = [*(n if n.endswith(noun.strip()) or not noun else n + noun for n in rest),
               *([partners] if partners else [])]
    return join_words(parties)


def places(report: Report, refs: list[str]) -> str:
    """Name where each finding in ``refs`` sits, those in one place together.

    "in ‘Police powers and public treatment’ (A2-AFI-1), ‘Responding to the public’
    (A4-AFI-1) and …"; "under question 2 (E2-AFI-1 and E2-AFI-2) and 3 (E3-AFI-1)"; "" when the
    place of any is unknown (a count then says all the page can).  Read 35: one in each of
    three or more places, "one in each of ‘…’, ‘…’ and ‘…’" (the places, short enough to fit).
    """
    found = {i.id: i for i in live_items(report)}
    groups: dict[str, list[str]] = {}
    for ref in refs:
        item = found.get(ref)
        place = where(item, report) if item else ""
        if not place:
            return ""
        groups.setdefault(place, []).append(ref)
    if len(groups) > 2 and all(len(ids) == 1 for ids in groups.values()):
        return f"one in each of {join_words(groups)}"
    said = join_words(f"{place.removeprefix('question ')} ({join_words(ids)})"
                      if n else f"{place} ({join_words(ids)})"
                      for n, (place, ids) in enumerate(groups.items()))
    return f"{'in' if report.is_assessment else 'under'} {said}"
