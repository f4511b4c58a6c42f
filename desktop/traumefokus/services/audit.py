"""The audit trail: who read, changed or exported what. Written in the same transaction as
the work it describes, so that the trail and the data never disagree."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from traumefokus.domain.actor import Actor
from traumefokus.storage.models import AuditEvent
from traumefokus.storage.types import utc_now


def record(
    tx: Session,
    actor: Actor | None,
    action: str,
    *,
    object_type: str | None = None,
    object_id: str | None = None,
    **details: Any,
) -> None:
    tx.add(
        AuditEvent(
            at=utc_now(),
            user_name=actor.name if actor else None,
            action=action,
            object_type=object_type,
            object_id=object_id,
            details=details,
        )
    )
