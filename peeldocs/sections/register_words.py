"""Sentences of the register and the update paper that depend on what the inputs record.

Which plans the documents cover (a force is named only for the plans that
record one), where the quoted text comes from (said only of the text a
document actually quotes), and which open items fall partly to the
commissioner, with whether each is overdue and owned.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from peeldocs.blocks import Block, Paragraph, plain
from peeldocs.plans.inspection import Addressee
from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import InspectionLine, Register
from peeldocs.prose import counted, join_words

QUOTED = "Finding text is quoted verbatim from HMICFRS reports."
LICENCE = "Contains public sector information licensed under the Open Government Licence v3.0."
CONSTRUCTED = ("The finding text here was constructed for illustration: it is not from an "
               "HMICFRS report.")
LISTED_UP_TO = 4
"""Up to this many plans are each named; beyond, they are counted by force."""


def _inspection_words(line: InspectionLine, label: str) -> str:
    kind = line.kind.strip()
    what = f"{kind} inspection" if kind and kind.lower() != "unknown" else "inspection"
    if line.force:
        return f"{line.force}’s for its {what} “{label}”"
    return f"one for the {what} “{label}” (no force recorded)"


def plans_words(reg: Register) -> str:
    """Name the plans the register covers, with the force each records and no other.

    'the action plan supplied, Norfolk Constabulary’s for its PEEL inspection “…”';
    'the action plans supplied: Norfolk Constabulary’s for …, and one for the
    national thematic inspection “…” (no force recorded)'.
    """
    lines, labels = reg.inspections, reg.labels()
    if not lines:
        return "the action plans supplied"
    if len(lines) == 1:
        return f"the action plan supplied, {_inspection_words(lines[0], labels[lines[0].plan])}"
    if len(lines) <= LISTED_UP_TO:
        named = [_inspection_words(line, labels[line.plan]) for line in lines]
        return f"the action plans supplied: {', '.join(named[:-1])}, and {named[-1]}"
    by_force = Counter(line.force for line in lines)
    parts = [f"{counted(n, 'plan', words=True)} of {force}" for force, n in by_force.items() if force]
    if by_force[None]:
        parts.append(f"{counted(by_force[None], 'plan', words=True)} with no force recorded")
    return f"the {counted(len(lines), 'action plan')} supplied ({join_words(parts)})"


def attribution(reg: Register, quoted: Collection[str]) -> tuple[Block, ...]:
    """Where the quoted text comes from, said only of the plans in ``quoted`` whose text is shown.

    The licence is given whenever an HMICFRS inspection is drawn on; a constructed
    inspection's text quoted is said to be constructed.
    """
    labels = reg.labels()
    shown = [line for line in reg.inspections if line.plan in quoted]
    real = [line for line in shown if not line.text_constructed]
    made = [f"“{labels[line.plan]}”" for line in shown if line.text_constructed]
    said = [QUOTED] if real else []
    if any(not line.text_constructed for line in reg.inspections):
        said.append(LICENCE)
    if made and not real and len(made) == len(reg.inspections):
        said.append(CONSTRUCTED)
    elif made:
        said.append(f"The text of {join_words(made)} was constructed for illustration: it is "
                    "not from an HMICFRS report.")
    if not shown:
        said.insert(0, "No finding text is quoted.")
    return (Paragraph(plain(" ".join(said))),)


def commissioner_note(reg: Register) -> str | None:
    """Name the open items addressed (partly) to police and crime commissioners.

    Each is said to be overdue, and to have no owner, when that is so.
    """
    shared = [e for e in reg.entries
              if e.addressed_to is Addressee.CHIEF_CONSTABLES_AND_PCCS
              and e.state.item.status is not ItemStatus.CLOSED]
    if not shared:
        return None
    one = len(shared) == 1
    names = join_words(e.state.item.finding for e in shared)
    said = (f"{names} {'is' if one else 'are'} addressed to chief constables and police and "
            f"crime commissioners, so {'it falls' if one else 'they fall'} partly to the "
            "commissioner.")
    for e in shared:
        late, owned = e.state.overdue, bool(e.state.item.owner)
        if late or not owned:
            state = join_words([*(["overdue"] if late else []), *([] if owned else ["has no owner"])])
            said += f" {e.state.item.finding} {'is ' if late else ''}{state}."
    return said
