"""The retention rule (domain/retention.py): from which day a client may be erased."""

from __future__ import annotations

from datetime import date

import pytest

from traumefokus.domain.retention import CourseEnd, erasure_decision, years_after

ENDED = CourseEnd("completed", date(2016, 3, 10))


def test_a_client_with_no_course_may_be_erased_at_once():
    decision = erasure_decision([], date(2026, 1, 1), 10)
    assert decision.allowed and not decision.open_course
    assert decision.possible_from is None and decision.last_end is None


@pytest.mark.parametrize("status", ["planned", "active"])
def test_an_open_course_means_no_erasure_however_old_the_others(status):
    courses = [CourseEnd("completed", date(1990, 1, 1)), CourseEnd(status, None)]
    decision = erasure_decision(courses, date(2090, 1, 1), 1)
    assert not decision.allowed and decision.open_course
    assert decision.possible_from is None


def test_the_period_runs_from_the_end_of_the_last_course():
    courses = [CourseEnd("ended_early", date(2019, 6, 1)), ENDED]
    decision = erasure_decision(courses, date(2026, 1, 1), 10)
    assert decision.last_end == date(2019, 6, 1)
    assert decision.possible_from == date(2029, 6, 1)
    assert not decision.allowed


def test_erasure_is_possible_on_the_day_the_period_ends_and_not_the_day_before():
    assert not erasure_decision([ENDED], date(2026, 3, 9), 10).allowed
    on_the_day = erasure_decision([ENDED], date(2026, 3, 10), 10)
    assert on_the_day.allowed and on_the_day.possible_from == date(2026, 3, 10)


def test_a_course_that_ended_on_29_february_reaches_its_period_on_1_march():
    leap = CourseEnd("completed", date(2016, 2, 29))
    assert erasure_decision([leap], date(2026, 2, 28), 10).possible_from == date(2026, 3, 1)
    assert not erasure_decision([leap], date(2026, 2, 28), 10).allowed
    assert erasure_decision([leap], date(2026, 3, 1), 10).allowed
    # into another leap year, the same day
    assert years_after(date(2016, 2, 29), 4) == date(2020, 2, 29)


def test_the_period_is_counted_in_the_centre_s_years():
    assert erasure_decision([ENDED], date(2031, 3, 10), 15).possible_from == date(2031, 3, 10)
    assert not erasure_decision([ENDED], date(2031, 3, 9), 15).allowed


def test_a_period_near_the_calendar_s_end_never_overflows():
    assert years_after(date(9990, 5, 1), 30) == date.max


@pytest.mark.parametrize("years", [0, 31, -1])
def test_a_period_outside_1_to_30_years_is_a_bug(years):
    with pytest.raises(ValueError):
        erasure_decision([ENDED], date(2040, 1, 1), years)


def test_a_closed_course_without_its_end_is_a_bug():
    with pytest.raises(ValueError):
        erasure_decision([CourseEnd("completed", None)], date(2040, 1, 1), 10)
