"""Content as a use case: installing a pack or programme is an administrator's action and
goes into the audit trail."""

from __future__ import annotations

from pathlib import Path

from traumefokus.content.library import ContentLibrary, Installed
from traumefokus.domain.actor import Actor
from traumefokus.domain.permissions import Permission
from traumefokus.services import audit
from traumefokus.services.auth import require
from traumefokus.storage.database import Database


def install_content(db: Database, actor: Actor, library: ContentLibrary, source: Path) -> Installed:
    require(actor, Permission.INSTALL_CONTENT)
    result = library.install(source)
    if not result.already:
        with db.transaction() as session:
            audit.record(
                session,
                actor,
                "content.install",
                object_type=result.ref.kind,
                object_id=result.ref.id,
                version=str(result.ref.version),
            )
    return result
