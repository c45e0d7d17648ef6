"""``peeldocs export``, ``schema`` and ``translations``: reports, plans and wording for other tools.

``peeldocs translations`` says what of the Welsh catalogue no translator has
reviewed, and what is missing.  Without a report it lists the catalogue's unreviewed messages; with reports it
lists the wording their documents show in English for want of a translation.
``--write FILE.po`` writes the catalogue with that missing wording added, for a
translator to work in (an existing file is replaced only with ``--overwrite``).
Exit codes: 0 done, 1 a data problem, 2 a usage mistake.
"""

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


def add_translations_parser(sub: Any) -> None:
    """Add the ``translations`` command to the CLI's subparsers."""
    cmd = sub.add_parser("translations",
                         help="show the Welsh wording not yet reviewed by a translator, and "
                              "wording with no Welsh yet; write a .po for translators")
    cmd.add_argument("reports", nargs="*", type=Path, metavar="REPORT.yaml",
                     help="list the wording these reports' documents lack in Welsh")
    cmd.add_argument("--language", default="cy", choices=("cy",),
                     help="the catalogue's language (cy, Welsh)")
    cmd.add_argument("--document", action="append", metavar="KIND",
                     help="the document kinds to check (default: all of them); repeatable")
    cmd.add_argument("--templates", type=Path, metavar="DIR",
                     help="a template folder whose locale/cy.po overrides ours")
    cmd.add_argument("--write", type=Path, metavar="FILE.po",
                     help="write the catalogue, missing wording added, for a translator")
    cmd.add_argument("--overwrite", action="store_true", help="replace an existing FILE.po")


def run_translations(args: argparse.Namespace) -> int:
    """Run ``peeldocs translations``; return the exit code."""
    from peeldocs.build.documents import document_kinds, untranslated_wording
    from peeldocs.i18n.catalogue import load_catalogue, po_for_translators, review_state
    from peeldocs.options import Options
    from peeldocs.sources.files import atomic_write
    from peeldocs.sources.loading import load_report

    if args.write is not None and args.write.exists() and not args.overwrite:
        print(f"peeldocs translations: {args.write} exists; add --overwrite to replace it",
              file=sys.stderr)
        return 2
    kinds = args.document or sorted(document_kinds())
    unknown = [k for k in kinds if k not in document_kinds()]
    if unknown:
        print(f"peeldocs translations: unknown document {unknown[0]!r}; available: "
              f"{', '.join(sorted(document_kinds()))}", file=sys.stderr)
        return 2
    state = review_state(load_catalogue(args.language, args.templates))
    print(f"{state.path}: {state.total} messages, {state.reviewed} reviewed by a translator, "
          f"{len(state.unreviewed)} not yet reviewed")
    if not args.reports:
        for english, welsh in state.unreviewed:
            print(f"\nnot reviewed: {english}\n          cy: {welsh}")
    missing: set[str] = set()
    for path in args.reports:
        report = load_report(path)
        for kind in kinds:
            options = Options(document=kind, language=args.language, allow_unknown=True,
                              template_dir=args.templates)
            found = untranslated_wording(report, options)
            missing.update(found)
            print(f"{path} ({kind}): {len(found)} passage(s) of our wording with no Welsh yet")
    for text in sorted(missing):
        print(f"  no Welsh yet: {text}")
    if args.write is not None:
        data = po_for_translators(args.language, tuple(sorted(missing)), args.templates)
        atomic_write(args.write, data)
        print(f"wrote {args.write} ({len(missing)} message(s) added for translation)")
    return 0
