"""``peeldocs import``: a published PEEL page (copied text or saved HTML) to a data file.

Notes on what was not found go to stderr.  Nothing a user wrote is lost: the
output never replaces the input, and replaces an existing file only when an
earlier ``peeldocs import`` wrote it (its first line says so) or with
``--overwrite``.  Exit codes: 0 done, 1 a data problem, 2 a usage mistake.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

MARK = "# Imported by peeldocs import from "
"""The first line of every file ``peeldocs import`` writes; only such files are replaced."""


def add_import_parser(sub: Any) -> None:
    """Add the ``import`` command to the CLI's subparsers."""
    imp = sub.add_parser("import", help="turn a published PEEL page (text or .html) into a "
                                        "data file")
    imp.add_argument("page", type=Path, metavar="PAGE", help="copied page text or saved .html")
    imp.add_argument("-o", "--out", type=Path, metavar="REPORT.yaml", help="where to write")
    imp.add_argument("--source", metavar="URL", help="the page's web address")
    imp.add_argument("--summary", action="store_true", help="print what was found as JSON")
    imp.add_argument("--explain", action="store_true",
                     help="print each judgment beside the words it was read from")
    imp.add_argument("--force", dest="force_name", metavar="NAME",
                     help="the force, when the page does not name it")
    imp.add_argument("--cycle", metavar="CYCLE", help="the PEEL cycle, e.g. 2017 or 2023-25")
    imp.add_argument("--pillar", choices=("effectiveness", "efficiency", "legitimacy"),
                     help="the pillar, when the page does not say")
    imp.add_argument("--overwrite", action="store_true",
                     help="replace an existing output file that peeldocs import did not write")
    from peeldocs.cli.inspection import add_inspection_options

    add_inspection_options(imp)


def _usage(message: str) -> int:
    print(f"peeldocs import: {message}", file=sys.stderr)
    return 2


def _may_write(out: Path, page: Path, overwrite: bool) -> str | None:
    """Return why ``out`` must not be written, or None when it may."""
    if out.resolve() == page.resolve():
        return f"{out} is the page being imported; write the data to another file"
    if out.is_dir():
        return f"{out} is a directory; give a file name such as {out / 'report.yaml'}"
    if out.exists() and not overwrite:
        try:
            with open(out, encoding="utf-8", errors="replace") as fh:
                first = fh.readline()
        except OSError as exc:
            return f"{out}: cannot read the existing file: {exc.strerror}"
        if not first.startswith(MARK):
            return (f"{out} exists and was not written by peeldocs import; it may hold your "
                    "edits: choose another name, or add --overwrite to replace it")
    return None


def run_import(args: argparse.Namespace) -> int:
    """Run ``peeldocs import``; return the exit code."""
    from peeldocs.importer import NotAPeelPageError, explain, import_page, summary
    from peeldocs.model import normalise_cycle
    from peeldocs.model.forces import UnknownForceError, match_force
    from peeldocs.sources.files import atomic_write, cannot_write
    from peeldocs.sources.loading import dump_report, parse_report

    if not (args.out or args.summary or args.explain):
        return _usage("give -o REPORT.yaml, --summary or --explain")
    if args.inspection and (args.explain or args.force_name or args.cycle or args.pillar):
        return _usage("--explain, --force, --cycle and --pillar apply to PEEL pages, not with "
                      "--inspection")
    force = cycle = None
    if args.force_name:
        try:
            force = match_force(args.force_name)
        except UnknownForceError as exc:
            return _usage(f"--force: {exc}")
    if args.cycle:
        cycle = normalise_cycle(args.cycle)
        if cycle is None:
            return _usage(f"--cycle: {args.cycle!r} is not a PEEL cycle; expected one of 2014, "
                          "2015, 2016, 2017, 2018/19, 2021/22, 2023-25, 2025-27")
    if args.source and not args.source.lower().startswith(("https://", "http://")):
        return _usage(f"--source: {args.source[:60]!r} is not a web address; give the page's "
                      "address, starting with https://")
    if args.out and (why := _may_write(args.out, args.page, args.overwrite)):
        return _usage(why)
    try:
        raw = args.page.read_bytes()
    except OSError as exc:
        print(f"{args.page}: cannot read the file: {exc.strerror}", file=sys.stderr)
        return 1
    if args.inspection:
        from peeldocs.cli.inspection import run_import_inspection

        return run_import_inspection(args, raw, MARK)
    if args.title or args.published:
        return _usage("--title and --published apply with --inspection")
    try:
        result = import_page(raw.decode("utf-8-sig", errors="replace"), args.source,
                             force=force, cycle=cycle, pillar=args.pillar)
    except NotAPeelPageError as exc:
        print(f"{args.page}: {exc}; nothing written", file=sys.stderr)
        return 1
    for note in result.notes:
        print(f"{args.page}: {note}", file=sys.stderr)
    text = dump_report(result.report)
    parse_report(text, str(args.out or args.page))  # what we write must load
    if args.out:
        source = f" ({args.source})" if args.source else ""
        header = (f"{MARK}{args.page.name}{source}; check it against the published report.\n"
                  "# Judgments keep the words they were read from (evidence); what the page did "
                  "not state is 'unknown'.\n"
                  "# Contains public sector information licensed under the Open Government "
                  "Licence v3.0.\n")
        try:
            atomic_write(args.out, (header + text).encode("utf-8"))
        except OSError as exc:
            raise cannot_write(args.out, exc) from exc
    if args.explain:
        print("\n".join(explain(result)))
    if args.summary:
        print(json.dumps(summary(result), indent=2, ensure_ascii=False))
    return 0
