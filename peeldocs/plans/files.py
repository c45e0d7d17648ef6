"""Action plan files: seed them from a report, merge in a corrected report, load and check.

Seeding and merging go through ruamel.yaml's round-trip mode, so whatever the
user wrote (values, comments, order) survives a re-run untouched; a file that
needs no change is not rewritten at all.  Loading goes through the same safe
reader and located errors as report files.
"""

from __future__ import annotations

import io
import os
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from peeldocs.errors import DataError, Problem
from peeldocs.model import Report, report_scope
from peeldocs.model.deadlines import due_date
from peeldocs.plans.findings import FindingRef, findings
from peeldocs.plans.inspection import Inspection, inspection_refs
from peeldocs.plans.plan import ItemStatus, Plan
from peeldocs.sources.loading import display_path, read_data_file, validate_source
from peeldocs.sources.schema import structure
from peeldocs.sources.yamlsource import Source, read_yaml

HEADER = """\
Action plan for: {title}
One item per finding, keyed by the finding's id in the report. Fill in the
actions, owner (chief officer), lead, and original and current target dates.
Add progress as dated entries under `updates` (newest last); never edit old ones.
Statuses: awaiting allocation, in progress, pending sign-off, closed.
`peeldocs actions init` adds items for new findings and marks items whose
finding has gone; it never removes or changes what you wrote."""


Subject = Report | Inspection
"""What a plan answers: a PEEL report or another inspection."""


def subject_refs(subject: Subject) -> dict[str, FindingRef]:
    """Return the findings a plan for ``subject`` tracks, by id."""
    return inspection_refs(subject) if isinstance(subject, Inspection) else findings(subject)


def subject_title(subject: Subject) -> str:
    """Return a plan's title line for its report or inspection."""
    if isinstance(subject, Inspection):
        return subject.title
    return f"{subject.force.name}, {subject.programme} {subject.cycle} {report_scope(subject)}"


def _yaml() -> Any:
    from ruamel.yaml import YAML

    y = YAML()  # round-trip mode
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 100
    y.preserve_quotes = True
    return y


def _new_item(ref: FindingRef, published: date | None) -> Any:
    from ruamel.yaml.comments import CommentedMap

    item = CommentedMap()
    item["finding"] = ref.id
    item["status"] = ItemStatus.AWAITING_ALLOCATION.value
    for key in ("actions",):
        item[key] = []
    for key in ("owner", "lead"):
        item[key] = None
    due = due_date(ref.deadline, published)
    for key in ("original_target", "current_target"):
        item[key] = due.isoformat() if due else None
    item["updates"] = []
    if ref.area is not None:
        where = f", {ref.area}"
    else:
        where = f", question {ref.question}" if ref.question is not None else ""
    flag = " (carried forward: not enough progress)" if ref.carried_forward else ""
    deadline = f" Deadline as worded: {ref.deadline}." if ref.deadline else ""
    about = f"{ref.id}: {ref.kind}{where}{flag}. {ref.text}{deadline}"
    return item, "\n".join(textwrap.wrap(about, 92))


@dataclass(frozen=True, slots=True)
class InitResult:
    """What ``actions init`` did."""

    added: tuple[str, ...]
    marked_gone: tuple[str, ...]
    written: bool


def init_plan(report: Subject, plan_path: str | os.PathLike[str],
              report_path: str | None = None, published: date | None = None) -> InitResult:
    """Create the plan file, or merge new findings into an existing one.

    A recommendation whose deadline gives a date (fixed, or counted from the
    publication date: ``published`` or the report's) gets it as both targets.
    What the user wrote in an existing plan is kept byte for byte; a plan that
    needs no change is not rewritten.

    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> result = peeldocs.init_plan(report, "plan.yaml")
    >>> result.written, result.added[:2]
    (True, ('E-2017-AFI-1', 'E2-AFI-1'))
    >>> peeldocs.init_plan(report, "plan.yaml").written
    False
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import YAMLError

    from peeldocs.sources.files import atomic_write, cannot_write
    from peeldocs.sources.written import check_writable

    y = _yaml()
    path = Path(plan_path)
    if report_path:  # the plan is merged in place (it is the user's), but never the report
        check_writable(path, [report_path], overwrite=True, shown=plan_path)
    refs = subject_refs(report)
    if path.exists():
        raw, name = read_data_file(path)  # a regular file within the size limit
        checked = read_yaml(raw, name)  # nesting, numbers, aliases: refused before ruamel
        if checked.problems:
            raise DataError(checked.problems)
        try:
            data = y.load(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, RecursionError, ValueError, YAMLError) as exc:
            mark = getattr(exc, "problem_mark", None)
            why = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else \
                "lists and mappings nested too deeply" if isinstance(exc, RecursionError) else \
                f"not valid YAML: {getattr(exc, 'problem', None) or ' '.join(str(exc).split())}"
            raise DataError([Problem(display_path(path), mark.line + 1 if mark else None, "",
                                     why)]) from None
        if not isinstance(data, CommentedMap) or not isinstance(data.get("items"), list):
            raise DataError([Problem(display_path(path), None, "items",
                                     "not an action plan: expected a mapping with 'items'")])
    else:
        data = CommentedMap()
        title = " ".join(subject_title(report).split())  # one line: never adds keys
        data.yaml_set_start_comment(HEADER.format(title=title))
        if report_path:
            data["report"] = report_path
        data["items"] = CommentedSeq()
    items = data["items"]
    have = {str(i.get("finding")) for i in items if isinstance(i, dict)}
    added = []
    for ref in refs.values():
        if ref.id not in have:
            item, comment = _new_item(ref, published or report.published)
            items.append(item)
            items.yaml_set_comment_before_after_key(len(items) - 1, before=comment, indent=2)
            added.append(ref.id)
    gone = []
    for item in items:
        if isinstance(item, CommentedMap) and str(item.get("finding")) not in refs \
                and not item.get("finding_gone"):
            item.insert(1, "finding_gone", True)
            gone.append(str(item.get("finding")))
    changed = bool(added or gone or not path.exists())
    if changed:
        buf = io.StringIO()
        y.dump(data, buf)
        try:
            atomic_write(path, buf.getvalue().encode("utf-8"))
        except OSError as exc:  # named as given, never the temporary file
            raise cannot_write(plan_path, exc) from exc
    return InitResult(tuple(added), tuple(gone), changed)


def check_plan(src: Source, report: Subject, as_of: date, published: date | None) -> None:
    """Record every problem of a plan's plain data against its report."""
    data = src.data if isinstance(src.data, dict) else {}
    refs = subject_refs(report)
    seen: dict[str, int | None] = {}
    raw = data.get("items")
    items: list[Any] = raw if isinstance(raw, list) else []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        at = ("items", i)
        fid = item.get("finding")
        if isinstance(fid, str):
            if fid in seen:
                src.problem((*at, "finding"), f"duplicate item for '{fid}' (first at line "
                                              f"{seen[fid]})")
            seen.setdefault(fid, src.line((*at, "finding")))
            if fid not in refs and not item.get("finding_gone"):
                known = ", ".join(refs) or "none"
                src.problem((*at, "finding"), f"'{fid}' is not a finding of the report "
                                              f"(findings: {known})")
        status = item.get("status")
        if status == ItemStatus.CLOSED.value and not item.get("closed_on"):
            src.problem((*at, "status"), "a closed item needs 'closed_on' (the date it closed)")
        if item.get("closed_on") and status not in (ItemStatus.CLOSED.value, None):
            src.problem((*at, "closed_on"), f"'closed_on' is set but the status is '{status}'")
        if item.get("rag") and not item.get("rag_reason"):
            src.problem((*at, "rag"), "a RAG set by hand needs 'rag_reason'")
        for j, update in enumerate(item.get("updates") or []):
            when = update.get("when") if isinstance(update, dict) else None
            if isinstance(when, str) and when > as_of.isoformat():
                src.problem((*at, "updates", j, "when"),
                            f"update dated {when} is after the as-of date {as_of.isoformat()}")
        for key in ("original_target", "current_target"):
            when = item.get(key)
            if published and isinstance(when, str) and when < published.isoformat():
                src.problem((*at, key), f"target date {when} is before the report's "
                                        f"publication on {published.isoformat()}")


def parse_plan(text: str | bytes, report: Subject, file: str = "<string>", *,
               as_of: date, published: date | None = None) -> Plan:
    r"""Parse an action plan; raise :class:`DataError` listing every problem.

    >>> from datetime import date
    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> plan = peeldocs.parse_plan("items:\n- finding: E2-AFI-1\n  status: in progress\n",
    ...                            report, "plan.yaml", as_of=date(2019, 10, 15))
    >>> plan.items[0].status.value
    'in progress'
    >>> peeldocs.parse_plan("items:\n- finding: E9-AFI-9\n", report, "plan.yaml",
    ...                     as_of=date(2019, 10, 15))
    Traceback (most recent call last):
    ...
    peeldocs.errors.DataError: plan.yaml:2: items[0].finding: 'E9-AFI-9' is not a finding of the report...
    """
    return plan_from_source(read_yaml(text, file), report, as_of=as_of, published=published)


def plan_from_source(src: Source, report: Subject, *, as_of: date,
                     published: date | None = None) -> Plan:
    """Check a plan already read from YAML and return it; :class:`DataError` on problems."""
    validate_source(src, Plan, lambda s: check_plan(s, report, as_of,
                                                    published or report.published))
    if src.problems:
        raise DataError(src.problems)
    return structure(Plan, src.data)


def load_plan(path: str | os.PathLike[str], report: Subject, *, as_of: date,
              published: date | None = None) -> Plan:
    """Load and check an action plan file against its report.

    Every problem is reported at once, each with its line; ``published``
    (default: the report's) lets targets before publication be caught.

    >>> from datetime import date
    >>> import peeldocs
    >>> report = peeldocs.load_report("data/norfolk-2018-effectiveness.yaml")
    >>> plan = peeldocs.load_plan("examples/norfolk-2018-action-plan.yaml", report,
    ...                           as_of=date(2019, 10, 15))
    >>> len(plan.items) > 0
    True
    """
    data, name = read_data_file(path)
    return parse_plan(data, report, name, as_of=as_of, published=published)
