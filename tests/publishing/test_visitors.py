"""Visitors counted by a salted, daily-rotated hash; rate limits by hashed address."""

from __future__ import annotations

import datetime as dt

import pytest

from kcn.publishing import visitors
from kcn.publishing.models import DailySalt, Visit

pytestmark = pytest.mark.django_db
NOON = dt.datetime(2022, 3, 28, 5, 0, tzinfo=dt.UTC)  # 12:00 in Hà Nội


@pytest.fixture(autouse=True)
def forget_salts() -> None:
    visitors._salts.clear()


def test_a_visitor_is_a_hash_that_says_nothing_of_its_address() -> None:
    digest = visitors.visitor_hash(address="203.0.113.7", user_agent="Firefox", now=NOON)
    assert len(digest) == 64
    assert "203.0.113.7" not in digest
    assert digest == visitors.visitor_hash(address="203.0.113.7", user_agent="Firefox", now=NOON)
    assert digest != visitors.visitor_hash(address="203.0.113.7", user_agent="Chrome", now=NOON)


def test_the_salt_changes_each_day_and_yesterdays_is_deleted() -> None:
    today = visitors.visitor_hash(address="203.0.113.7", user_agent="F", now=NOON)
    tomorrow = visitors.visitor_hash(
        address="203.0.113.7", user_agent="F", now=NOON + dt.timedelta(days=1)
    )
    assert today != tomorrow
    assert list(DailySalt.objects.values_list("day", flat=True)) == [dt.date(2022, 3, 29)]


def test_visitors_online_are_those_of_the_last_five_minutes_counted_once() -> None:
    for minute, who in ((0, "a"), (1, "b"), (2, "a"), (6, "c")):
        visitors.visit_record(visitor=who, now=NOON + dt.timedelta(minutes=minute))
    assert visitors.visitors_online(now=NOON + dt.timedelta(minutes=6)) == 3  # a (2'), b (1'), c
    assert visitors.visitors_online(now=NOON + dt.timedelta(minutes=7)) == 2  # a, c
    visitors.visit_record(visitor="d", now=NOON + dt.timedelta(minutes=10))
    assert set(Visit.objects.values_list("visitor", flat=True)) == {"c", "d"}  # older forgotten


def test_an_attempt_is_allowed_up_to_the_limit_in_the_window() -> None:
    limit = (2, 600)

    def allowed(minute: int, sender: str = "x") -> bool:
        at = NOON + dt.timedelta(minutes=minute)
        return visitors.attempt_allowed(kind="lookup", sender=sender, limit=limit, now=at)

    assert [allowed(0), allowed(1), allowed(2), allowed(2, "y"), allowed(11)] == [
        True,
        True,
        False,
        True,
        True,
    ]
