"""When a note was signed late, asked of the database: the rule of domain/supervision.py
(note_due) in local days, the same answer as deadline() gives, as a condition on a whole
period of sessions at once.

The note of a session on day d is late when signed at or after deadline(d): the local
midnight that ends its last day, as a UTC moment. That moment is d's midnight plus a shift
(three days less the local offset) that changes only where the local offset does. The
condition carries one shift per stretch of days between two changes, each found by asking
deadline() itself of every day a session was recorded on, so that it answers as deadline()
does, whatever the time zone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, DateTime, Interval, case, cast, false, func, literal
from sqlalchemy.orm import Session

from traumefokus.domain import supervision as rules
from traumefokus.storage.models import CourseSession

ONE_DAY = timedelta(days=1)
FIRST_MOMENT = datetime.min.replace(tzinfo=UTC)
LAST_MOMENT = datetime.max.replace(tzinfo=UTC)


def utc_midnight(day: date) -> datetime:
    """The start of `day` in local time, as a UTC moment; at either end of the calendar, where
    the local offset would carry it past the end, the first or the last moment there is."""
    try:
        return datetime.combine(day, time.min).astimezone().astimezone(UTC)
    except (OverflowError, ValueError):
        return FIRST_MOMENT if day.year == date.min.year else LAST_MOMENT


def next_midnight(day: date) -> datetime:
    """The end of `day` in local time (the start of the next), as a UTC moment; the last
    moment there is for the calendar's last days."""
    try:
        return utc_midnight(day + ONE_DAY)
    except OverflowError:
        return LAST_MOMENT


def deadline(day: date) -> datetime:
    """The moment from which the note of a session on `day` is signed late: the start of the
    day after its last day (domain/supervision.py: note_due, in local time), in UTC."""
    try:
        return next_midnight(rules.note_due(day))
    except OverflowError:  # a session on the calendar's last days: its note is never late
        return LAST_MOMENT


def deadline_shifts(days: Iterable[date]) -> list[tuple[date, timedelta]]:
    """(day, shift) for the first of `days` (in order) and for each later one whose shift
    from its midnight to its deadline (both as naive UTC) differs from the one before's."""
    steps: list[tuple[date, timedelta]] = []
    for day in days:
        by = deadline(day).replace(tzinfo=None) - datetime.combine(day, time.min)
        if not steps or steps[-1][1] != by:
            steps.append((day, by))
    return steps


def signed_late(tx: Session, day: ColumnElement[date], days: Iterable[date]) -> ColumnElement[bool]:
    """Whether the note of a session on `day`, one of `days` (in order), was signed at or
    after its deadline() (an unsigned note: unknown, so not counted)."""
    steps = deadline_shifts(days)
    if not steps:
        return false()
    sqlite = tx.get_bind().dialect.name == "sqlite"

    def shift(by: timedelta) -> Any:
        if sqlite:  # a modifier of datetime(); offsets, and so shifts, are whole seconds
            return literal(f"+{by // timedelta(seconds=1)} seconds")
        return literal(by, Interval())

    # a day before the next change takes the shift of the stretch it lies in
    by: ColumnElement[Any] = shift(steps[0][1])
    if len(steps) > 1:
        by = case(
            *((day < start, shift(steps[i][1])) for i, (start, _) in enumerate(steps[1:])),
            else_=shift(steps[-1][1]),
        )
    if sqlite:
        # SQLite keeps a moment as text, "YYYY-MM-DD HH:MM:SS.ffffff", which sorts as the
        # moments do; datetime() writes "YYYY-MM-DD HH:MM:SS", which sorts just before the
        # same second with its fraction, as that second's start does.
        return CourseSession.signed_at >= func.datetime(day, by)
    return CourseSession.signed_at >= cast(day, DateTime) + by
