"""Where a course's chosen themes stand, read from its stored sessions (domain/themes.py
has the rule): what keeps a course from being completed, and which attendance changes would
lose a theme."""

from __future__ import annotations

from traumefokus.domain.content import Pack
from traumefokus.domain.themes import ThemeState, theme_states, unfinished_themes
from traumefokus.domain.vocabulary import OPEN_STATUSES, Attendance, SessionKind
from traumefokus.errors import Refused
from traumefokus.services.plan_history import session_label
from traumefokus.storage.models import Course, CourseSession


def course_theme_states(course: Course) -> dict[str, ThemeState]:
    return theme_states(
        course.chosen_themes,
        course.dropped_themes,
        ((s.kind, s.theme_id, s.attendance) for s in course.sessions),
    )


def keep_decided_theme(course: Course, session: CourseSession, attendance: str | None) -> None:
    """Attendance changes that would lose a theme are refused: a missed session whose theme
    was already moved on, replaced or dropped stays missed (held, or undone, it would give its
    theme two sessions or none), and on a course that has ended a held theme stays held."""
    if session.kind != SessionKind.TRAUMA.value or not session.theme_id:
        return
    was_held = session.attendance == Attendance.HELD.value
    was_missed = session.attendance is not None and not was_held
    missed_now = attendance not in (None, Attendance.HELD.value)
    if was_held and attendance != Attendance.HELD.value and course.status not in OPEN_STATUSES:
        raise Refused("session.theme_held_on_ended_course", session=session_label(session))
    if not was_missed or missed_now:
        return
    if course_theme_states(course).get(session.theme_id) != ThemeState.OPEN:
        raise Refused("session.theme_decided", session=session_label(session))


def check_themes_finished(course: Course, pack: Pack | None) -> None:
    """A course is completed only when every chosen theme was held or dropped with a
    reason: a missed theme never disappears silently."""
    unfinished = unfinished_themes(course_theme_states(course))
    if unfinished:
        titles = [theme_title(pack, theme) for theme in unfinished]
        raise Refused("course.themes_unfinished", themes=", ".join(titles))


def theme_title(pack: Pack | None, theme_id: str) -> str:
    theme = pack.theme(theme_id) if pack else None
    return theme.title if theme else theme_id
