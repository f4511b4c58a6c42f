"""The audit trail: who read, changed or exported what. Written in the same transaction as
the work it describes, so that the trail and the data never disagree.

The trail is a hash chain (domain/audit_chain.py). `record` notes an entry on the unit of
work; as the unit commits, its entries are numbered after the chain's head, hashed, and the
head moved on, all in the same transaction. The head row is locked (PostgreSQL: SELECT ...
FOR UPDATE; SQLite: the write transaction holds the file), so two writers never give two
entries the same place; taking it last, just before the commit, keeps it held for the
shortest time and always after the unit's own rows (no deadlock between two units).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session, SessionTransaction

from traumefokus.domain.actor import Actor
from traumefokus.domain.audit_actions import KNOWN
from traumefokus.domain.audit_chain import ChainEntry, entry_hash
from traumefokus.errors import DataProblem
from traumefokus.storage.clock import utc_now
from traumefokus.storage.models import AuditEvent, AuditHead

_PENDING = "audit_pending"  # the key of a unit of work's unwritten entries in `tx.info`


@dataclass(frozen=True)
class _Draft:
    at: datetime
    user_name: str | None
    action: str
    object_type: str | None
    object_id: str | None
    details: dict[str, Any]


@dataclass
class _Pending:
    transaction: SessionTransaction
    drafts: list[_Draft] = field(default_factory=list)


def record(
    tx: Session,
    actor: Actor | None,
    action: str,
    *,
    object_type: str | None = None,
    object_id: str | None = None,
    **details: Any,
) -> None:
    """Note an entry, written to the chain when `tx` commits (and never if it rolls back).
    `action` is one of domain/audit_actions.py's codes; objects are named by ID only."""
    if action not in KNOWN:
        raise ValueError(f"an audit action not in domain/audit_actions.py: {action}")
    transaction = tx.get_transaction() or tx.begin()
    pending = tx.info.get(_PENDING)
    if pending is None or pending.transaction is not transaction:
        pending = tx.info[_PENDING] = _Pending(transaction)
    pending.drafts.append(
        _Draft(utc_now(), actor.name if actor else None, action, object_type, object_id, details)
    )


@event.listens_for(Session, "before_commit")
def _append(tx: Session) -> None:
    """Write the unit's entries after the head, and move the head, as it commits."""
    pending: _Pending | None = tx.info.pop(_PENDING, None)
    if pending is None or not pending.drafts or pending.transaction is not tx.get_transaction():
        return
    head = tx.execute(
        select(AuditHead)
        .where(AuditHead.id == 1)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if head is None:
        raise DataProblem("audit.no_head")
    for draft in pending.drafts:
        entry = ChainEntry(
            seq=head.seq + 1,
            at=draft.at,
            user_name=draft.user_name,
            action=draft.action,
            object_type=draft.object_type,
            object_id=draft.object_id,
            details=draft.details,
            prev_hash=head.hash,
        )
        digest = entry_hash(entry)
        tx.add(
            AuditEvent(
                seq=entry.seq,
                at=entry.at,
                user_name=entry.user_name,
                action=entry.action,
                object_type=entry.object_type,
                object_id=entry.object_id,
                details=draft.details,
                prev_hash=entry.prev_hash,
                hash=digest,
            )
        )
        head.seq, head.hash = entry.seq, digest
