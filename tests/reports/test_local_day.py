"""A draft is dated in Vietnam's time zone (Asia/Ho_Chi_Minh), not UTC's."""

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
def test_a_draft_made_early_in_the_morning_is_dated_that_day() -> None:
    data = build_dataset(parse_period("2022-Q1"), now=EARLY_MORNING_IN_HANOI)
    document = compose(data, "vi", with_charts=False)
    assert document.draft_label  # not published: dated the day it was made
    assert "ngày 02 tháng 4 năm 2022" in document.place_date, document.place_date
