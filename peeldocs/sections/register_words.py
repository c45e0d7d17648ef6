"""Sentences of the register and the update paper that depend on what the inputs record.

Which plans the documents cover (a force is named only for the plans that
record one), where the quoted text comes from (said only of the text a
document actually quotes), and which open items fall partly to the
commissioner, with whether each is overdue and owned.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from datetime import date

from peeldocs.blocks import (
    Block,
    BulletList,
    Callout,
    Cell,
    Inline,
    Paragraph,
    Table,
    Tone,
    plain,
)
from peeldocs.model.bodies import policing_body
from peeldocs.model.forces import find_force
from peeldocs.options import Options
from peeldocs.plans.inspection import Addressee
from peeldocs.plans.plan import ItemStatus
from peeldocs.plans.register import Entry, InspectionLine, Register, owning_force
from peeldocs.plans.register_names import InspectionName, inspection_names
from peeldocs.prose import counted, join_words, opening, sentence_case, span_words
from peeldocs.sections.paper import MARKING_TO_COMPLETE, placeholders, runs
from peeldocs.wording import long_date

QUOTED = "Finding text is quoted verbatim from HMICFRS reports."
LICENCE = "Contains public sector information licensed under the Open Government Licence v3.0."
CONSTRUCTED = ("The finding text here was constructed for illustration: it is not from an "
               "HMICFRS report.")
LISTED_UP_TO = 4
"""Up to this many plans are each named; beyond, they are counted by force."""


def _plan_words(line: InspectionLine, name: InspectionName, *, one: bool) -> str:
    """Say whose plan it is and for which inspection, naming the inspection in full.

    'Norfolk Constabulary’s plan for its PEEL 2018/19 effectiveness inspection';
    'the plan for the national thematic inspection “…”' (a plan whose inspection
    names no one force is named by its inspection alone).
    """
    plan = "action plan" if one else "plan"
    if line.force and line.scope:
        return f"{line.force}’s {plan} for its {line.scope}"
    if line.force:
        return f"{line.force}’s {plan} for {name.full}"
    return f"the {plan} for {name.full}"


def plans_words(reg: Register) -> str:
    """Name the plans the register covers, each inspection in full, with the force each records.

    'Norfolk Constabulary’s action plan for its PEEL 2018/19 effectiveness inspection';
    'two action plans: Norfolk Constabulary’s plan for its …, and the plan for the
    national thematic inspection “…”'; beyond four plans, counted by force.
    """
    lines, names = reg.inspections, inspection_names(reg)
    if not lines:
        return "the action plans"
    if len(lines) == 1:
        return _plan_words(lines[0], names[lines[0].plan], one=True)
    if len(lines) <= LISTED_UP_TO:
        named = [_plan_words(line, names[line.plan], one=False) for line in lines]
        return (f"{counted(len(lines), 'action plan', words=True)}: "
                f"{', '.join(named[:-1])}, and {named[-1]}")
    by_force = Counter(line.force for line in lines)
    parts = [f"{counted(n, 'plan', words=True)} of {force}" for force, n in by_force.items() if force]
    if by_force[None]:
        one = by_force[None] == 1
        parts.append(f"{counted(by_force[None], 'plan', words=True)} for "
                     f"{'an inspection' if one else 'inspections'} of more than one force")
    return f"{counted(len(lines), 'action plan', words=True)} ({join_words(parts)})"


def attribution(reg: Register, quoted: Collection[str], marks: str = "") -> tuple[Block, ...]:
    """Where the quoted text comes from, said only of the plans in ``quoted`` whose text is shown.

    The licence is given whenever an HMICFRS inspection is drawn on; a constructed
    inspection's text quoted is said to be constructed.  ``marks``: what the marks
    in the quotations mean, said once after how they are quoted (when any is marked).
    """
    names = inspection_names(reg)
    shown = [line for line in reg.inspections if line.plan in quoted]
    real = [line for line in shown if not line.text_constructed]
    made = [names[line.plan].short for line in shown if line.text_constructed]
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
    elif marks:
        said.insert(1, marks) if real else said.append(marks)
    return (Paragraph(plain(" ".join(said))),)


COMMISSIONER = "the Police and Crime Commissioner"
"""The office the items addressed to 'police and crime commissioners' fall to, when no one
force's local policing body is known on the as-of date."""


def commissioner_name(reg: Register) -> str:
    """Name the office an item addressed to police and crime commissioners falls to, in full.

    The local policing body of the one force whose register this is, on the
    as-of date ('the Police and Crime Commissioner for Norfolk'); else the office
    as the items name it ('the Police and Crime Commissioner'): never a guessed name.
    """
    name = owning_force(reg)
    force = find_force(name) if name else None
    body = policing_body(force, reg.as_of) if force else None
    return f"the {body.office}" if body else COMMISSIONER


def shared_with_commissioner(reg: Register) -> list[Entry]:
    """Return the open items addressed to chief constables and police and crime commissioners."""
    return [e for e in reg.entries
            if e.addressed_to is Addressee.CHIEF_CONSTABLES_AND_PCCS
            and e.state.item.status is not ItemStatus.CLOSED]


def _share_words(entry: Entry, name: str, as_of: date) -> str:
    """Say what one item shared with the commissioner asks, when it is due and who owns it.

    The inspection and the item's words come first, its reference after:
    'The inspection “…” recommends: “By 31 December 2024, …” (R2). Its target
    date was 31 December 2024: on 15 January 2025 it is 15 days overdue.'  Its owner
    is named when it has one; that it has none is said once, in the paper's asks.
    """
    item, state = entry.state.item, entry.state
    kind = entry.ref.kind if entry.ref else "item"
    asks = "recommends" if kind == "recommendation" else f"has this {kind}"
    said = (f"{sentence_case(name)} {asks}: “{opening(entry.quoted)}” This is {kind} "
            f"{item.finding}." if entry.quoted else
            f"Its {kind} {item.finding} is no longer in the text of {name}.")
    due = item.target
    if due is None:
        said += " It has no target date"
    elif state.overdue:
        days = state.days_overdue
        said += (f" Its target date was {long_date(due)}: on {long_date(as_of)} it is "
                 f"{days:,} {'day' if days == 1 else 'days'} overdue")
    else:
        said += f" Its target date is {long_date(due)}"
    return f"{said}, and its owner is {item.owner}." if item.owner else f"{said}."


def commissioner_note(reg: Register) -> str | None:
    """Say which open items fall partly to the commissioner, named in full, in words first.

    Each is named by its inspection and its own words, then its reference, its
    target date, how many days it is overdue and its owner, if it has one.
    """
    shared = shared_with_commissioner(reg)
    if not shared:
        return None
    one = len(shared) == 1
    names = inspection_names(reg)
    kinds = {e.ref.kind for e in shared if e.ref}
    what = f"open {kinds.pop()}" if len(kinds) == 1 and all(e.ref for e in shared) else "open item"
    head = (f"{sentence_case(counted(len(shared), what, words=True))} "
            f"{'falls' if one else 'fall'} partly to {commissioner_name(reg)}, because "
            f"{'it is' if one else 'they are'} addressed to chief constables and police and "
            "crime commissioners.")
    return " ".join([head, *(_share_words(e, names[e.plan].short if e.plan in names
                                          else f"the inspection “{e.inspection}”", reg.as_of)
                             for e in shared)])


def unread_notes(reg: Register) -> tuple[Block, ...]:
    """Say what the register did not see: unread items, unknown addressees and dates."""
    notes: list[tuple[Inline, ...]] = []
    for line in reg.inspections:
        if not line.items_read:
            notes.append(plain(f"The recommendations, areas for improvement and causes of "
                               f"concern of “{reg.labels()[line.plan]}” were not found in the text imported, "
                               "so none of them is tracked here; check the published report."))
    unknown = [e for e in reg.entries if e.addressed_to is Addressee.UNKNOWN]
    if unknown:
        labels = reg.labels()
        named = [f"{e.state.item.finding} of “{labels.get(e.plan, e.inspection)}”"
                 if len(reg.inspections) > 1 else e.state.item.finding for e in unknown]
        notes.append(plain(f"Whom {join_words(named)} "
                           f"{'is' if len(unknown) == 1 else 'are'} addressed to was not read "
                           "from the report; they are tracked until that is checked."))
    undated = [e for e in reg.entries if e.state.item.status is not ItemStatus.CLOSED
               and not (e.state.item.target)]
    if undated:
        one = len(undated) == 1
        notes.append(plain(f"{sentence_case(counted(len(undated), 'open action', words=True))} "
                           f"{'has' if one else 'have'} no target date, so the register cannot "
                           f"say whether {'it is' if one else 'they are'} overdue."))
    if not notes:
        return ()
    return (Callout("What this register could not see", (BulletList(tuple(notes)),),
                    Tone.WARNING),)


WHOSE = "[[the force or office whose register this is]]"
"""What only the register's author can say when its plans record no one force."""


def marking_row(options: Options) -> tuple[str, tuple[Inline, ...]]:
    """Return the 'Protective marking' row: the marking asked for, else a marked placeholder."""
    marking = options.marking.value
    return ("Protective marking", plain(marking) if marking else (MARKING_TO_COMPLETE,))


def whose_register(reg: Register, options: Options) -> tuple[Block, ...]:
    """Ask what only the author can say, as marked placeholders listed to complete.

    Whose register this is, unless every plan records the same force (the title
    names it); its protective marking, unless one was asked for (then shown as
    the page header shows it).  Nothing when neither is missing.
    """
    facts = ([] if owning_force(reg) else [("Register of", runs(WHOSE))]) + \
        ([] if options.marking.value else [marking_row(options)])
    if not facts:
        return ()
    head = Table((), tuple((Cell(plain(k, bold=True)), Cell(v)) for k, v in facts),
                 widths=(1.0, 3.0), caption="About this register")
    todo = placeholders([head], top=head)
    one = len(todo) == 1
    said = (f"This register has {counted(len(todo), 'part', words=True)} that only its author "
            f"can write. {'It is' if one else 'Each is'} shown in curly brackets, highlighted and "
            "marked “to be completed” where it appears:")
    return (head, Callout("To complete before this register is issued", (
        Paragraph(plain(said)), BulletList(tuple(plain(t) for t in todo))), Tone.WARNING))


def overdue_lead(reg: Register) -> str:
    """Say first how many findings are overdue and by how long, or '' when none is (read 36).

    'Four findings are past their target date, the most overdue by more than five
    years (1,842 days).'
    """
    late = reg.overdue
    if not late:
        return ""
    one, worst = len(late) == 1, max(e.state.days_overdue for e in late)
    by = f"{span_words(worst)} ({worst:,} days)" if worst > 365 else \
        f"{worst:,} day{'' if worst == 1 else 's'}"
    return (f"{sentence_case(counted(len(late), 'finding', words=True))} "
            f"{'is' if one else 'are'} past {'its' if one else 'their'} target date, "
            f"{'by' if one else 'the most overdue by'} {by}.")


def still_live(many: bool) -> str:
    """Ask, as the update paper's decisions do, whether long-quiet findings still stand.

    The register records no answer: it says so, never guessing one (read 36).
    """
    return (f"Whether {'they are' if many else 'it is'} still live, or {'have' if many else 'has'}"
            f" been overtaken by {'later inspections' if many else 'a later inspection'}, "
            "is not recorded.")
