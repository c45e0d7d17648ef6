"""Print a SHA-256 for every document kind in every format, for a refactor that must not move a byte.

Run before and after a change and compare the two listings:
``SOURCE_DATE_EPOCH=1700000000 .venv/bin/python tools/output_hashes.py > before.txt``.
Inputs: the Norfolk report with its action plan, the example force assessment, an
imported real overview (Cheshire 2018/19, built with unknowns allowed) and two comparisons.
"""

from __future__ import annotations

import hashlib
import sys
from datetime import date
from pathlib import Path

import peeldocs
from peeldocs.importer import import_page

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("pdf", "docx", "html")
KINDS = ("pack", "brief", "committee", "s55")


def main() -> int:
    norfolk = peeldocs.load_report(ROOT / "data/norfolk-2018-effectiveness.yaml")
    plan = peeldocs.load_plan(ROOT / "examples/norfolk-2018-action-plan.yaml", norfolk,
                              as_of=date(2019, 10, 15))
    assessment = peeldocs.load_report(ROOT / "examples/exampleshire-2023-25-assessment.yaml")
    overview = import_page((ROOT / "tests/fixtures/real/cheshire-2018-19-overview.txt")
                           .read_text(encoding="utf-8")).report
    cases = [("norfolk+plan", norfolk, {"plan": plan}), ("norfolk", norfolk, {}),
             ("assessment", assessment, {}), ("overview", overview, {"allow_unknown": True})]
    for label, report, extra in cases:
        for kind in KINDS:
            options = peeldocs.Options(document=kind, marking="OFFICIAL", as_of="2019-10-15", **extra)
            pack = peeldocs.build_pack(report, options)
            for fmt in FORMATS:
                digest = hashlib.sha256(peeldocs.render(pack, fmt)).hexdigest()
                print(f"{label:14} {kind:10} {fmt:5} {digest}")
    comparisons = {"cycles": [ROOT / "tests/fixtures/compare/constructed-norfolk-cycles.csv"],
                   "pillars": [ROOT / "tests/fixtures/compare/constructed-2018-19-pillars.csv"],
                   "areas": [ROOT / "tests/fixtures/compare/constructed-2021-22-areas.csv"]}
    for label, inputs in comparisons.items():
        pack = peeldocs.compare(inputs)
        for fmt in FORMATS:
            digest = hashlib.sha256(peeldocs.render(pack, fmt)).hexdigest()
            print(f"{'compare-' + label:14} {'compare':10} {fmt:5} {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
