"""``peeldocs export`` and ``peeldocs schema``: reports and plans as JSON for other tools."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

SCHEMAS = ("report", "plan", "plan-status")


def add_parsers(sub: Any, date_type: Any) -> None:
    """Add the ``export`` and ``schema`` subcommands to the ``peeldocs`` parser."""
    export = sub.add_parser("export", help="write a report, or an action plan with its state, "
                                           "as JSON")
    export.add_argument("report", type=Path, metavar="REPORT.yaml")
    export.add_argument("--format", choices=("json",), default="json", help="json (the default)")
    export.add_argument("--plan", type=Path, metavar="PLAN.yaml",
                        help="export this action plan with its RAG, overdue and slippage")
    export.add_argument("--as-of", type=date_type, dest="as_of",
                        help="the date the plan's state is worked out for (default today)")
    export.add_argument("--published", type=date_type, help="publication date (YYYY-MM-DD)")
    export.add_argument("-o", "--out", metavar="FILE.json",
                        help="where to write (default: standard output)")
    export.add_argument("--overwrite", action="store_true",
                        help="replace an existing file that peeldocs did not write or that was "
                             "changed since (never an input)")
    schema = sub.add_parser("schema", help="print a JSON Schema: of report data files (the "
                                           "default), plan files, or exported plan status")
    schema.add_argument("what", nargs="?", choices=SCHEMAS, default="report")


def run_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema asked for."""
    from peeldocs.sources.schema import json_schema

    if args.what == "plan":
        from peeldocs.plans.plan import Plan

        cls: type = Plan
    elif args.what == "plan-status":
        from peeldocs.plans.status import PlanStatus

        cls = PlanStatus
    else:
        from peeldocs.model import Report

        cls = Report
    print(json.dumps(json_schema(cls), indent=2, ensure_ascii=False))
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the report, or the plan with its derived state, as JSON."""
    from peeldocs.errors import DataError
    from peeldocs.plans.status import plan_to_json
    from peeldocs.sources.loading import load_report
    from peeldocs.sources.schema import to_json
    from peeldocs.sources.written import check_writable, write_file

    inputs = [args.report, *([args.plan] if args.plan else [])]
    if args.out is not None:  # refused before anything is read
        check_writable(Path(args.out), inputs, args.overwrite, args.out)
    try:
        report = load_report(args.report)
        if args.plan:
            from peeldocs.plans.files import load_plan

            as_of = args.as_of or date.today()
            plan = load_plan(args.plan, report, as_of=as_of, published=args.published)
            text = plan_to_json(plan, report, as_of)
        else:
            text = to_json(report)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    if args.out is None:
        sys.stdout.write(text + "\n")
        return 0
    write_file(Path(args.out), (text + "\n").encode("utf-8"), inputs, args.overwrite, args.out)
    return 0
