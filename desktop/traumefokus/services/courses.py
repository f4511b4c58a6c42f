"""Courses: creating one from a programme, reading it for the course view, ending it."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import select

from traumefokus.content.library import ContentLibrary
from traumefokus.domain import itq
from traumefokus.domain.access import Action, Relation
from traumefokus.domain.content import Pack, Version
from traumefokus.domain.course_plan import (
    attended_count,
    check_date_in_course,
    is_theme_slot,
    lay_out,
)
from traumefokus.domain.gift_cards import GiftCardTotal, given_total
from traumefokus.domain.inclusion import Inclusion, inclusion_question
from traumefokus.domain.status_letter import counted_held
from traumefokus.domain.themes import (
    NeverDone,
    ThemeState,
    open_themes,
    theme_states,
    themes_never_done,
)
from traumefokus.domain.vocabulary import (
    OPEN_STATUSES,
    Attendance,
    CourseStatus,
    ItqOccasion,
    Method,
    NoteStatus,
    Role,
    SessionKind,
)
from traumefokus.errors import InvalidInput, Refused
from traumefokus.messages import Term
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.course_queries import (
    active_therapist,
    course_for,
    programme_and_pack,
    user_label,
)
from traumefokus.services.course_themes import check_themes_finished, theme_title
from traumefokus.services.editing import check_version, load
from traumefokus.services.plan_history import (
    describe_change,
    log_change,
    reader_words,
)
from traumefokus.storage.models import Client, Course, CourseSession


@dataclass(frozen=True)
class SessionView:
    id: str
    number: int | None
    kind: SessionKind
    extra: bool
    follow_up_month: int | None
    theme_id: str | None
    theme_title: str | None
    planned_date: date | None
    planned_time: time | None
    planned_minutes: int | None
    date: date | None
    attendance: Attendance | None
    note_status: NoteStatus
    version: int
    gift_card_given: bool | None = None  # the logbook's gift card: noted given or not
    gift_card_dkk: int | None = None
    not_held_reason: str | None = None  # an id from the centre's list

    @property
    def open(self) -> bool:
        """Not yet attended (or cancelled): its plan may still change."""
        return self.attendance is None


@dataclass(frozen=True)
class HistoryView:
    at: datetime
    by: str
    kind: str
    description: str
    reason: str | None


@dataclass(frozen=True)
class GoalView:
    id: str
    text: str
    set_on: date
    version: int


@dataclass(frozen=True)
class ItqView:
    id: str
    occasion: ItqOccasion
    date: date
    items: dict[str, int]
    score: itq.ItqScore
    version: int  # of the record as read: a correction from it names it (record_itq)


@dataclass(frozen=True)
class CoverView:
    user_id: str
    name: str  # as shown: full name and title
    granted_at: datetime


@dataclass(frozen=True)
class CourseView:
    id: str
    version: int
    client_id: str
    client_code: str
    method: Method
    programme_id: str
    programme_version: str
    pack_id: str
    pack_version: str
    therapist: str  # as shown: full name and title
    therapist_id: str
    may: frozenset[Action]  # what the viewing user may do with this course
    covers: tuple[CoverView, ...]
    status: CourseStatus
    start_date: date
    end_date: date | None
    end_reason: str | None
    end_reason_text: str | None
    chosen_themes: tuple[str, ...]
    sessions: tuple[SessionView, ...]
    history: tuple[HistoryView, ...]
    goals: tuple[GoalView, ...]
    itq: tuple[ItqView, ...]
    letters: tuple[tuple[int, date | None], ...] = ()  # status letters: (after, printed on)
    inclusion: Inclusion | None = None  # the assessment ITQ shows no PTSD symptoms
    dropped_themes: Mapping[str, str] = field(default_factory=dict)  # theme id: reason

    @property
    def attended(self) -> int:
        return attended_count((s.kind, s.attendance) for s in self.sessions)

    @property
    def planned(self) -> int:
        return sum(1 for s in self.sessions if s.kind != SessionKind.FOLLOW_UP)

    @property
    def next_session(self) -> SessionView | None:
        return next((s for s in self.sessions if s.open), None)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def theme_states(self) -> dict[str, ThemeState]:
        """Where each chosen theme stands: held, planned, dropped or open."""
        return theme_states(
            self.chosen_themes,
            self.dropped_themes,
            ((s.kind, s.theme_id, s.attendance) for s in self.sessions),
        )

    @property
    def awaiting_decision(self) -> tuple[SessionView, ...]:
        """The missed trauma sessions whose theme waits for a decision (move it on, replace
        it or drop it), one per open theme."""
        waiting = set(open_themes(self.theme_states))
        found: dict[str, SessionView] = {}
        for s in self.sessions:
            if s.kind == SessionKind.TRAUMA and s.theme_id in waiting and s.attendance:
                found[s.theme_id] = s  # the latest missed session of the theme
        return tuple(found.values())

    @property
    def gift_cards(self) -> GiftCardTotal:
        """The gift cards given on the course and their sum."""
        return given_total(
            (s.attendance, s.gift_card_given, s.gift_card_dkk) for s in self.sessions
        )

    @property
    def themes_never_done(self) -> list[NeverDone]:
        """On a course that ended, the chosen themes never held, each with its reason."""
        return themes_never_done(self.theme_states, self.dropped_themes, self.status.value)

    def letter_count(self, kinds: Collection[str]) -> int:
        """Held sessions of the kinds a status letter counts."""
        return counted_held(((s.kind, s.attendance) for s in self.sessions), kinds)

    @property
    def theme_slots(self) -> tuple[SessionView, ...]:
        """The sessions the chosen themes go into, in date order."""
        return tuple(
            s
            for s in self.sessions
            if is_theme_slot(s.kind, s.extra, s.theme_id, self.chosen_themes, s.attendance)
        )


def create_course(
    acting: Acting,
    *,
    client_id: str,
    therapist_id: str,
    programme_id: str,
    start: date,
    weekday: int,
    at: time | None,
) -> str:
    """A new course laid out from the newest version of the programme and its pack; both
    versions are kept in the data directory for as long as the course needs them. A therapist
    starts courses of their own; an administrator names the therapist."""
    library = acting.library
    programme, pack = programme_and_pack(library, programme_id)
    planned = lay_out(programme, start, weekday, at)
    acting.require(Action.START_COURSE, Relation.OWN)  # a role that never starts courses
    with acting.transaction() as tx:
        client = load(tx, Client, client_id, "client")
        therapist = active_therapist(tx, therapist_id)
        acting.require_client(tx, client.id, Action.START_COURSE)
        if acting.actor.role is Role.THERAPIST and therapist.id != acting.actor.id:
            raise Refused("course.therapist_self")
        open_course = tx.scalars(
            select(Course).where(Course.client_id == client_id, Course.status.in_(OPEN_STATUSES))
        ).first()
        if open_course is not None:
            raise InvalidInput(
                "course.one_open",
                code=client.code,
                status=Term(f"status.{open_course.status}"),
                start=open_course.start_date.isoformat(),
            )
        for ref in (
            library.find("pack", pack.id, pack.version),
            library.find("programme", programme.id, programme.version),
        ):
            assert ref is not None
            library.keep(ref)
        course = Course(
            client_id=client_id,
            therapist_id=therapist_id,
            method=programme.method,
            programme=programme.id,
            programme_version=str(programme.version),
            pack_id=pack.id,
            pack_version=str(pack.version),
            status=CourseStatus.PLANNED.value,
            start_date=start,
            chosen_themes=[],
        )
        tx.add(course)
        tx.flush()
        for p in planned:
            tx.add(
                CourseSession(
                    course_id=course.id,
                    number=p.number,
                    kind=p.kind.value,
                    extra=False,
                    follow_up_month=p.follow_up_month,
                    planned_date=p.planned_date,
                    planned_time=p.planned_time,
                    planned_minutes=p.minutes,
                )
            )
        log_change(
            tx,
            course,
            acting.actor,
            "created",
            sessions=len(planned),
            start=start,
            programme=f"{programme.id} {programme.version}",
            therapist=therapist.name,
        )
        audit.record(tx, acting.actor, "course.create", object_type="course", object_id=course.id)
        return course.id


def view_course(
    acting: Acting,
    course_id: str,
    *,
    lang: str = "da",
    day: Callable[[date], str] | None = None,
) -> CourseView:
    """The course as a screen shows it; its plan history in `lang`, with theme titles and
    the days written by `day` (ISO dates without it)."""
    with acting.db.reading() as tx:
        course = course_for(tx, acting, course_id, Action.READ)
        pack = _course_pack(acting.library, course)
        words = reader_words(acting.data_dir, pack, lang, day)
        sessions = tuple(session_view(s, pack) for s in sorted(course.sessions, key=session_order))
        history = tuple(
            HistoryView(
                c.at,
                user_label(c.by),
                c.kind,
                describe_change(c.kind, c.details, lang, **words) if c.kind != "note" else c.change,
                c.reason,
            )
            for c in course.plan_history
        )
        return CourseView(
            id=course.id,
            version=course.version,
            client_id=course.client_id,
            client_code=course.client.code,
            method=Method(course.method),
            programme_id=course.programme,
            programme_version=course.programme_version,
            pack_id=course.pack_id,
            pack_version=course.pack_version,
            therapist=user_label(course.therapist),
            therapist_id=course.therapist_id,
            may=acting.course_actions(course),
            covers=tuple(
                CoverView(c.user_id, user_label(c.user), c.granted_at) for c in course.covers
            ),
            status=CourseStatus(course.status),
            start_date=course.start_date,
            end_date=course.end_date,
            end_reason=course.end_reason,
            end_reason_text=course.end_reason_text,
            chosen_themes=tuple(course.chosen_themes),
            sessions=sessions,
            history=history,
            goals=tuple(GoalView(g.id, g.text, g.set_on, g.version) for g in course.goals),
            itq=tuple(
                ItqView(
                    r.id,
                    ItqOccasion(r.occasion),
                    r.date,
                    dict(r.items),
                    itq.score(r.items),
                    r.version,
                )
                for r in course.itq
            ),
            letters=tuple(
                (letter.after_sessions, letter.printed_on) for letter in course.status_letters
            ),
            inclusion=inclusion_question(course.itq, course.plan_history, user_label),
            dropped_themes=dict(course.dropped_themes),
        )


def _course_pack(library: ContentLibrary, course: Course) -> Pack | None:
    return library.pack(course.pack_id, Version.parse(course.pack_version))


def session_order(s: CourseSession) -> tuple[object, ...]:
    return (
        s.planned_date is None,
        s.planned_date,
        s.planned_time or time(0),
        s.number is None,
        s.number,
        s.id,
    )


def session_view(s: CourseSession, pack: Pack | None) -> SessionView:
    return SessionView(
        s.id,
        s.number,
        SessionKind(s.kind),
        s.extra,
        s.follow_up_month,
        s.theme_id,
        theme_title(pack, s.theme_id) if s.theme_id else None,
        s.planned_date,
        s.planned_time,
        s.planned_minutes,
        s.date,
        Attendance(s.attendance) if s.attendance else None,
        NoteStatus(s.note_status),
        s.version,
        s.gift_card_given,
        s.gift_card_dkk,
        s.not_held_reason,
    )


def end_course(
    acting: Acting,
    course_id: str,
    *,
    status: str,
    end_date: date,
    reason: str | None = None,
    reason_text: str | None = None,
    reasons: tuple[str, ...] = (),
    version: int | None = None,
) -> None:
    """Completed, or ended early with a reason from the centre's list (`reasons`); the
    reason "other" needs its own words. With `version`, as planning.choose_themes."""
    if status not in (CourseStatus.COMPLETED.value, CourseStatus.ENDED_EARLY.value):
        raise InvalidInput("course.end_status_invalid", status=status)
    words = (reason_text or "").strip() or None
    if status == CourseStatus.ENDED_EARLY.value:
        if reason not in reasons:
            raise InvalidInput("course.end_reason_required")
        if reason == "other" and not words:
            raise InvalidInput("course.end_reason_text_required")
    else:
        reason, words = None, None
    with acting.transaction() as tx:
        course = course_for(tx, acting, course_id, Action.PLAN)
        if version is not None:
            check_version(course, version, "course")
        if course.status not in OPEN_STATUSES:
            raise Refused("course.not_open", status=Term(f"status.{course.status}"))
        check_date_in_course(course.start_date, end_date)
        if status == CourseStatus.COMPLETED.value:
            check_themes_finished(course, _course_pack(acting.library, course))
        course.status, course.end_date = status, end_date
        course.end_reason, course.end_reason_text = reason, words
        log_change(
            tx,
            course,
            acting.actor,
            "ended",
            words,
            status=status,
            date=end_date,
            end_reason=reason or "-",
        )
