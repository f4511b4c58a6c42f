"""Running a session and keeping its note: open it with everything the screen needs, save the
draft as it is typed, sign it (which locks it), add dated addenda, raise and clear safety flags,
and list today's sessions.

A session's record is also its logbook entry: a session that was not held is signed with its
attendance all the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from traumefokus.domain import session_note
from traumefokus.domain.access import Action
from traumefokus.domain.content import AgendaPoint, Measure, Pack, Programme, Theme, Version
from traumefokus.domain.course_plan import check_date_in_course
from traumefokus.domain.session_note import NoteDraft
from traumefokus.domain.vocabulary import (
    OPEN_STATUSES,
    Attendance,
    Method,
    NoteStatus,
    SessionKind,
)
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services import audit
from traumefokus.services import session_logbook as logbook
from traumefokus.services.acting import Acting
from traumefokus.services.course_queries import (
    course_content,
    load_course,
    mark_active_if_held,
    user_label,
)
from traumefokus.services.course_themes import keep_decided_theme, theme_title
from traumefokus.services.courses import SessionView, session_order, session_view
from traumefokus.services.editing import check_version, load
from traumefokus.services.safety_flags import FlagView, flag_view, flags_earlier
from traumefokus.services.session_logbook import SessionLogbook, session_logbook
from traumefokus.services.supervision_comments import (
    SessionSupervision,
    people,
    session_supervision,
    unread_by_course,
)
from traumefokus.storage.clock import utc_now
from traumefokus.storage.models import (
    Addendum,
    Client,
    Course,
    CourseSession,
    User,
)

MAX_ADDENDUM = 20_000


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
    method: Method
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
    version: int  # of the session's row as read: a save from it names it (see save_draft)
    may: frozenset[Action] = frozenset()  # what the viewing user may do with this course
    flags_here: tuple[FlagView, ...] = ()  # raised in this session, cleared or not
    flags_earlier: tuple[FlagView, ...] = ()  # raised before it, still open on its day
    logbook: SessionLogbook = field(default_factory=SessionLogbook)  # beside the draft's fields
    supervision: SessionSupervision = field(default_factory=SessionSupervision)

    @property
    def signed(self) -> bool:
        return self.session.note_status is NoteStatus.SIGNED


@dataclass(frozen=True)
class TodayRow:
    session_id: str
    course_id: str
    client_code: str
    planned_time: time | None
    number: int | None
    kind: SessionKind
    extra: bool
    follow_up_month: int | None
    theme_title: str | None
    therapist: str
    attendance: Attendance | None
    note_status: NoteStatus
    unread_comment: bool = False  # on the session or its course, for its therapist


def open_note(acting: Acting, session_id: str) -> NoteView:
    with acting.db.reading() as tx:
        session = load(tx, CourseSession, session_id, "session")
        course = load_course(tx, session.course_id)
        acting.require_course(course, Action.READ)
        return _note_view(acting, course, session, *course_content(acting.library, course))


def open_notes(acting: Acting, course_id: str) -> list[NoteView]:
    """Every session of the course with a note (a draft or signed), in course order, read in
    one unit of work with a fixed number of queries: one consistent snapshot for a batch."""
    query = (
        select(Course)
        .where(Course.id == course_id)
        .options(
            selectinload(Course.sessions).selectinload(CourseSession.addenda),
            selectinload(Course.sessions).selectinload(CourseSession.signed_by),
            selectinload(Course.safety_flags),
            selectinload(Course.comments),
            joinedload(Course.client),
            joinedload(Course.therapist),
        )
    )
    with acting.db.reading() as tx:
        course = tx.scalar(query)
        if course is None:
            raise InvalidInput("course.unknown_id")
        acting.require_course(course, Action.READ)
        programme, pack = course_content(acting.library, course)
        tx.scalars(select(User).where(User.id.in_(_people(course)))).all()  # in the tx now
        written = [s for s in course.sessions if s.note_status != NoteStatus.NONE.value]
        return [
            _note_view(acting, course, s, programme, pack)
            for s in sorted(written, key=session_order)
        ]


def _people(course: Course) -> set[str]:
    """Everyone a course's notes name: who signed, wrote an addendum, raised or cleared a
    flag (loaded in one query, then found in the unit of work)."""
    ids = {s.signed_by_id for s in course.sessions if s.signed_by_id}
    ids |= {a.by_id for s in course.sessions for a in s.addenda}
    ids |= {f.raised_by_id for f in course.safety_flags}
    ids |= {f.cleared_by_id for f in course.safety_flags if f.cleared_by_id}
    return ids | people(course)


def _note_view(
    acting: Acting, course: Course, session: CourseSession, programme: Programme, pack: Pack
) -> NoteView:
    kind = SessionKind(session.kind)
    theme = pack.theme(session.theme_id) if session.theme_id else None
    return NoteView(
        session=session_view(session, pack),
        course_id=course.id,
        course_open=course.status in OPEN_STATUSES,
        course_start=course.start_date,
        programme_name=programme.name,
        client_code=course.client.code,
        display_name=course.client.display_name,
        method=Method(course.method),
        therapist=user_label(course.therapist),
        theme=theme,
        demo_content=bool(pack and pack.demo),
        agenda=programme.agenda.get(kind, ()),
        minutes=session.planned_minutes or programme.lengths[kind][1],
        measures=tuple(m for m in programme.measures if kind in m.kinds),
        previous_commitment=_previous_commitment(course, session, pack),
        open_flags=tuple(flag_view(f) for f in course.safety_flags if f.cleared_at is None),
        draft=NoteDraft.from_stored(
            check_in=session.check_in,
            quote=session.quote,
            worksheets=session.worksheets_used,
            check_out=session.check_out,
            commitment=session.commitment,
            measures=session.measures,
            notes=session.notes,
            agenda_seconds=session.agenda_seconds,
            gift_card_given=session.gift_card_given,
            gift_card_dkk=session.gift_card_dkk,
            other_treatment=session.other_treatment,
            recorded=session.recorded,
            recording_file=session.recording_file,
        ),
        signed_at=session.signed_at,
        signed_by=user_label(session.signed_by) if session.signed_by else None,
        addenda=tuple(AddendumView(a.at, user_label(a.by), a.text) for a in session.addenda),
        version=session.version,
        may=acting.course_actions(course),
        flags_here=tuple(flag_view(f) for f in course.safety_flags if f.session_id == session.id),
        flags_earlier=flags_earlier(course, session),
        logbook=session_logbook(course, session, programme, acting.data_dir),
        supervision=session_supervision(course, session),
    )


def _previous_commitment(
    course: Course, session: CourseSession, pack: Pack | None
) -> PreviousCommitment | None:
    """The commitment made at the last held session before this one: it is asked about at
    this session's check-in."""
    day = session.planned_date or date.max
    earlier = [
        s
        for s in course.sessions
        if s.id != session.id
        and s.commitment
        and s.attendance == Attendance.HELD.value
        and (s.date or s.planned_date or date.min) <= day
    ]
    if not earlier:
        return None
    last = max(earlier, key=lambda s: (s.date or s.planned_date, s.number or 0))
    return PreviousCommitment(last.commitment or "", session_view(last, pack))


@dataclass(frozen=True)
class SavedDraft:
    at: datetime
    version: int  # the session's version now: the next save of this user's names it


def save_draft(
    acting: Acting, session_id: str, draft: NoteDraft, *, version: int | None = None
) -> SavedDraft:
    """Save what has been typed so far. A signed note refuses: corrections are addenda. With
    `version` (the one the draft was typed over), a session saved by someone else since is
    refused with who and when (services/editing.py), never overwritten."""
    with acting.transaction() as tx:
        session, course = _in_course(tx, acting, session_id, Action.RUN)
        if version is not None:  # first: signed by someone else since is said with who
            check_version(session, version, "note")
        _refuse_signed(session)
        _write_draft(acting, course, session, draft, session.date or session.planned_date)
        tx.flush()  # the new version
        return SavedDraft(utc_now(), session.version)


def _write_draft(
    acting: Acting, course: Course, session: CourseSession, draft: NoteDraft, day: date | None
) -> None:
    """The draft cleaned and stored; marked recorded only if the consent holds on `day`."""
    programme, pack = course_content(acting.library, course)
    kind = SessionKind(session.kind)
    theme = pack.theme(session.theme_id) if session.theme_id else None
    session_note.clean(
        draft,
        agenda=[p.id for p in programme.agenda.get(kind, ())],
        measures=[m for m in programme.measures if kind in m.kinds],
        worksheets=[w.id for w in theme.worksheets] if theme else [],
        treatment_kinds=logbook.treatment_kinds(acting.data_dir, draft),
    )
    logbook.check_recording(course, draft.logbook.recorded, day)
    for column, value in draft.stored().items():
        setattr(session, column, value)
    session.note_status = NoteStatus.DRAFT.value


def _in_course(
    tx: Session, acting: Acting, session_id: str, action: Action
) -> tuple[CourseSession, Course]:
    """The session and its course, if `acting` may do `action` with the course."""
    session = load(tx, CourseSession, session_id, "session")
    course = load_course(tx, session.course_id)
    acting.require_course(course, action)
    return session, course


def _refuse_signed(session: CourseSession) -> None:
    if session.note_status == NoteStatus.SIGNED.value:
        raise Refused("note.signed")


def sign_note(
    acting: Acting,
    session_id: str,
    *,
    attendance: str,
    day: date,
    draft: NoteDraft | None = None,
    not_held_reason: str | None = None,
    held_by: str | None = None,
    version: int | None = None,
) -> None:
    """Lock the note with the session's attendance: from now on, only addenda. With `draft`,
    the last words are saved in the same step. A session not held keeps `not_held_reason`
    (an id from the centre's list; without one, the reason recorded with its attendance); a
    held one was held by `held_by` (the acting user unless said: the course's therapist or a
    co-therapist on it). With `version`, as save_draft."""
    if attendance not in {a.value for a in Attendance}:
        raise InvalidInput("session.attendance_invalid", attendance=attendance)
    with acting.transaction() as tx:
        session, course = _in_course(tx, acting, session_id, Action.RUN)
        if version is not None:  # first: signed by someone else since is said with who
            check_version(session, version, "note")
        _refuse_signed(session)
        check_date_in_course(course.start_date, day)
        if draft is not None:
            _write_draft(acting, course, session, draft, day)
        logbook.check_recording(course, session.recorded, day)
        keep_decided_theme(course, session, attendance)
        session.not_held_reason = logbook.not_held_reason(
            acting.data_dir, session, attendance, not_held_reason
        )
        session.held_by_id = logbook.held_by(course, attendance, held_by, acting.actor.id)
        logbook.clear_if_not_held(session, attendance)
        session.attendance, session.date = attendance, day
        session.note_status = NoteStatus.SIGNED.value
        session.signed_at, session.signed_by_id = utc_now(), acting.actor.id
        mark_active_if_held(course, attendance)
        audit.record(
            tx,
            acting.actor,
            "note.sign",
            object_type="session",
            object_id=session.id,
            attendance=attendance,
        )


def add_addendum(acting: Acting, session_id: str, text: str) -> None:
    """A dated correction to a signed note; the note itself stays as signed."""
    text = text.strip()
    if not text:
        raise InvalidInput("note.addendum_empty")
    if len(text) > MAX_ADDENDUM:
        raise InvalidInput("note.text_too_long", max=MAX_ADDENDUM)
    with acting.transaction() as tx:
        session, _course = _in_course(tx, acting, session_id, Action.RUN)
        if session.note_status != NoteStatus.SIGNED.value:
            raise Refused("note.addendum_needs_signed")
        session.addenda.append(Addendum(at=utc_now(), by_id=acting.actor.id, text=text))
        audit.record(tx, acting.actor, "note.addendum", object_type="session", object_id=session.id)


def todays_sessions(acting: Acting, day: date) -> list[TodayRow]:
    """The sessions planned for `day` on the courses this user may read: a therapist's own
    and those they cover; everyone's for supervisors and administrators."""
    query = (
        select(CourseSession, Course, Client.code)
        .join(Course, Course.id == CourseSession.course_id)
        .join(Client, Client.id == Course.client_id)
        .where(
            CourseSession.planned_date == day,
            Course.status.in_(OPEN_STATUSES),
            acting.readable_courses(),
        )
    )
    library = acting.library
    with acting.db.reading() as tx:
        rows = []
        found = tx.execute(query).all()
        unread = unread_by_course(tx, acting, {course.id for _s, course, _c in found})
        for session, course, code in found:
            pack = library.pack(course.pack_id, Version.parse(course.pack_version))
            rows.append(
                TodayRow(
                    session.id,
                    course.id,
                    code,
                    session.planned_time,
                    session.number,
                    SessionKind(session.kind),
                    session.extra,
                    session.follow_up_month,
                    theme_title(pack, session.theme_id) if session.theme_id else None,
                    user_label(course.therapist),
                    Attendance(session.attendance) if session.attendance else None,
                    NoteStatus(session.note_status),
                    bool(unread.get(course.id, set()) & {session.id, None}),
                )
            )
    return sorted(rows, key=lambda r: (r.planned_time is None, r.planned_time or 0, r.client_code))
