"""The logbook: every session with attendance or a note, one row each, for the users who may
read its course (a therapist: the courses they run; a supervisor and an administrator: all).

One query serves the screen (a page at a time, sorted, with a count), the logbook export
(streamed) and the benchmarks: the filters run in the database, on indexed columns, and a
page reads only its own rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from traumefokus.domain.access import Action
from traumefokus.domain.content import Version
from traumefokus.domain.vocabulary import (
    Attendance,
    CourseStatus,
    Method,
    NoteStatus,
    SessionKind,
)
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.course_themes import theme_title
from traumefokus.storage.models import Client, Course, CourseSession, User

NOT_RECORDED = "not_recorded"  # the attendance filter's value for a note with no attendance
MAX_PAGE = 1000
STREAM_CHUNK = 1000


class LogbookOrder(StrEnum):
    DAY = "day"
    CLIENT = "client"
    THERAPIST = "therapist"
    SITE = "site"
    METHOD = "method"
    SESSION = "session"
    ATTENDANCE = "attendance"
    NOTE = "note"
    COURSE = "course"  # the course's status


@dataclass(frozen=True)
class LogbookFilter:
    """Which entries to show; an empty value leaves that filter out."""

    therapists: frozenset[str] = frozenset()  # user ids
    site: str | None = None
    method: Method | None = None
    start: date | None = None  # on the session's real date (its planned date if none yet)
    end: date | None = None
    attendance: Attendance | str | None = None  # or NOT_RECORDED
    note_status: NoteStatus | None = None
    course_status: CourseStatus | None = None
    client_code: str = ""  # part of a client code, in any case


@dataclass(frozen=True)
class Person:
    id: str
    name: str  # the user name: identifying
    full_name: str | None
    title: str | None


@dataclass(frozen=True)
class LogbookRow:
    session_id: str
    course_id: str
    client_id: str
    client_code: str
    display_name: str | None
    site: str
    therapist: Person
    held_by: Person | None
    method: Method
    programme: str
    course_status: CourseStatus
    course_end_reason: str | None
    number: int | None
    kind: SessionKind
    extra: bool
    follow_up_month: int | None
    theme_id: str | None
    theme: str | None  # its title in the course's pack
    day: date | None  # the real date, or the planned one while none is recorded
    planned_date: date | None
    attendance: Attendance | None
    not_held_reason: str | None
    note_status: NoteStatus
    signed_at: datetime | None
    cosigned_at: datetime | None
    planned_minutes: int | None
    agenda_seconds: dict[str, int] = field(default_factory=dict)
    worksheets_used: int = 0
    gift_card_given: bool | None = None
    gift_card_dkk: int | None = None
    other_treatment: tuple[dict[str, str], ...] = ()
    recorded: bool = False
    recording_file: str | None = None  # identifying: file names often carry the client code


_Query = Select[*tuple[Any, ...]]
_therapist = aliased(User, name="therapist")
_held_by = aliased(User, name="held_by")
_DAY = func.coalesce(CourseSession.date, CourseSession.planned_date)
_ORDER: dict[LogbookOrder, Any] = {
    LogbookOrder.DAY: _DAY,
    LogbookOrder.CLIENT: Client.code,
    LogbookOrder.THERAPIST: _therapist.name,
    LogbookOrder.SITE: Client.site,
    LogbookOrder.METHOD: Course.method,
    LogbookOrder.SESSION: CourseSession.number,
    LogbookOrder.ATTENDANCE: CourseSession.attendance,
    LogbookOrder.NOTE: CourseSession.note_status,
    LogbookOrder.COURSE: Course.status,
}


def count_entries(acting: Acting, where: LogbookFilter) -> int:
    query = _query(acting, where).with_only_columns(func.count()).order_by(None)
    with acting.db.reading() as tx:
        return int(tx.scalar(query) or 0)


def page_of_entries(
    acting: Acting,
    where: LogbookFilter,
    *,
    order: LogbookOrder = LogbookOrder.DAY,
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
) -> list[LogbookRow]:
    """One page of entries in the order asked for (ties: by day, then session id). The page's
    ids are found first with a narrow query, so that sorting and skipping never drag every
    entry's note along; then only the page's rows are read whole."""
    ordered = _ordered(_query(acting, where), order, descending)
    page = (
        ordered.with_only_columns(CourseSession.id)
        .offset(max(offset, 0))
        .limit(min(max(limit, 1), MAX_PAGE))
    )
    with acting.db.reading() as tx:
        ids = list(tx.scalars(page))
        if not ids:
            return []
        rows = tx.execute(ordered.where(CourseSession.id.in_(ids))).mappings()
        return [_row(acting, r) for r in rows]


def each_entry(acting: Acting, where: LogbookFilter) -> Iterator[LogbookRow]:
    """Every entry, oldest first, read in chunks (for an export of any size)."""
    query = _ordered(_query(acting, where), LogbookOrder.DAY, False)
    titles: dict[tuple[str, str, str], str] = {}  # a theme's title is looked up once
    with acting.db.reading() as tx:
        for r in tx.execute(query.execution_options(yield_per=STREAM_CHUNK)).mappings():
            yield _row(acting, r, titles)


def logbook_therapists(acting: Acting) -> list[Person]:
    """The therapists of the courses this user may read (to filter by), by shown name."""
    query = (
        select(User.id, User.name, User.full_name, User.title)
        .distinct()
        .join(Course, Course.therapist_id == User.id)
        .where(acting.readable_courses())
    )
    with acting.db.reading() as tx:
        people = [Person(*r) for r in tx.execute(query)]
    return sorted(people, key=lambda p: ((p.full_name or p.name).casefold(), p.name))


def require_export(acting: Acting, *, identifiable: bool) -> None:
    """Refused (exit 3) unless this user may export the logbook: pseudonymised, of the courses
    they may read; with codes and names (`identifiable`), an administrator only."""
    acting.require(Action.EXPORT_LOGBOOK)
    if identifiable:
        acting.require(Action.EXPORT_IDENTIFIABLE)


def record_export(acting: Acting, *, rows: int, identifiable: bool, file_format: str) -> None:
    """The export in the audit trail: how many rows, in which format, and whether it kept
    codes and names; never what it holds."""
    with acting.transaction() as tx:
        audit.record(
            tx,
            acting.actor,
            "export.logbook",
            rows=rows,
            identifiable=identifiable,
            format=file_format,
        )


def _ordered(query: _Query, order: LogbookOrder, descending: bool) -> _Query:
    keys = [_ORDER[order], _DAY, CourseSession.id]
    return query.order_by(*(k.desc() if descending else k.asc() for k in keys))


def _query(acting: Acting, where: LogbookFilter) -> _Query:
    return (
        select(
            CourseSession.id.label("session_id"),
            Course.id.label("course_id"),
            Client.id.label("client_id"),
            Client.code.label("client_code"),
            Client.display_name.label("display_name"),
            Client.site.label("site"),
            _therapist.id.label("therapist_id"),
            _therapist.name.label("therapist_name"),
            _therapist.full_name.label("therapist_full_name"),
            _therapist.title.label("therapist_title"),
            _held_by.id.label("held_by_id"),
            _held_by.name.label("held_by_name"),
            _held_by.full_name.label("held_by_full_name"),
            _held_by.title.label("held_by_title"),
            Course.method,
            Course.programme,
            Course.pack_id,
            Course.pack_version,
            Course.status.label("course_status"),
            Course.end_reason,
            CourseSession.number,
            CourseSession.kind,
            CourseSession.extra,
            CourseSession.follow_up_month,
            CourseSession.theme_id,
            _DAY.label("day"),
            CourseSession.planned_date,
            CourseSession.attendance,
            CourseSession.not_held_reason,
            CourseSession.note_status,
            CourseSession.signed_at,
            CourseSession.cosigned_at,
            CourseSession.planned_minutes,
            CourseSession.agenda_seconds,
            CourseSession.worksheets_used,
            CourseSession.gift_card_given,
            CourseSession.gift_card_dkk,
            CourseSession.other_treatment,
            CourseSession.recorded,
            CourseSession.recording_file,
        )
        .select_from(CourseSession)
        .join(Course, Course.id == CourseSession.course_id)
        .join(Client, Client.id == Course.client_id)
        .join(_therapist, _therapist.id == Course.therapist_id)
        .outerjoin(_held_by, _held_by.id == CourseSession.held_by_id)
        .where(
            acting.readable_courses(),
            or_(
                CourseSession.attendance.is_not(None),
                CourseSession.note_status != NoteStatus.NONE.value,
            ),
            *_conditions(where),
        )
    )


def _conditions(where: LogbookFilter) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if where.therapists:
        found.append(Course.therapist_id.in_(sorted(where.therapists)))
    if where.site is not None:
        found.append(Client.site == where.site)
    if where.method is not None:
        found.append(Course.method == where.method.value)
    if where.start is not None or where.end is not None:
        found.append(_in_period(where.start, where.end))
    if where.attendance == NOT_RECORDED:
        found.append(CourseSession.attendance.is_(None))
    elif where.attendance is not None:
        found.append(CourseSession.attendance == Attendance(where.attendance).value)
    if where.note_status is not None:
        found.append(CourseSession.note_status == where.note_status.value)
    if where.course_status is not None:
        found.append(Course.status == where.course_status.value)
    code = where.client_code.strip()
    if code:
        pattern = "%" + code.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        found.append(func.lower(Client.code).like(pattern + "%", escape="\\"))
    return found


def _in_period(start: date | None, end: date | None) -> ColumnElement[bool]:
    """The real date in the period; the planned date only for an entry with no real date
    (a draft before its attendance is recorded). Each side can use its own index."""

    def within(column: Any) -> ColumnElement[bool]:
        parts = []
        if start is not None:
            parts.append(column >= start)
        if end is not None:
            parts.append(column <= end)
        return and_(*parts)

    return or_(
        and_(CourseSession.date.is_not(None), within(CourseSession.date)),
        and_(CourseSession.date.is_(None), within(CourseSession.planned_date)),
    )


def _person(r: Any, prefix: str) -> Person | None:
    if r[f"{prefix}_id"] is None:
        return None
    return Person(
        r[f"{prefix}_id"], r[f"{prefix}_name"], r[f"{prefix}_full_name"], r[f"{prefix}_title"]
    )


def _theme(acting: Acting, r: Any, titles: dict[tuple[str, str, str], str]) -> str | None:
    theme_id = r["theme_id"]
    if not theme_id:
        return None
    key = (r["pack_id"], r["pack_version"], theme_id)
    if key not in titles:
        pack = acting.library.pack(key[0], Version.parse(key[1]))
        titles[key] = theme_title(pack, theme_id)
    return titles[key]


def _row(
    acting: Acting, r: Any, titles: dict[tuple[str, str, str], str] | None = None
) -> LogbookRow:
    therapist = _person(r, "therapist")
    assert therapist is not None
    theme_id = r["theme_id"]
    return LogbookRow(
        session_id=r["session_id"],
        course_id=r["course_id"],
        client_id=r["client_id"],
        client_code=r["client_code"],
        display_name=r["display_name"],
        site=r["site"],
        therapist=therapist,
        held_by=_person(r, "held_by"),
        method=Method(r["method"]),
        programme=r["programme"],
        course_status=CourseStatus(r["course_status"]),
        course_end_reason=r["end_reason"],
        number=r["number"],
        kind=SessionKind(r["kind"]),
        extra=bool(r["extra"]),
        follow_up_month=r["follow_up_month"],
        theme_id=theme_id,
        theme=_theme(acting, r, {} if titles is None else titles),
        day=r["day"],
        planned_date=r["planned_date"],
        attendance=Attendance(r["attendance"]) if r["attendance"] else None,
        not_held_reason=r["not_held_reason"],
        note_status=NoteStatus(r["note_status"]),
        signed_at=r["signed_at"],
        cosigned_at=r["cosigned_at"],
        planned_minutes=r["planned_minutes"],
        agenda_seconds=dict(r["agenda_seconds"] or {}),
        worksheets_used=len(r["worksheets_used"] or []),
        gift_card_given=r["gift_card_given"],
        gift_card_dkk=r["gift_card_dkk"],
        other_treatment=tuple(dict(t) for t in r["other_treatment"] or []),
        recorded=bool(r["recorded"]),
        recording_file=r["recording_file"],
    )
