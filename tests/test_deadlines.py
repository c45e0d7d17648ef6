"""Recommendation deadlines: read as worded, due dates only where the text gives them."""

from __future__ import annotations

from datetime import date

import pytest

from peeldocs.model.deadlines import (
    DeadlineKind,
    add_months,
    describe_deadline,
    due_date,
    parse_deadline,
)

PUBLISHED = date(2024, 9, 12)


@pytest.mark.parametrize(("worded", "kind", "due"), [
    ("within six months", DeadlineKind.RELATIVE, date(2025, 3, 12)),
    ("Within 3 months", DeadlineKind.RELATIVE, date(2024, 12, 12)),
    ("within three months of publication", DeadlineKind.RELATIVE, date(2024, 12, 12)),
    ("within 12 months of publication.", DeadlineKind.RELATIVE, date(2025, 9, 12)),
    ("within twelve months of the date of publication", DeadlineKind.RELATIVE, date(2025, 9, 12)),
    ("within 28 days", DeadlineKind.RELATIVE, date(2024, 10, 10)),
    ("within four weeks", DeadlineKind.RELATIVE, date(2024, 10, 10)),
    ("immediately", DeadlineKind.IMMEDIATE, PUBLISHED),
    ("Immediately.", DeadlineKind.IMMEDIATE, PUBLISHED),
    ("by 31 March 2024", DeadlineKind.FIXED, date(2024, 3, 31)),
    ("By 1st April 2025", DeadlineKind.FIXED, date(2025, 4, 1)),
    ("by the end of March 2025", DeadlineKind.FIXED, date(2025, 3, 31)),
    ("by 30 Sept 2025", DeadlineKind.FIXED, date(2025, 9, 30)),
])
def test_deadlines_are_read_and_give_due_dates(worded: str, kind: DeadlineKind, due: date) -> None:
    deadline = parse_deadline(worded)
    assert deadline.kind is kind and deadline.worded == worded
    assert deadline.due(PUBLISHED) == due
    assert due_date(worded, PUBLISHED) == due


@pytest.mark.parametrize("worded", [
    "as soon as practicable", "by 31 February 2024", "within some months", "by Easter 2025",
    "in due course", "within 0 months",
])
def test_an_unreadable_deadline_is_shown_as_worded_never_guessed(worded: str) -> None:
    deadline = parse_deadline(worded)
    assert deadline.kind is DeadlineKind.UNREAD
    assert deadline.due(PUBLISHED) is None
    assert describe_deadline(worded, PUBLISHED) == f"As worded: “{worded}”"


def test_a_relative_deadline_without_a_publication_date_gives_no_date() -> None:
    assert due_date("within six months", None) is None
    assert describe_deadline("within six months", None) == (
        "Within six months of publication (publication date not supplied)")
    assert describe_deadline("within 12 months of publication", None) == (
        "Within 12 months of publication (publication date not supplied)")
    assert describe_deadline("immediately", None) == "Immediately"
    assert describe_deadline("by 31 March 2024", None) == "31 March 2024"  # no date needed


def test_descriptions_with_a_publication_date() -> None:
    assert describe_deadline("within six months", PUBLISHED) == (
        "Within six months of publication (by 12 March 2025)")
    assert describe_deadline("immediately", PUBLISHED) == (
        "Immediately (report published 12 September 2024)")
    assert describe_deadline(None, PUBLISHED) == "No deadline stated"


@pytest.mark.parametrize(("start", "months", "end"), [
    (date(2024, 8, 31), 6, date(2025, 2, 28)), (date(2023, 8, 31), 6, date(2024, 2, 29)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)), (date(2024, 11, 14), 3, date(2025, 2, 14)),
    (date(2024, 12, 1), 12, date(2025, 12, 1)), (date(2024, 5, 2), 0, date(2024, 5, 2)),
])
def test_months_are_calendar_months_clamped_to_the_month_end(start: date, months: int,
                                                              end: date) -> None:
    assert add_months(start, months) == end


try:
    from hypothesis import given
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is in the test extra
    pass
else:
    @given(st.text(max_size=60), st.one_of(st.none(), st.dates()))
    def test_any_wording_is_read_or_kept_as_worded(text: str, published: date | None) -> None:
        deadline = parse_deadline(text)
        shown = describe_deadline(text, published)
        if deadline.kind is DeadlineKind.UNREAD:
            assert deadline.due(published) is None and " ".join(text.split()) in shown
        due = deadline.due(published)
        if due is not None and deadline.kind is not DeadlineKind.FIXED:
            assert published is not None and due >= published

    @given(st.dates(max_value=date(9000, 1, 1)), st.integers(0, 36))
    def test_within_n_months_is_never_before_publication(published: date, months: int) -> None:
        due = due_date(f"within {months} months", published)
        if months:
            assert due is not None and published < due <= add_months(published, months)


def test_a_due_date_past_year_9999_is_not_computed() -> None:
    assert due_date("within 12 months", date(9999, 6, 1)) is None
    assert describe_deadline("within 12 months", date(9999, 6, 1)) == (
        "Within 12 months of publication (date out of range)")


def test_within_months_of_the_publication_of_this_report() -> None:
    """National thematic reports word it this way (the register's inspections)."""
    deadline = parse_deadline("Within six months of the publication of this report")
    assert (deadline.kind, deadline.months) == (DeadlineKind.RELATIVE, 6)
