"""A user's wording template is bounded: loops, repeated strings, powers, padded formats, the
text it writes and recursion each end in a TemplateError naming the template, at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from peeldocs.errors import TemplateError
from peeldocs.wording import render_text

HOSTILE = {
    "a huge range": ("{% for i in range(10**9) %}{% endfor %}", "more than 100,000 loop steps"),
    "nested loops": ("{% for i in range(1000) %}{% for j in range(1000) %}{% endfor %}"
                     "{% endfor %}", "loop steps"),
    "a repeated string": ("{{ 'x' * 1000000000 }}", "longer than 1,000,000"),
    "a repeated list": ("{{ ([1] * 1000000000) | length }}", "longer than 1,000,000"),
    "a huge power": ("{{ 10 ** 100000000 }}", "a power above 1,000"),
    "a padded % format": ("{{ '%999999999d' % 1 }}", "pads wider than 10,000"),
    "a padded str.format": ("{{ '{:999999999}'.format(1) }}", "pads wider than 10,000"),
    "a padded format filter": ("{{ '%999999999s' | format('x') }}", "pads wider than 10,000"),
    "center": ("{{ 'x' | center(999999999) }}", "above 10,000"),
    "macro recursion": ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
                        "recurses too deeply"),
    "a flood of text": ("{% for i in range(90000) %}{{ 'abcdefghijklmnopqrstuvwxyz' }}"
                        "{% endfor %}", "writes more than 1,000,000 characters"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_template_is_a_template_error(case: str, tmp_path: Path) -> None:
    source, words = HOSTILE[case]
    (tmp_path / "hostile.j2").write_text(source)
    with pytest.raises(TemplateError, match=r"template 'hostile\.j2'") as info:
        render_text("hostile.j2", tmp_path)
    assert words in str(info.value)


def test_ordinary_templates_still_render(tmp_path: Path) -> None:
    (tmp_path / "fine.j2").write_text("Ref 12345 {{ '%s' % 'fine' }} {{ '{:>5}'.format('a') }} "
                                      "{% for i in range(3) %}{{ i }}{% endfor %}")
    assert render_text("fine.j2", tmp_path) == ("Ref 12345 fine a 012",)
