"""Opening a session planned for another day (domain/session_day.py): which question."""

from datetime import date

import pytest

from traumefokus.domain.session_day import DayQuestion, day_question

TODAY = date(2026, 3, 4)
YESTERDAY, TOMORROW = date(2026, 3, 3), date(2026, 3, 5)


def ask(planned, *, writable=True, begun=False, movable=True):
    return day_question(planned, TODAY, writable=writable, begun=begun, movable=movable)


def test_a_session_planned_for_today_or_undated_opens_at_once():
    assert ask(TODAY) is DayQuestion.NONE
    assert ask(TODAY, begun=True) is DayQuestion.NONE
    assert ask(None) is DayQuestion.NONE


@pytest.mark.parametrize("planned", [YESTERDAY, TOMORROW])
def test_a_note_that_cannot_be_written_is_never_asked_about(planned):
    assert ask(planned, writable=False) is DayQuestion.NONE


def test_a_later_session_asks_whether_it_is_held_today():
    assert ask(TOMORROW) is DayQuestion.ASK_LATER
    assert ask(TOMORROW, movable=False) is DayQuestion.NONE  # nothing to move it with


def test_an_earlier_session_with_nothing_written_asks_three_ways():
    assert ask(YESTERDAY) is DayQuestion.ASK_PAST


def test_an_earlier_session_whose_note_was_begun_is_written_up_without_a_question():
    assert ask(YESTERDAY, begun=True) is DayQuestion.WRITE_UP
    assert ask(YESTERDAY, movable=False) is DayQuestion.WRITE_UP  # a closed course, say
