"""Safety flags: raised in a session (not on a signed note: raise it at the next session),
shown on the course and on every later note while open, cleared with a word on what was done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from traumefokus.domain.access import Action
from traumefokus.domain.isotime import local_day
from traumefokus.domain.safety_flags import open_on
from traumefokus.domain.vocabulary import NoteStatus
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.course_queries import load_course, user_label
from traumefokus.services.editing import load
from traumefokus.storage.clock import utc_now
from traumefokus.storage.models import Course, CourseSession, SafetyFlag

MAX_TEXT = 20_000


@dataclass(frozen=True)
class FlagView:
    id: str
    text: str
    raised_at: datetime
    raised_by: str
    session_id: str | None = None  # where it was raised
    session_day: date | None = None  # that session's day
    cleared_at: datetime | None = None
    cleared_by: str | None = None
    clear_note: str | None = None


def flag_view(flag: SafetyFlag) -> FlagView:
    raised_in = flag.session
    return FlagView(
        flag.id,
        flag.text,
        flag.raised_at,
        user_label(flag.raised_by),
        flag.session_id,
        (raised_in.date or raised_in.planned_date) if raised_in else None,
        flag.cleared_at,
        user_label(flag.cleared_by) if flag.cleared_by else None,
        flag.clear_note,
    )


def flags_earlier(course: Course, session: CourseSession) -> tuple[FlagView, ...]:
    """The flags raised before this session that were still open on its day."""
    day = session.date or session.planned_date
    if day is None:
        return ()
    return tuple(
        view
        for view in map(flag_view, course.safety_flags)
        if view.session_id != session.id
        and open_on(
            view.session_day or local_day(view.raised_at),
            local_day(view.cleared_at) if view.cleared_at else None,
            day,
        )
    )


def raise_safety_flag(acting: Acting, session_id: str, text: str) -> str:
    text = text.strip()
    if not text:
        raise InvalidInput("flag.empty")
    if len(text) > MAX_TEXT:
        raise InvalidInput("note.text_too_long", max=MAX_TEXT)
    with acting.transaction() as tx:
        session = load(tx, CourseSession, session_id, "session")
        course = load_course(tx, session.course_id)
        acting.require_course(course, Action.RUN)
        if session.note_status == NoteStatus.SIGNED.value:
            raise Refused("note.signed")  # its note is kept as signed: raise it at the next one
        flag = SafetyFlag(
            course_id=course.id,
            session_id=session.id,
            text=text,
            raised_at=utc_now(),
            raised_by_id=acting.actor.id,
        )
        tx.add(flag)
        tx.flush()
        audit.record(tx, acting.actor, "flag.raise", object_type="course", object_id=course.id)
        return flag.id


def open_flags(acting: Acting, course_id: str) -> list[FlagView]:
    with acting.db.reading() as tx:
        acting.require_course(load_course(tx, course_id), Action.READ)
        flags = tx.scalars(
            select(SafetyFlag)
            .where(SafetyFlag.course_id == course_id, SafetyFlag.cleared_at.is_(None))
            .order_by(SafetyFlag.raised_at)
        )
        return [flag_view(f) for f in flags]


def clear_safety_flag(acting: Acting, flag_id: str, note: str) -> None:
    """Clear a flag, saying what was done about it: the note stays with the flag, on the
    course and on paper."""
    note = note.strip()
    if not note:
        raise InvalidInput("flag.clear_note_required")
    if len(note) > MAX_TEXT:
        raise InvalidInput("note.text_too_long", max=MAX_TEXT)
    with acting.transaction() as tx:
        flag = load(tx, SafetyFlag, flag_id, "flag")
        acting.require_course(flag.course, Action.CLEAR_FLAG)
        if flag.cleared_at is None:
            flag.cleared_at, flag.cleared_by_id = utc_now(), acting.actor.id
            flag.clear_note = note
            audit.record(
                tx, acting.actor, "flag.clear", object_type="course", object_id=flag.course_id
            )
