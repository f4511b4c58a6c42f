"""Record-based format items of a trauma session: the scale's items that name a rule over the
session's record (`record_rule`), judged on the note and the programme's agenda targets
(domain/record_checks.py). Computed for a signed trauma session that was held, and for a draft
before it is signed (the therapist's self-check in the sign dialog)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from traumefokus.content.scales import scale_for
from traumefokus.domain.access import Action
from traumefokus.domain.content import AgendaPoint
from traumefokus.domain.record_checks import Outcome, RecordCheck, check
from traumefokus.domain.scales import Scale
from traumefokus.domain.session_note import NoteDraft
from traumefokus.domain.vocabulary import Attendance, Method, NoteStatus, SessionKind
from traumefokus.services.acting import Acting
from traumefokus.services.course_queries import course_content, load_course
from traumefokus.services.editing import load
from traumefokus.storage.models import Course, CourseSession


@dataclass(frozen=True)
class ItemCheck:
    """A record-based item of the scale and what the record shows about it."""

    item_id: str
    check: RecordCheck

    @property
    def outcome(self) -> Outcome:
        return self.check.outcome


@dataclass(frozen=True)
class SessionChecks:
    session_id: str
    scale_id: str
    scale_version: str
    items: tuple[ItemCheck, ...]

    def not_met(self) -> tuple[ItemCheck, ...]:
        return tuple(i for i in self.items if i.outcome is Outcome.NOT_MET)


def record_items(scale: Scale) -> tuple[tuple[str, str], ...]:
    """(item id, rule) of the scale's record-based items, in the form's order."""
    return tuple((i.id, i.record_rule) for i in scale.items if i.record_rule is not None)


def judge(scale: Scale, draft: NoteDraft, agenda: Sequence[AgendaPoint]) -> tuple[ItemCheck, ...]:
    return tuple(ItemCheck(item, check(rule, draft, agenda)) for item, rule in record_items(scale))


def draft_checks(
    acting: Acting, method: Method | str, draft: NoteDraft, agenda: Sequence[AgendaPoint]
) -> tuple[ItemCheck, ...]:
    """The record-based items of a note not yet signed, on the scale a new round of `method`
    is rated with (nothing is read from the database)."""
    return judge(scale_for(method, acting.data_dir), draft, agenda)


def stored_draft(session: CourseSession) -> NoteDraft:
    return NoteDraft.from_stored(
        check_in=session.check_in,
        quote=session.quote,
        worksheets=session.worksheets_used,
        check_out=session.check_out,
        commitment=session.commitment,
        measures=session.measures,
        notes=session.notes,
        agenda_seconds=session.agenda_seconds,
    )


def checked(session: CourseSession) -> bool:
    """Whether the session's record is judged: a trauma session, held and signed."""
    return (
        session.kind == SessionKind.TRAUMA.value
        and session.note_status == NoteStatus.SIGNED.value
        and session.attendance == Attendance.HELD.value
    )


def checks_of(
    session: CourseSession, course: Course, scale: Scale, acting: Acting
) -> SessionChecks | None:
    """The record-based items of a signed, held trauma session of `course`; None for any other
    session (no access check: the caller has made it)."""
    if not checked(session):
        return None
    programme, _pack = course_content(acting.library, course)
    agenda = programme.agenda.get(SessionKind.TRAUMA, ())
    return SessionChecks(
        session.id, scale.id, str(scale.version), judge(scale, stored_draft(session), agenda)
    )


def session_checks(acting: Acting, session_id: str) -> SessionChecks | None:
    """The record-based items of a signed trauma session that was held, on the scale of its
    course's method (None for any other session); the acting user may read the course."""
    with acting.db.reading() as tx:
        session = load(tx, CourseSession, session_id, "session")
        course = load_course(tx, session.course_id)
        acting.require_course(course, Action.READ)
        scale = scale_for(course.method, acting.data_dir)
        return checks_of(session, course, scale, acting)
