"""``peeldocs import --inspection``: a page of an inspection's recommendations to a data file.

The same rules as a PEEL import: nothing a user wrote is replaced (only a file
an earlier ``peeldocs import`` wrote, or with ``--overwrite``), notes on what
was not read go to stderr, and the file says in its header what is unknown.
"""

from __future__ import annotations

import argparse
import json
import sys

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
