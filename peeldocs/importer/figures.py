"""Figures stated in the text, and earlier findings revisited with their outcomes.

Figures: percentages, rates, "N of the M", money, counts.  Earlier findings:
areas for improvement and recommendations, with what became of them.

A period or duration ("the previous 12 months") is never a count, and labels are
never cut mid-word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from peeldocs.importer.result import quote
from peeldocs.model import FindingKind, KeyFigure, Outcome, PriorFinding, Unit

SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z“‘\"(])")
NUM = r"(\d+(?:,\d{3})*(?:\.\d+)?)"
PERCENT = re.compile(NUM + r"\s?(?:percent|per cent|%)(?: of (?:the |its |all )?(\d+(?:,\d{3})*)"
                     r"(?: ([a-z]+(?: [a-z]+)?s)\b)?)?")
RATE = re.compile(NUM + r"\s+(?:([a-z]+)\s+)?per\s+(100,000|1,000)")
N_OF_M = re.compile(r"\b(\d+) of (?:the |its )?(\d+)(?: ([a-z]+s)\b)?")
MONEY = re.compile(r"£" + NUM + r"(\s?(?:million|billion|m|bn))?")
COUNT = re.compile(r"(?<![(.\d])\b(\d{2,}(?:,\d{3})*)(?![.,]\d|\)) ((?:[A-Z]{2,}s?|[a-z]+) )?"
                   r"([a-z]+s|[A-Z]{2,}s)\b")
PERIOD = re.compile(r"\b(?:in |during |for )?((?:19|20)\d{2}/\d{2}|12 months to [^,.]+)")
COMPARATOR = re.compile(r"(higher than|lower than|in line with|above|below)[^.]{0,200}?"
                        r"(England and Wales|national)[^.]{0,200}?(?:of|at)\s+" + NUM +
                        r"\s?(?:percent|per cent|%)?", re.I)
IN_LINE = re.compile(r"(higher than|lower than|in line with)(?: the)? (?:[\w/]+ ){0,5}?"
                     r"(England and Wales|national)", re.I)
STOP_NOUNS = {"percent", "per", "of", "and", "the", "to", "in", "years", "year", "days",
              "hours", "minutes", "am", "pm", "was", "were", "is", "are", "has", "had", "months",
              "weeks", "seconds", "decades", "times"}
DURATION = re.compile(r"(?:previous|last|past|next|first|over|within|for|every|each|after|"
                      r"before|than|up to|around|about|of)\s+(?:the\s+)?$", re.I)


def label(sentence: str, limit: int = 70) -> str:
    """Return a short label from a sentence, cut at a word boundary (never mid-word)."""
    sentence = sentence.strip()
    if len(sentence) <= limit:
        return sentence.rstrip(",;: ")
    cut = sentence[:limit + 1]
    cut = cut[:cut.rfind(" ")] if " " in cut else cut[:limit]
    return cut.rstrip(",;: ") + "…"


def _num(text: str) -> float:
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() else value


def _relation(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    word = match.group(1).lower()
    return {"higher than": "higher", "lower than": "lower", "above": "higher",
            "below": "lower"}.get(word, "in line")


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences."""
    return [s.strip() for s in SENTENCE.split(paragraph) if s.strip()]


BASE = re.compile(r"\b(?:sample of|reviewed|examined|looked at|audited|checked|assessed|"
                  r"dip-sampled) (?:a sample of |a total of )?(\d+(?:,\d{3})*) ([a-z][\w -]{0,40}?"
                  r"(?:records|cases|files|investigations|calls|incidents|reports|searches|"
                  r"crimes|referrals|victims|offences))\b", re.I)


def _after_comparator(sentence: str, at: int) -> bool:
    """Tell whether a percentage at ``at`` is the national comparator, not the force's figure."""
    return re.search(r"(England and Wales|national)[^.]{0,40}$", sentence[max(0, at - 60):at]) \
        is not None


def _covered(taken: list[tuple[int, int]], at: int, k: int) -> tuple[bool, int]:
    """Tell whether position ``at`` lies in one of the sorted spans ``taken`` from ``k`` on."""
    while k < len(taken) and taken[k][1] <= at:
        k += 1
    return any(a <= at < b for a, b in taken[k:k + 3]), k


def figures_in(paragraph: str, question: int | None, start: int) -> list[KeyFigure]:
    """Return every figure stated in a paragraph, with comparator and earlier value.

    Each figure's source is its own clause (:func:`quote`); time is linear in
    the paragraph.
    """
    found: list[KeyFigure] = []
    parts = sentences(paragraph)
    used: set[int] = set()

    def fid() -> str:
        return f"Q{question or 0}-FIG-{start + len(found) + 1}"

    for i, sentence in enumerate(parts):
        period = PERIOD.search(sentence)
        percents = [] if i in used else list(PERCENT.finditer(sentence))
        if percents:
            before = parts[i - 1] if i else ""
            context = " ".join(parts[i:i + 3])
            comp = COMPARATOR.search(context)
            loose = IN_LINE.search(context) if not comp else None
            nxt = parts[i + 1] if i + 1 < len(parts) else ""
            later = PERCENT.search(nxt)
            next_period = PERIOD.search(nxt)
            base = BASE.search(before) if re.match(
                r"(?:We found|Of (?:these|those)|In|Only|Just)\b", sentence) else None
        for match in percents:
            if i in used:
                break
            if _after_comparator(sentence, match.start()):
                continue  # that is the comparator, not the force's own figure
            source = quote(sentence, match.start(), match.end())
            name = label(match.group(0)) if match.group(2) else label(source.strip("…"))
            if base and not match.group(2):
                name = f"{match.group(0)} (of {base.group(1)} {base.group(2)})"
                source = f"{quote(before, base.start(), base.end())} {source}"
            earlier = None
            if later and next_period and period and \
                    "England and Wales" not in nxt[max(0, later.start() - 200):later.start()]:
                earlier = (match, period.group(1))
                source = f"{source} {quote(nxt, later.start(), later.end())}"
                match, period = later, next_period
                used.add(i + 1)
            if comp and comp.group(0) not in source:
                source = f"{source} {quote(context, comp.start(), comp.end())}"
            found.append(KeyFigure(
                id=fid(), label=name,
                value=_num(match.group(1)), unit=Unit.PERCENT, source=source,
                period=period.group(1) if period else None,
                comparator="England and Wales" if comp or loose else None,
                comparator_value=_num(comp.group(3)) if comp else None,
                comparison=_relation(comp or loose),
                previous_value=_num(earlier[0].group(1)) if earlier else None,
                previous_period=earlier[1] if earlier else None, question=question))
        for match in RATE.finditer(sentence):
            unit = Unit.PER_100000 if match.group(3) == "100,000" else Unit.PER_1000
            source = quote(sentence, match.start(), match.end())
            found.append(KeyFigure(id=fid(), label=label(source.strip("…")),
                                   value=_num(match.group(1)), unit=unit, source=source,
                                   noun=match.group(2), period=period.group(1) if period else None,
                                   question=question))
        for match in N_OF_M.finditer(sentence):
            source = quote(sentence, match.start(), match.end())
            found.append(KeyFigure(id=fid(), label=label(source.strip("…")),
                                   value=int(match.group(1)), unit=Unit.COUNT, source=source,
                                   noun=match.group(3), numerator=int(match.group(1)),
                                   denominator=int(match.group(2)), question=question))
        taken = sorted(m.span() for p in (PERCENT, RATE, N_OF_M) for m in p.finditer(sentence))
        k = 0
        for match in COUNT.finditer(sentence):
            value = match.group(1).replace(",", "")
            inside, k = _covered(taken, match.start(), k)
            if inside or re.fullmatch(r"(19|20)\d\d", value):
                continue
            noun = f"{match.group(2) or ''}{match.group(3)}".strip()
            if noun.split()[0] in STOP_NOUNS or noun.split()[-1] in STOP_NOUNS or \
                    DURATION.search(sentence[max(0, match.start() - 60):match.start()]):
                continue  # "the previous 12 months" is a period, not a count
            source = quote(sentence, match.start(), match.end())
            found.append(KeyFigure(id=fid(), label=label(source.strip("…")),
                                   value=_num(match.group(1)), unit=Unit.COUNT, source=source,
                                   noun=noun, period=period.group(1) if period else None,
                                   question=question))
        for match in MONEY.finditer(sentence):
            source = quote(sentence, match.start(), match.end())
            found.append(KeyFigure(id=fid(), label=label(source.strip("…")),
                                   value=_num(match.group(1)), unit=Unit.POUNDS, source=source,
                                   question=question))
    return found


PRIOR = re.compile(r"(?:Our|In our|In the) (\d{4}(?:/\d{2})?) (\w+) inspection[^.]{0,300}?"
                   r"(?:gave the force|the force had|identified)\s+(?:an|two|three|\w+) "
                   r"areas? for improvement", re.I)
PRIOR_HAD = re.compile(r"had (two|three|an|one) areas? for improvement in (?:our|the) "
                       r"(\d{4}) (\w+) inspection", re.I)
PRIOR_REC = re.compile(r"(?:In|Our|In our) (?:our |the )?(\d{4}(?:/\d{2})?) (?:\w+ )?(?:PEEL )?"
                       r"(?:\w+ )?(?:report|inspection),? we recommended (?:that )?", re.I)
QUOTED_MOST = 12
"""The most sentences an earlier finding quotes before its verdict."""
REC_VERDICTS = [
    (re.compile(r"(?:has|have) not (?:yet )?complied|not (?:yet )?been (?:met|implemented)",
                re.I), Outcome.NOT_ENOUGH_PROGRESS),
    (re.compile(r"complied with (?:some|part)|partly complied|partially", re.I),
     Outcome.PARTLY_ADDRESSED),
    (re.compile(r"(?:has|have) (?:now |fully )?(?:complied|implemented|met)", re.I),
     Outcome.ADDRESSED),
]
VERDICTS = [
    (re.compile(r"not made (?:enough|sufficient) progress|insufficient progress", re.I),
     Outcome.NOT_ENOUGH_PROGRESS),
    (re.compile(r"partly addressed|some progress", re.I), Outcome.PARTLY_ADDRESSED),
    (re.compile(r"(?:has|have) (?:suitably |now )?addressed|made satisfactory improvements",
                re.I), Outcome.ADDRESSED),
]


def prior_findings_in(paragraphs: list[str], question: int | None,
                      start: int) -> list[PriorFinding]:
    """Return earlier findings a question's text revisits, with their verdicts."""
    found: list[PriorFinding] = []
    text = " ".join(paragraphs)
    parts = sentences(text)
    intros = [(PRIOR_REC.search(s), PRIOR_HAD.search(s), PRIOR.search(s)) for s in parts]
    verdicts = _next_of(parts, lambda k: any(p.search(parts[k]) for p, _ in VERDICTS))
    next_intro = _next_of(parts, lambda k: any(intros[k]))
    for i, (rec, many, one) in enumerate(intros):
        if rec:
            found += _recommendation(parts, i, rec, question, start + len(found))
            continue
        if not (many or one):
            continue
        cycle = many.group(2) if many else one.group(1)  # type: ignore[union-attr]
        verdict_at = verdicts[i + 1] if i + 1 < len(parts) else None
        other = next_intro[i + 1] if i + 1 < len(parts) else None
        if verdict_at is None or (other is not None and other < verdict_at):
            continue  # no verdict before the next earlier finding: that verdict is not its own
        outcome, hit = next((o, m) for p, o in VERDICTS if (m := p.search(parts[verdict_at])))
        verdict = quote(parts[verdict_at], hit.start(), hit.end(), reach=300)
        quoted = parts[i + 1:min(verdict_at, i + 1 + QUOTED_MOST)]  # at most a dozen
        if many:
            items = [s for s in quoted if re.match(r"(First|Second|Third)\b", s)]
            groups: list[list[str]] = []
            for s in quoted:
                if re.match(r"(First|Second|Third)\b", s) or not groups:
                    groups.append([s])
                else:
                    groups[-1].append(s)
            texts = [" ".join(g) for g in groups] if items else [" ".join(quoted)]
        else:
            texts = [" ".join(quoted[:3])]
        for body in texts:
            if not body:
                continue
            found.append(PriorFinding(
                id=f"P-{cycle.replace('/', '-')}-{start + len(found) + 1}", cycle=cycle,
                kind=FindingKind.AREA_FOR_IMPROVEMENT, text=body, outcome=outcome,
                verdict=verdict, question=question))
    return found


def _next_of(parts: list[str], wanted: Callable[[int], bool]) -> list[int | None]:
    """Return, for each sentence, the index of the first wanted one at or after it (one pass)."""
    out: list[int | None] = [None] * len(parts)
    following: int | None = None
    for k in range(len(parts) - 1, -1, -1):
        if wanted(k):
            following = k
        out[k] = following
    return out


def _recommendation(parts: list[str], i: int, rec: re.Match[str], question: int | None,
                    number: int) -> list[PriorFinding]:
    """Read an earlier recommendation revisited ("In our 2017 report, we recommended ...")."""
    for k in range(i + 1, min(i + 4, len(parts))):
        outcome = next((o for p, o in REC_VERDICTS if p.search(parts[k])), None)
        if outcome is not None:
            cycle = rec.group(1)
            return [PriorFinding(id=f"P-{cycle.replace('/', '-')}-{number + 1}", cycle=cycle,
                                 kind=FindingKind.RECOMMENDATION, text=parts[i], outcome=outcome,
                                 verdict=parts[k], question=question)]
    return []
