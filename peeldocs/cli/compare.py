"""``peeldocs compare`` and ``validate``: a comparison pack, and data files checked before a build.

Exit codes as for ``build``: 0 written, 1 the inputs have problems (each
printed as ``FILE:LINE: column: message``), 2 a usage mistake (an unknown
format, a focus force that is not a force or not in the inputs).

``peeldocs validate`` checks data files and grade tables before a build or a
comparison.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from peeldocs.errors import DataError


def add_compare_parser(sub: Any, date_type: Callable[[str], date]) -> None:
    """Add the ``compare`` command to the ``peeldocs`` sub-command parser."""
    cmp = sub.add_parser(
        "compare", help="compare forces within a cycle and one force across cycles",
        description="Build a comparison pack from grade tables (CSV with the header "
                    "force,cycle,pillar,question,grade,status,source; source is HMICFRS or "
                    "constructed) and report data files.")
    cmp.add_argument("inputs", nargs="+", type=Path, metavar="INPUT",
                     help="grade tables (.csv) and report data files (.yaml)")
    cmp.add_argument("--format", default="pdf", help="comma-separated formats (default: pdf)")
    cmp.add_argument("--out", type=Path, default=Path("out"), help="output folder")
    cmp.add_argument("--focus", metavar="FORCE",
                     help="the force to highlight and follow across cycles")
    cmp.add_argument("--title", metavar="TEXT", help="the pack's title")
    cmp.add_argument("--marking", default="", help="protective marking, e.g. OFFICIAL")
    cmp.add_argument("--audience", default=None, help="who the pack is for")
    cmp.add_argument("--as-of", type=date_type, dest="as_of",
                     help="the date the pack is prepared as of, shown on its cover (YYYY-MM-DD; "
                          "default: the day it is built, said to be so)")
    cmp.add_argument("--overwrite", action="store_true",
                     help="replace existing outputs that peeldocs did not write or that were "
                          "changed since (never an input)")


def run_compare(args: argparse.Namespace, usage_error: type[Exception]) -> int:
    """Run ``peeldocs compare``; return the exit code."""
    from peeldocs.build.output import write_pack_files
    from peeldocs.build.registry import get_renderer, parse_formats
    from peeldocs.comparisons.loading import load_comparison
    from peeldocs.comparisons.model import Origin
    from peeldocs.comparisons.pack import build_comparison, focus_force, pack_stem
    from peeldocs.errors import PeeldocsError
    from peeldocs.options import Options, marking_from_text
    from peeldocs.prose import counted

    renderers = [get_renderer(name) for name in parse_formats(args.format)]  # usage errors
    try:
        focus = focus_force(args.focus) if args.focus else None
    except ValueError as exc:
        raise usage_error(f"--focus: {exc}") from exc
    kwargs: dict[str, Any] = {"marking": marking_from_text(args.marking)}
    if args.audience:
        kwargs["audience"] = args.audience
    if args.as_of:
        kwargs["as_of"] = args.as_of
    options = Options(**kwargs)
    try:
        data = load_comparison(args.inputs)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"peeldocs: {counted(len(exc.problems), 'problem')} in the inputs; nothing "
              "written", file=sys.stderr)
        return 1
    for summary in data.inputs:
        if summary.origin is Origin.NOT_STATED:
            print(f"peeldocs: {summary.path} does not say where its grades come from (add a "
                  "'source' column: HMICFRS or constructed); the pack says so", file=sys.stderr)
    if focus is not None and focus.name not in {f.name for f in data.forces()}:
        raise usage_error(f"--focus: {focus.name} is not in the inputs")
    try:
        pack = build_comparison(data, focus, args.title, options)
    except PeeldocsError as exc:
        print(f"peeldocs: {exc}", file=sys.stderr)
        return 1
    written = write_pack_files(pack, renderers, options, args.out, pack_stem(data, focus),
                               args.inputs, args.overwrite)
    for path in () if args.quiet else written:
        print(path, file=sys.stderr)
    return 0


def run_validate(inputs: Sequence[Path], quiet: bool = False) -> int:
    """Check report, plan-subject and grade-table files; print each problem; return the exit code.

    A grade table (``.csv``) is checked as ``peeldocs compare`` reads it; any
    other file as a report or an inspection, with the facts an import could not
    find counted apart from files that fail.  Exit 1 when any file failed or has
    unknown facts, else 0.
    """
    from peeldocs.comparisons.loading import grade_table_problems
    from peeldocs.plans.inspection import Inspection
    from peeldocs.plans.inspection_files import inspection_unknowns, load_subject
    from peeldocs.sources.unknowns import unknowns_in_file

    failed = incomplete = 0
    for path in inputs:
        if path.suffix.lower() == ".csv":  # a grade table, checked as a comparison reads it
            problems = grade_table_problems(path)
            failed += bool(problems)
            for problem in problems:
                print(problem, file=sys.stderr)
            continue
        try:
            subject = load_subject(path)  # a report, or an inspection other than PEEL
            unknown = inspection_unknowns(path, subject) if isinstance(subject, Inspection) \
                else unknowns_in_file(path, subject)
        except DataError as exc:
            failed += 1
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            continue
        incomplete += bool(unknown)
        for problem in unknown:
            print(problem, file=sys.stderr)
    ok = len(inputs) - failed - incomplete
    unknowns = f", {incomplete} with unknown facts" if incomplete else ""
    if quiet and not (failed or incomplete):
        return 0
    print(f"{ok} valid, {failed} invalid{unknowns}", file=sys.stderr)
    return 1 if failed or incomplete else 0
