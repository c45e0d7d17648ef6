"""``peeldocs translations``: what of the Welsh catalogue no translator has reviewed, and what is missing.

Without a report it lists the catalogue's unreviewed messages; with reports it
lists the wording their documents show in English for want of a translation.
``--write FILE.po`` writes the catalogue with that missing wording added, for a
translator to work in (an existing file is replaced only with ``--overwrite``).
Exit codes: 0 done, 1 a data problem, 2 a usage mistake.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


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
