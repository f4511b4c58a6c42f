"""Supervision on the record: a supervisor's comments on a course or one of its sessions, read
by the course's therapist (or a co-therapist), and a supervisor's co-signature on a signed note.

Comments are append-only: a correction is a new comment. Only the reading is recorded on one
(when and by whom): the therapist sees a comment marked unread, on the session, on the course
and on the Today list, until they mark it read. A co-signature is given once, to a signed note,
by someone other than the note's signer; it is audited and printed on the note.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, joinedload

from traumefokus.domain.access import Action
from traumefokus.domain.vocabulary import NoteStatus, SessionKind
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.course_queries import course_for, load_course, user_label
from traumefokus.services.editing import load
from traumefokus.storage.clock import utc_now
from traumefokus.storage.models import Client, Course, CourseSession, SupervisorComment

MAX_COMMENT = 20_000  # as an addendum


@dataclass(frozen=True)
class CommentView:
    id: str
    course_id: str
    session_id: str | None  # None: on the course as a whole
    at: datetime
    by: str  # as shown: full name and title
    text: str
    read_at: datetime | None = None
    read_by: str | None = None

    @property
    def unread(self) -> bool:
        return self.read_at is None


@dataclass(frozen=True)
class CoSignature:
    at: datetime
    by: str  # as shown: full name and title


@dataclass(frozen=True)
class SessionSupervision:
    """What the session screen shows of supervision: the comments on this session and on
    its course, and the note's co-signature."""

    comments: tuple[CommentView, ...] = ()  # on this session
    course_comments: tuple[CommentView, ...] = ()  # on the course as a whole
    cosignature: CoSignature | None = None

    @property
    def unread(self) -> int:
        return sum(c.unread for c in (*self.comments, *self.course_comments))


@dataclass(frozen=True)
class UnreadComment:
    """An unread comment with what names where it belongs (for the Today list)."""

    comment: CommentView
    client_code: str
    session_number: int | None = None
    session_kind: SessionKind | None = None
    session_day: date | None = None


def comment_view(comment: SupervisorComment) -> CommentView:
    return CommentView(
        comment.id,
        comment.course_id,
        comment.session_id,
        comment.at,
        user_label(comment.by),
        comment.text,
        comment.read_at,
        user_label(comment.read_by) if comment.read_by else None,
    )


def session_supervision(course: Course, session: CourseSession) -> SessionSupervision:
    """From a course and session already loaded (with their comments and people)."""
    comments = [comment_view(c) for c in course.comments if c.session_id in (session.id, None)]
    cosignature = None
    if session.cosigned_at is not None and session.cosigned_by is not None:
        cosignature = CoSignature(session.cosigned_at, user_label(session.cosigned_by))
    return SessionSupervision(
        tuple(c for c in comments if c.session_id == session.id),
        tuple(c for c in comments if c.session_id is None),
        cosignature,
    )


def people(course: Course) -> set[str]:
    """Everyone the course's comments and co-signatures name (to load in one query)."""
    ids = {c.by_id for c in course.comments}
    ids |= {c.read_by_id for c in course.comments if c.read_by_id}
    ids |= {s.cosigned_by_id for s in course.sessions if s.cosigned_by_id}
    return ids


def _clean(text: str) -> str:
    text = text.replace("\x00", "").strip()  # NUL as the database layer would drop it
    if not text:
        raise InvalidInput("comment.empty")
    if len(text) > MAX_COMMENT:
        raise InvalidInput("note.text_too_long", max=MAX_COMMENT)
    return text


def add_comment(acting: Acting, course_id: str, text: str, *, session_id: str | None = None) -> str:
    """A supervisor's comment on the course, or on `session_id` (one of its sessions)."""
    text = _clean(text)
    with acting.transaction() as tx:
        course = load_course(tx, course_id)
        if session_id is not None:
            session = load(tx, CourseSession, session_id, "session")
            if session.course_id != course.id:
                raise InvalidInput("comment.session_elsewhere")
        acting.require_course(course, Action.COMMENT)
        comment = SupervisorComment(
            course_id=course.id,
            session_id=session_id,
            at=utc_now(),
            by_id=acting.actor.id,
            text=text,
        )
        tx.add(comment)
        tx.flush()
        audit.record(
            tx,
            acting.actor,
            "comment.add",
            object_type="session" if session_id else "course",
            object_id=session_id or course.id,
        )
        return comment.id


def course_comments(acting: Acting, course_id: str) -> list[CommentView]:
    """Every comment on the course and its sessions, oldest first."""
    with acting.db.reading() as tx:
        course_for(tx, acting, course_id, Action.READ)
        query = (
            select(SupervisorComment)
            .where(SupervisorComment.course_id == course_id)
            .options(joinedload(SupervisorComment.by), joinedload(SupervisorComment.read_by))
            .order_by(SupervisorComment.at, SupervisorComment.id)
        )
        return [comment_view(c) for c in tx.scalars(query)]


def open_supervision(acting: Acting, session_id: str) -> SessionSupervision:
    """The session screen's supervision part anew (after a comment, a reading or a
    co-signature), without reopening the note."""
    with acting.db.reading() as tx:
        session = load(tx, CourseSession, session_id, "session")
        course = course_for(tx, acting, session.course_id, Action.READ)
        return session_supervision(course, session)


def mark_read(acting: Acting, comment_id: str) -> None:
    """The course's therapist or a co-therapist (who may run the course) has read the
    comment. Reading it again changes nothing."""
    with acting.transaction() as tx:
        comment = load(tx, SupervisorComment, comment_id, "comment")
        acting.require_course(comment.course, Action.RUN)
        # One statement that only marks an unread comment: of two people reading it at the
        # same moment (a shared database), one marks it and the other changes nothing.
        marked = tx.execute(
            update(SupervisorComment)
            .where(SupervisorComment.id == comment.id, SupervisorComment.read_at.is_(None))
            .values(read_at=utc_now(), read_by_id=acting.actor.id)
            .returning(SupervisorComment.id)
            .execution_options(synchronize_session=False)
        ).first()
        if marked is not None:
            audit.record(
                tx, acting.actor, "comment.read", object_type="comment", object_id=comment.id
            )


def unread_comments(acting: Acting) -> list[UnreadComment]:
    """The unread comments on the courses this user runs (their own and those they cover),
    oldest first: for the Today list."""
    query = (
        select(SupervisorComment, Client.code, CourseSession)
        .join(Course, Course.id == SupervisorComment.course_id)
        .join(Client, Client.id == Course.client_id)
        .outerjoin(CourseSession, CourseSession.id == SupervisorComment.session_id)
        .where(
            SupervisorComment.read_at.is_(None),
            SupervisorComment.course_id.in_(acting.course_ids_for(Action.RUN)),
        )
        .options(joinedload(SupervisorComment.by))
        .order_by(SupervisorComment.at, SupervisorComment.id)
    )
    with acting.db.reading() as tx:
        return [
            UnreadComment(
                comment_view(comment),
                code,
                session.number if session else None,
                SessionKind(session.kind) if session else None,
                (session.date or session.planned_date) if session else None,
            )
            for comment, code, session in tx.execute(query).all()
        ]


def unread_by_course(
    tx: Session, acting: Acting, course_ids: Iterable[str]
) -> dict[str, set[str | None]]:
    """Of these courses, those this user runs with unread comments: course id to the ids of
    the commented sessions (None for a comment on the course). One query."""
    ids = set(course_ids)
    found: dict[str, set[str | None]] = defaultdict(set)
    if not ids:
        return found
    query = select(SupervisorComment.course_id, SupervisorComment.session_id).where(
        SupervisorComment.read_at.is_(None),
        SupervisorComment.course_id.in_(ids),
        SupervisorComment.course_id.in_(acting.course_ids_for(Action.RUN)),
    )
    for course_id, session_id in tx.execute(query).all():
        found[course_id].add(session_id)
    return found


def cosign_note(acting: Acting, session_id: str) -> None:
    """A supervisor's co-signature on a signed note: once, and never by its own signer."""
    with acting.transaction() as tx:
        session = load(tx, CourseSession, session_id, "session")
        course_for(tx, acting, session.course_id, Action.CO_SIGN)
        if session.note_status != NoteStatus.SIGNED.value:
            raise Refused("note.cosign_needs_signed")
        if session.cosigned_by is not None:
            raise Refused("note.cosigned_already", user=user_label(session.cosigned_by))
        if session.signed_by_id == acting.actor.id:
            raise Refused("note.cosign_own")
        session.cosigned_at, session.cosigned_by_id = utc_now(), acting.actor.id
        audit.record(tx, acting.actor, "note.cosign", object_type="session", object_id=session.id)
