"""The rules of the supervision overview (domain/supervision.py), without a database."""

from __future__ import annotations

import statistics
from datetime import date

import pytest

from traumefokus.domain import supervision as rules
from traumefokus.domain.supervision import Period, Spread

YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))


def test_the_quartiles_interpolate_between_ranks_as_statistics_inclusive_does():
    values = [7.0, 1.0, 3.0, 10.0, 4.0, 2.5]
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    assert rules.spread(values) == Spread(6, q1, median, q3)
    assert rules.spread([5.0]) == Spread(1, 5.0, 5.0, 5.0)
    assert rules.spread([1.0, 2.0]) == Spread(2, 1.25, 1.5, 1.75)
    assert rules.spread([]) is None


def test_the_attendance_rate_leaves_out_what_the_centre_cancelled():
    assert rules.attendance_rate(held=6, no_show=1, cancelled_by_client=1) == 0.75
    assert rules.attendance_rate(held=0, no_show=2, cancelled_by_client=0) == 0.0
    assert rules.attendance_rate(0, 0, 0) is None


@pytest.mark.parametrize(
    ("kind", "attendance", "counts"),
    [
        ("assessment", "held", True),
        ("move", "held", True),
        ("trauma", "held", True),
        ("follow_up", "held", False),
        ("trauma", "no_show", False),
        ("move", None, False),
    ],
)
def test_attended_sessions_are_held_and_not_follow_ups(kind, attendance, counts):
    assert rules.attended(kind, attendance) is counts


@pytest.mark.parametrize(
    ("signed_on", "today", "late"),
    [
        (date(2026, 3, 2), date(2026, 3, 20), False),  # on the day
        (date(2026, 3, 4), date(2026, 3, 20), False),  # two days after: still in time
        (date(2026, 3, 5), date(2026, 3, 20), True),  # three days after
        (None, date(2026, 3, 4), False),  # not signed yet, but there is still time
        (None, date(2026, 3, 5), True),  # not signed, and the time is up
    ],
)
def test_a_note_is_late_when_not_signed_two_days_after(signed_on, today, late):
    assert rules.note_late(date(2026, 3, 2), signed_on, today) is late


def test_a_course_is_active_at_the_end_of_the_period_when_started_and_not_ended_before():
    end = YEAR.end
    assert rules.active_at_end("active", date(2026, 5, 1), None, YEAR)
    assert rules.active_at_end("completed", date(2026, 5, 1), end, YEAR)  # ends on that day
    assert not rules.active_at_end("completed", date(2026, 5, 1), date(2026, 9, 1), YEAR)
    assert not rules.active_at_end("active", date(2027, 1, 4), None, YEAR)  # starts later
    assert not rules.active_at_end("planned", date(2026, 5, 1), None, YEAR)
    # a course that ended after the period was still under way at its end
    assert rules.active_at_end("completed", date(2026, 5, 1), date(2027, 2, 1), YEAR)


def test_started_and_ended_read_the_course_dates():
    assert rules.started("active", date(2026, 1, 1), YEAR)
    assert not rules.started("planned", date(2026, 3, 1), YEAR)
    assert not rules.started("active", date(2025, 12, 31), YEAR)
    assert rules.ended_in("ended_early", date(2026, 12, 31), YEAR)
    assert not rules.ended_in("ended_early", date(2027, 1, 1), YEAR)
    assert not rules.ended_in("active", None, YEAR)
    assert rules.started("active", date(2001, 1, 1), Period(None, date(2026, 1, 1)))


def test_themes_never_done_are_the_chosen_ones_not_held_in_the_chosen_order():
    chosen = ["safety", "grounding", "honesty", "anger"]
    assert rules.never_done(chosen, {"grounding", "anger", "triggers"}) == ["safety", "honesty"]
    assert rules.never_done(chosen, chosen) == []
