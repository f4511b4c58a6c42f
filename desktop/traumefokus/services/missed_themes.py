"""What becomes of the theme of a trauma session that was not held (no-show, cancelled):
moved to an extra session (`planning.defer_theme`), replaced by another offered theme, or
dropped with a reason. Each choice is its own kind in the plan history, naming the theme."""

from __future__ import annotations

from traumefokus.errors import InvalidInput
from traumefokus.services.acting import Acting
from traumefokus.services.course_queries import course_content
from traumefokus.services.plan_history import log_change, session_label
from traumefokus.services.planning import (
    add_theme_session,
    course_id_of,
    missed_theme,
    open_course,
    reorder_chosen,
    session_of,
)

MAX_REASON = 2_000


def replace_missed_theme(
    acting: Acting, session_id: str, new_theme: str, reason: str | None = None
) -> str:
    """Another offered theme, not chosen yet, takes the missed theme's place in the chosen
    themes and gets an extra session one interval after the last trauma session. Returns
    the extra session's id."""
    with acting.transaction() as tx:
        course = open_course(tx, acting, course_id_of(tx, session_id))
        session = session_of(course, session_id)
        theme = missed_theme(course, session)
        programme = course_content(acting.library, course)[0]
        if new_theme not in programme.offered_themes:
            raise InvalidInput("plan.theme_not_offered", theme=new_theme)
        if new_theme in course.chosen_themes:
            raise InvalidInput("plan.theme_duplicate", theme=new_theme)
        course.chosen_themes = [new_theme if t == theme else t for t in course.chosen_themes]
        extra, moved = add_theme_session(course, new_theme, programme)
        tx.flush()
        reorder_chosen(course)
        log_change(
            tx,
            course,
            acting.actor,
            "theme_replaced",
            reason,
            session=session_label(session),
            theme=theme,
            new_theme=new_theme,
            new=extra.planned_date,
            moved=moved,
        )
        return extra.id


def drop_missed_theme(acting: Acting, session_id: str, reason: str) -> None:
    """The missed theme is left out of the course, with the reason: the course can then be
    completed without it, and the record says why it was never done."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput("plan.drop_reason_required")
    if len(reason) > MAX_REASON:
        raise InvalidInput("note.text_too_long", max=MAX_REASON)
    with acting.transaction() as tx:
        course = open_course(tx, acting, course_id_of(tx, session_id))
        session = session_of(course, session_id)
        theme = missed_theme(course, session)
        course.dropped_themes = {**course.dropped_themes, theme: reason}
        log_change(
            tx,
            course,
            acting.actor,
            "theme_dropped",
            reason,
            session=session_label(session),
            theme=theme,
        )
