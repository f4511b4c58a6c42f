"""The client's right to erasure (`traumefokus client erase CODE`, Client ▸ Erase the client…).

Once the retention period has run since the end of the client's last course
(domain/retention.py, the installation's `retention_years`), an administrator may erase the
client: the client and everything about them go in one transaction, all or nothing. The
client's id goes into the register of erased clients (so that a restored backup, which still
holds them, is erased again: services/restore.py), and the audit trail gets one tombstone,
`client.erase`, naming the client by id only. The trail's older entries name ids only too,
so the chain stays whole and still verifies.

What goes: every row of `ERASED`, the tables that refer to a client, a course or a session,
children first. The coding samples and ratings of the client's sessions are among them (no
ORM cascade reaches them); the coding rounds themselves stay.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Table, delete, func, or_, select
from sqlalchemy.orm import Session

from traumefokus.domain.access import Action
from traumefokus.domain.actor import Actor
from traumefokus.domain.clients import clean_client_code
from traumefokus.domain.retention import CourseEnd, ErasureDecision, erasure_decision
from traumefokus.domain.vocabulary import OPEN_STATUSES
from traumefokus.errors import InvalidInput, Refused
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.storage.models import (
    Addendum,
    Client,
    CodingRating,
    CodingSample,
    Course,
    CourseCover,
    CourseSession,
    ErasedClient,
    ItqRecord,
    PlanChange,
    RecordingConsent,
    SafetyFlag,
    StatusLetter,
    SupervisorComment,
    TreatmentGoal,
)

# Every table with a row about a client, in the order their rows are deleted (a row before
# the rows it refers to). tests/test_erasure.py walks the schema's foreign keys: a new table
# that refers to any of these fails it until it is listed here.
ERASED: tuple[Any, ...] = (
    CodingRating,
    CodingSample,
    Addendum,
    SupervisorComment,
    SafetyFlag,
    PlanChange,
    TreatmentGoal,
    StatusLetter,
    ItqRecord,
    CourseCover,
    RecordingConsent,
    CourseSession,
    Course,
    Client,
)


@dataclass(frozen=True)
class ErasureCheck:
    """What erasing the client would mean today: whether it is allowed, from when, and how
    much goes (for the confirmation)."""

    client_id: str
    code: str
    years: int
    decision: ErasureDecision
    courses: int
    sessions: int


@dataclass(frozen=True)
class Erased:
    client_id: str
    code: str
    courses: int
    sessions: int


def retention_years(acting: Acting) -> int:
    """The installation's retention period in whole years (settings.py)."""
    from traumefokus.settings import Settings

    return Settings.load(acting.data_dir.settings).retention_years


def check_erasure(
    acting: Acting, code: str, *, today: date, years: int | None = None
) -> ErasureCheck:
    """Whether the client `code` may be erased `today` (administrators only)."""
    code = clean_client_code(code)
    years = retention_years(acting) if years is None else years
    acting.require(Action.ERASE_CLIENT)
    with acting.db.reading() as tx:
        return _check(tx, code, today, years)


def erase_client(acting: Acting, code: str, *, today: date, years: int | None = None) -> Erased:
    """Erase the client `code` and everything about them, in one transaction; Refused while
    a course is open or before the retention period has run (with the day it has)."""
    code = clean_client_code(code)
    years = retention_years(acting) if years is None else years
    acting.require(Action.ERASE_CLIENT)
    with acting.db.transaction() as tx:
        check = _check(tx, code, today, years)
        decision = check.decision
        if decision.open_course:
            raise Refused("erase.course_open", code=code)
        if not decision.allowed:
            raise Refused(
                "erase.too_early",
                code=code,
                date=decision.possible_from,
                ended=decision.last_end,
                years=years,
            )
        remove_client(tx, check.client_id)
        tx.add(ErasedClient(client_id=check.client_id))
        audit.record(
            tx,
            acting.actor,
            "client.erase",
            object_type="client",
            object_id=check.client_id,
            courses=check.courses,
            sessions=check.sessions,
        )
    return Erased(check.client_id, code, check.courses, check.sessions)


def _check(tx: Session, code: str, today: date, years: int) -> ErasureCheck:
    client_id = tx.scalar(select(Client.id).where(Client.code == code))
    if client_id is None:
        raise InvalidInput("export.client_unknown", code=code)
    last_session = (
        select(func.max(CourseSession.date))
        .where(CourseSession.course_id == Course.id)
        .scalar_subquery()
    )
    courses = tx.execute(
        select(Course.status, Course.end_date, Course.start_date, last_session).where(
            Course.client_id == client_id
        )
    ).all()
    ends = [CourseEnd(row[0], _ended_on(*row)) for row in courses]
    sessions = tx.scalar(
        select(func.count(CourseSession.id))
        .join(Course, CourseSession.course_id == Course.id)
        .where(Course.client_id == client_id)
    )
    decision = erasure_decision(ends, today, years)
    return ErasureCheck(client_id, code, years, decision, len(courses), sessions or 0)


def _ended_on(status: str, end: date | None, start: date, held: date | None, /) -> date | None:
    """The day a closed course ended; one closed without a day (older data) ended no earlier
    than its start or its last session."""
    if status in OPEN_STATUSES or end is not None:
        return end
    return max(day for day in (start, held) if day is not None)


def remove_client(tx: Session, client_id: str) -> None:
    """Delete the client `client_id` and every row about them (`ERASED`), in `tx`."""
    course_ids = list(tx.scalars(select(Course.id).where(Course.client_id == client_id)))
    session_ids = list(
        tx.scalars(select(CourseSession.id).where(CourseSession.course_id.in_(course_ids)))
    )
    ids = {"clients": [client_id], "courses": course_ids, "course_sessions": session_ids}
    for model in ERASED:
        table: Table = model.__table__
        tx.execute(delete(table).where(_about(table, ids)))
    tx.expunge_all()  # nothing loaded before may be flushed back


def _about(table: Table, ids: Mapping[str, Sequence[str]]) -> Any:
    """The rows of `table` that are the client's, or refer to their courses or sessions."""
    conditions = [
        column.in_(ids[column.table.name])
        for column in table.primary_key.columns
        if column.table.name in ids
    ]
    for key in table.foreign_keys:
        referred = key.column.table.name
        if referred in ids:
            conditions.append(key.parent.in_(ids[referred]))
    if not conditions:
        raise AssertionError(f"{table.name} refers to no client, course or session")
    return or_(*conditions)


def erased_ids(tx: Session) -> set[str]:
    """The register of erased clients."""
    return set(tx.scalars(select(ErasedClient.client_id)))


def reapply_erasures(tx: Session, register: set[str], actor: Actor | None) -> int:
    """After a restore: erase again every client of `register` (the replaced database's and
    the backup's registers) that the restored database holds, and keep the whole register in
    it. How many clients were erased again."""
    known = erased_ids(tx)
    present = list(tx.scalars(select(Client.id).where(Client.id.in_(sorted(register)))))
    for client_id in present:
        remove_client(tx, client_id)
        audit.record(
            tx, actor, "client.erase", object_type="client", object_id=client_id, reapplied=True
        )
    for client_id in sorted(register - known):
        tx.add(ErasedClient(client_id=client_id))
    return len(present)
