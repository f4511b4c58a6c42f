"""Opening a session planned for another day: what to ask, if anything.

A session is held on the day it is opened for writing. Opening one planned for another day
asks whether it is held today (then it moves to today, in the plan history) or is only being
looked at. A session from an earlier day is different: its note may be written up late, the
next morning say, without moving it. So an earlier session whose note was begun (a draft, or
time on its clock) opens for writing up at once, and one with nothing written yet asks three
ways: held today, written up for its own day, or only looked at. Writing up runs no session
clock: the minutes of writing are not the minutes of the session.
"""

from __future__ import annotations

from datetime import date
from enum import Enum


class DayQuestion(Enum):
    NONE = "none"  # planned for today, undated, or not to be written by this user: open it
    WRITE_UP = "write_up"  # an earlier session whose note was begun: go on writing it up
    ASK_PAST = "ask_past"  # an earlier session, nothing written: today, write up, or look
    ASK_LATER = "ask_later"  # a later session: held today (moved), or look


def day_question(
    planned: date | None, today: date, *, writable: bool, begun: bool, movable: bool
) -> DayQuestion:
    """`writable`: the note is unsigned and this user may write it; `begun`: something of it
    is saved; `movable`: its course is open and its attendance not yet recorded."""
    if not writable or planned is None or planned == today:
        return DayQuestion.NONE
    if planned < today:
        return DayQuestion.WRITE_UP if begun or not movable else DayQuestion.ASK_PAST
    return DayQuestion.ASK_LATER if movable else DayQuestion.NONE
