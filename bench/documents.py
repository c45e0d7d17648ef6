"""Time the brief, the committee paper and the s.55 response: build (with fitting) and render.

    python bench/documents.py [--rounds N] [--language cy+en]

The brief's build includes fitting it to one page, which lays the PDF out a
few times (bisection over levels of detail); the others build without layout.
Run on demand, never in `make test`; medians of N rounds.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from docread import norfolk_plan, synthetic_assessment, with_concerns  # noqa: E402
from synthetic import synthetic_report  # noqa: E402

import peeldocs  # noqa: E402
from peeldocs.options import Options  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--language", default="en", help="en, cy, cy+en or en+cy")
    args = parser.parse_args()
    rounds = args.rounds
    norfolk = peeldocs.load_report(HERE.parent / "data" / "norfolk-2018-effectiveness.yaml")
    cases = [("Norfolk + plan", norfolk, norfolk_plan(norfolk)),
             ("2023-25 assessment", synthetic_assessment(3), Options()),
             ("500 questions", with_concerns(synthetic_report("Test", "Test", 7, 500), 60),
              Options())]
    print(f"{'report':20} {'document':10} {'build ms':>9} {'pdf ms':>7} {'docx ms':>8} "
          f"{'html ms':>8}")
    for name, report, base in cases:
        for kind in ("brief", "committee", "s55"):
            options = dataclasses.replace(base, document=kind, language=args.language)
            times: dict[str, list[float]] = {"build": [], "pdf": [], "docx": [], "html": []}
            for _ in range(rounds):
                start = time.perf_counter()
                pack = peeldocs.build_pack(report, options)
                times["build"].append(time.perf_counter() - start)
                for fmt in ("pdf", "docx", "html"):
                    start = time.perf_counter()
                    peeldocs.render(pack, fmt, options)
                    times[fmt].append(time.perf_counter() - start)
            ms = {k: statistics.median(v) * 1000 for k, v in times.items()}
            print(f"{name:20} {kind:10} {ms['build']:9.0f} {ms['pdf']:7.0f} {ms['docx']:8.0f} "
                  f"{ms['html']:8.0f}")


if __name__ == "__main__":
    main()
