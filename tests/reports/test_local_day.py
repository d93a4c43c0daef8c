"""Days are Vietnam's (Asia/Ho_Chi_Minh), not UTC's: what a draft was made from, the
command line's note of a published version."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings

from kcn.core.periods import parse_period
from kcn.reports.dataset import build_dataset
from kcn.reports.document import compose, local_day

# 23:30 UTC on 1 April is 06:30 on 2 April in Hà Nội.
EARLY_MORNING_IN_HANOI = dt.datetime(2022, 4, 1, 23, 30, tzinfo=dt.UTC)


def test_the_board_lives_in_vietnam_s_time_zone() -> None:
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_TZ


def test_a_moment_is_dated_by_vietnam_s_calendar() -> None:
    assert local_day(EARLY_MORNING_IN_HANOI) == dt.date(2022, 4, 2)


@pytest.mark.django_db
def test_a_draft_made_early_in_the_morning_leaves_its_date_to_the_clerk() -> None:
    """A draft is not dated at all (Decree 30: the date is the day it is signed), whatever
    the hour it was made; a published report is dated by its publication's date."""
    data = build_dataset(parse_period("2022-Q1"), now=EARLY_MORNING_IN_HANOI)
    document = compose(data, "vi", with_charts=False)
    assert document.draft_label
    assert "2022" not in document.place_date, document.place_date
    assert local_day(data.generated_at) == dt.date(2022, 4, 2)
