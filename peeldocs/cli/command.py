"""The ``peeldocs`` command line: build, validate, schema, formats.

Exit codes: 0 success, 1 some input failed, 2 usage error.  Problems are one
line each on stderr; ``--debug`` shows a traceback for unexpected failures.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from peeldocs.cli.compare import run_validate
from peeldocs.cli.usage import Parser, accept_globals
from peeldocs.errors import OptionError, OptionFileError, OptionTypeError, PeeldocsError
from peeldocs.resources import __version__

EXAMPLES = """examples:
  peeldocs build data/norfolk-2018-effectiveness.yaml --format pdf,docx --out out/
  peeldocs build data/*.yaml --format pdf,docx,html --jobs 2 --out out/
  peeldocs build data/*.yaml --marking OFFICIAL --published 2019-05-02
  peeldocs validate data/*.yaml
  peeldocs actions init data/norfolk-2018-effectiveness.yaml -o plan.yaml
  peeldocs actions status plan.yaml --report data/norfolk-2018-effectiveness.yaml --format csv
  peeldocs build data/norfolk-2018-effectiveness.yaml --actions plan.yaml
  peeldocs import thematic.txt --inspection -o thematic.yaml
  peeldocs register plans/*.yaml --since out/register.xlsx --format pdf,xlsx --document update
  peeldocs actions import edited-register.xlsx
  peeldocs build data/norfolk-2018-effectiveness.yaml --document brief --format pdf,docx,html
  peeldocs build data/norfolk-2018-effectiveness.yaml --document s55 --published 2019-05-02
  peeldocs import page.txt -o data/kent-2017-effectiveness.yaml --source https://...
  peeldocs import page.html --summary
  peeldocs compare grades.csv data/*.yaml --focus Norfolk --format pdf,docx,html --out out/
  peeldocs export data/norfolk-2018-effectiveness.yaml --format json -o norfolk.json
  peeldocs schema > report.schema.json
"""


class UsageError(Exception):
    """A command-line argument is wrong (exit code 2)."""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def make_parser() -> argparse.ArgumentParser:
    """Return the argument parser for the ``peeldocs`` command."""
    parser = Parser(
        prog="peeldocs",
        description="Turn HMICFRS PEEL inspection reports into briefing packs.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"peeldocs {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on failure")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=Parser)

    build = sub.add_parser("build", help="build briefing packs from report data files")
    build.add_argument("inputs", nargs="+", type=Path, metavar="REPORT.yaml")
    build.add_argument("--format", default="pdf", help="comma-separated formats (default: pdf)")
    build.add_argument("--out", default="out", help="output folder")
    build.add_argument("--marking", default="", help="protective marking, e.g. OFFICIAL")
    build.add_argument("--audience", default=None, help="who the pack is for")
    build.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD)")
    build.add_argument("--as-of", type=_date, dest="as_of", help="as-of date (YYYY-MM-DD)")
    build.add_argument("--sections", default=None, help="comma-separated section names")
    build.add_argument("--document", default="pack", metavar="KIND",
                       help="what to build: pack (the briefing pack, default), brief, committee, "
                            "s55, or a kind a plugin adds")
    build.add_argument("--actions", type=Path, metavar="PLAN.yaml",
                       help="an action plan to show in the pack")
    build.add_argument("--theme", type=Path, metavar="THEME.yaml",
                       help="colours and sizes (default: templates/themes/default.yaml)")
    build.add_argument("--reference-docx", type=Path, dest="reference_docx", metavar="REF.docx",
                       help="Word document whose styles, headers and page setup DOCX packs take")
    build.add_argument("--templates", type=Path, metavar="DIR",
                       help="a folder of wording templates that override ours by name")
    build.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="parallel processes (default: the number of cores)")
    build.add_argument("--quiet", action="store_true", help="print nothing on success")
    build.add_argument("--language", default="en", metavar="LANG",
                       help="the document's language: en (default), cy (Welsh), or bilingual "
                            "cy+en or en+cy, the first-named first")
    build.add_argument("--welsh-report", type=Path, dest="welsh_report", metavar="REPORT-cy.yaml",
                       help="the same report as published in Welsh, quoted in the Welsh part")
    build.add_argument("--overwrite", action="store_true",
                       help="replace existing outputs that peeldocs did not write or that were "
                            "changed since (never an input)")
    build.add_argument("--allow-unknown", action="store_true", dest="allow_unknown",
                       help="build even when facts were not found in the imported text; "
                            "the pack marks each one")

    validate = sub.add_parser("validate", help="check report data files and grade tables",
                              description="Check report data files (.yaml, .json) and grade "
                                          "tables (.csv) as build and compare read them.")
    validate.add_argument("inputs", nargs="+", type=Path, metavar="FILE")

    actions = sub.add_parser("actions", help="seed, check and summarise action plans")
    act = actions.add_subparsers(dest="actions_command", required=True, metavar="ACTION")
    init = act.add_parser("init", help="write a plan with one item per finding, or merge "
                                       "new findings into an existing plan")
    init.add_argument("report", type=Path, metavar="REPORT.yaml")
    init.add_argument("-o", "--out", type=Path, required=True, metavar="PLAN.yaml")
    init.add_argument("--published", type=_date,
                      help="publication date (YYYY-MM-DD), to date deadlines such as "
                           "'within six months'")
    status = act.add_parser("status", help="summarise a plan: counts, overdue, next due")
    status.add_argument("plan", type=Path, metavar="PLAN.yaml")
    status.add_argument("--report", type=Path, required=True, metavar="REPORT.yaml")
    status.add_argument("--as-of", type=_date, dest="as_of", help="as-of date (default today)")
    status.add_argument("--published", type=_date, help="publication date (YYYY-MM-DD)")
    status.add_argument("--format", choices=("text", "csv", "json"), default="text")
    from peeldocs.cli.register import add_import_action, add_register_parser

    add_import_action(act)
    add_register_parser(sub, _date)

    from peeldocs.cli.importing import add_import_parser

    add_import_parser(sub)

    from peeldocs.cli.compare import add_compare_parser
    from peeldocs.cli.export import add_parsers

    add_compare_parser(sub, _date)
    add_parsers(sub, _date)
    from peeldocs.cli.export import add_translations_parser

    add_translations_parser(sub)
    sub.add_parser("formats", help="list the installed renderers")
    accept_globals(parser)
    return parser


def _build(args: argparse.Namespace) -> int:
    import time

    from peeldocs.build.batch import build_many
    from peeldocs.build.registry import parse_formats
    from peeldocs.cli.usage import Progress
    from peeldocs.options import Options

    formats = parse_formats(args.format)  # unknown formats are usage errors, before any work
    if args.sections and args.document.strip().lower() != "pack":
        raise UsageError("--sections applies to the briefing pack only")
    kwargs: dict[str, object] = {"marking": args.marking, "published": args.published,
                                 "as_of": args.as_of, "document": args.document,
                                 "allow_unknown": args.allow_unknown, "language": args.language}
    for value, key in ((args.audience, "audience"), (args.sections, "sections"),
                       (args.theme, "theme"), (args.reference_docx, "reference_docx"),
                       (args.templates, "template_dir")):
        if value is not None:
            kwargs[key] = value
    if args.welsh_report is not None:  # the same report as published in Welsh
        from peeldocs.sources.loading import load_report

        kwargs["welsh_report"] = load_report(args.welsh_report)
    try:
        options = Options(**kwargs)  # type: ignore[arg-type]  # checked by Options
    except (OptionError, OptionTypeError) as exc:  # name the flag, not the field
        field, _, rest = str(exc).partition(": ")
        flags = {"template_dir": "--templates", "reference_docx": "--reference-docx"}
        flagged = f"{flags.get(field, '--' + field.replace('_', '-'))}: {rest}"
        if isinstance(exc, OptionFileError):  # the file is there but holds a data problem
            raise PeeldocsError(flagged) from None
        raise UsageError(flagged) from None
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    start = time.perf_counter()
    with Progress(len(args.inputs), quiet=args.quiet) as progress:
        try:
            results = build_many(args.inputs, formats, args.out, options=options,
                                 actions=str(args.actions) if args.actions else None,
                                 jobs=args.jobs, progress=progress.update,
                                 overwrite=args.overwrite,
                                 reads=[str(args.theme)] if args.theme else [])
        except KeyboardInterrupt:  # say what is done: those files are whole and kept
            print(f"peeldocs: {progress.interrupted(args.out)}", file=sys.stderr)
            return 130
    failed = [r for r in results if not r.ok]
    for result in failed:
        for problem in result.problems:
            print(problem, file=sys.stderr)
    if not args.quiet or failed:
        print(f"{len(results) - len(failed)} built, {len(failed)} failed in "
              f"{time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 1 if failed else 0


def _formats() -> int:
    from peeldocs.build.registry import available_renderers

    for name, origin in sorted(available_renderers().items()):
        print(f"{name}\t{origin}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (143 when terminated by SIGTERM)."""
    import signal

    terminated: list[int] = []

    def on_terminate(signum: int, _frame: object) -> None:
        terminated.append(signum)
        sys.exit(143)

    if argv is None:  # a real command line: a terminated build cleans up like an interrupted one
        signal.signal(signal.SIGTERM, on_terminate)
    code = _run(argv)
    # Python ignores an exception raised inside a finaliser (a ZipFile's __del__, say): a
    # termination that lands there still ends the command as terminated, never as a success.
    return 143 if terminated else code


def _run(argv: Sequence[str] | None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "validate":
            return run_validate(args.inputs, args.quiet)
        if args.command in ("schema", "export"):
            from peeldocs.cli.export import run_export, run_schema

            return run_schema(args) if args.command == "schema" else run_export(args)
        if args.command == "formats":
            return _formats()
        if args.command == "translations":
            from peeldocs.cli.export import run_translations

            return run_translations(args)
        if args.command == "build":
            return _build(args)
        if args.command == "import":
            from peeldocs.cli.importing import run_import

            return run_import(args)
        if args.command == "compare":
            from peeldocs.cli.compare import run_compare

            return run_compare(args, UsageError)
        if args.command == "register":
            from peeldocs.cli.register import run_register

            return run_register(args, UsageError)
        if args.command == "actions" and args.actions_command == "import":
            from peeldocs.cli.register import run_actions_import

            return run_actions_import(args)
        if args.command == "actions":
            from peeldocs.cli.register import run_actions

            return run_actions(args)
    except (UsageError, PeeldocsError) as exc:
        if args.debug:
            raise
        print(f"peeldocs: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, UsageError | LookupError | OptionError | OptionTypeError) else 1
    except OSError as exc:  # a file the user named could not be read or written
        if args.debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"peeldocs: {where}{(exc.strerror or str(exc)).lower()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("peeldocs: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line unless --debug asks for the traceback
        if args.debug:
            raise
        print(f"peeldocs: internal error: {type(exc).__name__}: {exc} "
              "(run with --debug for a traceback)", file=sys.stderr)
        return 1
    parser.error(f"unknown command {args.command!r}")  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
