"""What a page is about: its force, cycle and pillar; and an overview page's pillar judgments.

The force, cycle and pillar come from the title, the text and the address; an
overview page says "The extent to which ... is: good" once per pillar.

Each reader returns None when the page does not say; nothing here guesses.
Forces are matched against the 43 forces of England and Wales and their
aliases (:mod:`peeldocs.model.forces`), so a sentence fragment is never a force.
"""

from __future__ import annotations

import re

from peeldocs.importer.judgments import GRADE_WORDS
from peeldocs.model import Force, Grade, Judgment, Status, normalise_cycle
from peeldocs.model.forces import all_forces, find_force

TITLE = re.compile(r"^(?P<force>[A-Z][\w'’&.,() -]*?)\s+(?:PEEL\s+)?"
                   r"(?P<year>(?:19|20)\d{2}(?:\s*[/–-]\s*\d{2,4})?)$")
_YEARS = r"(20\d\d\s*[/–-]\s*\d{2,4})"
CYCLE_TEXT = [  # most telling first: a heading, the framework, then any mention
    re.compile(rf"^PEEL:? {_YEARS}$", re.M),
    re.compile(rf"\bPEEL Assessment Framework(?: \(PAF\))? {_YEARS}"),
    re.compile(rf"\bPEEL(?::? Police effectiveness, efficiency and legitimacy)? {_YEARS}\b"),
]
AREAS = re.compile(r"how good (?P<force>[A-Z][\w'’&,. -]{2,60}?) is in (?P<n>\w+) areas of "
                   r"policing", re.I)
# the openings of force assessments: "Cumbria Constabulary was awarded no inadequate grades.",
# "how effective a service Cumbria Constabulary gives to victims of crime"
AWARDED = re.compile(r"^(?:Overall,? )?(?P<force>[A-Z][\w'’&,. -]{2,60}?) (?:was|has been) awarded "
                     r"(?:no|one|two|three|four|five|six|seven|eight|nine|ten|\d+|an?) ", re.M)
SERVICE_TO_VICTIMS = re.compile(r"how effective a service (?P<force>[A-Z][\w'’&,. -]{2,60}?) "
                                r"(?:gives|provides) to victims of crime")
INSPECTION_OF = re.compile(r"(?:An inspection of|assessment of|inspection of) (?P<force>[A-Z]"
                           r"[\w'’&-]{0,40}(?: (?:and|of|the|[A-Z][\w'’&-]{0,40})){0,8})")
URL_ASSESSMENT = re.compile(r"/peel-reports/(?P<slug>[a-z-]+?)-(?P<cycle>20\d\d-(?:\d{2}|\d{4}))"
                            r"(?:/|$)", re.I)
URL_PILLAR = re.compile(r"/peel-(?P<year>20\d\d)/(?P<slug>[a-z-]+)(?:/(?P<pillar>effectiveness|"
                        r"efficiency|legitimacy))?", re.I)
PILLAR_WORDS = {
    "effectiveness": re.compile(r"\beffective(?:ly|ness)?\b", re.I),
    "efficiency": re.compile(r"\befficien(?:t|tly|cy)\b", re.I),
    "legitimacy": re.compile(r"\blegitima(?:te|tely|cy)\b", re.I),
}
TITLE_MOST = 200
"""The longest line taken for a page title."""
TITLE_YEAR_CYCLE = {"2018": "2018/19", "2021": "2021/22", "2023": "2023-25", "2025": "2025-27"}


def force_named(text: str) -> Force | None:
    """Return the force ``text`` names (a name, short name, alias or unique prefix), or None."""
    text = text.strip().strip("’'").removesuffix("’s").removesuffix("'s")
    force = find_force(text)
    if force is None and len(text) >= 4:
        wanted = text.lower()
        starts = [f for f in all_forces() if f.short_name.lower().startswith(wanted)]
        force = starts[0] if len(starts) == 1 else None
    return force


def title_cycle(year: str) -> str | None:
    """Return the cycle a page title's year names: "2018" is 2018/19, "2016" is 2016."""
    year = re.sub(r"\s+", "", year)
    return TITLE_YEAR_CYCLE.get(year) or normalise_cycle(year)


def read_title(blocks: list[str]) -> tuple[int | None, Force | None, str | None]:
    """Find a title such as "Kent PEEL 2017" or "Durham 2016" near the top of the page.

    A title naming one of the 43 forces wins; otherwise the first title-shaped
    line gives the cycle only.  A site suffix ("- HMICFRS") is ignored.
    """
    shaped: tuple[int, str | None] | None = None
    for i, block in enumerate(blocks[:30]):
        if len(block) > TITLE_MOST:  # a paragraph, not a title (and no cost in its length)
            continue
        match = TITLE.match(re.split(r"\s+[-–|]\s+(?=\D)", block)[0].strip())
        if match:
            force = force_named(match.group("force"))
            if force is not None:
                return i, force, title_cycle(match.group("year"))
            shaped = shaped or (i, title_cycle(match.group("year")))
    return (shaped[0], None, shaped[1]) if shaped else (None, None, None)


def cycle_in_text(text: str) -> tuple[str, str] | None:
    """Return (cycle, evidence) from "PEEL 2023–2025", "PEEL Assessment Framework 2021/22"."""
    for pattern in CYCLE_TEXT:
        for match in pattern.finditer(text):
            cycle = normalise_cycle(match.group(1))
            if cycle is not None:
                return cycle, match.group(0)
    return None


def force_in_text(text: str) -> tuple[Force, str] | None:
    """Return (force, evidence) from "how good X is in ten areas of policing" and the like."""
    for pattern in (AREAS, AWARDED, SERVICE_TO_VICTIMS, INSPECTION_OF):
        for match in pattern.finditer(text):
            words = match.group("force").split()
            for end in range(len(words), 0, -1):  # the longest run of words that names a force
                force = find_force(" ".join(words[:end]))
                if force is not None:
                    return force, match.group(0)
    return None


def name_on_page(text: str, force: Force) -> str:
    """Return the force's name as the page writes it ("Hampshire and Isle of Wight Constabulary").

    The name a force assessment is published under; the force's listed name
    when the page does not write one of its names.
    """
    for pattern in (AREAS, AWARDED, SERVICE_TO_VICTIMS, INSPECTION_OF):
        for match in pattern.finditer(text):
            words = match.group("force").split()
            for end in range(len(words), 0, -1):
                if find_force(" ".join(words[:end])) == force:
                    return " ".join(words[:end])
    return force.name


def from_address(url: str | None) -> tuple[Force | None, str | None, str | None]:
    """Return (force, cycle, pillar) that a published page's address states."""
    if not url:
        return None, None, None
    if match := URL_ASSESSMENT.search(url):
        cycle = normalise_cycle(match.group("cycle"))
        return force_named(match.group("slug").replace("-", " ")), cycle, None
    if match := URL_PILLAR.search(url):
        pillar = match.group("pillar").lower() if match.group("pillar") else None
        return (force_named(match.group("slug").replace("-", " ")),
                title_cycle(match.group("year")), pillar)
    return None, None, None


def pillar_of_question(question: str) -> str | None:
    """Return the pillar a headline question asks about ("How efficiently does ..."), or None."""
    found = [p for p, pattern in PILLAR_WORDS.items() if pattern.search(question)]
    return found[0] if len(found) == 1 else None


def is_headline(block: str) -> bool:
    """Tell whether a block is a pillar's headline question."""
    return block.endswith("?") and re.match(r"(How|To what extent|What)\b", block) is not None \
        and pillar_of_question(block) is not None and len(block) < 160


OVERVIEW = re.compile(
    r"(?:^|(?<=[.:;]\s))(?:the )?extent to which (?P<what>[^.:]{5,200}?)(?:\s+is:?|:)?\s+"
    rf"(?P<grade>{GRADE_WORDS}|not yet graded|to be graded|not graded|ungraded)\s*[.;]?\s*$",
    re.I | re.M)
EFFICIENCY_2014 = re.compile(r"(?:^|(?<=[;:]\s))the efficiency with which the "
                             r"(?:force|constabulary) carries out its responsibilities "
                             rf"(?:is (?P<grade>{GRADE_WORDS})|(?P<ri>requires improvement))\b",
                             re.I | re.M)
PILLAR_OF = [
    ("effectiveness", re.compile(r"\beffective(?:ly)?\b", re.I)),
    ("efficiency", re.compile(r"\befficien(?:t|tly)\b", re.I)),
    ("legitimacy", re.compile(r"\blegitima(?:te|tely)\b", re.I)),
]
STATUS_WORDS = {"not yet graded": Status.NOT_YET_GRADED, "to be graded": Status.NOT_YET_GRADED,
                "not graded": Status.NOT_GRADED, "ungraded": Status.UNGRADED}


def _judgment(word: str, evidence: str) -> Judgment:
    word = word.lower()
    if word in STATUS_WORDS:
        return Judgment(STATUS_WORDS[word], evidence=evidence)
    return Judgment(Status.GRADED, Grade(word), evidence=evidence)


def overview_judgments(blocks: list[str]) -> dict[str, tuple[int, Judgment]]:
    """Return {pillar: (block index, judgment)} for each overview sentence in ``blocks``."""
    found: dict[str, tuple[int, Judgment]] = {}
    for i, block in enumerate(blocks):
        for match in OVERVIEW.finditer(block):
            pillars = [p for p, pattern in PILLAR_OF if pattern.search(match.group("what"))]
            if len(pillars) == 1 and pillars[0] not in found:
                found[pillars[0]] = (i, _judgment(match.group("grade"), match.group(0).strip()))
        old = EFFICIENCY_2014.search(block)
        if old and "efficiency" not in found:
            found["efficiency"] = (i, _judgment(old.group("grade") or old.group("ri"),
                                                 old.group(0).strip()))
    return found
