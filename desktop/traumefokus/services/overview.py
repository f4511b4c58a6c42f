"""What the main window lists: clients and their courses, and the notes left unsigned."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from traumefokus.domain.access import Action, Relation
from traumefokus.domain.content import Version
from traumefokus.domain.overdue import session_overdue
from traumefokus.domain.themes import open_themes, theme_states
from traumefokus.domain.users import person_label
from traumefokus.domain.vocabulary import (
    OPEN_STATUSES,
    Attendance,
    CourseStatus,
    Method,
    NoteStatus,
    SessionKind,
)
from traumefokus.services.acting import Acting
from traumefokus.services.course_themes import theme_title
from traumefokus.services.editing import load
from traumefokus.storage.due_notes import note_to_sign
from traumefokus.storage.models import Client, Course, CourseSession, User


@dataclass(frozen=True)
class ClientRow:
    id: str
    code: str
    display_name: str | None
    site: str
    courses: int
    latest_status: CourseStatus | None
    latest_method: Method | None
    next_session: date | None  # the first session of an open course not yet recorded
    next_overdue: bool = False  # that session's day has passed and it is still not recorded
    themes_open: int = 0  # themes of missed sessions with nothing decided, on an open course


@dataclass(frozen=True)
class CourseRow:
    id: str
    method: Method
    status: CourseStatus
    start_date: date
    end_date: date | None
    therapist: str
    sessions_planned: int
    sessions_held: int


def list_clients(acting: Acting, today: date | None = None) -> list[ClientRow]:
    """Every client this user may see, with the status and method of their most recent
    course this user may read, and the date of its next session (overdue if before
    `today`)."""
    acting.require(Action.SEE_CLIENT, Relation.OWN)
    today = today or date.today()
    readable = acting.readable_courses()
    with acting.db.reading() as tx:
        clients = tx.execute(
            select(Client.id, Client.code, Client.display_name, Client.site)
            .where(acting.visible_clients())
            .order_by(Client.code)
        ).all()
        courses = tx.execute(
            select(Course.client_id, Course.status, Course.method)
            .where(readable)
            .order_by(Course.client_id, Course.start_date, Course.id)
        ).all()
        upcoming = dict(
            tx.execute(
                select(Course.client_id, func.min(CourseSession.planned_date))
                .join(CourseSession, CourseSession.course_id == Course.id)
                .where(
                    Course.status.in_(OPEN_STATUSES),
                    CourseSession.attendance.is_(None),
                    readable,
                )
                .group_by(Course.client_id)
            ).all()
        )
        themes_open = _themes_open(tx, readable)
    latest: dict[str, tuple[CourseStatus, Method]] = {}
    counts: dict[str, int] = {}
    for client_id, status, method in courses:
        # ordered by start date: the last one wins
        latest[client_id] = (CourseStatus(status), Method(method))
        counts[client_id] = counts.get(client_id, 0) + 1
    return [
        ClientRow(
            id=c.id,
            code=c.code,
            display_name=c.display_name,
            site=c.site,
            courses=counts.get(c.id, 0),
            latest_status=latest.get(c.id, (None, None))[0],
            latest_method=latest.get(c.id, (None, None))[1],
            next_session=upcoming.get(c.id),
            next_overdue=session_overdue(upcoming.get(c.id), today),
            themes_open=themes_open.get(c.id, 0),
        )
        for c in clients
    ]


def _themes_open(tx: Session, readable: ColumnElement[bool]) -> dict[str, int]:
    """Per client, the themes of missed trauma sessions still waiting for a decision on an
    open course. Only courses with a missed trauma session are read: they are few."""
    trauma = CourseSession.kind == SessionKind.TRAUMA.value
    missed = select(CourseSession.course_id).where(
        trauma,
        CourseSession.theme_id.is_not(None),
        CourseSession.attendance.is_not(None),
        CourseSession.attendance != Attendance.HELD.value,
    )
    courses = tx.execute(
        select(Course.id, Course.client_id, Course.chosen_themes, Course.dropped_themes).where(
            Course.status.in_(OPEN_STATUSES), readable, Course.id.in_(missed)
        )
    ).all()
    if not courses:
        return {}
    sessions: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for course_id, kind, theme, attendance in tx.execute(
        select(
            CourseSession.course_id,
            CourseSession.kind,
            CourseSession.theme_id,
            CourseSession.attendance,
        ).where(trauma, CourseSession.course_id.in_([c.id for c in courses]))
    ):
        sessions.setdefault(course_id, []).append((kind, theme, attendance))
    counts: dict[str, int] = {}
    for course_id, client_id, chosen, dropped in courses:
        states = theme_states(chosen, dropped, sessions.get(course_id, []))
        counts[client_id] = counts.get(client_id, 0) + len(open_themes(states))
    return counts


def client_courses(acting: Acting, client_id: str) -> list[CourseRow]:
    """The client's courses that this user may read, newest first."""
    # As "attended sessions" are counted everywhere: follow-ups are not part of the course.
    counted = CourseSession.kind != SessionKind.FOLLOW_UP.value
    held = func.sum(
        case((counted & (CourseSession.attendance == Attendance.HELD.value), 1), else_=0)
    )
    planned = func.sum(case((counted, 1), else_=0))
    query = (
        select(
            Course.id,
            Course.method,
            Course.status,
            Course.start_date,
            Course.end_date,
            User.name,
            User.full_name,
            User.title,
            planned,
            held,
        )
        .join(User, User.id == Course.therapist_id)
        .outerjoin(CourseSession, CourseSession.course_id == Course.id)
        .where(Course.client_id == client_id, acting.readable_courses())
        .group_by(Course.id, User.name, User.full_name, User.title)
        .order_by(Course.start_date.desc(), Course.id)
    )
    with acting.db.reading() as tx:
        client = load(tx, Client, client_id, "client")
        acting.require_client(tx, client.id, Action.SEE_CLIENT)
        rows = tx.execute(query).all()
    return [
        CourseRow(
            id=r[0],
            method=Method(r[1]),
            status=CourseStatus(r[2]),
            start_date=r[3],
            end_date=r[4],
            therapist=person_label(r[5], r[6], r[7]),
            sessions_planned=r[8],
            sessions_held=int(r[9] or 0),
        )
        for r in rows
    ]


@dataclass(frozen=True)
class OverdueNote:
    """A note left unsigned after its day (domain/overdue.py), as the Today list shows it."""

    session_id: str
    course_id: str
    client_code: str
    day: date  # the day the session was held or begun (its planned day if none recorded)
    planned_time: time | None
    number: int | None
    kind: SessionKind
    theme_title: str | None
    therapist: str
    attendance: Attendance | None
    note_status: NoteStatus


def overdue_notes(acting: Acting, today: date) -> list[OverdueNote]:
    """The notes this user should have signed before `today`, on the courses they run
    (their own and those they cover), oldest first."""
    query = overdue_query(acting, today)
    with acting.db.reading() as tx:
        rows = tx.execute(query).all()
    return [
        OverdueNote(
            session_id=r[0],
            course_id=r[1],
            client_code=r[2],
            day=r[3],
            planned_time=r[4],
            number=r[5],
            kind=SessionKind(r[6]),
            theme_title=_theme_title(acting, r[10], r[11], r[7]),
            therapist=person_label(r[12], r[13], r[14]),
            attendance=Attendance(r[8]) if r[8] else None,
            note_status=NoteStatus(r[9]),
        )
        for r in rows
    ]


def overdue_query(acting: Acting, today: date) -> Select[*tuple[Any, ...]]:
    """The rule of `domain.overdue.note_overdue` as a query. It starts from the user's
    courses (indexed by therapist) and reaches their sessions through the index of notes to
    sign (storage/due_notes.py), so it stays quick on a large database."""
    day = func.coalesce(CourseSession.date, CourseSession.planned_date)
    return (
        select(
            CourseSession.id,
            Course.id,
            Client.code,
            day,
            CourseSession.planned_time,
            CourseSession.number,
            CourseSession.kind,
            CourseSession.theme_id,
            CourseSession.attendance,
            CourseSession.note_status,
            Course.pack_id,
            Course.pack_version,
            User.name,
            User.full_name,
            User.title,
        )
        .select_from(Course)
        .join(CourseSession, CourseSession.course_id == Course.id)
        .join(Client, Client.id == Course.client_id)
        .join(User, User.id == Course.therapist_id)
        .where(
            CourseSession.course_id.in_(acting.course_ids_for(Action.RUN)),
            note_to_sign(CourseSession.note_status, CourseSession.attendance),
            or_(
                CourseSession.date < today,
                and_(CourseSession.date.is_(None), CourseSession.planned_date < today),
            ),
        )
        .order_by(day, CourseSession.planned_time, Client.code)
    )


def _theme_title(acting: Acting, pack_id: str, version: str, theme_id: str | None) -> str | None:
    if theme_id is None:
        return None
    return theme_title(acting.library.pack(pack_id, Version.parse(version)), theme_id)
