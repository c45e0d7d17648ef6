"""Benchmark peeldocs against the bare engines, in one run, alternating.

    python bench/run.py [--rounds N]

Prints, per format, the median time per Norfolk pack for peeldocs and for the
bare engine script laying out the same content, their ratio, the page count
where known, and the time of a cold `import peeldocs`.  Run on demand; never
part of `make test` (timings on a shared 2-core machine are noisy, which is why
the routes alternate and medians are reported).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    report = peeldocs.load_report(HERE.parent / "data" / "norfolk-2018-effectiveness.yaml")
    data = load()
    options = Options()
    routes: dict[str, dict[str, Callable[[], bytes]]] = {
        "pdf": {
            "peeldocs": lambda: peeldocs.render(peeldocs.build_pack(report, options), "pdf", options),
            "bare reportlab": lambda: bare_reportlab.build(data),
        },
        "docx": {
            "peeldocs": lambda: peeldocs.render(peeldocs.build_pack(report, options), "docx", options),
            "bare python-docx": lambda: bare_docx.build(data),
        },
    }
    print(f"import peeldocs: {import_time() * 1000:.0f} ms (median of 5 cold starts)")
    print(f"{'format':6} {'route':18} {'median ms':>10} {'ratio':>6} {'pages':>6}")
    for fmt, funcs in routes.items():
        for fn in funcs.values():
            fn()  # warm up: fonts, templates, imports
        times: dict[str, list[float]] = {name: [] for name in funcs}
        outputs: dict[str, bytes] = {}
        for _ in range(args.rounds):
            for name, fn in funcs.items():
                t, outputs[name] = timed(fn)
                times[name].append(t)
        base = statistics.median(times[list(funcs)[1]])
        for name in funcs:
            med = statistics.median(times[name])
            count = str(pages(outputs[name])) if fmt == "pdf" else "-"
            print(f"{fmt:6} {name:18} {med * 1000:10.1f} {med / base:6.2f} {count:>6}")


if __name__ == "__main__":
    main()
