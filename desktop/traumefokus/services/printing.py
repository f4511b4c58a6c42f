"""Paper with client data leaving the program: the audit trail says who printed (or saved
as PDF) which document, and when."""

from __future__ import annotations

from traumefokus.domain.actor import Actor
from traumefokus.domain.permissions import Permission
from traumefokus.services import audit
from traumefokus.services.auth import require
from traumefokus.storage.database import Database


def record_printed(
    db: Database, actor: Actor, document: str, *, object_type: str, object_id: str
) -> None:
    require(actor, Permission.VIEW_CLIENTS)
    with db.transaction() as session:
        audit.record(
            session, actor, f"print.{document}", object_type=object_type, object_id=object_id
        )
