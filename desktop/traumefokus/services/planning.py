"""Adjusting a course plan: choose the themes, reschedule, swap, defer, add a session, shift
dates after a missed week, record attendance. Each change goes into the plan history.

Only sessions without attendance can be re-planned: what happened stays as it happened.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy.orm import Session

from traumefokus.content.library import ContentLibrary
from traumefokus.domain.access import Action
from traumefokus.domain.content import Programme
from traumefokus.domain.course_plan import (
    check_date_in_course,
    check_theme_choice,
    extra_session_day,
    is_theme_slot,
    pushed_later,
)
from traumefokus.domain.themes import ThemeState, waiting_themes
from traumefokus.domain.vocabulary import OPEN_STATUSES, Attendance, NoteStatus, SessionKind
from traumefokus.errors import InvalidInput, Refused
from traumefokus.messages import Term
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.course_queries import course_content, course_for, mark_active_if_held
from traumefokus.services.course_themes import course_theme_states, keep_decided_theme
from traumefokus.services.editing import check_seen, check_version, load
from traumefokus.services.plan_history import log_change, session_label
from traumefokus.services.session_logbook import check_recording, clear_if_not_held
from traumefokus.services.session_logbook import not_held_reason as logbook_reason
from traumefokus.storage.models import Course, CourseSession


def open_course(tx: Session, acting: Acting, course_id: str) -> Course:
    """The course, if it is still open and `acting` may plan it."""
    course = course_for(tx, acting, course_id, Action.PLAN)
    if course.status not in OPEN_STATUSES:
        raise Refused("course.not_open", status=Term(f"status.{course.status}"))
    return course


def session_of(course: Course, session_id: str) -> CourseSession:
    found = next((s for s in course.sessions if s.id == session_id), None)
    if found is None:
        raise InvalidInput("session.unknown_id")
    return found


def _still_open(s: CourseSession) -> None:
    if s.attendance is not None:
        raise Refused(
            "session.already_recorded",
            session=session_label(s),
            attendance=Term(f"attendance.{s.attendance}"),
        )


def _theme_slots(course: Course) -> list[CourseSession]:
    return sorted(
        (
            s
            for s in course.sessions
            if is_theme_slot(s.kind, s.extra, s.theme_id, course.chosen_themes, s.attendance)
        ),
        key=lambda s: (s.planned_date, s.number or 0),
    )


def _programme(library: ContentLibrary, course: Course) -> Programme:
    return course_content(library, course)[0]


def course_id_of(tx: Session, session_id: str) -> str:
    return load(tx, CourseSession, session_id, "session").course_id


def choose_themes(
    acting: Acting,
    course_id: str,
    themes: list[str],
    reason: str | None = None,
    *,
    version: int | None = None,
) -> None:
    """The themes chosen with the client, in order, into the trauma sessions (with `version`,
    the course's as the user saw it: a change by someone else since is refused, with who). A session
    already held keeps its theme, in its place; a theme for which no session is left (after a
    no-show, say) gets an extra session after the last one. A theme dropped, or waiting for
    the decision after its session was missed, stays chosen without a session."""
    with acting.transaction() as tx:
        course = open_course(tx, acting, course_id)
        if version is not None:
            check_version(course, version, "course")
        programme = _programme(acting.library, course)
        check_theme_choice(themes, programme.offered_themes, programme.themes_to_choose)
        waiting = waiting_themes(course_theme_states(course))
        placed = [theme for theme in themes if theme not in waiting]
        slots = _theme_slots(course)
        for index, slot in enumerate(slots):
            held_elsewhere = index >= len(placed) or placed[index] != slot.theme_id
            if slot.attendance is not None and held_elsewhere:
                raise Refused(
                    "plan.theme_of_held_session",
                    session=session_label(slot),
                    theme=slot.theme_id or "-",
                )
        for index, slot in enumerate(slots):
            if slot.attendance is None:
                slot.theme_id = placed[index] if index < len(placed) else None
        course.chosen_themes = list(themes)
        added = [add_theme_session(course, theme, programme)[0] for theme in placed[len(slots) :]]
        tx.flush()
        reorder_chosen(course)
        log_change(tx, course, acting.actor, "themes_chosen", reason, themes=", ".join(themes))
        for extra in added:
            log_change(
                tx,
                course,
                acting.actor,
                "extra_added",
                reason,
                kind=extra.kind,
                theme=extra.theme_id,
                date=extra.planned_date,
            )


def reschedule(
    acting: Acting,
    session_id: str,
    *,
    day: date,
    at: time | None,
    reason: str | None = None,
    version: int | None = None,
) -> None:
    """Another day or time for a session not yet attended. With `version` (the session's as
    the user saw it), a change by someone else since is refused, with who and when; so in
    swap_themes, defer_theme, shift_dates and record_attendance."""
    with acting.transaction() as tx:
        course = open_course(tx, acting, course_id_of(tx, session_id))
        session = session_of(course, session_id)
        check_seen(session, version, "session")
        _still_open(session)
        check_date_in_course(course.start_date, day)
        before = session.planned_date
        session.planned_date, session.planned_time = day, at
        reorder_chosen(course)
        log_change(
            tx,
            course,
            acting.actor,
            "rescheduled",
            reason,
            session=session_label(session),
            old=before,
            new=day,
        )


def swap_themes(
    acting: Acting,
    first_id: str,
    second_id: str,
    reason: str | None = None,
    *,
    versions: tuple[int, int] | None = None,
) -> None:
    with acting.transaction() as tx:
        course = open_course(tx, acting, course_id_of(tx, first_id))
        first, second = session_of(course, first_id), session_of(course, second_id)
        for s, seen in zip((first, second), versions or (None, None), strict=True):
            check_seen(s, seen, "session")
        for s in (first, second):
            _still_open(s)
            if s.kind != SessionKind.TRAUMA.value or not s.theme_id:
                raise InvalidInput("plan.swap_needs_themes", session=session_label(s))
        first.theme_id, second.theme_id = second.theme_id, first.theme_id
        reorder_chosen(course)
        log_change(
            tx,
            course,
            acting.actor,
            "swapped",
            reason,
            first=session_label(first),
            second=session_label(second),
        )


def defer_theme(
    acting: Acting, session_id: str, reason: str | None = None, *, version: int | None = None
) -> str:
    """The theme of this session moves to an extra session one interval after the last trauma
    session (the sessions after that move one interval later). Before the session, it becomes
    an ordinary MOVE session (the client is not ready); after a no-show or a cancellation it
    stays as it was recorded, and the plan history says the missed theme was moved on
    (`theme_deferred`). Returns the id of the extra session."""
    with acting.transaction() as tx:
        course = open_course(tx, acting, course_id_of(tx, session_id))
        session = session_of(course, session_id)
        check_seen(session, version, "session")
        if session.attendance is None:
            if session.kind != SessionKind.TRAUMA.value or not session.theme_id:
                raise InvalidInput("plan.defer_needs_theme", session=session_label(session))
            kind = "deferred"
        else:
            missed_theme(course, session)
            kind = "theme_deferred"
        theme = session.theme_id
        assert theme is not None
        if session.attendance is None:
            session.kind, session.theme_id = SessionKind.MOVE.value, None
        extra, moved = add_theme_session(course, theme, _programme(acting.library, course))
        tx.flush()
        reorder_chosen(course)
        log_change(
            tx,
            course,
            acting.actor,
            kind,
            reason,
            session=session_label(session),
            theme=theme,
            new=extra.planned_date,
            moved=moved,
        )
        return extra.id


def missed_theme(course: Course, session: CourseSession) -> str:
    """The theme of a trauma session recorded as not held, while nothing is decided about
    it yet; refused for a held session or a theme already moved, replaced or dropped."""
    if session.attendance == Attendance.HELD.value:
        _still_open(session)  # refuses: what was held stays held
    if session.kind != SessionKind.TRAUMA.value or not session.theme_id:
        raise InvalidInput("plan.defer_needs_theme", session=session_label(session))
    if session.attendance is None or course_theme_states(course).get(session.theme_id) != (
        ThemeState.OPEN
    ):
        raise Refused("plan.theme_not_missed", session=session_label(session))
    return session.theme_id


def add_theme_session(
    course: Course, theme: str, programme: Programme
) -> tuple[CourseSession, int]:
    """An extra trauma session for `theme` where domain `extra_session_day` puts it (a week
    after the last trauma session, never among sessions already recorded); the unattended
    sessions from that day on move one interval later (their count returned)."""
    last = max(
        (s for s in course.sessions if s.kind == SessionKind.TRAUMA.value),
        key=lambda s: s.planned_date or date.min,
    )
    interval = timedelta(days=programme.interval_days)
    day = extra_session_day(
        ((s.kind, s.planned_date, s.date, s.attendance) for s in course.sessions),
        programme.interval_days,
    ) or (date.today() + interval)
    later = [s for s in course.sessions if pushed_later(s.planned_date, s.attendance, day)]
    for s in later:
        _move(s, interval)
    extra = CourseSession(
        course_id=course.id,
        number=None,
        kind=SessionKind.TRAUMA.value,
        extra=True,
        theme_id=theme,
        planned_date=day,
        planned_time=last.planned_time,
        planned_minutes=last.planned_minutes,
    )
    course.sessions.append(extra)
    return extra, len(later)


def _move(s: CourseSession, by: timedelta) -> None:
    if s.planned_date is not None:
        s.planned_date = s.planned_date + by


def add_extra_session(
    acting: Acting,
    course_id: str,
    *,
    kind: str,
    theme: str | None,
    day: date,
    at: time | None,
    minutes: int | None = None,
    reason: str | None = None,
) -> str:
    """An extra session (the client asked for more): a trauma theme or an ordinary MOVE
    session, on a day of its own; it does not move the other sessions."""
    if kind not in (SessionKind.TRAUMA.value, SessionKind.MOVE.value):
        raise InvalidInput("plan.extra_kind_invalid", kind=kind)
    with acting.transaction() as tx:
        course = open_course(tx, acting, course_id)
        check_date_in_course(course.start_date, day)
        if kind == SessionKind.TRAUMA.value:
            if theme not in _programme(acting.library, course).offered_themes:
                raise InvalidInput("plan.theme_not_offered", theme=theme or "-")
            if any(slot.theme_id == theme for slot in _theme_slots(course)):
                raise InvalidInput("plan.theme_has_session", theme=theme)
            if theme in course.dropped_themes:  # worked on after all: no longer dropped
                course.dropped_themes = {
                    t: why for t, why in course.dropped_themes.items() if t != theme
                }
        else:
            theme = None
        extra = CourseSession(
            course_id=course.id,
            number=None,
            kind=kind,
            extra=True,
            theme_id=theme,
            planned_date=day,
            planned_time=at,
            planned_minutes=minutes,
        )
        course.sessions.append(extra)
        tx.flush()
        log_change(
            tx,
            course,
            acting.actor,
            "extra_added",
            reason,
            kind=kind,
            theme=theme or "-",
            date=day,
        )
        return extra.id


def shift_dates(
    acting: Acting,
    session_id: str,
    days: int,
    reason: str | None = None,
    *,
    version: int | None = None,
) -> int:
    """After a missed week: this session and every later one not yet attended move `days`
    days (a negative number moves them earlier). Returns how many moved."""
    if days == 0:
        raise InvalidInput("plan.shift_zero")
    with acting.transaction() as tx:
        course = open_course(tx, acting, course_id_of(tx, session_id))
        first = session_of(course, session_id)
        check_seen(first, version, "session")
        _still_open(first)
        start = first.planned_date or course.start_date
        moving = [s for s in course.sessions if pushed_later(s.planned_date, s.attendance, start)]
        for s in moving:
            check_date_in_course(course.start_date, (s.planned_date or start) + timedelta(days))
        for s in moving:
            _move(s, timedelta(days=days))
        reorder_chosen(course)
        log_change(
            tx,
            course,
            acting.actor,
            "shifted",
            reason,
            session=session_label(first),
            days=days,
            count=len(moving),
        )
        return len(moving)


def record_attendance(
    acting: Acting,
    session_id: str,
    attendance: str | None,
    day: date | None = None,
    not_held_reason: str | None = None,
    *,
    version: int | None = None,
) -> None:
    """Held, no-show, cancelled by the client or by the centre (or None to undo a mistake).
    A session not held is still a logbook entry, with why it was not held when known (an id
    from the centre's list); undoing clears it. The first held session starts the course."""
    if attendance is not None and attendance not in {a.value for a in Attendance}:
        raise InvalidInput("session.attendance_invalid", attendance=attendance)
    with acting.transaction() as tx:
        course = course_for(tx, acting, course_id_of(tx, session_id), Action.PLAN)
        session = session_of(course, session_id)
        check_seen(session, version, "session")
        if session.note_status == NoteStatus.SIGNED.value:
            raise Refused("note.signed")  # attendance is part of the signed note
        day = day or session.planned_date
        if day is not None:
            check_date_in_course(course.start_date, day)
        keep_decided_theme(course, session, attendance)
        session.not_held_reason = logbook_reason(
            acting.data_dir, session, attendance, not_held_reason
        )
        if attendance != Attendance.HELD.value:
            session.held_by_id = None
            clear_if_not_held(session, attendance)
        else:  # a draft marked recorded stays so only with consent on the day it was held
            check_recording(course, session.recorded, day)
        session.attendance = attendance
        session.date = day if attendance is not None else None
        mark_active_if_held(course, attendance)
        audit.record(
            tx,
            acting.actor,
            "session.attendance",
            object_type="session",
            object_id=session.id,
            attendance=attendance,
        )


def reorder_chosen(course: Course) -> None:
    """Keep `chosen_themes` in the order the themes will now be worked on; a chosen theme
    without a session goes last."""
    dated = {s.theme_id: (s.planned_date, s.number or 0) for s in _theme_slots(course)}
    course.chosen_themes = sorted(
        course.chosen_themes, key=lambda t: (t not in dated, dated.get(t, (date.max, 0)))
    )
