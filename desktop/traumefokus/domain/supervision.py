"""The rules of the supervision overview: which period each figure reads, what counts as
attended, late or never done, and the statistics (rates, median and quartiles). No I/O.

Which dates a figure reads (the overview says so on screen and on paper):
- courses started: the course's start date lies in the period and the course is under way or
  has ended (a course still only planned has not started);
- active: under way on the period's last day: started by then and not ended before it;
- completed and ended early: the course's end date lies in the period;
- at least nine attended sessions: of the courses that ended in the period, all their
  sessions counted, whenever held;
- attendance, agenda time, gift cards and unsigned notes: sessions whose real date (the day
  attendance was recorded) lies in the period; a note begun but not yet recorded counts on
  its planned day;
- themes chosen: courses started in the period; themes held: trauma sessions held in the
  period; themes never done: chosen and not held on a course that ended in the period;
- safety flags: open now (whenever raised), and raised in the period.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from traumefokus.domain.vocabulary import Attendance, CourseStatus, NoteStatus, SessionKind

NINE = 9  # the pilot's "whole trauma-focused course": at least nine attended sessions
NOTE_DAYS = 2  # a note is signed at the latest two days after its session
_PLANNED = CourseStatus.PLANNED.value
_ENDED = (CourseStatus.COMPLETED.value, CourseStatus.ENDED_EARLY.value)


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both days included; no start: from the first data on."""

    start: date | None
    end: date

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        return (self.start is None or self.start <= day) and day <= self.end


def started(status: str, start_date: date, period: Period) -> bool:
    return status != _PLANNED and start_date in period


def active_at_end(status: str, start_date: date, end_date: date | None, period: Period) -> bool:
    """Under way on the period's last day: started by then, not ended before it. (A course
    that ends on that day was still under way on it.)"""
    if status == _PLANNED or start_date > period.end:
        return False
    return end_date is None or end_date >= period.end


def ended_in(status: str, end_date: date | None, period: Period) -> bool:
    return status in _ENDED and end_date in period


def attended(kind: str, attendance: str | None) -> bool:
    """An attended session (DESIGN.md): held; assessment and extra sessions count,
    follow-ups do not."""
    return attendance == Attendance.HELD.value and kind != SessionKind.FOLLOW_UP.value


def attendance_rate(held: int, no_show: int, cancelled_by_client: int) -> float | None:
    """Held out of the sessions the client was expected at: held, no-shows and those the
    client cancelled. Sessions the centre cancelled are left out. None: nothing to count."""
    expected = held + no_show + cancelled_by_client
    return held / expected if expected else None


def note_begun(attendance: str | None, note_status: str) -> bool:
    """A session whose note the therapist must sign: held, or a draft begun. (A session not
    held is signed with its attendance at once.)"""
    return attendance == Attendance.HELD.value or note_status == NoteStatus.DRAFT.value


def note_due(day: date) -> date:
    """The last day on which the note of a session on `day` is signed in time."""
    return day + timedelta(days=NOTE_DAYS)


def note_late(day: date, signed_on: date | None, today: date) -> bool:
    """Not signed two days after its day: signed later than that, or still unsigned once
    those days have passed."""
    return (signed_on if signed_on is not None else today) > note_due(day)


def unsigned_late_before(today: date) -> date:
    """The first day whose note, still unsigned on `today`, is not late yet: the note of any
    session before it is (note_late), of it or after it not."""
    return today - timedelta(days=NOTE_DAYS)


def never_done(chosen: Iterable[str], held: Iterable[str]) -> list[str]:
    """The chosen themes of an ended course that were never held, in the chosen order."""
    done = set(held)
    return [theme for theme in chosen if theme not in done]


@dataclass(frozen=True)
class Spread:
    """The middle of a set of values and its spread: median and quartiles."""

    n: int
    q1: float
    median: float
    q3: float


def quantile(ordered: Sequence[float], fraction: float) -> float:
    """Linear interpolation between the closest ranks (the "inclusive" method of Python's
    statistics, R's type 7 and Excel's QUARTILE.INC) of sorted values."""
    if not ordered:
        raise ValueError("no values")
    position = (len(ordered) - 1) * fraction
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def spread(values: Iterable[float]) -> Spread | None:
    """Median and quartiles of `values`; None when there are none."""
    ordered = sorted(values)
    if not ordered:
        return None
    return Spread(
        len(ordered), quantile(ordered, 0.25), quantile(ordered, 0.5), quantile(ordered, 0.75)
    )
