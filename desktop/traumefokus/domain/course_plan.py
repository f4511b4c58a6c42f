"""The rules of a course plan: laying out the MOVE sequence from a programme, re-dating, and
checking a choice of themes. Plain functions on values; services apply them to the data."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta

from traumefokus.domain.content import Programme
from traumefokus.domain.vocabulary import Attendance, SessionKind
from traumefokus.errors import InvalidInput


@dataclass(frozen=True)
class PlannedSession:
    number: int | None
    kind: SessionKind
    planned_date: date
    planned_time: time | None
    minutes: int
    follow_up_month: int | None = None


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the 31st becomes the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_weekday_after(day: date, weekday: int) -> date:
    """The first date strictly after `day` that falls on `weekday` (0 = Monday)."""
    return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def lay_out(
    programme: Programme, start: date, weekday: int, at: time | None
) -> list[PlannedSession]:
    """The sessions of a new course: the first on the start date, the rest on `weekday` every
    `interval_days`, and the follow-ups the programme's months after the last session (on the
    course's weekday, never on a weekend)."""
    if not 0 <= weekday <= 6:
        raise InvalidInput("plan.weekday_invalid", weekday=weekday)
    sessions: list[PlannedSession] = []
    day = start
    for index, slot in enumerate(programme.slots):
        if index == 1:
            day = next_weekday_after(start, weekday)
        elif index > 1:
            day = day + timedelta(days=programme.interval_days)
        sessions.append(
            PlannedSession(slot.number, slot.kind, day, at, programme.lengths[slot.kind][1])
        )
    last = sessions[-1].planned_date
    for months in programme.follow_up_months:
        sessions.append(
            PlannedSession(
                None,
                SessionKind.FOLLOW_UP,
                next_weekday_after(add_months(last, months) - timedelta(days=1), weekday),
                at,
                programme.lengths[SessionKind.FOLLOW_UP][1],
                follow_up_month=months,
            )
        )
    return sessions


def check_date_in_course(course_start: date, day: date) -> None:
    if day < course_start:
        raise InvalidInput(
            "plan.before_start", date=day.isoformat(), start=course_start.isoformat()
        )


def check_theme_choice(chosen: Sequence[str], offered: Sequence[str], count: int) -> None:
    """A choice of themes is exactly `count` distinct themes, all offered by the programme."""
    for theme in chosen:
        if theme not in offered:
            raise InvalidInput("plan.theme_not_offered", theme=theme)
    for theme in chosen:
        if chosen.count(theme) > 1:
            raise InvalidInput("plan.theme_duplicate", theme=theme)
    if len(chosen) != count:
        raise InvalidInput("plan.theme_count", count=len(chosen), expected=count)


def attended_count(sessions: Iterable[tuple[str, str | None]]) -> int:
    """Attended sessions, as the report's "at least nine" counts them: (kind, attendance)
    pairs held, assessment and extra sessions included, follow-ups excluded."""
    return sum(
        1
        for kind, attendance in sessions
        if attendance == Attendance.HELD.value and kind != SessionKind.FOLLOW_UP.value
    )


def is_theme_slot(
    kind: str, extra: bool, theme_id: str | None, chosen: Sequence[str], attendance: str | None
) -> bool:
    """Whether a session takes one of the chosen themes: the layout's trauma sessions, and
    extra sessions for a chosen theme; not a session that was recorded but not held (its
    theme still needs a session)."""
    return (
        kind == SessionKind.TRAUMA.value
        and attendance in (None, Attendance.HELD.value)
        and (not extra or theme_id in chosen)
    )


def extra_session_day(
    sessions: Iterable[tuple[str, date | None, date | None, str | None]], interval_days: int
) -> date | None:
    """Where an extra theme session goes, from the course's (kind, planned date, date,
    attendance): one interval after the last trauma session, or after the last session
    recorded when that is later (a decision made late never lands among sessions already
    held). None for a course without a dated trauma session."""
    trauma: list[date] = []
    recorded: list[date] = []
    for kind, planned, held_on, attendance in sessions:
        if kind == SessionKind.TRAUMA and (day := planned or held_on):
            trauma.append(day)
        if attendance is not None and kind != SessionKind.FOLLOW_UP and (day := held_on or planned):
            recorded.append(day)
    if not trauma:
        return None
    return max([max(trauma), *recorded]) + timedelta(days=interval_days)


def pushed_later(planned: date | None, attendance: str | None, day: date) -> bool:
    """Whether an extra session on `day` pushes this session one interval later: it is not
    recorded yet and planned for that day or after."""
    return attendance is None and planned is not None and planned >= day
