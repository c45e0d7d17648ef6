"""The benchmark compares like with like: the bare scripts lay out the pack's own words.

``bench/content.py`` hands the bare-engine scripts the text of the pack
peeldocs builds; if the pack grows and the bench does not follow, a ratio
compares different work.  So: every word a reader sees in the peeldocs PDF,
apart from what only peeldocs draws (running headers, page numbers, contents
page numbers), is also in the bare reportlab PDF, and the two hold about the
same number of words.
"""

from __future__ import annotations

import collections
import io
import re
import sys
from pathlib import Path

import pypdf

import peeldocs
from peeldocs.model import Report
from peeldocs.options import Options

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _words(pdf: bytes) -> collections.Counter[str]:
    text = " ".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return collections.Counter(re.findall(r"[A-Za-z]{3,}", text))


def test_bare_reportlab_lays_out_the_packs_own_words(norfolk: Report) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import bare_reportlab
        import content
    finally:
        sys.path.remove(str(BENCH))
    bare = _words(bare_reportlab.build_one_pass(content.load()))
    options = Options()  # as bench/run.py builds it
    ours = _words(peeldocs.render(peeldocs.build_pack(norfolk, options), "pdf", options))
    ours.subtract({"Page": ours["Page"]})  # "Page N of M" is drawn only by peeldocs
    # so is the marking's placeholder atop and at the foot of every page (none was asked for)
    heads = ours["protective"]
    ours.subtract({word: heads for word in ("completed", "protective", "marking")})
    missing = {w: n for w, n in ours.items() if n > 0 and bare[w] == 0}
    assert not missing, f"words in the pack that the bare script does not lay out: {missing}"
    total_ours, total_bare = sum(ours.values()), sum(bare.values())
    running_headers = 20 * 6  # "Norfolk Constabulary · PEEL 2018/19 effectiveness" per page
    assert abs(total_ours - running_headers - total_bare) / total_bare < 0.05, \
        (total_ours, total_bare)
