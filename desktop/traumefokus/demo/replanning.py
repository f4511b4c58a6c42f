"""How the plan bends in the demo, as it does in a centre: a theme put aside or swapped
before its session, a missed week, a holiday; and what becomes of a missed session's theme."""

from __future__ import annotations

import random
from datetime import date, timedelta

from traumefokus.demo.texts import DROP_REASONS
from traumefokus.domain.content import Programme
from traumefokus.domain.vocabulary import CourseStatus, SessionKind
from traumefokus.services import planning
from traumefokus.services.acting import Acting
from traumefokus.services.courses import CourseView, SessionView, view_course
from traumefokus.services.missed_themes import drop_missed_theme, replace_missed_theme


def bend_the_plan(
    rng: random.Random, therapist: Acting, session: SessionView, course: CourseView
) -> bool:
    """Now and then the plan bends before a session: True if this session moved."""
    roll = rng.random()
    if session.kind == SessionKind.TRAUMA and session.theme_id and not session.extra:
        if roll < 0.06:
            planning.defer_theme(
                therapist,
                session.id,
                "Klienten var ikke klar til temaet i dag",
            )
            return True
        if roll < 0.10:
            later = [
                s
                for s in course.sessions
                if s.kind == SessionKind.TRAUMA
                and s.open
                and s.theme_id
                and s.id != session.id
                and not s.extra
            ]
            if later:
                planning.swap_themes(
                    therapist,
                    session.id,
                    rng.choice(later).id,
                    "Klienten ønskede et andet tema først",
                )
                return True
    if roll > 0.975 and session.number not in (None, 0):
        planning.shift_dates(therapist, session.id, 7, "Klienten var syg")
        return True
    if roll > 0.96 and session.planned_date is not None:
        planning.reschedule(
            therapist,
            session.id,
            day=session.planned_date + timedelta(days=1),
            at=session.planned_time,
            reason="Ferie/helligdag",
        )
        return True
    return False


def settle_missed_theme(
    rng: random.Random,
    today: date,
    therapist: Acting,
    course_id: str,
    session: SessionView,
    status: CourseStatus,
    programme: Programme,
) -> None:
    """The theme of a missed trauma session is moved on, now and then replaced or dropped
    with a reason; a recent one on a running course may still wait for the decision."""
    if session.kind != SessionKind.TRAUMA or not session.theme_id:
        return
    day = session.planned_date or today
    if status is CourseStatus.ACTIVE and (today - day).days <= 14 and rng.random() < 0.5:
        return  # the therapist has not decided yet: "themes still open"
    roll = rng.random()
    chosen = view_course(therapist, course_id).chosen_themes
    unchosen = [t for t in programme.offered_themes if t not in chosen]
    if roll < 0.7:
        planning.defer_theme(therapist, session.id, "Udeblev; temaet tages i en ekstra session")
    elif roll < 0.85 and unchosen:
        replace_missed_theme(
            therapist, session.id, rng.choice(unchosen), "Klienten ønskede et andet tema nu"
        )
    else:
        drop_missed_theme(therapist, session.id, rng.choice(DROP_REASONS))
