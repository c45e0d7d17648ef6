"""Benchmark peeldocs against the bare engines, in one run, alternating.

    python bench/run.py [--rounds N] [--batch] [--scale]

Per format: the median time per Norfolk pack for peeldocs and for scripts in
bench/ that lay out the same content with the bare engines (reportlab,
python-docx, and docxtpl when installed), their ratios and pages.  Also the
time of a cold `import peeldocs`.  With --batch: the 43-force batch with 1 and
2 jobs, and peak memory of a one-process batch.  With --scale: cost per pack
from 1 to 200 packs (linear means flat).  Run on demand, never in `make test`:
timings on a shared 2-core machine are noisy, hence alternation and medians.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

import bare_docx  # noqa: E402
import bare_reportlab  # noqa: E402
from content import load  # noqa: E402

import peeldocs  # noqa: E402
from peeldocs.options import Options  # noqa: E402


def timed(fn: Callable[[], bytes]) -> tuple[float, bytes]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def import_time() -> float:
    code = "import time; t=time.perf_counter(); import peeldocs; print(time.perf_counter()-t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(5)]
    return statistics.median(runs)


def pages(pdf: bytes) -> int:
    import io

    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def per_pack(rounds: int) -> None:
    report = peeldocs.load_report(HERE.parent / "data" / "norfolk-2018-effectiveness.yaml")
    data = load()
    options = Options()
    routes: dict[str, dict[str, Callable[[], bytes]]] = {
        "pdf": {
            "peeldocs": lambda: peeldocs.render(peeldocs.build_pack(report, options), "pdf", options),
            "bare reportlab": lambda: bare_reportlab.build(data),
            "bare reportlab, one pass": lambda: bare_reportlab.build_one_pass(data),
        },
        "docx": {
            "peeldocs": lambda: peeldocs.render(peeldocs.build_pack(report, options), "docx", options),
            "bare python-docx": lambda: bare_docx.build(data),
        },
        "html": {
            "peeldocs": lambda: peeldocs.render(peeldocs.build_pack(report, options), "html", options),
        },
    }
    try:
        import docxtpl_route

        template = docxtpl_route.make_template(Path(tempfile.mkdtemp()) / "t.docx")
        docxtpl_route.build(template, data)
        routes["docx"]["docxtpl"] = lambda: docxtpl_route.build(template, data)
    except ImportError:
        print("(docxtpl not installed: pip install docxtpl to add that route)")
    print(f"import peeldocs: {import_time() * 1000:.0f} ms (median of 5 cold starts)")
    print(f"{'format':6} {'route':26} {'median ms':>10} {'ratio':>6} {'pages':>6}")
    for fmt, funcs in routes.items():
        for fn in funcs.values():
            fn()  # warm up: fonts, templates, imports
        times: dict[str, list[float]] = {name: [] for name in funcs}
        outputs: dict[str, bytes] = {}
        for _ in range(rounds):
            for name, fn in funcs.items():
                t, outputs[name] = timed(fn)
                times[name].append(t)
        base_name = list(funcs)[1] if len(funcs) > 1 else next(iter(funcs))
        base = statistics.median(times[base_name])
        for name in funcs:
            med = statistics.median(times[name])
            count = str(pages(outputs[name])) if fmt == "pdf" else "-"
            print(f"{fmt:6} {name:26} {med * 1000:10.1f} {med / base:6.2f} {count:>6}")


def batch() -> None:
    from synthetic import write_reports

    from peeldocs.batch import build_many

    folder = Path(tempfile.mkdtemp())
    inputs = write_reports(folder / "in")
    for jobs in (1, 2, 1, 2):
        start = time.perf_counter()
        results = build_many(inputs, ["pdf", "docx", "html"], folder / f"out{jobs}", jobs=jobs)
        took = time.perf_counter() - start
        assert all(r.ok for r in results)
        print(f"batch of 43 (pdf+docx+html), jobs={jobs}: {took:.1f} s ({took / 43 * 1000:.0f} ms per force)")
    code = ("import sys, resource; sys.path.insert(0, 'tests'); from pathlib import Path; "
            "from peeldocs.batch import build_many; import glob; "
            f"build_many(sorted(glob.glob('{folder}/in/*.yaml')), ['pdf', 'docx'], "
            f"'{folder}/mem', jobs=1); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    peak_kb = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True, cwd=HERE.parent).stdout)
    print(f"peak memory, 43-force batch in one process: {peak_kb / 1024:.0f} MB")


def scale() -> None:
    from synthetic import forces, synthetic_report

    options = Options()
    reports = [synthetic_report(n, s, i) for i, (n, s) in enumerate(forces())]
    for count in (1, 10, 50, 200):
        start = time.perf_counter()
        for i in range(count):
            peeldocs.render(peeldocs.build_pack(reports[i % 43], options), "pdf", options)
        took = time.perf_counter() - start
        print(f"{count:4} packs: {took:6.2f} s, {took / count * 1000:5.0f} ms per pack")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--batch", action="store_true")
    parser.add_argument("--scale", action="store_true")
    args = parser.parse_args()
    per_pack(args.rounds)
    if args.batch:
        batch()
    if args.scale:
        scale()


if __name__ == "__main__":
    main()
