"""Cost per unit from small to large, for every format and document kind: linear means flat.

    python bench/scale.py [--rounds N] [--quick] [--json]      (also: bench/run.py --scale)

Three kinds of growth, each in PDF, DOCX and HTML:

- documents: the briefing pack, one-page brief, committee paper and s.55
  response of a synthetic report of 25 to 400 questions with ten areas for
  improvement each; the unit is a question;
- a paragraph: one finding of 50 to 800 KB; the unit is a kilobyte;
- a comparison: a grade table of 100 to 10,000 rows; the unit is a row;
- packs in one process: 1 to 200 of the 43 synthetic forces' packs, one after
  another; the unit is a pack.

Each figure is the best of ``rounds`` timings of building and rendering from the
loaded input, divided by the size.  The time is the process's CPU time
(``time.process_time``, garbage collection included): on a machine shared with
other work the wall clock measures the other work too, and the rounds go
through every size in turn so what load remains falls on small and large alike.
The inputs are made before the clock starts and kept out of the garbage
collector's generations (``gc.freeze``); each job starts after a collection.  The growth is
the cost per unit at a size over the cost per unit at the smallest size: 1.00
is linear, 2.00 at eight times the size is quadratic on the way.  The brief is
one page at any size, so its cost per question falls.  Run on demand, never in
`make test`.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from synthetic import (  # noqa: E402
    forces,
    long_paragraph,
    synthetic_report,
    with_long_finding,
    with_ten_findings,
)

import peeldocs  # noqa: E402
from peeldocs.options import Options  # noqa: E402

FORMATS = ("pdf", "docx", "html")
KINDS = ("pack", "brief", "committee", "s55")
QUESTIONS = (25, 50, 100, 200, 400)
KILOBYTES = (50, 100, 200, 400, 800)
ROWS = (100, 1000, 10_000)
PACKS = (1, 10, 50, 200)
QUICK = {"questions": (25, 50, 200), "kilobytes": (50, 200), "rows": (100, 1000),
         "packs": (1, 10, 50)}
GRADES = ("outstanding", "good", "requires improvement", "inadequate")
PILLARS = ("effectiveness", "efficiency", "legitimacy")

Job = Callable[[], bytes]


def grade_table(rows: int, folder: Path) -> Path:
    """Write a constructed 2018/19 grade table of ``rows`` rows.

    Every force's pillar grades first, then their question 1, question 2, and so on.
    """
    rng = random.Random(rows)
    names = [name for name, _short in forces()]
    path = folder / f"grades-{rows}.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["force", "cycle", "pillar", "question", "grade", "status", "source"])
        written, question = 0, 0
        while written < rows:
            for pillar in PILLARS:
                for name in names:
                    if written == rows:
                        break
                    out.writerow([name, "2018/19", pillar, question or "", rng.choice(GRADES),
                                  "", "constructed"])
                    written += 1
            question += 1
    return path


def series(sizes: dict[str, tuple[int, ...]], folder: Path) -> list[dict[str, Any]]:
    """Return every series: its name, unit, sizes and, per format and size, the job to time."""
    out: list[dict[str, Any]] = []
    reports = {n: with_ten_findings(synthetic_report("Test Constabulary", "Test", 7, n))
               for n in sizes["questions"]}
    for kind in KINDS:
        options = Options(document=kind)

        def document(n: int, fmt: str, options: Options = options) -> Job:
            return lambda: peeldocs.render(peeldocs.build_pack(reports[n], options), fmt, options)

        out.append({"name": kind, "unit": "question", "sizes": sizes["questions"],
                    "jobs": {fmt: {n: document(n, fmt) for n in sizes["questions"]}
                             for fmt in FORMATS}})
    paragraphs = {k: with_long_finding(long_paragraph(k)) for k in sizes["kilobytes"]}

    def paragraph(k: int, fmt: str) -> Job:
        return lambda: peeldocs.render(peeldocs.build_pack(paragraphs[k], Options()), fmt)

    out.append({"name": "long paragraph", "unit": "KB", "sizes": sizes["kilobytes"],
                "jobs": {fmt: {k: paragraph(k, fmt) for k in sizes["kilobytes"]}
                         for fmt in FORMATS}})
    tables = {r: grade_table(r, folder) for r in sizes["rows"]}

    def comparison(r: int, fmt: str) -> Job:
        return lambda: peeldocs.render(peeldocs.compare([tables[r]]), fmt)

    out.append({"name": "comparison", "unit": "row", "sizes": sizes["rows"],
                "jobs": {fmt: {r: comparison(r, fmt) for r in sizes["rows"]} for fmt in FORMATS}})
    many = [synthetic_report(name, short, i) for i, (name, short) in enumerate(forces())]

    def packs(count: int, fmt: str) -> Job:
        return lambda: b"".join(peeldocs.render(peeldocs.build_pack(many[i % len(many)]), fmt)
                                for i in range(count))

    out.append({"name": "packs in a row", "unit": "pack", "sizes": sizes["packs"],
                "jobs": {fmt: {c: packs(c, fmt) for c in sizes["packs"]} for fmt in FORMATS}})
    return out


def measure(rounds: int, quick: bool, say: Callable[[str], None]) -> dict[str, Any]:
    """Time every series; return cost per unit and growth per series and format."""
    sizes = QUICK if quick else {"questions": QUESTIONS, "kilobytes": KILOBYTES, "rows": ROWS,
                                 "packs": PACKS}
    folder = Path(tempfile.mkdtemp())
    all_series = series(sizes, folder)
    best: dict[tuple[int, str, int], float] = {}
    for s in all_series:  # warm up: fonts, templates, imports
        for fmt in FORMATS:
            s["jobs"][fmt][s["sizes"][0]]()
    # the inputs stay out of the collector's way: a collection that walks every input
    # held for the run would be charged to whichever job happens to trigger it
    gc.collect()
    gc.freeze()
    for _round in range(rounds):
        for i, s in enumerate(all_series):
            for size in s["sizes"]:
                for fmt in FORMATS:
                    gc.collect()  # each job starts with no garbage of the one before
                    start = time.process_time()
                    s["jobs"][fmt][size]()
                    took = time.process_time() - start
                    key = (i, fmt, size)
                    best[key] = min(best.get(key, took), took)
    result: dict[str, Any] = {"rounds": rounds, "clock": "CPU time", "series": []}
    say(f"{'series':16} {'format':6} {'unit':9} {'ms per unit, smallest to largest':44} growth")
    for i, s in enumerate(all_series):
        for fmt in FORMATS:
            per_unit = [best[(i, fmt, size)] * 1000 / size for size in s["sizes"]]
            growth = [round(p / per_unit[0], 2) for p in per_unit]
            result["series"].append({"name": s["name"], "format": fmt, "unit": s["unit"],
                                     "sizes": list(s["sizes"]),
                                     "ms_per_unit": [round(p, 3) for p in per_unit],
                                     "growth": growth})
            figures = " ".join(f"{p:.3g}" for p in per_unit)
            say(f"{s['name']:16} {fmt:6} {s['unit']:9} {figures:44} "
                f"{growth[-1]:.2f} ({s['sizes'][0]} to {s['sizes'][-1]})")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="fewer and smaller sizes")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    say: Callable[[str], None] = (lambda line: None) if args.json else print
    result = measure(args.rounds, args.quick, say)
    if args.json:
        print(json.dumps({"scale": result}, indent=2))


if __name__ == "__main__":
    main()
