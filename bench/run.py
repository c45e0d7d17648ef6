"""Benchmark peeldocs against the bare engines, in one run, alternating.

    python bench/run.py [--rounds N] [--batch] [--scale [--scale-rounds N] [--quick]] [--json]

Per format: the median time per Norfolk pack for peeldocs and for scripts in
bench/ that lay out the same content with the bare engines (reportlab,
python-docx, and docxtpl when installed), their ratios and pages.  Ratios are
against the floor of each engine: "bare reportlab, one pass" (untagged, laid
out once) for PDF and docxtpl for DOCX.  --json prints the same figures as JSON;
`bench/table.py` turns that into the README's table.  Also the
time of a cold `import peeldocs`.  With --batch: the 43-force batch with 1 and
2 jobs, and peak memory of a one-process batch.  With --scale: cost per unit
from small to large for every format and document kind, as growth ratios
(bench/scale.py: questions, a long paragraph, comparison rows, packs in a row;
linear means flat).  Run on demand, never in `make test`:
timings on a shared 2-core machine are noisy, hence alternation and medians.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


BASELINES = {"pdf": "bare reportlab, one pass", "docx": "docxtpl", "html": "peeldocs"}


def per_pack(rounds: int, say: Callable[[str], None]) -> dict[str, Any]:
    """Time every route per format; ratios are against the format's baseline route."""
    report = peeldocs.load_report(HERE.parent / "data" / "norfolk-2018-effectiveness.yaml")
    data = load()  # the pack's content, made once, outside the timings
    options = Options()

    def ours(fmt: str) -> Callable[[], bytes]:
        return lambda: peeldocs.render(peeldocs.build_pack(report, options), fmt, options)

    routes: dict[str, dict[str, Callable[[], bytes]]] = {
        "pdf": {
            "peeldocs": ours("pdf"),
            "bare reportlab": lambda: bare_reportlab.build(data),
            "bare reportlab, one pass": lambda: bare_reportlab.build_one_pass(data),
        },
        "docx": {"peeldocs": ours("docx"), "bare python-docx": lambda: bare_docx.build(data)},
        "html": {"peeldocs": ours("html")},
    }
    try:
        import docxtpl_route

        template = docxtpl_route.make_template(Path(tempfile.mkdtemp()) / "t.docx")
        docxtpl_route.build(template, data)
        routes["docx"]["docxtpl"] = lambda: docxtpl_route.build(template, data)
    except ImportError:
        say("(docxtpl not installed: pip install docxtpl to add that route)")
    result: dict[str, Any] = {"rounds": rounds, "import_ms": round(import_time() * 1000, 1),
                              "formats": {}}
    say(f"import peeldocs: {result['import_ms']:.0f} ms (median of 5 cold starts)")
    say(f"{'format':6} {'route':26} {'median ms':>10} {'ratio':>6} {'pages':>6}")
    for fmt, funcs in routes.items():
        for fn in funcs.values():
            fn()  # warm up: fonts, templates, imports
        times: dict[str, list[float]] = {name: [] for name in funcs}
        outputs: dict[str, bytes] = {}
        for _ in range(rounds):
            for name, fn in funcs.items():
                t, outputs[name] = timed(fn)
                times[name].append(t)
        base_name = BASELINES[fmt] if BASELINES[fmt] in funcs else list(funcs)[-1]
        base = statistics.median(times[base_name])
        entry: dict[str, Any] = {"baseline": base_name, "routes": {}}
        for name in funcs:
            med = statistics.median(times[name])
            route: dict[str, Any] = {"median_ms": round(med * 1000, 1), "ratio": round(med / base, 2)}
            if fmt == "pdf":
                route["pages"] = pages(outputs[name])
            entry["routes"][name] = route
            say(f"{fmt:6} {name:26} {med * 1000:10.1f} {med / base:6.2f} {route.get('pages', '-'):>6}")
        result["formats"][fmt] = entry
    return result


def batch(say: Callable[[str], None]) -> dict[str, Any]:
    """Build the 43-force batch in every format with 1 and 2 jobs (best of two each)."""
    from synthetic import write_reports

    from peeldocs.build.batch import build_many

    formats = ["pdf", "docx", "html"]
    folder = Path(tempfile.mkdtemp())
    inputs = write_reports(folder / "in")
    best: dict[int, float] = {}
    cpu: dict[int, float] = {}
    for jobs in (1, 2, 1, 2):
        start, before = time.perf_counter(), os.times()
        results = build_many(inputs, formats, folder / f"out{jobs}", jobs=jobs)
        took, after = time.perf_counter() - start, os.times()
        assert all(r.ok for r in results)
        used = sum(getattr(after, f) - getattr(before, f)
                   for f in ("user", "system", "children_user", "children_system"))
        if took < best.get(jobs, float("inf")):
            best[jobs], cpu[jobs] = took, used
        say(f"batch of {len(inputs)} ({'+'.join(formats)}), jobs={jobs}: {took:.1f} s "
            f"({took / len(inputs) * 1000:.0f} ms per force, {used:.1f} s of CPU)")
    code = ("import sys, resource; sys.path.insert(0, 'tests'); from pathlib import Path; "
            "from peeldocs.build.batch import build_many; import glob; "
            f"build_many(sorted(glob.glob('{folder}/in/*.yaml')), {formats!r}, "
            f"'{folder}/mem', jobs=1); "
            # VmHWM is this process's own peak: ru_maxrss would start from the peak of the
            # parent it was forked from (Linux carries it across exec)
            "hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')]; "
            "print(hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    peak_kb = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True, cwd=HERE.parent).stdout)
    say(f"peak memory, {len(inputs)}-force batch in one process: {peak_kb / 1024:.0f} MB")
    return {"forces": len(inputs), "formats": formats, "jobs_1_s": round(best[1], 2),
            "jobs_2_s": round(best[2], 2), "speedup": round(best[1] / best[2], 2),
            "jobs_1_cpu_s": round(cpu[1], 2), "jobs_2_cpu_s": round(cpu[2], 2),
            "peak_memory_mb": round(peak_kb / 1024)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--batch", action="store_true")
    parser.add_argument("--scale", action="store_true")
    parser.add_argument("--scale-rounds", type=int, default=2,
                        help="rounds per size with --scale (the best counts)")
    parser.add_argument("--quick", action="store_true", help="with --scale: fewer, smaller sizes")
    parser.add_argument("--json", action="store_true",
                        help="print the medians and ratios as JSON (for bench/table.py)")
    args = parser.parse_args()
    say: Callable[[str], None] = (lambda line: None) if args.json else print
    result = per_pack(args.rounds, say)
    if args.batch:
        result["batch"] = batch(say)
    if args.scale:
        import scale

        result["scale"] = scale.measure(args.scale_rounds, args.quick, say)
    if args.json:
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
