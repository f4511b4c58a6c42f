"""Recording consent on the client: who recorded it and when it was given, and its withdrawal
with its date. Whoever may change the client records both; whoever may see the client sees
them. The program never stores audio: a session notes only that it was recorded and the
file's name, and only on a day the consent holds (domain/recording_consent.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from traumefokus.domain.access import Action
from traumefokus.domain.recording_consent import consent_holds
from traumefokus.errors import InvalidInput
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.services.course_queries import user_label
from traumefokus.services.editing import check_version, load
from traumefokus.storage.clock import utc_now
from traumefokus.storage.models import Client, RecordingConsent


@dataclass(frozen=True)
class ConsentView:
    id: str
    given_on: date
    recorded_by: str  # as shown: full name and title
    recorded_at: datetime
    withdrawn_on: date | None
    withdrawn_by: str | None
    version: int


def _view(c: RecordingConsent) -> ConsentView:
    return ConsentView(
        c.id,
        c.given_on,
        user_label(c.recorded_by),
        c.recorded_at,
        c.withdrawn_on,
        user_label(c.withdrawn_by) if c.withdrawn_by else None,
        c.version,
    )


def list_consents(acting: Acting, client_id: str) -> list[ConsentView]:
    """The client's consents, oldest first."""
    with acting.db.reading() as tx:
        client = load(tx, Client, client_id, "client")
        acting.require_client(tx, client.id, Action.SEE_CLIENT)
        return [_view(c) for c in client.recording_consents]


def record_consent(
    acting: Acting, client_id: str, given_on: date, *, today: date | None = None
) -> str:
    """The client's consent, given on `given_on` (not in the future), recorded by the acting
    user; refused while an earlier consent is still in force."""
    if given_on > (today or date.today()):
        raise InvalidInput("consent.in_future", day=given_on.isoformat())
    with acting.transaction() as tx:
        client = load(tx, Client, client_id, "client")
        acting.require_client(tx, client.id, Action.EDIT_CLIENT)
        _hold(tx, client)
        for earlier in client.recording_consents:
            if earlier.withdrawn_on is None:
                raise InvalidInput(
                    "consent.in_force", code=client.code, day=earlier.given_on.isoformat()
                )
        consent = RecordingConsent(
            given_on=given_on, recorded_by_id=acting.actor.id, recorded_at=utc_now()
        )
        client.recording_consents.append(consent)
        tx.flush()
        audit.record(tx, acting.actor, "consent.record", object_type="client", object_id=client.id)
        return consent.id


def withdraw_consent(
    acting: Acting,
    consent_id: str,
    withdrawn_on: date,
    *,
    version: int | None = None,
    today: date | None = None,
) -> None:
    """The consent withdrawn from `withdrawn_on` on: sessions from that day on cannot be
    marked recorded; those recorded before stay as they were."""
    if withdrawn_on > (today or date.today()):
        raise InvalidInput("consent.in_future", day=withdrawn_on.isoformat())
    with acting.transaction() as tx:
        consent = load(tx, RecordingConsent, consent_id, "consent")
        acting.require_client(tx, consent.client_id, Action.EDIT_CLIENT)
        _hold(tx, consent.client)
        if version is not None:
            check_version(consent, version, "consent")
        if consent.withdrawn_on is not None:
            raise InvalidInput("consent.withdrawn_already", day=consent.withdrawn_on.isoformat())
        if withdrawn_on < consent.given_on:
            raise InvalidInput("consent.withdrawn_before_given", day=consent.given_on.isoformat())
        consent.withdrawn_on, consent.withdrawn_by_id = withdrawn_on, acting.actor.id
        _keep_recorded_sessions_consented(consent.client, withdrawn_on)
        audit.record(
            tx, acting.actor, "consent.withdraw", object_type="client", object_id=consent.client_id
        )


def _keep_recorded_sessions_consented(client: Client, withdrawn_on: date) -> None:
    """Refused if a session marked recorded (a draft's or a signed note's) would lose the
    consent of its day: a withdrawal takes effect from a day after every recording."""
    days = [
        day
        for course in client.courses
        for s in course.sessions
        if s.recorded and (day := s.date or s.planned_date) is not None
    ]
    lost = sorted(day for day in days if not consent_on(client, day))
    if lost:
        raise InvalidInput(
            "consent.withdrawn_before_recording",
            day=withdrawn_on.isoformat(),
            recorded=lost[-1].isoformat(),
        )


def consent_on(client: Client, day: date) -> bool:
    """Whether the client's consent to recording holds on `day` (inside a unit of work)."""
    return consent_holds(((c.given_on, c.withdrawn_on) for c in client.recording_consents), day)


def consent_held_on(client: Client, day: date) -> bool:
    """`consent_on` for a change that relies on it (marking a session recorded): the client's
    consents are held until the change commits, so that a withdrawal at the same moment on a
    shared database waits for it, and then sees the recording."""
    tx = object_session(client)
    assert tx is not None
    _hold(tx, client)
    return consent_on(client, day)


def _hold(tx: Session, client: Client) -> None:
    """Lock the client's row (PostgreSQL: SELECT … FOR UPDATE; SQLite's writers take turns
    anyway) and read its consents afresh, as they stand now."""
    tx.execute(select(Client.id).where(Client.id == client.id).with_for_update())
    tx.refresh(client, ["recording_consents"])
    for consent in client.recording_consents:
        tx.refresh(consent)
