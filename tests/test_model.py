from __future__ import annotations

import dataclasses

import pytest

from peeldocs import model
from peeldocs.errors import ScaleMismatchError
from peeldocs.model import Grade, Judgment, Scale, ScaledGrade, Status


def test_every_model_class_is_frozen_with_tuple_collections() -> None:
    classes = [c for c in vars(model).values()
               if isinstance(c, type) and dataclasses.is_dataclass(c)]
    assert len(classes) >= 9
    for cls in classes:
        assert cls.__dataclass_params__.frozen, cls  # type: ignore[attr-defined]
        for f in dataclasses.fields(cls):
            assert "list" not in str(f.type) and "dict" not in str(f.type), (cls, f.name)


def test_frozen_report_cannot_change(norfolk: model.Report) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        norfolk.cycle = "2021/22"  # type: ignore[misc]


@pytest.mark.parametrize(("cycle", "scale"), [
    ("2014", Scale.FOUR_TIER), ("2016", Scale.FOUR_TIER), ("2018/19", Scale.FOUR_TIER),
    ("2021/22", Scale.FIVE_TIER), ("2023-25", Scale.FIVE_TIER), ("2025-27", Scale.FIVE_TIER),
])
def test_scale_for_cycle(cycle: str, scale: Scale) -> None:
    assert model.scale_for_cycle(cycle) is scale


def test_bad_cycle_is_refused() -> None:
    with pytest.raises(ValueError, match="not a PEEL cycle"):
        model.scale_for_cycle("last year")


def test_adequate_is_only_on_the_five_tier_scale() -> None:
    with pytest.raises(ValueError, match="not on the four-tier scale"):
        ScaledGrade(Scale.FOUR_TIER, Grade.ADEQUATE)
    assert ScaledGrade(Scale.FIVE_TIER, Grade.ADEQUATE)


def test_grades_order_within_a_scale() -> None:
    four = [ScaledGrade(Scale.FOUR_TIER, g) for g in model.SCALE_GRADES[Scale.FOUR_TIER]]
    assert sorted(reversed(four)) == sorted(four)
    assert four[0] > four[1] > four[2] > four[3]
    five = ScaledGrade(Scale.FIVE_TIER, Grade.ADEQUATE)
    assert ScaledGrade(Scale.FIVE_TIER, Grade.GOOD) > five > ScaledGrade(
        Scale.FIVE_TIER, Grade.REQUIRES_IMPROVEMENT)


def test_grades_never_compare_across_scales() -> None:
    a = ScaledGrade(Scale.FOUR_TIER, Grade.GOOD)
    b = ScaledGrade(Scale.FIVE_TIER, Grade.GOOD)
    with pytest.raises(ScaleMismatchError, match="four-tier grade with a five-tier"):
        _ = a < b
    with pytest.raises(TypeError):
        _ = a >= b


@pytest.mark.parametrize("status", list(Status))
def test_every_judgment_is_described_never_blank(status: Status) -> None:
    grade = Grade.GOOD if status.has_grade else None
    j = Judgment(status, grade, "2016" if status is Status.CARRIED_OVER else None)
    text = j.describe()
    assert text.strip()
    if status is Status.CARRIED_OVER:
        assert text == "Good (carried over from 2016)"
        assert "2016" in (j.status_note() or "")
    elif status is Status.GRADED:
        assert text == "Good" and j.status_note() is None
    elif status is Status.UNKNOWN:
        assert text == "Unknown (not found in the imported text)"
        assert "published report" in (j.status_note() or "")
    else:
        assert text.lower() == status.value


def test_report_scale_and_question_lookup(norfolk: model.Report) -> None:
    assert norfolk.scale is Scale.FOUR_TIER
    assert norfolk.question(2).judgment.grade is Grade.REQUIRES_IMPROVEMENT
    with pytest.raises(KeyError):
        norfolk.question(9)
    assert norfolk.scaled(norfolk.question(1).judgment) > norfolk.scaled(  # type: ignore[operator]
        norfolk.question(2).judgment)
    assert norfolk.scaled(norfolk.question(5).judgment) is None
