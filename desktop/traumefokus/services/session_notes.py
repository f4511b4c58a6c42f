"""Running a session and keeping its note: open it with everything the screen needs, save the
draft as it is typed, sign it (which locks it), add dated addenda, raise and clear safety flags,
and list today's sessions.

A session's record is also its logbook entry: a session that was not held is signed with its
attendance all the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from traumefokus.content.library import ContentLibrary
from traumefokus.domain import session_note
from traumefokus.domain.actor import Actor
from traumefokus.domain.content import AgendaPoint, Measure, Pack, Theme, Version
from traumefokus.domain.course_plan import check_date_in_course
from traumefokus.domain.permissions import Permission
from traumefokus.domain.session_note import NoteDraft
from traumefokus.domain.vocabulary import Attendance, NoteStatus, Role, SessionKind
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services import audit
from traumefokus.services.auth import require
from traumefokus.services.courses import (
    OPEN_STATUSES,
    SessionView,
    course_content,
    load_course,
    mark_active_if_held,
    session_view,
)
from traumefokus.storage.database import Database
from traumefokus.storage.models import (
    Addendum,
    Client,
    Course,
    CourseSession,
    SafetyFlag,
)
from traumefokus.storage.types import utc_now

MAX_ADDENDUM = 20_000


@dataclass(frozen=True)
class FlagView:
    id: str
    text: str
    raised_at: datetime
    raised_by: str


@dataclass(frozen=True)
class AddendumView:
    at: datetime
    by: str
    text: str


@dataclass(frozen=True)
class PreviousCommitment:
    text: str
    session: SessionView


@dataclass(frozen=True)
class NoteView:
    """Everything the session screen shows, read in one go."""

    session: SessionView
    course_id: str
    course_open: bool
    course_start: date
    programme_name: str
    client_code: str
    display_name: str | None  # identifying: shown or printed only when asked for
    method: str
    therapist: str
    theme: Theme | None
    demo_content: bool
    agenda: tuple[AgendaPoint, ...]
    minutes: int
    measures: tuple[Measure, ...]
    previous_commitment: PreviousCommitment | None
    open_flags: tuple[FlagView, ...]
    draft: NoteDraft
    signed_at: datetime | None
    signed_by: str | None
    addenda: tuple[AddendumView, ...]

    @property
    def signed(self) -> bool:
        return self.session.note_status == NoteStatus.SIGNED.value


@dataclass(frozen=True)
class TodayRow:
    session_id: str
    course_id: str
    client_code: str
    planned_time: object
    number: int | None
    kind: str
    extra: bool
    follow_up_month: int | None
    theme_title: str | None
    therapist: str
    attendance: str | None
    note_status: str


def open_note(db: Database, actor: Actor, library: ContentLibrary, session_id: str) -> NoteView:
    require(actor, Permission.VIEW_CLIENTS)
    with db.reading() as session:
        target = session.get(CourseSession, session_id)
        if target is None:
            raise InvalidInput("session.unknown_id")
        course = load_course(session, target.course_id)
        programme, pack = course_content(library, course)
        kind = SessionKind(target.kind)
        theme = pack.theme(target.theme_id) if target.theme_id else None
        view = session_view(target, pack)
        return NoteView(
            session=view,
            course_id=course.id,
            course_open=course.status in OPEN_STATUSES,
            course_start=course.start_date,
            programme_name=programme.name,
            client_code=course.client.code,
            display_name=course.client.display_name,
            method=course.method,
            therapist=course.therapist.name,
            theme=theme,
            demo_content=bool(pack and pack.demo),
            agenda=programme.agenda.get(kind, ()),
            minutes=target.planned_minutes or programme.lengths[kind][1],
            measures=tuple(m for m in programme.measures if kind in m.kinds),
            previous_commitment=_previous_commitment(course, target, pack),
            open_flags=tuple(
                FlagView(f.id, f.text, f.raised_at, f.raised_by.name)
                for f in course.safety_flags
                if f.cleared_at is None
            ),
            draft=NoteDraft.from_stored(
                check_in=target.check_in,
                quote=target.quote,
                worksheets=target.worksheets_used,
                check_out=target.check_out,
                commitment=target.commitment,
                measures=target.measures,
                notes=target.notes,
                agenda_seconds=target.agenda_seconds,
            ),
            signed_at=target.signed_at,
            signed_by=target.signed_by.name if target.signed_by else None,
            addenda=tuple(AddendumView(a.at, a.by.name, a.text) for a in target.addenda),
        )


def _previous_commitment(
    course: Course, target: CourseSession, pack: Pack | None
) -> PreviousCommitment | None:
    """The commitment made at the last held session before this one: it is asked about at
    this session's check-in."""
    day = target.planned_date or date.max
    earlier = [
        s
        for s in course.sessions
        if s.id != target.id
        and s.commitment
        and s.attendance == Attendance.HELD.value
        and (s.date or s.planned_date or date.min) <= day
    ]
    if not earlier:
        return None
    last = max(earlier, key=lambda s: (s.date or s.planned_date, s.number or 0))
    return PreviousCommitment(last.commitment or "", session_view(last, pack))


def save_draft(
    db: Database, actor: Actor, library: ContentLibrary, session_id: str, draft: NoteDraft
) -> datetime:
    """Save what has been typed so far. A signed note refuses: corrections are addenda."""
    require(actor, Permission.WRITE_NOTES)
    with db.transaction() as session:
        target = _unsigned(session, session_id)
        _write_draft(library, load_course(session, target.course_id), target, draft)
        return utc_now()


def _write_draft(
    library: ContentLibrary, course: Course, target: CourseSession, draft: NoteDraft
) -> None:
    programme, pack = course_content(library, course)
    kind = SessionKind(target.kind)
    theme = pack.theme(target.theme_id) if target.theme_id else None
    session_note.clean(
        draft,
        agenda=[p.id for p in programme.agenda.get(kind, ())],
        measures=[m for m in programme.measures if kind in m.kinds],
        worksheets=[w.id for w in theme.worksheets] if theme else [],
    )
    for column, value in draft.stored().items():
        setattr(target, column, value)
    target.note_status = NoteStatus.DRAFT.value


def _unsigned(session: object, session_id: str) -> CourseSession:
    target = session.get(CourseSession, session_id)
    if target is None:
        raise InvalidInput("session.unknown_id")
    if target.note_status == NoteStatus.SIGNED.value:
        raise Refused("note.signed")
    return target


def sign_note(
    db: Database,
    actor: Actor,
    session_id: str,
    *,
    attendance: str,
    day: date,
    library: ContentLibrary | None = None,
    draft: NoteDraft | None = None,
) -> None:
    """Lock the note with the session's attendance: from now on, only addenda. With `draft`
    (and the `library` to check it against), the last words are saved in the same step."""
    require(actor, Permission.WRITE_NOTES)
    if attendance not in {a.value for a in Attendance}:
        raise InvalidInput("session.attendance_invalid", attendance=attendance)
    with db.transaction() as session:
        target = _unsigned(session, session_id)
        course = load_course(session, target.course_id)
        check_date_in_course(course.start_date, day)
        if draft is not None:
            assert library is not None
            _write_draft(library, course, target, draft)
        target.attendance, target.date = attendance, day
        target.note_status = NoteStatus.SIGNED.value
        target.signed_at, target.signed_by_id = utc_now(), actor.id
        mark_active_if_held(course, attendance)
        audit.record(
            session,
            actor,
            "note.sign",
            object_type="session",
            object_id=target.id,
            attendance=attendance,
        )


def add_addendum(db: Database, actor: Actor, session_id: str, text: str) -> None:
    """A dated correction to a signed note, by its author; the note itself stays as signed."""
    require(actor, Permission.WRITE_NOTES)
    text = text.strip()
    if not text:
        raise InvalidInput("note.addendum_empty")
    if len(text) > MAX_ADDENDUM:
        raise InvalidInput("note.text_too_long", max=MAX_ADDENDUM)
    with db.transaction() as session:
        target = session.get(CourseSession, session_id)
        if target is None:
            raise InvalidInput("session.unknown_id")
        if target.note_status != NoteStatus.SIGNED.value:
            raise Refused("note.addendum_needs_signed")
        target.addenda.append(Addendum(at=utc_now(), by_id=actor.id, text=text))
        audit.record(session, actor, "note.addendum", object_type="session", object_id=target.id)


def raise_safety_flag(db: Database, actor: Actor, session_id: str, text: str) -> str:
    require(actor, Permission.WRITE_NOTES)
    text = text.strip()
    if not text:
        raise InvalidInput("flag.empty")
    with db.transaction() as session:
        target = session.get(CourseSession, session_id)
        if target is None:
            raise InvalidInput("session.unknown_id")
        flag = SafetyFlag(
            course_id=target.course_id,
            session_id=target.id,
            text=text,
            raised_at=utc_now(),
            raised_by_id=actor.id,
        )
        session.add(flag)
        session.flush()
        audit.record(session, actor, "flag.raise", object_type="course", object_id=target.course_id)
        return flag.id


def open_flags(db: Database, actor: Actor, course_id: str) -> list[FlagView]:
    require(actor, Permission.VIEW_CLIENTS)
    with db.reading() as session:
        flags = session.scalars(
            select(SafetyFlag)
            .where(SafetyFlag.course_id == course_id, SafetyFlag.cleared_at.is_(None))
            .order_by(SafetyFlag.raised_at)
        )
        return [FlagView(f.id, f.text, f.raised_at, f.raised_by.name) for f in flags]


def clear_safety_flag(db: Database, actor: Actor, flag_id: str, note: str = "") -> None:
    require(actor, Permission.WRITE_NOTES)
    with db.transaction() as session:
        flag = session.get(SafetyFlag, flag_id)
        if flag is None:
            raise InvalidInput("flag.unknown_id")
        if flag.cleared_at is None:
            flag.cleared_at, flag.cleared_by_id = utc_now(), actor.id
            flag.clear_note = note.strip() or None
            audit.record(
                session, actor, "flag.clear", object_type="course", object_id=flag.course_id
            )


def todays_sessions(
    db: Database, actor: Actor, library: ContentLibrary, day: date
) -> list[TodayRow]:
    """The sessions planned for `day`: a therapist's own; everyone's for the roles that see
    all clients (administrators, supervisors)."""
    require(actor, Permission.VIEW_CLIENTS)
    query = (
        select(CourseSession, Course, Client.code)
        .join(Course, Course.id == CourseSession.course_id)
        .join(Client, Client.id == Course.client_id)
        .where(CourseSession.planned_date == day, Course.status.in_(OPEN_STATUSES))
    )
    if actor.role is Role.THERAPIST:
        query = query.where(Course.therapist_id == actor.id)
    with db.reading() as session:
        rows = []
        for target, course, code in session.execute(query).all():
            pack = library.pack(course.pack_id, Version.parse(course.pack_version))
            theme = pack.theme(target.theme_id) if pack and target.theme_id else None
            rows.append(
                TodayRow(
                    target.id,
                    course.id,
                    code,
                    target.planned_time,
                    target.number,
                    target.kind,
                    target.extra,
                    target.follow_up_month,
                    theme.title if theme else target.theme_id,
                    course.therapist.name,
                    target.attendance,
                    target.note_status,
                )
            )
    return sorted(rows, key=lambda r: (r.planned_time is None, r.planned_time or 0, r.client_code))
