"""The judgments in words: grouped by grade, counted once each, the lowest named.

Shared by the one-page brief and the committee paper, so both say the same:
"3 good (one carried over from 2016)", never "2 good, 1 good (carried over
...)"; the lowest grade and the questions (or areas) given it; and which rows
a shortened table shows, ties kept whole so that "lowest" is true of it.
"""

from __future__ import annotations

import re

from peeldocs.model import Question, Report, Status
from peeldocs.model.scales import Grade
from peeldocs.prose import count_words, join_words

NAMED_MAX = 3
"""The headline names up to this many questions (or areas) given the lowest grade; more, it counts."""


def _grade_key(question: Question) -> str:
    """Group questions by what a reader sees: the grade (carried over or not), else the status."""
    j = question.judgment
    return j.grade.label.lower() if j.grade is not None and j.status.has_grade else (
        "unknown" if j.status.value == "unknown" else j.status.value)


def grade_groups(questions: tuple[Question, ...]) -> list[tuple[str, list[Question]]]:
    """Return the questions by grade, worst first; those without a grade last, in report order."""
    order = list(reversed(list(Grade)))
    keys: dict[str, list[Question]] = {}
    for q in questions:
        keys.setdefault(_grade_key(q), []).append(q)
    labels = [g.label.lower() for g in order]

    def rank(label: str) -> int:
        return labels.index(label) if label in labels else len(labels)

    return sorted(keys.items(), key=lambda kv: rank(kv[0]))


def lowest_graded(questions: tuple[Question, ...], n: int) -> tuple[list[Question], str]:
    """Return up to ``n`` questions (or areas), lowest graded first chosen, and what they are.

    Grades that tie are shown whole, so "the lowest graded" is true of the table;
    when the lowest grade alone has more than ``n``, the first ``n`` of it are
    shown and said to be some of them.  The phrase is "" when every row is shown.
    """
    if n >= len(questions):
        return list(questions), ""
    chosen: list[Question] = []
    labels: list[str] = []
    for label, group in grade_groups(questions):
        if len(chosen) + len(group) > n:
            if not chosen and n:
                chosen, labels = group[:n], [label]
                phrase = f"{count_words(n)} of the {count_words(len(group))} graded {label}"
                return [q for q in questions if q in chosen], phrase
            break
        chosen += group
        labels.append(label)
    if not chosen:
        return [], ""
    graded = {_grade_key(q) for q in questions if q.judgment.status.has_grade}
    which = "the one" if len(chosen) == 1 else f"the {count_words(len(chosen))}"
    lowest = ", the lowest grade" if len(labels) == 1 and len(graded) > 1 else ""
    phrase = f"{which} graded {join_words(labels, 'or')}{lowest}"
    return [q for q in questions if q in chosen], phrase


SMALL_GROUP = 2
"""The tally names the areas (or questions) of the second lowest grade when this many or fewer."""


def low_names(report: Report) -> dict[str, str]:
    """Name the few given the lowest grades that the headline does not name, for the tally.

    The two lowest grades given: a grade given to :data:`SMALL_GROUP` or fewer has
    them named ("‘Responding to the public’ and ‘Leadership and force management’"),
    unless the headline names them already (:func:`lowest_context`).
    """
    graded = [g for g in grade_groups(report.questions) if g[1][0].judgment.status.has_grade]
    named = set(lowest_group(report)) if len(lowest_group(report)) <= NAMED_MAX else set()
    out = {}
    for label, group in graded[:2] if len(graded) > 2 else []:
        if len(group) <= SMALL_GROUP and not set(group) <= named:
            out[label] = join_words(f"‘{q.title}’" if report.is_assessment
                                    else f"question {q.number}" for q in group)
    return out


def tally_phrases(questions: tuple[Question, ...], *,
                  names: dict[str, str] | None = None) -> list[str]:
    """Count the judgments once each, best first: "3 good (one carried over from 2016)".

    Carried-over grades count with their grade and are explained in a clause; a
    question not graded and one whose judgment was not read are told apart.
    ``names``: by grade, the areas (or questions) to name after its count (:func:`low_names`).
    """
    return [_phrase(label, group, str(len(group)), names) for label, group in _best_first(questions)]


def tally_sentence(questions: tuple[Question, ...], *, names: dict[str, str] | None = None,
                   by_design: str = "") -> str:
    """Count the judgments as running text, the grades first and what has none after a semicolon.

    "three were graded good and one was graded requires improvement; one was
    ungraded": "graded" is said once for each verb, "were" and "was" (the counts
    after it sharing its verb share it), and the verb once for each count without
    a grade; counts under eleven in words.  "Requires improvement" never follows
    a count sharing its verb ("two requires improvement" reads as a verb, "two graded
    requires improvement" says graded twice, reads 34 and 35): it leads the grades then,
    "two were graded requires improvement, three good and three adequate".  ``names``
    as for :func:`tally_phrases`.  ``by_design``:
    those with the status "ungraded" are ones the inspectorate does not grade (the
    victim service assessment; docs/assessments.md): ``by_design`` is the noun for a part
    ("question" or "area"), and each is named, "question 5 was ungraded" or "‘Victim
    service assessment’ was ungraded" (read 29-B: "one is ungraded by design" left the
    reader to work out which), so that it never reads as a gap.
    """
    graded: list[str] = []
    other: list[str] = []
    ranked = _best_first(questions)
    marks = [i for i, (label, g) in enumerate(ranked) if g[0].judgment.status.has_grade]
    low = [i for i in marks[1:] if ranked[i][0] == "requires improvement"
           and (len(ranked[i][1]) > 1) == (len(ranked[marks[0]][1]) > 1)]
    if low:  # sharing the first count's verb it leads, and the grades run down the scale
        # from it, worst first (read 36: "requires improvement, three good and three adequate"
        # ran in no order a reader knows)
        graded_at = [ranked[i] for i in marks]
        others = [g for i, g in enumerate(ranked) if i not in marks]
        ranked = [*reversed(graded_at), *others]
    for label, group in ranked:
        verb = "was" if len(group) == 1 else "were"
        count = count_words(len(group))
        if group[0].judgment.status.has_grade:
            lead = f"{verb} graded " if not graded or label == "requires improvement" else ""
            graded.append(_phrase(label, group, f"{count} {lead}", names, spaced=False))
        elif by_design and group[0].judgment.status is Status.UNGRADED:
            which = ([f"‘{q.title}’" for q in group] if by_design == "area" else
                     [f"{by_design}{'s' if len(group) > 1 else ''} "
                      + join_words(str(q.number) for q in group)])
            other.append(f"{join_words(which)} {'was' if len(group) == 1 else 'were'} ungraded")
        else:
            said = "not found in the imported text" if label == "unknown" else label
            other.append(_phrase(said, group, f"{count} {verb} ", names, spaced=False, key=label))
    return "; ".join(join_words(part) for part in (graded, other) if part)


def _phrase(label: str, group: list[Question], count: str, names: dict[str, str] | None,
            *, spaced: bool = True, key: str | None = None) -> str:
    """Return one grade's count, its label, any names and what was carried over."""
    labels = {"unknown": "unknown (not found in the imported text)"}
    phrase = (f"{count} {labels.get(label, label)}" if spaced else f"{count}{label}")
    key = label if key is None else key
    if names and key in names:
        phrase += f" ({names[key]})"
    carried: dict[str, int] = {}
    for q in group:
        if q.judgment.status.value == "carried over":
            cycle = q.judgment.from_cycle or "an earlier inspection"
            carried[cycle] = carried.get(cycle, 0) + 1
    if carried:
        parts = [f"{count_words(k)} from {c}" for c, k in carried.items()]
        if sum(carried.values()) < len(group):
            parts[0] = parts[0].replace(" from ", " carried over from ", 1)
            phrase += f" ({join_words(parts)})"
        elif len(carried) == 1:
            phrase += f" ({'all ' if len(group) > 1 else ''}carried over from {next(iter(carried))})"
        else:
            phrase += f" (all carried over: {join_words(parts)})"
    return phrase


def _best_first(questions: tuple[Question, ...]) -> list[tuple[str, list[Question]]]:
    groups = grade_groups(questions)
    graded = [g for g in groups if g[1][0].judgment.status.has_grade]
    other = [g for g in groups if not g[1][0].judgment.status.has_grade]
    return list(reversed(graded)) + sorted(other, key=lambda g: g[0] == "unknown")  # unknown last


def lowest_group(report: Report) -> list[Question]:
    """Return the questions (or areas) given the lowest grade; none when fewer than two grades."""
    graded = [g for g in grade_groups(report.questions) if g[1][0].judgment.status.has_grade]
    return graded[0][1] if len(graded) >= 2 else []


def lowest_context(report: Report) -> dict[str, object]:
    """Return the lowest grade and the questions (or areas) given it, for the headline.

    Empty when fewer than two different grades were given: then no grade is lowest.
    """
    graded = [g for g in grade_groups(report.questions) if g[1][0].judgment.status.has_grade]
    if len(graded) < 2:
        return {"lowest": None, "lowest_names": [], "lowest_many": False}
    label, group = graded[0]
    if len(group) > NAMED_MAX:  # a count, not a list: the table or the pack names them
        noun = "areas" if report.is_assessment else "questions"
        return {"lowest": label, "lowest_names": [f"{count_words(len(group))} {noun}"],
                "lowest_many": True}
    if report.is_assessment:
        names = [f"‘{q.title}’" for q in group]
    else:
        names = [f"question {q.number}, ‘{q.title}’" for q in group]
    return {"lowest": label, "lowest_names": names, "lowest_many": False}


def grades_shape(report: Report) -> dict[str, object]:
    """Return, for an assessment, the tally of the areas the headline does not name (read 35-C).

    "Of the other nine areas, three were graded good, three adequate, two graded requires
    improvement (‘Responding to the public’ and ‘Leadership and force management’); ‘Victim
    service assessment’ was ungraded": the shape of the grades in one line after the lowest.
    Empty for an inspection report, whose table is short, or when no grade is lowest.
    """
    named = lowest_group(report)
    rest = tuple(q for q in report.questions if q not in named)
    if not report.is_assessment or not named or not rest:
        return {}
    return {"tally": tally_sentence(rest, names=low_names(report), by_design="area"),
            "total": len(rest), "other": True}


_TOPIC = re.compile(r"^How\s+(?:effective|efficient|legitimate)\s+(?:is|are)\s+the\s+force"
                    r"(?:\s+at\s+|[’']s\s+)(?P<topic>[^?]+)\?$")


def question_topic(title: str) -> str:
    """Return what a question asks about, in its own words, or "" (read 36).

    "How effective is the force at investigating crime and reducing re-offending?":
    "Investigating crime and reducing re-offending"; "How effective are the force’s
    specialist capabilities?": "Specialist capabilities".  A question worded otherwise
    gives "", and is named by its number.
    """
    found = _TOPIC.match(" ".join(title.split()))
    topic = found["topic"].strip() if found else ""
    return topic[:1].upper() + topic[1:]
