"""Turn `bench/run.py --json` output into the README's benchmark table.

    python bench/run.py --batch --scale --json > /tmp/bench.json
    python bench/table.py /tmp/bench.json                 # print the Markdown
    python bench/table.py /tmp/bench.json --readme README.md   # replace it in the README

The README keeps the generated part between `<!-- bench:start -->` and
`<!-- bench:end -->`; nothing outside the markers is touched.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
NAMES = {"pdf": "PDF", "docx": "DOCX", "html": "HTML"}


def markdown(result: dict[str, Any]) -> str:
    lines = ["| format | route | ms per pack | ratio |", "|---|---|---|---|"]
    for fmt, entry in result["formats"].items():
        for name, route in entry["routes"].items():
            label = NAMES[fmt]
            if "pages" in route:
                tagged = ", tagged" if name == "peeldocs" else ""
                label += f" ({route['pages']} pages{tagged})"
            ratio = f"{route['ratio']:.2f}" if len(entry["routes"]) > 1 else ""
            lines.append(f"| {label} | {name} | {route['median_ms']:.0f} | {ratio} |")
    lines.append("")
    bases = ", ".join(f"{NAMES[f]}: {e['baseline']}" for f, e in result["formats"].items()
                      if len(e["routes"]) > 1)
    lines.append(f"Ratios are against the floor of each engine ({bases}), medians of "
                 f"{result['rounds']} rounds in one run.")
    lines.append("")
    lines.append(f"- `import peeldocs`: {result['import_ms']:.0f} ms (reportlab and python-docx "
                 "load only when a renderer runs).")
    if "batch" in result:
        b = result["batch"]
        formats = ", ".join(NAMES[f] for f in b["formats"])
        lines.append(f"- {b['forces']}-force batch, {formats}: {b['jobs_1_s']:.1f} s with 1 job, "
                     f"{b['jobs_2_s']:.1f} s with 2 jobs ({b['speedup']:.2f}x; best of two each).")
        if "jobs_1_cpu_s" in b:
            lines.append(f"  CPU time {b['jobs_1_cpu_s']:.1f} s and {b['jobs_2_cpu_s']:.1f} s: the "
                         "speed-up is only as good as the second core is free.")
        lines.append(f"- Peak memory of the {b['forces']}-force batch in one process: "
                     f"{b['peak_memory_mb']} MB.")
    if "scale" in result:
        lines += ["", *scale_table(result["scale"])]
    return "\n".join(lines) + "\n"


def scale_table(scale: dict[str, Any]) -> list[str]:
    """The growth table: cost per unit at the smallest size, and at each size over it."""
    lines = ["Cost per unit from small to large (`--scale`): the growth is the cost per unit "
             "at a size over the cost per unit at the smallest size; 1.00 is linear. "
             f"{scale.get('clock', 'Time')}, best of {scale['rounds']} rounds in one run.", "",
             "| input | format | unit | ms per unit at the smallest | growth by size |",
             "|---|---|---|---|---|"]
    for s in scale["series"]:
        growth = ", ".join(f"{g:.2f} at {size:,}" for size, g in
                           zip(s["sizes"][1:], s["growth"][1:], strict=True))
        lines.append(f"| {s['name']} ({s['sizes'][0]:,} to {s['sizes'][-1]:,}) | "
                     f"{NAMES[s['format']]} | {s['unit']} | {s['ms_per_unit'][0]:.3g} | {growth} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("json_file", nargs="?", help="output of run.py --json (default: stdin)")
    parser.add_argument("--readme", type=Path, help="replace the table between the markers here")
    args = parser.parse_args()
    text = Path(args.json_file).read_text() if args.json_file else sys.stdin.read()
    table = markdown(json.loads(text))
    if not args.readme:
        sys.stdout.write(table)
        return
    readme = args.readme.read_text(encoding="utf-8")
    if START not in readme or END not in readme:
        sys.exit(f"{args.readme}: no {START} ... {END} markers")
    head, rest = readme.split(START, 1)
    tail = rest.split(END, 1)[1]
    args.readme.write_text(f"{head}{START}\n{table}{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
