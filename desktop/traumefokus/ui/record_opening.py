"""The screens' side of `record.open` (services/record_opening.py): called when a user opens
a client, a course or a session, never when an open screen is refreshed."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Literal

from traumefokus.errors import TraumefokusError

if TYPE_CHECKING:
    from traumefokus.ui.context import UiContext

log = logging.getLogger(__name__)


def note_opened(
    ctx: UiContext, kind: Literal["client", "course", "session"], object_id: str
) -> None:
    """Record the opening. What is already on screen stays there if it cannot be written
    (a database that may only be read, a full disk): that is said when something is saved,
    and here it is logged by its error code only."""
    from traumefokus.services.record_opening import Opened, record_opened

    try:
        record_opened(ctx.acting, Opened(kind), object_id)
    except TraumefokusError as exc:
        log.warning("An opening was not written to the audit trail (%s)", exc.code)
