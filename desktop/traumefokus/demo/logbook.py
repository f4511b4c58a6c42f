"""The logbook's own fields in the demo: gift cards handed out by the programme's rule, other
treatment noted at some check-ins, why missed sessions were not held, who held each session,
clients' consents to audio recording (some withdrawn later) and recorded trauma sessions whose
file names carry the client code, as real recordings' names do (only on days with consent).

Written after the rest of the centre is built, straight into the sessions' logbook columns as
the session screen would have saved them before signing. Its random draws come from a stream
of its own (`{seed}-fields`), so that nothing drawn before it shifts.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from traumefokus.content.choice_lists import NOT_HELD_REASONS, OTHER_TREATMENT, centre_list
from traumefokus.domain.recording_consent import consent_holds
from traumefokus.domain.vocabulary import Attendance, CourseStatus, SessionKind
from traumefokus.services.course_queries import course_content
from traumefokus.services.session_logbook import gift_card_rule
from traumefokus.storage.models import Client, Course, CourseSession, RecordingConsent

if TYPE_CHECKING:
    from traumefokus.demo.centre import _Builder

CHUNK = 200  # clients per transaction
NOTES = {  # demo content: our own words
    "medical": ("Samtale med egen læge", "Metadon som hidtil", "Medicin justeret"),
    "psychologist": ("Psykologsamtale i kommunen", "Første samtale hos psykolog"),
    "group": ("NA-møde om tirsdagen", "Gruppe for pårørende", "Samtalegruppe på centret"),
    "other": ("Kontakt med jobcentret", "Samtale med sagsbehandler"),
}
BY_ATTENDANCE = {  # the reasons that fit each kind of session not held
    Attendance.NO_SHOW.value: ("forgot", "relapse", "ill", "unknown", "practical"),
    Attendance.CANCELLED_CLIENT.value: ("ill", "practical", "treatment_elsewhere", "other"),
    Attendance.CANCELLED_CENTRE.value: ("centre_cancelled",),
}


def add_logbook(builder: _Builder, seed: int) -> None:
    rng = random.Random(f"{seed}-fields")
    reasons = {c.id for c in centre_list(NOT_HELD_REASONS, builder.data_dir)}
    kinds = [c.id for c in centre_list(OTHER_TREATMENT, builder.data_dir)]
    offset = 0
    while True:
        with builder.db.batch() as tx:
            clients = list(
                tx.scalars(
                    select(Client)
                    .options(
                        selectinload(Client.courses).selectinload(Course.sessions),
                        selectinload(Client.recording_consents),
                    )
                    .order_by(Client.code)
                    .offset(offset)
                    .limit(CHUNK)
                )
            )
            for client in clients:
                _client(builder, rng, client, reasons, kinds)
        if len(clients) < CHUNK:
            return
        offset += CHUNK


def _client(
    builder: _Builder, rng: random.Random, client: Client, reasons: set[str], kinds: list[str]
) -> None:
    if client.courses and rng.random() < 0.9:
        _consent(builder, rng, client, client.courses[0])
    consents = [(c.given_on, c.withdrawn_on) for c in client.recording_consents]
    for course in client.courses:
        _course(builder, rng, client.code, course, consents, reasons, kinds)


def _consent(builder: _Builder, rng: random.Random, client: Client, course: Course) -> None:
    given = min(course.start_date + timedelta(days=rng.randint(0, 10)), builder.today)
    withdrawn = None
    dropped_out = course.status == CourseStatus.ENDED_EARLY.value
    if rng.random() < (0.7 if dropped_out else 0.04):  # withdrawn later, mostly on dropping out
        withdrawn = given + timedelta(days=rng.randint(30, 90))
        withdrawn = withdrawn if withdrawn <= builder.today else None
    client.recording_consents.append(
        RecordingConsent(
            given_on=given,
            recorded_by_id=course.therapist_id,
            recorded_at=datetime.combine(given, time(10), tzinfo=UTC),
            withdrawn_on=withdrawn,
            withdrawn_by_id=course.therapist_id if withdrawn else None,
        )
    )


def _course(
    builder: _Builder,
    rng: random.Random,
    code: str,
    course: Course,
    consents: list[tuple[date, date | None]],
    reasons: set[str],
    kinds: list[str],
) -> None:
    rule = gift_card_rule(course_content(builder.library, course)[0])
    held = given = 0
    for session in sorted(course.sessions, key=_order):
        if session.attendance is None:
            continue
        if session.attendance != Attendance.HELD.value:
            fitting = [r for r in BY_ATTENDANCE.get(session.attendance, ()) if r in reasons]
            if fitting and rng.random() < 0.85:
                session.not_held_reason = rng.choice(fitting)
            continue
        session.held_by_id = session.signed_by_id or course.therapist_id
        if session.kind in rule.kinds:
            held += 1
            due = rule.every > 0 and held % rule.every == 0 and given < rule.count
            session.gift_card_given = due and rng.random() < 0.9  # now and then forgotten
            if session.gift_card_given:
                session.gift_card_dkk, given = rule.amount_dkk, given + 1
        if kinds and rng.random() < 0.2:
            chosen = rng.sample(kinds, 2 if rng.random() < 0.25 else 1)
            session.other_treatment = [
                {"kind": kind, "note": rng.choice(NOTES.get(kind, ("",)))} for kind in chosen
            ]
        day = session.date or session.planned_date
        trauma = session.kind == SessionKind.TRAUMA.value
        if trauma and day and consent_holds(consents, day) and rng.random() < 0.92:
            session.recorded = True
            session.recording_file = f"{code}_{day.isoformat()}.wav"


def _order(s: CourseSession) -> tuple[date, int, str]:
    return (s.date or s.planned_date or date.max, s.number if s.number is not None else 99, s.id)
