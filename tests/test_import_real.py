"""Real page beginnings: the facts they state are read, and nothing is ever read wrong."""

from __future__ import annotations

import pytest
from import_facts import EXPECTED, score


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_real_page_gives_no_wrong_definite_value(name: str) -> None:
    _stated, _read, wrong = score(name)
    assert wrong == []


def test_at_least_95_percent_of_stated_facts_are_read() -> None:
    stated = read = 0
    for name in EXPECTED:
        s, r, _wrong = score(name)
        stated, read = stated + s, read + r
    assert stated >= 90 and read / stated >= 0.95, (read, stated)
