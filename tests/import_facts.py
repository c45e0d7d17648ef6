"""The facts real PEEL page beginnings state, and a scorer: facts read, and wrong definite values.

The pages are in ``tests/fixtures/real/`` (short verbatim beginnings of published
HMICFRS pages; sources and the licence in the README there).  ``None`` as an
expected value means the page does not state the fact: the import must say
unknown (never a definite value).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peeldocs.importer import ImportResult, import_page

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
BASE = "https://hmicfrs.justiceinspectorates.gov.uk"

OVERVIEW = ("effectiveness", "efficiency", "legitimacy")


def _overview(force: str, cycle: str, grades: tuple[str, str, str]) -> dict[str, Any]:
    return {"force": force, "cycle": cycle, "kind": "overview",
            **{f"pillar {p}": g for p, g in zip(OVERVIEW, grades, strict=True)}}


def _assessment(force: str, cycle: str) -> dict[str, Any]:
    return {"force": force, "cycle": cycle, "kind": "assessment",
            "area Victim service assessment": "ungraded", "other areas": None}


EXPECTED: dict[str, tuple[str | None, dict[str, Any]]] = {
    "durham-2016-overview.txt": (None, _overview("Durham Constabulary", "2016",
                                                 ("not yet graded", "outstanding", "good"))),
    "durham-2016-efficiency.txt": (
        f"{BASE}/peel-assessments/peel-2016/durham/efficiency/",
        {"force": "Durham Constabulary", "cycle": "2016", "kind": "pillar",
         "pillar": "efficiency", "judgment": "outstanding"}),
    "durham-2017-efficiency.txt": (None, {
        "force": "Durham Constabulary", "cycle": "2017", "kind": "pillar",
        "pillar": "efficiency", "judgment": "outstanding"}),
    "durham-2018-efficiency.txt": (None, {
        "force": "Durham Constabulary", "cycle": "2018/19", "kind": "pillar",
        "pillar": "efficiency", "judgment": "outstanding", "question 1": "carried over 2017",
        "question 2": None}),
    "cheshire-2018-effectiveness.txt": (None, {
        "force": "Cheshire Constabulary", "cycle": "2018/19", "kind": "pillar",
        "pillar": "effectiveness", "judgment": None, "question 1": "carried over 2016",
        "question 2": None}),
    "cleveland-2017-effectiveness.txt": (None, {
        "force": "Cleveland Police", "cycle": "2017", "kind": "pillar",
        "pillar": "effectiveness", "judgment": None, "question 1": "good",
        "question 2": "carried over 2016", "question 3": "requires improvement"}),
    "cleveland-2018-effectiveness.txt": (None, {
        "force": "Cleveland Police", "cycle": "2018/19", "kind": "pillar",
        "pillar": "effectiveness", "judgment": "inadequate"}),
    "norfolk-2017-overview.txt": (None, _overview("Norfolk Constabulary", "2017",
                                                  ("not yet graded", "good", "good"))),
    "bedfordshire-2016-overview.txt": (None, _overview(
        "Bedfordshire Police", "2016", ("not yet graded", "requires improvement", "good"))),
    "bedfordshire-2018-legitimacy.txt": (None, {
        "force": "Bedfordshire Police", "cycle": "2018/19", "kind": "pillar",
        "pillar": "legitimacy", "judgment": None}),
    "cheshire-2015-overview.txt": (None, _overview("Cheshire Constabulary", "2015",
                                                   ("good", "outstanding", "good"))),
    "cheshire-2018-19-overview.txt": (None, _overview("Cheshire Constabulary", "2018/19",
                                                      ("good", "good", "good"))),
    "kent-2018-legitimacy.txt": (f"{BASE}/peel-assessments/peel-2018/kent/legitimacy/", {
        "force": "Kent Police", "cycle": "2018/19", "kind": "pillar", "pillar": "legitimacy",
        "judgment": None, "question 1": "carried over 2017", "question 2": None}),
    "kent-2017-legitimacy.txt": (None, {
        "force": "Kent Police", "cycle": "2017", "kind": "pillar", "pillar": "legitimacy",
        "judgment": "outstanding"}),
    "kent-2016-legitimacy.txt": (None, {
        "force": "Kent Police", "cycle": "2016", "kind": "pillar", "pillar": "legitimacy",
        "judgment": "outstanding"}),
    "kent-2015-legitimacy.txt": (None, {
        "force": "Kent Police", "cycle": "2015", "kind": "pillar", "pillar": "legitimacy",
        "judgment": None}),
    "kent-2017-overview.txt": (None, _overview("Kent Police", "2017",
                                               ("not yet graded", "good", "outstanding"))),
    "cheshire-2014-overview.txt": (None, {
        "force": "Cheshire Constabulary", "cycle": "2014", "kind": "overview",
        "pillar efficiency": "good", "pillar effectiveness": None, "pillar legitimacy": None}),
    "gwent-2014-overview.txt": (None, {
        "force": "Gwent Police", "cycle": "2014", "kind": "overview",
        "pillar efficiency": "requires improvement", "pillar effectiveness": None,
        "pillar legitimacy": None}),
    "north-yorkshire-2018-effectiveness.txt": (None, {
        "force": "North Yorkshire Police", "cycle": "2018/19", "kind": "pillar",
        "pillar": "effectiveness", "judgment": None}),
    "dyfed-powys-2018-effectiveness.txt": (None, {
        "force": "Dyfed-Powys Police", "cycle": "2018/19", "kind": "pillar",
        "pillar": "effectiveness", "judgment": "good", "question 1": "requires improvement"}),
    "greater-manchester-2017-legitimacy.txt": (None, {
        "force": "Greater Manchester Police", "cycle": "2017", "kind": "pillar",
        "pillar": "legitimacy", "judgment": "not graded"}),
    "humberside-2016-overview.txt": (None, {
        "force": "Humberside Police", "cycle": "2016", "kind": "overview",
        "pillar effectiveness": "not yet graded", "pillar efficiency": "requires improvement",
        "pillar legitimacy": None}),  # the page repeats its effectiveness line for legitimacy
    "essex-2014-effectiveness.txt": (None, {
        "force": "Essex Police", "cycle": "2014", "kind": "pillar", "pillar": "effectiveness",
        "judgment": "ungraded"}),
    "dyfed-powys-2017-effectiveness.txt": (None, {
        "force": "Dyfed-Powys Police", "cycle": "2017", "kind": "pillar",
        "pillar": "effectiveness", "judgment": None, "question 1": "carried over 2016",
        "question 2": "good", "question 3": "requires improvement"}),
    "gwent-2018-19-overview.txt": (None, _overview("Gwent Police", "2018/19",
                                                   ("good", "good", "requires improvement"))),
    "metropolitan-2017-overview.txt": (None, _overview(
        "Metropolitan Police Service", "2017", ("not yet graded", "requires improvement", "good"))),
    "metropolitan-2017-efficiency.txt": (None, {
        "force": "Metropolitan Police Service", "cycle": "2017", "kind": "pillar",
        "pillar": "efficiency", "judgment": "requires improvement"}),
    "metropolitan-2018-19-overview.txt": (None, _overview(
        "Metropolitan Police Service", "2018/19", ("requires improvement", "good", "good"))),
    "metropolitan-2018-efficiency.txt": (None, {
        "force": "Metropolitan Police Service", "cycle": "2018/19", "kind": "pillar",
        "pillar": "efficiency", "judgment": None, "question 1": None}),
    "hampshire-2021-22.txt": (None, _assessment("Hampshire Constabulary", "2021/22")),
    "hampshire-2018-19-overview.txt": (None, _overview("Hampshire Constabulary", "2018/19",
                                                       ("good", "good", "good"))),
    "norfolk-2023-25.txt": (f"{BASE}/peel-reports/norfolk-2023-2025/",
                            _assessment("Norfolk Constabulary", "2023-25")),
    "bedfordshire-2023-25.txt": (None, _assessment("Bedfordshire Police", "2023-25")),
    "cheshire-2023-25.txt": (None, _assessment("Cheshire Constabulary", "2023-25")),
    "cleveland-2023-25.txt": (None, _assessment("Cleveland Police", "2023-25")),
    "cheshire-2021-22.txt": (None, _assessment("Cheshire Constabulary", "2021/22")),
    "cleveland-2021-22.txt": (None, _assessment("Cleveland Police", "2021/22")),
    "norfolk-2021-22.txt": (f"{BASE}/peel-reports/norfolk-2021-22/",
                            _assessment("Norfolk Constabulary", "2021/22")),
    # 2014 layouts: a headline worded as a title, the pillar's summary, then the questions
    "durham-2014-effectiveness.txt": (None, {
        "force": "Durham Constabulary", "cycle": "2014", "kind": "pillar",
        "pillar": "effectiveness", "judgment": "ungraded", "question 1": "good",
        # in the summary's prose; labelled when the import first read them (verify_facts.py)
        "question 2": "outstanding", "question 3": "outstanding"}),
    "essex-2014-efficiency.txt": (None, {
        "force": "Essex Police", "cycle": "2014", "kind": "pillar", "pillar": "efficiency",
        "judgment": "good", "question 1": "good"}),
    "durham-2014-legitimacy.txt": (None, {
        "force": "Durham Constabulary", "cycle": "2014", "kind": "pillar",
        "pillar": "legitimacy", "judgment": "ungraded", "question 1": None, "question 2": None}),
    # prose grades naming a question in short
    "kent-2018-efficiency.txt": (None, {
        "force": "Kent Police", "cycle": "2018/19", "kind": "pillar", "pillar": "efficiency",
        "judgment": None, "question 1": "carried over 2017", "question 2": "outstanding"}),
    "cumbria-2018-effectiveness.txt": (None, {
        "force": "Cumbria Constabulary", "cycle": "2018/19", "kind": "pillar",
        "pillar": "effectiveness", "judgment": "good", "question 3": "good"}),
    "cumbria-2023-25.txt": (None, _assessment("Cumbria Constabulary", "2023-25")),
}


def _words(judgment: Any) -> str | None:
    if judgment is None or judgment.is_unknown:
        return f"carried over {judgment.from_cycle}" if judgment and judgment.from_cycle else None
    if judgment.from_cycle:
        return f"carried over {judgment.from_cycle}"
    return judgment.grade.value if judgment.grade else judgment.status.value


def read_facts(result: ImportResult) -> dict[str, Any]:
    """Return the facts an import states, in the words of :data:`EXPECTED`."""
    r = result.report
    facts: dict[str, Any] = {"force": r.force.name, "cycle": r.cycle, "kind": result.kind,
                             "pillar": None if r.pillar in (None, "unknown") else r.pillar,
                             "judgment": _words(r.judgment)}
    for pillar, judgment in result.pillar_judgments.items():
        facts[f"pillar {pillar}"] = _words(judgment)
    others = []
    for q in r.questions:
        if result.kind == "assessment":
            if "victim" in q.title.lower():
                facts["area Victim service assessment"] = _words(q.judgment)
            elif not q.judgment.is_unknown:
                others.append(_words(q.judgment))
        elif result.kind == "pillar":
            facts[f"question {q.number}"] = _words(q.judgment)
    facts["other areas"] = others or None
    return facts


def compare_facts(expected: dict[str, object], got: dict[str, object],
                  also: dict[str, object] | None = None,
                  unlabelled_questions: bool = False) -> tuple[int, int, list[str]]:
    """Return (facts stated, facts read, wrong definite values) of ``got`` against ``expected``.

    A fact is stated when its expected value is not None, and read when the
    importer found that value.  A definite value that differs is wrong, unless
    ``also`` gives it as another true reading; with ``unlabelled_questions`` a
    question the labels do not list, read as a definite value, is wrong too.
    """
    also = also or {}
    stated = read = 0
    wrong = []
    for key, want in expected.items():
        have = got.get(key)
        if want is not None:
            stated += 1
            read += have == want
        if have is not None and have != want and have != also.get(key):
            wrong.append(f"{key}: read {have!r}, the page says {want!r}")
    if unlabelled_questions:
        for key, have in got.items():
            if key.startswith("question ") and key not in expected and have is not None:
                wrong.append(f"{key}: read {have!r}, not labelled")
    return stated, read, wrong


def score(name: str) -> tuple[int, int, list[str]]:
    """Return (facts stated, facts read, wrong definite values) for one real page."""
    source, expected = EXPECTED[name]
    result = import_page((REAL / name).read_text(encoding="utf-8"), source)
    return compare_facts(expected, read_facts(result))
