"""Where each chosen theme of a course stands: held, planned in a session still to come,
dropped with a reason, or open (its session was missed and nothing is decided yet).

A theme never disappears silently: a course is completed only when every chosen theme was
held or dropped with a reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from traumefokus.domain.vocabulary import Attendance, CourseStatus, SessionKind


class ThemeState(StrEnum):
    HELD = "held"
    PLANNED = "planned"
    DROPPED = "dropped"
    OPEN = "open"


class MissedThemeChoice(StrEnum):
    """What becomes of the theme of a trauma session that was not held."""

    DEFER = "defer"  # an extra session, one interval after the last trauma session
    REPLACE = "replace"  # another offered theme takes the extra session
    DROP = "drop"  # left out of the course, with a reason


def theme_states(
    chosen: Sequence[str],
    dropped: Mapping[str, str],
    sessions: Iterable[tuple[str, str | None, str | None]],
) -> dict[str, ThemeState]:
    """Each chosen theme's state, in the chosen order, from the course's (kind, theme id,
    attendance) sessions and its dropped themes (theme id: reason)."""
    held: set[str] = set()
    planned: set[str] = set()
    for kind, theme, attendance in sessions:
        if kind != SessionKind.TRAUMA.value or theme is None:
            continue
        if attendance == Attendance.HELD.value:
            held.add(theme)
        elif attendance is None:
            planned.add(theme)
    states = {}
    for theme in chosen:
        if theme in held:
            states[theme] = ThemeState.HELD
        elif theme in planned:  # a session planned after all outweighs an earlier drop
            states[theme] = ThemeState.PLANNED
        elif theme in dropped:
            states[theme] = ThemeState.DROPPED
        else:
            states[theme] = ThemeState.OPEN
    return states


def open_themes(states: Mapping[str, ThemeState]) -> list[str]:
    """Chosen themes whose session was missed with nothing decided: they need a decision."""
    return [theme for theme, state in states.items() if state is ThemeState.OPEN]


def waiting_themes(states: Mapping[str, ThemeState]) -> set[str]:
    """Chosen themes with no session to place: dropped, or open for a decision. Choosing the
    themes again leaves them where they are instead of giving them a trauma session."""
    return {t for t, state in states.items() if state in (ThemeState.DROPPED, ThemeState.OPEN)}


def unfinished_themes(states: Mapping[str, ThemeState]) -> list[str]:
    """Chosen themes that keep a course from being completed: neither held nor dropped."""
    return [
        theme for theme, state in states.items() if state in (ThemeState.OPEN, ThemeState.PLANNED)
    ]


# Why a chosen theme was never done on a course that ended (the records export's codes)
NEVER_DONE_DROPPED = "dropped"  # dropped in the missed-theme flow; its words are kept
NEVER_DONE_ENDED_EARLY = "course_ended_early"  # the course ended before its session
NEVER_DONE_NOT_HELD = "not_held"  # a completed course's theme neither held nor dropped


@dataclass(frozen=True)
class NeverDone:
    theme: str
    reason: str  # one of the NEVER_DONE codes
    words: str | None = None  # the reason given when it was dropped


def themes_never_done(
    states: Mapping[str, ThemeState], dropped: Mapping[str, str], status: str
) -> list[NeverDone]:
    """On a course that ended (completed or ended early), the chosen themes never held, in
    the chosen order: a dropped theme keeps its reason; on a course ended early the others
    never done were lost to the early end. An open course has none yet."""
    if status not in (CourseStatus.COMPLETED.value, CourseStatus.ENDED_EARLY.value):
        return []
    found = []
    for theme, state in states.items():
        if state is ThemeState.HELD:
            continue
        if state is ThemeState.DROPPED:
            found.append(NeverDone(theme, NEVER_DONE_DROPPED, dropped.get(theme)))
        elif status == CourseStatus.ENDED_EARLY.value:
            found.append(NeverDone(theme, NEVER_DONE_ENDED_EARLY))
        else:
            found.append(NeverDone(theme, NEVER_DONE_NOT_HELD))
    return found
