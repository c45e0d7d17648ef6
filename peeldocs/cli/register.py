"""``peeldocs actions`` and ``peeldocs register``: plans seeded and summarised, and the register.

``register`` writes the register (or, with ``--document update``, the
quarterly update paper) in each format asked for; ``actions import`` merges a
register workbook's edits back into the plan files.  Exit codes: 0 done,
1 a data problem (each printed with its file and line, or sheet and cell),
2 a usage mistake.

``peeldocs actions`` seeds a plan from a report, and summarises one for a
terminal or a spreadsheet.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from peeldocs.errors import DataError
from peeldocs.model import Report
from peeldocs.plans.files import init_plan, load_plan, subject_refs
from peeldocs.plans.inspection import Inspection
from peeldocs.plans.inspection_files import load_subject
from peeldocs.plans.register_table import csv_cell
from peeldocs.plans.rules import assess_plan, summarise
from peeldocs.wording import long_date


def add_register_parser(sub: Any, date_type: Callable[[str], date]) -> None:
    """Add the ``register`` command to the ``peeldocs`` sub-command parser."""
    reg = sub.add_parser(
        "register", help="one register of every action plan: counts, overdue, changes; "
                         "the quarterly update paper; Excel for owners",
        description="Build the register of every tracked item in the action plans given "
                    "(PEEL and other inspections), or the quarterly update paper.")
    reg.add_argument("plans", nargs="+", type=Path, metavar="PLAN.yaml")
    reg.add_argument("--as-of", type=date_type, dest="as_of", help="as-of date (default today)")
    reg.add_argument("--since", metavar="PREVIOUS",
                     help="an earlier register (.csv or .xlsx written by this command) or a "
                          "date (YYYY-MM-DD): say what was added, closed, became overdue or "
                          "was re-dated since")
    reg.add_argument("--format", default="pdf",
                     help="comma-separated: pdf, docx, html, csv, xlsx (default: pdf)")
    reg.add_argument("--document", choices=("register", "update"), default="register",
                     help="register (default) or update: the quarterly update paper for a "
                          "committee")
    reg.add_argument("--out", type=Path, default=Path("out"), help="output folder")
    reg.add_argument("--sheets", choices=("one", "per-inspection"), default="one",
                     help="xlsx: one register sheet (default) or one sheet per inspection")
    reg.add_argument("--marking", default="", help="protective marking, e.g. OFFICIAL")
    reg.add_argument("--audience", default=None, help="who the paper is for")
    reg.add_argument("--quiet", action="store_true", help="print nothing on success")
    reg.add_argument("--overwrite", action="store_true",
                     help="replace existing outputs that peeldocs did not write or that were "
                          "changed since (never an input)")


def add_import_action(act: Any) -> None:
    """Add ``actions import`` to the ``actions`` sub-command parser."""
    imp = act.add_parser("import", help="merge the edits in a register workbook (.xlsx) into "
                                        "the plan files",
                         description="Merge owners' edits in a register workbook back into "
                                     "the plan files: owners, leads, statuses, RAG, dates, "
                                     "reasons, and new progress updates (appended). Nothing "
                                     "is written unless every edit can be taken.")
    imp.add_argument("workbook", type=Path, metavar="EDITED.xlsx")
    imp.add_argument("plans", nargs="*", metavar="PLAN",
                     help="plan files that are neither in the working folder nor beside the "
                          "workbook (the workbook names each plan by its file name)")


def _problems(exc: DataError) -> int:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    return 1


def run_register(args: argparse.Namespace, usage_error: type[Exception]) -> int:
    """Run ``peeldocs register``; return the exit code."""
    from peeldocs.build.register_output import DATA_FORMATS, write_register
    from peeldocs.build.registry import parse_formats
    from peeldocs.options import Options, marking_from_text
    from peeldocs.plans.register_files import register

    names = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    if not names:
        raise usage_error("--format: no format given; choose from pdf, docx, html, csv, xlsx")
    documents = [f for f in names if f not in DATA_FORMATS]
    if documents:
        from peeldocs.errors import UnknownFormatError

        try:
            parse_formats(documents)  # an unknown format is a usage error, before any work
        except UnknownFormatError as exc:
            raise usage_error(f"--format: {exc} (and csv, xlsx for the register's data)") \
                from None
    since: Any = args.since
    if since is not None:
        try:
            since = date.fromisoformat(since)
        except ValueError:
            if not Path(since).exists():
                raise usage_error(f"--since: {since!r} is neither a date (YYYY-MM-DD) nor an "
                                  "earlier register file") from None
    kwargs: dict[str, Any] = {"marking": marking_from_text(args.marking)}
    if args.audience:
        kwargs["audience"] = args.audience
    options = Options(**kwargs)
    try:
        reg = register(args.plans, as_of=args.as_of, since=since)
    except DataError as exc:
        return _problems(exc)
    written = write_register(reg, names, args.out, document=args.document, options=options,
                             per_inspection=args.sheets == "per-inspection",
                             inputs=[*args.plans, *([since] if isinstance(since, str) else [])],
                             overwrite=args.overwrite)
    if not args.quiet:
        counts = ", ".join(f"{n} {s.value}" for s, n in reg.by_status().items())
        print(f"register as of {reg.as_of.isoformat()}: {len(reg.entries)} actions ({counts}); "
              f"{len(reg.overdue)} overdue", file=sys.stderr)
        for path in written:
            print(path, file=sys.stderr)
            if path.suffix == ".xlsx" and not options.marking.value:
                print(f"{path}: no protective marking given (--marking); every printed page "
                      "says it is to be completed: set it before printing", file=sys.stderr)
    return 0


def run_actions_import(args: argparse.Namespace) -> int:
    """Run ``peeldocs actions import``; return the exit code."""
    from peeldocs.plans.workbook_import import import_workbook

    try:
        result = import_workbook(args.workbook, plans=args.plans)
    except DataError as exc:
        code = _problems(exc)
        print(f"{args.workbook}: nothing written", file=sys.stderr)
        return code
    for note in result.notes:
        print(f"{args.workbook}: {note}", file=sys.stderr)
    if not result.changed:
        print(f"{args.workbook}: no edits found; no plan changed", file=sys.stderr)
    for path in result.changed:
        print(f"{path}: updated", file=sys.stderr)
    if result.changed:
        print(f"{result.cells} cells and {result.updates} new updates taken", file=sys.stderr)
    return 0


CSV_COLUMNS = ("finding", "kind", "question", "status", "rag", "rag_by_hand", "owner", "lead",
               "original_target", "current_target", "days_slipped", "overdue", "days_overdue",
               "due_within_30_days", "closed_on", "latest_update", "finding_text")


def _report_problems(exc: DataError) -> int:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    return 1


def run_actions(args: argparse.Namespace) -> int:
    """Run ``actions init`` or ``actions status``; return the exit code."""
    try:
        if args.actions_command == "init":
            report = load_subject(args.report)
            result = init_plan(report, args.out, str(args.report), published=args.published)
            if not result.written:
                print(f"{args.out}: up to date, not rewritten", file=sys.stderr)
            for fid in result.added:
                print(f"{args.out}: added {fid}", file=sys.stderr)
            for other in report.not_tracked if isinstance(report, Inspection) else ():
                print(f"{args.out}: {other.id} is addressed to {other.addressee or 'another body'}; "
                      "kept in the inspection, not tracked", file=sys.stderr)
            for fid in result.marked_gone:
                print(f"{args.out}: {fid} is no longer in the report; marked finding_gone",
                      file=sys.stderr)
            return 0
        report = load_subject(args.report)
        as_of = args.as_of or date.today()
        plan = load_plan(args.plan, report, as_of=as_of, published=args.published)
    except DataError as exc:
        return _report_problems(exc)
    if args.format == "json":
        from peeldocs.plans.status import plan_to_json

        if not isinstance(report, Report):
            print(f"{args.report}: JSON status is for PEEL plans; for other inspections use "
                  "'peeldocs register --format csv'", file=sys.stderr)
            return 1

        print(plan_to_json(plan, report, as_of))
        return 0
    states = assess_plan(plan, as_of)
    if args.format == "csv":
        refs = subject_refs(report)
        writer = csv.writer(sys.stdout, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
        writer.writerow(CSV_COLUMNS)
        for s in states:
            item, ref = s.item, refs.get(s.item.finding)
            latest = item.latest_update
            writer.writerow(csv_cell(value) for value in [
                item.finding, ref.kind if ref else "", ref.question if ref else "",
                item.status.value, s.rag.value, "yes" if s.rag_by_hand else "no",
                item.owner or "", item.lead or "", item.original_target or "",
                item.current_target or "", s.days_slipped, "yes" if s.overdue else "no",
                s.days_overdue, "yes" if s.due_soon else "no", item.closed_on or "",
                f"{latest.when}: {latest.text}" if latest else "", ref.text if ref else "",
            ])  # every cell a spreadsheet would run as a formula is neutralised
        return 0
    summary = summarise(states)
    print(f"Action plan as of {long_date(as_of)}: {summary.total} items")
    print("  by status: " + ", ".join(f"{n} {st.value}" for st, n in summary.by_status.items()))
    print("  by RAG:    " + ", ".join(f"{n} {r.value}" for r, n in summary.by_rag.items()))
    overdue = [s for s in states if s.overdue]
    print(f"  overdue:   {len(overdue)}")
    for s in overdue:
        owner = s.item.owner or "no owner"
        print(f"    {s.item.finding}: {s.days_overdue} days overdue ({owner})")
    if summary.next_due:
        item = summary.next_due.item
        when = item.target
        print(f"  next due:  {item.finding} on {long_date(when) if when else 'no date set'}")
    return 0
