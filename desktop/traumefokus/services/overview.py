"""What the main window lists: clients and their courses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select

from traumefokus.domain.access import Action, Relation
from traumefokus.domain.users import person_label
from traumefokus.domain.vocabulary import Attendance, CourseStatus, SessionKind
from traumefokus.services.acting import Acting
from traumefokus.services.editing import load
from traumefokus.storage.models import Client, Course, CourseSession, User

OPEN_STATUSES = (CourseStatus.PLANNED.value, CourseStatus.ACTIVE.value)


@dataclass(frozen=True)
class ClientRow:
    id: str
    code: str
    display_name: str | None
    site: str
    courses: int
    latest_status: str | None
    latest_method: str | None
    next_session: date | None  # the first session of an open course not yet recorded


@dataclass(frozen=True)
class CourseRow:
    id: str
    method: str
    status: str
    start_date: date
    end_date: date | None
    therapist: str
    sessions_planned: int
    sessions_held: int


def list_clients(acting: Acting) -> list[ClientRow]:
    """Every client this user may see, with the status and method of their most recent
    course this user may read, and the date of its next session."""
    acting.require(Action.SEE_CLIENT, Relation.OWN)
    readable = acting.readable_courses()
    with acting.db.reading() as session:
        clients = session.execute(
            select(Client.id, Client.code, Client.display_name, Client.site)
            .where(acting.visible_clients())
            .order_by(Client.code)
        ).all()
        courses = session.execute(
            select(Course.client_id, Course.status, Course.method)
            .where(readable)
            .order_by(Course.client_id, Course.start_date, Course.id)
        ).all()
        upcoming = dict(
            session.execute(
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
    latest: dict[str, tuple[str, str]] = {}
    counts: dict[str, int] = {}
    for client_id, status, method in courses:
        latest[client_id] = (status, method)  # ordered by start date: the last one wins
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
        )
        for c in clients
    ]


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
    with acting.db.reading() as session:
        client = load(session, Client, client_id, "client")
        acting.require_client(session, client.id, Action.SEE_CLIENT)
        rows = session.execute(query).all()
    return [
        CourseRow(
            id=r[0],
            method=r[1],
            status=r[2],
            start_date=r[3],
            end_date=r[4],
            therapist=person_label(r[5], r[6], r[7]),
            sessions_planned=r[8],
            sessions_held=int(r[9] or 0),
        )
        for r in rows
    ]
