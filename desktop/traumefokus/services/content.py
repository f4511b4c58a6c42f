"""Content as a use case: installing a pack or programme is an administrator's action and
goes into the audit trail."""

from __future__ import annotations

from pathlib import Path

from traumefokus.content.library import Installed
from traumefokus.domain.access import Action
from traumefokus.services import audit
from traumefokus.services.acting import Acting


def install_content(acting: Acting, source: Path) -> Installed:
    acting.require(Action.INSTALL_CONTENT)
    result = acting.library.install(source)
    if not result.already:
        with acting.transaction() as tx:
            audit.record(
                tx,
                acting.actor,
                "content.install",
                object_type=result.ref.kind,
                object_id=result.ref.id,
                version=str(result.ref.version),
            )
    return result
