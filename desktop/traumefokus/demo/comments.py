"""The supervisor's part of the demo: comments on sessions and courses (older ones read by the
therapist, recent ones not yet) and co-signatures on some signed notes.

Its random draws come from a stream of its own (`{seed}-comments`), so that nothing drawn
before it shifts; it runs after the rest of the centre is built.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from traumefokus.domain.vocabulary import CourseStatus, NoteStatus
from traumefokus.services.acting import Acting
from traumefokus.services.courses import view_course
from traumefokus.services.supervision_comments import (
    add_comment,
    cosign_note,
    mark_read,
)
from traumefokus.storage.models import Course

if TYPE_CHECKING:
    from traumefokus.demo.centre import _Builder

ON_SESSION = (
    "Fin struktur i tjek-ind. Spørg gerne mere konkret ind til sidste uges aftale.",
    "Godt, at citatet blev koblet til klientens egen hverdag.",
    "Temaet fik meget tid i dag. Overvej at runde af lidt før, så tjek-ud ikke bliver kort.",
    "Notatet er klart og kort. Skriv gerne, hvilket arbejdsark klienten tog med hjem.",
    "Tag sikkerhedsplanen op igen næste gang, når weekenden har været svær.",
    "Stærkt arbejde i en svær samtale. Tag den gerne med til næste supervision.",
    "Aftalen er bred; hjælp klienten med at gøre den mindre og mere konkret.",
    "Godt, at klientens egne ord står i notatet.",
)
ON_COURSE = (
    "Forløbet følger planen fint. Lad os tale om temavalget ved næste supervision.",
    "Fremmødet er faldet de sidste uger. Overvej en opringning mellem sessionerne.",
    "Husk statusbrevet, når de næste fire sessioner er holdt.",
    "Godt at se, at målene bliver fulgt op i næsten hver session.",
    "Overvej at inddrage netværket, hvis klienten ønsker det.",
)
UNREAD_DAYS = 14  # comments from the last two weeks are not read yet
ENDED = (CourseStatus.COMPLETED.value, CourseStatus.ENDED_EARLY.value)


def add_supervision(builder: _Builder, seed: int) -> None:
    """Per therapist: comments on their running courses and a few ended ones; a course
    comment, unread, on the first running course of each."""
    rng = random.Random(f"{seed}-comments")
    supervisor = builder.supervisor
    for therapist in builder.therapists:
        running = builder.active_courses.get(therapist.actor.name, [])[:6]
        with builder.db.reading() as tx:
            ended = list(
                tx.scalars(
                    select(Course.id)
                    .where(Course.therapist_id == therapist.actor.id, Course.status.in_(ENDED))
                    .order_by(Course.start_date, Course.id)
                    .limit(40)
                )
            )
        chosen = running + rng.sample(ended, min(len(ended), 4))
        with builder.db.batch():
            for index, course_id in enumerate(chosen):
                _supervise(builder, rng, supervisor, therapist, course_id, first=index == 0)


def _supervise(
    builder: _Builder,
    rng: random.Random,
    supervisor: Acting,
    therapist: Acting,
    course_id: str,
    *,
    first: bool,
) -> None:
    today = builder.today
    signed = [
        s
        for s in view_course(supervisor, course_id).sessions
        if s.note_status is NoteStatus.SIGNED and s.date is not None
    ]
    for session in signed:
        assert session.date is not None
        if rng.random() < 0.35:  # co-signed at supervision a few days later
            builder.clock.at(min(session.date + timedelta(days=rng.randint(1, 6)), today), 13)
            cosign_note(supervisor, session.id)
        if rng.random() < 0.2:
            day = min(session.date + timedelta(days=rng.randint(1, 5)), today)
            _comment(builder, rng, supervisor, therapist, course_id, day, session.id)
    if first or rng.random() < 0.4:
        last = max((s.date for s in signed if s.date), default=today - timedelta(days=30))
        day = today - timedelta(days=1) if first else min(last + timedelta(days=2), today)
        _comment(builder, rng, supervisor, therapist, course_id, day, None)


def _comment(
    builder: _Builder,
    rng: random.Random,
    supervisor: Acting,
    therapist: Acting,
    course_id: str,
    day: date,
    session_id: str | None,
) -> None:
    builder.clock.at(day, rng.choice((11, 14, 15)))
    text = rng.choice(ON_COURSE if session_id is None else ON_SESSION)
    comment = add_comment(supervisor, course_id, text, session_id=session_id)
    if (builder.today - day).days > UNREAD_DAYS:
        builder.clock.at(day + timedelta(days=rng.randint(1, 4)), 8)
        mark_read(therapist, comment)
