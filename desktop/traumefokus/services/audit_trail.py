"""Reading the audit trail: checking its hash chain, and its entries for an export (all, or
those about one client).

Both read one snapshot (SQLite's read transaction; PostgreSQL's REPEATABLE READ), batch by
batch in the order of `seq`, so that a long trail is never held in memory at once and
entries appended meanwhile do not disturb the walk.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from traumefokus.domain.access import Action
from traumefokus.domain.audit_chain import Break, ChainEntry, ChainWalk, Head, canonical_fields
from traumefokus.errors import InvalidInput
from traumefokus.services import audit
from traumefokus.services.acting import Acting
from traumefokus.storage.models import (
    AuditEvent,
    AuditHead,
    Client,
    Course,
    CourseSession,
    SupervisorComment,
)

BATCH = 5000  # entries read at a time
COLUMNS = (
    AuditEvent.seq,
    AuditEvent.at,
    AuditEvent.user_name,
    AuditEvent.action,
    AuditEvent.object_type,
    AuditEvent.object_id,
    AuditEvent.details,
    AuditEvent.prev_hash,
    AuditEvent.hash,
)


@dataclass(frozen=True)
class ChainReport:
    count: int  # entries found whole before the first break (all of them if none)
    broken: Break | None


def verify_chain(acting: Acting) -> ChainReport:
    """Walk the chain from the first entry to the head; the first break, if any."""
    acting.require(Action.AUDIT)
    walk = ChainWalk()
    with acting.db.reading() as tx:
        _snapshot(tx)
        for batch in _batches(tx, select(*COLUMNS)):
            walk.feed((_entry(row), row.hash) for row in batch)
            if walk.broken is not None:
                break
        head = tx.scalar(select(AuditHead).where(AuditHead.id == 1))
        ends = Head(head.seq, head.hash) if head is not None else None
    return ChainReport(walk.count, walk.finish(ends))


def client_object_ids(acting: Acting, client_code: str) -> tuple[str, set[str]]:
    """The client's id, and the ids of everything the trail names that belongs to the client:
    the client, its courses, their sessions and supervisors' comments."""
    acting.require(Action.AUDIT)
    with acting.db.reading() as tx:
        client_id = tx.scalar(select(Client.id).where(Client.code == client_code))
        if client_id is None:
            raise InvalidInput("export.client_unknown", code=client_code)
        courses = set(tx.scalars(select(Course.id).where(Course.client_id == client_id)))
        sessions = tx.scalars(select(CourseSession.id).where(CourseSession.course_id.in_(courses)))
        comments = tx.scalars(
            select(SupervisorComment.id).where(SupervisorComment.course_id.in_(courses))
        )
        return client_id, {client_id, *courses, *sessions, *comments}


def trail_entries(acting: Acting, about: set[str] | None = None) -> Iterator[dict[str, Any]]:
    """Each entry as exported, in order: its canonical fields (domain/audit_chain.py) and its
    hash, so that a line's hash can be checked on its own. With `about`, only the entries
    whose object is one of these ids."""
    acting.require(Action.AUDIT)
    query = select(*COLUMNS)
    if about is not None:
        ids = sorted(about)
        chunks = [ids[i : i + 500] for i in range(0, len(ids), 500)]  # parameter limits
        query = query.where(or_(*(AuditEvent.object_id.in_(chunk) for chunk in chunks)))
    with acting.db.reading() as tx:
        _snapshot(tx)
        for batch in _batches(tx, query):
            for row in batch:
                yield {**canonical_fields(_entry(row)), "hash": row.hash}


def record_export(acting: Acting, *, client_id: str | None, entries: int) -> None:
    """The export in the trail: how many entries, and about which client (by id)."""
    acting.require(Action.AUDIT)
    with acting.transaction() as tx:
        audit.record(
            tx,
            acting.actor,
            "audit.export",
            object_type="client" if client_id else None,
            object_id=client_id,
            entries=entries,
        )


def _snapshot(tx: Session) -> None:
    """Every batch of this unit reads the same committed state."""
    if tx.get_bind().dialect.name == "postgresql":
        tx.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def _batches(tx: Session, query: Select[Any]) -> Iterator[list[Any]]:
    last = 0
    while True:
        rows = tx.execute(query.where(AuditEvent.seq > last).order_by(AuditEvent.seq).limit(BATCH))
        batch = list(rows)
        if not batch:
            return
        yield batch
        last = batch[-1].seq


def _entry(row: Any) -> ChainEntry:
    return ChainEntry(
        seq=row.seq,
        at=row.at,
        user_name=row.user_name,
        action=row.action,
        object_type=row.object_type,
        object_id=row.object_id,
        details=row.details,
        prev_hash=row.prev_hash,
    )
