"""Read a page of an inspection's recommendations (copied text or saved HTML).

Items are found as labelled blocks ("Recommendation 1", "Area for improvement
3", "Cause of concern") or as numbered lists under a heading
("Recommendations", "Areas for improvement"); bullets after an item are its
sub-points.  Whom each is addressed to is read from the words before
"should"; its deadline from "By 31 March 2023," or "within six months" in its
text.  Whatever is not read stays unknown: the kind, the publication date, an
item's addressee; a page with no items found says its items were not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from peeldocs.importer.savedpage import html_to_text
from peeldocs.importer.textblocks import BULLET, blocks, looks_like_html
from peeldocs.plans.inspection import (
    Addressee,
    Inspection,
    InspectionItem,
    InspectionKind,
    ItemKind,
    item_id,
)

_KINDS = {"recommendation": ItemKind.RECOMMENDATION, "recommendations": ItemKind.RECOMMENDATION,
          "area for improvement": ItemKind.AREA_FOR_IMPROVEMENT,
          "areas for improvement": ItemKind.AREA_FOR_IMPROVEMENT,
          "cause of concern": ItemKind.CAUSE_OF_CONCERN,
          "causes of concern": ItemKind.CAUSE_OF_CONCERN}
_KIND_WORDS = r"(recommendations?|areas? for improvement|causes? of concern)"
_LABEL = re.compile(rf"^{_KIND_WORDS}\s+(\d{{1,3}}[a-z]?)\b\s*[:.–—-]?\s*(.*)$", re.I)
_HEADING = re.compile(rf"^(?:our\s+|the\s+)?{_KIND_WORDS}\s*:?$", re.I)
_NUMBERED = re.compile(r"^\(?(\d{1,3}[a-z]?)[.)]\s+(.+)$")
_MONTH = ("january|february|march|april|may|june|july|august|september|october|november|"
          "december")
_DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\s+(\d{{4}})\b", re.I)
_PUBLISHED = re.compile(rf"^(?:published(?:\s+on)?|publication\s+date|date\s+of\s+publication)"
                        rf"\s*:?\s*(\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH})\s+\d{{4}})\b", re.I)
_LEAD_DEADLINE = re.compile(r"^((?:by|before|no later than|on or before|within|in the next)\s+"
                            r"[^,]{3,60}|immediately),\s+", re.I)
_TAIL_DEADLINE = re.compile(rf"\b((?:by|before|no later than)\s+(?:the\s+end\s+of\s+)?"
                            rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTH})\s+\d{{4}}|within\s+"
                            r"(?:\d{1,2}|[a-z-]+)\s+(?:months?|weeks?|days?)(?:\s+of\s+"
                            r"(?:the\s+)?(?:publication(?:\s+of\s+(?:this|the)\s+report)?|this\s+report))?)",
                            re.I)
_SUBJECT = re.compile(r"^(?:we\s+recommend\s+that\s+)?(.{2,160}?)\s+(?:should|must|needs?\s+to)\b",
                      re.I)
_PCCS = re.compile(r"commissioners?|\bPCCs?\b|\bPFCCs?\b|\bmayor", re.I)
_FORCES = re.compile(r"chief\s+constables|\ball\s+(?:police\s+)?forces|^forces\b|\bpolice\s+forces"
                     r"|every\s+(?:police\s+)?force|each\s+(?:police\s+)?force", re.I)
_THIS_FORCE = re.compile(r"\bthe\s+(?:force|constabulary)\b|\bthe\s+chief\s+constable\b|"
                         r"\b(?:police|constabulary|police\s+service)$", re.I)
_FURNITURE = re.compile(r"^(?:home|publications?|reports?|contents|menu|search|print this "
                        r"(?:document|page)|share this page|back to top)$|›|»|\s>\s", re.I)
_CONSTRUCTED = re.compile(r"^(?:constructed|illustrative|invented)\s+example\b", re.I)
_KIND_OF_PAGE = ((re.compile(r"\bjoint\s+(?:thematic\s+)?inspection\b|\bcriminal\s+justice\s+joint"
                             r"\b", re.I), InspectionKind.JOINT),
                 (re.compile(r"\brevisit|\bre-inspection\b", re.I), InspectionKind.REVISIT_LETTER),
                 (re.compile(r"\bthematic\b|\bnational\s+inspection\b", re.I),
                  InspectionKind.NATIONAL_THEMATIC))


@dataclass(frozen=True, slots=True)
class InspectionImport:
    """What was read from a page: the inspection and notes on what was not."""

    inspection: Inspection
    notes: tuple[str, ...]


class NoTitleError(ValueError):
    """The page's first block is not a title and none was given."""


def _date(text: str) -> date | None:
    match = _DATE.search(text)
    if not match:
        return None
    month = _MONTH.split("|").index(match.group(2).lower()) + 1
    try:
        return date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None


def addressee_of(text: str) -> tuple[Addressee, str | None]:
    """Return whom an item's words address, and the words naming them.

    >>> addressee_of("By 31 March 2023, chief constables should review vetting.")
    (<Addressee.ALL_FORCES: 'all forces'>, 'chief constables')
    >>> addressee_of("The College of Policing should publish guidance.")[0].value
    'another body'
    >>> addressee_of("Improve the quality of investigations.")[0].value
    'unknown'
    """
    body = _LEAD_DEADLINE.sub("", text.strip())
    match = _SUBJECT.match(body)
    if not match or "." in match.group(1):
        return Addressee.UNKNOWN, None
    who = match.group(1).strip().strip(",")
    if _FORCES.search(who):
        return (Addressee.CHIEF_CONSTABLES_AND_PCCS if _PCCS.search(who)
                else Addressee.ALL_FORCES), who
    if _THIS_FORCE.search(who):
        return Addressee.THIS_FORCE, who
    if who[:1].isupper() or who.lower().startswith("the "):
        return Addressee.ANOTHER_BODY, who
    return Addressee.UNKNOWN, None


def deadline_of(text: str) -> str | None:
    """Return the deadline as worded in an item's text, or None when it states none.

    >>> deadline_of("By 31 March 2023, chief constables should act.")
    'By 31 March 2023'
    >>> deadline_of("The force should, within six months, review its policy.")
    'within six months'
    """
    if match := _LEAD_DEADLINE.match(text.strip()):
        return match.group(1)
    if match := _TAIL_DEADLINE.search(text):
        return match.group(1)
    return None


def _item(kind: ItemKind, number: str | None, text: str, points: list[str], seq: int,
          used: set[str]) -> InspectionItem:
    iid = item_id(kind, number) if number else item_id(kind, str(seq))
    while iid in used:  # the same number twice on one page: keep both, apart
        iid += "-b"
    used.add(iid)
    whole = " ".join((text, *points))
    to, words = addressee_of(text)
    return InspectionItem(iid, kind, text, to, number, words, deadline_of(whole), tuple(points))


def read_inspection(text: str, source: str | None = None, *, title: str | None = None,
                    kind: InspectionKind | None = None, published: date | None = None,
                    force: str | None = None) -> InspectionImport:
    r"""Read an inspection's page into an :class:`Inspection`; unknowns stay unknown.

    >>> page = ("A constructed thematic inspection\n\nPublished on: 2 November 2022\n\n"
    ...         "Recommendations\n\n1. By 31 March 2023, chief constables should do X.\n\n"
    ...         "2. The College of Policing should do Y.\n")
    >>> insp = read_inspection(page).inspection
    >>> insp.kind.value, insp.published, [(i.id, i.addressed_to.value) for i in insp.items]
    ('national thematic', datetime.date(2022, 11, 2), [('R1', 'all forces'), ('R2', 'another body')])
    """
    if looks_like_html(text):
        text = html_to_text(text)
    bl, notes = blocks(text)
    notes = list(notes)
    while bl and _FURNITURE.search(bl[0]):  # breadcrumbs and menus before the title
        notes.append(f"skipped page furniture: {bl.pop(0)[:60]}")
    if title is None:
        first = bl[0] if bl else ""
        if not first or len(first) > 200 or first.endswith(".") or _LABEL.match(first) \
                or _HEADING.match(first):
            raise NoTitleError("the page does not start with a title; give the report's title")
        title = first
    head = " ".join(bl[:6])
    if kind is None:
        kind = next((k for pattern, k in _KIND_OF_PAGE if pattern.search(head)),
                    InspectionKind.UNKNOWN)
        if kind is InspectionKind.UNKNOWN:
            notes.append("the kind of inspection was not read (thematic, joint, revisit): "
                         "recorded as unknown")
    if published is None:
        found = next((m.group(1) for b in bl[:12] if (m := _PUBLISHED.match(b))), None)
        published = _date(found) if found else None
        if published is None:
            notes.append("no publication date was read: recorded as unknown, so deadlines "
                         "counted from publication have no date")
    items: list[InspectionItem] = []
    used: set[str] = set()
    section: ItemKind | None = None
    single = False
    current: tuple[ItemKind, str | None, str] | None = None
    points: list[str] = []
    counts: dict[ItemKind, int] = {}

    def close() -> None:
        nonlocal current, points
        if current is not None:
            counts[current[0]] = counts.get(current[0], 0) + 1
            items.append(_item(current[0], current[1], current[2], points,
                               counts[current[0]], used))
        current, points = None, []

    for block in bl[1:]:
        if BULLET.match(block):
            text = BULLET.sub("", block).strip()
            if current is not None and (points or current[2].rstrip().endswith(":")):
                points.append(text)  # a sub-point of the item it follows
                continue
            if section is not None and not single:
                close()  # a bulleted (or HTML-numbered) list of items under its heading
                current = (section, None, text)
                continue
            if current is not None:
                points.append(text)
                continue
        if label := _LABEL.match(block):
            close()
            rest = label.group(3).strip()
            current = (_KINDS[label.group(1).lower()], label.group(2), rest)
            continue
        if heading := _HEADING.match(block):
            close()
            section = _KINDS[heading.group(1).lower()]
            single = not heading.group(1).lower().endswith("s")  # one item follows
            continue
        if current is not None and not current[2]:  # a label alone: its text follows
            current = (current[0], current[1], block)
            continue
        if section is not None and (numbered := _NUMBERED.match(block)):
            close()
            current = (section, numbered.group(1), numbered.group(2).strip())
            continue
        if section is not None and current is None and block.endswith((".", ":")) and \
                (single or _SUBJECT.match(_LEAD_DEADLINE.sub("", block))):
            current = (section, None, block)  # an unnumbered item under its heading
            if single:
                section = None
            continue
        close()
        if len(block) < 80 and not block.endswith((".", ":")):
            section = None  # another heading ends the list
    close()
    items_read = bool(items)
    if not items_read:
        notes.append("no recommendations, areas for improvement or causes of concern were "
                     "read: the file says its items were not read, not that there are none")
    unknown = [i.id for i in items if i.addressed_to is Addressee.UNKNOWN]
    if unknown:
        notes.append(f"whom {', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} "
                     "addressed to was not read: tracked, and marked unknown")
    constructed = _CONSTRUCTED.match(title) is not None
    if constructed:
        notes.append("the title says the text is a constructed example: marked illustrative")
    inspection = Inspection(title, kind, published, source, force, tuple(items), items_read,
                            constructed)
    return InspectionImport(inspection, tuple(notes))
