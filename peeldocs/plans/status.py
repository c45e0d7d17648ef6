"""Action plans as JSON, for dashboards and other tools.

:func:`plan_status` and :func:`plan_to_json` give an action plan with its
derived state (RAG, overdue, days slipped) as of a date, valid against
``peeldocs schema plan-status``; :func:`load_plan_status` reads it back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date

from peeldocs.model import Force, Report
from peeldocs.model.scales import doc
from peeldocs.plans.plan import ActionItem, Plan, Rag
from peeldocs.sources.schema import dumps, structure, unstructure


@dataclass(frozen=True, slots=True)
class PlanItemStatus:
    """One plan item with what the rules say of it on the as-of date."""

    item: ActionItem = field(metadata=doc("The item as the plan file holds it."))
    finding_kind: str | None = field(metadata=doc("What the finding is, e.g. area for "
                                                  "improvement; null if it has gone."))
    question: int | None = field(metadata=doc("The question the finding belongs to."))
    finding_text: str | None = field(metadata=doc("The finding as the report words it."))
    rag: Rag = field(metadata=doc("red, amber or green."))
    rag_by_hand: bool = field(metadata=doc("True when the RAG was set by hand."))
    overdue: bool = field(metadata=doc("Not closed and the target is before the as-of date."))
    days_overdue: int = field(metadata=doc("Days past the target; 0 when not overdue."))
    due_soon: bool = field(metadata=doc("Not closed and due within 30 days."))
    days_slipped: int = field(metadata=doc("Current target minus original target, in days."))
    closed_late: bool = field(metadata=doc("Closed after its target."))


@dataclass(frozen=True, slots=True)
class PlanStatus:
    """An action plan with its derived state as of a date: what ``peeldocs export --plan`` writes.

    >>> from datetime import date
    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> plan = peeldocs.load_plan("examples/norfolk-2018-action-plan.yaml", report,
    ...                           as_of=date(2019, 10, 15))
    >>> status = peeldocs.plan_status(plan, report, date(2021, 1, 1))
    >>> status.overdue > 0, status.items[0].rag.value in ("red", "amber", "green")
    (True, True)
    """

    as_of: date = field(metadata=doc("The date the state is worked out for."))
    force: Force = field(metadata=doc("The force the report is about."))
    cycle: str = field(metadata=doc("The report's PEEL cycle."))
    report_title: str = field(metadata=doc("The report's title."))
    total: int = field(metadata=doc("How many items the plan has."))
    overdue: int = field(metadata=doc("How many are overdue."))
    due_soon: int = field(metadata=doc("How many are due within 30 days."))
    items: tuple[PlanItemStatus, ...] = field(metadata=doc("Every item, by status then due date."))
    title: str | None = field(default=None, metadata=doc("The plan's title, if it has one."))


def plan_status(plan: Plan, report: Report, as_of: date) -> PlanStatus:
    """Return the plan's derived state on ``as_of`` (the rules of :mod:`peeldocs.plans.rules`).

    >>> from datetime import date
    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> plan = peeldocs.load_plan("examples/norfolk-2018-action-plan.yaml", report,
    ...                           as_of=date(2019, 10, 15))
    >>> status = peeldocs.plan_status(plan, report, date(2019, 10, 15))
    >>> status.total == len(plan.items)
    True
    """
    from peeldocs.plans.findings import findings
    from peeldocs.plans.rules import assess_plan

    refs = findings(report)
    items = []
    for s in assess_plan(plan, as_of):
        ref = refs.get(s.item.finding)
        items.append(PlanItemStatus(
            s.item, ref.kind if ref else None, ref.question if ref else None,
            ref.text if ref else None, s.rag, s.rag_by_hand, s.overdue, s.days_overdue,
            s.due_soon, s.days_slipped, s.closed_late))
    return PlanStatus(as_of, report.force, report.cycle, report.title, len(items),
                      sum(i.overdue for i in items), sum(i.due_soon for i in items),
                      tuple(items), plan.title)


def plan_to_json(plan: Plan, report: Report, as_of: date, *, indent: int | None = 2) -> str:
    """Return the plan with its derived state on ``as_of`` as JSON (see :class:`PlanStatus`).

    >>> from datetime import date
    >>> import json, peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> plan = peeldocs.load_plan("examples/norfolk-2018-action-plan.yaml", report,
    ...                           as_of=date(2019, 10, 15))
    >>> data = json.loads(peeldocs.plan_to_json(plan, report, date(2019, 10, 15)))
    >>> data["as_of"], sorted(data["items"][0])[:3]
    ('2019-10-15', ['closed_late', 'days_overdue', 'days_slipped'])
    """
    return dumps(unstructure(plan_status(plan, report, as_of)), indent)


def parse_plan_status(text: str | bytes, file: str = "<string>") -> PlanStatus:
    """Parse JSON written by :func:`plan_to_json`; raise :class:`~peeldocs.DataError` on problems.

    >>> from datetime import date
    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> plan = peeldocs.load_plan("examples/norfolk-2018-action-plan.yaml", report,
    ...                           as_of=date(2019, 10, 15))
    >>> status = peeldocs.plan_status(plan, report, date(2019, 10, 15))
    >>> peeldocs.parse_plan_status(peeldocs.plan_to_json(plan, report, date(2019, 10, 15))) == status
    True
    """
    from peeldocs.errors import DataError
    from peeldocs.sources.loading import read_source, validate_source

    src = read_source(text, file)
    validate_source(src, PlanStatus, lambda _src: None)
    if src.problems:
        raise DataError(src.problems)
    return structure(PlanStatus, src.data)


def load_plan_status(path: str | os.PathLike[str]) -> PlanStatus:
    """Load a JSON file written by ``peeldocs export --plan`` or :func:`plan_to_json`.

    >>> from datetime import date
    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> plan = peeldocs.load_plan("examples/norfolk-2018-action-plan.yaml", report,
    ...                           as_of=date(2019, 10, 15))
    >>> from pathlib import Path
    >>> _ = Path("plan.json").write_text(peeldocs.plan_to_json(plan, report, date(2019, 10, 15)))
    >>> peeldocs.load_plan_status("plan.json").as_of
    datetime.date(2019, 10, 15)
    """
    from peeldocs.sources.loading import read_data_file

    data, name = read_data_file(path)
    return parse_plan_status(data, name)
