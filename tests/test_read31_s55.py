"""Read 31-S: the s.55 letter's opening and its head table, as readers get them.

31-S 1. Where the local policing body is not known, the first-person opening says
     "This is my response to your report", never "my response, as {the local policing
     body}"; the body's name is to complete in the "From" row.
31-S 2. An earlier finding answered beside the new ones is said plainly: "the response
     comes below, after the new findings on the same question".
31-S 3. The head table's name ("About this response") is for a screen reader in HTML,
     shown in no format, as PDF and DOCX show none.
"""

from __future__ import annotations

import re

import pytest
from docread import rendered, s55_cases, s55_text

from peeldocs.model import Report

FORMATS = ("pdf", "docx", "html")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_opening_reads_as_a_letter(fmt: str, norfolk: Report, example: Report) -> None:
    for name, (report, options) in s55_cases(norfolk, example).items():
        text = s55_text(report, options, fmt)
        assert "as {to be completed" not in text, name
        assert "given below with" not in text, name
        if name == "exampleshire":  # no body known for the constructed force
            assert "This is my response to your report on the PEEL 2023–25 inspection" in text
            assert ("I also respond to the 2021/22 cause of concern, on which the report "
                    "finds the force has not made enough progress.") in text
        else:
            assert "This is my response, as Police and Crime Commissioner for Norfolk, to" in text
            assert ("I also respond to the 2017 area for improvement, on which the report "
                    "finds the force has not made enough progress.") in text
        assert "the response comes below" not in text, name  # read 33: no signpost


def test_no_format_shows_a_caption_the_others_lack(norfolk: Report, example: Report) -> None:
    for name, (report, options) in s55_cases(norfolk, example).items():
        page = rendered(report, options, "html").decode("utf-8")
        captions = re.findall(r"<caption([^>]*)>([^<]*)</caption>", page)
        assert captions == [(' class="visually-hidden"', "About this response")], name
        css = re.search(r"caption\.visually-hidden \{([^}]*)\}", page)
        assert css and "position: absolute" in css.group(1) and "clip:" in css.group(1)
        for fmt in ("pdf", "docx"):
            assert "About this response" not in s55_text(report, options, fmt), (name, fmt)
