"""Reading judgments as the inspectorate words them over the years, each with its evidence.

Every function returns a :class:`Judgment` carrying the line or sentence it was
read from, or None when the text states no judgment; it never guesses.  A grade
word about something else ("a good understanding", last year's grade) is not a
judgment.
"""

from __future__ import annotations

import re

from peeldocs.model import Grade, Judgment, Status

GRADE_WORDS = "outstanding|good|adequate|requires improvement|inadequate"
GRADE_LINE = re.compile(rf"^(?:grade:?\s*)?({GRADE_WORDS})\.?$", re.I)
STATUS_LINES = [
    (re.compile(r"^(?:to be graded|not yet graded)\.?$", re.I), Status.NOT_YET_GRADED),
    (re.compile(r"^ungraded\.?$", re.I), Status.UNGRADED),
    (re.compile(r"^(?:not graded|is not graded|not being graded)\.?$", re.I), Status.NOT_GRADED),
    (re.compile(r"^not inspected\.?$", re.I), Status.NOT_INSPECTED),
]
CYCLE_WORD = r"(\d{4}(?:\s*[/–-]\s*\d{2,4})?)"
CARRIED = re.compile(rf"(?:judgment|grade)s?(?: and findings)? from (?:the |our )?{CYCLE_WORD}"
                     r"[^.]{0,80}?(?:carried over|carried forward|still stands?|remains?)", re.I)
CARRIED_BACK = re.compile(rf"carried (?:over|forward) from (?:the |our )?{CYCLE_WORD}", re.I)
STILL_STAND = re.compile(r"not (?:subject to detailed inspection|inspected) in (\d{4})\b.{0,160}?"
                         r"(?:last year[’']s|previous)[^.]{0,60}?(?:still stands?|carried over)",
                         re.I | re.S)
NOT_INSPECTED = re.compile(r"not (?:been )?inspected or graded in (\d{4})", re.I)
NOT_GRADED_PROSE = re.compile(r"\b(?:is|was|has) not (?:been )?graded\b", re.I)
UNGRADED_PROSE = re.compile(r"\bwe (?:don[’']t|do not) (?:make a graded judgment|grade)\b", re.I)
SUBJECT = r"(?:the force|the constabulary|the service|it)"
VERB = (r"(?:is|was|remains|continues to be|has been|had been|is now|has remained)"
        r"(?: (?:judged|assessed|graded|rated|found)(?: to be| as)?)?"
        r"(?: (?:to be|as))?")
PROSE = re.compile(rf"^(?P<subject>.{{2,70}}?) (?:(?:{VERB}) (?P<grade>{GRADE_WORDS}|requiring "
                   r"improvement|to require improvement)|(?P<ri>requires improvement))"
                   r"(?: (?:at|in|for|with|in respect of|in the way|in how|in its|at how))?\b"
                   r"(?P<about>.*)$", re.I)
# "We found that Dyfed-Powys Police is good at ...", "Overall Dyfed-Powys Police is judged ..."
FOUND_THAT = re.compile(r"^(?:(?:we|hmicfrs|hmic) (?:found|find|have found|judge|consider) that|"
                        r"overall,?) ", re.I)
ELSEWHERE = re.compile(r"\b(?:last year|previous(?:ly)?|in (?:19|20)\d\d\b|our (?:19|20)\d\d|"
                       r"(?:19|20)\d\d(?:/\d\d)? (?:inspection|report)|was judged .{0,300}? in (?:19|20))",
                       re.I)
STOP = {"the", "and", "how", "does", "force", "forces", "with", "that", "this", "its", "what",
        "well", "good", "from", "their", "which", "extent", "constabulary", "police", "service",
        "effective", "efficient", "legitimate", "much", "more"}
PILLAR_STEMS = {"effectiveness": ("effective",), "efficiency": ("efficien",),
                "legitimacy": ("legitima",)}


def grade_of(block: str) -> Grade | None:
    """Return the grade when the block is a grade on its own line ("Good", "Grade: good")."""
    match = GRADE_LINE.match(block.strip())
    return Grade(match.group(1).lower()) if match else None


def status_of(block: str) -> Status | None:
    """Return the status when the block is a status phrase on its own line."""
    for pattern, status in STATUS_LINES:
        if pattern.match(block.strip()):
            return status
    return None


def line_judgment(block: str) -> Judgment | None:
    """Return the judgment a line states on its own (a grade or a status), with the line."""
    if grade := grade_of(block):
        return Judgment(Status.GRADED, grade, evidence=block.strip())
    if status := status_of(block):
        return Judgment(status, evidence=block.strip())
    return None


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in STOP}


def _stems(text: str) -> set[str]:
    return {w[:6] for w in _words(text)}


def subject_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """Return a pattern matching a sentence's subject: the force's names, "the force", ..."""
    from peeldocs.model.forces import ALIASES

    every = {n for name in names for n in (name, *ALIASES.get(name, ())) if n}
    alts = "|".join(re.escape(n) for n in sorted(every, key=len, reverse=True))
    return re.compile(rf"^(?:(?:the )?(?:{alts})|{SUBJECT})(?:’s|'s)?$", re.I) if alts else \
        re.compile(rf"^{SUBJECT}$", re.I)


def sentence_grade(sentence: str, subject: re.Pattern[str], about: str,
                   pillar: str | None = None, overlap: int = 2) -> Judgment | None:
    """Read "<force> remains outstanding in the efficiency ..." when it is about ``about``.

    The subject must be the force; the rest of the sentence must share
    ``overlap`` words with ``about`` (the question or area) or name ``pillar``.
    A pillar's headline asks for three ("people" and "crime" alone are a
    question's subject, not the pillar's).  Sentences about an earlier
    inspection are never judgments of this one.
    """
    sentence = sentence.strip()
    match = PROSE.match(FOUND_THAT.sub("", sentence))
    if not match or not subject.match(match.group("subject").strip()):
        return None
    if ELSEWHERE.search(sentence):
        return None
    rest = match.group("about").lower()
    if re.match(r"^\s*(?:understanding|grasp|approach|record)\b", rest):
        return None
    related = len(_stems(rest) & _stems(about)) >= min(overlap, max(1, len(_stems(about))))
    if pillar in PILLAR_STEMS and any(s in rest for s in PILLAR_STEMS[pillar]):
        related = True
    if not related:
        return None
    word = (match.group("grade") or match.group("ri")).lower()
    word = "requires improvement" if word.endswith("require improvement") or \
        word == "requiring improvement" else word
    return Judgment(Status.GRADED, Grade(word), evidence=sentence)


def prose_status(text: str) -> Judgment | None:
    """Read a carried-over, not-inspected or not-graded judgment stated in prose.

    A carried-over judgment whose grade the text does not give is returned
    with status unknown and its cycle (the grade is on an earlier page).
    """
    for pattern in (CARRIED, CARRIED_BACK):
        if match := pattern.search(text):
            return Judgment(Status.UNKNOWN, None, _cycle(match.group(1)),
                            evidence=_sentence_at(text, match.start()))
    if match := STILL_STAND.search(text):
        return Judgment(Status.UNKNOWN, None, _cycle(str(int(match.group(1)) - 1)),
                        evidence=_sentence_at(text, match.start()))
    if match := NOT_INSPECTED.search(text):
        return Judgment(Status.NOT_INSPECTED, evidence=_sentence_at(text, match.start()))
    if match := NOT_GRADED_PROSE.search(text):
        return Judgment(Status.NOT_GRADED, evidence=_sentence_at(text, match.start()))
    if match := UNGRADED_PROSE.search(text):
        return Judgment(Status.UNGRADED, evidence=_sentence_at(text, match.start()))
    return None


def _cycle(text: str) -> str:
    from peeldocs.model import normalise_cycle

    return normalise_cycle(text) or re.sub(r"\s+", "", text)


def _sentence_at(text: str, at: int) -> str:
    """Return the sentence of ``text`` around position ``at``."""
    start = max(text.rfind(". ", 0, at) + 2, 0) if text.rfind(". ", 0, at) >= 0 else 0
    end = text.find(". ", at)
    return text[start:end + 1 if end >= 0 else len(text)].strip()


def with_grade(carried: Judgment, grade: Judgment | None) -> Judgment:
    """Combine a carried-over statement with a grade line: carried over, with its grade."""
    if grade is None or grade.grade is None:
        return carried
    return Judgment(Status.CARRIED_OVER, grade.grade, carried.from_cycle,
                    evidence=carried.evidence)


def named_grade(sentence: str, subject: re.Pattern[str], shorts: tuple[str, ...]) -> Judgment | None:
    """Read "Kent Police is outstanding at planning for the future." for a question named in short.

    The subject must be the force; what follows the grade must begin with one of
    ``shorts`` (the question's short names in the framework data) and name
    nothing more ("investigating crime and tackling serious and organised crime"
    names two questions).  Sentences about an earlier inspection never count.
    """
    sentence = sentence.strip()
    match = PROSE.match(FOUND_THAT.sub("", sentence))
    if not match or not subject.match(match.group("subject").strip()) or ELSEWHERE.search(sentence):
        return None
    rest = " ".join(match.group("about").replace("’", "'").lower().split()).rstrip(". ")
    for short in sorted(shorts, key=len, reverse=True):
        name = short.replace("’", "'").lower()
        if rest == name or (rest.startswith(name) and re.match(r"^[.,;]?\s*(?:it|its|the force|"
                                                               r"this|we|but|which)\b|^\.",
                                                               rest[len(name):].strip())):
            word = (match.group("grade") or match.group("ri")).lower()
            word = "requires improvement" if word.endswith("require improvement") or \
                word == "requiring improvement" else word
            return Judgment(Status.GRADED, Grade(word), evidence=sentence)
    return None


# "The force’s understanding of demand is judged to require improvement; its use of resources
# to manage demand is judged to be good; and its planning for future demand is also assessed to
# be good." (the 2017 efficiency pages): each clause grades a question it names in short
CLAUSE = re.compile(r"^(?:and )?(?P<owner>[^;]{2,60}?(?:’s|'s)|its) (?P<about>[^;]{3,90}?) is "
                    r"(?:also )?(?:judged|assessed|considered) to (?:be (?P<grade>outstanding|"
                    r"good|adequate|inadequate)|(?P<ri>require improvement|be requiring "
                    r"improvement))\.?$", re.I)


def clause_grades(sentence: str, subject: re.Pattern[str]) -> list[tuple[str, Judgment]]:
    """Return (what is graded, as "its ...", judgment) for each clause of a graded list.

    The first clause must belong to the force ("The force’s understanding of
    demand ..."); later ones may say "its".  A sentence about another year or
    inspection gives none.
    """
    sentence = sentence.strip()
    if ELSEWHERE.search(sentence):
        return []
    found: list[tuple[str, Judgment]] = []
    for clause in (c.strip() for c in sentence.split(";")):
        match = CLAUSE.match(clause)
        if match is None:
            continue
        owner = match.group("owner")
        if not (owner.lower() == "its" and found) and not subject.match(owner):
            continue
        word = (match.group("grade") or "requires improvement").lower()
        found.append((f"its {match.group('about')}",
                      Judgment(Status.GRADED, Grade(word), evidence=sentence)))
    return found
