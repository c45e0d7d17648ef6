"""Real pages tried as a newcomer would (tests/fixtures/verify/): the facts they state, by hand.

The pages are the beginnings of published HMICFRS pages, as a search index keeps
them (so most stop mid-sentence, as a copy cut short does); sources and the
licence are in the README there.  They were labelled before the importer was run
on them.  ``None`` means the page does not state the fact, so the import must say
unknown.  Where the page states a fact only as a year's earlier grade ("In 2017,
we graded the constabulary as good at ..."), the label is ``None`` and
:data:`ALSO_TRUE` lists the value that is true of the report but not stated on the
page: the import may read it or leave it unknown, and neither is counted wrong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from heldout_facts import _pillar
from import_facts import _overview, compare_facts, read_facts

from peeldocs.importer import import_page

VERIFY = Path(__file__).resolve().parent / "fixtures" / "verify"


def _opening(force: str, cycle: str, victims: str | None) -> dict[str, Any]:
    return {"force": force, "cycle": cycle, "kind": "assessment",
            "area Victim service assessment": victims, "other areas": None}


def _overview_2014(force: str, efficiency: str) -> dict[str, Any]:
    return {"force": force, "cycle": "2014", "kind": "overview",
            "pillar efficiency": efficiency, "pillar effectiveness": None,
            "pillar legitimacy": None}


LANCS, SWALES, TVP = "Lancashire Constabulary", "South Wales Police", "Thames Valley Police"
WYP, SUFFOLK, MERSEY = "West Yorkshire Police", "Suffolk Constabulary", "Merseyside Police"
DEVON = "Devon and Cornwall Police"

VERIFIED: dict[str, dict[str, Any]] = {
    "lancashire-2014-overview.txt": _overview_2014(LANCS, "outstanding"),
    "south-wales-2014-overview.txt": _overview_2014(SWALES, "good"),
    "south-wales-2014-effectiveness.txt": _pillar(SWALES, "2014", "effectiveness", "ungraded",
                                                  None, None, None),
    "lancashire-2015-overview.txt": _overview(LANCS, "2015", ("good", "outstanding", "good")),
    "south-wales-2015-overview.txt": _overview(SWALES, "2015", ("good", "good", "good")),
    "south-wales-2015-effectiveness.txt": _pillar(SWALES, "2015", "effectiveness", "good"),
    "thames-valley-2015-legitimacy.txt": _pillar(TVP, "2015", "legitimacy", None, None,
                                                 "not inspected", None),
    "lancashire-2016-overview.txt": _overview(LANCS, "2016", ("good", "good", "good")),
    "west-yorkshire-2016-overview-autumn.txt": _overview(WYP, "2016",
                                                         ("not yet graded", "good", "good")),
    "thames-valley-2016-legitimacy.txt": _pillar(TVP, "2016", "legitimacy", "good", "good"),
    "south-wales-2016-overview-autumn.txt": _overview(SWALES, "2016",
                                                      ("not yet graded", "good", "good")),
    "west-yorkshire-2017-overview.txt": _overview(WYP, "2017", ("not yet graded", "good", "good")),
    "thames-valley-2017-legitimacy.txt": _pillar(TVP, "2017", "legitimacy", None, "good", "good"),
    "suffolk-2017-overview.txt": _overview(SUFFOLK, "2017", ("good", "good", "good")),
    "lancashire-2018-efficiency-questions.txt": _pillar(LANCS, "2018/19", "efficiency", None,
                                                        "carried over 2017", "outstanding"),
    "lancashire-2018-efficiency.txt": _pillar(LANCS, "2018/19", "efficiency", "outstanding",
                                              None, "outstanding"),
    "lancashire-2018-19-overview.txt": _overview(LANCS, "2018/19", ("good", "outstanding", "good")),
    "west-yorkshire-2018-effectiveness.txt": _pillar(WYP, "2018/19", "effectiveness", "good", None,
                                                     "requires improvement", "good", None, None),
    "merseyside-2018-effectiveness.txt": _pillar(MERSEY, "2018/19", "effectiveness", "good", None,
                                                 "good", "good", None, None),
    "thames-valley-2018-legitimacy.txt": _pillar(TVP, "2018/19", "legitimacy", "good",
                                                 "carried over 2017", None, None),
    "suffolk-2018-legitimacy.txt": _pillar(SUFFOLK, "2018/19", "legitimacy", None,
                                           "carried over 2017", None, "good"),
    "suffolk-2018-19-overview.txt": _overview(SUFFOLK, "2018/19", ("good", "good", "good")),
    # added after the first fixes, labelled before their import as the others
    "devon-and-cornwall-2016-overview-autumn.txt": _overview(
        DEVON, "2016", ("not yet graded", "requires improvement", "good")),
    "devon-and-cornwall-2016-overview.txt": _overview(
        DEVON, "2016", ("requires improvement", "requires improvement", "good")),
    "devon-and-cornwall-2017-efficiency.txt": _pillar(DEVON, "2017", "efficiency", "good",
                                                      "requires improvement", "good", "good"),
    "devon-and-cornwall-2017-overview-autumn.txt": _overview(
        DEVON, "2017", ("not yet graded", "good", "good")),
    "merseyside-2021-22.txt": _opening(MERSEY, "2021/22", None),
    "suffolk-2021-22.txt": _opening(SUFFOLK, "2021/22", None),
    "south-wales-2021-22.txt": _opening(SWALES, "2021/22", "ungraded"),
    "merseyside-2023-25.txt": _opening(MERSEY, "2023-25", "ungraded"),
    "suffolk-2023-25.txt": _opening(SUFFOLK, "2023-25", "ungraded"),
}

# true of the report, but stated on the page only as an earlier year's grade
ALSO_TRUE: dict[str, dict[str, str]] = {
    # "has not been inspected or graded in 2015": the framework lists it as ungraded
    "thames-valley-2015-legitimacy.txt": {"question 2": "ungraded"},
    "lancashire-2018-efficiency.txt": {"question 1": "carried over 2017"},
    "west-yorkshire-2018-effectiveness.txt": {"question 1": "carried over 2017",
                                              "question 4": "carried over 2016"},
    "merseyside-2018-effectiveness.txt": {"question 1": "carried over 2016",
                                          "question 4": "carried over 2016"},
}


def score_verified(name: str) -> tuple[int, int, list[str]]:
    """Return (facts stated, facts read, wrong definite values) for one page tried."""
    got = read_facts(import_page((VERIFY / name).read_text(encoding="utf-8")))
    return compare_facts(VERIFIED[name], got, ALSO_TRUE.get(name, {}), unlabelled_questions=True)
