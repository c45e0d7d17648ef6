"""The list-joining helper on every subset, and the count wording."""

from itertools import combinations

from peeldocs.prose import count_words, counted, distinct, join_words
from peeldocs.wording import render_text

WORDS = ("1 awaiting allocation", "3 in progress", "2 pending sign-off", "1 closed")


def test_join_words_on_every_subset_of_four() -> None:
    for size in range(len(WORDS) + 1):
        for subset in combinations(WORDS, size):
            joined = join_words(subset)
            assert ",." not in joined + "." and ", ," not in joined
            assert not joined.endswith((",", " and", " ")) and not joined.startswith((",", " "))
            for word in subset:
                assert joined.count(word) == 1
            if size == 0:
                assert joined == ""
            elif size == 1:
                assert joined == subset[0]
            else:
                assert joined == ", ".join(subset[:-1]) + " and " + subset[-1]
                assert joined.count(" and ") == 1


def test_join_words_drops_blanks_and_repeats() -> None:
    assert join_words(["a", "", "  ", "a", "b"]) == "a and b"
    assert join_words(["x", "y"], "or") == "x or y"
    assert distinct(["b", "a", "b"]) == ["b", "a"]


def test_counts_in_words() -> None:
    assert count_words(0) == "no" and count_words(3) == "three" and count_words(12) == "12"
    assert counted(1, "item") == "1 item" and counted(0, "item") == "no items"
    assert counted(3, "area for improvement", "areas for improvement", words=True) == (
        "three areas for improvement")


def test_templates_can_join_lists(tmp_path) -> None:
    (tmp_path / "t.j2").write_text("Items: {{ xs | join_words }}.")
    expected = ["Items: .", "Items: a.", "Items: a and b.", "Items: a, b and c."]
    for size in range(4):
        assert render_text("t.j2", tmp_path, xs=["a", "b", "c"][:size]) == (expected[size],)
