"""The Norfolk content as plain data, read without peeldocs, for the bare-engine scripts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent.parent / "data" / "norfolk-2018-effectiveness.yaml"


def load() -> dict[str, Any]:
    with open(DATA, encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def outline(data: dict[str, Any]) -> list[tuple[str, Any]]:
    """The same content the pack lays out, as (kind, payload) items."""
    items: list[tuple[str, Any]] = [("title", f"{data['force']['name']}: PEEL {data['cycle']} "
                                              f"{data['pillar']}")]
    items.append(("table", [["Force", data["force"]["name"]], ["Inspection", data["cycle"]],
                            ["Pillar", data["pillar"]], ["Report page", data["title"]],
                            ["Judgment", data["judgment"].get("grade", "")]]))
    items += [("break", None), ("toc", None), ("break", None), ("h1", "Executive summary")]
    rows = [["No.", "Question", "Judgment"]]
    for q in data["questions"]:
        j = q["judgment"]
        rows.append([str(q["number"]), q["title"], (j.get("grade") or j["status"]).capitalize()])
    items.append(("table", rows))
    items += [("p", p) for p in data["summary"]]
    items.append(("table", [["Year", "Earlier finding", "Outcome"]] + [
        [p["cycle"], p["text"], p["outcome"]] for p in data.get("prior_findings", [])]))
    compared = [f for f in data["key_figures"] if f.get("comparator_value") is not None]
    items.append(("chart", [(f["label"], f["value"], f["comparator_value"]) for f in compared]))
    items += [("break", None), ("h1", "Findings by question")]
    for q in data["questions"]:
        items.append(("h2", f"Question {q['number']}: {q['title']}"))
        items += [("bullet", a["text"]) for a in q.get("areas_for_improvement", [])]
        items += [("p", p) for p in q.get("intro", [])]
        for s in q.get("findings", []):
            if s.get("heading"):
                items.append(("h3", s["heading"]))
            items += [("p", p) for p in s["paragraphs"]]
        figs = [["Figure", "Value", "Period"]] + [
            [f["label"], str(f["value"]), f.get("period") or ""]
            for f in data["key_figures"] if f.get("question") == q["number"]]
        if len(figs) > 1:
            items.append(("table", figs))
    items += [("break", None), ("h1", "Action plan")]
    plan = [["Ref", "Finding", "Owner", "Due", "Status"]]
    for q in data["questions"]:
        for a in q.get("areas_for_improvement", []):
            plan.append([a["id"], a["text"], "To be assigned", "To be assigned", "Awaiting"])
    items.append(("table", plan))
    return items
