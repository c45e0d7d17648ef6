"""``peeldocs import``: a published PEEL page, or an inspection's recommendations, to a data file.

Notes on what was not found go to stderr.  Nothing a user wrote is lost: the
output never replaces the page, and replaces an existing file only when
peeldocs wrote it and nobody has changed it since (the write rule of
:mod:`peeldocs.sources.written`), or with ``--overwrite``.  Exit codes: 0 done,
1 a data problem or a file that must not be replaced, 2 a usage mistake.

``peeldocs import --inspection`` reads a page of an inspection's recommendations
under the same rules: nothing a user wrote is replaced (only a file
an earlier ``peeldocs import`` wrote, or with ``--overwrite``), notes on what
was not read go to stderr, and the file says in its header what is unknown.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

UNSAFE_HEADER = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
"""Characters a header value (an address, a title) may not hold: they could start a new line."""
MARK = "# Imported by peeldocs import from "
"""The first line of every file ``peeldocs import`` writes."""


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
                     help="replace an existing output file that peeldocs did not write or "
                          "that was changed since (never the page)")
    add_inspection_options(imp)


def _usage(message: str) -> int:
    print(f"peeldocs import: {message}", file=sys.stderr)
    return 2


def run_import(args: argparse.Namespace) -> int:
    """Run ``peeldocs import``; return the exit code."""
    from peeldocs.errors import DataError
    from peeldocs.importer import NotAPeelPageError, explain, import_page, summary
    from peeldocs.importer.decoding import MAX_PAGE_BYTES, decode_page
    from peeldocs.model import normalise_cycle
    from peeldocs.model.forces import UnknownForceError, match_force
    from peeldocs.sources.loading import MAX_BYTES, parse_report, read_limited
    from peeldocs.sources.schema import dump_report
    from peeldocs.sources.written import refusal, write_file

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
    if args.source and (bad := UNSAFE_HEADER.search(args.source)):
        return _usage(f"--source: {args.source[:60]!r} holds a line break or control character "
                      f"({bad.group(0)!r}); give the page's address on one line")
    if args.out and (why := refusal(args.out, [args.page], args.overwrite)):
        print(f"peeldocs import: {why}", file=sys.stderr)
        return 1  # before the page is read: nothing is lost, nothing is half done
    try:
        raw, _name = read_limited(args.page, MAX_PAGE_BYTES, "pages")
    except DataError as exc:
        print("\n".join(str(p) for p in exc.problems), file=sys.stderr)
        return 1
    if args.inspection:
        return run_import_inspection(args, raw, MARK)
    if args.title or args.published:
        return _usage("--title and --published apply with --inspection")
    try:
        page_text, how = decode_page(raw)
        result = import_page(page_text, args.source, force=force, cycle=cycle,
                             pillar=args.pillar)
    except NotAPeelPageError as exc:
        print(f"{args.page}: {exc}; nothing written", file=sys.stderr)
        return 1
    for note in [how] * bool(how) + result.notes:
        print(f"{args.page}: {note}", file=sys.stderr)
    if args.out:  # only a file is dumped and read back (--summary needs neither)
        text = dump_report(result.report)
        parse_report(text, str(args.out))  # what we write must load
        source = f" ({json.dumps(args.source)})" if args.source else ""
        header = (f"{MARK}{json.dumps(args.page.name)[1:-1]}{source}; check it against the "
                  "published report.\n"
                  "# Judgments keep the words they were read from (evidence); what the page did "
                  "not state is 'unknown'.\n"
                  "# Contains public sector information licensed under the Open Government "
                  "Licence v3.0.\n")
        data = (header + text).encode("utf-8")
        if len(data) > MAX_BYTES:  # it could not be read back: say so, write nothing
            print(f"{args.page}: the data file would be {len(data) / 1048576:.1f} MB; data files "
                  f"are limited to {MAX_BYTES // 1048576} MB; nothing written", file=sys.stderr)
            return 1
        write_file(args.out, data, [args.page], args.overwrite)
    if args.explain:
        print("\n".join(explain(result)))
    if args.summary:
        print(json.dumps(summary(result), indent=2, ensure_ascii=False))
    return 0


KINDS = ("national-thematic", "joint", "force-inspection", "revisit-letter")


def add_inspection_options(imp: argparse.ArgumentParser) -> None:
    """Add the options that make ``peeldocs import`` read an inspection's recommendations."""
    imp.add_argument("--inspection", nargs="?", const="detect", choices=(*KINDS, "detect"),
                     metavar="KIND",
                     help="the page is an inspection other than PEEL (national-thematic, "
                          "joint, force-inspection, revisit-letter; read from the page when "
                          "not given): write its recommendations, areas for improvement and "
                          "causes of concern")
    imp.add_argument("--title", metavar="TEXT",
                     help="with --inspection: the report's title, when the page does not "
                          "start with it")
    imp.add_argument("--published", metavar="YYYY-MM-DD",
                     help="with --inspection: the publication date, when the page does not "
                          "give it")


def run_import_inspection(args: argparse.Namespace, raw: bytes, header_mark: str) -> int:
    """Read the page as an inspection and write it; return the exit code."""
    from datetime import date

    from peeldocs.importer import NotAPeelPageError
    from peeldocs.plans.inspection import InspectionKind
    from peeldocs.plans.inspection_files import dump_inspection, parse_inspection
    from peeldocs.plans.inspection_reader import NoTitleError, read_inspection
    from peeldocs.sources.written import write_file

    kind = None if args.inspection == "detect" else InspectionKind(
        args.inspection.replace("-", " "))
    published = None
    if args.published:
        try:
            published = date.fromisoformat(args.published)
        except ValueError:
            print(f"peeldocs import: --published: {args.published!r} is not a date "
                  "(YYYY-MM-DD)", file=sys.stderr)
            return 2
    try:
        result = read_inspection(raw.decode("utf-8-sig", errors="replace"), args.source,
                                 title=args.title, kind=kind, published=published)
    except NoTitleError as exc:
        print(f"{args.page}: {exc} with --title; nothing written", file=sys.stderr)
        return 1
    except NotAPeelPageError as exc:  # a saved page that cannot be read whole
        print(f"{args.page}: {exc}; nothing written", file=sys.stderr)
        return 1
    for note in result.notes:
        print(f"{args.page}: {note}", file=sys.stderr)
    insp = result.inspection
    text = dump_inspection(insp)
    parse_inspection(text, str(args.out or args.page))  # what we write must load
    if args.out:
        unknown = [what for what, missing in (
            ("the kind of inspection", insp.kind is InspectionKind.UNKNOWN),
            ("the publication date", insp.published is None),
            ("the items", not insp.items_read),
            ("whom some items are addressed to",
             any(i.addressed_to.value == "unknown" for i in insp.items))) if missing]
        source = f" ({json.dumps(args.source)})" if args.source else ""  # quoted: no new keys
        unplaced = "".join(f"#   {' '.join(block[:90].split())}\n"  # one comment line each
                           for block in result.unplaced)
        header = (f"{header_mark}{json.dumps(args.page.name)[1:-1]}{source}; check it against "
                  "the published "
                  "report.\n# Items are verbatim; "
                  + (f"not read, so unknown: {'; '.join(unknown)}.\n" if unknown
                     else "nothing the reader looks for was left unread.\n" if not unplaced
                     else "check the blocks below.\n")
                  + (f"# Not read as items, though they read like items (check them):\n"
                     f"{unplaced}" if unplaced else "")
                  + ("# CONSTRUCTED EXAMPLE: not HMICFRS text.\n" if insp.illustrative else
                     "# Contains public sector information licensed under the Open Government "
                     "Licence v3.0.\n"))
        write_file(args.out, (header + text).encode("utf-8"), [args.page], args.overwrite)
    if args.summary:
        print(json.dumps({
            "title": insp.title, "kind": insp.kind.value,
            "published": insp.published.isoformat() if insp.published else "unknown",
            "items": [{"id": i.id, "kind": i.kind.value, "addressed_to": i.addressed_to.value,
                       "tracked": i.tracked, "deadline": i.deadline} for i in insp.items]
            if insp.items_read else "unknown",
        }, indent=2, ensure_ascii=False))
    return 0
