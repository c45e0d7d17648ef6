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
    LEAD_DEADLINE,
    MONTH,
    SUBJECT,
    Addressee,
    Inspection,
    InspectionItem,
    InspectionKind,
    ItemKind,
    addressee_of,
    deadline_of,
    item_id,
    names_someone,
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
_DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH})\s+(\d{{4}})\b", re.I)
_PUBLISHED = re.compile(rf"^(?:published(?:\s+on)?|publication\s+date|date\s+of\s+publication)"
                        rf"\s*:?\s*(\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH})\s+\d{{4}})\b", re.I)
_FURNITURE = re.compile(r"^(?:home|publications?|reports?|contents|menu|search|print this "
                        r"(?:document|page)|share this page|back to top)$|›|»|\s>\s", re.I)
_LETTERED = re.compile(r"^\(?(?:[a-h]|i{1,3}|iv|v|vi{1,3})\)\s+|^(?:[a-h]|i{1,3}|iv|v|vi{1,3})\.\s+")
"""A lettered or roman sub-point: 'a) review ...', '(ii) make sure ...', 'b. record ...'."""
_NEXT_LETTERED = re.compile(r"\s+(?=\(?(?:[a-h]|i{1,3}|iv|v|vi{1,3})\)\s)")
_PAGE_FURNITURE = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
"""A page number a copy from a PDF carries between paragraphs: 'Page 14 of 32', '14'."""
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
    unplaced: tuple[str, ...] = ()
    """Blocks after the first item that read like an item but were not taken as one."""


class NoTitleError(ValueError):
    """The page's first block is not a title and none was given."""


def _date(text: str) -> date | None:
    match = _DATE.search(text)
    if not match:
        return None
    month = MONTH.split("|").index(match.group(2).lower()) + 1
    try:
        return date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None


def _follows(previous: str, number: str) -> bool:
    """Tell whether a list number comes straight after the previous one (3 after 2)."""
    digits = "".join(ch for ch in previous if ch.isdigit())
    return number.isdigit() and digits.isdigit() and int(number) == int(digits) + 1


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
    unplaced: list[str] = []
    last: tuple[ItemKind, str | None] | None = None  # the list the latest item was in

    def close() -> None:
        nonlocal current, points, last
        if current is not None:
            last = (current[0], current[1])
            counts[current[0]] = counts.get(current[0], 0) + 1
            items.append(_item(current[0], current[1], current[2], points,
                               counts[current[0]], used))
        current, points = None, []

    for block in bl[1:]:
        if _PAGE_FURNITURE.match(block):
            notes.append(f"skipped a page number: {block}")
            continue
        if section is None and last is not None and last[1] and \
                (numbered := _NUMBERED.match(block)) and _follows(last[1], numbered.group(1)):
            section = last[0]  # a list broken by a running header or footer goes on
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
        if current is not None and _LETTERED.match(block) and \
                (points or current[2].rstrip().endswith(":")):
            # lettered sub-points, one to a line or run together by the copy
            points += [_LETTERED.sub("", part).strip() for part in _NEXT_LETTERED.split(block)]
            continue
        if label := _LABEL.match(block):
            close()
            rest = label.group(3).strip()
            current = (_KINDS[label.group(1).lower()], label.group(2), rest)
            continue
        if heading := _HEADING.match(block):
            close()
            section = _KINDS[heading.group(1).lower()]
            # "Area for improvement" heads one item; "Areas for improvement" a list of them
            single = heading.group(1).lower().split()[0] in ("recommendation", "area", "cause")
            continue
        if current is not None and not current[2]:  # a label alone: its text follows
            current = (current[0], current[1], block)
            continue
        if section is not None and (numbered := _NUMBERED.match(block)):
            close()
            current = (section, numbered.group(1), numbered.group(2).strip())
            continue
        if section is not None and current is None and block.endswith((".", ":")) and \
                (single or SUBJECT.match(LEAD_DEADLINE.sub("", block))):
            current = (section, None, block)  # an unnumbered item under its heading
            if single:
                section = None
            continue
        if section is not None and not single and current is not None and current[1] is None \
                and block.endswith((".", ":")) and names_someone(block):
            close()  # the next unnumbered item of a list of paragraphs
            current = (section, None, block)
            continue
        promised = current is not None and not points and current[2].rstrip().endswith(":")
        close()
        if promised or (items and (_NUMBERED.match(block) or
                                   SUBJECT.match(LEAD_DEADLINE.sub("", block)))):
            unplaced.append(block)  # an item's sub-points, or an item, not read as such
        if len(block) < 80 and not block.endswith((".", ":")):
            section = None  # another heading ends the list
    close()
    for block in unplaced:
        notes.append(f"not read as an item, though it reads like one (check it against the "
                     f"report): {block[:80]}")
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
    return InspectionImport(inspection, tuple(notes), tuple(unplaced))
