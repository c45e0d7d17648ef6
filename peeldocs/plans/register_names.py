"""How the register and the update paper name each inspection: in full once, then briefly.

A document names each inspection in full where it first says what it covers
('the PEEL 2018/19 effectiveness inspection of Norfolk Constabulary', 'the
national thematic inspection “…”'), and afterwards, in its sentences and
tables, by the shortest form that still tells it apart from the others in the
register: its kind ('the PEEL inspection'), then its kind and force, else its
full name.  Every form is built from what the plans and reports record, and so is
what every format says is constructed for illustration.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from peeldocs.plans.register import InspectionLine, Register
from peeldocs.prose import join_words, long_date


@dataclass(frozen=True, slots=True)
class InspectionName:
    """One inspection's names: its title, in full in a sentence, and its short forms."""

    title: str
    """As a heading or a table of inspections shows it: 'PEEL 2018/19 effectiveness
    inspection of Norfolk Constabulary', or an inspection's published title."""
    full: str
    """In a sentence, the first time: 'the national thematic inspection “…”'."""
    short: str
    """In a sentence, every later time: 'the national thematic inspection'."""
    label: str
    """In a table cell: 'National thematic inspection'; a PEEL inspection by its cycle, scope
    and force ('PEEL 2018/19 effectiveness (Norfolk Constabulary)'), since 'PEEL inspection'
    alone does not say which."""
    brief: str
    """As briefly as tells it apart in this register: 'PEEL inspection' (a sheet's name)."""


def _kind(line: InspectionLine) -> str:
    """Return 'PEEL inspection', 'national thematic inspection', or 'inspection' when unknown."""
    kind = line.kind.strip()
    return f"{kind} inspection" if kind and kind.lower() != "unknown" else "inspection"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _full(line: InspectionLine, title: str) -> str:
    """Name the inspection in full, with 'the': its built name, or its kind and quoted title."""
    return f"the {title}" if line.scope else f"the {_kind(line)} “{title}”"


def _peel_label(line: InspectionLine) -> str:
    """Return a PEEL inspection as a table cell names it, or '' for other inspections.

    'PEEL 2018/19 effectiveness (Norfolk Constabulary)': its built name and force.
    """
    if not line.scope:
        return ""
    name = line.scope.removesuffix(" inspection")
    return f"{name} ({line.force})" if line.force else name


def inspection_names(reg: Register) -> dict[str, InspectionName]:
    """Name each plan's inspection (by plan file), short forms told apart across the register."""
    titles = reg.labels()
    by_kind = Counter(_kind(line) for line in reg.inspections)
    by_force = Counter((_kind(line), line.force) for line in reg.inspections)
    out: dict[str, InspectionName] = {}
    for line in reg.inspections:
        title, kind = titles[line.plan], _kind(line)
        full = _full(line, title)
        if by_kind[kind] == 1 and (kind != "inspection" or len(reg.inspections) == 1):
            short = kind
        elif line.force and by_force[(kind, line.force)] == 1:
            short = f"{kind} of {line.force}"
        else:
            out[line.plan] = InspectionName(title, full, full, title, title)
            continue
        out[line.plan] = InspectionName(title, full, f"the {short}", _peel_label(line)
                                        or _capital(short), _capital(short))
    return out


def short_labels(reg: Register) -> dict[str, str]:
    """Return each plan's inspection as a table cell names it (by plan file)."""
    return {plan: name.label for plan, name in inspection_names(reg).items()}


_FORCE_WORDS = re.compile(r"\s+(?:Constabulary|Police(?: Service| Force)?)$")
"""The trailing words of a force's name a short cell can leave out: 'Norfolk Constabulary'."""


def compact_labels(reg: Register) -> dict[str, str]:
    """Return each plan's inspection as a narrow table cell names it (by plan file).

    A PEEL inspection by its cycle and its force's place ('PEEL 2018/19
    (Norfolk)'), where that still tells the register's inspections apart; any
    other by :func:`short_labels`' form.  For the register workbook's Summary,
    whose Inspection column is narrow.
    """
    labels = short_labels(reg)
    compact: dict[str, str] = {}
    for line in reg.inspections:
        words = (line.scope or "").removesuffix(" inspection").split()
        if words[:1] == ["PEEL"] and len(words) > 1 and line.force:
            place = _FORCE_WORDS.sub("", line.force)
            compact[line.plan] = f"{' '.join(words[:2])} ({place})"
    named = Counter(compact.values())
    return {plan: compact[plan] if named[compact.get(plan, "")] == 1 else label
            for plan, label in labels.items()}


def brief_labels(reg: Register) -> dict[str, str]:
    """Return each plan's inspection as briefly as tells it apart (by plan file): a sheet's name."""
    return {plan: name.brief for plan, name in inspection_names(reg).items()}


CONSTRUCTED = ("This register includes constructed examples: what they say is made up, not "
               "taken from HMICFRS reports or from a force.")
"""The first sentence of every format's warning that a register holds constructed examples."""


def constructed_words(reg: Register) -> list[str]:
    """Say, sentence by sentence, which plans are invented and whose text is constructed.

    ['Every action plan in it is invented.', 'The text of the national thematic
    inspection is constructed for illustration; it is not from an HMICFRS
    report.'], from what each plan and report records; [] for a real register.
    Every format (PDF, DOCX, HTML and the workbook) says these same sentences.
    """
    names = inspection_names(reg)
    plans = [names[line.plan].short for line in reg.inspections if line.plan_invented]
    texts = [names[line.plan].short for line in reg.inspections if line.text_constructed]
    said = []
    if plans:
        every = len(plans) == len(reg.inspections)
        said.append("Every action plan in it is invented." if every and len(plans) > 1 else
                    f"The plan for {join_words(plans)} is invented." if len(plans) == 1 else
                    f"The plans for {join_words(plans)} are invented.")
    if texts:
        said.append(f"The text of {join_words(texts)} is constructed for illustration; "
                    "it is not from an HMICFRS report.")
    return said


def running_head(reg: Register, *, update: bool = False) -> str:
    """Return the short line atop every page: 'HMICFRS actions register as of 15 October 2024'.

    Followed by ' · ILLUSTRATIVE EXAMPLE' when the register holds constructed examples;
    with ``update``, the quarterly update paper's.  The same in every format, the
    workbook's page headers included.
    """
    when = long_date(reg.as_of)
    head = (f"HMICFRS inspections progress update, {when}" if update
            else f"HMICFRS actions register as of {when}")
    return head + (" · ILLUSTRATIVE EXAMPLE" if reg.illustrative else "")
