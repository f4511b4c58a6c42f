"""The database model: users, clients, courses, sessions (each session is also its logbook
entry), plan history, ITQ records, addenda, status letters, recording consents, supervisors'
comments, the installation's secrets and the audit trail.

Rows that users edit carry a `version` column: SQLAlchemy refuses an update whose version has
moved on, which is how a shared database detects two people changing the same thing.
Closed word lists are stored as strings with CHECK constraints (portable to PostgreSQL).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from traumefokus.domain.vocabulary import (
    Attendance,
    CourseStatus,
    ItqOccasion,
    Method,
    NoteStatus,
    Role,
    SessionKind,
)
from traumefokus.storage.audit_models import AuditEvent as AuditEvent
from traumefokus.storage.audit_models import AuditHead as AuditHead
from traumefokus.storage.base import ID, Base, Versioned, one_of
from traumefokus.storage.clock import new_id, utc_now
from traumefokus.storage.coding_models import CodingRating as CodingRating
from traumefokus.storage.coding_models import CodingRound as CodingRound
from traumefokus.storage.coding_models import CodingSample as CodingSample
from traumefokus.storage.due_notes import DUE_NOTES_INDEX


class User(Versioned, Base):
    __tablename__ = "users"
    __table_args__ = (one_of("role", Role),)

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(64), unique=True)  # normalised: NFKC, case-folded
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    full_name: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(100))  # professional title, on paper
    # argon2id, with its parameters in the encoded hash; None only for users from before
    # passwords existed, who choose one at their next sign-in.
    password_hash: Mapped[str | None] = mapped_column(String(255))


class SignInFailure(Base):
    """Sign-in attempts in a row that did not succeed, for a user ("user:<id>") or for a name
    that is nobody's ("name:<hash>"), so that the growing delay survives a restart of the
    program. Removed at the next successful sign-in."""

    __tablename__ = "sign_in_failures"

    subject: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_failure_at: Mapped[datetime]


class Client(Versioned, Base):
    __tablename__ = "clients"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str | None] = mapped_column(String(200))
    site: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    courses: Mapped[list[Course]] = relationship(
        back_populates="client", order_by="(Course.start_date, Course.id)"
    )
    recording_consents: Mapped[list[RecordingConsent]] = relationship(
        back_populates="client",
        order_by="(RecordingConsent.given_on, RecordingConsent.id)",
        cascade="all, delete-orphan",
    )


class RecordingConsent(Versioned, Base):
    """The client's consent to audio recording for research: given on a day, recorded by a
    user, and perhaps withdrawn later. The program never stores audio."""

    __tablename__ = "recording_consents"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    given_on: Mapped[date]
    recorded_by_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utc_now)
    withdrawn_on: Mapped[date | None]
    withdrawn_by_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))

    client: Mapped[Client] = relationship(back_populates="recording_consents")
    recorded_by: Mapped[User] = relationship(foreign_keys=[recorded_by_id])
    withdrawn_by: Mapped[User | None] = relationship(foreign_keys=[withdrawn_by_id])


class Course(Versioned, Base):
    __tablename__ = "courses"
    __table_args__ = (
        one_of("method", Method),
        one_of("status", CourseStatus),
        Index("ix_courses_therapist_status", "therapist_id", "status"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    client_id: Mapped[str] = mapped_column(ForeignKey("clients.id"), index=True)
    therapist_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    method: Mapped[str] = mapped_column(String(2))
    programme: Mapped[str] = mapped_column(String(64))
    programme_version: Mapped[str] = mapped_column(String(32), default="")
    pack_id: Mapped[str] = mapped_column(String(64))
    pack_version: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default=CourseStatus.PLANNED.value)
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    end_reason: Mapped[str | None] = mapped_column(Text)  # an id from the end-reason list
    end_reason_text: Mapped[str | None] = mapped_column(Text)  # the words for "other"
    chosen_themes: Mapped[list[Any]] = mapped_column(default=list)
    # chosen themes left out after a missed session: theme id: the reason
    dropped_themes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)

    client: Mapped[Client] = relationship(back_populates="courses")
    therapist: Mapped[User] = relationship()
    sessions: Mapped[list[CourseSession]] = relationship(
        back_populates="course",
        order_by="(CourseSession.planned_date, CourseSession.id)",
        cascade="all, delete-orphan",
    )
    plan_history: Mapped[list[PlanChange]] = relationship(
        back_populates="course",
        order_by="(PlanChange.at, PlanChange.id)",
        cascade="all, delete-orphan",
    )
    itq: Mapped[list[ItqRecord]] = relationship(
        back_populates="course",
        order_by="(ItqRecord.date, ItqRecord.id)",
        cascade="all, delete-orphan",
    )
    safety_flags: Mapped[list[SafetyFlag]] = relationship(
        back_populates="course",
        order_by="(SafetyFlag.raised_at, SafetyFlag.id)",
        cascade="all, delete-orphan",
    )
    goals: Mapped[list[TreatmentGoal]] = relationship(
        back_populates="course",
        order_by="(TreatmentGoal.set_on, TreatmentGoal.id)",
        cascade="all, delete-orphan",
    )
    status_letters: Mapped[list[StatusLetter]] = relationship(
        back_populates="course",
        order_by="StatusLetter.after_sessions",
        cascade="all, delete-orphan",
    )
    covers: Mapped[list[CourseCover]] = relationship(
        back_populates="course",
        order_by="(CourseCover.granted_at, CourseCover.id)",
        cascade="all, delete-orphan",
    )
    comments: Mapped[list[SupervisorComment]] = relationship(
        back_populates="course",
        order_by="(SupervisorComment.at, SupervisorComment.id)",
        cascade="all, delete-orphan",
    )


class CourseCover(Base):
    """A colleague named co-therapist on a course (covering the course's therapist): they
    may plan and run it until the grant is withdrawn. Grants and withdrawals are also in the
    plan history."""

    __tablename__ = "course_covers"
    __table_args__ = (UniqueConstraint("course_id", "user_id"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    course_id: Mapped[str] = mapped_column(ForeignKey("courses.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    granted_at: Mapped[datetime]
    granted_by_id: Mapped[str] = mapped_column(ForeignKey("users.id"))

    course: Mapped[Course] = relationship(back_populates="covers")
    user: Mapped[User] = relationship(foreign_keys=[user_id])


class CourseSession(Versioned, Base):
    """One planned or held session of a course; its note is also the logbook entry."""

    __tablename__ = "course_sessions"
    __table_args__ = (
        one_of("kind", SessionKind),
        one_of("attendance", Attendance, nullable=True),
        one_of("note_status", NoteStatus),
        CheckConstraint(
            "follow_up_month IS NULL OR follow_up_month IN (1, 6)", name="follow_up_month"
        ),
        Index("ix_course_sessions_course_number", "course_id", "number"),
        Index("ix_course_sessions_planned_date", "planned_date"),
        Index("ix_course_sessions_date", "date"),
        # Partial: only the sessions whose notes are to be signed (storage/due_notes.py). Its
        # condition is in migration 0012 and checked there by tests on both databases; named
        # here as sqlite_where or postgresql_where, it would make every start load that
        # dialect's module too, whichever database it opens.
        Index(DUE_NOTES_INDEX, "course_id"),
        CheckConstraint("gift_card_dkk IS NULL OR gift_card_dkk >= 0", name="gift_card_dkk"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    course_id: Mapped[str] = mapped_column(ForeignKey("courses.id"))
    number: Mapped[int | None]
    kind: Mapped[str] = mapped_column(String(16))
    extra: Mapped[bool] = mapped_column(Boolean, default=False)
    follow_up_month: Mapped[int | None]
    theme_id: Mapped[str | None] = mapped_column(String(64))
    planned_date: Mapped[date | None]
    planned_time: Mapped[time | None]
    planned_minutes: Mapped[int | None]
    date: Mapped[date | None]
    attendance: Mapped[str | None] = mapped_column(String(20))
    note_status: Mapped[str] = mapped_column(String(8), default=NoteStatus.NONE.value)
    signed_at: Mapped[datetime | None]
    signed_by_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    agenda_seconds: Mapped[dict[str, Any]] = mapped_column(default=dict)
    check_in: Mapped[dict[str, Any]] = mapped_column(default=dict)
    check_out: Mapped[dict[str, Any]] = mapped_column(default=dict)
    quote: Mapped[dict[str, Any]] = mapped_column(default=dict)  # the client's reading of it
    worksheets_used: Mapped[list[Any]] = mapped_column(default=list)
    commitment: Mapped[str | None] = mapped_column(Text)
    measures: Mapped[dict[str, Any]] = mapped_column(default=dict)  # measure id: score
    notes: Mapped[dict[str, Any]] = mapped_column(default=dict)  # agenda point id: text
    # The logbook's own fields. Gift card: None until noted either way.
    gift_card_given: Mapped[bool | None] = mapped_column(Boolean)
    gift_card_dkk: Mapped[int | None]
    other_treatment: Mapped[list[Any]] = mapped_column(default=list)  # [{kind, note}]
    not_held_reason: Mapped[str | None] = mapped_column(String(64))  # id from the list
    held_by_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    recorded: Mapped[bool] = mapped_column(Boolean, default=False)  # audio, with consent
    recording_file: Mapped[str | None] = mapped_column(String(255))  # identifying
    cosigned_at: Mapped[datetime | None]
    cosigned_by_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))

    course: Mapped[Course] = relationship(back_populates="sessions")
    signed_by: Mapped[User | None] = relationship(foreign_keys=[signed_by_id])
    held_by: Mapped[User | None] = relationship(foreign_keys=[held_by_id])
    cosigned_by: Mapped[User | None] = relationship(foreign_keys=[cosigned_by_id])
    addenda: Mapped[list[Addendum]] = relationship(
        back_populates="session",
        order_by="(Addendum.at, Addendum.id)",
        cascade="all, delete-orphan",
    )


class SafetyFlag(Base):
    """Unsafe behaviour noted at a check-in: visible on the course until someone clears it."""

    __tablename__ = "safety_flags"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    course_id: Mapped[str] = mapped_column(ForeignKey("courses.id"), index=True)
    session_id: Mapped[str | None] = mapped_column(ForeignKey("course_sessions.id"))
    text: Mapped[str] = mapped_column(Text)
    raised_at: Mapped[datetime]
    raised_by_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    cleared_at: Mapped[datetime | None]
    cleared_by_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    clear_note: Mapped[str | None] = mapped_column(Text)

    course: Mapped[Course] = relationship(back_populates="safety_flags")
    session: Mapped[CourseSession | None] = relationship()
    raised_by: Mapped[User] = relationship(foreign_keys=[raised_by_id])
    cleared_by: Mapped[User | None] = relationship(foreign_keys=[cleared_by_id])


class PlanChange(Base):
    """An entry of a course's plan history: append-only."""

    __tablename__ = "plan_changes"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    course_id: Mapped[str] = mapped_column(ForeignKey("courses.id"), index=True)
    at: Mapped[datetime]
    by_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(32))  # what sort of change: plan.* in messages
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)  # its facts
    change: Mapped[str] = mapped_column(Text)  # the change in words (English), for exports
    reason: Mapped[str | None] = mapped_column(Text)

    course: Mapped[Course] = relationship(back_populates="plan_history")
    by: Mapped[User] = relationship()


class TreatmentGoal(Versioned, Base):
    """One of the client's goals for the course, in the client's own words."""

    __tablename__ = "treatment_goals"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    course_id: Mapped[str] = mapped_column(ForeignKey("courses.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    set_on: Mapped[date]

    course: Mapped[Course] = relationship(back_populates="goals")


class StatusLetter(Versioned, Base):
    """The letter MOVE writes after every fourth held session: the therapist's text, and the
    day it was printed (or saved to hand over)."""

    __tablename__ = "status_letters"
    __table_args__ = (UniqueConstraint("course_id", "after_sessions"),)

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    course_id: Mapped[str] = mapped_column(ForeignKey("courses.id"), index=True)
    after_sessions: Mapped[int]  # held sessions it reports on: 4, 8, 12 …
    text: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime]
    saved_by_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    printed_on: Mapped[date | None]
    # the session kinds `after_sessions` counted when it was printed (None until printed)
    counted_kinds: Mapped[list[Any] | None] = mapped_column(JSON())

    course: Mapped[Course] = relationship(back_populates="status_letters")
    saved_by: Mapped[User] = relationship()


class ItqRecord(Versioned, Base):
    """The 18 ITQ item scores of one occasion; the result is computed, never stored."""

    __tablename__ = "itq_records"
    __table_args__ = (one_of("occasion", ItqOccasion),)

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    course_id: Mapped[str] = mapped_column(ForeignKey("courses.id"), index=True)
    occasion: Mapped[str] = mapped_column(String(16))
    date: Mapped[date]
    items: Mapped[dict[str, Any]] = mapped_column(default=dict)

    course: Mapped[Course] = relationship(back_populates="itq")


class Addendum(Base):
    """A dated correction to a signed note, by its author: append-only."""

    __tablename__ = "session_addenda"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(ForeignKey("course_sessions.id"), index=True)
    at: Mapped[datetime]
    by_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)

    session: Mapped[CourseSession] = relationship(back_populates="addenda")
    by: Mapped[User] = relationship()


class SupervisorComment(Base):
    """A supervisor's remark on a course or one of its sessions; the course's therapist sees
    it until they have read it. Append-only but for the reading."""

    __tablename__ = "supervisor_comments"

    id: Mapped[str] = mapped_column(ID, primary_key=True, default=new_id)
    course_id: Mapped[str] = mapped_column(ForeignKey("courses.id"), index=True)
    session_id: Mapped[str | None] = mapped_column(ForeignKey("course_sessions.id"), index=True)
    at: Mapped[datetime]
    by_id: Mapped[str] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    read_at: Mapped[datetime | None]
    read_by_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))

    course: Mapped[Course] = relationship(back_populates="comments")
    by: Mapped[User] = relationship(foreign_keys=[by_id])
    read_by: Mapped[User | None] = relationship(foreign_keys=[read_by_id])


class InstallationSecret(Base):
    """A secret made once per database and kept in it, such as the key of the pseudonyms, so
    that every machine sharing the database derives the same values."""

    __tablename__ = "installation_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class ErasedClient(Base):
    """The register of erased clients: an id and a time, nothing else. A restored backup
    still holds them; the restore erases every client named here again."""

    __tablename__ = "erased_clients"

    client_id: Mapped[str] = mapped_column(ID, primary_key=True)
    erased_at: Mapped[datetime] = mapped_column(default=utc_now)
