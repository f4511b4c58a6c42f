"""The integrity check before the first write (storage/integrity.py, armed by
services/workspace.py) runs here on a thread of its own as soon as the window is painted and
the database open, so that neither the first paint nor typing waits for it; a write that
comes first waits for it to finish (storage/database.py), and a damaged database is said
once, in a box, and never written to.

An encrypted database opens only when someone signs in, and signing in writes (the audit
trail): the window's sign-in reads who they are at once, and its writes follow the check on
its thread (services/unlocking.py unlock_for_window), so that the user need not wait.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from traumefokus.errors import TraumefokusError

if TYPE_CHECKING:
    from traumefokus.ui.background import BackgroundTask
    from traumefokus.ui.context import UiContext

log = logging.getLogger(__name__)

_shown: list[QMessageBox] = []  # a box without a parent must be kept alive


def check_soon(
    ctx: UiContext, parent: QWidget | None = None, then: Callable[[], object] | None = None
) -> BackgroundTask | None:
    """Run the open database's write check in the background, and `then` (writes that
    waited for it) on the same thread; the task, or None if no database is open."""
    from traumefokus.ui.background import BackgroundTask

    db = ctx.db
    if db is None:
        return None

    def check(_progress: object) -> None:
        db.pass_write_check()
        if then is not None:
            then()

    task = BackgroundTask(check)
    task.failed.connect(lambda error: _failed(ctx, parent, error))
    task.start()
    return task


def _failed(ctx: UiContext, parent: QWidget | None, error: TraumefokusError | str) -> None:
    kind = error.code if isinstance(error, TraumefokusError) else error
    log.info("The database may not be written (%s)", kind)
    message = ctx.describe(error) if isinstance(error, TraumefokusError) else error
    box = QMessageBox(QMessageBox.Icon.Critical, "Traumefokus", message, parent=parent)
    box.finished.connect(lambda _result: _shown.remove(box) if box in _shown else None)
    _shown.append(box)
    box.open()
