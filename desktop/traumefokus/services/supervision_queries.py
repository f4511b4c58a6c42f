"""The statements behind the supervision overview: each reads a whole period at once (counted
or grouped by the database where it can), never one course at a time.

Every statement joins a session or a flag to its course, so that the same conditions on
`Course` choose the site and the therapists.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from traumefokus.domain.supervision import Period
from traumefokus.domain.vocabulary import Attendance, CourseStatus, NoteStatus, SessionKind
from traumefokus.storage.models import Course, CourseSession, SafetyFlag

HELD = Attendance.HELD.value
TRAUMA = SessionKind.TRAUMA.value
ENDED = (CourseStatus.COMPLETED.value, CourseStatus.ENDED_EARLY.value)


def courses(tx: Session, scope: list[ColumnElement[bool]], period: Period) -> list[Any]:
    """Every course under way at some time in the period (which includes those started in
    it, those active at its end and those that ended in it)."""
    overlaps = [Course.status != CourseStatus.PLANNED.value, Course.start_date <= period.end]
    if period.start is not None:
        overlaps.append(or_(Course.end_date.is_(None), Course.end_date >= period.start))
    query = select(
        Course.id,
        Course.therapist_id,
        Course.method,
        Course.programme,
        Course.pack_id,
        Course.status,
        Course.start_date,
        Course.end_date,
        Course.end_reason,
        Course.chosen_themes,
    ).where(*scope, *overlaps)
    return list(tx.execute(query).all())


def _within(column: Any, period: Period) -> ColumnElement[bool]:
    if period.start is None:
        return column <= period.end  # type: ignore[no-any-return]
    return column.between(period.start, period.end)  # type: ignore[no-any-return]


def _ended_ids(scope: list[ColumnElement[bool]], period: Period) -> Any:
    return select(Course.id).where(
        *scope, Course.status.in_(ENDED), _within(Course.end_date, period)
    )


def attended_on_ended(
    tx: Session, scope: list[ColumnElement[bool]], period: Period
) -> dict[str, int]:
    """For each course that ended in the period: its attended sessions, whenever held."""
    counted = and_(
        CourseSession.attendance == HELD, CourseSession.kind != SessionKind.FOLLOW_UP.value
    )
    rows = tx.execute(
        select(CourseSession.course_id, func.count())
        .where(CourseSession.course_id.in_(_ended_ids(scope, period)), counted)
        .group_by(CourseSession.course_id)
    ).all()
    return {course_id: int(count) for course_id, count in rows}


def themes_held_on_ended(
    tx: Session, scope: list[ColumnElement[bool]], period: Period
) -> dict[str, set[str]]:
    """For each course that ended in the period: the themes of its held trauma sessions."""
    themes: dict[str, set[str]] = defaultdict(set)
    for course_id, theme in tx.execute(
        select(CourseSession.course_id, CourseSession.theme_id)
        .where(
            CourseSession.course_id.in_(_ended_ids(scope, period)),
            CourseSession.attendance == HELD,
            CourseSession.kind == TRAUMA,
            CourseSession.theme_id.is_not(None),
        )
        .distinct()
    ):
        themes[course_id].add(theme or "")
    return themes


def _sessions_of(scope: list[ColumnElement[bool]], *columns: Any) -> Any:
    return select(*columns).join(Course, Course.id == CourseSession.course_id).where(*scope)


def attendance(tx: Session, scope: list[ColumnElement[bool]], period: Period) -> list[Any]:
    """Per therapist and attendance: the sessions recorded in the period, the gift cards
    given at them and their amount."""
    given = CourseSession.gift_card_given.is_(True)
    query = (
        _sessions_of(
            scope,
            Course.therapist_id,
            CourseSession.attendance,
            func.count().label("sessions"),
            func.count(case((given, 1))).label("gift_cards"),
            func.coalesce(func.sum(case((given, CourseSession.gift_card_dkk))), 0).label("dkk"),
        )
        .where(_within(CourseSession.date, period), CourseSession.attendance.is_not(None))
        .group_by(Course.therapist_id, CourseSession.attendance)
    )
    return list(tx.execute(query).all())


def themes_held(tx: Session, scope: list[ColumnElement[bool]], period: Period) -> list[Any]:
    """Per method, pack and theme: the trauma sessions held in the period."""
    query = (
        _sessions_of(scope, Course.method, Course.pack_id, CourseSession.theme_id, func.count())
        .where(
            _within(CourseSession.date, period),
            CourseSession.attendance == HELD,
            CourseSession.kind == TRAUMA,
            CourseSession.theme_id.is_not(None),
        )
        .group_by(Course.method, Course.pack_id, CourseSession.theme_id)
    )
    return list(tx.execute(query).all())


def notes(tx: Session, scope: list[ColumnElement[bool]], period: Period) -> list[Any]:
    """The notes that had to be signed, of sessions in the period: (therapist id, day,
    signed at). A session held, on its day; a note begun on a session not yet recorded, on
    its planned day."""
    held = and_(CourseSession.attendance == HELD, _within(CourseSession.date, period))
    drafted = and_(
        CourseSession.date.is_(None),
        CourseSession.note_status == NoteStatus.DRAFT.value,
        _within(CourseSession.planned_date, period),
    )
    signed = CourseSession.note_status == NoteStatus.SIGNED.value
    query = _sessions_of(
        scope,
        Course.therapist_id,
        func.coalesce(CourseSession.date, CourseSession.planned_date),
        case((signed, CourseSession.signed_at), else_=None),
    ).where(or_(held, drafted))
    return list(tx.execute(query).all())


def agenda_minutes(
    tx: Session,
    scope: list[ColumnElement[bool]],
    period: Period,
    points: Mapping[str, Iterable[str]],
) -> list[tuple[str, str, str, float]]:
    """(programme, session kind, agenda point, minutes) of the held sessions of the period,
    for the agenda `points` of each session kind."""
    wanted = {kind: tuple(ids) for kind, ids in points.items()}
    query = _sessions_of(
        scope, Course.programme, CourseSession.kind, CourseSession.agenda_seconds
    ).where(
        _within(CourseSession.date, period),
        CourseSession.attendance == HELD,
        CourseSession.kind.in_(wanted),
    )
    found: list[tuple[str, str, str, float]] = []
    for programme, kind, timings in tx.execute(query):
        for point in wanted[kind]:
            seconds = timings.get(point) if isinstance(timings, dict) else None
            if isinstance(seconds, int | float) and not isinstance(seconds, bool):
                found.append((programme, kind, point, seconds / 60))
    return found


def flags(tx: Session, scope: list[ColumnElement[bool]], period: Period) -> tuple[int, int]:
    """Safety flags open now, and raised in the period (local days)."""
    raised = SafetyFlag.raised_at < utc_midnight(period.end + timedelta(days=1))
    if period.start is not None:
        raised = and_(raised, SafetyFlag.raised_at >= utc_midnight(period.start))
    row = tx.execute(
        select(
            func.count(case((SafetyFlag.cleared_at.is_(None), 1))),
            func.count(case((raised, 1))),
        )
        .join(Course, Course.id == SafetyFlag.course_id)
        .where(*scope)
    ).one()
    return int(row[0]), int(row[1])


def utc_midnight(day: date) -> datetime:
    """The start of `day` in local time, as a UTC moment."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)
