"""``peeldocs actions``: seed a plan from a report, and summarise one for a terminal or a spreadsheet."""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date

from peeldocs.errors import DataError
from peeldocs.model import Report
from peeldocs.plans.files import init_plan, load_plan, subject_refs
from peeldocs.plans.inspection import Inspection
from peeldocs.plans.inspection_files import load_subject
from peeldocs.plans.register_table import csv_cell
from peeldocs.plans.rules import assess_plan, summarise
from peeldocs.wording import long_date

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
