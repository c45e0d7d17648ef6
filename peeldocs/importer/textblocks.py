"""From a published page's text (copied, or read from saved HTML) to clean blocks of text.

Two layouts exist: paragraphs separated by blank lines, and a compact one with
single newlines.  Site furniture (banners, "Read more about ...", download
links) is dropped here, with a note of what was skipped.
"""

from __future__ import annotations

import re

FURNITURE = [
    re.compile(r"^skip to (main )?content$", re.I),
    re.compile(r"^view the (five|four|three|\w+) questions for .*$", re.I),
    re.compile(r"^download the full report.*$", re.I),
    re.compile(r"^contact (us|hmicfrs|the inspectorate|our press office)\b.*$", re.I),
    re.compile(r"^read more about .*$", re.I),
    re.compile(r".*\bconsultation\b.{0,120}(have your say|closes|open).*$", re.I),
    re.compile(r"^(share|print) this page$", re.I),
]
DETAILED = "\x00detailed findings"
QUESTIONS_FOR = re.compile(r"^questions for (effectiveness|efficiency|legitimacy)$", re.I)
QUESTIONS = "\x00questions for "  # + the pillar: where a 2014-2018/19 page lists its questions
END = "\x00end of page"  # the site's footer was reached: the copy holds the page's end
SUMMARY_FOR = re.compile(r"^summary for question (\d+)$", re.I)
QUESTION_END = "\x00end of question "  # + its number: the page's link back after a question
# lines only the site's footer holds (links such as "Accessibility" or "Cookies" also sit in
# the header and menus, so they never mark the end)
FOOTER = re.compile(r"^(?:©\s*Crown copyright(?: \d{4})?|All content is available under the Open "
                    r"Government Licence v3\.0,? except where otherwise stated\.?)$", re.I)
DETAILED_LINE = re.compile(r"^detailed findings for question \d+$", re.I)
GLUED_READ_MORE = re.compile(r"(?<=[.?!])\s*Read more about [^.]*\.?")
# a copy that glues the link to the paragraph after it: "Read more about LancashireThis is ..."
READ_MORE_GLUED_AHEAD = re.compile(r"^Read more about [^\n]*?[a-z\d](?=(?:This|The|In) )")
CUT_MARK = " …"
# words that begin a sentence, never a heading: "I recognise that Merseyside Polic"
SENTENCE_START = re.compile(r"^(?:I|It|We|They|Its|Our|However|But|And)\s+\w+\s+\w+")
TITLE_CUT = re.compile(r"^(?:How|To what extent|What)\b")  # a question title: kept as seen
BULLET = re.compile(r"^\s*(?:•|-|\*|–)\s+")


def looks_like_html(text: str) -> bool:
    """Tell whether the input is a saved HTML page rather than copied text."""
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in text[:5000].lower()


TITLE_LIKE = re.compile(r"^[A-Z][\w'’&.,() -]*?\s(?:PEEL\s+)?(?:19|20)\d{2}(?:[/–-]\d{2,4})?$")


def _ends_sentence(line: str) -> bool:
    """Tell whether a line ends a sentence (or is a page title, which nothing continues)."""
    return line.rstrip().endswith((".", "?", "!", ":", "”", "’", '"', ")")) or \
        (len(line) <= 200 and TITLE_LIKE.match(line.strip()) is not None)


def _continues(current: list[str], line: str) -> bool:
    """Tell whether ``line`` continues the sentence of the lines ``current``.

    A sentence ending is told by the last line; the title test sees the lines
    joined only while they are short enough to be a title.
    """
    if BULLET.match(line) or not line[:1].islower():
        return False
    last = current[-1]
    shown = " ".join(current) if len(current) < 8 and sum(map(len, current)) <= 200 else last
    return not _ends_sentence(shown)


def blocks(text: str) -> tuple[list[str], list[str]]:
    """Split page text into blocks; return (blocks, notes on what was skipped)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = text.split("\n")
    blank = sum(1 for line in lines if not line.strip())
    compact = blank < max(3, len(lines) // 10)
    # compact pages: every line is a block, except lines that continue a sentence
    raw = ["\n".join(line for line in lines if line.strip())] if compact else \
        [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    out: list[list[str]] = []  # each block as its lines, joined once (linear in the page)
    for block in raw:
        current: list[str] = []
        for line in block.split("\n"):
            line = line.strip()
            if not line:
                continue
            if current and _continues(current, line):
                current.append(line)
            else:
                if current:
                    out.append(current)
                current = [line]
        if current:
            out.append(current)
    parts: list[list[str]] = []
    for lines_of in out:  # a sentence broken across blocks continues in lower case
        if parts and _continues(parts[-1], lines_of[0]):
            parts[-1] += lines_of
        else:
            parts.append(lines_of)
    joined = [" ".join(p) for p in parts]
    kept: list[str] = []
    notes: list[str] = []
    for block in joined:
        block = " ".join(block.split()) if not BULLET.match(block) else block.strip()
        glued = GLUED_READ_MORE.sub("", block)
        if glued != block:
            notes.append(f"dropped a 'Read more about' link from: {block[:60]}")
            block = glued.strip()
        if ahead := READ_MORE_GLUED_AHEAD.match(block):
            notes.append(f"skipped page furniture: {ahead.group(0)[:60]}")
            block = block[ahead.end():]
        if DETAILED_LINE.match(block):
            kept.append(DETAILED)  # where a question's summary ends and its findings begin
            continue
        if match := SUMMARY_FOR.match(block):
            notes.append(f"skipped page furniture: {block[:60]}")
            kept.append(QUESTION_END + match.group(1))
            continue
        if match := QUESTIONS_FOR.match(block):
            kept.append(QUESTIONS + match.group(1).lower())
            continue
        if FOOTER.match(block) and kept:  # the site's footer: the report has ended
            notes.append(f"skipped the site's footer from: {block[:60]}")
            kept.append(END)
            break
        if any(p.match(block) for p in FURNITURE):
            notes.append(f"skipped page furniture: {block[:60]}")
            continue
        if block:
            kept.append(block)
    return kept, notes


def mark_cut(bl: list[str], ended: bool, notes: list[str]) -> bool:
    """Mark a copy that stops mid-sentence with "…" after its last words; return True if so.

    Only a paragraph is marked (it holds a sentence end, or is too long for a
    heading, or has nine words or more and no figure, or begins as only a sentence
    does: "I", "It", "We"; or is a list's item after one ending ";"): a short last
    line may be a heading, and a question title cut short is kept as seen by the
    pillar reader.  A copy that reaches the page's end is never cut.
    """
    last = bl[-1] if bl else ""
    words = last.split()
    listed = len(bl) > 1 and BULLET.match(last) is not None and BULLET.match(bl[-2]) is not None \
        and bl[-2].endswith((";", "; and", "; or", ","))  # a list's last item ends the sentence
    prose = ". " in last or len(last) > 120 or SENTENCE_START.match(last) is not None or \
        listed or (len(words) >= 9 and not re.search(r"\d", last) and not TITLE_CUT.match(last))
    if ended or not prose or last.startswith("\x00") or _ends_sentence(last) or \
            last.endswith(("…", ";", ",")):
        return False
    bl[-1] += CUT_MARK
    notes.append(f"the imported text stops mid-sentence, after ‘{bl[-1][-42:-2]}’; the cut is "
                 "marked with ‘…’")
    return True
